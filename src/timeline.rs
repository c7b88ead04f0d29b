//! From documents to a filled store: extract each document, assemble trips, insert them.

use serde::Serialize;

use crate::domain::{Document, Leg, Meeting, Trip, TripDraft};
use crate::extract::{self, DocumentExtraction};
use crate::gazetteer::Gazetteer;
use crate::store::Store;

/// Extracts `documents` and assembles their trips: what a durable store runs inside the
/// transaction that stores documents (see `store::sql::Extractor`).
pub fn drafts(documents: &[Document]) -> Vec<TripDraft> {
    extract::assemble(&extract_documents(documents))
}

/// Extracts every document, on all cores when there are many: extraction is pure and the
/// gazetteer is shared, so documents are split into one chunk per core. The order of the
/// result is the order of `documents`.
pub fn extract_documents(documents: &[Document]) -> Vec<DocumentExtraction> {
    let gazetteer = Gazetteer::global();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || documents.len() < 64 {
        return documents
            .iter()
            .map(|doc| extract::extract(doc, gazetteer))
            .collect();
    }
    let chunk = documents.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = documents
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|doc| extract::extract(doc, gazetteer))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                // a panic in a worker is re-raised here, as if extraction ran inline
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Extracts `documents` and assembles their trips into `store`. Returns the per-document
/// extractions, for reporting. A document where nothing was found is logged as a warning.
pub fn load(store: &Store, documents: &[Document]) -> Vec<DocumentExtraction> {
    let extractions = extract_documents(documents);
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
