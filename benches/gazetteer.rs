//! Gazetteer load time (decompressing and indexing the embedded data) and lookup speed.
//! Run: `cargo bench --bench gazetteer`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use itinerary::gazetteer::Gazetteer;

/// The allocator the `itinerary` binary ships with, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EMBEDDED: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");

const TEXT: &str = "On Monday the Secretary-General travelled from New York to Rzeszów, Poland, \
    and on to Kyiv by train, where he met President Zelenskyy and the Foreign Minister of \
    Ukraine. The Russian Federation and Türkiye were also discussed before he left for Geneva.";

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(20);
    group.bench_function("load", |b| {
        // the value is dropped outside the timing: start-up loads once and never frees it
        b.iter_with_large_drop(|| Gazetteer::from_gzip(black_box(EMBEDDED)).expect("valid data"))
    });
    group.finish();
}

fn lookups(c: &mut Criterion) {
    let g = Gazetteer::global();
    c.bench_function("gazetteer/resolve", |b| {
        b.iter(|| g.resolve(black_box("Moscow"), black_box(&["US"])))
    });
    c.bench_function("gazetteer/mentions", |b| {
        b.iter(|| g.mentions(black_box(TEXT)))
    });
}

criterion_group!(benches, load, lookups);
criterion_main!(benches);
