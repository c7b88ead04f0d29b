//! Extraction: a document in, the traveller's legs and meetings out, each linked to the
//! sentence it came from; then documents assembled into trips. Pure: no I/O, no clock.

pub mod dates;
pub mod lexicon;
pub mod people;
pub mod segment;

use crate::domain::{Document, LegDraft, MeetingDraft, Traveller, TripDraft};
use crate::gazetteer::Gazetteer;

/// What one document yields.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentExtraction {
    pub document: String,
    pub traveller: Option<Traveller>,
    pub legs: Vec<LegDraft>,
    pub meetings: Vec<MeetingDraft>,
    /// Mentions that could not be resolved, for `--verbose` and warnings.
    pub notes: Vec<String>,
}

/// Extracts the traveller, legs and meetings of one document.
pub fn extract(doc: &Document, _gazetteer: &Gazetteer) -> DocumentExtraction {
    DocumentExtraction {
        document: doc.name.clone(),
        traveller: None,
        legs: Vec::new(),
        meetings: Vec::new(),
        notes: Vec::new(),
    }
}

/// Groups the extractions of several documents into trips, deterministically: the same
/// documents in any order give the same trips.
pub fn assemble(extractions: &[DocumentExtraction]) -> Vec<TripDraft> {
    extractions
        .iter()
        .filter_map(|e| {
            let traveller = e.traveller.clone()?;
            Some(TripDraft {
                traveller,
                title: None,
                summary: None,
                legs: e.legs.clone(),
                meetings: e.meetings.clone(),
                sources: vec![e.document.clone()],
            })
        })
        .collect()
}

/// Meetings in a short remark whose implied subject is the traveller ("Met with Prime
/// Minister Harper. Attended the G-20 Summit."), as in records of official travel. Dates
/// default to `date`, places to `place`.
pub fn meetings_in_remark(
    _remark: &str,
    _date: chrono::NaiveDate,
    _place: Option<&crate::domain::Place>,
    _traveller: &Traveller,
    _gazetteer: &Gazetteer,
) -> Vec<MeetingDraft> {
    Vec::new()
}
