//! Re-importing into a database: the same records write nothing; a changed record updates
//! what it produced; what a user curated stays as the user left it. Uses records written
//! here in the dataset's format (two stops of one trip), so it runs without `../shared`.

use std::path::Path;

use itinerary::Store;
use itinerary::import::{ImportReport, import_into};
use itinerary::store::Precondition;
use itinerary::store::sql::Backend;
use serde_json::json;

use crate::support::spec;

fn stop(id: u32, start: &str, end: &str, country: &str, locale: &str, remarks: &str) -> String {
    let slug = country.to_lowercase().replace(' ', "-");
    format!(
        "<trip role=\"secretary\" who=\"roe-ann\"><id>{id}</id><role>secretary</role>\
         <name>Ann Roe</name><start-date>{start}</start-date><end-date>{end}</end-date>\
         <country id=\"{slug}\">{country}</country><locale>{locale}</locale>\
         <remarks>{remarks}</remarks></trip>"
    )
}

fn write_dataset(root: &Path, second_locale: &str) {
    let dir = root.join("travels/secretary-travels");
    std::fs::create_dir_all(&dir).expect("dataset folder");
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<trips>\n{}\n{}\n</trips>\n",
        stop(
            1,
            "1999-05-03",
            "1999-05-04",
            "Norway",
            "Oslo",
            "Held talks on fisheries."
        ),
        stop(
            2,
            "1999-05-05",
            "1999-05-05",
            "Sweden",
            second_locale,
            "Opened a consulate."
        )
    );
    std::fs::write(dir.join("roe-ann.xml"), xml).expect("dataset file");
}

async fn import(store: &Store, root: &Path) -> ImportReport {
    import_into(store, &spec(root.to_owned()))
        .await
        .expect("the records import")
}

async fn durable_store(dir: &Path) -> Store {
    let url = format!("sqlite://{}", dir.join("itinerary.db").display());
    let backend = Backend::open(&url).await.expect("a SQLite database");
    Store::open(backend).await.expect("the store opens")
}

#[tokio::test]
async fn a_changed_record_updates_its_items_and_curation_stays() {
    let data = tempfile::tempdir().expect("temp dir");
    let db = tempfile::tempdir().expect("temp dir");
    write_dataset(data.path(), "Stockholm");
    let store = durable_store(db.path()).await;
    let first = import(&store, data.path()).await;
    assert_eq!(first.store.expect("stored").inserted, 1, "{first}");
    let again = import(&store, data.path()).await.store.expect("stored");
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 1));

    let legs = store.legs();
    let to_oslo = legs
        .iter()
        .find(|l| l.destination.as_ref().is_some_and(|p| p.name == "Oslo"))
        .expect("a leg to Oslo");
    let patch = json!({"mode": "air"});
    store
        .patch_leg(to_oslo.id, &patch, &Precondition::Always)
        .await
        .expect("the leg is curated");

    write_dataset(data.path(), "Gothenburg");
    let changed = import(&store, data.path()).await.store.expect("stored");
    assert_eq!(changed.updated, 1);
    let reopened = durable_store(db.path()).await;
    let destinations: Vec<String> = reopened
        .legs()
        .iter()
        .filter_map(|l| l.destination.as_ref().map(|p| p.name.clone()))
        .collect();
    assert!(
        destinations.contains(&"Gothenburg".to_owned()),
        "{destinations:?}"
    );
    assert!(
        !destinations.contains(&"Stockholm".to_owned()),
        "{destinations:?}"
    );
    let curated = reopened.leg(to_oslo.id).expect("the curated leg stays");
    assert_eq!(curated.mode, Some(itinerary::domain::Mode::Air));
}
