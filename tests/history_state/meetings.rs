//! Meetings read from the records' remarks: a summit is a conference engagement of the trip,
//! a leader met is a participant found by name over HTTP, and the report counts them.

use serde_json::Value;

use crate::support::{imported, spawn_app};

/// The participants of a meeting as (name, role, country).
fn people(meeting: &Value) -> Vec<(String, String, String)> {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    meeting["participants"]
        .as_array()
        .map(|people| {
            (people.iter())
                .map(|p| (text(&p["name"]), text(&p["role"]), text(&p["country"])))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn obama_april_2009_trip_has_its_g20_and_nato_summits_as_meetings() {
    let Some((store, _)) = imported().await else {
        return;
    };
    let app = spawn_app(store).await;
    let trip = app.trip_with_record("obama", "obama-barack.xml#2961").await;
    let trip_id = trip["id"].as_i64().expect("an id");
    let meetings = app.get(&format!("/trips/{trip_id}/meetings"), &[]).await;
    let meetings = meetings.as_array().expect("a JSON array");
    let summit = |words: &str| {
        meetings
            .iter()
            .find(|m| {
                m["source"]["sentence"]
                    .as_str()
                    .is_some_and(|s| s.contains(words))
            })
            .unwrap_or_else(|| panic!("no meeting read from {words:?} in {meetings:#?}"))
    };
    let g20 = summit("G-20");
    assert_eq!(g20["kind"], "conference");
    assert_eq!(g20["date"], "2009-03-31");
    assert_eq!(g20["place"]["name"], "London");
    assert_eq!(
        g20["source"]["document"],
        "history-state/travels/president-travels/obama-barack.xml#2961"
    );
    let nato = summit("NATO Summit");
    assert_eq!(nato["kind"], "conference");
    assert_eq!(nato["date"], "2009-04-03");
    assert_eq!(nato["place"]["name"], "Strasbourg");
    assert_eq!(trip["meeting_count"].as_u64(), Some(meetings.len() as u64));
}

#[tokio::test]
async fn meetings_with_harper_are_found_by_participant_over_http() {
    let Some((store, _)) = imported().await else {
        return;
    };
    let app = spawn_app(store).await;
    let meetings = app.list("/meetings", &[("participant", "harper")]).await;
    assert!(meetings.len() >= 3, "{meetings:#?}");
    let mut in_canada = 0;
    for meeting in &meetings {
        let harper = people(meeting)
            .into_iter()
            .find(|(name, _, _)| name.ends_with("Harper"))
            .unwrap_or_else(|| panic!("no Harper in {meeting:#?}"));
        assert_eq!(harper.1, "Prime Minister", "{meeting:#?}");
        assert!(harper.2.is_empty() || harper.2 == "Canada", "{meeting:#?}");
        in_canada += usize::from(harper.2 == "Canada");
    }
    assert!(in_canada >= 1, "a remark says Canadian: {meetings:#?}");
    let ottawa = meetings
        .iter()
        .find(|m| {
            m["source"]["document"].as_str()
                == Some("history-state/travels/president-travels/obama-barack.xml#2960")
        })
        .expect("Obama met Prime Minister Harper in Ottawa (record #2960)");
    assert_eq!(ottawa["date"], "2009-02-19");
    assert_eq!(ottawa["kind"], "meeting");
}

#[tokio::test]
async fn the_import_report_counts_the_meetings_it_stored() {
    let Some((store, report)) = imported().await else {
        return;
    };
    assert!(report.meetings > 5000, "{}", report.meetings);
    assert_eq!(report.meetings, store.meetings().len());
    let text = report.to_string();
    let line = format!("  meetings:         {}\n", report.meetings);
    assert!(text.contains(&line), "{text}");
}
