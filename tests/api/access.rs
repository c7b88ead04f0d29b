//! Protected writes: a token guards every write, reads stay public; without a token, writes
//! are refused when the server listens beyond loopback.

use itinerary::http::WriteGuard;
use itinerary::{AppState, Store};
use reqwest::Method;
use serde_json::json;

use crate::support::{header, problem, spawn_state};

fn loopback() -> std::net::SocketAddr {
    "127.0.0.1:8080".parse().unwrap()
}

#[tokio::test]
async fn with_a_token_writes_need_it_and_reads_stay_public() {
    let guard = WriteGuard::new(Some("open-sesame"), loopback(), 0);
    let app = spawn_state(AppState::new(Store::new()).with_guard(guard)).await;
    let trip = json!({"traveller": {"name": "Ana Lima"}});

    let anonymous = app.create_trip(&trip).await;
    assert_eq!(
        header(&anonymous, "www-authenticate"),
        "Bearer realm=\"itinerary\""
    );
    problem(anonymous, 401).await;

    let wrong = app
        .request(Method::POST, "/trips")
        .bearer_auth("guess")
        .json(&trip)
        .send()
        .await
        .unwrap();
    assert!(header(&wrong, "www-authenticate").contains("invalid_token"));
    problem(wrong, 401).await;

    let delete = app
        .request(Method::DELETE, "/trips/1")
        .send()
        .await
        .unwrap();
    problem(delete, 401).await;

    let right = app
        .request(Method::POST, "/trips")
        .bearer_auth("open-sesame")
        .json(&trip)
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), 201);
    assert_eq!(
        app.list_trips("").await.status(),
        200,
        "reads need no token"
    );
}

#[tokio::test]
async fn without_a_token_a_server_open_to_the_network_refuses_writes() {
    let guard = WriteGuard::new(None, "0.0.0.0:8080".parse().unwrap(), 0);
    let app = spawn_state(AppState::new(Store::new()).with_guard(guard)).await;
    let refused = app
        .create_trip(&json!({"traveller": {"name": "Ana Lima"}}))
        .await;
    let body = problem(refused, 403).await;
    assert!(body["detail"].as_str().unwrap().contains("token"));
    assert_eq!(app.list_trips("").await.status(), 200);
}
