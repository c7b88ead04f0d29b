//! Durability: the SQL backend on SQLite and PostgreSQL (migrations, writes in transactions,
//! versions, tombstones, re-extraction that keeps curation, the change log); the real server
//! restarted, killed, written to by many clients and run twice on one database; and
//! databases that must be refused.

mod backend;
mod concurrent;
mod crash;
mod documents;
mod instances;
mod refusal;
mod restart;
mod server;
mod support;
