//! The store over a durable backend. Writes are serialised by one async mutex per process,
//! which also holds the change number the model is at; each write then:
//!
//! 1. opens a database transaction that takes the next change number, and with it the lock
//!    that orders writers of every process;
//! 2. when another process wrote since the model's change number, catches the model up from
//!    the change log inside that transaction;
//! 3. is planned against the model (read lock, released before any `.await`), stored, and
//!    committed;
//! 4. is applied to the model (write lock), and only then acknowledged.
//!
//! Writes the database plans itself (documents, imports) are read back after their commit
//! and applied the same way. [`Store::watch`] polls the change log so that writes of other
//! processes on the same database reach this model within a poll interval.

use std::sync::{Arc, Weak};
use std::time::Duration;

use chrono::Utc;
use tokio::sync::{Mutex, MutexGuard};

use super::{Memory, Store};
use crate::domain::{Document, Id, KeyedDraft, Leg, Meeting, Trip};
use crate::store::keys::{KeyedItem, KeyedTrip, key_trips};
use crate::store::sql::{Backend, DocumentWrite, Extractor};
use crate::store::{ChangeSet, DocumentOrigin, Effect, StoreError, StoredDocument, Upserted};

/// How long the change log keeps what each write touched: far longer than any poll interval.
const LOG_RETENTION: chrono::TimeDelta = chrono::TimeDelta::hours(1);

/// The durable half of a [`Store`].
#[derive(Debug)]
pub(in crate::store) struct Durable {
    backend: Backend,
    /// The change number the model is at. Held for a whole write.
    applied: Mutex<i64>,
}

/// What ingesting a document did: the document as stored, and its trips, legs and meetings.
#[derive(Clone, Debug)]
pub struct Ingested {
    pub document: StoredDocument,
    /// False when the same document was stored already: nothing was written.
    pub changed: bool,
    pub trips: Vec<Trip>,
    pub legs: Vec<Leg>,
    pub meetings: Vec<Meeting>,
}

/// Why a document operation failed.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("this service keeps no documents: it runs without a database")]
    NoDatabase,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Durable {
    pub(super) fn new(backend: Backend) -> Self {
        Self {
            backend,
            applied: Mutex::new(0),
        }
    }

    pub(super) fn backend(&self) -> &Backend {
        &self.backend
    }

    /// Replaces the model with everything the database holds.
    pub(super) async fn reload(&self, store: &Store) -> Result<(), StoreError> {
        let mut applied = self.applied.lock().await;
        self.reload_locked(store, &mut applied).await
    }

    async fn reload_locked(&self, store: &Store, applied: &mut i64) -> Result<(), StoreError> {
        let snapshot = self.backend.load().await?;
        *store.write() = Memory::default();
        store.apply_owned_changes(snapshot.changes);
        *applied = snapshot.seq;
        Ok(())
    }

    /// Brings the model up to the database's last change.
    async fn catch_up(&self, store: &Store, applied: &mut i64) -> Result<(), StoreError> {
        match self.backend.changes_since(*applied).await? {
            Some(changes) if changes.is_empty() => Ok(()),
            Some(changes) => {
                *applied = changes.seq;
                store.apply_owned_changes(changes);
                Ok(())
            }
            None => self.reload_locked(store, applied).await,
        }
    }

    /// Applies what a write the database planned itself committed as change `changes.seq`.
    async fn settle(
        &self,
        store: &Store,
        applied: &mut i64,
        changes: &ChangeSet,
    ) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        if changes.seq != *applied + 1 {
            // another process wrote in between: take its changes and ours from the log
            return self.catch_up(store, applied).await;
        }
        store.apply_changes(changes);
        *applied = changes.seq;
        Ok(())
    }

    /// Plans, commits and applies one write (see the module documentation).
    pub(super) async fn commit<T>(
        &self,
        store: &Store,
        plan: impl Fn(&Memory) -> Result<(Effect, T), StoreError>,
    ) -> Result<T, StoreError> {
        let mut applied = self.applied.lock().await;
        let mut write = self.backend.begin_write().await?;
        if write.seq - 1 != *applied {
            // another process wrote since: catch up while holding the clock, then plan
            let changes = write.changes_since(*applied).await?;
            store.apply_changes(&changes);
            *applied = write.seq - 1;
        }
        let (effect, written) = plan(&store.read())?;
        if effect.is_empty() {
            return Ok(written);
        }
        write.persist(&effect).await?;
        *applied = write.commit().await?;
        store.write().apply(effect);
        Ok(written)
    }

    async fn lock(&self) -> MutexGuard<'_, i64> {
        self.applied.lock().await
    }
}

