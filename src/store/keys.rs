//! Natural keys of extracted items: names that stay the same when a document is extracted
//! again, so that re-extraction updates an item in place (same id, URL and curation state)
//! instead of replacing it. Pure: no I/O.
//!
//! - leg or meeting: `{document}#{kind}:{sentence hash}:{n}`, where the hash is of the text of
//!   the sentence it came from and `n` counts the items of that kind from the same sentence.
//!   Editing one sentence of a document changes only the keys of that sentence's items.
//! - an item without a source sentence: `{trip key}#{kind}:{n}`, by position in its trip.
//! - trip: `{first document}#trip:{folded traveller}:{n}`. A trip that spans several documents
//!   is keyed by the first, so a later document that extends it keeps its key.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use crate::domain::{LegDraft, MeetingDraft, Source, TripDraft};
use crate::fold::fold;

/// An extracted leg or meeting with its natural key and the document it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyedItem<T> {
    pub key: String,
    /// Name of the document the item was read from, if any.
    pub document: Option<String>,
    pub item: T,
}

/// An extracted trip with its natural key and keyed legs and meetings, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyedTrip {
    pub key: String,
    /// Name of the trip's first document, if any.
    pub document: Option<String>,
    pub draft: TripDraft,
    pub legs: Vec<KeyedItem<LegDraft>>,
    pub meetings: Vec<KeyedItem<MeetingDraft>>,
}

/// Gives each assembled trip, leg and meeting its natural key. The same drafts always get the
/// same keys, and no two items get the same key.
pub fn key_trips(drafts: Vec<TripDraft>) -> Vec<KeyedTrip> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut next = |stem: String| {
        let n = counts.entry(stem.clone()).or_default();
        *n += 1;
        format!("{stem}:{n}")
    };
    drafts
        .into_iter()
        .map(|draft| {
            let document = draft.sources.first().cloned();
            let key = next(format!(
                "{}#trip:{}",
                document.as_deref().unwrap_or(""),
                fold(&draft.traveller.name)
            ));
            let legs = draft
                .legs
                .iter()
                .map(|leg| keyed(&mut next, &key, "leg", leg.source.as_ref(), leg.clone()))
                .collect();
            let meetings = draft
                .meetings
                .iter()
                .map(|m| keyed(&mut next, &key, "meeting", m.source.as_ref(), m.clone()))
                .collect();
            KeyedTrip {
                key,
                document,
                draft,
                legs,
                meetings,
            }
        })
        .collect()
}

fn keyed<T>(
    next: &mut impl FnMut(String) -> String,
    trip_key: &str,
    kind: &str,
    source: Option<&Source>,
    item: T,
) -> KeyedItem<T> {
    match source {
        Some(source) => KeyedItem {
            key: next(format!(
                "{}#{kind}:{}",
                source.document,
                sentence_hash(&source.sentence)
            )),
            document: Some(source.document.clone()),
            item,
        },
        None => KeyedItem {
            key: next(format!("{trip_key}#{kind}")),
            document: trip_key
                .split('#')
                .next()
                .filter(|d| !d.is_empty())
                .map(str::to_owned),
            item,
        },
    }
}

/// The first 16 hex digits of the SHA-256 of a sentence, whitespace-normalised so that
/// re-wrapping a paragraph does not change keys.
fn sentence_hash(sentence: &str) -> String {
    let normalised: Vec<&str> = sentence.split_whitespace().collect();
    Sha256::digest(normalised.join(" ").as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MeetingKind, Status, Traveller};

    fn meeting(document: &str, sentence: &str) -> MeetingDraft {
        MeetingDraft {
            date: None,
            part_of_day: None,
            place: None,
            kind: MeetingKind::Meeting,
            participants: Vec::new(),
            summary: None,
            status: Status::Completed,
            source: Some(Source {
                document: document.into(),
                sentence: sentence.into(),
                start: 0,
                end: sentence.len(),
            }),
        }
    }

    fn trip(sources: &[&str], meetings: Vec<MeetingDraft>) -> TripDraft {
        TripDraft {
            traveller: Traveller {
                name: "Ana Núñez".into(),
                role: None,
            },
            title: None,
            summary: None,
            legs: Vec::new(),
            meetings,
            sources: sources.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn keys_follow_the_sentence_not_its_position() {
        let one = "She met the Mayor of Quito.";
        let before = key_trips(vec![trip(&["a.txt"], vec![meeting("a.txt", one)])]);
        let after = key_trips(vec![trip(
            &["a.txt"],
            vec![
                meeting("a.txt", "She landed at dawn."),
                meeting("a.txt", one),
            ],
        )]);
        assert_eq!(before[0].key, "a.txt#trip:ana nunez:1");
        assert_eq!(before[0].meetings[0].key, after[0].meetings[1].key);
        assert_ne!(after[0].meetings[0].key, after[0].meetings[1].key);
    }

    #[test]
    fn two_items_from_one_sentence_get_distinct_keys() {
        let s = "She met the Mayor and then lunched with the Governor.";
        let keyed = key_trips(vec![trip(
            &["b.txt", "c.txt"],
            vec![meeting("b.txt", s), meeting("b.txt", s)],
        )]);
        let keys: Vec<&str> = keyed[0].meetings.iter().map(|m| m.key.as_str()).collect();
        assert!(
            keys[0].ends_with(":1") && keys[1].ends_with(":2"),
            "{keys:?}"
        );
        assert_eq!(keyed[0].document.as_deref(), Some("b.txt"));
    }
}
