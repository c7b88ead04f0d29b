//! Places: the cities, countries and sites a sentence names, resolved against the gazetteer
//! with the document's countries as context, and the unknown places the syntax implies
//! ("the town of X", "X Air Base"), kept as named places without coordinates rather than
//! guessed. Depends on `segment` and the gazetteer.

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::Place;
use crate::extract::lexicon::{NOT_PERSON, PARTICLES};
use crate::extract::segment::{Word, words};
use crate::gazetteer::{Gazetteer, MentionKind};

/// What a place mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    City,
    /// A province, state, island or area: more than a city, less than a country.
    Region,
    /// A venue: an airport, a base, a building.
    Site,
    /// A name the syntax says is a place but the gazetteer does not know.
    Unknown,
}

/// A place named in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    pub place: Place,
    pub kind: PlaceKind,
}

impl PlaceMention {
    /// A city, region or country: somewhere a traveller can go, as opposed to a venue.
    pub fn is_destination(&self) -> bool {
        !matches!(self.kind, PlaceKind::Site)
    }
}

/// Words after a place name that make it a venue in or near that place ("Dublin Airport",
/// "Incirlik Air Base") or an area ("Hatay province").
const FACILITY: &[&[&str]] = &[
    &["international", "airport"],
    &["airport"],
    &["air", "base"],
    &["airbase"],
    &["air", "force", "base"],
    &["air", "force", "station"],
    &["national", "park"],
    &["national", "reserve"],
];

/// The last words of names of natural places ("King George Island").
const GEOGRAPHIC: &[&str] = &[
    "island",
    "islands",
    "peninsula",
    "glacier",
    "delta",
    "valley",
    "coast",
    "bay",
    "lake",
    "mountain",
    "mountains",
    "desert",
    "archipelago",
];

/// Month and day names: "from Jan. 18" starts a date, not a place.
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Nouns of venues not in the organisation list ("transit centre", "refugee settlement").
const VENUES: &[&str] = &[
    "transit",
    "refugee",
    "camp",
    "settlement",
    "compound",
    "facility",
    "shelter",
    "site",
    "headquarters",
    "clinic",
    "market",
    "factory",
    "mine",
    "dam",
    "port",
    "terminal",
    "neighbourhood",
    "neighborhood",
    "township",
    "slum",
    "pavilion",
    "exhibition",
    "museum",
    "memorial",
    "monument",
    "cemetery",
    "hotel",
    "residence",
    "stadium",
    "arena",
];

/// Words that open a building's name: "the Villa d'Accueil", "Palais de la Nation".
const BUILDING_NAMES: &[&str] = &["villa", "palais", "palazzo", "casa", "maison", "quinta"];

/// After a name: ", the main Muslim neighbourhood of ...": the name is a part of a town.
static PART_OF_TOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,\s+(?:the|a)\s+(?:[\w-]+\s+){0,3}(?:neighbou?rhood|district|quarter|suburb|township|slum)\s+of\s")
        .expect("part-of-town pattern compiles")
});

const AREA: &[&str] = &[
    "province",
    "region",
    "state",
    "district",
    "governorate",
    "county",
];

/// The places of `sentence`, in order, none inside `exclude` (the spans of people's names).
/// Names the gazetteer flags as possibly not places ("Jordan", "Victoria") count only after
/// a preposition. Cities are re-resolved with the document's countries (`context`).
pub fn mentions(
    sentence: &str,
    gazetteer: &Gazetteer,
    context: &[&str],
    exclude: &[(usize, usize)],
) -> Vec<PlaceMention> {
    mentions_in(
        sentence,
        gazetteer,
        context,
        exclude,
        &gazetteer.mentions(sentence),
        &words(sentence),
    )
}

