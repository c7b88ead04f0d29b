//! Importing datasets of records (rather than documents) into the store: each dataset is
//! read into trip drafts keyed by their records, so that importing again adds nothing and a
//! changed record updates what it produced. Reads files and fills the store; no HTTP.
//!
//! - [`history_state`]: the Office of the Historian's travels and visits.
//! - [`report`]: what an import read, produced, merged, rejected and could not place.

pub mod history_state;
pub mod report;

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use crate::gazetteer::Gazetteer;
use crate::store::Store;

pub use report::ImportReport;

/// The datasets `itinerary` can import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dataset {
    /// The Office of the Historian's travels of Presidents and Secretaries of State, and
    /// visits of foreign leaders (`history-state`).
    HistoryState,
}

impl FromStr for Dataset {
    type Err = ImportError;
    fn from_str(name: &str) -> Result<Self, ImportError> {
        match name {
            "history-state" => Ok(Self::HistoryState),
            other => Err(ImportError::UnknownDataset(other.to_owned())),
        }
    }
}

impl fmt::Display for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::HistoryState => f.write_str("history-state"),
        }
    }
}

/// A dataset and where it lies: `history-state=../shared/datasets/history-state`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSpec {
    pub dataset: Dataset,
    pub path: PathBuf,
}

impl FromStr for ImportSpec {
    type Err = ImportError;
    fn from_str(spec: &str) -> Result<Self, ImportError> {
        let (dataset, path) = spec
            .split_once('=')
            .filter(|(_, path)| !path.is_empty())
            .ok_or_else(|| ImportError::MalformedSpec(spec.to_owned()))?;
        Ok(Self {
            dataset: dataset.parse()?,
            path: PathBuf::from(path),
        })
    }
}

/// Why a dataset could not be imported at all. Problems with single files or records are
/// not errors: they are listed in the [`ImportReport`].
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("unknown dataset {0:?} (known: history-state)")]
    UnknownDataset(String),
    #[error("{0:?} is not DATASET=PATH (e.g. history-state=../shared/datasets/history-state)")]
    MalformedSpec(String),
    #[error("{} is not a {dataset} dataset: {reason}", path.display(), dataset = history_state::DATASET)]
    NotADataset { path: PathBuf, reason: String },
    #[error("cannot store the import: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error("cannot read {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Imports `spec` into `store`: reads the dataset, loads its trips keyed by record, and
/// returns the report with what the store did. Fails only when the dataset cannot be
/// read at all.
pub async fn import_into(store: &Store, spec: &ImportSpec) -> Result<ImportReport, ImportError> {
    let started = std::time::Instant::now();
    let imported = match spec.dataset {
        Dataset::HistoryState => history_state::import(&spec.path, Gazetteer::global())?,
    };
    let mut report = imported.report;
    report.store = Some(store.import_keyed(imported.drafts).await?);
    report.elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_name_a_known_dataset_and_a_path() {
        let spec: ImportSpec = "history-state=../data/hs".parse().unwrap();
        assert_eq!(spec.dataset, Dataset::HistoryState);
        assert_eq!(spec.path, PathBuf::from("../data/hs"));
        assert!(matches!(
            "census=x".parse::<ImportSpec>(),
            Err(ImportError::UnknownDataset(_))
        ));
        assert!(matches!(
            "history-state".parse::<ImportSpec>(),
            Err(ImportError::MalformedSpec(_))
        ));
    }
}
