//! Exports: CSV, GeoJSON and iCalendar, by extension and by `Accept`, with the list filters.
//! Each is parsed back with the crate of its format and compared with the JSON API.

use icalendar::{Calendar, CalendarComponent, Component, EventLike};
use serde_json::{Value, json};

use crate::support::{TestApp, body, header, ids, spawn_empty, spawn_sample};

async fn text(app: &TestApp, path: &str, accept: Option<&str>) -> (String, String) {
    let mut request = app.request(reqwest::Method::GET, path);
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    let response = request.send().await.expect("request sent");
    assert_eq!(response.status(), 200, "GET {path}");
    let content_type = header(&response, "content-type");
    (content_type, response.text().await.expect("a text body"))
}

fn csv_rows(text: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    let rows = reader
        .records()
        .map(|r| r.expect("an RFC 4180 row"))
        .collect();
    (headers, rows)
}

fn column(headers: &csv::StringRecord, rows: &[csv::StringRecord], name: &str) -> Vec<String> {
    let at = headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("column {name}"));
    rows.iter().map(|row| row[at].to_owned()).collect()
}

#[tokio::test]
async fn meetings_csv_has_a_row_per_meeting_with_the_filters_applied() {
    let app = spawn_sample().await;
    let (content_type, all) = text(&app, "/meetings.csv", None).await;
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let (headers, rows) = csv_rows(&all);
    let listed = ids(&body(app.list_meetings("").await).await);
    let exported: Vec<i64> = column(&headers, &rows, "id")
        .iter()
        .map(|id| id.parse().unwrap())
        .collect();
    assert_eq!(exported, listed);

    let (_, filtered) = text(&app, "/meetings.csv?participant=nowak", None).await;
    let (headers, rows) = csv_rows(&filtered);
    assert_eq!(
        column(&headers, &rows, "participants"),
        ["Jan Nowak (Prime Minister, Poland)"]
    );
    assert_eq!(column(&headers, &rows, "place"), ["Kraków"]);
}

#[tokio::test]
async fn the_accept_header_chooses_csv_on_the_list_routes() {
    let app = spawn_sample().await;
    let (content_type, by_accept) = text(&app, "/legs?mode=air", Some("text/csv")).await;
    assert!(content_type.starts_with("text/csv"));
    let (_, by_extension) = text(&app, "/legs.csv?mode=air", None).await;
    assert_eq!(by_accept, by_extension);
    let (headers, rows) = csv_rows(&by_accept);
    assert_eq!(column(&headers, &rows, "mode"), ["air", "air"]);
    let (content_type, _) = text(&app, "/legs", Some("application/json, text/csv;q=0.5")).await;
    assert!(
        content_type.starts_with("application/json"),
        "JSON stays preferred: {content_type}"
    );
}

#[tokio::test]
async fn trips_csv_has_the_office_of_the_historian_columns() {
    let app = spawn_sample().await;
    let (_, csv_text) = text(&app, "/trips.csv?traveller=lima", None).await;
    let (headers, rows) = csv_rows(&csv_text);
    let first: Vec<&str> = headers.iter().take(6).collect();
    assert_eq!(
        first,
        [
            "name",
            "country",
            "locale",
            "start_date",
            "end_date",
            "remarks"
        ]
    );
    assert_eq!(column(&headers, &rows, "name"), ["Ana Lima"]);
    assert_eq!(column(&headers, &rows, "locale"), ["Kraków; Łódź; Vilnius"]);
    assert_eq!(column(&headers, &rows, "start_date"), ["2021-03-01"]);
}

fn at(name: &str, lat: f64, lon: f64) -> Value {
    json!({"name": name, "lat": lat, "lon": lon})
}

async fn located_trip(app: &TestApp) -> i64 {
    let trip = app.new_trip("Test Traveller").await;
    let (ankara, moscow) = (at("Ankara", 39.92, 32.85), at("Moscow", 55.75, 37.62));
    let (rzeszow, warsaw) = (at("Rzeszów", 50.04, 21.99), at("Warsaw", 52.23, 21.01));
    let legs = [
        json!({"trip_id": trip, "origin": ankara, "destination": moscow, "date": "2022-04-25", "mode": "air"}),
        json!({"trip_id": trip, "origin": moscow, "destination": rzeszow, "via": [warsaw], "date": "2022-04-26"}),
        json!({"trip_id": trip, "origin": at("Auckland", -36.85, 174.76), "destination": at("Nuku'alofa", -21.14, -175.2), "date": "2022-04-27"}),
        json!({"trip_id": trip, "origin": rzeszow, "destination": {"name": "Nowhere-on-Map"}, "date": "2022-04-28"}),
    ];
    for leg in &legs {
        assert_eq!(app.create_leg(leg).await.status(), 201, "{leg}");
    }
    trip
}

