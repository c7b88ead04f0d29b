//! The backend on its own, once per backend: every write in a transaction, checked versions,
//! and re-extraction that keeps what users curated.

use chrono::NaiveDate;
use itinerary::domain::{
    Document, Leg, LegDraft, Meeting, MeetingDraft, MeetingKind, Mode, Participant, Place, Source,
    Status, Traveller, Trip, TripDraft,
};
use itinerary::store::sql::{Backend, DocumentWrite};
use itinerary::store::{ChangeSet, DatePins, DocumentOrigin, Effect, StoreError, TripState};

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

/// `planned` as an effect of a user's writes, with ids given out up to `next_id`.
fn effect(planned: &ChangeSet, next_id: i64) -> Effect {
    let ids = (planned.trips.iter().map(|t| t.trip.id))
        .chain(planned.legs.iter().map(|l| l.id))
        .chain(planned.meetings.iter().map(|m| m.id));
    Effect {
        trips: planned.trips.clone(),
        legs: planned.legs.clone(),
        meetings: planned.meetings.clone(),
        removed_trips: planned.removed_trips.clone(),
        removed_legs: planned.removed_legs.clone(),
        removed_meetings: planned.removed_meetings.clone(),
        curated: ids.collect(),
        next_id,
        base_revision: 0,
    }
}

/// A process's view for planning writes: the change it is at and the last id given out.
struct Writer {
    backend: Backend,
    seq: i64,
    next_id: i64,
}

impl Writer {
    async fn open(url: &str) -> Self {
        let backend = Backend::open(url).await.expect("open");
        let snapshot = backend.load().await.expect("load");
        Self {
            backend,
            seq: snapshot.seq,
            next_id: snapshot.changes.next_id,
        }
    }

    fn id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }

    /// Persists `planned` as a user's write; returns what the change log reports of it.
    async fn write(&mut self, planned: ChangeSet) -> Result<ChangeSet, StoreError> {
        let mut write = self.backend.begin_write().await?;
        assert_eq!(write.seq, self.seq + 1, "no other writer");
        write.persist(&effect(&planned, self.next_id)).await?;
        let seq = write.commit().await?;
        let stored = self.backend.changes_since(self.seq).await?;
        self.seq = seq;
        Ok(stored.expect("the change log reaches back"))
    }

    async fn write_documents(&mut self, write: &DocumentWrite) -> ChangeSet {
        let stored = (self.backend.write_documents(write, &extract_all).await).expect("write");
        if !stored.is_empty() {
            self.seq = stored.seq;
        }
        stored
    }

    async fn snapshot(&self) -> ChangeSet {
        self.backend.load().await.expect("load").changes
    }

    /// A trip with one leg and one meeting, written in one change; returns them as stored.
    async fn create_trip_leg_meeting(&mut self) -> (TripState, Leg, Meeting) {
        let trip = Trip {
            id: self.id(),
            ..new_trip("Ana Ruiz")
        };
        let leg = Leg {
            id: self.id(),
            ..new_leg(trip.id)
        };
        let meeting = Meeting {
            id: self.id(),
            ..new_meeting(trip.id)
        };
        let pins = DatePins {
            start: day(1),
            end: None,
        };
        let stored = self
            .write(ChangeSet {
                trips: vec![TripState { trip, pins }],
                legs: vec![leg],
                meetings: vec![meeting],
                ..ChangeSet::default()
            })
            .await
            .expect("create");
        let trip = stored.trips[0].clone();
        (trip, stored.legs[0].clone(), stored.meetings[0].clone())
    }
}

#[tokio::test]
async fn items_round_trip_through_every_backend() {
    for db in every_backend().await {
        let mut writer = Writer::open(db.url()).await;
        let (trip, leg, meeting) = writer.create_trip_leg_meeting().await;
        assert_eq!(
            trip.pins,
            DatePins {
                start: day(1),
                end: None
            },
            "{}",
            db.label()
        );
        assert_eq!(
            leg,
            Leg {
                id: leg.id,
                ..new_leg(trip.trip.id)
            }
        );
        assert_eq!(
            meeting,
            Meeting {
                id: meeting.id,
                ..new_meeting(trip.trip.id)
            }
        );
        writer.backend.close().await;

        let reopened = Writer::open(db.url()).await;
        let snapshot = reopened.snapshot().await;
        assert_eq!(snapshot.trips, vec![trip], "{}", db.label());
        assert_eq!(snapshot.legs, vec![leg]);
        assert_eq!(snapshot.meetings, vec![meeting]);
        assert_eq!(
            (reopened.seq, reopened.next_id),
            (1, 3),
            "clock and ids survive"
        );
    }
}

