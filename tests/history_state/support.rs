//! Test support: the dataset's location (or a clean skip), a store with it imported, and a
//! real server over that store.

use std::path::PathBuf;

use itinerary::import::{Dataset, ImportReport, ImportSpec, import_into};
use itinerary::{AppState, Store};
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// The dataset's folder, or `None` (with a message) when it is absent outside CI.
pub fn dataset() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/history-state");
    if path.is_dir() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is absent, and CI=true requires it",
        path.display()
    );
    eprintln!("skipped: {} is absent", path.display());
    None
}

/// The import spec of the dataset at `path`.
pub fn spec(path: PathBuf) -> ImportSpec {
    ImportSpec {
        dataset: Dataset::HistoryState,
        path,
    }
}

/// A fresh store with the dataset imported, and the import report; `None` when skipped.
pub async fn imported() -> Option<(Store, ImportReport)> {
    let path = dataset()?;
    let store = Store::new();
    let report = import_into(&store, &spec(path))
        .await
        .expect("the dataset imports");
    Some((store, report))
}

/// A server over `store` on an ephemeral loopback port; dropped, it shuts down.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    _stop: oneshot::Sender<()>,
}

pub async fn spawn_app(store: Store) -> TestApp {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("local addr"));
    let (stop, stopped) = oneshot::channel::<()>();
    let stop_signal = async move {
        let _ = stopped.await;
    };
    tokio::spawn(itinerary::serve(
        listener,
        AppState::new(store),
        stop_signal,
    ));
    TestApp {
        base,
        client: reqwest::Client::new(),
        _stop: stop,
    }
}

impl TestApp {
    /// GETs `path` with `query`, checks for 200 and returns the JSON body.
    pub async fn get(&self, path: &str, query: &[(&str, &str)]) -> Value {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .query(query)
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), 200, "GET {path} {query:?}");
        response.json().await.expect("a JSON body")
    }

    /// Every item of a list endpoint for `query` (following `offset` pages of 1000).
    pub async fn list(&self, path: &str, query: &[(&str, &str)]) -> Vec<Value> {
        let mut items = Vec::new();
        loop {
            let offset = items.len().to_string();
            let mut query = query.to_vec();
            query.extend([("limit", "1000"), ("offset", offset.as_str())]);
            let page = self.get(path, &query).await;
            let page = page.as_array().expect("a JSON array").clone();
            let done = page.len() < 1000;
            items.extend(page);
            if done {
                return items;
            }
        }
    }

    /// The trips of `traveller` whose sources include record `key` (a key suffix such as
    /// `obama-barack.xml#2961`).
    pub async fn trip_with_record(&self, traveller: &str, key: &str) -> Value {
        let trips = self.list("/trips", &[("traveller", traveller)]).await;
        trips
            .into_iter()
            .find(|t| sources(t).iter().any(|s| s.ends_with(key)))
            .unwrap_or_else(|| panic!("no trip of {traveller} from record {key}"))
    }
}

/// The `sources` of a trip.
pub fn sources(trip: &Value) -> Vec<String> {
    trip["sources"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