/// Documents, imports and other processes' writes.
impl Store {
    fn durable_or_none(&self) -> Result<&Durable, DocumentError> {
        self.durable.as_ref().ok_or(DocumentError::NoDatabase)
    }

    /// Stores the seed documents and extracts every document again with `extract` (the
    /// extractor may have changed since the last start); unchanged documents and items write
    /// nothing, curated items stay as users left them. Returns what changed.
    pub async fn load_seeds(
        &self,
        documents: Vec<Document>,
        extract: Extractor<'_>,
    ) -> Result<ChangeSet, DocumentError> {
        let write = DocumentWrite {
            upserts: (documents.into_iter())
                .map(|d| (d, DocumentOrigin::Seed))
                .collect(),
            deletions: Vec::new(),
            always: true,
        };
        self.write_documents(&write, extract).await
    }

    /// Stores one document received at run time (replacing a stored one of the same name
    /// whose text differs) and extracts it. Returns the document with what it yielded.
    pub async fn ingest(
        &self,
        document: Document,
        extract: Extractor<'_>,
    ) -> Result<Ingested, DocumentError> {
        let name = document.name.clone();
        let write = DocumentWrite {
            upserts: vec![(document, DocumentOrigin::Api)],
            deletions: Vec::new(),
            always: false,
        };
        let changes = self.write_documents(&write, extract).await?;
        let stored = self.document_named(&name).ok_or(StoreError::Missing {
            kind: "document",
            id: 0,
        })?;
        Ok(self.yield_of(stored, !changes.is_empty()))
    }

    /// Deletes document `id` and the items extracted from it that no user curated.
    pub async fn delete_document(
        &self,
        id: Id,
        extract: Extractor<'_>,
    ) -> Result<(), DocumentError> {
        self.document(id)?;
        let write = DocumentWrite {
            upserts: Vec::new(),
            deletions: vec![id],
            always: false,
        };
        self.write_documents(&write, extract).await.map(|_| ())
    }

    async fn write_documents(
        &self,
        write: &DocumentWrite,
        extract: Extractor<'_>,
    ) -> Result<ChangeSet, DocumentError> {
        let durable = self.durable_or_none()?;
        let mut applied = durable.lock().await;
        let changes = durable.backend.write_documents(write, extract).await?;
        durable.settle(self, &mut applied, &changes).await?;
        Ok(changes)
    }

    /// Loads trips imported from a dataset, keyed by record: durably when the store has a
    /// database (the same records again write nothing; what users curated stays), else in
    /// memory (see `keyed`).
    pub async fn import_keyed(&self, drafts: Vec<KeyedDraft>) -> Result<Upserted, StoreError> {
        let Some(durable) = &self.durable else {
            return Ok(self.upsert_keyed(drafts));
        };
        let hashes: Vec<String> = drafts.iter().map(|d| d.hash.clone()).collect();
        let trips = keyed_import(drafts);
        let mut applied = durable.lock().await;
        let (changes, counts) = durable.backend.write_import(&trips, &hashes).await?;
        durable.settle(self, &mut applied, &changes).await?;
        Ok(counts)
    }

