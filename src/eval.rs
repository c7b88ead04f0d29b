//! Scoring extraction against gold annotations, as `../shared/corpus/ANNOTATION.md` defines
//! it: legs match on from, to and date (a gold `null` matches anything); meetings are scored
//! as contacts (one per named participant, matched by surname, or one (date, place, kind)
//! contact for a meeting with nobody named); each gold item matches at most one extracted
//! item; precision, recall and F1 are micro-averaged over all documents.
//!
//! Places match after case and diacritic folding and aliases, and a predicted place matches
//! a gold country when it lies in that country. Reading the gold directory is the only I/O;
//! scoring itself is pure.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::{Document, LegDraft, MeetingDraft, MeetingKind, PartOfDay, Place, parse_enum};
use crate::extract::{self, DocumentExtraction};
use crate::fold::fold;
use crate::gazetteer::Gazetteer;
use crate::ingest;

/// Why a gold directory could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a gold file: {source}", path.display())]
    BadGold {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{0}")]
    BadDocument(#[from] ingest::Skipped),
    #[error("no document with a gold file in {}", .0.display())]
    Empty(PathBuf),
}

/// What a careful reader takes out of one document (the `NAME.gold.json` format).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Gold {
    #[serde(default)]
    pub traveller: Option<String>,
    #[serde(default)]
    pub legs: Vec<GoldLeg>,
    #[serde(default)]
    pub meetings: Vec<GoldMeeting>,
}

/// A gold leg. `None` places and dates match anything.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GoldLeg {
    pub from: Option<String>,
    #[serde(default)]
    pub from_country: Option<String>,
    pub to: Option<String>,
    #[serde(default)]
    pub to_country: Option<String>,
    #[serde(default)]
    pub via: Vec<String>,
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    /// Optional: annotators may add it; part-of-day accuracy is computed where present.
    #[serde(default)]
    pub part_of_day: Option<String>,
}

/// A gold meeting. `None` place and date match anything.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GoldMeeting {
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    pub kind: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub part_of_day: Option<String>,
}

/// Counts of one item type: true positives, extracted items, gold items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    /// Matched over predicted; 1.0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    /// Matched over gold; 1.0 when there is no gold item.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.matched += other.matched;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Agreement on an attribute of matched items: how many agree out of how many were compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accuracy {
    pub correct: usize,
    pub compared: usize,
}

impl Accuracy {
    fn record(&mut self, agrees: bool) {
        self.compared += 1;
        self.correct += usize::from(agrees);
    }

    fn add(&mut self, other: Accuracy) {
        self.correct += other.correct;
        self.compared += other.compared;
    }
}

impl fmt::Display for Accuracy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.compared == 0 {
            write!(f, "n/a (nothing to compare)")
        } else {
            let share = self.correct as f64 / self.compared as f64;
            write!(f, "{share:.3} ({}/{})", self.correct, self.compared)
        }
    }
}

/// A gold item nobody extracted, or an extracted item no gold item matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discrepancy {
    pub document: String,
    /// "missed" or "extra".
    pub what: &'static str,
    pub item: String,
    /// The sentence behind an extra item.
    pub sentence: Option<String>,
}

/// The scores of one document or of a whole directory.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub documents: usize,
    pub legs: Counts,
    pub contacts: Counts,
    /// Matched legs and contacts whose date equals the gold date.
    pub date: Accuracy,
    /// Matched items whose part of day equals the gold one, where the gold gives one.
    pub part_of_day: Accuracy,
    /// Matched contacts whose meeting kind equals the gold kind.
    pub kind: Accuracy,
    pub discrepancies: Vec<Discrepancy>,
    /// Per document: name, leg counts, contact counts.
    pub per_document: Vec<(String, Counts, Counts)>,
}

impl Report {
    fn add(&mut self, other: Report) {
        self.documents += other.documents;
        self.legs.add(other.legs);
        self.contacts.add(other.contacts);
        self.date.add(other.date);
        self.part_of_day.add(other.part_of_day);
        self.kind.add(other.kind);
        self.discrepancies.extend(other.discrepancies);
        self.per_document.extend(other.per_document);
    }

