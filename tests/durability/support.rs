//! Test databases: a SQLite file in a temporary directory, or a fresh PostgreSQL database
//! created for one test and dropped after it.
//!
//! PostgreSQL is found at `ITINERARY_TEST_POSTGRES` (default
//! `postgres://postgres@127.0.0.1:5432/test`). When no server answers, PostgreSQL tests are
//! skipped with a message, except under `CI=true`, where that is a failure.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sqlx::{Connection, PgConnection};
use tempfile::TempDir;

/// Where the tests find a PostgreSQL server to create their databases in.
pub fn postgres_admin_url() -> String {
    std::env::var("ITINERARY_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// A database for one test; dropping it deletes the database.
pub enum TestDb {
    Sqlite { url: String, _dir: TempDir },
    Postgres(PgDatabase),
}

impl TestDb {
    /// A fresh SQLite file (not yet created) in its own temporary directory.
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let url = format!(
            "sqlite://{}",
            dir.path().join("data").join("test.db").display()
        );
        Self::Sqlite { url, _dir: dir }
    }

    /// A fresh PostgreSQL database, or `None` (after saying so) when no server answers and
    /// this is not CI.
    pub async fn postgres() -> Option<Self> {
        PgDatabase::create().await.map(Self::Postgres)
    }

    /// The database URL to open.
    pub fn url(&self) -> &str {
        match self {
            Self::Sqlite { url, .. } => url,
            Self::Postgres(db) => &db.url,
        }
    }

    /// "sqlite" or "postgres", for assertion messages.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Sqlite { .. } => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

/// A fresh SQLite database, and a fresh PostgreSQL one when a server answers.
pub async fn every_backend() -> Vec<TestDb> {
    let mut dbs = vec![TestDb::sqlite()];
    dbs.extend(TestDb::postgres().await);
    dbs
}

/// A PostgreSQL database created for one test, dropped (with its connections) on drop.
pub struct PgDatabase {
    pub url: String,
    name: String,
    admin_url: String,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

impl PgDatabase {
    async fn create() -> Option<Self> {
        let admin_url = postgres_admin_url();
        let connected =
            tokio::time::timeout(Duration::from_secs(5), PgConnection::connect(&admin_url)).await;
        let mut admin = match connected {
            Ok(Ok(conn)) => conn,
            Ok(Err(e)) => return unavailable(&admin_url, &e.to_string()),
            Err(_) => return unavailable(&admin_url, "no answer within 5 s"),
        };
        let name = format!(
            "itinerary_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            chrono::Utc::now().timestamp_micros() % 1_000_000
        );
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("create a test database");
        let _ = admin.close().await;
        let base = admin_url.split('?').next().unwrap_or(&admin_url);
        let url = match base.rsplit_once('/') {
            Some((server, _db)) => format!("{server}/{name}"),
            None => format!("{base}/{name}"),
        };
        Some(Self {
            url,
            name,
            admin_url,
        })
    }
}

fn unavailable<T>(url: &str, why: &str) -> Option<T> {
    if in_ci() {
        panic!("PostgreSQL is required under CI=true but {url} is unavailable: {why}");
    }
    eprintln!(
        "skipping the PostgreSQL part of this test: {url} is unavailable ({why}); set \
         ITINERARY_TEST_POSTGRES to a server's URL to run it"
    );
    None
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        // Drop may run inside a runtime: drop the database from a thread with its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime to drop a test database");
            runtime.block_on(async move {
                let mut admin = PgConnection::connect(&admin_url).await?;
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await
                .map(|_| ())
            })
        })
        .join();
        if let Ok(Err(e)) = dropped {
            eprintln!("could not drop test database {}: {e}", self.name);
        }
    }
}
