//! Databases that are not ours, are corrupt, or come from a newer itinerary are refused with a
//! clear error, and left exactly as they were.

use std::path::Path;

use itinerary::store::sql::{Backend, OpenError};
use sqlx::{Connection, SqliteConnection};

use crate::support::TestDb;

fn sqlite_path(db: &TestDb) -> std::path::PathBuf {
    Path::new(db.url().trim_start_matches("sqlite://")).to_owned()
}

async fn refused(url: &str) -> OpenError {
    match Backend::open(url).await {
        Ok(_) => panic!("{url} was opened"),
        Err(e) => e,
    }
}

#[tokio::test]
async fn a_file_that_is_not_sqlite_is_refused_and_untouched() {
    let db = TestDb::sqlite();
    let path = sqlite_path(&db);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, "Dear diary, today I met the Foreign Minister.\n").expect("write");
    let before = std::fs::read(&path).expect("read");
    let error = refused(db.url()).await;
    assert!(matches!(error, OpenError::NotSqlite { .. }), "{error:?}");
    assert!(
        error.to_string().contains("is not a SQLite database"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[tokio::test]
async fn another_applications_sqlite_database_is_refused_and_untouched() {
    let db = TestDb::sqlite();
    let path = sqlite_path(&db);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    let mut conn = SqliteConnection::connect(&format!("{}?mode=rwc", db.url()))
        .await
        .expect("create");
    sqlx::query("CREATE TABLE recipes (name TEXT)")
        .execute(&mut conn)
        .await
        .expect("create table");
    conn.close().await.expect("close");
    let before = std::fs::read(&path).expect("read");
    let error = refused(db.url()).await;
    assert!(matches!(error, OpenError::NotOurs { .. }), "{error:?}");
    assert!(error.to_string().contains("recipes"), "{error}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[tokio::test]
async fn a_corrupt_database_is_refused_and_untouched() {
    let db = TestDb::sqlite();
    let path = sqlite_path(&db);
    let backend = Backend::open(db.url()).await.expect("create");
    backend.close().await;
    let mut bytes = std::fs::read(&path).expect("read");
    assert!(bytes.len() > 8192, "a database of several pages");
    // Keep the header and the schema page; scramble every page after them.
    for (i, byte) in bytes.iter_mut().enumerate().skip(4096) {
        *byte = (i * 7 % 251) as u8;
    }
    std::fs::write(&path, &bytes).expect("corrupt it");
    let error = refused(db.url()).await;
    assert!(matches!(error, OpenError::Corrupt { .. }), "{error:?}");
    assert!(error.to_string().contains("corrupt"), "{error}");
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[tokio::test]
async fn a_newer_schema_is_refused() {
    let db = TestDb::sqlite();
    let backend = Backend::open(db.url()).await.expect("create");
    if let Backend::Sqlite(pool) = &backend {
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, \
             execution_time) VALUES (9999, 'from the future', TRUE, x'00', 0)",
        )
        .execute(pool)
        .await
        .expect("pretend a newer binary migrated");
    }
    backend.close().await;
    let error = refused(db.url()).await;
    assert!(
        matches!(error, OpenError::SchemaTooNew { found: 9999, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("newer"), "{error}");
}

#[tokio::test]
async fn a_postgres_database_of_another_application_is_refused() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let mut conn = sqlx::PgConnection::connect(db.url())
        .await
        .expect("connect");
    sqlx::query("CREATE TABLE invoices (id BIGINT)")
        .execute(&mut conn)
        .await
        .expect("create table");
    let error = refused(db.url()).await;
    assert!(matches!(error, OpenError::NotOurs { .. }), "{error:?}");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_all(&mut conn)
    .await
    .expect("list tables");
    assert_eq!(tables, ["invoices"], "nothing was created");
}

#[tokio::test]
async fn the_server_refuses_a_file_that_is_not_its_database() {
    let db = TestDb::sqlite();
    let path = sqlite_path(&db);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, "name,amount\nrent,900\n").expect("write");
    let dir = tempfile::tempdir().expect("temporary directory");
    let log = crate::server::refused_start(db.url(), dir.path());
    assert!(log.contains("is not a SQLite database"), "{log}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "name,amount\nrent,900\n"
    );
}