    /// The score table, and with `verbose` every miss and extra.
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "documents: {}", self.documents);
        let _ = writeln!(
            out,
            "{:<9} {:>9} {:>9} {:>9}   matched/predicted/gold",
            "", "P", "R", "F1"
        );
        for (name, c) in [("legs", self.legs), ("meetings", self.contacts)] {
            let _ = writeln!(
                out,
                "{name:<9} {:>9.3} {:>9.3} {:>9.3}   {}/{}/{}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.matched,
                c.predicted,
                c.gold
            );
        }
        let _ = writeln!(out, "date accuracy:        {}", self.date);
        let _ = writeln!(out, "part-of-day accuracy: {}", self.part_of_day);
        let _ = writeln!(out, "kind accuracy:        {}", self.kind);
        if verbose {
            for (name, legs, contacts) in &self.per_document {
                let _ = writeln!(
                    out,
                    "{name}: legs {}/{}/{}, meetings {}/{}/{}",
                    legs.matched,
                    legs.predicted,
                    legs.gold,
                    contacts.matched,
                    contacts.predicted,
                    contacts.gold
                );
            }
            for d in &self.discrepancies {
                let _ = writeln!(out, "{} {}: {}", d.document, d.what, d.item);
                if let Some(sentence) = &d.sentence {
                    let _ = writeln!(out, "    in: {sentence}");
                }
            }
        }
        out
    }
}

/// Extracts every `NAME.txt` of `dir` that has a `NAME.gold.json` beside it and scores it.
/// Fails when a file cannot be read, a gold file does not parse, or there is nothing to score.
pub fn evaluate_dir(dir: &Path) -> Result<Report, EvalError> {
    let unreadable = |source| EvalError::Unreadable {
        path: dir.to_owned(),
        source,
    };
    let paths = ingest::document_paths(dir).map_err(unreadable)?;
    let gazetteer = Gazetteer::global();
    let mut report = Report::default();
    for path in paths {
        let gold_path = path.with_extension("gold.json");
        if !gold_path.is_file() {
            continue;
        }
        let gold = read_gold(&gold_path)?;
        let doc = ingest::read_document(&path)?;
        let extraction = extract::extract(&doc, gazetteer);
        report.add(score_document(&doc, &extraction, &gold, gazetteer));
    }
    if report.documents == 0 {
        return Err(EvalError::Empty(dir.to_owned()));
    }
    Ok(report)
}

/// Reads a `NAME.gold.json` file.
pub fn read_gold(path: &Path) -> Result<Gold, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Unreadable {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&raw).map_err(|source| EvalError::BadGold {
        path: path.to_owned(),
        source,
    })
}

/// Scores one document's extraction against its gold.
pub fn score_document(
    doc: &Document,
    extraction: &DocumentExtraction,
    gold: &Gold,
    gazetteer: &Gazetteer,
) -> Report {
    let places = PlaceMatcher { gazetteer };
    let mut report = Report {
        documents: 1,
        ..Report::default()
    };
    score_legs(
        &doc.name,
        &extraction.legs,
        &gold.legs,
        &places,
        &mut report,
    );
    score_contacts(
        &doc.name,
        &extraction.meetings,
        &gold.meetings,
        &places,
        &mut report,
    );
    report.per_document = vec![(doc.name.clone(), report.legs, report.contacts)];
    report
}

fn score_legs(
    document: &str,
    predicted: &[LegDraft],
    gold: &[GoldLeg],
    places: &PlaceMatcher<'_>,
    report: &mut Report,
) {
    let pairs = best_matching(
        gold.len(),
        predicted.len(),
        |g, p| {
            let (g, p) = (&gold[g], &predicted[p]);
            places.matches(
                p.origin.as_ref(),
                g.from.as_deref(),
                g.from_country.as_deref(),
            ) && places.matches(
                p.destination.as_ref(),
                g.to.as_deref(),
                g.to_country.as_deref(),
            ) && date_matches(p.date, g.date)
        },
        |g, p| predicted[p].date == gold[g].date,
    );
    for &(g, p) in &pairs {
        report.date.record(predicted[p].date == gold[g].date);
        record_part_of_day(
            report,
            gold[g].part_of_day.as_deref(),
            predicted[p].part_of_day,
        );
    }
    report.legs = Counts {
        matched: pairs.len(),
        predicted: predicted.len(),
        gold: gold.len(),
    };
    let (missed, extra) = unmatched(&pairs, gold.len(), predicted.len());
    for g in missed {
        report.discrepancies.push(Discrepancy {
            document: document.to_owned(),
            what: "missed leg",
            item: describe_gold_leg(&gold[g]),
            sentence: None,
        });
    }
    for p in extra {
        report.discrepancies.push(Discrepancy {
            document: document.to_owned(),
            what: "extra leg",
            item: describe_leg(&predicted[p]),
            sentence: predicted[p].source.as_ref().map(|s| s.sentence.clone()),
        });
    }
}

