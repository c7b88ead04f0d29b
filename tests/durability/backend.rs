//! The backend on its own, once per backend: every write in a transaction, checked versions,
//! and re-extraction that keeps what users curated.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use itinerary::domain::{
    Document, Leg, LegDraft, Meeting, MeetingDraft, MeetingKind, Mode, Participant, Place, Source,
    Status, Traveller, Trip, TripDraft,
};
use itinerary::store::keys::key_trips;
use itinerary::store::sql::{Backend, DocumentWrite};
use itinerary::store::{DocumentOrigin, Entity, Item, StoreError};

use crate::support::every_backend;

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 3, d)
}

fn place(name: &str, country: &str, code: &str) -> Place {
    Place {
        name: name.into(),
        country: Some(country.into()),
        country_code: Some(code.into()),
        lat: Some(10.5),
        lon: Some(-20.25),
    }
}

fn new_trip(name: &str) -> Trip {
    Trip {
        id: 0,
        traveller: Traveller {
            name: name.into(),
            role: Some("Envoy".into()),
        },
        title: Some("Spring tour".into()),
        summary: None,
        start_date: day(1),
        end_date: day(4),
        countries: vec!["Chile".into()],
        leg_count: 0,
        meeting_count: 0,
        sources: Vec::new(),
        version: 1,
    }
}

fn new_leg(trip_id: i64) -> Leg {
    Leg {
        id: 0,
        trip_id,
        seq: 1,
        origin: Some(place("Lima", "Peru", "PE")),
        destination: Some(place("Santiago", "Chile", "CL")),
        via: vec![place("Arica", "Chile", "CL"), Place::named("Somewhere")],
        date: day(2),
        part_of_day: None,
        mode: Some(Mode::Air),
        status: Status::Completed,
        inferred: false,
        source: None,
        version: 1,
    }
}

fn new_meeting(trip_id: i64) -> Meeting {
    Meeting {
        id: 0,
        trip_id,
        date: day(3),
        part_of_day: None,
        place: Some(place("Santiago", "Chile", "CL")),
        kind: MeetingKind::Meal,
        participants: vec![Participant {
            name: "Marta Núñez".into(),
            role: Some("Foreign Minister".into()),
            country: Some("Chile".into()),
        }],
        summary: Some("Working lunch".into()),
        status: Status::Completed,
        source: None,
        version: 1,
    }
}

async fn create(backend: &Backend, item: Item) -> Item {
    let entity = item.entity();
    let changes = backend.create(&item).await.expect("create");
    changes.item(entity).expect("the created item")
}

/// A trip with one leg and one meeting, as stored.
async fn create_trip_leg_meeting(backend: &Backend) -> (Trip, Leg, Meeting) {
    let Item::Trip(trip) = create(backend, Item::Trip(new_trip("Ana Ruiz"))).await else {
        panic!("not a trip")
    };
    let Item::Leg(leg) = create(backend, Item::Leg(new_leg(trip.id))).await else {
        panic!("not a leg")
    };
    let Item::Meeting(meeting) = create(backend, Item::Meeting(new_meeting(trip.id))).await else {
        panic!("not a meeting")
    };
    (trip, leg, meeting)
}

#[tokio::test]
async fn items_round_trip_through_every_backend() {
    for db in every_backend().await {
        let backend = Backend::open(db.url()).await.expect("open");
        let (trip, leg, meeting) = create_trip_leg_meeting(&backend).await;
        assert_eq!(
            leg,
            Leg {
                id: leg.id,
                ..new_leg(trip.id)
            },
            "{}",
            db.label()
        );
        assert_eq!(
            meeting,
            Meeting {
                id: meeting.id,
                ..new_meeting(trip.id)
            }
        );
        backend.close().await;

        let reopened = Backend::open(db.url()).await.expect("reopen");
        let snapshot = reopened.load().await.expect("load");
        assert_eq!(snapshot.changes.trips, vec![trip], "{}", db.label());
        assert_eq!(snapshot.changes.legs, vec![leg]);
        assert_eq!(snapshot.changes.meetings, vec![meeting]);
        assert!(snapshot.seq >= 3);
    }
}

