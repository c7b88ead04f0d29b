//! Choosing among places that share a name. Context countries come first; then prominence: a
//! country before a division, former state or site, those before an ordinary city; a capital
//! or city of a million before a town. So "Georgia" is the country unless the context is the
//! United States, "Moscow" is Russia's unless the context is the United States, and "Mexico"
//! stays the country even in a US document (Mexico, Missouri is a town).

use serde::Serialize;

use super::key;
use super::{Entry, Gazetteer, Target};
use crate::domain::Place;

/// How a name relates to the place it was found for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameQuality {
    /// The place's own name ("Kyiv", "Russian Federation").
    Primary,
    /// A hand-curated short name or alias ("Russia", "UK", "Washington, D.C.").
    Alias,
    /// A GeoNames alternate name: other languages, old spellings ("Kiev", "Moskau"). Some are
    /// ordinary words or person names elsewhere: be strict with these.
    Alternate,
    /// A demonym or adjective ("Russian", "Soviet"); never resolves as a place.
    Demonym,
}

impl NameQuality {
    /// Lower is better.
    pub(super) fn rank(self) -> u8 {
        match self {
            Self::Primary => 0,
            Self::Alias => 1,
            Self::Alternate => 2,
            Self::Demonym => 3,
        }
    }
}

/// A city found for a name, with what callers need to judge the match.
#[derive(Clone, Debug, PartialEq)]
pub struct CityMatch {
    /// The place, named as asked, with country and coordinates.
    pub place: Place,
    /// The city's GeoNames name ("Kyiv" for "Kiev").
    pub canonical: String,
    pub quality: NameQuality,
    pub population: u32,
    /// The city lies in one of the context countries.
    pub in_context: bool,
    /// A capital or seat of government of a sovereign state.
    pub capital: bool,
}

/// Cities of at least this many inhabitants count as prominent as a capital.
const MAJOR_CITY: u32 = 1_000_000;

fn in_context(code: &str, context: &[&str]) -> bool {
    context.iter().any(|c| c.eq_ignore_ascii_case(code))
}

/// Keys to try for a country name, most literal first: the name; without a leading "the";
/// "Korea, Republic of" turned around; the part before a parenthetical, then inside it.
pub(super) fn name_variants(name: &str) -> Vec<String> {
    let mut variants = vec![key::key(name)];
    let trimmed = name.trim();
    if let Some(rest) = strip_article(trimmed) {
        variants.push(key::key(rest));
    }
    if let Some((head, tail)) = trimmed.rsplit_once(',') {
        variants.push(key::key(&format!("{} {}", tail.trim(), head.trim())));
    }
    if let Some((outside, inside)) = split_parenthetical(trimmed) {
        variants.push(key::key(outside));
        variants.push(key::key(inside));
    }
    variants.retain(|k| !k.is_empty());
    variants
}

fn strip_article(name: &str) -> Option<&str> {
    let head = name.get(..4)?;
    head.eq_ignore_ascii_case("the ").then(|| &name[4..])
}

/// "Denmark (Greenland)" → ("Denmark", "Greenland").
fn split_parenthetical(name: &str) -> Option<(&str, &str)> {
    let (outside, rest) = name.split_once('(')?;
    let (inside, _) = rest.split_once(')')?;
    Some((outside.trim(), inside.trim()))
}

/// Sorts readings of one name: higher is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    weight: u8,
    /// Prefer a country, then a city, division, site, former state (on equal weight).
    kind: std::cmp::Reverse<u8>,
    capital: bool,
    population: u32,
    quality: std::cmp::Reverse<u8>,
}

fn score(g: &Gazetteer, entry: Entry, context: &[&str]) -> Score {
    let (class, kind, code, capital, population) = match entry.target {
        Target::Country(i) => {
            let c = &g.countries[i as usize];
            let (class, kind) = if c.former { (4, 4) } else { (6, 0) };
            (class, kind, c.code.as_str(), false, 0)
        }
        Target::Area(i) => {
            let a = &g.areas[i as usize];
            (4, if a.site { 3 } else { 2 }, a.code.as_str(), false, 0)
        }
        Target::City(i) => {
            let c = &g.cities[i as usize];
            let capital = c.capital || c.seat;
            let class = if capital || c.population >= MAJOR_CITY {
                4
            } else {
                2
            };
            (class, 1, c.country_code(), capital, c.population)
        }
    };
    let context_bonus = if in_context(code, context) { 3 } else { 0 };
    Score {
        weight: class + context_bonus,
        kind: std::cmp::Reverse(kind),
        capital,
        population,
        quality: std::cmp::Reverse(entry.quality.rank()),
    }
}