    /// Every stored document, by id.
    pub fn documents(&self) -> Vec<StoredDocument> {
        self.read().documents.values().cloned().collect()
    }

    /// Document `id`; `Missing` when there is none.
    pub fn document(&self, id: Id) -> Result<StoredDocument, StoreError> {
        let missing = StoreError::Missing {
            kind: "document",
            id,
        };
        self.read().documents.get(&id).cloned().ok_or(missing)
    }

    fn document_named(&self, name: &str) -> Option<StoredDocument> {
        let memory = self.read();
        memory
            .documents
            .values()
            .find(|d| d.name() == name)
            .cloned()
    }

    /// Document `id` with the trips, legs and meetings read from it.
    pub fn document_yield(&self, id: Id) -> Result<Ingested, StoreError> {
        Ok(self.yield_of(self.document(id)?, false))
    }

    fn yield_of(&self, document: StoredDocument, changed: bool) -> Ingested {
        let memory = self.read();
        let from = |source: Option<&crate::domain::Source>| {
            source.is_some_and(|s| s.document == document.name())
        };
        let legs: Vec<Leg> = (memory.legs.values())
            .filter(|l| from(l.source.as_ref()))
            .cloned()
            .collect();
        let meetings: Vec<Meeting> = (memory.meetings.values())
            .filter(|m| from(m.source.as_ref()))
            .cloned()
            .collect();
        let trips: Vec<Trip> = (memory.trips.values())
            .filter(|t| t.sources.iter().any(|s| s == document.name()))
            .cloned()
            .collect();
        Ingested {
            document,
            changed,
            trips,
            legs,
            meetings,
        }
    }

    /// Brings the model up to date with writes other processes committed to the database.
    pub async fn poll(&self) -> Result<(), StoreError> {
        let Some(durable) = &self.durable else {
            return Ok(());
        };
        let mut applied = durable.lock().await;
        durable.catch_up(self, &mut applied).await
    }

    /// Polls the database every `every` until the store is dropped (see [`Store::poll`]), and
    /// prunes the change log now and then. Returns at once without a database.
    pub fn watch(self: &Arc<Self>, every: Duration) -> Option<tokio::task::JoinHandle<()>> {
        self.durable.as_ref()?;
        let store: Weak<Self> = Arc::downgrade(self);
        Some(tokio::spawn(async move {
            let mut polls: u64 = 0;
            loop {
                tokio::time::sleep(every).await;
                let Some(store) = store.upgrade() else { return };
                if let Err(error) = store.poll().await {
                    tracing::warn!(%error, "cannot read other instances' writes: {error}");
                }
                polls += 1;
                if polls.is_multiple_of(2400)
                    && let Some(backend) = store.backend()
                    && let Err(error) = backend.prune_changes(Utc::now() - LOG_RETENTION).await
                {
                    tracing::warn!(%error, "cannot prune the change log: {error}");
                }
            }
        }))
    }
}

/// Imported drafts as keyed trips: the record key names the trip, and each leg and meeting is
/// keyed by its trip and position of its kind.
fn keyed_import(drafts: Vec<KeyedDraft>) -> Vec<KeyedTrip> {
    drafts
        .into_iter()
        .map(|keyed| {
            let mut trip = key_trips(vec![keyed.draft.clone()]).remove(0);
            let rekey = |kind: &str, n: usize| format!("{}#{kind}:{}", keyed.key, n + 1);
            trip.legs = (trip.legs.into_iter().enumerate())
                .map(|(n, leg)| KeyedItem {
                    key: rekey("leg", n),
                    document: None,
                    ..leg
                })
                .collect();
            trip.meetings = (trip.meetings.into_iter().enumerate())
                .map(|(n, m)| KeyedItem {
                    key: rekey("meeting", n),
                    document: None,
                    ..m
                })
                .collect();
            KeyedTrip {
                key: keyed.key,
                document: None,
                ..trip
            }
        })
        .collect()
}