/// One scored unit of a meeting: a named participant, or the meeting itself when it names
/// nobody.
struct Contact<'a> {
    meeting: usize,
    date: Option<NaiveDate>,
    person: Option<&'a str>,
}

fn gold_contacts(meetings: &[GoldMeeting]) -> Vec<Contact<'_>> {
    let mut contacts = Vec::new();
    for (i, m) in meetings.iter().enumerate() {
        push_contacts(
            &mut contacts,
            i,
            m.date,
            m.participants.iter().map(String::as_str),
        );
    }
    contacts
}

fn predicted_contacts(meetings: &[MeetingDraft]) -> Vec<Contact<'_>> {
    let mut contacts = Vec::new();
    for (i, m) in meetings.iter().enumerate() {
        push_contacts(
            &mut contacts,
            i,
            m.date,
            m.participants.iter().map(|p| p.name.as_str()),
        );
    }
    contacts
}

fn push_contacts<'a>(
    contacts: &mut Vec<Contact<'a>>,
    meeting: usize,
    date: Option<NaiveDate>,
    names: impl Iterator<Item = &'a str>,
) {
    let before = contacts.len();
    contacts.extend(names.map(|name| Contact {
        meeting,
        date,
        person: Some(name),
    }));
    if contacts.len() == before {
        contacts.push(Contact {
            meeting,
            date,
            person: None,
        });
    }
}

fn score_contacts(
    document: &str,
    predicted: &[MeetingDraft],
    gold: &[GoldMeeting],
    places: &PlaceMatcher<'_>,
    report: &mut Report,
) {
    let (gc, pc) = (gold_contacts(gold), predicted_contacts(predicted));
    let pairs = best_matching(
        gc.len(),
        pc.len(),
        |g, p| {
            let (g, p) = (&gc[g], &pc[p]);
            let (gm, pm) = (&gold[g.meeting], &predicted[p.meeting]);
            date_matches(p.date, g.date)
                && match (g.person, p.person) {
                    (Some(gp), Some(pp)) => same_person(gp, pp),
                    (None, None) => {
                        parse_enum::<MeetingKind>(&gm.kind) == Some(pm.kind)
                            && places.matches(
                                pm.place.as_ref(),
                                gm.place.as_deref(),
                                gm.country.as_deref(),
                            )
                    }
                    _ => false,
                }
        },
        |g, p| {
            let (gm, pm) = (&gold[gc[g].meeting], &predicted[pc[p].meeting]);
            parse_enum::<MeetingKind>(&gm.kind) == Some(pm.kind) && pm.date == gm.date
        },
    );
    for &(g, p) in &pairs {
        let (gm, pm) = (&gold[gc[g].meeting], &predicted[pc[p].meeting]);
        report.date.record(pm.date == gm.date);
        report
            .kind
            .record(parse_enum::<MeetingKind>(&gm.kind) == Some(pm.kind));
        record_part_of_day(report, gm.part_of_day.as_deref(), pm.part_of_day);
    }
    report.contacts = Counts {
        matched: pairs.len(),
        predicted: pc.len(),
        gold: gc.len(),
    };
    let (missed, extra) = unmatched(&pairs, gc.len(), pc.len());
    for g in missed {
        report.discrepancies.push(Discrepancy {
            document: document.to_owned(),
            what: "missed meeting",
            item: describe_gold_meeting(&gold[gc[g].meeting], gc[g].person),
            sentence: None,
        });
    }
    for p in extra {
        let meeting = &predicted[pc[p].meeting];
        report.discrepancies.push(Discrepancy {
            document: document.to_owned(),
            what: "extra meeting",
            item: describe_meeting(meeting, pc[p].person),
            sentence: meeting.source.as_ref().map(|s| s.sentence.clone()),
        });
    }
}

