//! `/trips`: filters, pagination, the embedded view, CRUD, derived fields and ETags.

use serde_json::json;

use crate::support::{body, header, ids, problem, spawn_empty, spawn_sample};

#[tokio::test]
async fn trips_list_in_date_order_with_total_and_links() {
    let app = spawn_sample().await;
    let response = app.list_trips("").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "x-total-count"), "2");
    assert!(header(&response, "link").contains("rel=\"first\""));
    let trips = body(response).await;
    assert_eq!(ids(&trips), [8, 1]);
    let ana = &trips[1];
    assert_eq!(
        ana["traveller"],
        json!({"name": "Ana Lima", "role": "Foreign Minister"})
    );
    assert_eq!(ana["start_date"], "2021-03-01");
    assert_eq!(ana["end_date"], "2021-03-03");
    assert_eq!(ana["countries"], json!(["Poland", "Lithuania"]));
    assert_eq!(
        (ana["leg_count"].as_u64(), ana["meeting_count"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(ana["sources"], json!(["lima.txt"]));
}

#[tokio::test]
async fn trips_newest_first_with_sort_minus_date() {
    let app = spawn_sample().await;
    assert_eq!(ids(&body(app.list_trips("sort=-date").await).await), [1, 8]);
}

#[tokio::test]
async fn trip_filters_match_words_ignoring_case_and_accents() {
    let app = spawn_sample().await;
    for (query, expected) in [
        ("traveller=lima", vec![1]),
        ("traveller=OMAR", vec![8]),
        ("traveller=secretary", vec![8]),
        ("country=poland", vec![1]),
        ("country=lithuania", vec![1]),
        ("country=JAP", vec![8]),
        ("q=visit%20poland", vec![1]),
        ("q=lima.txt", vec![1]),
        ("traveller=lima&country=japan", vec![]),
        ("traveller=nobody", vec![]),
    ] {
        let response = app.list_trips(query).await;
        assert_eq!(response.status(), 200, "{query}");
        assert_eq!(ids(&body(response).await), expected, "{query}");
    }
}

#[tokio::test]
async fn trips_match_date_ranges_they_overlap() {
    let app = spawn_sample().await;
    for (query, expected) in [
        ("from=2021-03-04", vec![8]),
        ("to=2021-02-28", vec![8]),
        ("from=2021-03-03&to=2021-03-03", vec![8, 1]),
        ("from=2021-03-01&to=2021-03-01&traveller=lima", vec![1]),
        ("from=2021-03-06", vec![]),
    ] {
        assert_eq!(
            ids(&body(app.list_trips(query).await).await),
            expected,
            "{query}"
        );
    }
}

#[tokio::test]
async fn trip_pages_link_to_each_other() {
    let app = spawn_sample().await;
    let response = app.list_trips("limit=1&sort=date").await;
    assert_eq!(header(&response, "x-total-count"), "2");
    let link = header(&response, "link");
    assert!(
        link.contains("</trips?sort=date&limit=1&offset=1>; rel=\"next\""),
        "{link}"
    );
    assert!(
        link.contains("</trips?sort=date&limit=1&offset=1>; rel=\"last\""),
        "{link}"
    );
    assert!(!link.contains("rel=\"prev\""), "{link}");
    assert_eq!(ids(&body(response).await), [8]);
    let second = app.list_trips("limit=1&offset=1&sort=date").await;
    assert!(header(&second, "link").contains("offset=0>; rel=\"prev\""));
    assert_eq!(ids(&body(second).await), [1]);
}

#[tokio::test]
async fn a_trip_embeds_its_legs_in_order_and_its_meetings_by_time() {
    let app = spawn_sample().await;
    let response = app.get_trip(1).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "etag"), "\"trip-1-v1\"");
    let trip = body(response).await;
    assert_eq!(trip["id"], 1);
    assert_eq!(ids(&trip["legs"]), [2, 3, 4]);
    let seqs: Vec<u64> = (0..3)
        .map(|i| trip["legs"][i]["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs, [1, 2, 3]);
    assert_eq!(ids(&trip["meetings"]), [5, 6, 7]);
    assert_eq!(trip["legs"][0]["source"]["document"], "lima.txt");
}

#[tokio::test]
async fn a_trip_lists_its_legs_and_meetings() {
    let app = spawn_sample().await;
    let legs = app.trip_legs(1, "").await;
    assert_eq!(header(&legs, "x-total-count"), "3");
    assert_eq!(ids(&body(legs).await), [2, 3, 4]);
    let meetings = app.trip_meetings(1, "limit=2").await;
    assert_eq!(header(&meetings, "x-total-count"), "3");
    assert_eq!(ids(&body(meetings).await), [5, 6]);
    problem(app.trip_legs(99, "").await, 404).await;
    problem(app.trip_meetings(99, "").await, 404).await;
}

#[tokio::test]
async fn a_created_trip_can_be_read_back_from_its_location() {
    let app = spawn_empty().await;
    let response = app
        .create_trip(&json!({"traveller": {"name": "Ana Lima", "role": "Envoy"}, "title": "Talks"}))
        .await;
    assert_eq!(response.status(), 201);
    let location = header(&response, "location");
    assert_eq!(location, "/trips/1");
    assert_eq!(header(&response, "etag"), "\"trip-1-v1\"");
    let created = body(response).await;
    assert_eq!(created["leg_count"], 0);
    assert_eq!(created["countries"], json!([]));
    assert_eq!(created["start_date"], json!(null));
    let read = body(app.get(&location).await).await;
    assert_eq!(read["title"], "Talks");
    assert_eq!(read["legs"], json!([]));
}

#[tokio::test]
async fn put_replaces_and_patch_merges() {
    let app = spawn_sample().await;
    let mut trip = body(app.get_trip(8).await).await;
    trip["title"] = json!("Asia tour");
    let replaced = app.replace_trip(8, &trip).await;
    assert_eq!(replaced.status(), 200);
    assert_eq!(header(&replaced, "etag"), "\"trip-8-v2\"");
    let replaced = body(replaced).await;
    assert_eq!(replaced["title"], "Asia tour");
    // sending back the derived dates did not pin them
    assert_eq!(replaced["start_date"], "2021-02-27");
    let patched = app
        .patch_trip(8, &json!({"title": null, "summary": "Talks on trade"}))
        .await;
    assert_eq!(patched.status(), 200);
    let patched = body(patched).await;
    assert_eq!(
        (patched["title"].clone(), patched["summary"].clone()),
        (json!(null), json!("Talks on trade"))
    );
    assert_eq!(patched["traveller"]["name"], "Omar Haddad");
    assert_eq!(patched["version"], 3);
    let stored = body(app.get_trip(8).await).await;
    assert_eq!(stored["summary"], "Talks on trade");
}

#[tokio::test]
async fn pinned_dates_hold_until_unpinned() {
    let app = spawn_sample().await;
    let pinned = body(
        app.patch_trip(1, &json!({"start_date": "2021-02-28"}))
            .await,
    )
    .await;
    assert_eq!(
        (pinned["start_date"].as_str(), pinned["end_date"].as_str()),
        (Some("2021-02-28"), Some("2021-03-03"))
    );
    let unpinned = body(app.patch_trip(1, &json!({"start_date": null})).await).await;
    assert_eq!(unpinned["start_date"], "2021-03-01");
    let late = app.patch_trip(1, &json!({"end_date": "2021-02-01"})).await;
    let problem = problem(late, 422).await;
    assert_eq!(problem["errors"][0]["field"], "end_date");
    assert_eq!(body(app.get_trip(1).await).await["end_date"], "2021-03-03");
}

#[tokio::test]
async fn deleting_a_trip_deletes_its_legs_and_meetings() {
    let app = spawn_sample().await;
    let response = app.delete_trip(1).await;
    assert_eq!(response.status(), 204);
    problem(app.get_trip(1).await, 404).await;
    problem(app.get_leg(2).await, 404).await;
    problem(app.get_meeting(5).await, 404).await;
    assert_eq!(ids(&body(app.list_legs("").await).await), [9]);
    assert_eq!(ids(&body(app.list_meetings("").await).await), [10]);
    problem(app.delete_trip(1).await, 404).await;
}

#[tokio::test]
async fn a_matching_if_none_match_gets_304() {
    let app = spawn_sample().await;
    let etag = header(&app.get_trip(1).await, "etag");
    let response = app
        .request(reqwest::Method::GET, "/trips/1")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 304);
    assert_eq!(header(&response, "etag"), etag);
    app.patch_trip(1, &json!({"title": "Changed"})).await;
    let changed = app
        .request(reqwest::Method::GET, "/trips/1")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 200);
}

