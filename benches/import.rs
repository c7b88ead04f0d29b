//! Import speed: the whole history-state dataset (7,535 records) into an empty in-memory
//! store, and the server's start-up work (seed documents, then the import). Targets: under
//! 1 s and under 2 s. Reads `../shared/datasets/history-state`; without it there is nothing
//! to measure and the benchmarks say so.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use itinerary::import::{Dataset, ImportSpec, import_into};
use itinerary::{Store, ingest, timeline};

const DATASET: &str = "../shared/datasets/history-state";

fn spec() -> Option<ImportSpec> {
    if !Path::new(DATASET).is_dir() {
        eprintln!("{DATASET} is absent: nothing to benchmark");
        return None;
    }
    Some(ImportSpec {
        dataset: Dataset::HistoryState,
        path: DATASET.into(),
    })
}

fn import_history_state(c: &mut Criterion) {
    let Some(spec) = spec() else { return };
    c.bench_function("import history-state into memory", |b| {
        b.iter(|| {
            let store = Store::new();
            import_into(&store, &spec).expect("the dataset imports")
        })
    });
}

fn start_up(c: &mut Criterion) {
    let Some(spec) = spec() else { return };
    c.bench_function("start-up: seeds and history-state", |b| {
        b.iter(|| {
            let store = Store::new();
            let paths = ingest::document_paths(Path::new("seeds")).expect("seeds/ is readable");
            let (documents, _) = ingest::read_documents(&paths);
            timeline::load(&store, &documents);
            import_into(&store, &spec).expect("the dataset imports")
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = import_history_state, start_up
}
criterion_main!(benches);
