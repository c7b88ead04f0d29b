//! (c) Concurrent writers against one server: 8 clients × 200 writes all land, and versions
//! stay consistent; read-modify-write cycles with `If-Match` lose no update.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::server::{Client, Server, meeting_body, trip_body};
use crate::support::every_backend;

const CLIENTS: usize = 8;
const WRITES: usize = 200;

#[tokio::test]
async fn eight_clients_writing_at_once_lose_nothing() {
    for db in every_backend().await {
        let dir = tempfile::tempdir().expect("temporary directory");
        let server = Server::start(db.url(), dir.path()).await;
        let client = Client::new(&server.base);
        let trip = client.create("trips", trip_body("Ana Ruiz")).await;
        let trip_id = trip["id"].as_i64().expect("trip id");
        let tasks: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let client = client.clone();
                tokio::spawn(async move {
                    let mut ids = Vec::new();
                    for n in 0..WRITES {
                        let body = meeting_body(trip_id, c * WRITES + n);
                        ids.push(client.create("meetings", body).await["id"].as_i64());
                    }
                    ids
                })
            })
            .collect();
        let mut ids = Vec::new();
        for task in tasks {
            ids.extend(task.await.expect("client task"));
        }
        ids.sort();
        ids.dedup();
        assert_eq!(
            ids.len(),
            CLIENTS * WRITES,
            "{}: ids are unique",
            db.label()
        );
        let meetings: Vec<_> = (client.all("/meetings").await.into_iter())
            .filter(|m| m["trip_id"] == trip_id)
            .collect();
        assert_eq!(meetings.len(), CLIENTS * WRITES);
        assert!(meetings.iter().all(|m| m["version"] == 1));
        let (_, trip) = client.get(&format!("/trips/{trip_id}")).await;
        assert_eq!(trip["meeting_count"], CLIENTS * WRITES);
        // each meeting added to the trip moved its derived fields once
        assert_eq!(trip["version"], 1 + CLIENTS * WRITES, "{}", db.label());
        server.stop();
        let server = Server::start(db.url(), dir.path()).await;
        let after: Vec<_> = (Client::new(&server.base).all("/meetings").await.into_iter())
            .filter(|m| m["trip_id"] == trip_id)
            .collect();
        assert_eq!(
            after,
            meetings,
            "{}: the database holds what memory held",
            db.label()
        );
    }
}

#[tokio::test]
async fn conditional_read_modify_write_loses_no_update() {
    for db in every_backend().await {
        let dir = tempfile::tempdir().expect("temporary directory");
        let server = Server::start(db.url(), dir.path()).await;
        let client = Client::new(&server.base);
        let trip = client.create("trips", trip_body("Ana Ruiz")).await;
        let path = format!("/trips/{}", trip["id"]);
        let tasks: Vec<_> = (0..4)
            .map(|_| {
                let (client, path) = (client.clone(), path.clone());
                tokio::spawn(async move {
                    for _ in 0..25 {
                        increment(&client, &path).await;
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("client task");
        }
        let (_, trip) = client.get(&path).await;
        assert_eq!(
            trip["summary"],
            "100",
            "{}: every increment counted",
            db.label()
        );
        assert_eq!(trip["version"], 101);
        server.stop();
    }
}

/// Adds one to the number in the trip's summary: read, then write with `If-Match`, again
/// on 412.
async fn increment(client: &Client, path: &str) {
    loop {
        let (_, trip) = client.get(path).await;
        let count: u64 = trip["summary"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let tag = format!("\"trip-{}-v{}\"", trip["id"], trip["version"]);
        let patch = json!({"summary": (count + 1).to_string()});
        let (status, body) = (client
            .send(Method::PATCH, path, Some(&patch), Some(&tag))
            .await)
            .expect("PATCH reaches the server");
        match status {
            StatusCode::OK => return,
            StatusCode::PRECONDITION_FAILED => continue,
            other => panic!("PATCH answered {other}: {body}"),
        }
    }
}
