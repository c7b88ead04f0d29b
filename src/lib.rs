//! itinerary turns texts about diplomatic visits into a timeline of trips, travel legs and
//! meetings, and serves it as a JSON API.
//!
//! - [`domain`]: the model (trips, legs, meetings, places, documents); no I/O.
//! - [`fold`]: case- and diacritic-insensitive search keys.
//! - [`gazetteer`]: countries and cities with coordinates, embedded in the binary.
//! - [`extract`]: document → legs and meetings → trips; pure.
//! - [`eval`]: scoring extraction against gold annotations.
//! - [`ingest`]: reading document files from disk.
//! - [`import`]: datasets of records (the Office of the Historian's travels and visits).
//! - [`timeline`]: documents extracted and assembled into a store.
//! - [`export`]: CSV, GeoJSON and iCalendar renderings of the timeline.
//! - [`overview`]: people met, places visited, counts for charts.
//! - [`store`]: the in-memory read model, and the SQL backend (SQLite, PostgreSQL) writes go to
//!   first.
//! - [`http`]: the API (axum).
//! - [`config`], [`telemetry`]: command line and logging.

pub mod config;
pub mod domain;
pub mod eval;
pub mod export;
pub mod extract;
pub mod fold;
pub mod gazetteer;
pub mod http;
pub mod import;
pub mod ingest;
pub mod overview;
pub mod store;
pub mod telemetry;
pub mod timeline;

pub use config::Cli;
pub use http::{AppState, serve};
pub use store::Store;
