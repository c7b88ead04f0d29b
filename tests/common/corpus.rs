//! What the annotated corpora under `tests/` share: scoring a folder against its floors, and
//! checking that its gold files keep to the values ANNOTATION.md allows.

use std::path::{Path, PathBuf};

use itinerary::eval::{self, Report};

const KINDS: [&str; 8] = [
    "meeting",
    "meal",
    "press",
    "ceremony",
    "site_visit",
    "town_hall",
    "conference",
    "other",
];
const MODES: [&str; 5] = ["air", "road", "rail", "sea", "helicopter"];
const STATUSES: [&str; 2] = ["completed", "planned"];

/// A corpus folder under `tests/`, its size, and the scores it must keep.
pub struct Corpus {
    pub folder: &'static str,
    pub documents: usize,
    pub gold_legs: usize,
    pub gold_contacts: usize,
    pub legs_f1_floor: f64,
    pub meetings_f1_floor: f64,
}

impl Corpus {
    fn dir(&self) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join(self.folder)
    }

    fn report(&self) -> Report {
        eval::evaluate_dir(&self.dir()).expect("the corpus evaluates")
    }

    /// Scores the corpus, prints the table, and fails below a floor.
    pub fn assert_scores(&self) {
        let report = self.report();
        println!("{}", report.render(false));
        assert_eq!(
            report.documents, self.documents,
            "every document has its gold file"
        );
        assert!(
            report.legs.f1() >= self.legs_f1_floor,
            "legs F1 {:.3} fell below {}",
            report.legs.f1(),
            self.legs_f1_floor
        );
        assert!(
            report.contacts.f1() >= self.meetings_f1_floor,
            "meetings F1 {:.3} fell below {}",
            report.contacts.f1(),
            self.meetings_f1_floor
        );
    }

    /// The yardstick is frozen: editing the gold to follow the extractor would hide the very
    /// regressions it exists to show. A deliberate correction updates the counts with it.
    pub fn assert_gold_size(&self) {
        let report = self.report();
        assert_eq!(report.legs.gold, self.gold_legs, "gold legs");
        assert_eq!(
            report.contacts.gold, self.gold_contacts,
            "gold meeting contacts"
        );
    }

    /// Every gold file names its traveller and uses only the modes, statuses and kinds of
    /// ANNOTATION.md.
    pub fn assert_gold_values(&self) {
        for path in self.gold_files() {
            let raw = std::fs::read_to_string(&path).expect("readable gold file");
            let gold: serde_json::Value = serde_json::from_str(&raw).expect("gold file is JSON");
            let name = path.display();
            assert!(gold["traveller"].is_string(), "{name}: traveller");
            for leg in gold["legs"].as_array().expect("legs array") {
                assert_allowed(&leg["mode"], &MODES, true, &name);
                assert_allowed(&leg["status"], &STATUSES, false, &name);
            }
            for meeting in gold["meetings"].as_array().expect("meetings array") {
                assert_allowed(&meeting["kind"], &KINDS, false, &name);
                assert_allowed(&meeting["status"], &STATUSES, false, &name);
            }
        }
    }

    fn gold_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir())
            .expect("readable corpus folder")
            .map(|e| e.expect("folder entry").path())
            .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
            .collect();
        files.sort();
        assert_eq!(files.len(), self.documents, "one gold file per document");
        files
    }
}

fn assert_allowed(
    value: &serde_json::Value,
    allowed: &[&str],
    nullable: bool,
    file: &impl std::fmt::Display,
) {
    match value.as_str() {
        Some(v) => assert!(
            allowed.contains(&v),
            "{file}: `{v}` is not one of {allowed:?}"
        ),
        None => assert!(
            nullable && value.is_null(),
            "{file}: missing value, expected one of {allowed:?}"
        ),
    }
}
