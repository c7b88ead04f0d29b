//! The durable backend: an enum over a SQLite and a PostgreSQL pool. Every write is one
//! transaction that first ticks the change clock (ordering writers), checks the item's version,
//! writes, records what it touched in the change log, and commits; the caller applies the
//! returned [`ChangeSet`] to the in-memory model only after the commit. Depends on `domain`
//! and `fold`; never on `http`.

mod changes;
mod documents;
mod imports;
mod persist;
mod portable;
mod rows;
mod schema;
mod sync;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sqlx::{PgPool, SqlitePool};

pub use documents::{DocumentWrite, Extractor};
pub use portable::{Row, Tx, Value};
pub use rows::{Curation, Provenance};
pub use schema::{OpenError, known_version, redact};

use super::keys::KeyedTrip;
use super::{ChangeSet, Effect, StoreError, StoredDocument, Upserted};

/// A durable database: SQLite (embedded, one file) or PostgreSQL (shared by instances).
#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Everything in the database, read in one consistent snapshot.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// The change clock when the snapshot was taken: changes after it are newer.
    pub seq: i64,
    pub changes: ChangeSet,
}

impl Backend {
    /// Opens the database at `url` (`sqlite://PATH`, `sqlite:PATH`, `postgres://...`,
    /// `postgresql://...`), creating a SQLite file and its directory when missing, then
    /// applies pending migrations. Fails, writing nothing, when the database is not
    /// itinerary's, is corrupt, or has a newer schema than this binary.
    pub async fn open(url: &str) -> Result<Self, OpenError> {
        if url.starts_with("sqlite:") {
            schema::open_sqlite(url).await.map(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            schema::open_postgres(url).await.map(Self::Postgres)
        } else {
            Err(OpenError::UnsupportedUrl(redact(url)))
        }
    }

    /// "SQLite" or "PostgreSQL", for logs.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "SQLite",
            Self::Postgres(_) => "PostgreSQL",
        }
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), so that two writers queue on the busy timeout instead of failing.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Self::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Starts a read-only transaction that sees one consistent snapshot.
    async fn begin_read(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Self::Postgres(pool) => Tx::Postgres(
                pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?,
            ),
        })
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        match self {
            Self::Sqlite(pool) => pool.close().await,
            Self::Postgres(pool) => pool.close().await,
        }
    }

    /// Reads every document, trip, leg and meeting.
    #[tracing::instrument(skip_all, fields(backend = self.kind()))]
    pub async fn load(&self) -> Result<Snapshot, StoreError> {
        let mut tx = self.begin_read().await?;
        let snapshot = load_all(&mut tx).await?;
        tx.commit().await?;
        Ok(snapshot)
    }

    /// Opens a write: a transaction holding the change clock, so no other process commits
    /// until it ends. See [`WriteTx`].
    pub async fn begin_write(&self) -> Result<WriteTx, StoreError> {
        let mut tx = self.begin().await?;
        let seq = changes::tick(&mut tx).await?;
        Ok(WriteTx { tx, seq })
    }

    /// What changed after `seq`: the items the change log names, as they are now (an item
    /// gone from its table is reported removed). `None` when the log no longer reaches back
    /// to `seq` (pruned): the caller reloads everything.
    pub async fn changes_since(&self, seq: i64) -> Result<Option<ChangeSet>, StoreError> {
        let mut tx = self.begin_read().await?;
        let changes = changes::since(&mut tx, seq).await?;
        tx.commit().await?;
        Ok(changes)
    }

    /// Forgets change log entries older than `age`; every process has read them by then.
    pub async fn prune_changes(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        let pruned = changes::prune(&mut tx, before).await?;
        tx.commit().await?;
        Ok(pruned)
    }

    /// Writes documents and re-extracts every text document with `extract`, in one
    /// transaction: see [`DocumentWrite`]. Returns what changed; an empty change set (nothing
    /// written) when every document was already stored with the same content.
    pub async fn write_documents(
        &self,
        write: &DocumentWrite,
        extract: Extractor<'_>,
    ) -> Result<ChangeSet, StoreError> {
        let now = Utc::now();
        let mut tx = self.begin().await?;
        let seq = changes::tick(&mut tx).await?;
        let touched = documents::write(&mut tx, seq, write, extract, now).await?;
        if touched.is_empty() {
            return Ok(ChangeSet::default());
        }
        let changes = changes::read_back(&mut tx, seq, &touched).await?;
        tx.commit().await?;
        Ok(changes)
    }

    /// Stores trips imported from a dataset, keyed by record: items already stored the same
    /// way are left alone, changed ones updated, the uncurated items of these trips that are
    /// no longer imported deleted; what users curated stays. `hashes[i]` is the hash of what
    /// `trips[i]` was made from: a trip stored last from the same hash is skipped unread.
    /// Returns what changed and how the trips fared.
    pub async fn write_import(
        &self,
        trips: &[KeyedTrip],
        hashes: &[String],
    ) -> Result<(ChangeSet, Upserted), StoreError> {
        let now = Utc::now();
        let mut tx = self.begin().await?;
        let seq = changes::tick(&mut tx).await?;
        let known = imports::hashes(&mut tx).await?;
        let (same, changed): (Vec<_>, Vec<_>) = (trips.iter().zip(hashes))
            .partition(|(trip, hash)| known.get(&trip.key) == Some(*hash));
        if changed.is_empty() {
            let counts = Upserted {
                unchanged: same.len(),
                ..Upserted::default()
            };
            return Ok((ChangeSet::default(), counts));
        }
        let (changed, hashes): (Vec<&KeyedTrip>, Vec<&String>) = changed.into_iter().unzip();
        let synced = sync::sync(&mut tx, &changed, &BTreeSet::new(), now).await?;
        let mut counts = synced.counts;
        counts.unchanged += same.len();
        let hashes = changed.iter().map(|t| t.key.as_str()).zip(hashes);
        if synced.touched.is_empty() {
            // nothing to log: record the hashes without taking a change number
            drop(tx);
            let mut tx = self.begin().await?;
            imports::record(&mut tx, hashes).await?;
            tx.commit().await?;
            return Ok((ChangeSet::default(), counts));
        }
        imports::record(&mut tx, hashes).await?;
        changes::log(&mut tx, seq, &synced.touched, now).await?;
        let changes = changes::read_back(&mut tx, seq, &synced.touched).await?;
        tx.commit().await?;
        Ok((changes, counts))
    }

    /// The stored documents, by id.
    pub async fn documents(&self) -> Result<Vec<StoredDocument>, StoreError> {
        let mut tx = self.begin_read().await?;
        let documents = documents::load_all(&mut tx).await?;
        tx.commit().await?;
        Ok(documents)
    }
}

