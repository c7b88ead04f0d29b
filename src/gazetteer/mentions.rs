//! Finding place names and demonyms in running text: leftmost-longest matches of known names
//! at word boundaries, where the text capitalises them as proper nouns.

use std::ops::Range;

use serde::Serialize;

use super::key::{self, Words};
use super::rank::{self, NameQuality};
use super::stoplist;
use super::{Entry, Gazetteer, Target};
use crate::domain::Place;

/// A city known only by an alternate name must be at least this large to be reported: small
/// towns' alternate names include ordinary words and surnames.
pub const MIN_ALTERNATE_POPULATION: u32 = 100_000;

/// A one-word city name joined to another capitalised word ("Washington Post", "Hillary
/// Clinton") is dropped below this population, and flagged ambiguous above it.
pub const MIN_JOINED_POPULATION: u32 = 100_000;

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A country or territory, by name or alias ("Russia", "U.S.").
    Country,
    /// A former state or old name ("Soviet Union", "Burma").
    FormerCountry,
    /// A first-level division (US state, UK nation).
    Region,
    /// A venue, island or area (Camp David, Bali).
    Site,
    City,
    /// An adjective or demonym ("Russian", "Nigerien"); `place` is its country.
    Demonym,
}

/// A place name or demonym found in a text. See [`Gazetteer::mentions`].
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// Byte range of the name in the text, on char boundaries; a possessive "'s" is excluded,
    /// the period of a final one-letter abbreviation included ("U.S.", "D.C.").
    pub span: Range<usize>,
    pub kind: MentionKind,
    /// The reading chosen without context, named as written. Re-resolve `&text[span]` with
    /// [`Gazetteer::resolve`] and the document's countries to apply context.
    pub place: Place,
    /// How the written name relates to the place (alternate names deserve caution).
    pub quality: NameQuality,
    /// The city's population (cities only).
    pub population: Option<u32>,
    /// A reading that may well not be a place: a name that is also a common word or person's
    /// name ("Nice", "Jordan", "Victoria"), or a city or site name joined to another
    /// capitalised word ("Washington Post", "Hillary Clinton"). Accept it only with a cue
    /// such as "in", "to", "from", "arrived in".
    pub ambiguous: bool,
}

/// A candidate match: words `start..end` read under `key`, a range of the text's key.
struct Candidate {
    end: usize,
    span_end: usize,
    key: Range<usize>,
}

