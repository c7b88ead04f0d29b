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
#[schema(example = json!({"id": 2, "trip_id": 1, "seq": 1, "origin": {"name": "Ankara", "country": "Türkiye", "country_code": "TR", "lat": 39.91987, "lon": 32.85427}, "destination": {"name": "Moscow", "country": "Russian Federation", "country_code": "RU", "lat": 55.75204, "lon": 37.61781}, "via": [], "date": "2022-04-25", "part_of_day": null, "mode": "air", "status": "completed", "inferred": false, "source": {"document": "000_45467038f124fd6d.txt", "sentence": "United Nations Secretary-General António Guterres flew from Ankara, Turkey, to Moscow, Russian Federation, on Monday, 25 April.", "start": 17, "end": 146}, "version": 1}))]
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
#[schema(example = json!({"id": 5, "trip_id": 1, "date": "2022-04-26", "part_of_day": "morning", "place": {"name": "Moscow", "country": "Russian Federation", "country_code": "RU", "lat": 55.75204, "lon": 37.61781}, "kind": "meeting", "participants": [{"name": "Sergey Lavrov", "role": "Foreign Minister", "country": "Russian Federation"}], "summary": "The Secretary-General first held a meeting in Moscow on Tuesday morning with Foreign Minister Sergey Lavrov.", "status": "completed", "source": {"document": "000_45467038f124fd6d.txt", "sentence": "The Secretary-General first held a meeting in Moscow on Tuesday morning with Foreign Minister Sergey Lavrov.", "start": 148, "end": 255}, "version": 1}))]
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
#[schema(example = json!({"id": 1, "traveller": {"name": "António Guterres", "role": "Secretary-General"}, "title": "António Guterres in Russian Federation and Poland", "summary": null, "start_date": "2022-04-25", "end_date": "2022-04-26", "countries": ["Russian Federation", "Poland"], "leg_count": 3, "meeting_count": 4, "sources": ["000_45467038f124fd6d.txt"], "version": 1}))]
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
