//! The HTTP API suite of `tests/api` again, over a store on SQLite: every write goes through
//! the SQL backend (migrations, transactions, versions checked in the database) before it
//! reaches memory. The database is in memory, so nothing touches the disk.

/// The suite's store runs on SQLite (see `support::new_store`).
const ON_SQLITE: bool = true;

#[path = "../api/access.rs"]
mod access;
#[path = "../api/directory.rs"]
mod directory;
#[path = "../api/errors.rs"]
mod errors;
#[path = "../api/exports.rs"]
mod exports;
#[path = "../api/legs.rs"]
mod legs;
#[path = "../api/meetings.rs"]
mod meetings;
#[path = "../api/middleware.rs"]
mod middleware;
#[path = "../api/openapi.rs"]
mod openapi;
#[path = "../api/support.rs"]
mod support;
#[path = "../api/timeline.rs"]
mod timeline;
#[path = "../api/trips.rs"]
mod trips;