impl Gazetteer {
    /// Every known place name and demonym in `text`, left to right, without overlaps.
    ///
    /// Contract:
    /// - Matches are leftmost-longest over whole words ("Saint Vincent and the Grenadines",
    ///   not "Saint Vincent"; "Republic of Korea", not "Korea"), matched case-, diacritic-
    ///   and punctuation-insensitively ("Rzeszow" finds Rzeszów; "Washington, D.C.", "St.
    ///   Louis"). A name may span spaces, hyphens, periods and commas, not other punctuation.
    /// - Only proper-noun spellings count: every word of the match starts with a capital,
    ///   except inner particles ("Dar es Salaam", "Côte d'Ivoire", "Bosnia and
    ///   Herzegovina"). "china" or "turkey" in lower case are not mentions.
    /// - Filtered out: single words that are ordinary words, titles or calendar words when
    ///   they would be a city or site ("May", "Mark", "President", "Of"); cities known only
    ///   by an alternate name and smaller than [`MIN_ALTERNATE_POPULATION`]; city names right
    ///   after a title ("President Obama", "King Jackson"). Countries and demonyms are always
    ///   reported.
    /// - Kept but flagged `ambiguous`: see [`PlaceMention::ambiguous`].
    /// - `place` is resolved without context; spans index `text` directly.
    pub fn mentions(&self, text: &str) -> Vec<PlaceMention> {
        let words = key::words(text);
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.mention_at(text, &words, i) {
                Some((next, mention)) => {
                    found.push(mention);
                    i = next;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The longest acceptable mention starting at word `i`, and the index of the word after.
    fn mention_at(&self, text: &str, words: &Words, i: usize) -> Option<(usize, PlaceMention)> {
        if !capitalised(text, words, i, false) {
            return None;
        }
        let mut candidates = self.candidates(text, words, i);
        while let Some(candidate) = candidates.pop() {
            if let Some(mention) = self.accept(text, words, i, &candidate) {
                return Some((candidate.end, mention));
            }
        }
        None
    }

    /// Every name key that words `i..` spell, shortest first.
    fn candidates(&self, text: &str, words: &Words, i: usize) -> Vec<Candidate> {
        let mut found = Vec::new();
        let key_start = words[i].key.start;
        for (n, word) in words[i..].iter().enumerate().take(self.longest) {
            if n > 0
                && !(joinable(&text[words[i + n - 1].span.end..word.span.start])
                    && capitalised(text, words, i + n, true))
            {
                break;
            }
            if let Some(stem) = possessive_stem(words.key(i + n)) {
                // the key up to this word, then the word's stem
                let short = key_start..word.key.start + stem.len();
                if self
                    .readings(words.key_slice(short.clone()))
                    .is_some_and(|e| !e.is_empty())
                {
                    let span_end = word.span.end - possessive_len(&text[word.span.clone()]);
                    found.push(Candidate {
                        end: i + n + 1,
                        span_end,
                        key: short,
                    });
                }
            }
            let key = key_start..word.key.end;
            match self.readings(words.key_slice(key.clone())) {
                None => break,
                Some(entries) if !entries.is_empty() => found.push(Candidate {
                    end: i + n + 1,
                    span_end: word.span.end,
                    key,
                }),
                Some(_) => {}
            }
        }
        found
    }

    /// The mention `candidate` makes, unless the filters reject it.
    fn accept(&self, text: &str, words: &Words, i: usize, c: &Candidate) -> Option<PlaceMention> {
        let key = words.key_slice(c.key.clone());
        let entries = self.readings(key)?;
        let single = c.end == i + 1;
        let after_title = i > 0 && stoplist::title(words.key(i - 1)) && adjacent(text, words, i);
        let first = key.split(' ').next().unwrap_or(key);
        let word_or_person = after_title || stoplist::title(first) || stoplist::never_a_city(key);
        let places: Vec<Entry> = entries
            .iter()
            .filter(|e| self.plausible(**e, word_or_person))
            .copied()
            .collect();
        let (entry, kind) = match rank::best_entry(self, &places, &[]) {
            Some(entry) => (entry, self.kind(entry)),
            None => {
                let demonym = entries.iter().find(|e| e.quality == NameQuality::Demonym)?;
                (*demonym, MentionKind::Demonym)
            }
        };
        let population = match entry.target {
            Target::City(j) => Some(self.cities[j as usize].population),
            Target::Country(_) | Target::Area(_) => None,
        };
        let loose = matches!(kind, MentionKind::City | MentionKind::Site)
            && joined_to_name(text, words, i, c.end);
        let minor = population.is_some_and(|p| p < MIN_JOINED_POPULATION);
        let minor_or_alternate = minor || entry.quality == NameQuality::Alternate;
        if population.is_some()
            && single
            && (loose && minor_or_alternate || minor && person_like(text, words, i))
        {
            return None;
        }
        let span = words[i].span.start..abbreviation_end(text, c.span_end);
        Some(PlaceMention {
            place: rank::place(self, entry, &text[span.clone()]),
            span,
            kind,
            quality: entry.quality,
            population,
            ambiguous: stoplist::ambiguous(key) || loose,
        })
    }

    /// Whether `entry` may be what the text means by `key` (see [`Self::mentions`]);
    /// `word_or_person`: the key reads as an ordinary word or a person's name, which rules
    /// out cities and areas.
    fn plausible(&self, entry: Entry, word_or_person: bool) -> bool {
        match entry.target {
            _ if entry.quality == NameQuality::Demonym => false,
            Target::Country(_) => true,
            Target::Area(_) => !word_or_person,
            Target::City(j) => {
                let minor_alternate = entry.quality == NameQuality::Alternate
                    && self.cities[j as usize].population < MIN_ALTERNATE_POPULATION;
                !word_or_person && !minor_alternate
            }
        }
    }

    fn kind(&self, entry: Entry) -> MentionKind {
        match entry.target {
            Target::Country(i) if self.countries[i as usize].former => MentionKind::FormerCountry,
            Target::Country(_) => MentionKind::Country,
            Target::Area(i) if self.areas[i as usize].site => MentionKind::Site,
            Target::Area(_) => MentionKind::Region,
            Target::City(_) => MentionKind::City,
        }
    }
}

/// Whether `word` is written as part of a proper noun: a capital first letter (or digit), or,
/// inside a name, a lower-case particle ("es", "of", "and") or elided article ("d'Ivoire").
#[inline]
fn capitalised(text: &str, words: &Words, i: usize, inside: bool) -> bool {
    let span = &words[i].span;
    // most words are ASCII: their first byte is their first letter, and a word in lower
    // case outside a name is turned away without more
    match text.as_bytes().get(span.start) {
        Some(byte) if !span.is_empty() && byte.is_ascii() => {
            byte.is_ascii_uppercase()
                || byte.is_ascii_digit()
                || inside && lower_case_in_name(text, words, i)
        }
        _ => capitalised_any(text, words, i, inside),
    }
}

/// [`capitalised`] of any word.
fn capitalised_any(text: &str, words: &Words, i: usize, inside: bool) -> bool {
    let written = &text[words[i].span.clone()];
    let Some(&byte) = written.as_bytes().first() else {
        return false;
    };
    let proper = if byte.is_ascii() {
        byte.is_ascii_uppercase() || byte.is_ascii_digit()
    } else {
        written
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    proper || inside && lower_case_in_name(text, words, i)
}

/// A word inside a name that need not be capitalised: a particle or an elided article.
fn lower_case_in_name(text: &str, words: &Words, i: usize) -> bool {
    is_particle(words.key(i)) || elided(&text[words[i].span.clone()])
}

fn is_particle(key: &str) -> bool {
    static PARTICLES: stoplist::Hashed = stoplist::Hashed::new(&[
        "al", "am", "an", "and", "au", "aux", "bin", "d", "da", "das", "de", "del", "della", "der",
        "des", "di", "do", "dos", "du", "el", "en", "es", "et", "i", "im", "la", "las", "le",
        "les", "los", "of", "on", "sur", "the", "upon", "y",
    ]);
    PARTICLES.contains(key)
}

/// "d'Ivoire", "l'Aquila": a lower-case elided article before a capitalised word.
fn elided(written: &str) -> bool {
    let mut chars = written.chars();
    let (Some(a), Some(b), Some(c)) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    a.is_lowercase() && matches!(b, '\'' | '\u{2019}') && c.is_uppercase()
}

/// The gap between two words of one name: spaces, hyphens, periods, commas (at most 4 bytes
/// plus spaces, so a paragraph break or a parenthesis ends a name).
fn joinable(gap: &str) -> bool {
    gap.chars().all(|c| {
        matches!(
            c,
            ' ' | '\u{a0}' | '-' | '\u{2010}' | '\u{2011}' | '.' | ','
        )
    }) && gap.trim().len() <= 4
}

/// Only spaces between word `i - 1` and word `i`.
fn adjacent(text: &str, words: &Words, i: usize) -> bool {
    text[words[i - 1].span.end..words[i].span.start]
        .chars()
        .all(|c| c == ' ' || c == '\u{a0}')
}

/// A match at words `i..end` that runs into another capitalised word on either side, which
/// is not a leading word such as "In" or "East" ("Hillary Clinton", "Washington Post").
fn joined_to_name(text: &str, words: &Words, i: usize, end: usize) -> bool {
    let before = i > 0
        && adjacent(text, words, i)
        && starts_upper(&text[words[i - 1].span.clone()])
        && !stoplist::leading(words.key(i - 1));
    let after = end < words.len()
        && adjacent(text, words, end)
        && starts_upper(&text[words[end].span.clone()])
        && !stoplist::leading(words.key(end));
    before || after
}

/// A one-word name written like a person's or an acronym: after an initial ("George W.
/// Bush"), before a verb of saying ("Hadley said"), or in capitals ("NATO", "UN": a dateline
/// such as "ISTANBUL" names a city large enough to pass).
fn person_like(text: &str, words: &Words, i: usize) -> bool {
    let written = &text[words[i].span.clone()];
    let acronym = written
        .chars()
        .all(|c| c.is_uppercase() || !c.is_alphabetic());
    let after_initial = i > 0 && {
        let previous = &text[words[i - 1].span.clone()];
        let gap = &text[words[i - 1].span.end..words[i].span.start];
        previous.chars().count() == 1 && starts_upper(previous) && gap.trim() == "."
    };
    let speaks = words.get(i + 1).is_some_and(|next| {
        stoplist::speech_verb(words.key(i + 1))
            && text[words[i].span.end..next.span.start].trim().is_empty()
    });
    acronym || after_initial || speaks
}

/// Extends a name ending in a one-letter abbreviation to its period ("U.S.", "D.C.").
fn abbreviation_end(text: &str, end: usize) -> usize {
    let before = text[..end].chars().rev().nth(1);
    let one_letter = before.is_none_or(|c| !c.is_alphanumeric());
    if one_letter && text[end..].starts_with('.') {
        end + 1
    } else {
        end
    }
}

fn starts_upper(written: &str) -> bool {
    written.chars().next().is_some_and(char::is_uppercase)
}

/// "russia's" → "russia".
fn possessive_stem(key: &str) -> Option<&str> {
    key.strip_suffix("'s").filter(|stem| !stem.is_empty())
}

/// Byte length of the written "'s" ending (ASCII or typographic apostrophe).
fn possessive_len(written: &str) -> usize {
    written
        .rfind(['\'', '\u{2019}', '\u{2018}', '`', '\u{02bc}', '\u{00b4}'])
        .map_or(0, |at| written.len() - at)
}
