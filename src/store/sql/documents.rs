//! Document rows, and document writes: documents added, replaced or deleted together with
//! the re-extraction of their items, in one transaction.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::changes;
use super::portable::{Row, Tx, Value};
use super::sync;
use crate::domain::{Document, Id, TripDraft};
use crate::store::keys::{KeyedTrip, key_trips};
use crate::store::{DocumentOrigin, Entity, StoreError, StoredDocument, content_hash};

const ALL_DOCUMENTS: &str = "SELECT id, name, text, content_hash, origin, created_at, \
    updated_at FROM documents ORDER BY id";
const ONE_DOCUMENT: &str = "SELECT id, name, text, content_hash, origin, created_at, \
    updated_at FROM documents WHERE id = $1";

/// A document write: documents stored or replaced and documents deleted, after which every
/// text document is extracted again and the stored items brought in line (see `sync`).
#[derive(Clone, Debug, Default)]
pub struct DocumentWrite {
    /// Documents to store, replacing a stored one of the same name when its text differs.
    pub upserts: Vec<(Document, DocumentOrigin)>,
    /// Documents to delete, by id; their uncurated items go with them.
    pub deletions: Vec<Id>,
    /// Extract again even when no document changed (at start-up: the extractor may have).
    pub always: bool,
}

/// Extraction and assembly of a set of documents into trips, as `timeline` does it.
pub type Extractor<'a> = &'a (dyn Fn(&[Document]) -> Vec<TripDraft> + Send + Sync);

/// Every stored document, by id.
pub async fn load_all(tx: &mut Tx) -> Result<Vec<StoredDocument>, sqlx::Error> {
    tx.fetch_all(ALL_DOCUMENTS, Vec::new())
        .await?
        .iter()
        .map(document_from)
        .collect()
}

/// The stored document with `id`, if any.
pub async fn load_one(tx: &mut Tx, id: Id) -> Result<Option<StoredDocument>, sqlx::Error> {
    tx.fetch_optional(ONE_DOCUMENT, vec![Value::from(id)])
        .await?
        .map(|row| document_from(&row))
        .transpose()
}

fn document_from(row: &Row) -> Result<StoredDocument, sqlx::Error> {
    let name: String = row.get("name")?;
    let text: String = row.get("text")?;
    let origin: String = row.get("origin")?;
    let document = Document::parse(&name, text).map_err(|e| {
        sqlx::Error::Decode(format!("stored document {name:?} no longer parses: {e}").into())
    })?;
    Ok(StoredDocument {
        id: row.get("id")?,
        document,
        content_hash: row.get("content_hash")?,
        origin: DocumentOrigin::parse(&origin).unwrap_or(DocumentOrigin::Api),
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

/// Applies `write` in the transaction `seq`: documents first, then the re-extraction of
/// every text document (documents read from a dataset are synchronised by their import).
/// Returns every document and item it touched; empty when nothing changed.
pub async fn write(
    tx: &mut Tx,
    seq: i64,
    write: &DocumentWrite,
    extract: Extractor<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<(Entity, Id)>, StoreError> {
    let mut touched = Vec::new();
    for (document, origin) in &write.upserts {
        if let Some(id) = upsert(tx, document, *origin, now).await? {
            touched.push((Entity::Document, id));
        }
    }
    let stored = load_all(tx).await?;
    let deleted: Vec<&StoredDocument> = (stored.iter())
        .filter(|d| write.deletions.contains(&d.id))
        .collect();
    if touched.is_empty() && deleted.is_empty() && !write.always {
        return Ok(touched);
    }
    let texts: Vec<Document> = (stored.iter())
        .filter(|d| d.origin != DocumentOrigin::Import && !write.deletions.contains(&d.id))
        .map(|d| d.document.clone())
        .collect();
    let mut scope: BTreeSet<String> = texts.iter().map(|d| d.name.clone()).collect();
    scope.extend(deleted.iter().map(|d| d.name().to_owned()));
    let trips = key_trips(extract(&texts));
    let trips: Vec<&KeyedTrip> = trips.iter().collect();
    touched.extend(sync::sync(tx, &trips, &scope, now).await?.touched);
    for document in deleted {
        changes::remove(tx, Entity::Document, document.id, now).await?;
        touched.push((Entity::Document, document.id));
    }
    changes::log(tx, seq, &touched, now).await?;
    Ok(touched)
}

/// Stores `document` unless a document of that name with the same text is stored already.
/// Returns the id of the row written, or `None` when there was nothing to write.
async fn upsert(
    tx: &mut Tx,
    document: &Document,
    origin: DocumentOrigin,
    now: DateTime<Utc>,
) -> Result<Option<Id>, sqlx::Error> {
    let hash = content_hash(&document.text);
    let stored = tx
        .fetch_optional(
            "SELECT id, content_hash FROM documents WHERE name = $1",
            vec![Value::from(document.name.as_str())],
        )
        .await?;
    let args = vec![
        Value::from(document.name.as_str()),
        Value::from(document.published.to_string()),
        Value::Text(document.title.clone()),
        Value::from(document.text.as_str()),
        Value::from(hash.as_str()),
        Value::from(origin.name()),
        Value::from(now),
    ];
    let Some(stored) = stored else {
        let row = tx
            .fetch_one(
                "INSERT INTO documents (name, published, title, text, content_hash, origin, \
                 created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                args,
            )
            .await?;
        return Ok(Some(row.get("id")?));
    };
    let id: Id = stored.get("id")?;
    if stored.get::<String>("content_hash")? == hash {
        return Ok(None);
    }
    tx.execute(
        "UPDATE documents SET published = $2, title = $3, text = $4, content_hash = $5, \
         origin = $6, updated_at = $7 WHERE name = $1",
        args,
    )
    .await?;
    Ok(Some(id))
}