#[tokio::test]
async fn a_stale_if_match_gets_412_and_changes_nothing() {
    let app = spawn_sample().await;
    let stale = header(&app.get_trip(8).await, "etag");
    let fresh = app.patch_trip(8, &json!({"title": "First"})).await;
    let fresh = header(&fresh, "etag");
    let refused = app
        .request(reqwest::Method::PATCH, "/trips/8")
        .header("if-match", &stale)
        .json(&json!({"title": "Second"}))
        .send()
        .await
        .unwrap();
    problem(refused, 412).await;
    assert_eq!(body(app.get_trip(8).await).await["title"], "First");
    let accepted = app
        .request(reqwest::Method::PATCH, "/trips/8")
        .header("if-match", &fresh)
        .json(&json!({"title": "Second"}))
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 200);
    let deleted = app
        .request(reqwest::Method::DELETE, "/trips/8")
        .header("if-match", &fresh)
        .send()
        .await
        .unwrap();
    problem(deleted, 412).await;
}

#[tokio::test]
async fn a_trip_body_with_every_field_wrong_names_each() {
    let app = spawn_empty().await;
    let response = app
        .create_trip(
            &json!({"traveller": {"name": " "}, "start_date": "2021-02-30",
            "end_date": "March", "colour": "red"}),
        )
        .await;
    let problem = problem(response, 422).await;
    let mut fields = crate::support::error_fields(&problem);
    fields.sort();
    assert_eq!(
        fields,
        ["colour", "end_date", "start_date", "traveller.name"]
    );
}
