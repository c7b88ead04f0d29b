//! Documents through the API, over restarts: a posted document's items are stored with it,
//! posting it again adds nothing, a changed version is extracted again without undoing what
//! a user edited or deleted, and deleting it takes its uncurated items.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::server::{Client, Server};
use crate::support::TestDb;

const FIRST: &str = " date 2023-06-02\n\nSecretary-General Ana Ruiz travelled from Geneva to \
    Nairobi on Thursday, 1 June. On Friday morning, the Secretary-General met President \
    Omar Kibet. The Secretary-General then held a press conference with Foreign Minister \
    Lena Wanjiru.\n";

/// The same report with one more sentence.
fn second() -> String {
    format!("{FIRST}On Saturday, the Secretary-General met Mayor Joy Achieng in Mombasa.\n")
}

async fn post(client: &Client, text: &str) -> (StatusCode, Value) {
    let response = reqwest::Client::new()
        .post(format!("{}/documents?name=nairobi.txt", client.base))
        .header("content-type", "text/plain")
        .body(text.to_owned())
        .send()
        .await
        .expect("POST /documents");
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

fn sentence(item: &Value) -> String {
    item["source"]["sentence"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn posted_documents_keep_curation_across_versions_and_restarts() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().expect("temporary directory");
    let server = Server::start(db.url(), dir.path()).await;
    let client = Client::new(&server.base);
    let (status, first) = post(&client, FIRST).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let meetings = first["meetings"].as_array().cloned().unwrap_or_default();
    assert!(meetings.len() >= 2, "two meetings extracted: {first}");
    assert_eq!(first["document"]["counts"]["meetings"], meetings.len());
    let (status, again) = post(&client, FIRST).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the same document again writes nothing"
    );
    assert_eq!(again["meetings"], first["meetings"]);

    let (edited, deleted) = (&meetings[0], &meetings[1]);
    let patch = json!({"summary": "Checked against the transcript"});
    let path = format!("/meetings/{}", edited["id"]);
    let (status, _) = (client.send(Method::PATCH, &path, Some(&patch), None).await).expect("PATCH");
    assert_eq!(status, StatusCode::OK);
    let path = format!("/meetings/{}", deleted["id"]);
    let (status, _) = (client.send(Method::DELETE, &path, None, None).await).expect("DELETE");
    assert_eq!(status, StatusCode::NO_CONTENT);

    let (status, changed) = post(&client, &second()).await;
    assert_eq!(status, StatusCode::CREATED, "{changed}");
    server.stop();
    let server = Server::start(db.url(), dir.path()).await;
    let client = Client::new(&server.base);
    let (_, kept) = client.get(&format!("/meetings/{}", edited["id"])).await;
    assert_eq!(
        kept["summary"], "Checked against the transcript",
        "curation stays"
    );
    let all = client.all("/meetings").await;
    assert!(
        all.iter().all(|m| sentence(m) != sentence(deleted)),
        "the deleted meeting came back"
    );
    let documents = client.all("/documents").await;
    assert_eq!(
        documents
            .iter()
            .filter(|d| d["name"] == "nairobi.txt")
            .count(),
        1
    );
    let id = documents
        .iter()
        .find(|d| d["name"] == "nairobi.txt")
        .expect("stored")["id"]
        .clone();
    let (status, document) = client.get(&format!("/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(document["text"], second());
    assert_eq!(document["content_hash"].as_str().map(str::len), Some(64));

    let path = format!("/documents/{id}");
    let (status, _) = (client.send(Method::DELETE, &path, None, None).await).expect("DELETE");
    assert_eq!(status, StatusCode::NO_CONTENT);
    server.stop();
    let server = Server::start(db.url(), dir.path()).await;
    let client = Client::new(&server.base);
    let left: Vec<Value> = (client.all("/meetings").await.into_iter())
        .filter(|m| m["source"]["document"] == "nairobi.txt")
        .collect();
    assert_eq!(
        left.len(),
        1,
        "only the edited meeting outlives its document: {left:?}"
    );
    assert_eq!(left[0]["id"], edited["id"]);
    assert_eq!(client.get(&path).await.0, StatusCode::NOT_FOUND);
    server.stop();
}