/// Like [`mentions`], with the gazetteer's names in `sentence` already found and the
/// sentence cut into words (`segment::words`).
pub fn mentions_in(
    sentence: &str,
    gazetteer: &Gazetteer,
    context: &[&str],
    exclude: &[(usize, usize)],
    names: &[crate::gazetteer::PlaceMention],
    ws: &[Word<'_>],
) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    for found in names {
        let (start, mut end) = (found.span.start, found.span.end);
        let excluded = exclude.iter().any(|&(a, b)| start < b && a < end);
        // "the Cairo Conference", "the Munich Security Conference": a name that opens the
        // name of an event or venue is that place's, whatever else it may name
        let opens_venue = || {
            ws.iter()
                .position(|w| w.start >= end)
                .is_some_and(|next| venue_name(sentence, ws, next).is_some())
        };
        let unvouched = found.ambiguous && !after_cue(sentence, start) && !opens_venue();
        let written = &sentence[start..end];
        // "UN", "AU": an abbreviation, not the town of that name
        let abbreviation = found.kind == MentionKind::City
            && written.len() <= 4
            && written.chars().all(|c| c.is_uppercase() || c == '.');
        if abbreviation {
            continue;
        }
        if found.kind == MentionKind::Demonym && !excluded {
            if let Some(capital) = capital_named(sentence, gazetteer, found, None) {
                out.push(capital);
            }
            continue;
        }
        // "the Kazakh capital": a demonym that is also a town's name (Qazax) names the capital
        if found.kind == MentionKind::City
            && !excluded
            && let Some(country) = gazetteer.demonym(written)
            && let Some(capital) = capital_named(sentence, gazetteer, found, Some(&country.code))
        {
            out.push(capital);
            continue;
        }
        if excluded || unvouched || ENGLISH.iter().any(|w| written.eq_ignore_ascii_case(w)) {
            continue;
        }
        // "a Toyota battery plant", "an Osaka firm": a name used as an attribute
        if found.kind == MentionKind::City && after_indefinite_article(&sentence[..start]) {
            continue;
        }
        let mut kind = match found.kind {
            MentionKind::Country | MentionKind::FormerCountry => PlaceKind::Country,
            MentionKind::City => PlaceKind::City,
            _ => PlaceKind::Region,
        };
        let mut place = if kind == PlaceKind::City {
            let mut place = gazetteer.resolve(&sentence[start..end], context);
            // "Ninoy Aquino International Airport": an airport known by its own name stands
            // for the town it serves, named as the gazetteer names it
            if !sentence[start..end].ends_with("Airport") {
                place.name = sentence[start..end].to_owned();
            }
            place
        } else {
            found.place.clone()
        };
        // "Torres del Paine", "the Temple of Heaven", "the Grave of the Unknown Warrior": the
        // start of a longer name the gazetteer does not know
        let after_the = sentence[..start].trim_end().ends_with(" the");
        // "Ise-Shima": a known town joined by a hyphen to another capitalised word
        let hyphened = sentence[end..]
            .strip_prefix('-')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        let longer = hyphened
            || ws.iter().position(|w| w.start >= end).is_some_and(|next| {
                next > 0
                    && joined(sentence, ws, next - 1)
                    && (PARTICLES.contains(ws[next].key()) || after_the && ws[next].key() == "of")
                    && joined(sentence, ws, next)
                    && (ws.get(next + 1).is_some_and(Word::capitalised)
                        // "the Grave of the Unknown Warrior"
                        || after_the
                            && ws.get(next + 1).is_some_and(|w| w.key() == "the")
                            && ws.get(next + 2).is_some_and(Word::capitalised))
            });
        // "Rzeszów-Jasionka Airport": the airport named after the town and its district
        // lies at the town
        let town_airport = hyphened
            .then(|| TOWN_AIRPORT.find(&sentence[end..]))
            .flatten()
            .map(|m| end + m.end());
        if let Some(airport_end) = town_airport.filter(|_| kind == PlaceKind::City) {
            out.push(PlaceMention {
                start,
                end: airport_end,
                place,
                kind,
            });
            continue;
        }
        if longer && kind == PlaceKind::City {
            continue;
        }
        if let Some(next) = ws.iter().position(|w| w.start >= end) {
            if kind == PlaceKind::City && ws[next].text == "City" && joined(sentence, ws, next - 1)
            {
                // "Fukushima City": the city, named as its municipality
                end = ws[next].end;
            } else if let Some(airport_end) = named_airport(sentence, ws, next)
                .filter(|_| !possessive_at(&sentence[end..]) && !capital(gazetteer, &place))
            {
                // "Aden Adde International Airport": an airport whose name only begins with
                // a town's
                end = airport_end;
                kind = PlaceKind::Site;
                place = Place::named(&sentence[start..end]);
            } else if let Some(venue_end) = venue_name(sentence, ws, next) {
                // "the Nagasaki Atomic Bomb Museum": a venue that bears the city's name
                end = venue_end;
                kind = PlaceKind::Site;
            } else if let Some(extra) = suffix_words(sentence, ws, next, FACILITY) {
                end = ws[next + extra - 1].end;
                // "Haneda Airport, Tokyo", "Palam Air Force Station in New Delhi": the city
                // named next is the place (the airport's district is no town of its own)
                if kind == PlaceKind::City && city_named_next(&sentence[end..]) {
                    continue;
                }
                if kind != PlaceKind::Country {
                    kind = PlaceKind::City;
                }
            } else if area_word(sentence, ws, next) {
                end = ws[next].end;
                kind = PlaceKind::Region;
            } else if let Some(venue_end) = common_venue(sentence, ws, next, start) {
                // "at the Baabda presidential palace": a building named after its town
                end = venue_end;
                kind = PlaceKind::Site;
            }
        }
        out.push(PlaceMention {
            start,
            end,
            place,
            kind,
        });
    }
    out
}

