//! (d) Two `itinerary serve` processes on one PostgreSQL database see each other's writes
//! within one second, and their concurrent writes all land.

use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::server::{Client, Server, trip_body};
use crate::support::TestDb;

/// Waits until `path` answers 200 on `client`; returns how long that took.
async fn visible(client: &Client, path: &str) -> Duration {
    let started = Instant::now();
    while client.get(path).await.0 != StatusCode::OK {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{path} never appeared"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    started.elapsed()
}

#[tokio::test]
async fn two_instances_see_each_others_writes_within_a_second() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let a = Server::start(db.url(), dir.path()).await;
    let b = Server::start(db.url(), dir.path()).await;
    let (a, b) = (Client::new(&a.base), Client::new(&b.base));
    for (writer, reader) in [(&a, &b), (&b, &a), (&a, &b)] {
        let trip = writer.create("trips", trip_body("Ana Ruiz")).await;
        let waited = visible(reader, &format!("/trips/{}", trip["id"])).await;
        assert!(waited < Duration::from_secs(1), "seen after {waited:?}");
        let (_, mut seen) = reader.get(&format!("/trips/{}", trip["id"])).await;
        let detail = seen.as_object_mut().expect("a trip");
        // the single-trip view embeds the trip's legs and meetings
        detail.remove("legs");
        detail.remove("meetings");
        assert_eq!(seen, trip);
    }
    // both write at once: every write lands once, with ids from one sequence
    let tasks: Vec<_> = [a.clone(), b.clone()]
        .into_iter()
        .map(|client| {
            tokio::spawn(async move {
                let mut ids = Vec::new();
                for n in 0..50 {
                    let trip = client
                        .create("trips", trip_body(&format!("Writer {n}")))
                        .await;
                    ids.push(trip["id"].as_i64().expect("id"));
                }
                ids
            })
        })
        .collect();
    let mut ids = Vec::new();
    for task in tasks {
        ids.extend(task.await.expect("writer"));
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 100, "no id given out twice");
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(
        a.all("/trips").await,
        b.all("/trips").await,
        "both hold the same trips"
    );
    let writers = |trips: Vec<serde_json::Value>| {
        let title = |t: &serde_json::Value| t["title"] == "Durability tour";
        trips.into_iter().filter(title).count()
    };
    assert_eq!(writers(a.all("/trips").await), 103);
}