fn record_part_of_day(report: &mut Report, gold: Option<&str>, predicted: Option<PartOfDay>) {
    if let Some(gold) = gold {
        report
            .part_of_day
            .record(parse_enum::<PartOfDay>(gold) == predicted);
    }
}

fn date_matches(predicted: Option<NaiveDate>, gold: Option<NaiveDate>) -> bool {
    gold.is_none() || predicted == gold
}

/// Two names of one person: equal surnames (the last word that is not a generational suffix
/// such as "II" or "Jr."), after folding.
pub fn same_person(gold: &str, predicted: &str) -> bool {
    let (g, p) = (fold(gold), fold(predicted));
    if g == p {
        return true;
    }
    match (surname(&g), surname(&p)) {
        (Some(gs), Some(ps)) => gs == ps,
        _ => false,
    }
}

fn surname(folded: &str) -> Option<&str> {
    const SUFFIXES: [&str; 7] = ["ii", "iii", "iv", "jr", "jr.", "sr", "sr."];
    folded
        .split([' ', ','])
        .rev()
        .find(|w| !w.is_empty() && !SUFFIXES.contains(w))
}

/// Place comparison with the gazetteer's knowledge of aliases and countries.
struct PlaceMatcher<'a> {
    gazetteer: &'a Gazetteer,
}

impl PlaceMatcher<'_> {
    /// True when `predicted` is the gold place: a gold `None` matches anything; names equal
    /// after folding (also without a ", qualifier"); both names resolve to the same place;
    /// or the gold place is a country the predicted place lies in.
    fn matches(
        &self,
        predicted: Option<&Place>,
        gold: Option<&str>,
        gold_country: Option<&str>,
    ) -> bool {
        let Some(gold) = gold else { return true };
        let Some(predicted) = predicted else {
            return false;
        };
        if same_name(&predicted.name, gold) {
            return true;
        }
        if let Some(country) = self.gazetteer.country(gold) {
            return self.in_country(predicted, &country.code);
        }
        let context: Vec<&str> = gold_country
            .and_then(|c| self.gazetteer.country(c))
            .map(|c| vec![c.code.as_str()])
            .unwrap_or_default();
        let resolved = self.gazetteer.resolve(gold, &context);
        resolved.lat.is_some()
            && resolved.lat == predicted.lat
            && resolved.lon == predicted.lon
            && resolved.country_code == predicted.country_code
    }

    fn in_country(&self, place: &Place, code: &str) -> bool {
        if place.country_code.as_deref() == Some(code) {
            return true;
        }
        let named = |name: &str| self.gazetteer.country(name).is_some_and(|c| c.code == code);
        named(&place.name) || place.country.as_deref().is_some_and(named)
    }
}

fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (place_key(a), place_key(b));
    a == b || head(&a) == head(&b) && !head(&a).is_empty()
}

/// Folded, with a leading "the" dropped and typographic variants unified.
fn place_key(name: &str) -> String {
    let folded = fold(name);
    let trimmed = folded.strip_prefix("the ").unwrap_or(&folded);
    trimmed.replace(['\'', '.'], "")
}

/// The part before a ", qualifier" ("washington, dc" → "washington").
fn head(key: &str) -> &str {
    key.split(',').next().unwrap_or(key).trim()
}