/// The best place reading among `entries` (demonyms excluded).
pub(super) fn best_entry(g: &Gazetteer, entries: &[Entry], context: &[&str]) -> Option<Entry> {
    entries
        .iter()
        .filter(|e| e.quality != NameQuality::Demonym)
        .max_by_key(|e| score(g, **e, context))
        .copied()
}

/// The place `entry` points at, named `name`.
pub(super) fn place(g: &Gazetteer, entry: Entry, name: &str) -> Place {
    let (country, code, lat, lon) = match entry.target {
        Target::Country(i) => {
            let c = &g.countries[i as usize];
            (Some(c.name.clone()), c.code.clone(), c.lat, c.lon)
        }
        Target::Area(i) => {
            let a = &g.areas[i as usize];
            (
                g.country_name(&a.code),
                a.code.clone(),
                Some(a.lat),
                Some(a.lon),
            )
        }
        Target::City(i) => {
            let c = &g.cities[i as usize];
            let code = c.country_code();
            (
                g.country_name(code),
                code.to_owned(),
                Some(c.lat),
                Some(c.lon),
            )
        }
    };
    Place {
        name: name.to_owned(),
        country,
        country_code: Some(code),
        lat,
        lon,
    }
}

/// The best city among `entries`: in context, then capital, then a major city, then by
/// population, then by name quality.
pub(super) fn best_city(g: &Gazetteer, entries: &[Entry], context: &[&str]) -> Option<CityMatch> {
    let (entry, index) = entries
        .iter()
        .filter_map(|e| match e.target {
            Target::City(i) => Some((*e, i as usize)),
            Target::Country(_) | Target::Area(_) => None,
        })
        .filter(|(e, _)| e.quality != NameQuality::Demonym)
        .max_by_key(|(e, i)| {
            let c = &g.cities[*i];
            (
                in_context(c.country_code(), context),
                c.capital || c.seat,
                c.population >= MAJOR_CITY,
                c.population,
                std::cmp::Reverse(e.quality.rank()),
            )
        })?;
    let city = &g.cities[index];
    Some(CityMatch {
        place: place(g, entry, &city.name),
        canonical: city.name.clone(),
        quality: entry.quality,
        population: city.population,
        in_context: in_context(city.country_code(), context),
        capital: city.capital || city.seat,
    })
}

/// Resolves `name` as written, then with its qualifier ("Paris, France", "St. Louis
/// (Missouri)"), then without a leading article. `None` when nothing matches at all.
pub(super) fn resolve(g: &Gazetteer, name: &str, context: &[&str]) -> Option<Place> {
    let name = name.trim();
    if let Some(place) = resolve_key(g, &key::key(name), name, context) {
        return Some(place);
    }
    if let Some(place) = resolve_qualified(g, name) {
        return Some(place);
    }
    let rest = strip_article(name)?;
    resolve_key(g, &key::key(rest), name, context)
}

fn resolve_key(g: &Gazetteer, key: &str, name: &str, context: &[&str]) -> Option<Place> {
    let entries = g.index.get(key)?;
    best_entry(g, entries, context).map(|e| place(g, e, name))
}

/// "Head, Qualifier" or "Head (Qualifier)" where the qualifier is a country or division: the
/// head is looked for there only. A head unknown there keeps the qualifier's country and no
/// coordinates rather than jumping to a namesake elsewhere.
fn resolve_qualified(g: &Gazetteer, name: &str) -> Option<Place> {
    let (head, qualifier) = split_parenthetical(name)
        .or_else(|| name.rsplit_once(',').map(|(h, q)| (h.trim(), q.trim())))?;
    let scope = g.index.get(key::key(qualifier).as_str())?;
    let scope = best_entry(g, scope, &[])?;
    let (code, admin1) = match scope.target {
        Target::Country(i) => (g.countries[i as usize].code.as_str(), None),
        Target::Area(i) => {
            let a = &g.areas[i as usize];
            (a.code.as_str(), (!a.site).then_some(a.admin1.as_str()))
        }
        Target::City(_) => return None,
    };
    let within = |e: &&Entry| match e.target {
        Target::City(i) => {
            let c = &g.cities[i as usize];
            c.country_code() == code && admin1.is_none_or(|a| a == c.admin1)
        }
        Target::Area(i) => g.areas[i as usize].code == code,
        Target::Country(i) => g.countries[i as usize].code == code,
    };
    let head_entries: Vec<Entry> = g
        .index
        .get(key::key(head).as_str())
        .map(|es| es.iter().filter(within).copied().collect())
        .unwrap_or_default();
    match best_entry(g, &head_entries, &[code]) {
        Some(entry) => Some(place(g, entry, name)),
        None => Some(Place {
            country: g.country_name(code),
            country_code: Some(code.to_owned()),
            ..Place::named(name)
        }),
    }
}