/// Everything in the database, read in `tx`.
async fn load_all(tx: &mut Tx) -> Result<Snapshot, StoreError> {
    let (seq, next_id) = changes::clock(tx).await?;
    let changes = ChangeSet {
        seq,
        next_id,
        documents: documents::load_all(tx).await?,
        trips: changes::load_trips(tx, None).await?,
        legs: changes::load_legs(tx, None).await?,
        meetings: changes::load_meetings(tx, None).await?,
        ..ChangeSet::default()
    };
    Ok(Snapshot { seq, changes })
}

/// A write in progress: a transaction that took the next change number, `seq`, and with it
/// the lock that orders writers. A writer whose model is behind `seq - 1` catches up inside
/// it ([`WriteTx::changes_since`]), plans its write against the caught-up model, then
/// [`WriteTx::persist`]s and [`WriteTx::commit`]s. Dropped uncommitted, it rolls back.
pub struct WriteTx {
    tx: Tx,
    /// The change number this write commits as.
    pub seq: i64,
}

impl WriteTx {
    /// What other processes committed after `base` (see [`Backend::changes_since`]); all of
    /// it, whole, when the log no longer reaches back that far.
    pub async fn changes_since(&mut self, base: i64) -> Result<ChangeSet, StoreError> {
        match changes::since(&mut self.tx, base).await? {
            Some(changes) => Ok(changes),
            None => Ok(load_all(&mut self.tx).await?.changes),
        }
    }

    /// Stores a write planned against the model at change `seq - 1` (see
    /// [`persist::persist`]).
    pub async fn persist(&mut self, planned: &Effect) -> Result<(), StoreError> {
        persist::persist(&mut self.tx, self.seq, planned, Utc::now()).await?;
        Ok(())
    }

    /// Commits; the write is durable when this returns `Ok`.
    pub async fn commit(self) -> Result<i64, StoreError> {
        self.tx.commit().await?;
        Ok(self.seq)
    }
}