/// "the Ukrainian capital": the capital of the demonym's country (of `code`, when given),
/// spanning the demonym and the noun.
fn capital_named(
    sentence: &str,
    gazetteer: &Gazetteer,
    demonym: &crate::gazetteer::PlaceMention,
    code: Option<&str>,
) -> Option<PlaceMention> {
    let (start, end) = (demonym.span.start, demonym.span.end);
    let after = &sentence[end..];
    let noun = after.len() - after.trim_start().len() + "capital".len();
    let is_capital = after.trim_start().starts_with("capital")
        && !after
            .trim_start()
            .as_bytes()
            .get("capital".len())
            .is_some_and(u8::is_ascii_alphanumeric);
    if !is_capital || !ends_with_the(&sentence[..start]) {
        return None;
    }
    let code = code.or(demonym.place.country_code.as_deref())?;
    Some(PlaceMention {
        start,
        end: end + noun,
        place: gazetteer.capital(code)?,
        kind: PlaceKind::City,
    })
}

/// `text` ends in the word "a" or "an", in any case, before trailing spaces.
fn after_indefinite_article(text: &str) -> bool {
    let text = text.trim_end();
    let word = text.rsplit(' ').next().unwrap_or(text);
    word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an")
}

/// `text` ends in "the", in any case, before trailing spaces. Compared over bytes: no
/// character but the ASCII letters lower-cases to "t", "h" or "e".
fn ends_with_the(text: &str) -> bool {
    let text = text.trim_end().as_bytes();
    text.len() >= 3 && text[text.len() - 3..].eq_ignore_ascii_case(b"the")
}

/// English words that are also names of small towns somewhere ("To", "Of", "Is"), compared
/// in any ASCII case (no other letter lower-cases to one of theirs).
const ENGLISH: &[&str] = &[
    "to", "of", "is", "as", "at", "by", "be", "do", "go", "he", "if", "in", "it", "no", "on", "or",
    "so", "up", "we", "an", "am", "us", "more", "most", "mobile", "union", "reading", "split",
    "nice", "bath", "deal", "march", "may", "young", "man", "hope", "marathon",
];

