//! The import itself: every record accounted for, duplicates merged, re-import idempotent.

use itinerary::Store;
use itinerary::import::import_into;

use crate::support::{dataset, imported, spec};

#[tokio::test]
async fn every_record_is_imported_or_explained() {
    let Some((_, report)) = imported().await else {
        return;
    };
    assert_eq!(report.records_read, 7535, "{report}");
    assert_eq!((report.travel_records, report.visit_records), (4271, 3264));
    assert!(report.file_errors.is_empty(), "{report}");
    assert_eq!(
        report.records_imported() + report.rejected.len(),
        report.records_read
    );
    assert!(report.rejected.iter().all(|r| !r.reason.is_empty()));
    assert_eq!(report.trips, report.store.unwrap().inserted);
    assert_eq!(
        report.legs_stated, report.visit_records,
        "one stated leg per visit"
    );
    assert!(
        report.resolution_percent() >= 98.0,
        "{:.1}% of locales placed: {:?}",
        report.resolution_percent(),
        report.unresolved
    );
    assert!(report.unknown_countries.is_empty(), "{report}");
}

#[tokio::test]
async fn the_same_stop_under_two_ids_is_merged_and_reported() {
    let Some((_, report)) = imported().await else {
        return;
    };
    let merged: Vec<(&str, &str)> = report
        .duplicates
        .iter()
        .map(|d| (d.merged.as_str(), d.kept.as_str()))
        .collect();
    assert!(
        merged.contains(&(
            "history-state/travels/secretary-travels/blinken-antony-j.xml#4019",
            "history-state/travels/secretary-travels/blinken-antony-j.xml#3992"
        )),
        "{merged:?}"
    );
    assert_eq!(report.duplicates.len(), 4, "{merged:?}");
}

#[tokio::test]
async fn importing_again_adds_nothing() {
    let Some(path) = dataset() else { return };
    let store = Store::new();
    let first = import_into(&store, &spec(path.clone()))
        .await
        .expect("first import");
    let counts = (
        store.trips().len(),
        store.legs().len(),
        store.meetings().len(),
    );
    let again = import_into(&store, &spec(path))
        .await
        .expect("second import");
    let store_again = again.store.expect("store outcome");
    assert_eq!((store_again.inserted, store_again.updated), (0, 0));
    assert_eq!(store_again.unchanged, first.trips);
    assert_eq!(
        (
            store.trips().len(),
            store.legs().len(),
            store.meetings().len()
        ),
        counts
    );
}