/// A maximum one-to-one matching between gold items and predicted items (augmenting paths),
/// as `(gold, predicted)` pairs sorted by gold index. Pairs that are also `preferred` (same
/// kind and date) are matched first, so attribute accuracy is measured on the best pairing;
/// augmenting never unmatches an item, so the size stays maximal. Deterministic.
fn best_matching(
    gold: usize,
    predicted: usize,
    compatible: impl Fn(usize, usize) -> bool,
    preferred: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let edges: Vec<Vec<usize>> = (0..gold)
        .map(|g| (0..predicted).filter(|&p| compatible(g, p)).collect())
        .collect();
    let strict: Vec<Vec<usize>> = edges
        .iter()
        .enumerate()
        .map(|(g, ps)| ps.iter().copied().filter(|&p| preferred(g, p)).collect())
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; predicted];
    for g in 0..gold {
        let mut seen = vec![false; predicted];
        augment(g, &strict, &mut owner, &mut seen);
    }
    for g in 0..gold {
        if owner.contains(&Some(g)) {
            continue;
        }
        let mut seen = vec![false; predicted];
        augment(g, &edges, &mut owner, &mut seen);
    }
    let mut pairs: Vec<(usize, usize)> = owner
        .iter()
        .enumerate()
        .filter_map(|(p, g)| g.map(|g| (g, p)))
        .collect();
    pairs.sort_unstable();
    pairs
}

fn augment(g: usize, edges: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &p in &edges[g] {
        if seen[p] {
            continue;
        }
        seen[p] = true;
        if owner[p].is_none_or(|other| augment(other, edges, owner, seen)) {
            owner[p] = Some(g);
            return true;
        }
    }
    false
}

fn unmatched(pairs: &[(usize, usize)], gold: usize, predicted: usize) -> (Vec<usize>, Vec<usize>) {
    let missed = (0..gold)
        .filter(|g| !pairs.iter().any(|(pg, _)| pg == g))
        .collect();
    let extra = (0..predicted)
        .filter(|p| !pairs.iter().any(|(_, pp)| pp == p))
        .collect();
    (missed, extra)
}

fn show_date(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "date ?".to_owned(), |d| d.to_string())
}

fn show_place(place: Option<&Place>) -> String {
    place.map_or_else(|| "?".to_owned(), |p| p.name.clone())
}

fn describe_leg(leg: &LegDraft) -> String {
    format!(
        "{} -> {} {} ({:?})",
        show_place(leg.origin.as_ref()),
        show_place(leg.destination.as_ref()),
        show_date(leg.date),
        leg.status
    )
}

fn describe_gold_leg(leg: &GoldLeg) -> String {
    format!(
        "{} -> {} {} ({})",
        leg.from.as_deref().unwrap_or("?"),
        leg.to.as_deref().unwrap_or("?"),
        show_date(leg.date),
        leg.status.as_deref().unwrap_or("?")
    )
}

fn describe_meeting(meeting: &MeetingDraft, person: Option<&str>) -> String {
    format!(
        "{:?} {} in {} with {}",
        meeting.kind,
        show_date(meeting.date),
        show_place(meeting.place.as_ref()),
        person.unwrap_or("nobody named")
    )
}

