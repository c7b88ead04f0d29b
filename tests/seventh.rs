//! The seventh corpus (`tests/seventh`): 14 documents in the genres the extractor reads (UN
//! Secretary-General travel notes, news-agency reports, government readouts), each with a gold
//! file per `../shared/corpus/ANNOTATION.md`, written without reference to the extraction
//! rules. It first measured legs F1 0.448 and meetings 0.521; its misses are studied to make
//! the rules general (with sentences of our own in the unit tests), so it is a development
//! corpus, and `tests/sealed` alone measures unseen texts. The floors sit below the measured
//! scores (README, "Extraction"), so a regression fails the suite. Run with `--nocapture` to
//! see the score table.

mod common;

use common::corpus::Corpus;

const SEVENTH: Corpus = Corpus {
    folder: "seventh",
    documents: 14,
    gold_legs: 69,
    gold_contacts: 128,
    legs_f1_floor: LEGS_F1_FLOOR,
    meetings_f1_floor: MEETINGS_F1_FLOOR,
};

/// Legs F1 must not fall below this (measured 0.448 when the corpus was added, 0.667 once
/// the first of its misses were studied, 0.724 with the eighth corpus's).
const LEGS_F1_FLOOR: f64 = 0.68;
/// Meeting-contact F1 must not fall below this (measured 0.521 when the corpus was added,
/// 0.693 once the first of its misses were studied, 0.704 with the eighth corpus's).
const MEETINGS_F1_FLOOR: f64 = 0.66;

#[test]
fn seventh_scores_stay_above_their_floors() {
    SEVENTH.assert_scores();
}

#[test]
fn seventh_gold_is_unchanged_in_size() {
    SEVENTH.assert_gold_size();
}

#[test]
fn seventh_gold_uses_only_annotation_values() {
    SEVENTH.assert_gold_values();
}
