//! The gazetteer against the Office of the Historian's records (`../shared/datasets/
//! history-state`, read in place, never copied): every country name and slug the dataset uses
//! resolves, and at least 98% of travel locales resolve to coordinates in the record's
//! country context. Skips when the dataset is absent, fails then under `CI=true`.

use std::path::{Path, PathBuf};

use itinerary::gazetteer::Gazetteer;
use quick_xml::Reader;
use quick_xml::events::Event;

/// One `<trip>` stop: the country's slug and name, and the locale.
#[derive(Debug, Default)]
struct Stop {
    slug: String,
    country: String,
    locale: String,
}

fn dataset() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/history-state");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing under CI=true",
        dir.display()
    );
    eprintln!("skipping: {} not found", dir.display());
    None
}

fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable dataset folder")
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

/// Reads the stops of one travels file (`<country id="slug">Name</country>`, `<locale>`) or
/// the visits of one visits file (`<from id="slug">Name</from>`, no locale).
fn stops(path: &Path) -> Vec<Stop> {
    let mut reader = Reader::from_file(path).expect("readable XML");
    let (mut buf, mut stops, mut field) = (Vec::new(), Vec::new(), None::<String>);
    let mut stop = Stop::default();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                if name == "country" || name == "from" {
                    let id = e.try_get_attribute("id").expect("attribute");
                    stop.slug = id.map(|a| a.value.into_owned()).unwrap_or_default();
                }
                field = Some(name);
            }
            Event::Text(t) => push_text(&mut stop, field.as_deref(), &t.xml10_content()),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().expect("character reference") {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r)
                        .unwrap_or_default()
                        .to_owned(),
                };
                push_text(&mut stop, field.as_deref(), &text);
            }
            Event::End(e) => {
                if matches!(e.name().as_ref(), "trip" | "visit") {
                    stops.push(std::mem::take(&mut stop));
                }
                field = None;
            }
            Event::Eof => return stops,
            _ => {}
        }
    }
}

fn push_text(stop: &mut Stop, field: Option<&str>, text: &str) {
    match field {
        Some("country" | "from") => stop.country.push_str(text),
        Some("locale") => stop.locale.push_str(text),
        _ => {}
    }
}

fn all_stops(dir: &Path) -> Vec<Stop> {
    ["president-travels", "secretary-travels"]
        .iter()
        .flat_map(|sub| xml_files(&dir.join("travels").join(sub)))
        .flat_map(|file| stops(&file))
        .collect()
}

#[test]
fn every_country_name_and_slug_in_travels_and_visits_resolves() {
    let Some(dir) = dataset() else { return };
    let g = Gazetteer::global();
    let mut missing: Vec<String> = Vec::new();
    let visits = xml_files(&dir.join("visits").join("data"));
    for stop in all_stops(&dir)
        .into_iter()
        .chain(visits.iter().flat_map(|f| stops(f)))
    {
        for name in [stop.slug.as_str(), stop.country.trim()] {
            if g.country(name).is_none() && !missing.iter().any(|m| m == name) {
                missing.push(name.to_owned());
            }
        }
    }
    assert!(missing.is_empty(), "unknown countries: {missing:?}");
}

/// The countries a stop's places are looked for in: the record's country, the successors of
/// a former state (a Soviet-era stop in Kiev), the territory in a parenthetical ("Denmark
/// (Greenland)").
fn context<'g>(g: &'g Gazetteer, stop: &Stop) -> Vec<&'g str> {
    let mut codes = Vec::new();
    for name in [stop.slug.as_str(), stop.country.trim()] {
        if let Some(country) = g.country(name) {
            codes.push(country.code.as_str());
            codes.extend(country.successors.iter().map(String::as_str));
        }
    }
    if let Some((_, inside)) = stop.country.split_once('(') {
        codes.extend(
            g.country(inside.trim_end_matches(')'))
                .map(|c| c.code.as_str()),
        );
    }
    codes.dedup();
    codes
}

#[test]
fn travel_locales_resolve_to_coordinates() {
    let Some(dir) = dataset() else { return };
    let g = Gazetteer::global();
    let (mut places, mut unresolved, mut abroad) = (0, Vec::new(), 0);
    for stop in all_stops(&dir) {
        let context = context(g, &stop);
        let code = context.first().copied().unwrap_or("");
        let locale = stop.locale.trim();
        let locale = if locale.is_empty() {
            stop.country.trim()
        } else {
            locale
        };
        for place in g.resolve_list(locale, &context) {
            places += 1;
            if place.lat.is_none() {
                unresolved.push(format!("{} ({code}) in {locale:?}", place.name));
            } else if !context.contains(&place.country_code.as_deref().unwrap_or("")) {
                abroad += 1;
            }
        }
    }
    let share = 1.0 - unresolved.len() as f64 / places as f64;
    println!(
        "{places} places named in travel locales, {} with coordinates ({:.1}%), {abroad} of \
         them outside the record's country",
        places - unresolved.len(),
        share * 100.0
    );
    unresolved.sort();
    for line in &unresolved {
        println!("unresolved: {line}");
    }
    assert!(share >= 0.98, "only {:.1}% resolved", share * 100.0);
}