fn features_of(collection: &geojson::FeatureCollection, kind: &str) -> Vec<geojson::Feature> {
    let kind = Value::from(kind);
    let is_kind = |f: &&geojson::Feature| {
        f.properties.as_ref().and_then(|p| p.get("feature_type")) == Some(&kind)
    };
    collection
        .features
        .iter()
        .filter(is_kind)
        .cloned()
        .collect()
}

#[tokio::test]
async fn legs_geojson_draws_lines_and_lists_what_cannot_be_drawn() {
    let app = spawn_empty().await;
    let trip = located_trip(&app).await;
    let (content_type, text_body) = text(&app, "/legs.geojson", None).await;
    assert_eq!(content_type, "application/geo+json");
    let collection: geojson::FeatureCollection = text_body.parse().expect("RFC 7946 GeoJSON");
    let legs = features_of(&collection, "leg");
    assert_eq!(legs.len(), 3);
    let line = |f: &geojson::Feature| match &f.geometry.as_ref().expect("a geometry").value {
        geojson::GeometryValue::LineString { coordinates } => coordinates.len(),
        other => panic!("expected a LineString, got {other:?}"),
    };
    assert_eq!(line(&legs[0]), 2, "Ankara to Moscow");
    assert_eq!(line(&legs[1]), 3, "Moscow to Rzeszów via Warsaw");
    assert!(
        matches!(
            legs[2].geometry.as_ref().unwrap().value,
            geojson::GeometryValue::MultiLineString { .. }
        ),
        "a leg across the antimeridian is split there"
    );
    let unlocated = &collection
        .foreign_members
        .as_ref()
        .expect("foreign members")["unlocated"];
    assert_eq!(unlocated.as_array().map(Vec::len), Some(1));
    assert_eq!(unlocated[0]["destination"], "Nowhere-on-Map");
    assert!(
        features_of(&collection, "place")
            .iter()
            .any(|f| f.properties.as_ref().unwrap()["name"] == "Rzeszów")
    );

    let (_, by_trip) = text(&app, &format!("/trips/{trip}.geojson"), None).await;
    assert_eq!(by_trip, text_body);
    let (_, by_accept) = text(&app, "/legs", Some("application/geo+json")).await;
    assert_eq!(by_accept, text_body);
}

fn events(text: &str) -> Vec<icalendar::Event> {
    let calendar: Calendar = text.parse().expect("an RFC 5545 calendar");
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(event) => Some(event),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn meetings_ics_imports_into_a_calendar_with_stable_uids() {
    let app = spawn_sample().await;
    let (content_type, first) = text(&app, "/meetings", Some("text/calendar")).await;
    assert!(content_type.starts_with("text/calendar"), "{content_type}");
    let parsed = events(&first);
    let listed = ids(&body(app.list_meetings("").await).await);
    let uids: Vec<String> = parsed
        .iter()
        .map(|e| e.get_uid().expect("a UID").to_owned())
        .collect();
    let expected: Vec<String> = listed
        .iter()
        .map(|id| format!("meeting-{id}@itinerary"))
        .collect();
    assert_eq!(uids, expected);
    let with_nowak = parsed
        .iter()
        .find(|e| e.get_summary() == Some("Meeting: Jan Nowak"))
        .expect("the Nowak meeting");
    assert_eq!(with_nowak.get_location(), Some("Kraków, Poland"));
    assert_eq!(
        with_nowak.get_start(),
        Some(icalendar::DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2021, 3, 1).unwrap()
        ))
    );
    let (_, again) = text(&app, "/meetings.ics", None).await;
    let again_uids: Vec<String> = events(&again)
        .iter()
        .map(|e| e.get_uid().unwrap().to_owned())
        .collect();
    assert_eq!(again_uids, uids, "a re-import updates the same events");
}

#[tokio::test]
async fn a_trip_calendar_holds_its_meetings_and_dated_legs() {
    let app = spawn_sample().await;
    let (_, text_body) = text(&app, "/trips/1.ics", None).await;
    let uids: Vec<String> = events(&text_body)
        .iter()
        .map(|e| e.get_uid().unwrap().to_owned())
        .collect();
    assert_eq!(uids.iter().filter(|u| u.starts_with("meeting-")).count(), 3);
    assert_eq!(
        uids.iter().filter(|u| u.starts_with("leg-")).count(),
        2,
        "the undated planned leg is left out"
    );
    let missing = app.get("/trips/999.ics").await;
    assert_eq!(missing.status(), 404);
}
