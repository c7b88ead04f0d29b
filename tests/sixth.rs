//! The sixth corpus (`tests/sixth`): 12 documents in the genres the extractor reads (UN
//! Secretary-General travel notes, news-agency reports, government readouts), each with a gold
//! file per `../shared/corpus/ANNOTATION.md`, written without reference to the extraction
//! rules. It first measured legs F1 0.376 and meetings 0.424; its misses are studied to make
//! the rules general (with sentences of our own in the unit tests), so it is a development
//! corpus, and `tests/sealed` alone measures unseen texts. The floors sit below the measured
//! scores (README, "Extraction"), so a regression fails the suite. Run with `--nocapture` to
//! see the score table.

mod common;

use common::corpus::Corpus;

const SIXTH: Corpus = Corpus {
    folder: "sixth",
    documents: 12,
    gold_legs: 63,
    gold_contacts: 110,
    legs_f1_floor: LEGS_F1_FLOOR,
    meetings_f1_floor: MEETINGS_F1_FLOOR,
};

/// Legs F1 must not fall below this (measured 0.376 when the corpus was added, 0.767 once
/// the first of its misses were studied).
const LEGS_F1_FLOOR: f64 = 0.72;
/// Meeting-contact F1 must not fall below this (measured 0.424 when the corpus was added,
/// 0.632 once the first of its misses were studied).
const MEETINGS_F1_FLOOR: f64 = 0.58;

#[test]
fn sixth_scores_stay_above_their_floors() {
    SIXTH.assert_scores();
}

#[test]
fn sixth_gold_is_unchanged_in_size() {
    SIXTH.assert_gold_size();
}

#[test]
fn sixth_gold_uses_only_annotation_values() {
    SIXTH.assert_gold_values();
}
