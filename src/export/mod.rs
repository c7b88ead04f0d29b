//! Exports of the timeline in the formats of other tools: CSV for spreadsheets (RFC 4180),
//! GeoJSON for maps (RFC 7946) and iCalendar for calendars (RFC 5545). Each function takes
//! items already filtered by the caller and renders them; no I/O, no store access.

pub mod calendar;
pub mod geo;
pub mod table;

/// Why an export could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot finish CSV: {0}")]
    CsvFlush(String),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

use crate::domain::{Participant, Place};

/// "Sergey Lavrov (Foreign Minister, Russian Federation)": a participant as one readable cell.
pub(crate) fn participant_label(participant: &Participant) -> String {
    let details: Vec<&str> = [participant.role.as_deref(), participant.country.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if details.is_empty() {
        participant.name.clone()
    } else {
        format!("{} ({})", participant.name, details.join(", "))
    }
}

/// "Rzeszów, Poland": a place with its country when known.
pub(crate) fn place_label(place: &Place) -> String {
    match &place.country {
        Some(country) if !country.eq_ignore_ascii_case(&place.name) => {
            format!("{}, {country}", place.name)
        }
        _ => place.name.clone(),
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use chrono::NaiveDate;

    use crate::domain::{Leg, Meeting, MeetingKind, Mode, Participant, Place, Source, Status};

    pub fn place(name: &str, country: &str, lat: f64, lon: f64) -> Place {
        Place {
            name: name.into(),
            country: Some(country.into()),
            country_code: None,
            lat: Some(lat),
            lon: Some(lon),
        }
    }

    pub fn meeting(id: i64, date: Option<NaiveDate>, names: &[&str]) -> Meeting {
        Meeting {
            id,
            trip_id: 1,
            date,
            part_of_day: None,
            place: Some(place("Oslo", "Norway", 59.91, 10.75)),
            kind: MeetingKind::Meal,
            participants: names
                .iter()
                .map(|n| Participant {
                    name: (*n).into(),
                    role: Some("Foreign Minister".into()),
                    country: Some("Norway".into()),
                })
                .collect(),
            summary: Some("Lunch, \"working\", with the minister".into()),
            status: Status::Completed,
            source: Some(Source {
                document: "a.txt".into(),
                sentence: "She had lunch with the minister.".into(),
                start: 0,
                end: 32,
            }),
            version: 2,
        }
    }

    pub fn leg(id: i64, origin: Option<Place>, destination: Option<Place>) -> Leg {
        Leg {
            id,
            trip_id: 1,
            seq: 1,
            origin,
            destination,
            via: Vec::new(),
            date: NaiveDate::from_ymd_opt(2021, 6, 1),
            part_of_day: None,
            mode: Some(Mode::Air),
            status: Status::Completed,
            inferred: false,
            source: None,
            version: 1,
        }
    }
}
