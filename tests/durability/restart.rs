//! (a) Restart: items created, edited and deleted through the API are exactly as left after
//! the server is stopped and started again, on each backend.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::server::{Client, Server, leg_body, meeting_body, trip_body};
use crate::support::every_backend;

#[tokio::test]
async fn edits_survive_a_restart() {
    for db in every_backend().await {
        let dir = tempfile::tempdir().expect("temporary directory");
        let server = Server::start(db.url(), dir.path()).await;
        let client = Client::new(&server.base);
        let trip = client.create("trips", trip_body("Ana Ruiz")).await;
        let trip_id = trip["id"].as_i64().expect("trip id");
        let leg = client.create("legs", leg_body(trip_id, 1)).await;
        let kept = client.create("meetings", meeting_body(trip_id, 1)).await;
        let gone = client.create("meetings", meeting_body(trip_id, 2)).await;
        let patch = json!({"summary": "Edited after the fact", "part_of_day": "evening"});
        let path = format!("/meetings/{}", kept["id"]);
        let (status, _) =
            (client.send(Method::PATCH, &path, Some(&patch), None).await).expect("PATCH");
        assert_eq!(status, StatusCode::OK, "{}", db.label());
        let path = format!("/meetings/{}", gone["id"]);
        let (status, _) = (client.send(Method::DELETE, &path, None, None).await).expect("DELETE");
        assert_eq!(status, StatusCode::NO_CONTENT);
        let before = snapshot(&client).await;
        server.stop();

        let server = Server::start(db.url(), dir.path()).await;
        let client = Client::new(&server.base);
        let after = snapshot(&client).await;
        assert_eq!(after, before, "{}: the store after a restart", db.label());
        let (status, meeting) = client.get(&format!("/meetings/{}", kept["id"])).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(meeting["summary"], "Edited after the fact");
        assert_eq!(meeting["part_of_day"], "evening");
        assert_eq!(meeting["version"], 2);
        let (status, _) = client.get(&format!("/meetings/{}", gone["id"])).await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "the deleted meeting stays deleted"
        );
        assert_eq!(client.get(&format!("/legs/{}", leg["id"])).await.1, leg);
        let next = client.create("trips", trip_body("Bo Li")).await;
        assert!(
            next["id"].as_i64() > gone["id"].as_i64(),
            "ids are not given out twice"
        );
        server.stop();
    }
}

/// Everything the API lists, for comparing two moments.
async fn snapshot(client: &Client) -> Vec<Vec<serde_json::Value>> {
    let mut all = Vec::new();
    for path in ["/trips", "/legs", "/meetings", "/documents"] {
        all.push(client.all(path).await);
    }
    all
}