#[tokio::test]
async fn writes_check_versions_inside_the_transaction() {
    for db in every_backend().await {
        let mut writer = Writer::open(db.url()).await;
        let (stored, _, _) = writer.create_trip_leg_meeting().await;
        let mut edited = stored.clone();
        edited.trip.title = Some("Autumn tour".into());
        edited.trip.version = 2;
        let changes = ChangeSet {
            trips: vec![edited.clone()],
            ..ChangeSet::default()
        };
        let written = writer.write(changes.clone()).await.expect("update");
        assert_eq!(written.trips[0].trip.version, 2, "{}", db.label());
        assert_eq!(written.trips[0].trip.title.as_deref(), Some("Autumn tour"));

        let mismatch = writer.write(changes).await;
        assert!(
            matches!(
                mismatch,
                Err(StoreError::VersionMismatch {
                    expected: 1,
                    actual: 2,
                    ..
                })
            ),
            "{mismatch:?}"
        );
        let snapshot = writer.snapshot().await;
        assert_eq!(
            snapshot.trips[0].trip.version, 2,
            "refused writes changed nothing"
        );
    }
}

#[tokio::test]
async fn a_leg_for_a_missing_trip_is_refused() {
    for db in every_backend().await {
        let mut writer = Writer::open(db.url()).await;
        let leg = Leg {
            id: writer.id(),
            ..new_leg(42)
        };
        let refused = writer
            .write(ChangeSet {
                legs: vec![leg],
                ..ChangeSet::default()
            })
            .await;
        assert!(
            matches!(refused, Err(StoreError::Conflict(_))),
            "{refused:?}"
        );
        assert!(writer.snapshot().await.legs.is_empty(), "{}", db.label());
    }
}

#[tokio::test]
async fn deleting_a_trip_deletes_its_legs_and_meetings() {
    for db in every_backend().await {
        let mut writer = Writer::open(db.url()).await;
        let (trip, leg, meeting) = writer.create_trip_leg_meeting().await;
        let removal = ChangeSet {
            removed_trips: vec![trip.trip.id],
            ..ChangeSet::default()
        };
        let removed = writer.write(removal).await.expect("delete");
        assert_eq!(removed.removed_trips, vec![trip.trip.id], "{}", db.label());
        assert_eq!(removed.removed_legs, vec![leg.id]);
        assert_eq!(removed.removed_meetings, vec![meeting.id]);
        let snapshot = writer.snapshot().await;
        assert!(snapshot.trips.is_empty() && snapshot.legs.is_empty());
        assert!(snapshot.meetings.is_empty());
    }
}

