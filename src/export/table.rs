//! CSV exports (RFC 4180): a header row, then one row per item; lists inside a cell are
//! joined with "; " so that a spreadsheet shows them readably.

use crate::domain::{Leg, Meeting, Place, Trip, enum_name};

use super::{ExportError, participant_label, place_label};

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ExportError> {
    writer
        .into_inner()
        .map_err(|e| ExportError::CsvFlush(e.error().to_string()))
}

fn text(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn place_name(place: Option<&Place>) -> String {
    text(place.map(|p| p.name.clone()))
}

fn place_country(place: Option<&Place>) -> String {
    text(place.and_then(|p| p.country.clone()))
}

fn source_document(source: Option<&crate::domain::Source>) -> String {
    text(source.map(|s| s.document.clone()))
}

/// Meetings: one row each, participants joined as "Name (Role, Country); ...".
pub fn meetings(meetings: &[Meeting]) -> Result<Vec<u8>, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "id",
        "trip_id",
        "date",
        "part_of_day",
        "place",
        "country",
        "country_code",
        "kind",
        "participants",
        "summary",
        "status",
        "source_document",
        "source_sentence",
    ])?;
    for m in meetings {
        let participants: Vec<String> = m.participants.iter().map(participant_label).collect();
        writer.write_record([
            m.id.to_string(),
            m.trip_id.to_string(),
            text(m.date),
            text(m.part_of_day.as_ref().map(enum_name)),
            place_name(m.place.as_ref()),
            place_country(m.place.as_ref()),
            text(m.place.as_ref().and_then(|p| p.country_code.clone())),
            enum_name(&m.kind),
            participants.join("; "),
            text(m.summary.clone()),
            enum_name(&m.status),
            source_document(m.source.as_ref()),
            text(m.source.as_ref().map(|s| s.sentence.clone())),
        ])?;
    }
    finish(writer)
}

/// Legs: one row each, stopovers joined with "; ".
pub fn legs(legs: &[Leg]) -> Result<Vec<u8>, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "id",
        "trip_id",
        "seq",
        "date",
        "part_of_day",
        "origin",
        "origin_country",
        "destination",
        "destination_country",
        "via",
        "mode",
        "status",
        "inferred",
        "source_document",
    ])?;
    for leg in legs {
        let via: Vec<String> = leg.via.iter().map(place_label).collect();
        writer.write_record([
            leg.id.to_string(),
            leg.trip_id.to_string(),
            leg.seq.to_string(),
            text(leg.date),
            text(leg.part_of_day.as_ref().map(enum_name)),
            place_name(leg.origin.as_ref()),
            place_country(leg.origin.as_ref()),
            place_name(leg.destination.as_ref()),
            place_country(leg.destination.as_ref()),
            via.join("; "),
            text(leg.mode.as_ref().map(enum_name)),
            enum_name(&leg.status),
            leg.inferred.to_string(),
            source_document(leg.source.as_ref()),
        ])?;
    }
    finish(writer)
}

/// What the trips CSV needs beyond the trip itself: the places it visited, for the
/// Office of the Historian's `locale` column.
pub struct TripRow<'a> {
    pub trip: &'a Trip,
    /// Cities (or countries) visited, in order.
    pub locales: Vec<String>,
}

/// Trips: the Office of the Historian's columns first (name, country, locale, start date,
/// end date, remarks), then ours.
pub fn trips(rows: &[TripRow<'_>]) -> Result<Vec<u8>, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "name",
        "country",
        "locale",
        "start_date",
        "end_date",
        "remarks",
        "id",
        "role",
        "title",
        "leg_count",
        "meeting_count",
        "sources",
    ])?;
    for TripRow { trip, locales } in rows {
        writer.write_record([
            trip.traveller.name.clone(),
            trip.countries.join("; "),
            locales.join("; "),
            text(trip.start_date),
            text(trip.end_date),
            text(trip.summary.clone().or_else(|| trip.title.clone())),
            trip.id.to_string(),
            text(trip.traveller.role.clone()),
            text(trip.title.clone()),
            trip.leg_count.to_string(),
            trip.meeting_count.to_string(),
            trip.sources.join("; "),
        ])?;
    }
    finish(writer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;

    #[test]
    fn meetings_csv_parses_back_with_one_row_per_meeting() {
        let day = chrono::NaiveDate::from_ymd_opt(2021, 6, 2);
        let items = [fixtures::meeting(7, day, &["Ine Eriksen", "Jonas Gahr"])];
        let bytes = meetings(&items).unwrap();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let headers = reader.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        let cell = |name: &str| rows[0][headers.iter().position(|h| h == name).unwrap()].to_owned();
        assert_eq!(cell("date"), "2021-06-02");
        assert_eq!(cell("kind"), "meal");
        assert_eq!(
            cell("participants"),
            "Ine Eriksen (Foreign Minister, Norway); Jonas Gahr (Foreign Minister, Norway)"
        );
        assert_eq!(cell("summary"), "Lunch, \"working\", with the minister");
    }

    #[test]
    fn legs_csv_leaves_unknown_places_empty() {
        let oslo = fixtures::place("Oslo", "Norway", 59.91, 10.75);
        let bytes = legs(&[fixtures::leg(3, None, Some(oslo))]).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let row = text.lines().nth(1).unwrap();
        assert!(
            row.starts_with("3,1,1,2021-06-01,,,,Oslo,Norway,,air,completed,false,"),
            "{row}"
        );
    }
}
