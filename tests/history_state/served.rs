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
