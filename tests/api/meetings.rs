//! `/meetings`: filters (participants, places, countries, kinds, dates, text), CRUD and
//! validation.

use serde_json::json;

use crate::support::{body, error_fields, header, ids, problem, spawn_sample};

#[tokio::test]
async fn meetings_list_in_time_order() {
    let app = spawn_sample().await;
    let response = app.list_meetings("").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "x-total-count"), "4");
    assert_eq!(ids(&body(response).await), [5, 6, 7, 10]);
    assert_eq!(
        ids(&body(app.list_meetings("sort=-date").await).await),
        [10, 7, 6, 5]
    );
}

#[tokio::test]
async fn meeting_filters_combine() {
    let app = spawn_sample().await;
    for (query, expected) in [
        ("participant=nowak", vec![5]),
        ("participant=WOJCIK", vec![6]),
        ("participant=zofia%20wojcik", vec![6]),
        ("participant=jan%20wojcik", vec![]),
        ("participant=prime%20minister", vec![5, 10]),
        ("participant=sato", vec![10]),
        ("place=krakow", vec![5, 6]),
        ("place=%C5%81%C3%B3d%C5%BA", vec![7]),
        ("country=japan", vec![10]),
        ("country=poland", vec![5, 6, 7]),
        ("kind=meal", vec![6]),
        ("kind=press", vec![7]),
        ("status=planned", vec![]),
        ("trip_id=8", vec![10]),
        ("traveller=lima", vec![5, 6, 7]),
        ("from=2021-03-02&to=2021-03-03", vec![6, 7]),
        ("q=mayor", vec![6]),
        ("q=sentence", vec![5, 6, 7]),
        ("participant=prime&country=poland&from=2021-03-01", vec![5]),
    ] {
        let response = app.list_meetings(query).await;
        assert_eq!(response.status(), 200, "{query}");
        assert_eq!(ids(&body(response).await), expected, "{query}");
    }
}

#[tokio::test]
async fn a_meeting_round_trips_through_the_api() {
    let app = spawn_sample().await;
    let response = app
        .create_meeting(
            &json!({"trip_id": 8, "date": "2021-03-05", "part_of_day": "evening",
            "place": {"name": "Tōkyō", "country": "Japan", "country_code": "jp"},
            "kind": "site_visit", "summary": "  Visited a shelter. ",
            "participants": [{"name": "Aiko Ito", "role": "Governor", "country": "Japan"}]}),
        )
        .await;
    assert_eq!(response.status(), 201);
    let location = header(&response, "location");
    let created = body(response).await;
    assert_eq!(location, format!("/meetings/{}", created["id"]));
    assert_eq!(created["summary"], "Visited a shelter.");
    assert_eq!(created["place"]["country_code"], "JP");
    assert_eq!(created["status"], "completed");
    let trip = body(app.get_trip(8).await).await;
    assert_eq!(
        ids(&trip["meetings"]),
        [10, created["id"].as_i64().unwrap()]
    );
    let mut full = body(app.get(&location).await).await;
    full["kind"] = json!("meeting");
    let replaced = body(
        app.replace_meeting(created["id"].as_i64().unwrap(), &full)
            .await,
    )
    .await;
    assert_eq!(
        (replaced["kind"].as_str(), replaced["version"].as_i64()),
        (Some("meeting"), Some(2))
    );
    let patched = app.patch_meeting(10, &json!({"participants": []})).await;
    assert_eq!(body(patched).await["participants"], json!([]));
    assert_eq!(app.delete_meeting(10).await.status(), 204);
    problem(app.get_meeting(10).await, 404).await;
    assert_eq!(body(app.get_trip(8).await).await["meeting_count"], 1);
}

#[tokio::test]
async fn participants_need_names_and_kinds_must_be_known() {
    let app = spawn_sample().await;
    let response = app
        .create_meeting(&json!({"trip_id": 1, "kind": "party",
            "participants": [{"name": "Ana"}, {"name": " ", "role": "Dr"}]}))
        .await;
    let problem_body = problem(response, 422).await;
    assert_eq!(
        error_fields(&problem_body),
        ["participants[1].name", "kind"]
    );
    let unknown = app
        .create_meeting(&json!({"trip_id": 1, "participants": [{"name": "Ana", "title": "Dr"}]}))
        .await;
    let unknown = problem(unknown, 422).await;
    assert_eq!(error_fields(&unknown), ["participants[0].title"]);
    assert_eq!(header(&app.list_meetings("").await, "x-total-count"), "4");
}

#[tokio::test]
async fn a_meeting_read_answers_304_to_its_etag() {
    let app = spawn_sample().await;
    let response = app.get_meeting(6).await;
    assert_eq!(header(&response, "etag"), "\"meeting-6-v1\"");
    let again = app
        .request(reqwest::Method::GET, "/meetings/6")
        .header("if-none-match", "\"meeting-6-v0\", \"meeting-6-v1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
}
