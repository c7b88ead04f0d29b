//! Acknowledged writes on SQLite with fsync: each iteration is one write that returns only
//! after its transaction committed (WAL, `synchronous=FULL`) and memory was updated, as a
//! `201`/`200` would. Reads beside them come from memory. Run: `cargo bench --bench writes`;
//! writes per second = 1 / the median time (`target/criterion/*/new/estimates.json`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use itinerary::Store;
use itinerary::domain::{NewMeeting, NewTrip, Traveller};
use itinerary::store::Precondition;
use itinerary::store::sql::Backend;
use serde_json::json;

/// The allocator the `itinerary` binary ships with, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn writes(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store = runtime.block_on(async {
        let backend = Backend::open(&url).await.expect("open SQLite");
        Store::open(backend).await.expect("load")
    });
    let trip = NewTrip {
        traveller: Traveller {
            name: "Ana Ruiz".into(),
            role: None,
        },
        ..NewTrip::default()
    };
    // independent trips: the model grows, but no write touches another's trip
    c.bench_function("sqlite/create trip (acknowledged, fsync)", |b| {
        b.iter(|| runtime.block_on(store.create_trip(black_box(trip.clone()))))
    });
    let trip = runtime.block_on(store.create_trip(trip)).expect("a trip");
    let meeting = NewMeeting {
        trip_id: trip.id,
        date: chrono::NaiveDate::from_ymd_opt(2024, 3, 5),
        ..NewMeeting::default()
    };
    let target = runtime
        .block_on(store.create_meeting(meeting))
        .expect("a meeting");
    let mut n = 0_u64;
    c.bench_function("sqlite/patch meeting (acknowledged, fsync)", |b| {
        b.iter(|| {
            n += 1;
            let patch = json!({"summary": n.to_string()});
            runtime.block_on(store.patch_meeting(target.id, &patch, &Precondition::Always))
        })
    });
    c.bench_function("sqlite/read meeting (from memory)", |b| {
        b.iter(|| store.meeting(black_box(target.id)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = writes
}
criterion_main!(benches);
