//! Durability: the SQL backend on SQLite and PostgreSQL (migrations, writes in transactions,
//! versions, tombstones, re-extraction that keeps curation, the change log), and databases
//! that must be refused.

mod backend;
mod refusal;
mod support;
