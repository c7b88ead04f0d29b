//! A trip draft under a stable key, so that loading the same source twice adds nothing and
//! a changed source replaces what it produced before.

use sha2::{Digest, Sha256};

use super::TripDraft;

/// A trip draft with the key of the records it was read from (`history-state/...#2961`)
/// and a hash of its content. Two drafts with the same key and hash are the same import.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyedDraft {
    pub key: String,
    /// Lower-case hex SHA-256 of the draft's JSON.
    pub hash: String,
    pub draft: TripDraft,
}

impl KeyedDraft {
    /// Keys `draft` under `key`, hashing its content.
    pub fn new(key: impl Into<String>, draft: TripDraft) -> Self {
        // serializing plain data (strings, numbers, dates) cannot fail
        let json = serde_json::to_vec(&draft).unwrap_or_default();
        let digest = Sha256::digest(&json);
        let hash = digest.iter().map(|b| format!("{b:02x}")).collect();
        Self {
            key: key.into(),
            hash,
            draft,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Traveller;

    fn draft(title: &str) -> TripDraft {
        TripDraft {
            traveller: Traveller {
                name: "Jane Doe".into(),
                role: None,
            },
            title: Some(title.into()),
            summary: None,
            legs: Vec::new(),
            meetings: Vec::new(),
            sources: Vec::new(),
        }
    }

    #[test]
    fn same_content_same_hash_and_a_change_changes_it() {
        let a = KeyedDraft::new("k", draft("A"));
        assert_eq!(a.hash, KeyedDraft::new("k", draft("A")).hash);
        assert_ne!(a.hash, KeyedDraft::new("k", draft("B")).hash);
        assert_eq!(a.hash.len(), 64);
    }
}
