//! `/legs`: filters, order, CRUD with renumbering, and the trips they update.

use serde_json::{Value, json};

use crate::support::{body, error_fields, header, ids, problem, spawn_sample};

fn new_leg(trip_id: i64, to: &str, date: &str) -> Value {
    json!({"trip_id": trip_id, "destination": {"name": to, "country": "Latvia", "country_code": "LV"},
        "date": date, "mode": "rail"})
}

#[tokio::test]
async fn legs_list_by_date_with_undated_last() {
    let app = spawn_sample().await;
    let response = app.list_legs("").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "x-total-count"), "4");
    assert_eq!(ids(&body(response).await), [9, 2, 3, 4]);
    assert_eq!(
        ids(&body(app.list_legs("sort=-date").await).await),
        [3, 2, 9, 4]
    );
}

#[tokio::test]
async fn leg_filters_combine() {
    let app = spawn_sample().await;
    for (query, expected) in [
        ("trip_id=1", vec![2, 3, 4]),
        ("trip_id=8", vec![9]),
        ("traveller=omar", vec![9]),
        ("origin=LISBOA", vec![2]),
        ("destination=krakow", vec![2]),
        ("destination=tokyo", vec![9]),
        ("place=lodz", vec![3, 4]),
        ("place=lodz&status=planned", vec![4]),
        ("country=lithuania", vec![4]),
        ("country=pl", vec![2, 3, 4]),
        ("mode=road", vec![3]),
        ("mode=air&from=2021-03-01", vec![2]),
        ("status=completed", vec![9, 2, 3]),
        ("from=2021-03-01&to=2021-03-02", vec![2]),
        ("to=2021-03-01", vec![9, 2]),
        (
            "origin=krakow&destination=lodz&mode=road&trip_id=1",
            vec![3],
        ),
        ("origin=lodz&destination=krakow", vec![]),
    ] {
        let response = app.list_legs(query).await;
        assert_eq!(response.status(), 200, "{query}");
        assert_eq!(ids(&body(response).await), expected, "{query}");
    }
}

#[tokio::test]
async fn a_leg_reads_with_its_etag() {
    let app = spawn_sample().await;
    let response = app.get_leg(3).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "etag"), "\"leg-3-v1\"");
    let leg = body(response).await;
    assert_eq!(leg["origin"]["name"], "Kraków");
    assert_eq!(leg["destination"]["country_code"], "PL");
    assert_eq!(
        (
            leg["mode"].as_str(),
            leg["status"].as_str(),
            leg["seq"].as_u64()
        ),
        (Some("road"), Some("completed"), Some(2))
    );
    assert_eq!(leg["via"], json!([]));
    problem(app.get_leg(99).await, 404).await;
}

#[tokio::test]
async fn a_leg_created_first_moves_the_others_down() {
    let app = spawn_sample().await;
    let mut leg = new_leg(1, "Rīga", "2021-02-28");
    leg["seq"] = json!(1);
    let response = app.create_leg(&leg).await;
    assert_eq!(response.status(), 201);
    assert_eq!(header(&response, "location"), "/legs/11");
    let created = body(response).await;
    assert_eq!(
        (created["seq"].as_u64(), created["source"].clone()),
        (Some(1), json!(null))
    );
    let trip = body(app.get_trip(1).await).await;
    assert_eq!(ids(&trip["legs"]), [11, 2, 3, 4]);
    assert_eq!(trip["legs"][1]["seq"], 2);
    assert_eq!(trip["legs"][1]["version"], 2);
    assert_eq!(
        (trip["leg_count"].as_u64(), trip["start_date"].as_str()),
        (Some(4), Some("2021-02-28"))
    );
    assert_eq!(trip["countries"], json!(["Latvia", "Poland", "Lithuania"]));
}

#[tokio::test]
async fn a_leg_created_without_seq_goes_last() {
    let app = spawn_sample().await;
    let created = body(app.create_leg(&new_leg(8, "Ōsaka", "2021-03-06")).await).await;
    assert_eq!(created["seq"], 2);
    assert_eq!(body(app.get_trip(8).await).await["end_date"], "2021-03-06");
}

#[tokio::test]
async fn a_leg_moved_to_another_trip_leaves_both_in_order() {
    let app = spawn_sample().await;
    let mut leg = body(app.get_leg(2).await).await;
    leg["trip_id"] = json!(8);
    leg.as_object_mut().unwrap().remove("seq");
    let response = app.replace_leg(2, &leg).await;
    assert_eq!(response.status(), 200);
    let moved = body(response).await;
    assert_eq!(
        (moved["trip_id"].as_i64(), moved["seq"].as_u64()),
        (Some(8), Some(2))
    );
    assert_eq!(moved["source"]["document"], "lima.txt");
    let ana = body(app.get_trip(1).await).await;
    assert_eq!(ids(&ana["legs"]), [3, 4]);
    assert_eq!(ana["legs"][0]["seq"], 1);
    assert_eq!(ana["leg_count"], 2);
    assert_eq!(body(app.get_trip(8).await).await["leg_count"], 2);
}

