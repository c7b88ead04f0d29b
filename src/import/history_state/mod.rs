//! The Office of the Historian's records of official travel: `travels/*/*.xml` (one
//! `<trip>` per stop of a President's or Secretary of State's foreign travel) and
//! `visits/*/*.xml` (one `<visit>` per visit of a foreign leader to the United States),
//! read into keyed trip drafts and a report. Reads files; never writes.
//!
//! Stages, in order: `xml` (elements) → `records` (typed, or rejected with a reason) →
//! `travels` (duplicates merged, stops grouped into trips) and `visits` → trip drafts, with
//! places resolved by `resolver` (`countries`, `locale`) and meetings read by `meetings`.

mod countries;
mod locale;
mod meetings;
mod records;
mod resolver;
mod travels;
mod visitor;
mod visits;
mod xml;

use std::path::{Path, PathBuf};
use std::time::Instant;

use self::records::{Stop, Visit};
use self::resolver::{LocaleTally, Resolver};
use super::ImportError;
use super::report::{ImportReport, Rejection, Unresolved};
use crate::domain::KeyedDraft;
use crate::gazetteer::Gazetteer;

pub use self::records::DATASET;
pub use self::travels::MAX_BLANK_DAYS;

/// The trips of the dataset, keyed by their first record, and the report of the reading.
#[derive(Debug)]
pub struct HistoryImport {
    pub drafts: Vec<KeyedDraft>,
    pub report: ImportReport,
}

/// The two kinds of record files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Travels,
    Visits,
}

impl Kind {
    fn record_tag(self) -> &'static str {
        match self {
            Self::Travels => "trip",
            Self::Visits => "visit",
        }
    }
}

/// Reads the dataset under `root` (the folder holding `travels/` and `visits/`). Fails only
/// when `root` is not such a folder; a bad file or record is reported, not fatal.
pub fn import(root: &Path, gazetteer: &Gazetteer) -> Result<HistoryImport, ImportError> {
    let started = Instant::now();
    let files = record_files(root)?;
    let mut report = ImportReport {
        dataset: DATASET.to_owned(),
        path: root.display().to_string(),
        files: files.len(),
        ..ImportReport::default()
    };
    let mut read = Read::default();
    for (kind, relative) in &files {
        read.file(root, *kind, relative, &mut report);
    }
    let (stops, duplicates) = travels::merge_duplicates(read.stops);
    report.duplicates = duplicates;
    let groups = travels::group_trips(stops);
    // travels and visits on two threads (reading remarks for meetings is most of the work),
    // each with its own resolver; the visits' tally follows the travels', as if read after
    let (mut drafts, mut locales, visit_drafts, visit_locales) = std::thread::scope(|scope| {
        let visits = scope.spawn(|| {
            let mut resolver = Resolver::new(gazetteer);
            let drafts: Vec<KeyedDraft> = (read.visits.iter())
                .map(|visit| visits::visit_trip(visit, &mut resolver))
                .collect();
            (drafts, resolver.tally)
        });
        let mut resolver = Resolver::new(gazetteer);
        let drafts: Vec<KeyedDraft> = (groups.iter())
            .filter_map(|group| travels::travel_trip(group, &mut resolver))
            .collect();
        let (visit_drafts, visit_locales) = visits
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (drafts, resolver.tally, visit_drafts, visit_locales)
    });
    drafts.extend(visit_drafts);
    locales.absorb(visit_locales);
    report.count(&drafts);
    tally(&mut report, locales);
    report.elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok(HistoryImport { drafts, report })
}

/// The record files under `root`, as (kind, path relative to `root` with `/` separators),
/// sorted so that the import is the same on every machine.
fn record_files(root: &Path) -> Result<Vec<(Kind, String)>, ImportError> {
    let mut files = Vec::new();
    let mut found_any = false;
    for (kind, folder) in [(Kind::Travels, "travels"), (Kind::Visits, "visits")] {
        let dir = root.join(folder);
        if !dir.is_dir() {
            continue;
        }
        found_any = true;
        for sub in sorted_entries(&dir)?.into_iter().filter(|p| p.is_dir()) {
            for file in sorted_entries(&sub)? {
                if file.extension().is_some_and(|e| e == "xml") && file.is_file() {
                    files.push((kind, relative(root, &file)));
                }
            }
        }
    }
    if !found_any {
        return Err(ImportError::NotADataset {
            path: root.to_owned(),
            reason: "it has neither a travels/ nor a visits/ folder".to_owned(),
        });
    }
    Ok(files)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ImportError::Unreadable {
        path: dir.to_owned(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

fn relative(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Typed records gathered from all files.
#[derive(Default)]
struct Read {
    stops: Vec<Stop>,
    visits: Vec<Visit>,
}

impl Read {
    fn file(&mut self, root: &Path, kind: Kind, relative: &str, report: &mut ImportReport) {
        let name = format!("{DATASET}/{relative}");
        let text = match std::fs::read_to_string(root.join(relative)) {
            Ok(text) => text,
            Err(e) => {
                report.file_errors.push(Rejection {
                    record: name,
                    reason: format!("cannot read the file: {e}"),
                });
                return;
            }
        };
        let out = xml::read_records(&text, kind.record_tag());
        for (element, line) in out.strays {
            report.file_errors.push(Rejection {
                record: format!("{name}, line {line}"),
                reason: format!("<{element}> is not a <{}> record", kind.record_tag()),
            });
        }
        if let Some(error) = out.error {
            report.file_errors.push(Rejection {
                record: name.clone(),
                reason: format!("{error}; records after it were not read"),
            });
        }
        report.records_read += out.records.len();
        for raw in &out.records {
            self.record(kind, relative, &name, raw, report);
        }
    }

    fn record(
        &mut self,
        kind: Kind,
        relative: &str,
        name: &str,
        raw: &xml::RawRecord,
        report: &mut ImportReport,
    ) {
        let outcome = match kind {
            Kind::Travels => {
                report.travel_records += 1;
                records::stop(relative, raw).map(|stop| self.stops.push(stop))
            }
            Kind::Visits => {
                report.visit_records += 1;
                records::visit(relative, raw).map(|visit| self.visits.push(visit))
            }
        };
        if let Err(reason) = outcome {
            let id = raw.text("id").map(str::trim).unwrap_or_default();
            let record = match id.parse::<u64>() {
                Ok(id) => format!("{name}#{id}"),
                Err(_) => format!("{name}, record {} (line {})", raw.ordinal, raw.line),
            };
            report.rejected.push(Rejection {
                record,
                reason: reason.to_string(),
            });
        }
    }
}

/// How many records to cite for each unresolved place.
const CITED: usize = 3;

fn tally(report: &mut ImportReport, tally: LocaleTally) {
    report.locales = tally.mentions;
    report.locales_resolved = tally.resolved;
    report.unresolved = tally
        .unresolved
        .into_iter()
        .map(|((name, country), records)| cite(name, country, records))
        .collect();
    report
        .unresolved
        .sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    report.unknown_countries = tally
        .unknown_countries
        .into_iter()
        .map(|(name, records)| cite(name.clone(), name, records))
        .collect();
}

fn cite(name: String, country: String, mut records: Vec<String>) -> Unresolved {
    let mentions = records.len();
    records.truncate(CITED);
    Unresolved {
        name,
        country,
        mentions,
        records,
    }
}
