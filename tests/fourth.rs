//! The fourth corpus (`tests/fourth`): 30 documents in the genres the extractor reads (UN
//! Secretary-General travel notes, news-agency reports, government readouts), each with a gold
//! file per `../shared/corpus/ANNOTATION.md`, written without reference to the extraction
//! rules. It first measured texts no rule was written against (legs F1 0.444, meetings
//! 0.547); its misses have since been studied to make the rules general (with sentences of
//! our own in the unit tests), so it is a fourth development corpus, and `tests/sealed` alone
//! measures unseen texts. The floors sit below the measured scores (README, "Extraction"), so
//! a regression fails the suite. Run with `--nocapture` to see the score table.

mod common;

use common::corpus::Corpus;

const FOURTH: Corpus = Corpus {
    folder: "fourth",
    documents: 30,
    gold_legs: 93,
    gold_contacts: 239,
    legs_f1_floor: LEGS_F1_FLOOR,
    meetings_f1_floor: MEETINGS_F1_FLOOR,
};

/// Legs F1 must not fall below this (measured 0.444 when the corpus was added, 0.615 once
/// its misses were studied, 0.659 in the release after, 0.723 in the next).
const LEGS_F1_FLOOR: f64 = 0.68;
/// Meeting-contact F1 must not fall below this (measured 0.547 when the corpus was added,
/// 0.606 once its misses were studied, 0.642 in the release after, 0.687 in the next).
const MEETINGS_F1_FLOOR: f64 = 0.65;

#[test]
fn fourth_scores_stay_above_their_floors() {
    FOURTH.assert_scores();
}

#[test]
fn fourth_gold_is_unchanged_in_size() {
    FOURTH.assert_gold_size();
}

#[test]
fn fourth_gold_uses_only_annotation_values() {
    FOURTH.assert_gold_values();
}