#[tokio::test]
async fn a_patched_leg_keeps_what_the_patch_does_not_name() {
    let app = spawn_sample().await;
    let response = app
        .patch_leg(
            3,
            &json!({"date": "2021-03-04", "mode": null, "via": [{"name": "Katowice"}]}),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "etag"), "\"leg-3-v2\"");
    let leg = body(response).await;
    assert_eq!(
        (leg["date"].as_str(), leg["mode"].clone()),
        (Some("2021-03-04"), json!(null))
    );
    // a bare name is completed from the gazetteer
    let via = &leg["via"][0];
    assert_eq!(
        (via["name"].as_str(), via["country_code"].as_str()),
        (Some("Katowice"), Some("PL"))
    );
    assert!(via["lat"].is_number() && via["lon"].is_number(), "{via}");
    assert_eq!(leg["origin"]["name"], "Kraków");
    assert_eq!(body(app.get_trip(1).await).await["end_date"], "2021-03-04");
}

#[tokio::test]
async fn a_patch_naming_a_new_place_brings_its_country_along() {
    let app = spawn_sample().await;
    let leg = body(
        app.patch_leg(2, &json!({"origin": {"name": "Madrid"}}))
            .await,
    )
    .await;
    assert_eq!(leg["origin"]["country"], "Spain");
    assert_eq!(leg["origin"]["country_code"], "ES");
    let unknown = body(
        app.patch_leg(2, &json!({"origin": {"name": "Xyzzyville"}}))
            .await,
    )
    .await;
    assert_eq!(unknown["origin"]["name"], "Xyzzyville");
    // merge patch keeps the fields the patch does not name
    assert_eq!(unknown["origin"]["country_code"], "ES");
}

#[tokio::test]
async fn an_invalid_patch_changes_nothing() {
    let app = spawn_sample().await;
    let response = app
        .patch_leg(3, &json!({"mode": "teleport", "date": "2021-02-29"}))
        .await;
    let problem = problem(response, 422).await;
    assert_eq!(error_fields(&problem), ["date", "mode"]);
    let leg = body(app.get_leg(3).await).await;
    assert_eq!(
        (leg["mode"].as_str(), leg["version"].as_i64()),
        (Some("road"), Some(1))
    );
}

#[tokio::test]
async fn a_deleted_leg_closes_the_gap() {
    let app = spawn_sample().await;
    assert_eq!(app.delete_leg(2).await.status(), 204);
    problem(app.get_leg(2).await, 404).await;
    let trip = body(app.get_trip(1).await).await;
    assert_eq!(ids(&trip["legs"]), [3, 4]);
    assert_eq!(
        (
            trip["legs"][0]["seq"].as_u64(),
            trip["legs"][1]["seq"].as_u64()
        ),
        (Some(1), Some(2))
    );
    problem(app.delete_leg(2).await, 404).await;
}

#[tokio::test]
async fn a_leg_needs_an_existing_trip_and_a_place() {
    let app = spawn_sample().await;
    let problem_body = problem(
        app.create_leg(&new_leg(99, "Rīga", "2021-03-01")).await,
        422,
    )
    .await;
    assert_eq!(error_fields(&problem_body), ["trip_id"]);
    assert!(
        problem_body["errors"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("trip 99")
    );
    let nowhere = problem(app.create_leg(&json!({"trip_id": 1})).await, 422).await;
    assert_eq!(error_fields(&nowhere), ["destination"]);
    let missing = problem(
        app.create_leg(&json!({"destination": {"name": "Rīga"}}))
            .await,
        422,
    )
    .await;
    assert_eq!(error_fields(&missing), ["trip_id"]);
    assert_eq!(header(&app.list_legs("").await, "x-total-count"), "4");
}

#[tokio::test]
async fn a_stale_leg_replace_gets_412() {
    let app = spawn_sample().await;
    let leg = body(app.get_leg(3).await).await;
    let response = app
        .request(reqwest::Method::PUT, "/legs/3")
        .header("if-match", "\"leg-3-v0\"")
        .json(&leg)
        .send()
        .await
        .unwrap();
    problem(response, 412).await;
    let response = app
        .request(reqwest::Method::PUT, "/legs/3")
        .header("if-match", "\"leg-3-v1\"")
        .json(&leg)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn concurrent_writers_lose_no_leg() {
    let app = std::sync::Arc::new(spawn_sample().await);
    let trip = app.new_trip("Ana Lima").await;
    let writers: Vec<_> = (0..16)
        .map(|i| {
            let app = app.clone();
            tokio::spawn(async move {
                let leg = new_leg(trip, &format!("Town {i}"), "2021-04-01");
                app.create_leg(&leg).await.status().as_u16()
            })
        })
        .collect();
    for writer in writers {
        assert_eq!(writer.await.unwrap(), 201);
    }
    let trip = body(app.get_trip(trip).await).await;
    assert_eq!(trip["leg_count"], 16);
    let seqs: Vec<u64> = (0..16)
        .map(|i| trip["legs"][i]["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs, (1..=16).collect::<Vec<u64>>());
}
