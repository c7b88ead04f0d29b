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

/// The place `entry` points at, named `name` (an airport known by its own name, "Ninoy
/// Aquino International Airport", by the name of the town it serves).
pub(super) fn place(g: &Gazetteer, entry: Entry, name: &str) -> Place {
    let mut name = name;
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
            if name.ends_with("Airport") {
                name = &c.name;
            }
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
/// (Missouri)"), then without a parenthetical ("Mumbai (Bombay)") or a leading article.
/// `None` when nothing matches at all.
pub(super) fn resolve(g: &Gazetteer, name: &str, context: &[&str]) -> Option<Place> {
    let name = name.trim();
    if let Some(place) = resolve_key(g, &key::key(name), name, context) {
        return Some(place);
    }
    let split = split_parenthetical(name)
        .or_else(|| name.rsplit_once(',').map(|(h, q)| (h.trim(), q.trim())));
    if let Some(place) =
        split.and_then(|(head, qualifier)| resolve_qualified(g, name, head, qualifier, false))
    {
        return Some(place);
    }
    let shorter = split_parenthetical(name)
        .map(|(outside, _)| outside)
        .or_else(|| strip_article(name))?;
    resolve_key(g, &key::key(shorter), name, context)
}

/// Out-of-context cities smaller than this are not taken for a name when context is given:
/// "Deauville" in a French document is the French resort (under 5,000 inhabitants, so not in
/// the gazetteer), not a namesake abroad; nor is a place known abroad only by an alternate
/// name, unless it is a capital or a city of half a million ("Kiev" in a Soviet-era record).
/// An unknown place beats a wrong guess.
const MIN_OUT_OF_CONTEXT: u32 = 50_000;

fn resolve_key(g: &Gazetteer, key: &str, name: &str, context: &[&str]) -> Option<Place> {
    let entry = best_entry(g, g.readings(key)?, context)?;
    if let Target::City(i) = entry.target {
        let city = &g.cities[i as usize];
        let abroad = !context.is_empty() && !in_context(city.country_code(), context);
        let prominent = city.capital || city.seat || city.population >= MAJOR_CITY / 2;
        let minor = !(city.capital || city.seat) && city.population < MIN_OUT_OF_CONTEXT;
        if abroad && (minor || entry.quality == NameQuality::Alternate && !prominent) {
            return None;
        }
    }
    Some(place(g, entry, name))
}

/// Resolves a list of places written in one field ("Moscow, Leningrad, Kiev", "Mexico,
/// D.F., Cuernavaca", "Sydney (Nova Scotia), Campobello Island"): the longest run of
/// comma-separated parts that is a known name or a qualified name is one place; every other
/// part is a place of its own ("and" before the last one dropped). Empty parts are skipped.
pub(super) fn resolve_list(g: &Gazetteer, text: &str, context: &[&str]) -> Vec<Place> {
    let parts: Vec<&str> = split_outside_parentheses(text)
        .into_iter()
        .map(|p| strip_conjunction(p.trim()))
        .filter(|p| !p.is_empty())
        .collect();
    let mut places = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let (used, place) = resolve_run(g, &parts[i..], context);
        places.push(place);
        i += used;
    }
    places
}

/// The place the first parts of `parts` name, and how many parts it took.
fn resolve_run(g: &Gazetteer, parts: &[&str], context: &[&str]) -> (usize, Place) {
    for n in (2..=parts.len().min(3)).rev() {
        let joined = parts[..n].join(", ");
        let known = g
            .readings(&key::key(&joined))
            .is_some_and(|e| !e.is_empty());
        if known && let Some(place) = resolve_key(g, &key::key(&joined), &joined, context) {
            return (n, place);
        }
    }
    if parts.len() >= 2
        && let Some(place) = resolve_qualified(g, &parts[..2].join(", "), parts[0], parts[1], true)
    {
        return (2, place);
    }
    let place = resolve(g, parts[0], context).unwrap_or_else(|| Place::named(parts[0]));
    (1, place)
}

/// "and Omaha (Nebraska)" → "Omaha (Nebraska)": the last item of a list.
fn strip_conjunction(part: &str) -> &str {
    ["and ", "or "]
        .iter()
        .find_map(|c| {
            part.get(..c.len())
                .filter(|h| h.eq_ignore_ascii_case(c))
                .map(|_| &part[c.len()..])
        })
        .map_or(part, str::trim_start)
}

/// Splits at commas that are not inside parentheses.
fn split_outside_parentheses(text: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0usize, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' | ';' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// `name` is "Head, Qualifier" or "Head (Qualifier)", where the qualifier is a country or division
/// ("Atlanta, Georgia" takes the US state: the reading where the head is found wins). A head
/// unknown there keeps the qualifier's country and no coordinates rather than jumping to a
/// namesake elsewhere; unless `strict`, where it is `None` (in a list, "Guilin, Hong Kong" is
/// two places).
fn resolve_qualified(
    g: &Gazetteer,
    name: &str,
    head: &str,
    qualifier: &str,
    strict: bool,
) -> Option<Place> {
    let mut scopes: Vec<Entry> = g
        .readings(&key::key(qualifier))?
        .iter()
        .filter(|e| e.quality != NameQuality::Demonym && scope_of(g, **e).is_some())
        .copied()
        .collect();
    scopes.sort_by_key(|e| std::cmp::Reverse(score(g, *e, &[])));
    let heads = g.readings(&key::key(head)).unwrap_or_default();
    for scope in &scopes {
        let (code, admin1) = scope_of(g, *scope)?;
        let within: Vec<Entry> = heads
            .iter()
            .filter(|e| lies_in(g, **e, code, admin1))
            .copied()
            .collect();
        if let Some(entry) = best_entry(g, &within, &[code]) {
            return Some(place(g, entry, name));
        }
    }
    if strict {
        return None;
    }
    let (code, _) = scope_of(g, *scopes.first()?)?;
    Some(Place {
        country: g.country_name(code),
        country_code: Some(code.to_owned()),
        ..Place::named(name)
    })
}

/// The country code (and division) a qualifier reading stands for; `None` for cities and
/// sites, which do not qualify ("Paris, Normandy" is two places).
fn scope_of(g: &Gazetteer, entry: Entry) -> Option<(&str, Option<&str>)> {
    match entry.target {
        Target::Country(i) => Some((g.countries[i as usize].code.as_str(), None)),
        Target::Area(i) => {
            let a = &g.areas[i as usize];
            (!a.site).then_some((a.code.as_str(), Some(a.admin1.as_str())))
        }
        Target::City(_) => None,
    }
}

fn lies_in(g: &Gazetteer, entry: Entry, code: &str, admin1: Option<&str>) -> bool {
    match entry.target {
        Target::City(i) => {
            let c = &g.cities[i as usize];
            c.country_code() == code && admin1.is_none_or(|a| a == c.admin1)
        }
        Target::Area(i) => g.areas[i as usize].code == code,
        Target::Country(i) => g.countries[i as usize].code == code,
    }
}
