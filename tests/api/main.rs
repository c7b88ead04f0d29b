//! HTTP API tests: each test starts its own server on an ephemeral port and calls it over
//! TCP. One binary for all resources, so the crate is linked once.

mod support;

/// This binary runs the suite over a store in memory only; `tests/api_sqlite` runs it again
/// over SQLite.
const ON_SQLITE: bool = false;

mod access;
mod directory;
mod errors;
mod exports;
mod legs;
mod meetings;
mod middleware;
mod openapi;
mod timeline;
mod trips;
