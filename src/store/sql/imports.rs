//! The hash each import key was last stored from (table `imports`), so that importing the
//! same records again reads and writes nothing for them.

use std::collections::HashMap;

use super::portable::{Tx, Value};

/// Every import key with its hash.
pub async fn hashes(tx: &mut Tx) -> Result<HashMap<String, String>, sqlx::Error> {
    let rows = tx
        .fetch_all("SELECT import_key, hash FROM imports", Vec::new())
        .await?;
    rows.iter()
        .map(|row| Ok((row.get("import_key")?, row.get("hash")?)))
        .collect()
}

/// Records that each key was stored from its hash.
pub async fn record<'a>(
    tx: &mut Tx,
    hashes: impl Iterator<Item = (&'a str, &'a String)>,
) -> Result<(), sqlx::Error> {
    let rows = hashes
        .map(|(key, hash)| vec![Value::from(key), Value::from(hash.as_str())])
        .collect();
    tx.insert_rows(
        "INSERT INTO imports (import_key, hash)",
        rows,
        " ON CONFLICT (import_key) DO UPDATE SET hash = excluded.hash",
    )
    .await?;
    Ok(())
}
