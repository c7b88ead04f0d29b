//! What every response gets: request ids, CORS for browser frontends, compression; and the
//! health check.

use std::io::Read;

use reqwest::Method;

use crate::support::{body, header, spawn_sample};

#[tokio::test]
async fn health_answers_ok() {
    let app = spawn_sample().await;
    let response = app.health().await;
    assert_eq!(response.status(), 200);
    assert_eq!(body(response).await["status"], "ok");
}

#[tokio::test]
async fn request_ids_are_made_or_kept() {
    let app = spawn_sample().await;
    let made = header(&app.health().await, "x-request-id");
    assert_eq!(made.len(), 36, "a UUID: {made}");
    let kept = app
        .request(Method::GET, "/trips/999")
        .header("x-request-id", "trace-42")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&kept, "x-request-id"), "trace-42");
}

#[tokio::test]
async fn any_origin_may_read_and_sees_the_list_headers() {
    let app = spawn_sample().await;
    let response = app
        .request(Method::GET, "/trips")
        .header("origin", "https://example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&response, "access-control-allow-origin"), "*");
    let exposed = header(&response, "access-control-expose-headers").to_ascii_lowercase();
    for name in ["x-total-count", "link", "etag", "location"] {
        assert!(exposed.contains(name), "{exposed}");
    }
    let preflight = app
        .request(Method::OPTIONS, "/legs")
        .header("origin", "https://example.org")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    assert!(header(&preflight, "access-control-allow-methods").contains("GET"));
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let app = spawn_sample().await;
    let response = app
        .request(Method::GET, "/legs")
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&response, "content-encoding"), "gzip");
    let bytes = response.bytes().await.unwrap();
    let mut json = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut json)
        .unwrap();
    let legs: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(legs.as_array().unwrap().len(), 4);
    let br = app
        .request(Method::GET, "/meetings")
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&br, "content-encoding"), "br");
}

#[tokio::test]
async fn head_answers_the_headers_of_get() {
    let app = spawn_sample().await;
    let response = app
        .request(Method::HEAD, "/legs?mode=air")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "x-total-count"), "2");
    assert!(response.bytes().await.unwrap().is_empty());
    let trip = app.request(Method::HEAD, "/trips/1").send().await.unwrap();
    assert_eq!(header(&trip, "etag"), "\"trip-1-v1\"");
}
