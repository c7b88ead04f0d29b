//! Opening a database: refuse what is not ours, refuse a schema newer than this binary, then
//! apply the pending migrations (`migrations/sqlite`, `migrations/postgres`, embedded at
//! compile time). Nothing here writes to a database it has not recognised as itinerary's.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::{MigrateError, Migrator};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, PgPool, SqlitePool};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// `PRAGMA application_id` of an itinerary SQLite file ("ITNR"), so that tools such as
/// `file` can tell what it is.
const SQLITE_APPLICATION_ID: i64 = 0x4954_4E52;

/// The first 16 bytes of every SQLite 3 database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Why a database could not be opened. Each message names the database and what to do.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("unsupported database URL {0:?}: expected sqlite://PATH or postgres://USER@HOST/DB")]
    UnsupportedUrl(String),
    #[error("cannot create the directory {}: {source}", path.display())]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{} is not a SQLite database (it does not start with the SQLite header); refusing to \
         open it. Choose another file with --database, or move this one away",
        path.display()
    )]
    NotSqlite { path: PathBuf },
    #[error(
        "{} is corrupt ({detail}); it was left untouched. Restore it from a backup, or move it \
         away to start afresh",
        path.display()
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{database} belongs to another application (it has tables {tables}, but not \
         itinerary's); refusing to write to it. Point --database at an empty or itinerary \
         database"
    )]
    NotOurs { database: String, tables: String },
    #[error(
        "{database} has schema version {found}, newer than this itinerary knows (up to \
         {known}); it was left untouched. Run a newer itinerary"
    )]
    SchemaTooNew {
        database: String,
        found: i64,
        known: i64,
    },
    #[error("cannot connect to {database}: {source}")]
    Connect {
        database: String,
        source: sqlx::Error,
    },
    #[error("cannot migrate {database}: {source}")]
    Migrate {
        database: String,
        source: MigrateError,
    },
    #[error("cannot inspect {database}: {source}")]
    Inspect {
        database: String,
        source: sqlx::Error,
    },
}

/// The newest migration version this binary carries (the same for both backends).
pub fn known_version() -> i64 {
    SQLITE_MIGRATIONS
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or(0)
}

/// `url` with any password replaced by `***`, for messages and logs.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

/// Opens (creating the file and its directory when missing) and migrates a SQLite database.
/// WAL journal, `synchronous=FULL`: a commit that returned has reached the disk.
pub async fn open_sqlite(url: &str) -> Result<SqlitePool, OpenError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|_| OpenError::UnsupportedUrl(url.to_owned()))?;
    let path = options.get_filename().to_owned();
    let name = path.display().to_string();
    let existing = inspect_file(&path)?;
    if existing {
        check_existing_sqlite(options.clone(), &path).await?;
    } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| OpenError::CreateDir {
            path: dir.to_owned(),
            source,
        })?;
    }
    let options = options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    // an in-memory database lives as long as its one connection: never close it
    let in_memory = path.as_os_str() == ":memory:";
    let pool = SqlitePoolOptions::new()
        .max_connections(if in_memory { 1 } else { 4 })
        .min_connections(u32::from(in_memory))
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(options)
        .await
        .map_err(|source| OpenError::Connect {
            database: name.clone(),
            source,
        })?;
    migrate(&SQLITE_MIGRATIONS, &pool, &name).await?;
    sqlx::query("PRAGMA application_id = 1230261842") // SQLITE_APPLICATION_ID
        .execute(&pool)
        .await
        .map_err(|source| inspect_error(&name, source))?;
    Ok(pool)
}

/// True when `path` exists and is not empty. Fails when it exists but is no SQLite file.
fn inspect_file(path: &Path) -> Result<bool, OpenError> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(OpenError::Unreadable {
                path: path.to_owned(),
                source,
            });
        }
    };
    let mut header = Vec::with_capacity(16);
    file.by_ref()
        .take(16)
        .read_to_end(&mut header)
        .map_err(|source| OpenError::Unreadable {
            path: path.to_owned(),
            source,
        })?;
    match header.len() {
        0 => Ok(false),
        _ if header == SQLITE_HEADER => Ok(true),
        _ => Err(OpenError::NotSqlite {
            path: path.to_owned(),
        }),
    }
}

