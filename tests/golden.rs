//! Golden extraction cases: each `tests/golden/<id>.txt` is a short document written for the
//! test, `<id>.json` the expected traveller, legs and meetings, pretty-printed. The runner
//! checks every case, prints a diff per mismatch and fails once. `UPDATE_GOLDEN=1 cargo test
//! --test golden` rewrites the JSON, which is then reviewed like code. Each text of
//! `tests/negative/` must yield no trip at all.

use std::path::{Path, PathBuf};

use itinerary::domain::Document;
use itinerary::extract::{assemble, extract};
use itinerary::gazetteer::Gazetteer;
use serde_json::{Value, json};

fn texts(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

fn document(path: &Path) -> Document {
    let text = std::fs::read_to_string(path).expect("readable golden text");
    let name = path.file_name().expect("file name").to_string_lossy();
    Document::parse(&name, text).expect("golden texts have a header")
}

/// What a golden file records: the extraction as the API would show its items.
fn observed(doc: &Document) -> Value {
    let extraction = extract(doc, Gazetteer::global());
    json!({
        "traveller": extraction.traveller,
        "legs": extraction.legs,
        "meetings": extraction.meetings,
        "notes": extraction.notes,
    })
}

/// The lines of `expected` and `actual` that differ, marked - and +.
fn diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                if let Some(x) = x {
                    out.push_str(&format!("  -{i:4} {x}\n"));
                }
                if let Some(y) = y {
                    out.push_str(&format!("  +{i:4} {y}\n"));
                }
            }
        }
    }
    out
}

#[test]
fn golden_documents_extract_as_recorded() {
    let update = std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1");
    let mut failures = Vec::new();
    let cases = texts("golden");
    assert!(!cases.is_empty(), "no golden case found");
    for path in cases {
        let actual =
            serde_json::to_string_pretty(&observed(&document(&path))).expect("JSON") + "\n";
        let expected_path = path.with_extension("json");
        if update {
            std::fs::write(&expected_path, &actual).expect("writable golden file");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{}:\n{}", path.display(), diff(&expected, &actual)));
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatches (UPDATE_GOLDEN=1 to accept):\n{}",
        failures.join("\n")
    );
}

#[test]
fn negative_documents_yield_no_trip() {
    for path in texts("negative") {
        let doc = document(&path);
        let trips = assemble(&[extract(&doc, Gazetteer::global())]);
        assert!(trips.is_empty(), "{} yielded {trips:#?}", path.display());
    }
}
