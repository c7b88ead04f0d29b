//! The real `itinerary` binary as a server process over a test database, and a small client
//! for the writes the durability tests make.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

/// A running `itinerary serve`, killed when dropped.
pub struct Server {
    pub base: String,
    child: Child,
}

/// A loopback port nothing listens on right now.
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener.local_addr().expect("local addr").port()
}

/// The repository's seed documents.
pub fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Runs `itinerary serve` with `args` (and the given database); returns the child without
/// waiting for it to listen.
fn start(database: &str, log: &Path, port: u16) -> Child {
    let log_file = std::fs::File::create(log).expect("log file");
    Command::new(env!("CARGO_BIN_EXE_itinerary"))
        .arg("serve")
        .args(["--database", database])
        .arg("--seeds")
        .arg(seeds())
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .env_remove("ITINERARY_IN_MEMORY")
        .env_remove("ITINERARY_TOKEN")
        .env_remove("ITINERARY_IMPORT")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .expect("start itinerary serve")
}

impl Server {
    /// Starts a server on `database` and waits until it answers `/healthz`. `dir` holds its
    /// log.
    pub async fn start(database: &str, dir: &Path) -> Self {
        let port = free_port();
        let log = dir.join(format!("server-{port}.log"));
        let mut child = start(database, &log, port);
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(60);
        let client = reqwest::Client::new();
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                panic!("the server exited ({status}) before listening:\n{log}");
            }
            let answered = client.get(format!("{base}/healthz")).send().await;
            if answered.is_ok_and(|r| r.status().is_success()) {
                return Self { base, child };
            }
            assert!(
                Instant::now() < deadline,
                "the server did not start in 60 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Stops the server as an operator would (SIGTERM) and waits for it to exit.
    pub fn stop(mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.child.try_wait().ok().flatten().is_none() {
            assert!(
                Instant::now() < deadline,
                "the server did not stop on SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills the server with SIGKILL: no shutdown code runs.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL the server");
        self.child.wait().expect("reap the server");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `itinerary serve` on `database` and expects it to refuse to start; returns what it
/// logged.
pub fn refused_start(database: &str, dir: &Path) -> String {
    let log = dir.join("refused.log");
    let mut child = start(database, &log, free_port());
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(!status.success(), "the server should refuse {database}");
            return std::fs::read_to_string(&log).expect("log");
        }
        assert!(
            Instant::now() < deadline,
            "the server neither started nor refused"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A JSON client for one server.
#[derive(Clone)]
pub struct Client {
    pub base: String,
    http: reqwest::Client,
}

impl Client {
    pub fn new(base: &str) -> Self {
        Self {
            base: base.to_owned(),
            http: reqwest::Client::new(),
        }
    }

    /// `GET path`: status and JSON body (`Null` when there is none).
    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        let response = (self.http.get(format!("{}{path}", self.base)).send().await)
            .expect("GET reaches the server");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Sends `body` with `method` to `path`, with `If-Match` when given.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        if_match: Option<&str>,
    ) -> Result<(StatusCode, Value), reqwest::Error> {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(body);
        }
        if let Some(tag) = if_match {
            request = request.header("if-match", tag);
        }
        let response = request.send().await?;
        let status = response.status();
        Ok((status, response.json().await.unwrap_or(Value::Null)))
    }

    /// Creates an item with `POST /{kind}`; panics unless it is 201.
    pub async fn create(&self, kind: &str, body: Value) -> Value {
        let (status, created) = (self
            .send(
                reqwest::Method::POST,
                &format!("/{kind}"),
                Some(&body),
                None,
            )
            .await)
            .expect("POST reaches the server");
        assert_eq!(status, StatusCode::CREATED, "POST /{kind}: {created}");
        created
    }

    /// Every item of a list endpoint (`/trips`), following pages.
    pub async fn all(&self, path: &str) -> Vec<Value> {
        let mut items = Vec::new();
        loop {
            let (status, page) = self
                .get(&format!("{path}?limit=1000&offset={}", items.len()))
                .await;
            assert_eq!(status, StatusCode::OK, "GET {path}: {page}");
            let page = page.as_array().cloned().unwrap_or_default();
            let done = page.len() < 1000;
            items.extend(page);
            if done {
                return items;
            }
        }
    }
}

/// A new trip's body.
pub fn trip_body(traveller: &str) -> Value {
    json!({"traveller": {"name": traveller, "role": "Envoy"}, "title": "Durability tour"})
}

/// A new meeting's body, in trip `trip_id`, with three participants.
pub fn meeting_body(trip_id: i64, n: usize) -> Value {
    json!({
        "trip_id": trip_id,
        "date": "2024-03-05",
        "kind": "meeting",
        "summary": format!("meeting {n}"),
        "participants": [
            {"name": format!("Person {n} A"), "role": "Minister", "country": "Chile"},
            {"name": format!("Person {n} B"), "role": null, "country": null},
            {"name": format!("Person {n} C"), "role": "Mayor", "country": "Peru"}
        ]
    })
}

/// A new leg's body, in trip `trip_id`, with two stopovers.
pub fn leg_body(trip_id: i64, n: usize) -> Value {
    json!({
        "trip_id": trip_id,
        "origin": {"name": format!("Origin {n}"), "country": null, "country_code": null, "lat": null, "lon": null},
        "destination": {"name": "Lima", "country": "Peru", "country_code": "PE", "lat": -12.04, "lon": -77.03},
        "via": [
            {"name": "Arica", "country": "Chile", "country_code": "CL", "lat": null, "lon": null},
            {"name": "Tacna", "country": "Peru", "country_code": "PE", "lat": null, "lon": null}
        ],
        "date": "2024-03-04",
        "mode": "air"
    })
}
