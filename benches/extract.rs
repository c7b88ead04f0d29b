//! Extraction speed: throughput of `extract` on one core (MB/s of document text), and
//! loading 10,000 documents at start-up (read from disk, extracted, assembled into trips and
//! stored in memory). Two corpora: the seed documents and the golden test documents of the
//! repository (4.4 KB, the same few documents again and again), and the 114 real releases
//! and reports of the evaluation corpora under `tests/` (200 KB, varied text, as a user's
//! archive is). Run: `cargo bench --bench extract`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use itinerary::domain::Document;
use itinerary::extract::extract;
use itinerary::gazetteer::Gazetteer;
use itinerary::store::Store;
use itinerary::{ingest, timeline};

/// The allocator the `itinerary` binary ships with, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The documents of the repository: seeds and golden cases.
fn corpus() -> Vec<Document> {
    documents_of(&["seeds", "tests/golden"])
}

/// The documents of the evaluation corpora: real releases and reports, all different.
fn varied() -> Vec<Document> {
    documents_of(&[
        "tests/heldout",
        "tests/unseen",
        "tests/fourth",
        "tests/sealed",
    ])
}

/// The documents of some folders of the repository.
fn documents_of(dirs: &[&str]) -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        paths.extend(ingest::document_paths(&root.join(dir)).expect("readable corpus folder"));
    }
    let (documents, skipped) = ingest::read_documents(&paths);
    assert!(skipped.is_empty(), "{skipped:?}");
    documents
}

fn throughput(c: &mut Criterion) {
    let gazetteer = Gazetteer::global();
    let mut group = c.benchmark_group("extract");
    for (name, documents) in [("corpus", corpus()), ("varied", varied())] {
        let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for doc in &documents {
                    black_box(extract(black_box(doc), gazetteer));
                }
            })
        });
    }
    group.finish();
}

fn load_ten_thousand(c: &mut Criterion) {
    let documents = corpus();
    let dir = tempfile::tempdir().expect("temporary folder");
    for i in 0..10_000 {
        let doc = &documents[i % documents.len()];
        let path = dir.path().join(format!("doc-{i:05}.txt"));
        std::fs::write(path, &doc.text).expect("writable temporary file");
    }
    let _ = Gazetteer::global();
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("10000 documents", |b| {
        b.iter(|| {
            let paths = ingest::document_paths(dir.path()).expect("readable folder");
            let (docs, _) = ingest::read_documents(&paths);
            let store = Store::new();
            black_box(timeline::load(&store, &docs));
        })
    });
    group.finish();
}

criterion_group!(benches, throughput, load_ten_thousand);
criterion_main!(benches);
