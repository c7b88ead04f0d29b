//! What an import did, for the person who ran it: records read and rejected (with the
//! reason), duplicates merged, trips, legs and meetings produced, how many places were
//! resolved to coordinates and which were not, and what the store made of it.

use std::fmt;

use serde::Serialize;

use crate::domain::KeyedDraft;
use crate::store::Upserted;

/// A record (or a whole file) that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// The record key, or the file and position when the record has no usable id.
    pub record: String,
    pub reason: String,
}

/// A record merged into another because both describe the same stop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    pub kept: String,
    pub merged: String,
}

/// A place name the gazetteer could not locate, with the records naming it (first few).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unresolved {
    pub name: String,
    pub country: String,
    pub mentions: usize,
    pub records: Vec<String>,
}

/// The outcome of one import.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ImportReport {
    pub dataset: String,
    pub path: String,
    pub files: usize,
    pub records_read: usize,
    pub travel_records: usize,
    pub visit_records: usize,
    /// Records not imported, with the reason.
    pub rejected: Vec<Rejection>,
    /// Files, or parts of files, that could not be read: their records are unaccounted for.
    pub file_errors: Vec<Rejection>,
    pub duplicates: Vec<Duplicate>,
    pub trips: usize,
    pub legs_stated: usize,
    pub legs_inferred: usize,
    pub meetings: usize,
    /// Place mentions in locale fields (a locale may name several places).
    pub locales: usize,
    pub locales_resolved: usize,
    pub unresolved: Vec<Unresolved>,
    pub unknown_countries: Vec<Unresolved>,
    /// What the store did with the trips, once loaded.
    pub store: Option<Upserted>,
    pub elapsed_ms: f64,
}

impl ImportReport {
    /// Counts the trips, legs (stated and inferred) and meetings of `drafts`.
    pub fn count(&mut self, drafts: &[KeyedDraft]) {
        self.trips = drafts.len();
        let legs = drafts.iter().flat_map(|k| &k.draft.legs);
        let (inferred, stated): (Vec<_>, Vec<_>) = legs.partition(|l| l.inferred);
        self.legs_inferred = inferred.len();
        self.legs_stated = stated.len();
        self.meetings = drafts.iter().map(|k| k.draft.meetings.len()).sum();
    }

    /// Share of locale mentions resolved to coordinates, in percent (100 when there are none).
    pub fn resolution_percent(&self) -> f64 {
        if self.locales == 0 {
            return 100.0;
        }
        100.0 * self.locales_resolved as f64 / self.locales as f64
    }

    /// Records imported: read, less rejected (merged duplicates are imported, into one stop).
    pub fn records_imported(&self) -> usize {
        self.records_read.saturating_sub(self.rejected.len())
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "import {} from {}", self.dataset, self.path)?;
        writeln!(
            f,
            "  records read:     {} in {} files ({} travel stops, {} visits)",
            self.records_read, self.files, self.travel_records, self.visit_records
        )?;
        writeln!(
            f,
            "  imported:         {} ({} duplicates merged), {} rejected",
            self.records_imported(),
            self.duplicates.len(),
            self.rejected.len()
        )?;
        writeln!(f, "  trips:            {}", self.trips)?;
        writeln!(
            f,
            "  legs:             {} ({} stated, {} inferred)",
            self.legs_stated + self.legs_inferred,
            self.legs_stated,
            self.legs_inferred
        )?;
        writeln!(f, "  meetings:         {}", self.meetings)?;
        writeln!(
            f,
            "  locales resolved: {} of {} ({:.1}%)",
            self.locales_resolved,
            self.locales,
            self.resolution_percent()
        )?;
        if let Some(store) = &self.store {
            writeln!(
                f,
                "  store:            {} trips inserted, {} updated, {} unchanged",
                store.inserted, store.updated, store.unchanged
            )?;
        }
        writeln!(f, "  time:             {:.1} ms", self.elapsed_ms)?;
        self.fmt_lists(f)
    }
}

impl ImportReport {
    fn fmt_lists(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rejection = |r: &Rejection| format!("{}: {}", r.record, r.reason);
        section(f, "files unreadable", &self.file_errors, rejection)?;
        section(f, "rejected", &self.rejected, rejection)?;
        section(f, "duplicates merged", &self.duplicates, |d| {
            format!("{} into {}", d.merged, d.kept)
        })?;
        section(f, "places unresolved", &self.unresolved, unresolved_line)?;
        section(
            f,
            "countries unknown",
            &self.unknown_countries,
            unresolved_line,
        )
    }
}

fn unresolved_line(u: &Unresolved) -> String {
    format!(
        "{} ({}): {} mention{}, e.g. {}",
        u.name,
        u.country,
        u.mentions,
        if u.mentions == 1 { "" } else { "s" },
        u.records.join(", ")
    )
}

fn section<T>(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    items: &[T],
    line: impl Fn(&T) -> String,
) -> fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(f, "{title} ({}):", items.len())?;
    for item in items {
        writeln!(f, "  {}", line(item))?;
    }
    Ok(())
}
