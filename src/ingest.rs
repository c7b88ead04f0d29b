//! Reading documents from disk: one UTF-8 file per document. A file that cannot be read or is
//! not a document is skipped with a warning naming it and the reason (or refused in strict
//! mode).

use std::path::{Path, PathBuf};

use crate::domain::{Document, HeaderError};

/// Why a file was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum SkipReason {
    #[error("cannot read it: {0}")]
    Unreadable(#[from] std::io::Error),
    #[error("it is not valid UTF-8 (byte {0})")]
    NotUtf8(usize),
    #[error("{0}")]
    Header(#[from] HeaderError),
}

/// A file that was skipped, and why.
#[derive(Debug, thiserror::Error)]
#[error("skipped {}: {reason}", path.display())]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

/// Reads one document file. The document's name is the file name.
pub fn read_document(path: &Path) -> Result<Document, Skipped> {
    let skipped = |reason| Skipped {
        path: path.to_owned(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| skipped(e.into()))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| skipped(SkipReason::NotUtf8(e.utf8_error().valid_up_to())))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Document::parse(&name, text).map_err(|e| skipped(e.into()))
}

/// The `*.txt` files of `dir`, sorted by name so that ids are stable across restarts.
pub fn document_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "txt") && p.is_file())
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads every document of `dir` (or the single files given), returning the documents and
/// the files skipped.
pub fn read_documents(paths: &[PathBuf]) -> (Vec<Document>, Vec<Skipped>) {
    let mut documents = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        match read_document(path) {
            Ok(doc) => documents.push(doc),
            Err(skip) => skipped.push(skip),
        }
    }
    (documents, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_are_skipped_with_their_reason() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            " date 2020-01-02 She flew to Lima.",
        )
        .unwrap();
        std::fs::write(dir.path().join("b.txt"), [0xff, 0xfe, 0x00]).unwrap();
        std::fs::write(dir.path().join("c.txt"), "no header here").unwrap();
        std::fs::write(dir.path().join("d.gold.json"), "{}").unwrap();
        let paths = document_paths(dir.path()).unwrap();
        let (docs, skipped) = read_documents(&paths);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].name, "a.txt");
        let messages: Vec<String> = skipped.iter().map(ToString::to_string).collect();
        assert!(
            messages[0].contains("b.txt") && messages[0].contains("UTF-8"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("c.txt") && messages[1].contains("header"),
            "{messages:?}"
        );
    }
}
