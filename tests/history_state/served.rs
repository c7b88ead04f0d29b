//! Known records, end to end through the real server.

use serde_json::Value;

use crate::support::{imported, spawn_app};

fn names(legs: &[Value], end: &str) -> Vec<String> {
    legs.iter()
        .map(|l| l[end]["name"].as_str().unwrap_or("?").to_owned())
        .collect()
}

#[tokio::test]
async fn obama_april_2009_stops_form_one_trip_with_inferred_legs() {
    let Some((store, _)) = imported().await else {
        return;
    };
    let app = spawn_app(store).await;
    let trip = app.trip_with_record("obama", "obama-barack.xml#2961").await;
    let sources = crate::support::sources(&trip);
    for id in ["#2961", "#2962", "#2963", "#2964", "#2965", "#2966"] {
        assert!(
            sources.iter().any(|s| s.ends_with(id)),
            "{id} in {sources:?}"
        );
    }
    assert_eq!(trip["start_date"], "2009-03-31");
    assert_eq!(trip["end_date"], "2009-04-07");
    assert_eq!(trip["traveller"]["name"], "Barack Obama");
    assert_eq!(trip["traveller"]["role"], "President");
    let countries = trip["countries"].as_array().expect("countries");
    assert!(countries.iter().any(|c| c == "France"), "{countries:?}");
    assert!(
        !countries.iter().any(|c| c == "United States"),
        "{countries:?}"
    );
    let trip_id = trip["id"].as_i64().expect("an id").to_string();
    let mut legs: Vec<Value> = app
        .list("/legs", &[("trip_id", trip_id.as_str())])
        .await
        .into_iter()
        .filter(|l| l["trip_id"].as_i64() == trip["id"].as_i64())
        .collect();
    legs.sort_by_key(|l| l["seq"].as_i64());
    assert_eq!(
        names(&legs, "destination"),
        [
            "London",
            "Strasbourg",
            "Baden-Baden",
            "Kehl",
            "Prague",
            "Ankara",
            "Istanbul",
            "Baghdad",
            "Washington"
        ]
    );
    assert_eq!(names(&legs, "origin")[0], "Washington");
    assert!(legs.iter().all(|l| l["inferred"] == true));
    assert_eq!(legs[1]["date"], "2009-04-03", "London to Strasbourg");
    let source = &legs[1]["source"];
    assert_eq!(
        source["document"],
        "history-state/travels/president-travels/obama-barack.xml#2962"
    );
    assert_eq!(source["sentence"], "Strasbourg");
}

#[tokio::test]
async fn a_visit_is_a_trip_of_the_visitor_to_the_united_states() {
    let Some((store, _)) = imported().await else {
        return;
    };
    let app = spawn_app(store).await;
    let trip = app
        .trip_with_record("harper", "visits/data/2000.xml#1848")
        .await;
    assert_eq!(trip["traveller"]["name"], "Stephen Harper");
    assert_eq!(trip["traveller"]["role"], "Prime Minister");
    assert_eq!(trip["summary"], "Working visit.");
    assert_eq!(trip["start_date"], "2006-07-05");
    let trip_id = trip["id"].as_i64().expect("an id").to_string();
    let legs: Vec<Value> = app
        .list("/legs", &[("trip_id", trip_id.as_str())])
        .await
        .into_iter()
        .filter(|l| l["trip_id"].as_i64() == trip["id"].as_i64())
        .collect();
    assert_eq!(legs.len(), 1);
    assert_eq!(legs[0]["origin"]["name"], "Canada");
    assert_eq!(legs[0]["destination"]["name"], "Washington");
    assert_eq!(legs[0]["inferred"], false);
}

#[tokio::test]
async fn trips_filter_by_traveller_and_country() {
    let Some((store, _)) = imported().await else {
        return;
    };
    let app = spawn_app(store).await;
    let trips = app
        .list("/trips", &[("traveller", "blinken"), ("country", "japan")])
        .await;
    assert_eq!(trips.len(), 8, "Blinken's trips through Japan");
    for trip in &trips {
        assert_eq!(trip["traveller"]["name"], "Antony John Blinken");
        let countries = trip["countries"].as_array().expect("countries");
        assert!(countries.iter().any(|c| c == "Japan"), "{trip}");
    }
    let first = &trips[0];
    assert_eq!(first["start_date"], "2021-03-15");
    let sources = crate::support::sources(first);
    assert!(
        sources
            .iter()
            .any(|s| s.ends_with("blinken-antony-j.xml#4019")),
        "the merged duplicate is a source too: {sources:?}"
    );
}

#[tokio::test]
async fn the_timeline_shows_a_week_of_travel_in_order() {
    let Some((store, _)) = imported().await else {
        return;
    };
    let app = spawn_app(store).await;
    let days = app
        .get(
            "/timeline",
            &[
                ("from", "2009-03-30"),
                ("to", "2009-04-05"),
                ("traveller", "obama"),
            ],
        )
        .await;
    let days = days.as_array().expect("days");
    let dates: Vec<&str> = days.iter().filter_map(|d| d["date"].as_str()).collect();
    assert_eq!(
        dates,
        ["2009-03-31", "2009-04-03", "2009-04-04", "2009-04-05"]
    );
    let first = &days[0]["events"][0];
    assert_eq!(first["type"], "leg");
    assert_eq!(first["origin"]["name"], "Washington");
    assert_eq!(first["destination"]["name"], "London");
    let arrivals: Vec<&str> = days
        .iter()
        .flat_map(|d| d["events"].as_array().into_iter().flatten())
        .filter(|e| e["type"] == "leg")
        .filter_map(|e| e["destination"]["name"].as_str())
        .collect();
    assert_eq!(
        arrivals,
        ["London", "Strasbourg", "Baden-Baden", "Prague", "Ankara"]
    );
}

#[tokio::test]
async fn a_visit_goes_to_the_place_its_description_names() {
    let Some((store, _)) = imported().await else {
        return;
    };
    let app = spawn_app(store).await;
    let trip = app
        .trip_with_record("harper", "visits/data/2000.xml#1970")
        .await;
    let trip_id = trip["id"].as_i64().expect("an id").to_string();
    let legs = app.get(&format!("/trips/{trip_id}/legs"), &[]).await;
    let legs = legs.as_array().expect("legs");
    let route: Vec<(&str, &str)> = legs
        .iter()
        .map(|l| {
            (
                l["origin"]["name"].as_str().unwrap_or("?"),
                l["destination"]["name"].as_str().unwrap_or("?"),
            )
        })
        .collect();
    assert_eq!(route, [("Canada", "New York City")]);
    assert_eq!(legs[0]["destination"]["country_code"], "US");
}

#[tokio::test]
async fn the_legs_of_a_traveller_draw_on_a_map() {
    let Some((store, _)) = imported().await else {
        return;
    };
    let app = spawn_app(store).await;
    let map = app
        .get(
            "/legs.geojson",
            &[("traveller", "clinton"), ("limit", "1000")],
        )
        .await;
    assert_eq!(map["type"], "FeatureCollection");
    let features = map["features"].as_array().expect("features");
    let lines: Vec<&serde_json::Value> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "LineString")
        .collect();
    assert!(lines.len() > 400, "{} lines", lines.len());
    assert!(lines.iter().all(|f| f["properties"]["inferred"] == true));
    let unlocated = map["unlocated"].as_array().map_or(0, Vec::len);
    assert!(
        unlocated * 20 < lines.len(),
        "{unlocated} legs without coordinates"
    );
}
