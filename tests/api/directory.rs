//! People met, places visited and counts for charts.

use crate::support::{body, problem, spawn_sample};

#[tokio::test]
async fn people_lists_everyone_met_with_roles_counts_and_dates() {
    let app = spawn_sample().await;
    let people = body(app.get("/people").await).await;
    let names: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Jan Nowak", "Kenji Satō", "Zofia Wójcik"]);
    let nowak = &people[0];
    assert_eq!(nowak["id"], "jan-nowak");
    assert_eq!(nowak["roles"], serde_json::json!(["Prime Minister"]));
    assert_eq!(nowak["meeting_count"], 1);
    assert_eq!(nowak["first_met"], "2021-03-01");

    let found = body(app.get("/people?q=wojcik").await).await;
    assert_eq!(
        found.as_array().map(Vec::len),
        Some(1),
        "diacritic-insensitive search"
    );

    let detail = body(app.get("/people/kenji-sato").await).await;
    assert_eq!(detail["name"], "Kenji Satō");
    assert_eq!(detail["meetings"][0]["id"], 10);
    problem(app.get("/people/nobody-at-all").await, 404).await;
}

#[tokio::test]
async fn places_and_stats_count_visits() {
    let app = spawn_sample().await;
    let places = body(app.get("/places").await).await;
    let krakow = places
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Kraków")
        .expect("Kraków");
    assert_eq!(
        (
            krakow["arrival_count"].as_i64(),
            krakow["meeting_count"].as_i64()
        ),
        (Some(1), Some(2))
    );
    assert_eq!(krakow["visit_count"], 1);

    let stats = body(app.get("/stats").await).await;
    assert_eq!(
        (
            stats["trips"].as_i64(),
            stats["legs"].as_i64(),
            stats["meetings"].as_i64()
        ),
        (Some(2), Some(4), Some(4))
    );
    let poland = stats["by_country"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["country"] == "Poland")
        .expect("Poland");
    assert_eq!(poland["meetings"], 3);
    assert_eq!(stats["by_year"][0]["year"], 2021);
    let only_lima = body(app.get("/stats?traveller=lima").await).await;
    assert_eq!(only_lima["trips"], 1);
    problem(app.get("/stats?from=2021-02-30").await, 400).await;
}
