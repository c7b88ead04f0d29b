//! Extraction never panics and every source span it reports is the sentence it quotes,
//! whatever the text: arbitrary Unicode, and word salad built from the vocabulary the rules
//! look for (titles, verbs of travel, dates, places, punctuation).

use itinerary::domain::Document;
use itinerary::extract::{assemble, extract};
use itinerary::gazetteer::Gazetteer;
use proptest::prelude::{ProptestConfig, Strategy, prop, proptest};

const VOCABULARY: &[&str] = &[
    "The",
    "Secretary-General",
    "President",
    "Foreign",
    "Minister",
    "Ana",
    "Ruiz",
    "met",
    "with",
    "flew",
    "from",
    "to",
    "Lima",
    "Moscow",
    "Rzeszów",
    "Poland",
    "via",
    "arrived",
    "in",
    "left",
    "for",
    "on",
    "Monday,",
    "25",
    "April",
    "the",
    "following",
    "day",
    "he",
    "she",
    "held",
    "talks",
    "luncheon",
    "press",
    "conference",
    "joint",
    "stakeout",
    "visited",
    "will",
    "travel",
    "Mr.",
    "H.E.",
    "Dr.",
    "U.N.",
    ",",
    ".",
    ";",
    "\u{2014}",
    "\u{201c}",
    "(",
    ")",
    "\n\n",
    "26-29",
    "Jan.",
    "13-18",
    "by",
    "road",
    "helicopter",
    "that",
    "evening",
    "today",
    "received",
    "welcomed",
    "the town of",
    "Kyiv",
    "'s",
    "\u{00a0}",
    "e\u{0301}",
    "who",
    "is",
];

fn salad() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 0..120).prop_map(|w| w.join(" "))
}

fn check(body: &str) {
    let Ok(doc) = Document::parse("prop.txt", format!(" date 2022-05-06 {body}")) else {
        return;
    };
    let extraction = extract(&doc, Gazetteer::global());
    let sources = extraction
        .legs
        .iter()
        .filter_map(|l| l.source.as_ref())
        .chain(extraction.meetings.iter().filter_map(|m| m.source.as_ref()));
    for source in sources {
        assert!(source.start <= source.end && source.end <= doc.text.len());
        assert_eq!(
            doc.text.get(source.start..source.end),
            Some(source.sentence.as_str())
        );
    }
    let _ = assemble(&[extraction]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_breaks_extraction(body in "\\PC{0,400}") {
        check(&body);
    }

    #[test]
    fn word_salad_keeps_spans_valid(body in salad()) {
        check(&body);
    }
}