#[tokio::test]
async fn another_process_sees_writes_through_the_change_log() {
    for db in every_backend().await {
        let mut writer = Writer::open(db.url()).await;
        let reader = Writer::open(db.url()).await;
        let (gone, _, _) = writer.create_trip_leg_meeting().await;
        let removal = ChangeSet {
            removed_trips: vec![gone.trip.id],
            ..ChangeSet::default()
        };
        writer.write(removal).await.expect("delete");
        let (kept, leg, meeting) = writer.create_trip_leg_meeting().await;
        let changes = (reader.backend.changes_since(reader.seq).await)
            .expect("poll")
            .expect("the log reaches back");
        assert_eq!(changes.trips, vec![kept], "{}", db.label());
        assert_eq!((changes.legs, changes.meetings), (vec![leg], vec![meeting]));
        assert_eq!(changes.removed_trips, vec![gone.trip.id]);
        assert_eq!((changes.seq, changes.next_id), (3, 6));
        let nothing = reader
            .backend
            .changes_since(changes.seq)
            .await
            .expect("poll");
        assert!(nothing.expect("log").is_empty());
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

/// The test's extractor over a set of documents: one trip per document.
fn extract_all(docs: &[Document]) -> Vec<TripDraft> {
    docs.iter().map(extracted).collect()
}

fn write_of(docs: &[Document]) -> DocumentWrite {
    DocumentWrite {
        upserts: docs
            .iter()
            .map(|d| (d.clone(), DocumentOrigin::Seed))
            .collect(),
        deletions: Vec::new(),
        always: false,
    }
}

fn participants(meetings: &[Meeting]) -> Vec<String> {
    meetings
        .iter()
        .map(|m| m.participants[0].name.clone())
        .collect()
}

/// A user's edit of a meeting, as the memory model plans it.
fn edit(meeting: &Meeting, summary: &str) -> ChangeSet {
    let edited = Meeting {
        summary: Some(summary.into()),
        version: meeting.version + 1,
        ..meeting.clone()
    };
    ChangeSet {
        meetings: vec![edited],
        ..ChangeSet::default()
    }
}

#[tokio::test]
async fn the_same_documents_again_write_nothing() {
    for db in every_backend().await {
        let mut writer = Writer::open(db.url()).await;
        let doc = document("a.txt", "She met Pablo Soto. She met Rita Gil.");
        let first = writer
            .write_documents(&write_of(std::slice::from_ref(&doc)))
            .await;
        assert_eq!(first.documents.len(), 1, "{}", db.label());
        let counts = (first.trips.len(), first.legs.len(), first.meetings.len());
        assert_eq!(counts, (1, 1, 2));
        assert_eq!(first.next_id, 4, "ids come from the shared sequence");
        let again = writer.write_documents(&write_of(&[doc])).await;
        assert!(again.is_empty(), "{again:?}");
        let stored = writer.backend.documents().await.expect("documents");
        assert_eq!(stored[0].content_hash.len(), 64);
    }
}

#[tokio::test]
async fn re_extraction_keeps_what_users_curated() {
    for db in every_backend().await {
        let mut writer = Writer::open(db.url()).await;
        let v1 = document(
            "a.txt",
            "She met Pablo Soto. She met Rita Gil. She met Ian Roe.",
        );
        let first = writer.write_documents(&write_of(&[v1])).await;
        let [soto, gil, roe] = [0, 1, 2].map(|i| first.meetings[i].clone());
        let trip_version = first.trips[0].trip.version;
        writer.next_id = first.next_id;
        writer
            .write(edit(&gil, "Corrected by hand"))
            .await
            .expect("edit");
        let removal = ChangeSet {
            removed_meetings: vec![roe.id],
            ..ChangeSet::default()
        };
        writer.write(removal).await.expect("delete");

        // The document changes: Soto's sentence is reworded, the others stay.
        let v2 = document(
            "a.txt",
            "She met Pablo Soto Ruiz. She met Rita Gil. She met Ian Roe.",
        );
        let second = writer.write_documents(&write_of(&[v2])).await;
        assert_eq!(second.removed_meetings, vec![soto.id], "{}", db.label());
        assert_eq!(
            second.trips[0].trip.version,
            trip_version + 1,
            "the trip's items moved"
        );
        let meetings = writer.snapshot().await.meetings;
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
        let mut writer = Writer::open(db.url()).await;
        let a = document("a.txt", "She met Pablo Soto. She met Rita Gil.");
        let b = document("b.txt", "She met Lu Wen.");
        let first = writer.write_documents(&write_of(&[a, b])).await;
        let gil = (first.meetings.iter())
            .find(|m| m.participants[0].name == "Rita Gil")
            .expect("Gil");
        writer.next_id = first.next_id;
        writer.write(edit(gil, "Keep")).await.expect("edit");
        let a_id = (first.documents.iter())
            .find(|d| d.name() == "a.txt")
            .expect("a")
            .id;

        let deletion = DocumentWrite {
            deletions: vec![a_id],
            ..DocumentWrite::default()
        };
        let changes = writer.write_documents(&deletion).await;
        assert_eq!(changes.removed_documents, vec![a_id], "{}", db.label());

        let snapshot = writer.snapshot().await;
        assert_eq!(snapshot.documents.len(), 1);
        assert_eq!(participants(&snapshot.meetings), ["Rita Gil", "Lu Wen"]);
        assert_eq!(snapshot.legs.len(), 1, "only b.txt's leg is left");
    }
}
