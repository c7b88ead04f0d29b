//! Extracts the documents of some folders again and again: a steady-state workload for a
//! profiler. A warm-up pass (regexes compiled, gazetteer loaded) runs outside `passes`, so the
//! instruction count of `passes` is N steady passes:
//!
//! ```sh
//! cargo build --release --example extract_passes
//! valgrind --tool=callgrind --toggle-collect='extract_passes::passes' \
//!     target/release/examples/extract_passes 20 seeds tests/golden
//! ```

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use itinerary::domain::Document;
use itinerary::extract::extract;
use itinerary::gazetteer::Gazetteer;
use itinerary::ingest;

/// The allocator the `itinerary` binary ships with, so that the counts are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[inline(never)]
fn passes(documents: &[Document], gazetteer: &Gazetteer, n: usize) {
    for _ in 0..n {
        for doc in documents {
            black_box(extract(black_box(doc), gazetteer));
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .ok_or("usage: extract_passes N DIR...")?
        .parse()?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for dir in args {
        paths.extend(ingest::document_paths(dir.as_ref())?);
    }
    let (documents, _) = ingest::read_documents(&paths);
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let gazetteer = Gazetteer::global();
    for doc in &documents {
        black_box(extract(doc, gazetteer));
    }
    let started = Instant::now();
    passes(&documents, gazetteer, n);
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "{} documents, {bytes} bytes, {n} passes: {:.3} ms per pass, {:.2} MB/s",
        documents.len(),
        seconds * 1000.0 / n as f64,
        (bytes * n) as f64 / seconds / 1e6
    );
    Ok(())
}