#[tokio::test]
async fn updates_check_the_version_inside_the_transaction() {
    for db in every_backend().await {
        let backend = Backend::open(db.url()).await.expect("open");
        let Item::Trip(trip) = create(&backend, Item::Trip(new_trip("Ana Ruiz"))).await else {
            panic!("not a trip")
        };
        let edited = Trip {
            title: Some("Autumn tour".into()),
            ..trip.clone()
        };
        let changes = backend
            .update(&Item::Trip(edited.clone()), 1)
            .await
            .expect("update");
        assert_eq!(changes.trips[0].version, 2, "{}", db.label());
        assert_eq!(changes.trips[0].title.as_deref(), Some("Autumn tour"));

        let stale = backend.update(&Item::Trip(edited), 1).await;
        assert!(
            matches!(
                stale,
                Err(StoreError::VersionMismatch {
                    expected: 1,
                    actual: 2,
                    ..
                })
            ),
            "{stale:?}"
        );
        let stale_delete = backend.delete(Entity::Trip, trip.id, Some(1)).await;
        assert!(matches!(
            stale_delete,
            Err(StoreError::VersionMismatch { .. })
        ));
        let missing = backend
            .update(&Item::Trip(Trip { id: 999, ..trip }), 1)
            .await;
        assert!(matches!(
            missing,
            Err(StoreError::Missing {
                kind: "trip",
                id: 999
            })
        ));

        let snapshot = backend.load().await.expect("load");
        assert_eq!(
            snapshot.changes.trips[0].version, 2,
            "stale writes changed nothing"
        );
    }
}

#[tokio::test]
async fn a_leg_for_a_missing_trip_is_refused() {
    for db in every_backend().await {
        let backend = Backend::open(db.url()).await.expect("open");
        let refused = backend.create(&Item::Leg(new_leg(42))).await;
        assert!(
            matches!(refused, Err(StoreError::UnknownTrip(42))),
            "{refused:?}"
        );
        assert!(backend.load().await.expect("load").changes.legs.is_empty());
    }
}

#[tokio::test]
async fn deleting_a_trip_deletes_its_legs_and_meetings() {
    for db in every_backend().await {
        let backend = Backend::open(db.url()).await.expect("open");
        let (trip, leg, meeting) = create_trip_leg_meeting(&backend).await;
        let removed = backend
            .delete(Entity::Trip, trip.id, None)
            .await
            .expect("delete");
        assert_eq!(removed.removed_trips, vec![trip.id], "{}", db.label());
        assert_eq!(removed.removed_legs, vec![leg.id]);
        assert_eq!(removed.removed_meetings, vec![meeting.id]);
        let snapshot = backend.load().await.expect("load");
        assert!(snapshot.changes.trips.is_empty() && snapshot.changes.legs.is_empty());
        assert!(snapshot.changes.meetings.is_empty());
    }
}

#[tokio::test]
async fn another_process_sees_writes_through_the_change_log() {
    for db in every_backend().await {
        let writer = Backend::open(db.url()).await.expect("open writer");
        let reader = Backend::open(db.url()).await.expect("open reader");
        let seen = reader.load().await.expect("load").seq;
        let Item::Trip(trip) = create(&writer, Item::Trip(new_trip("Ana Ruiz"))).await else {
            panic!("not a trip")
        };
        writer
            .delete(Entity::Trip, trip.id, None)
            .await
            .expect("delete");
        let Item::Trip(kept) = create(&writer, Item::Trip(new_trip("Bo Li"))).await else {
            panic!("not a trip")
        };
        let changes = reader
            .changes_since(seen)
            .await
            .expect("poll")
            .expect("log reaches");
        assert_eq!(changes.trips, vec![kept], "{}", db.label());
        assert_eq!(changes.removed_trips, vec![trip.id]);
        let nothing = reader
            .changes_since(changes.seq)
            .await
            .expect("poll")
            .expect("log");
        assert!(nothing.is_empty());
    }
}

// ---- documents and re-extraction ----

fn document(name: &str, body: &str) -> Document {
    Document::parse(name, format!(" date 2024-03-05 {body}")).expect("a document")
}

fn source(doc: &Document, sentence: &str) -> Option<Source> {
    let start = doc.text.find(sentence).expect("sentence in the text");
    Some(Source {
        document: doc.name.clone(),
        sentence: sentence.into(),
        start,
        end: start + sentence.len(),
    })
}

/// What an extractor would make of a document whose sentences are all meetings with the
/// person named in them ("She met X.") and one leg from the first sentence.
fn extracted(doc: &Document) -> TripDraft {
    let sentences: Vec<&str> = doc.body().split_inclusive('.').map(str::trim).collect();
    let meetings = sentences
        .iter()
        .map(|s| MeetingDraft {
            date: day(5),
            part_of_day: None,
            place: None,
            kind: MeetingKind::Meeting,
            participants: vec![Participant {
                name: s
                    .trim_start_matches("She met ")
                    .trim_end_matches('.')
                    .into(),
                role: None,
                country: None,
            }],
            summary: None,
            status: Status::Completed,
            source: source(doc, s),
        })
        .collect();
    let leg = LegDraft {
        origin: None,
        destination: Some(place("Quito", "Ecuador", "EC")),
        via: Vec::new(),
        date: day(4),
        part_of_day: None,
        mode: None,
        status: Status::Completed,
        inferred: false,
        source: source(doc, sentences[0]),
    };
    TripDraft {
        traveller: Traveller {
            name: "Ana Ruiz".into(),
            role: None,
        },
        title: None,
        summary: None,
        legs: vec![leg],
        meetings,
        sources: vec![doc.name.clone()],
    }
}

