//! From documents to a filled store: extract each document, assemble trips, insert them.

use serde::Serialize;

use crate::domain::{Document, Leg, Meeting, Trip, TripDraft};
use crate::extract::{self, DocumentExtraction};
use crate::gazetteer::Gazetteer;
use crate::store::Store;

/// Extracts `documents` and assembles their trips: what a durable store runs inside the
/// transaction that stores documents (see `store::sql::Extractor`).
pub fn drafts(documents: &[Document]) -> Vec<TripDraft> {
    let gazetteer = Gazetteer::global();
    let extractions: Vec<DocumentExtraction> = documents
        .iter()
        .map(|doc| extract::extract(doc, gazetteer))
        .collect();
    extract::assemble(&extractions)
}

/// Extracts `documents` and assembles their trips into `store`. Returns the per-document
/// extractions, for reporting. A document where nothing was found is logged as a warning.
pub fn load(store: &Store, documents: &[Document]) -> Vec<DocumentExtraction> {
    let gazetteer = Gazetteer::global();
    let extractions: Vec<DocumentExtraction> = documents
        .iter()
        .map(|doc| extract::extract(doc, gazetteer))
        .collect();
    for extraction in &extractions {
        if extraction.legs.is_empty() && extraction.meetings.is_empty() {
            tracing::warn!(doc.name = %extraction.document, "found no leg or meeting in {}", extraction.document);
        }
    }
    store.insert_drafts(extract::assemble(&extractions));
    extractions
}

/// What `itinerary extract` prints: the same item shapes as the API.
#[derive(Debug, Serialize)]
pub struct ExtractOutput {
    pub documents: Vec<DocumentSummary>,
    pub trips: Vec<Trip>,
    pub legs: Vec<Leg>,
    pub meetings: Vec<Meeting>,
}

/// A document as listed by `extract`: name, publication date, title.
#[derive(Debug, Serialize)]
pub struct DocumentSummary {
    pub name: String,
    pub published: crate::domain::Published,
    pub title: Option<String>,
}

/// Extracts `documents` into a fresh store and returns everything in it.
pub fn extract_all(documents: &[Document]) -> ExtractOutput {
    let store = Store::new();
    load(&store, documents);
    ExtractOutput {
        documents: documents
            .iter()
            .map(|d| DocumentSummary {
                name: d.name.clone(),
                published: d.published,
                title: d.title.clone(),
            })
            .collect(),
        trips: store.trips(),
        legs: store.legs(),
        meetings: store.meetings(),
    }
}