/// Capitalised words from word `at` (joined to the place before) that end in a venue or
/// body word ("Atomic Bomb Museum", "Peace Memorial Hall"): the end of that venue's name.
fn venue_name(sentence: &str, ws: &[Word<'_>], at: usize) -> Option<usize> {
    if at == 0 || !joined(sentence, ws, at - 1) {
        return None;
    }
    let mut j = at;
    while j < ws.len() && j < at + 4 && ws[j].capitalised() {
        let key = ws[j].key();
        if NOT_PERSON.contains(key) && !AREA.contains(&key) && !FACILITY.iter().any(|f| f[0] == key)
        {
            return Some(ws[j].end);
        }
        if !joined(sentence, ws, j) {
            break;
        }
        j += 1;
    }
    None
}

/// Capitalised words from word `at` (joined to the place before), other than "Capital" or
/// "International", then an airport word: the end of that airport's name.
fn named_airport(sentence: &str, ws: &[Word<'_>], at: usize) -> Option<usize> {
    if at == 0 || !joined(sentence, ws, at - 1) {
        return None;
    }
    let mut j = at;
    while j < ws.len() && j < at + 3 && ws[j].capitalised() {
        if j > at
            && let Some(extra) = suffix_words(sentence, ws, j, FACILITY)
        {
            let airport = ws[j..j + extra].iter().any(|w| w.key() == "airport");
            return airport.then(|| ws[j + extra - 1].end);
        }
        if matches!(ws[j].key(), "capital" | "international") || !joined(sentence, ws, j) {
            return None;
        }
        j += 1;
    }
    None
}

/// "-Jasionka Airport", "-Orly International Airport": the rest of an airport's name after
/// its town's and a hyphen.
static TOWN_AIRPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^-\p{Lu}[\w'-]*(?:\s+International)?\s+[Aa]irport(?-u:\b)")
        .expect("town-airport pattern compiles")
});

/// "Warsaw Chopin Airport": a capital's name opens its airport's, which lies at the capital
/// (a smaller town's name may begin the name of a person an airport elsewhere bears).
fn capital(gazetteer: &Gazetteer, place: &Place) -> bool {
    place
        .country_code
        .as_deref()
        .and_then(|code| gazetteer.capital(code))
        .is_some_and(|c| c.lat == place.lat && c.lon == place.lon)
}

/// "Beirut's Rafic Hariri International Airport": a possessive right after a town, whose
/// airport stays in the town.
fn possessive_at(rest: &str) -> bool {
    rest.starts_with("'s ") || rest.starts_with("\u{2019}s ")
}

/// Buildings a name can label ("the Baabda palace", "the Kigali state guesthouse").
const BUILDINGS: &[&str] = &[
    "palace",
    "residence",
    "guesthouse",
    "guest",
    "compound",
    "headquarters",
    "museum",
    "memorial",
    "cathedral",
    "mosque",
    "church",
    "temple",
    "stadium",
    "hotel",
    "hospital",
    "university",
    "camp",
    "settlement",
    "villa",
];

/// Lower-case words of a building after a name that "the" introduces ("the Baabda
/// presidential palace"): the end of the building's name.
fn common_venue(sentence: &str, ws: &[Word<'_>], at: usize, name_start: usize) -> Option<usize> {
    if at == 0 || !ends_with_the(&sentence[..name_start]) || !joined(sentence, ws, at - 1) {
        return None;
    }
    let lower = |i: usize| ws.get(i).filter(|w| !w.capitalised());
    let first = lower(at)?;
    if BUILDINGS.contains(&first.key()) {
        return Some(first.end);
    }
    let second = lower(at + 1).filter(|_| joined(sentence, ws, at))?;
    BUILDINGS.contains(&second.key()).then_some(second.end)
}

/// Prepositions and verbs that vouch for a place name after them.
const CUES: &[&str] = &[
    "in", "to", "from", "at", "for", "via", "into", "reached", "visited", "left", "departed", "of",
    "capital", "near", "towards",
];

/// A preposition or verb right before byte `at` vouches for a place name there.
fn after_cue(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end().trim_end_matches(',');
    let last = before.rsplit(' ').next().unwrap_or("");
    // compared in any ASCII case, without a lower-cased copy: no other letter lower-cases to
    // one of these words' letters
    CUES.iter().any(|cue| last.eq_ignore_ascii_case(cue))
}

/// How many words of one of `suffixes` follow at word `at` (joined by spaces), if any.
fn suffix_words(sentence: &str, ws: &[Word<'_>], at: usize, suffixes: &[&[&str]]) -> Option<usize> {
    suffixes.iter().find_map(|suffix| {
        let fits = suffix.iter().enumerate().all(|(k, w)| {
            ws.get(at + k).is_some_and(|word| word.key() == *w) && joined(sentence, ws, at + k - 1)
        });
        fits.then_some(suffix.len())
    })
}

/// What follows an airport's name goes on with the city it serves: ", Tokyo", " in New
/// Delhi".
fn city_named_next(after: &str) -> bool {
    [", ", " in "].iter().any(|joint| {
        after
            .strip_prefix(joint)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
    })
}

/// Word `at` is an area word ("province") right after the previous word.
fn area_word(sentence: &str, ws: &[Word<'_>], at: usize) -> bool {
    ws.get(at)
        .is_some_and(|w| AREA.contains(&w.key()) && joined(sentence, ws, at - 1))
}

/// The name ending before word `j` ends its noun phrase ("the Gurdwara Darbar Sahib,"), no
/// common noun follows it ("the Chernobyl nuclear power plant").
fn ends_phrase(sentence: &str, ws: &[Word<'_>], j: usize) -> bool {
    j >= ws.len()
        || !joined(sentence, ws, j - 1)
        || matches!(
            ws[j].key(),
            "where"
                | "which"
                | "in"
                | "on"
                | "at"
                | "and"
                | "to"
                | "for"
                | "of"
                | "with"
                | "near"
                | "before"
                | "after"
                | "that"
                | "by"
                | "from"
                | "outside"
        )
}

fn joined(sentence: &str, ws: &[Word<'_>], i: usize) -> bool {
    match (ws.get(i), ws.get(i + 1)) {
        (Some(a), Some(b)) => sentence[a.end..b.start].trim().is_empty(),
        _ => false,
    }
}

/// A place the syntax names but the gazetteer may not know: the capitalised words starting at
/// byte `at` ("Incirlik Air Base" gives Incirlik, "Hatay province" gives Hatay). An airport
/// named after a person ("Tribhuvan International Airport") is a venue, not a destination.
/// `None` when no capitalised word starts there.
pub fn unknown_at(sentence: &str, at: usize) -> Option<PlaceMention> {
    // the name must start at `at` or one byte later with a capital: most calls end here
    let capital_at = |i: usize| {
        sentence
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    };
    if !capital_at(at) && !capital_at(at + 1) {
        return None;
    }
    // "visited the Gurdwara Darbar Sahib": a name that "the" introduces is a venue's
    let after_the = sentence[..at]
        .trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    // a name and its facility or area words: the next few words are enough; words are cut
    // alike from any space on, so the words before the last space before `at` are left out
    let stop = crate::extract::reading::floor_char(sentence, (at + 96).min(sentence.len()));
    let base = sentence.as_bytes()[..at.min(stop)]
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(0, |i| i + 1);
    let sentence = &sentence[base..stop];
    let at = at - base;
    let ws = words(sentence);
    let i = ws.iter().position(|w| w.start >= at)?;
    if !ws[i].capitalised() || ws[i].start > at + 1 || CALENDAR.contains(&ws[i].key()) {
        return None;
    }
    // "toured the Chilean research station": a people's name, not a place's
    if Gazetteer::global().demonym(ws[i].text).is_some() {
        return None;
    }
    // "from the Group of 20 summit": a body, not a place; "back at Headquarters": an
    // office, not a town
    if ws[i].text == "Group" && ws.get(i + 1).is_some_and(|w| w.text == "of")
        || ws[i].text == "Headquarters"
    {
        return None;
    }
    // "leaving Tokyo's Haneda airport": the city that owns it
    if let Some(stem) = ws[i].text.strip_suffix("'s")
        && let Some(place) = Gazetteer::global().city(stem, &[])
    {
        let start = base + ws[i].start;
        return Some(PlaceMention {
            start,
            end: start + stem.len(),
            place,
            kind: PlaceKind::City,
        });
    }
    let mut j = i + 1;
    // "Torres del Paine": a particle between capitalised words belongs to the name
    let continues = |k: usize| {
        ws[k].capitalised()
            || PARTICLES.contains(ws[k].key())
                && ws.get(k + 1).is_some_and(Word::capitalised)
                && joined(sentence, &ws, k)
    };
    while j < ws.len() && j < i + 5 && continues(j) && joined(sentence, &ws, j - 1) {
        j += 1;
    }
    let mut name_end = j;
    // "Addu City", "Quezon City": a town whose name ends in "City"
    let town = j > i + 1 && matches!(ws[j - 1].text, "City" | "Town");
    let organisation = !town
        && ws[i..j].iter().any(|w| {
            NOT_PERSON.contains(w.key().trim_end_matches("'s")) || w.key().ends_with("'s")
        });
    // "Bulumkutu transit centre": a venue named after its place
    // (not "Palanca, a village": an apposition says what the place is)
    let venue_after =
        joined(sentence, &ws, j - 1)
            && (ws[j..].iter().take(2).any(|w| {
                !w.capitalised() && NOT_PERSON.contains(w.key()) && !AREA.contains(&w.key())
            }) || ws.get(j).is_some_and(|w| VENUES.contains(&w.key())));
    // "PK5, the main neighbourhood of Bangui": a part of a town; "the Villa d'Accueil": a
    // building
    let part_of_town = PART_OF_TOWN.is_match(&sentence[ws[j - 1].end..]);
    let building = BUILDING_NAMES.contains(&ws[i].key());
    let mut kind = if part_of_town || building {
        PlaceKind::Site
    } else if GEOGRAPHIC.contains(&ws[j - 1].key()) {
        // "King George Island", "the Okavango Delta": somewhere to go, not a building
        PlaceKind::Region
    } else if organisation || venue_after || after_the && ends_phrase(sentence, &ws, j) {
        PlaceKind::Site
    } else {
        PlaceKind::Unknown
    };
    if let Some(cut) = (i + 1..j).find(|&k| suffix_words(sentence, &ws, k, FACILITY).is_some()) {
        name_end = cut;
        let airport = ws[cut..j].iter().any(|w| w.key() == "airport");
        kind = if airport {
            PlaceKind::Site
        } else {
            PlaceKind::Unknown
        };
    } else if area_word(sentence, &ws, j) {
        kind = PlaceKind::Region;
        j += 1;
    }
    let (start, stop) = (ws[i].start, ws[name_end - 1].end);
    Some(PlaceMention {
        start: base + start,
        end: base + ws[j - 1].end,
        place: Place::named(&sentence[start..stop]),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_capital_of_a_demonym_is_that_country_s_capital() {
        let g = Gazetteer::global();
        let s = "She flew on to the Peruvian capital, where she met officials.";
        let found = mentions(s, g, &[], &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].place.name, "Lima");
        assert_eq!(&s[found[0].start..found[0].end], "Peruvian capital");
        let s = "They held talks at the Lima presidential palace.";
        let found = mentions(s, g, &[], &[]);
        assert_eq!(found[0].kind, PlaceKind::Site);
        assert_eq!(&s[found[0].start..found[0].end], "Lima presidential palace");
        // an adjective alone is no place
        assert!(mentions("He met Peruvian officials.", g, &[], &[]).is_empty());
    }

    #[test]
    fn an_airport_named_after_a_town_and_its_district_is_at_the_town() {
        let g = Gazetteer::global();
        let s = "She landed at Lima-Callao Airport on Friday.";
        let found = mentions(s, g, &[], &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].place.name, "Lima");
        assert_eq!(found[0].kind, PlaceKind::City);
    }

    #[test]
    fn unknown_places_drop_their_facility_and_area_words() {
        let s = "He flew from Kalba Air Base to nearby Dorin province.";
        let base = unknown_at(s, s.find("Kalba").unwrap()).unwrap();
        assert_eq!(base.place.name, "Kalba");
        assert_eq!(base.kind, PlaceKind::Unknown);
        let s2 = "She landed at Ode International Airport.";
        let airport = unknown_at(s2, s2.find("Ode").unwrap()).unwrap();
        assert_eq!(airport.kind, PlaceKind::Site);
        let s3 = "She drove to Punta del Sol National Park, then to Palma, a village, and to Kalo Island.";
        let park = unknown_at(s3, s3.find("Punta").unwrap()).unwrap();
        assert_eq!(park.place.name, "Punta del Sol");
        let village = unknown_at(s3, s3.find("Palma").unwrap()).unwrap();
        assert_eq!(village.kind, PlaceKind::Unknown);
        let island = unknown_at(s3, s3.find("Kalo").unwrap()).unwrap();
        assert_eq!(
            (island.place.name.as_str(), island.kind),
            ("Kalo Island", PlaceKind::Region)
        );
        let area = unknown_at(s, s.find("Dorin").unwrap()).unwrap();
        assert_eq!(area.place.name, "Dorin");
        assert_eq!(area.kind, PlaceKind::Region);
        assert!(unknown_at(s, s.find("nearby").unwrap()).is_none());
        let s5 = "He left Lisbon's main airport.";
        let city = unknown_at(s5, s5.find("Lisbon").unwrap()).unwrap();
        assert_eq!(
            (city.place.name.as_str(), city.kind),
            ("Lisbon", PlaceKind::City)
        );
        let s4 = "He toured the Chilean research station.";
        assert!(unknown_at(s4, s4.find("Chilean").unwrap()).is_none());
        // a name "the" introduces is a venue's, unless a common noun follows it
        let s6 = "He went on to visit the Dorin Sahib, where he prayed, and the Kalba nuclear power plant.";
        let shrine = unknown_at(s6, s6.find("Dorin").unwrap()).unwrap();
        assert_eq!(shrine.kind, PlaceKind::Site);
        let plant = unknown_at(s6, s6.find("Kalba").unwrap()).unwrap();
        assert_eq!(plant.kind, PlaceKind::Unknown);
        let s8 =
            "He went to Dorin, the main market neighbourhood of the city, and to the Villa Kalba.";
        let quarter = unknown_at(s8, s8.find("Dorin").unwrap()).unwrap();
        assert_eq!(quarter.kind, PlaceKind::Site);
        let villa = unknown_at(s8, s8.find("Villa").unwrap()).unwrap();
        assert_eq!(villa.kind, PlaceKind::Site);
        let s7 = "He will visit the Kalbatom pavilion at the exhibition centre.";
        let pavilion = unknown_at(s7, s7.find("Kalbatom").unwrap()).unwrap();
        assert_eq!(pavilion.kind, PlaceKind::Site);
        let s9 = "She travelled to Dorin City, where she opened a school.";
        let town = unknown_at(s9, s9.find("Dorin").unwrap()).unwrap();
        assert_eq!(
            (town.place.name.as_str(), town.kind),
            ("Dorin City", PlaceKind::Unknown)
        );
    }

    #[test]
    fn a_known_town_opening_a_longer_name_is_not_that_town() {
        for (s, town) in [
            ("He drove to Torres del Paine National Park.", "Torres"),
            ("She visited the Temple of Heaven.", "Temple"),
            ("He attended the summit at Ise-Shima.", "Ise"),
            ("He landed at Aden Adde International Airport.", "Aden"),
            ("She toured a Toyota battery plant.", "Toyota"),
        ] {
            let found = mentions(s, Gazetteer::global(), &[], &[]);
            assert!(found.iter().all(|m| m.place.name != town), "{found:?}");
        }
    }

    #[test]
    fn a_town_opening_the_name_of_a_gathering_is_where_it_is_held() {
        for (s, town) in [
            ("He attended the Cairo Conference on Palestine.", "Cairo"),
            ("She spoke at the Munich Security Conference.", "Munich"),
        ] {
            let found = mentions(s, Gazetteer::global(), &[], &[]);
            let venue = found.iter().find(|m| m.kind == PlaceKind::Site);
            assert!(
                venue.is_some_and(|m| m.place.name == town && m.place.lat.is_some()),
                "{found:?}"
            );
        }
    }

    #[test]
    fn an_airport_known_by_its_own_name_stands_for_the_town_it_serves() {
        for (s, town) in [
            (
                "She landed at Jomo Kenyatta International Airport at noon.",
                "Nairobi",
            ),
            ("He arrived at Bole International Airport.", "Addis Ababa"),
            (
                "They left from Sheremetyevo International Airport.",
                "Moscow",
            ),
            (
                "She flew into Guangzhou Baiyun International Airport.",
                "Guangzhou",
            ),
        ] {
            let found = mentions(s, Gazetteer::global(), &[], &[]);
            assert!(
                found
                    .iter()
                    .any(|m| m.place.name == town && m.kind == PlaceKind::City),
                "{s}: {found:?}"
            );
        }
    }
}
