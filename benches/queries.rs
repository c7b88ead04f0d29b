//! Read and write speed of the in-memory store at the scale of the historical record
//! (5,000 trips, 10,000 legs, 10,000 meetings): selective filters go through the indexes,
//! unfiltered pages sort everything. Run: `cargo bench --bench queries`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use itinerary::domain::{
    LegDraft, MeetingDraft, MeetingKind, NewMeeting, Participant, Place, Status, Traveller,
    TripDraft,
};
use itinerary::store::{
    LegFilter, MeetingFilter, Page, Precondition, Store, TextQuery, TimelineFilter, TripFilter,
};

/// The allocator the `itinerary` binary ships with, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TRIPS: u64 = 5_000;
const COUNTRIES: [&str; 8] = [
    "Poland", "Japan", "Chile", "Kenya", "Peru", "Nepal", "Italy", "Egypt",
];

fn place(i: u64) -> Place {
    Place {
        name: format!("City {}", i % 400),
        country: Some(COUNTRIES[(i % 8) as usize].to_owned()),
        country_code: None,
        lat: None,
        lon: None,
    }
}

fn draft(i: u64) -> TripDraft {
    let start =
        NaiveDate::from_ymd_opt(1950, 1, 1).and_then(|d| d.checked_add_days(Days::new(i * 5)));
    let leg = |k: u64| LegDraft {
        origin: Some(place(i + k)),
        destination: Some(place(i + k + 1)),
        via: Vec::new(),
        date: start.and_then(|d| d.checked_add_days(Days::new(k))),
        part_of_day: None,
        mode: None,
        status: Status::Completed,
        inferred: false,
        source: None,
    };
    let meeting = |k: u64| MeetingDraft {
        date: start.and_then(|d| d.checked_add_days(Days::new(k))),
        part_of_day: None,
        place: Some(place(i + k + 1)),
        kind: MeetingKind::Meeting,
        participants: vec![Participant {
            name: format!("Person{} Surname{}", i % 97, (i * 7 + k) % 1_000),
            role: Some("Minister".into()),
            country: None,
        }],
        summary: None,
        status: Status::Completed,
        source: None,
    };
    TripDraft {
        traveller: Traveller {
            name: format!("Traveller {}", i % 50),
            role: Some("Secretary of State".into()),
        },
        title: None,
        summary: None,
        legs: vec![leg(0), leg(1)],
        meetings: vec![meeting(0), meeting(1)],
        sources: Vec::new(),
    }
}

fn store() -> Store {
    let store = Store::new();
    store.insert_drafts((0..TRIPS).map(draft).collect());
    store
}

fn text(q: &str) -> Option<TextQuery> {
    TextQuery::parse(q).ok()
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn reads(c: &mut Criterion) {
    let store = store();
    let page = Page::default();
    let participant = MeetingFilter {
        participant: text("surname123"),
        ..MeetingFilter::default()
    };
    c.bench_function("store/meetings?participant=surname123", |b| {
        b.iter(|| store.list_meetings(black_box(&participant), &page))
    });
    let trips = TripFilter {
        traveller: text("traveller 7"),
        from: day(1960, 1, 1),
        to: day(1960, 12, 31),
        ..TripFilter::default()
    };
    c.bench_function("store/trips?traveller=traveller 7&from..to (a year)", |b| {
        b.iter(|| store.list_trips(black_box(&trips), &page))
    });
    let legs = LegFilter {
        country: text("kenya"),
        from: day(1955, 1, 1),
        to: day(1955, 3, 31),
        ..LegFilter::default()
    };
    c.bench_function("store/legs?country=kenya&from..to (a quarter)", |b| {
        b.iter(|| store.list_legs(black_box(&legs), &page))
    });
    let week = TimelineFilter {
        from: day(1970, 6, 1),
        to: day(1970, 6, 7),
        ..TimelineFilter::default()
    };
    c.bench_function("store/timeline (a week)", |b| {
        b.iter(|| store.timeline(black_box(&week), &page))
    });
    c.bench_function("store/legs (unfiltered, first page)", |b| {
        b.iter(|| store.list_legs(black_box(&LegFilter::default()), &page))
    });
}

fn writes(c: &mut Criterion) {
    let store = store();
    // writes are async (a durable store awaits its database); this one is memory only
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    // create then delete, so the store keeps its size from one iteration to the next
    c.bench_function("store/create+delete meeting", |b| {
        b.iter(|| {
            let meeting = NewMeeting {
                trip_id: 1,
                date: day(1950, 1, 2),
                ..NewMeeting::default()
            };
            runtime.block_on(async {
                let created = store
                    .create_meeting(black_box(meeting))
                    .await
                    .expect("trip 1 exists");
                store
                    .delete_meeting(created.id, &Precondition::Always)
                    .await
            })
        })
    });
    c.bench_function("store/insert_drafts (5,000 trips)", |b| {
        b.iter_with_large_drop(store_for_bench)
    });
}

fn store_for_bench() -> Store {
    store()
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = reads, writes
}
criterion_main!(benches);