fn write_of(docs: &[Document]) -> DocumentWrite {
    DocumentWrite {
        upserts: docs
            .iter()
            .map(|d| (d.clone(), DocumentOrigin::Seed))
            .collect(),
        deletions: Vec::new(),
        trips: key_trips(docs.iter().map(extracted).collect()),
        scope: docs.iter().map(|d| d.name.clone()).collect::<BTreeSet<_>>(),
    }
}

fn participants(meetings: &[Meeting]) -> Vec<String> {
    meetings
        .iter()
        .map(|m| m.participants[0].name.clone())
        .collect()
}

#[tokio::test]
async fn the_same_documents_again_write_nothing() {
    for db in every_backend().await {
        let backend = Backend::open(db.url()).await.expect("open");
        let doc = document("a.txt", "She met Pablo Soto. She met Rita Gil.");
        let first = backend
            .write_documents(&write_of(std::slice::from_ref(&doc)))
            .await
            .expect("write");
        assert_eq!(first.documents.len(), 1, "{}", db.label());
        assert_eq!(
            (first.trips.len(), first.legs.len(), first.meetings.len()),
            (1, 1, 2)
        );
        let again = backend
            .write_documents(&write_of(&[doc]))
            .await
            .expect("write again");
        assert!(again.is_empty(), "{again:?}");
        let stored = backend.documents().await.expect("documents");
        assert_eq!(stored[0].content_hash.len(), 64);
    }
}

#[tokio::test]
async fn re_extraction_keeps_what_users_curated() {
    for db in every_backend().await {
        let backend = Backend::open(db.url()).await.expect("open");
        let v1 = document(
            "a.txt",
            "She met Pablo Soto. She met Rita Gil. She met Ian Roe.",
        );
        let first = backend
            .write_documents(&write_of(&[v1]))
            .await
            .expect("write v1");
        let [soto, gil, roe] = [0, 1, 2].map(|i| first.meetings[i].clone());
        let mut edited = gil.clone();
        edited.summary = Some("Corrected by hand".into());
        backend
            .update(&Item::Meeting(edited), gil.version)
            .await
            .expect("edit");
        backend
            .delete(Entity::Meeting, roe.id, None)
            .await
            .expect("delete");

        // The document changes: Soto's sentence is reworded, the others stay.
        let v2 = document(
            "a.txt",
            "She met Pablo Soto Ruiz. She met Rita Gil. She met Ian Roe.",
        );
        let second = backend
            .write_documents(&write_of(&[v2]))
            .await
            .expect("write v2");
        assert_eq!(second.removed_meetings, vec![soto.id], "{}", db.label());
        let meetings = backend.load().await.expect("load").changes.meetings;
        assert_eq!(participants(&meetings), ["Rita Gil", "Pablo Soto Ruiz"]);
        let kept = meetings
            .iter()
            .find(|m| m.id == gil.id)
            .expect("edited meeting kept");
        assert_eq!(kept.summary.as_deref(), Some("Corrected by hand"));
        assert!(
            meetings.iter().all(|m| m.id != roe.id),
            "the deleted meeting came back"
        );
    }
}

#[tokio::test]
async fn deleting_a_document_takes_its_uncurated_items() {
    for db in every_backend().await {
        let backend = Backend::open(db.url()).await.expect("open");
        let a = document("a.txt", "She met Pablo Soto. She met Rita Gil.");
        let b = document("b.txt", "She met Lu Wen.");
        let first = backend
            .write_documents(&write_of(&[a.clone(), b.clone()]))
            .await
            .expect("write");
        let gil = first
            .meetings
            .iter()
            .find(|m| m.participants[0].name == "Rita Gil")
            .expect("Gil");
        let edited = Meeting {
            summary: Some("Keep".into()),
            ..gil.clone()
        };
        backend
            .update(&Item::Meeting(edited), gil.version)
            .await
            .expect("edit");
        let a_id = first
            .documents
            .iter()
            .find(|d| d.name() == "a.txt")
            .expect("a")
            .id;

        let mut deletion = write_of(&[b]);
        deletion.deletions = vec![a_id];
        deletion.scope.insert("a.txt".into());
        let changes = backend
            .write_documents(&deletion)
            .await
            .expect("delete a.txt");
        assert_eq!(changes.removed_documents, vec![a_id], "{}", db.label());

        let snapshot = backend.load().await.expect("load").changes;
        assert_eq!(snapshot.documents.len(), 1);
        assert_eq!(participants(&snapshot.meetings), ["Rita Gil", "Lu Wen"]);
        assert_eq!(snapshot.legs.len(), 1, "only b.txt's leg is left");
    }
}
