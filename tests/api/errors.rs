//! Each error class: 404, 400 (query and path parameters, malformed JSON), 405 with `Allow`,
//! 413, 415 and 422, always as problem+json, never a 500.

use reqwest::Method;
use serde_json::json;

use crate::support::{body, error_fields, header, problem, spawn_sample};

#[tokio::test]
async fn unknown_ids_and_routes_are_404() {
    let app = spawn_sample().await;
    let missing = problem(app.get_trip(999).await, 404).await;
    assert_eq!(missing["detail"], "trip 999 does not exist");
    assert_eq!(missing["type"], "/problems/not-found");
    problem(app.get_leg(1).await, 404).await;
    problem(app.get_meeting(2).await, 404).await;
    let route = problem(app.get("/nowhere").await, 404).await;
    assert!(route["detail"].as_str().unwrap().contains("/nowhere"));
}

#[tokio::test]
async fn bad_query_parameters_are_400_naming_each() {
    let app = spawn_sample().await;
    for (path, field, words) in [
        ("/trips?from=2022-13-01", "from", "real calendar date"),
        ("/legs?to=yesterday", "to", "YYYY-MM-DD"),
        ("/meetings?limit=-1", "limit", "from 1 to 1000"),
        ("/trips?limit=1001", "limit", "from 1 to 1000"),
        ("/trips?limit=0", "limit", "from 1 to 1000"),
        ("/legs?offset=x", "offset", "whole number"),
        ("/trips?sort=size", "sort", "`-date`"),
        ("/legs?mode=teleport", "mode", "`helicopter`"),
        ("/meetings?kind=party", "kind", "`site_visit`"),
        ("/legs?trip_id=abc", "trip_id", "positive integers"),
        ("/meetings?particpant=lavrov", "particpant", "participant"),
        ("/trips?from=2021-03-02&to=2021-03-01", "to", "before"),
        ("/meetings?participant=%2C%2C", "participant", "no letter"),
        (
            "/timeline?traveller=a&traveller=b",
            "traveller",
            "more than once",
        ),
    ] {
        let problem = problem(app.get(path).await, 400).await;
        assert_eq!(problem["type"], "/problems/bad-parameter", "{path}");
        assert_eq!(error_fields(&problem), [field], "{path}");
        let detail = problem["errors"][0]["detail"].as_str().unwrap();
        assert!(detail.contains(words), "{path}: {detail}");
        assert!(
            problem["detail"].as_str().unwrap().contains(field),
            "{path}"
        );
    }
}

#[tokio::test]
async fn several_bad_parameters_are_reported_together() {
    let app = spawn_sample().await;
    let problem = problem(app.get("/legs?from=2022-13-01&limit=-1&sort=up").await, 400).await;
    assert_eq!(error_fields(&problem), ["from", "sort", "limit"]);
}

#[tokio::test]
async fn bad_path_ids_are_400_and_huge_ones_never_500() {
    let app = spawn_sample().await;
    problem(app.get("/trips/abc").await, 400).await;
    problem(app.get("/legs/99999999999999999999999").await, 400).await;
    problem(app.get("/meetings/-5").await, 404).await;
}

#[tokio::test]
async fn a_body_that_is_not_json_is_415() {
    let app = spawn_sample().await;
    let response = app
        .request(Method::POST, "/trips")
        .header("content-type", "text/plain")
        .body("traveller=Ana")
        .send()
        .await
        .unwrap();
    let problem = problem(response, 415).await;
    assert!(problem["detail"].as_str().unwrap().contains("text/plain"));
    let bare = app
        .request(Method::PATCH, "/legs/2")
        .body("{}")
        .send()
        .await
        .unwrap();
    problem_status(bare, 415).await;
}

async fn problem_status(response: reqwest::Response, status: u16) {
    problem(response, status).await;
}

#[tokio::test]
async fn malformed_json_is_400() {
    let app = spawn_sample().await;
    let response = app
        .request(Method::POST, "/meetings")
        .header("content-type", "application/json")
        .body("{\"trip_id\": 1,")
        .send()
        .await
        .unwrap();
    let problem = problem(response, 400).await;
    assert_eq!(problem["type"], "/problems/malformed-body");
}

#[tokio::test]
async fn a_merge_patch_content_type_is_accepted() {
    let app = spawn_sample().await;
    let response = app
        .request(Method::PATCH, "/meetings/5")
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"summary": "Talks"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(body(response).await["summary"], "Talks");
}

#[tokio::test]
async fn unknown_and_invalid_fields_are_422_naming_each() {
    let app = spawn_sample().await;
    let response = app
        .create_leg(
            &json!({"trip_id": 1, "destination": {"name": "Riga", "population": 600000},
            "date": "2021-02-30", "part_of_day": "dusk", "status": "maybe", "speed": 9}),
        )
        .await;
    let problem = problem(response, 422).await;
    assert_eq!(problem["type"], "/problems/validation-failed");
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(
        fields,
        [
            "date",
            "destination.population",
            "part_of_day",
            "speed",
            "status"
        ]
    );
    let not_object = crate::support::problem(app.create_trip(&json!([1, 2])).await, 422).await;
    assert!(
        not_object["errors"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("object")
    );
}

#[tokio::test]
async fn a_put_whose_body_names_another_id_is_422() {
    let app = spawn_sample().await;
    let mut leg = body(app.get_leg(2).await).await;
    leg["id"] = json!(3);
    let problem = problem(app.replace_leg(2, &leg).await, 422).await;
    assert_eq!(error_fields(&problem), ["id"]);
}

#[tokio::test]
async fn bodies_over_one_mebibyte_are_413() {
    let app = spawn_sample().await;
    let summary = "x".repeat(1024 * 1024 + 10);
    let response = app
        .create_meeting(&json!({"trip_id": 1, "summary": summary}))
        .await;
    let problem = problem(response, 413).await;
    assert_eq!(problem["type"], "/problems/payload-too-large");
    assert_eq!(header(&app.list_meetings("").await, "x-total-count"), "4");
}

#[tokio::test]
async fn a_wrong_method_is_405_with_allow() {
    let app = spawn_sample().await;
    let response = app.request(Method::DELETE, "/trips").send().await.unwrap();
    let allow = header(&response, "allow");
    let problem = problem(response, 405).await;
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");
    assert!(
        problem["detail"].as_str().unwrap().contains("POST"),
        "{problem}"
    );
    let timeline = app.request(Method::POST, "/timeline").send().await.unwrap();
    assert_eq!(timeline.status(), 405);
}

#[tokio::test]
async fn problem_types_describe_themselves() {
    let app = spawn_sample().await;
    let response = app.get("/problems/precondition-failed").await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("If-Match"));
    problem(app.get("/problems/nothing").await, 404).await;
}
