//! The eighth corpus (`tests/eighth`): 14 documents in the genres the extractor reads (UN
//! Secretary-General travel notes, news-agency reports, government readouts), each with a gold
//! file per `../shared/corpus/ANNOTATION.md`, written without reference to the extraction
//! rules. It first measured legs F1 0.630 and meetings 0.660; its misses are studied to make
//! the rules general (with sentences of our own in the unit tests), so it is a development
//! corpus, and `tests/sealed` alone measures unseen texts. The floors sit below the measured
//! scores (README, "Extraction"), so a regression fails the suite. Run with `--nocapture` to
//! see the score table.

mod common;

use common::corpus::Corpus;

const EIGHTH: Corpus = Corpus {
    folder: "eighth",
    documents: 14,
    gold_legs: 77,
    gold_contacts: 165,
    legs_f1_floor: LEGS_F1_FLOOR,
    meetings_f1_floor: MEETINGS_F1_FLOOR,
};

/// Legs F1 must not fall below this (measured 0.630 when the corpus was added, 0.830 once
/// the first of its misses were studied).
const LEGS_F1_FLOOR: f64 = 0.78;
/// Meeting-contact F1 must not fall below this (measured 0.660 when the corpus was added,
/// 0.776 once the first of its misses were studied).
const MEETINGS_F1_FLOOR: f64 = 0.73;

#[test]
fn eighth_scores_stay_above_their_floors() {
    EIGHTH.assert_scores();
}

#[test]
fn eighth_gold_is_unchanged_in_size() {
    EIGHTH.assert_gold_size();
}

#[test]
fn eighth_gold_uses_only_annotation_values() {
    EIGHTH.assert_gold_values();
}