/// Checks an existing file on a single connection that changes nothing (no journal mode
/// switch, no migration): its pages are sound and its tables are itinerary's.
async fn check_existing_sqlite(
    options: SqliteConnectOptions,
    path: &Path,
) -> Result<(), OpenError> {
    let name = path.display().to_string();
    let corrupt = |e: sqlx::Error| OpenError::Corrupt {
        path: path.to_owned(),
        detail: e.to_string(),
    };
    let mut conn = options
        .create_if_missing(false)
        .connect()
        .await
        .map_err(corrupt)?;
    let problems: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(&mut conn)
        .await
        .map_err(corrupt)?;
    if problems.iter().any(|p| p != "ok") {
        return Err(OpenError::Corrupt {
            path: path.to_owned(),
            detail: problems.join("; "),
        });
    }
    let application_id: i64 = sqlx::query_scalar("PRAGMA application_id")
        .fetch_one(&mut conn)
        .await
        .map_err(corrupt)?;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .map_err(corrupt)?;
    let foreign = application_id != 0 && application_id != SQLITE_APPLICATION_ID;
    if foreign || !tables.is_empty() {
        let owner: Option<String> = if tables.iter().any(|t| t == "itinerary_meta") {
            sqlx::query_scalar("SELECT value FROM itinerary_meta WHERE key = 'application'")
                .fetch_optional(&mut conn)
                .await
                .map_err(corrupt)?
        } else {
            None
        };
        if foreign || owner.as_deref() != Some("itinerary") {
            return Err(OpenError::NotOurs {
                database: name,
                tables: list_tables(&tables),
            });
        }
        check_version(&mut conn, &name).await?;
    }
    let _ = conn.close().await;
    Ok(())
}

fn list_tables(tables: &[String]) -> String {
    match tables {
        [] => "none".to_owned(),
        _ => tables.join(", "),
    }
}

fn inspect_error(database: &str, source: sqlx::Error) -> OpenError {
    OpenError::Inspect {
        database: database.to_owned(),
        source,
    }
}

/// Refuses a SQLite database whose applied migrations go past what this binary knows.
async fn check_version(conn: &mut sqlx::SqliteConnection, database: &str) -> Result<(), OpenError> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(conn)
            .await
            .map_err(|source| inspect_error(database, source))?;
    too_new(database, found.unwrap_or(0))
}

/// Runs the pending migrations of `migrator`, mapping failures to [`OpenError`].
async fn migrate<DB>(
    migrator: &Migrator,
    pool: &sqlx::Pool<DB>,
    database: &str,
) -> Result<(), OpenError>
where
    DB: sqlx::Database,
    DB::Connection: sqlx::migrate::Migrate,
{
    migrator.run(pool).await.map_err(|source| match source {
        MigrateError::VersionMissing(found) => OpenError::SchemaTooNew {
            database: database.to_owned(),
            found,
            known: known_version(),
        },
        source => OpenError::Migrate {
            database: database.to_owned(),
            source,
        },
    })
}

/// Connects to a PostgreSQL database and migrates it, after checking it is empty or ours.
pub async fn open_postgres(url: &str) -> Result<PgPool, OpenError> {
    let name = redact(url);
    let options =
        PgConnectOptions::from_str(url).map_err(|_| OpenError::UnsupportedUrl(name.clone()))?;
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
        .map_err(|source| OpenError::Connect {
            database: name.clone(),
            source,
        })?;
    check_existing_postgres(&pool, &name).await?;
    migrate(&POSTGRES_MIGRATIONS, &pool, &name).await?;
    Ok(pool)
}

async fn check_existing_postgres(pool: &PgPool, name: &str) -> Result<(), OpenError> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() ORDER BY table_name",
    )
    .fetch_all(pool)
    .await
    .map_err(|source| inspect_error(name, source))?;
    if tables.is_empty() {
        return Ok(());
    }
    let owner: Option<String> = if tables.iter().any(|t| t == "itinerary_meta") {
        sqlx::query_scalar("SELECT value FROM itinerary_meta WHERE key = 'application'")
            .fetch_optional(pool)
            .await
            .map_err(|source| inspect_error(name, source))?
    } else {
        None
    };
    if owner.as_deref() != Some("itinerary") {
        return Err(OpenError::NotOurs {
            database: name.to_owned(),
            tables: list_tables(&tables),
        });
    }
    let found: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(pool)
            .await
            .map_err(|source| inspect_error(name, source))?;
    too_new(name, found.unwrap_or(0))
}

fn too_new(database: &str, found: i64) -> Result<(), OpenError> {
    let known = known_version();
    if found > known {
        return Err(OpenError::SchemaTooNew {
            database: database.to_owned(),
            found,
            known,
        });
    }
    Ok(())
}
