//! Documents as stored: the text with its content hash, where it came from, and when.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::domain::{Document, Id, Published};

/// How a document arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentOrigin {
    /// Read from the seed directory at start-up.
    Seed,
    /// Posted through `POST /documents`.
    Api,
    /// Read from a dataset by an import.
    Import,
}

impl DocumentOrigin {
    /// The name stored in the database (`"seed"`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Seed => "seed",
            Self::Api => "api",
            Self::Import => "import",
        }
    }

    /// Parses [`DocumentOrigin::name`]; `None` for anything else.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Seed, Self::Api, Self::Import]
            .into_iter()
            .find(|o| o.name() == name)
    }
}

/// A document as the store keeps it: the parsed document, its id and content hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: Id,
    pub document: Document,
    /// SHA-256 of the text, lower-case hex: see [`content_hash`].
    pub content_hash: String,
    pub origin: DocumentOrigin,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl StoredDocument {
    /// The document's name (file name, or the name given when posted).
    pub fn name(&self) -> &str {
        &self.document.name
    }

    /// Its publication date.
    pub fn published(&self) -> Published {
        self.document.published
    }
}

/// The content hash of a document's text: SHA-256, lower-case hex. Two texts with the same
/// hash are the same document; a changed hash means re-extraction.
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_is_sha256_hex() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