fn describe_gold_meeting(meeting: &GoldMeeting, person: Option<&str>) -> String {
    format!(
        "{} {} in {} with {}",
        meeting.kind,
        show_date(meeting.date),
        meeting.place.as_deref().unwrap_or("?"),
        person.unwrap_or("nobody named")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Participant, Status};

    fn day(m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2022, m, d)
    }

    fn place(name: &str, country: &str, code: &str) -> Place {
        Place {
            name: name.into(),
            country: Some(country.into()),
            country_code: Some(code.into()),
            lat: None,
            lon: None,
        }
    }

    fn leg(from: Option<Place>, to: Option<Place>, date: Option<NaiveDate>) -> LegDraft {
        LegDraft {
            origin: from,
            destination: to,
            via: Vec::new(),
            date,
            part_of_day: None,
            mode: None,
            status: Status::Completed,
            inferred: false,
            source: None,
        }
    }

    fn meeting(names: &[&str], date: Option<NaiveDate>, kind: MeetingKind) -> MeetingDraft {
        MeetingDraft {
            date,
            part_of_day: None,
            place: Some(place("Lima", "Peru", "PE")),
            kind,
            participants: names
                .iter()
                .map(|n| Participant {
                    name: (*n).into(),
                    role: None,
                    country: None,
                })
                .collect(),
            summary: None,
            status: Status::Completed,
            source: None,
        }
    }

    fn gold(json: &str) -> Gold {
        serde_json::from_str(json).unwrap()
    }

    fn score(legs: Vec<LegDraft>, meetings: Vec<MeetingDraft>, gold: &Gold) -> Report {
        let doc = Document::parse("t.txt", " date 2022-05-01 Text.".into()).unwrap();
        let extraction = DocumentExtraction {
            document: doc.name.clone(),
            title: None,
            traveller: None,
            legs,
            meetings,
            leg_rules: Vec::new(),
            meeting_rules: Vec::new(),
            notes: Vec::new(),
        };
        score_document(&doc, &extraction, gold, Gazetteer::global())
    }

    #[test]
    fn gold_null_matches_anything_but_a_predicted_null_does_not_match_a_gold_place() {
        let g = gold(
            r#"{"legs": [{"from": null, "to": "Lima", "date": null},
                                  {"from": "Quito", "to": "Cusco", "date": "2022-04-02"}]}"#,
        );
        let lima = place("Lima", "Peru", "PE");
        let cusco = place("Cusco", "Peru", "PE");
        let r = score(
            vec![
                leg(Some(place("Quito", "Ecuador", "EC")), Some(lima), day(4, 1)),
                leg(None, Some(cusco), day(4, 2)),
            ],
            Vec::new(),
            &g,
        );
        assert_eq!(
            r.legs,
            Counts {
                matched: 1,
                predicted: 2,
                gold: 2
            }
        );
        assert_eq!(r.discrepancies.len(), 2);
    }

    #[test]
    fn a_city_matches_a_gold_country_it_lies_in_after_folding() {
        let places = PlaceMatcher {
            gazetteer: Gazetteer::global(),
        };
        let city = place("Rzeszów", "Poland", "PL");
        assert!(places.matches(Some(&city), Some("rzeszow"), None));
        assert!(places.matches(Some(&city), Some("Rzeszów, Poland"), None));
        assert!(!places.matches(Some(&city), Some("Warsaw"), Some("Poland")));
    }

    #[test]
    fn contacts_count_participants_by_surname_and_ignore_splitting() {
        let g = gold(
            r#"{"meetings": [{"date": "2022-04-26", "place": "Lima",
            "participants": ["Ana María Pérez", "Luis Soto"], "kind": "meeting"}]}"#,
        );
        let split = vec![
            meeting(&["Pérez"], day(4, 26), MeetingKind::Meeting),
            meeting(&["Luis Soto"], day(4, 26), MeetingKind::Meal),
        ];
        let r = score(Vec::new(), split, &g);
        assert_eq!(
            r.contacts,
            Counts {
                matched: 2,
                predicted: 2,
                gold: 2
            }
        );
        assert_eq!(
            r.kind,
            Accuracy {
                correct: 1,
                compared: 2
            }
        );
    }

    #[test]
    fn a_meeting_without_participants_matches_on_date_place_and_kind() {
        let g = gold(
            r#"{"meetings": [{"date": "2022-04-26", "place": "Lima",
            "participants": [], "kind": "press"}]}"#,
        );
        let wrong_kind = score(
            Vec::new(),
            vec![meeting(&[], day(4, 26), MeetingKind::Meal)],
            &g,
        );
        assert_eq!(wrong_kind.contacts.matched, 0);
        let right = score(
            Vec::new(),
            vec![meeting(&[], day(4, 26), MeetingKind::Press)],
            &g,
        );
        assert_eq!(
            right.contacts,
            Counts {
                matched: 1,
                predicted: 1,
                gold: 1
            }
        );
        assert!((right.contacts.f1() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn each_gold_item_matches_at_most_one_prediction() {
        let g = gold(r#"{"legs": [{"from": null, "to": "Lima", "date": null}]}"#);
        let lima = || Some(place("Lima", "Peru", "PE"));
        let r = score(
            vec![leg(None, lima(), None), leg(None, lima(), None)],
            Vec::new(),
            &g,
        );
        assert_eq!(
            r.legs,
            Counts {
                matched: 1,
                predicted: 2,
                gold: 1
            }
        );
        assert!((r.legs.precision() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn surnames_skip_generational_suffixes() {
        assert!(same_person("Tupou Aho Lavaka II", "Lavaka"));
        assert!(!same_person("Sergey Lavrov", "Vladimir Putin"));
    }
}
