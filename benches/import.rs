//! Import speed: the whole history-state dataset (7,535 records) read into trip drafts, and
//! into an empty in-memory store; and the server's start-up work (seed documents stored and
//! extracted, then the import) with `--in-memory` (an in-memory SQLite database, as `serve`
//! does), on a first start with a new SQLite file, and on a restart over that file.
//! Targets: under 1 s and under 2 s. Reads `../shared/datasets/history-state`; without it
//! there is nothing to measure and the benchmarks say so.

use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use itinerary::gazetteer::Gazetteer;
use itinerary::import::{Dataset, ImportSpec, history_state, import_into};
use itinerary::store::sql::Backend;
use itinerary::{Store, ingest, timeline};
use tokio::runtime::Runtime;

/// The allocator the `itinerary` binary ships with, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

fn runtime() -> Runtime {
    Runtime::new().expect("a tokio runtime")
}

fn read_history_state(c: &mut Criterion) {
    let Some(spec) = spec() else { return };
    let gazetteer = Gazetteer::global();
    c.bench_function("read history-state into trip drafts", |b| {
        b.iter(|| history_state::import(&spec.path, gazetteer).expect("the dataset reads"))
    });
}

fn import_history_state(c: &mut Criterion) {
    let Some(spec) = spec() else { return };
    let runtime = runtime();
    c.bench_function("import history-state into memory", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let store = Store::new();
                import_into(&store, &spec)
                    .await
                    .expect("the dataset imports")
            })
        })
    });
}

/// What `serve` does before it listens: open the database (loading what it holds), store and
/// extract the seed documents, import the dataset.
async fn start(url: &str, spec: &ImportSpec) {
    let backend = Backend::open(url).await.expect("SQLite");
    let store = Store::open(backend).await.expect("the stored model");
    let paths = ingest::document_paths(Path::new("seeds")).expect("seeds/");
    let (documents, _) = ingest::read_documents(&paths);
    store
        .load_seeds(documents, &timeline::drafts)
        .await
        .expect("the seeds load");
    import_into(&store, spec)
        .await
        .expect("the dataset imports");
    if let Some(backend) = store.backend() {
        backend.close().await;
    }
}

fn start_up(c: &mut Criterion) {
    let Some(spec) = spec() else { return };
    let runtime = runtime();
    c.bench_function("start-up: seeds and history-state, in memory", |b| {
        b.iter(|| runtime.block_on(start("sqlite::memory:", &spec)))
    });
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = |name: &str| format!("sqlite://{}", dir.path().join(name).display());
    let mut first = 0;
    c.bench_function(
        "start-up: seeds and history-state, first start on a SQLite file",
        |b| {
            b.iter_batched(
                || {
                    first += 1;
                    url(&format!("first-{first}.db"))
                },
                |url| runtime.block_on(start(&url, &spec)),
                BatchSize::PerIteration,
            )
        },
    );
    let kept = url("kept.db");
    runtime.block_on(start(&kept, &spec));
    c.bench_function(
        "start-up: seeds and history-state, restart on a SQLite file",
        |b| b.iter(|| runtime.block_on(start(&kept, &spec))),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = read_history_state, import_history_state, start_up
}
criterion_main!(benches);
