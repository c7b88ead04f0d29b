//! Trips, legs and meetings as the API shows them, and the drafts extraction produces before
//! the store gives them ids.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Id, MeetingKind, Mode, PartOfDay, Status};

/// A place as written in a text, resolved against the gazetteer when possible. Unknown
/// fields are `null`: a place the gazetteer does not know keeps its name and no coordinates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Moscow", "country": "Russian Federation", "country_code": "RU", "lat": 55.75204, "lon": 37.61781}))]
pub struct Place {
    pub name: String,
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl Place {
    /// A place known only by its name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            country: None,
            country_code: None,
            lat: None,
            lon: None,
        }
    }
}

/// Where a fact was read: the document and the byte span of the sentence in its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Source {
    pub document: String,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
}

/// Someone the traveller met, with the title and country the text gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub name: String,
    pub role: Option<String>,
    pub country: Option<String>,
}

/// The person whose trip it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Traveller {
    pub name: String,
    pub role: Option<String>,
}

/// One movement of the traveller from one place to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Leg {
    pub id: Id,
    pub trip_id: Id,
    /// Position of the leg in its trip, from 1.
    pub seq: u32,
    pub origin: Option<Place>,
    pub destination: Option<Place>,
    /// Stopovers on the way, in order.
    pub via: Vec<Place>,
    pub date: Option<NaiveDate>,
    pub part_of_day: Option<PartOfDay>,
    pub mode: Option<Mode>,
    pub status: Status,
    /// True when the leg was not stated but inferred from consecutive stops.
    pub inferred: bool,
    pub source: Option<Source>,
    /// Incremented by every write; the ETag is derived from it.
    pub version: i64,
}

/// One engagement of the traveller: talks, a meal, a press event, a ceremony, a visit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Meeting {
    pub id: Id,
    pub trip_id: Id,
    pub date: Option<NaiveDate>,
    pub part_of_day: Option<PartOfDay>,
    pub place: Option<Place>,
    pub kind: MeetingKind,
    pub participants: Vec<Participant>,
    pub summary: Option<String>,
    pub status: Status,
    pub source: Option<Source>,
    pub version: i64,
}

/// A journey of one traveller: its legs and meetings, over one or more documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Trip {
    pub id: Id,
    pub traveller: Traveller,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Countries visited, in order of first visit.
    pub countries: Vec<String>,
    pub leg_count: usize,
    pub meeting_count: usize,
    /// Names of the documents (or dataset records) the trip was read from.
    pub sources: Vec<String>,
    pub version: i64,
}

/// A leg before the store gives it an id, a trip and a position.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LegDraft {
    pub origin: Option<Place>,
    pub destination: Option<Place>,
    pub via: Vec<Place>,
    pub date: Option<NaiveDate>,
    pub part_of_day: Option<PartOfDay>,
    pub mode: Option<Mode>,
    pub status: Status,
    pub inferred: bool,
    pub source: Option<Source>,
}

/// A meeting before the store gives it an id and a trip.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingDraft {
    pub date: Option<NaiveDate>,
    pub part_of_day: Option<PartOfDay>,
    pub place: Option<Place>,
    pub kind: MeetingKind,
    pub participants: Vec<Participant>,
    pub summary: Option<String>,
    pub status: Status,
    pub source: Option<Source>,
}

/// A trip as assembled from documents or records, with its legs and meetings in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TripDraft {
    pub traveller: Traveller,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub legs: Vec<LegDraft>,
    pub meetings: Vec<MeetingDraft>,
    pub sources: Vec<String>,
}
