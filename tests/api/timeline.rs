//! `/timeline`: days in order, legs and meetings tagged, in order within the day.

use serde_json::Value;

use crate::support::{body, header, spawn_sample};

fn outline(days: &Value) -> Vec<(String, Vec<String>)> {
    days.as_array()
        .unwrap()
        .iter()
        .map(|day| {
            let events = day["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| format!("{}:{}", e["type"].as_str().unwrap(), e["id"]))
                .collect();
            (day["date"].as_str().unwrap().to_owned(), events)
        })
        .collect()
}

fn day(date: &str, events: &[&str]) -> (String, Vec<String>) {
    (
        date.to_owned(),
        events.iter().map(|e| (*e).to_owned()).collect(),
    )
}

#[tokio::test]
async fn the_timeline_orders_days_and_events() {
    let app = spawn_sample().await;
    let response = app.timeline("").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "x-total-count"), "5");
    let days = body(response).await;
    assert_eq!(
        outline(&days),
        [
            day("2021-02-27", &["leg:9"]),
            day("2021-03-01", &["leg:2", "meeting:5"]),
            day("2021-03-02", &["meeting:6"]),
            day("2021-03-03", &["leg:3", "meeting:7"]),
            day("2021-03-05", &["meeting:10"]),
        ]
    );
    assert_eq!(days[1]["events"][1]["participants"][0]["name"], "Jan Nowak");
}

#[tokio::test]
async fn the_timeline_filters_by_dates_and_traveller() {
    let app = spawn_sample().await;
    let days = body(
        app.timeline("from=2021-03-02&to=2021-03-05&traveller=lima")
            .await,
    )
    .await;
    assert_eq!(
        outline(&days),
        [
            day("2021-03-02", &["meeting:6"]),
            day("2021-03-03", &["leg:3", "meeting:7"])
        ]
    );
    let omar = body(app.timeline("traveller=haddad&sort=-date").await).await;
    assert_eq!(
        outline(&omar),
        [
            day("2021-03-05", &["meeting:10"]),
            day("2021-02-27", &["leg:9"])
        ]
    );
}

#[tokio::test]
async fn the_timeline_pages_by_day() {
    let app = spawn_sample().await;
    let response = app.timeline("limit=2&offset=2").await;
    assert_eq!(header(&response, "x-total-count"), "5");
    assert!(header(&response, "link").contains("</timeline?limit=2&offset=4>; rel=\"next\""));
    let days = body(response).await;
    assert_eq!(outline(&days)[0].0, "2021-03-02");
}
