//! People: the persons a sentence names or describes, with the title and country the text
//! gives them, in the forms releases use — "Foreign Minister Sergey Lavrov", "Russian
//! President, Vladimir Putin", "the President of Poland, Andrzej Duda", "Sergey Vershinin,
//! Deputy Minister for Foreign Affairs", "Mr. X", "H.E. Dr. X", "his Nepalese counterpart
//! Sushil Koirala", and descriptions such as "the Foreign Minister" or "the Libyan leader".
//! Who is who across sentences is `cast`'s business. Depends on `segment` and the gazetteer.

use crate::extract::lexicon::{
    ABBREVIATED, ACRONYMS, HEADS, HONORIFICS, JOURNEY_IN, JOURNEY_TO, MODIFIERS, NOT_NAME,
    NOT_PERSON, PARTICLES, PORTFOLIOS, SURNAME_HEADS, WEAK_HEADS,
};
use crate::extract::segment::{Word, words};
use crate::gazetteer::{Gazetteer, MentionKind, NameQuality, PlaceMention as GazetteerMention};

/// How a person is referred to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A full name ("Sergey Lavrov"), with or without a title.
    Named,
    /// One name word after a title or alone ("Minister Lavrov", "Koirala").
    Surname,
    /// A title without a name ("the Foreign Minister", "his counterpart").
    Description,
}

/// A person named or described in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonMention {
    /// Byte range in the sentence, title included.
    pub start: usize,
    pub end: usize,
    /// Byte range of the name itself (equal to the whole for descriptions).
    pub name_start: usize,
    pub name: Option<String>,
    /// The title as written ("Foreign Minister", "Minister for Foreign Affairs").
    pub role: Option<String>,
    /// Country (gazetteer name) from a demonym, a possessive or an "of Country".
    pub country: Option<String>,
    pub form: Form,
    /// A name with no title or appositive around it: a person only if known otherwise.
    pub bare: bool,
}

/// Letters written after a name: seats, honours, the bar.
const POST_NOMINALS: &[&str] = &[
    "MP", "MEP", "MLA", "MSP", "MHA", "QC", "KC", "SC", "OBE", "CBE", "MBE", "KBE", "DBE", "GCMG",
    "KCMG", "CMG", "AC", "AO", "CH", "PC",
];

fn key<'w>(word: &'w Word<'_>) -> &'w str {
    word.key()
}

/// Whether `word` is a title's head ([`HEAD`]: "Minister", "Secretary-General") or
/// qualifies one ([`MODIFIER`]: "Foreign", "Deputy"), as bits.
fn title_word(word: &Word<'_>) -> u8 {
    let k = key(word);
    // "Prime Minister-designate", "President-elect": the title of an office not yet taken
    let k = ["-designate", "-elect"]
        .iter()
        .find_map(|s| k.strip_suffix(s))
        .unwrap_or(k);
    // every qualifier is among the heads: a word that is no head is asked nothing more
    let listed = HEADS.contains(k);
    let modifier = listed && MODIFIERS.contains(k);
    let head = listed && !modifier || k.ends_with("-general");
    (u8::from(head) * HEAD) | (u8::from(modifier) * MODIFIER)
}

fn is_honorific(word: &Word<'_>) -> bool {
    let k = key(word);
    word.capitalised()
        && (HONORIFICS.contains(k) || word.text.ends_with('.') && ABBREVIATED.contains(k))
}

/// A word that never names a person; an acronym only when written as one ("UN", not the
/// "Un" of "Kim Jong Un").
fn not_name(word: &Word<'_>) -> bool {
    let k = key(word);
    NOT_NAME.contains(k) && !(ACRONYMS.contains(k) && word.text.chars().any(char::is_lowercase))
}

/// Two or more capital letters and nothing else ("ITC", "SAP"; not "S." or "Xi").
fn acronym(text: &str) -> bool {
    text.len() >= 2 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// "al-Bashir", "el-Sisi": a lower-case article joined to a name.
/// A word with a possessive "'s".
/// "R.M.", "J.R.": a name's initials, run together.
fn initials(text: &str) -> bool {
    let b = text.as_bytes();
    (4..=6).contains(&b.len())
        && b.chunks(2)
            .all(|pair| matches!(pair, [letter, b'.'] if letter.is_ascii_uppercase()))
}

fn possessive(word: &Word<'_>) -> bool {
    crate::extract::reading::possessive(word.text)
}

fn hyphenated_particle(text: &str) -> bool {
    text.split_once('-').is_some_and(|(article, rest)| {
        matches!(
            article,
            "al" | "el" | "ad" | "as" | "ash" | "at" | "az" | "ul" | "bin"
        ) && rest.starts_with(char::is_uppercase)
    })
}

/// The text between two words.
fn gap<'s>(sentence: &'s str, ws: &[Word<'_>], i: usize) -> &'s str {
    match (ws.get(i), ws.get(i + 1)) {
        (Some(a), Some(b)) => &sentence[a.end..b.start],
        _ => "",
    }
}

/// A title phrase: words `start..end`, the title proper, and the country it names.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Title {
    start: usize,
    end: usize,
    role: String,
    country: Option<String>,
    determiner: bool,
    /// Only a weak head ("General", "leader") and no demonym or organisation before it.
    weak: bool,
}

/// Everything a sentence says about people: its text, words and the gazetteer.
struct Reader<'s, 'g> {
    sentence: &'s str,
    ws: &'s [Word<'s>],
    gazetteer: &'g Gazetteer,
    /// The gazetteer's names in the sentence.
    found: &'g [GazetteerMention],
    /// For each word, the country a demonym or country name starting there names, and the
    /// index of the word after it.
    countries: Vec<Option<(String, usize)>>,
    /// For each word, whether it is a title's head ([`HEAD`]) or qualifier ([`MODIFIER`]):
    /// asked of the same words many times while titles are looked for, so found once.
    title_words: Vec<u8>,
    /// The last word that is a title's head, if any: no title starts after it.
    last_head: Option<usize>,
}

/// A bit of [`Reader::title_words`]: the word is a title's head ("Minister").
const HEAD: u8 = 1;
/// A bit of [`Reader::title_words`]: the word qualifies a title ("Foreign", "Deputy").
const MODIFIER: u8 = 2;

/// The people named or described in `sentence`, in text order.
pub fn mentions(sentence: &str, gazetteer: &Gazetteer) -> Vec<PersonMention> {
    let found = gazetteer.mentions(sentence);
    mentions_in(sentence, gazetteer, &found, &words(sentence))
}

/// Like [`mentions`], with the gazetteer's names in `sentence` already found and the
/// sentence cut into words (`segment::words`).
pub fn mentions_in(
    sentence: &str,
    gazetteer: &Gazetteer,
    found: &[GazetteerMention],
    ws: &[Word<'_>],
) -> Vec<PersonMention> {
    let countries = countries_by_word(ws, found);
    let title_words: Vec<u8> = ws.iter().map(title_word).collect();
    let last_head = title_words.iter().rposition(|&t| t & HEAD != 0);
    let reader = Reader {
        sentence,
        ws,
        gazetteer,
        found,
        countries,
        title_words,
        last_head,
    };
    reader.scan()
}

/// Where each country name or demonym starts (by word) and the word after it (past a
/// possessive "'s").
fn countries_by_word(ws: &[Word<'_>], found: &[GazetteerMention]) -> Vec<Option<(String, usize)>> {
    let mut out = vec![None; ws.len()];
    for m in found {
        let country = matches!(
            m.kind,
            MentionKind::Country | MentionKind::FormerCountry | MentionKind::Demonym
        );
        let Some(first) = ws.iter().position(|w| w.start == m.span.start) else {
            continue;
        };
        if !country {
            continue;
        }
        let last = ws
            .iter()
            .position(|w| w.end >= m.span.end)
            .unwrap_or(ws.len() - 1);
        let name = m
            .place
            .country
            .clone()
            .unwrap_or_else(|| m.place.name.clone());
        out[first] = Some((name, last + 1));
    }
    out
}

impl Reader<'_, '_> {
    fn scan(&self) -> Vec<PersonMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.ws.len() {
            let found = self
                .titled(i)
                .or_else(|| self.honoured(i))
                .or_else(|| self.bare(i));
            match found {
                Some((mention, next)) => {
                    out.push(mention);
                    i = next.max(i + 1);
                }
                // a capitalised run that is not a name ("Sri Lanka") is skipped whole, so
                // that its last word is not read as a surname
                None => i = self.run_end(i).max(i + 1),
            }
        }
        self.join_titled_appositions(&mut out);
        out
    }

    /// "the Commander-in-Chief of the Defence Services, Senior General Min Aung Hlaing": a
    /// description, a comma, and a name with a title of its own are one person, named where
    /// the description stands.
    fn join_titled_appositions(&self, out: &mut Vec<PersonMention>) {
        let mut k = 1;
        while k < out.len() {
            let (a, b) = (&out[k - 1], &out[k]);
            // (a title with its complement: "the President, Prime Minister X and ..." is a list)
            let apposed = a.form == Form::Description
                && a.name.is_none()
                && self.sentence[a.start..a.end].contains(" of ")
                && b.form == Form::Named
                && b.role.is_some()
                && self.sentence.get(a.end..b.start).is_some_and(|between| {
                    // (the rest of a body's name before the comma: "of the Myanmar Defence
                    // Services, ...")
                    between.strip_suffix(", ").is_some_and(|rest| {
                        rest.split_whitespace().count() <= 4
                            && rest
                                .split_whitespace()
                                .all(|w| w.starts_with(char::is_uppercase) && !w.contains(','))
                    })
                });
            if apposed {
                let description = out.remove(k - 1);
                let named = &mut out[k - 1];
                named.start = description.start;
                named.role = description.role;
                named.country = description.country.or(named.country.take());
            } else {
                k += 1;
            }
        }
    }

    fn word(&self, i: usize) -> Option<&Word<'_>> {
        self.ws.get(i)
    }

    /// Word `i` is a courtesy title before a name (not the "Sen." ending "met Hun Sen.").
    fn honorific_at(&self, i: usize) -> bool {
        self.word(i).is_some_and(is_honorific) && self.word(i + 1).is_some()
    }

    /// Word `i` is a title's head (see [`title_word`]); false past the last word.
    fn is_head_at(&self, i: usize) -> bool {
        self.title_words.get(i).is_some_and(|&t| t & HEAD != 0)
    }

    /// Word `i` qualifies a title (see [`title_word`]); false past the last word.
    fn is_modifier_at(&self, i: usize) -> bool {
        self.title_words.get(i).is_some_and(|&t| t & MODIFIER != 0)
    }

    /// Word `i` is a title word, head or qualifier; false past the last word.
    fn is_title_word_at(&self, i: usize) -> bool {
        self.title_words.get(i).is_some_and(|&t| t != 0)
    }

    fn span(&self, from: usize, to: usize) -> (usize, usize) {
        (self.ws[from].start, self.ws[to - 1].end)
    }

    fn text(&self, from: usize, to: usize) -> String {
        let (a, b) = self.span(from, to);
        self.sentence[a..b].to_owned()
    }

    /// A person's name as written, without a possessive ending ("Xi's honour" names Xi).
    fn name_text(&self, from: usize, to: usize) -> String {
        let (a, b) = self.span(from, to);
        let name = &self.sentence[a..b];
        // "met Prime Minister Hun Sen.": the sentence's full stop, kept by a word that can
        // be an abbreviation, is no part of the name
        let name = match name.strip_suffix('.') {
            Some(cut) if to == self.ws.len() && !cut.ends_with(|c: char| c.is_uppercase()) => cut,
            _ => name,
        };
        let mut name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
            .unwrap_or(name);
        // "the Hon Scott Morrison MP", "Jon Dahl KC, OBE": letters after the name are no part
        // of it
        while let Some((rest, last)) = name.trim_end_matches(',').rsplit_once(' ')
            && POST_NOMINALS.contains(&last.trim_end_matches(','))
            && rest.contains(' ')
        {
            name = rest.trim_end_matches(',');
        }
        name.to_owned()
    }

    /// A country named by words `i..` (a demonym, a country name, "Country's"), and the
    /// index after it.
    fn country_at(&self, i: usize) -> Option<(String, usize)> {
        self.countries.get(i)?.clone()
    }

    /// A title starting at word `i`: [the|his|her] then qualifiers (a demonym, "Country's",
    /// an organisation, modifiers such as "Foreign" or "former") then heads, then "of/for/in"
    /// complements ("Minister for Foreign Affairs", "President of Poland").
    fn title_at(&self, i: usize) -> Option<Title> {
        // a title has a head at or after its first word: most words have none after them
        if self.last_head.is_none_or(|h| h < i) {
            return None;
        }
        let mut j = i;
        let w = self.word(j)?;
        let determiner = matches!(key(w), "the" | "his" | "her" | "their" | "its");
        // what a title opens with: a determiner, a title word, or a capitalised qualifier (a
        // country, an organisation); most words are none of them
        let opens = determiner
            || self.is_title_word_at(j)
            || w.capitalised()
            || self.countries[j].is_some();
        if !opens {
            return None;
        }
        if determiner {
            j += 1;
        }
        let (mut country, mut qualified, mut role_start) = (None, false, None);
        for _ in 0..6 {
            // a qualifier belongs to the title only when nothing separates them ("Coming from
            // Niger, United Nations Secretary-General ...")
            // the country's name copied only once it qualifies the title
            let joined_country = self.countries.get(j).and_then(Option::as_ref);
            if let Some((c, next)) = joined_country.filter(|(_, n)| self.joined(n - 1)) {
                country = Some(c.clone());
                (j, qualified) = (*next, true);
            } else if let Some(next) = self.organisation_at(j) {
                (j, qualified) = (next, true);
            } else if self.is_modifier_at(j) && !self.is_head_at(j) {
                role_start.get_or_insert(j);
                j += 1;
            } else {
                break;
            }
        }
        let head = self.word(j).filter(|_| self.is_head_at(j))?;
        // "women leaders of the camp", "ministers from the region": a group, not someone
        let plural = matches!(key(head), "leaders" | "ministers" | "presidents" | "mayors");
        // "the leaders then joined ...": the traveller and the host, not one of them
        if plural && !qualified {
            return None;
        }
        let weak = WEAK_HEADS.contains(key(head));
        if weak && !head.capitalised() && !determiner && !qualified {
            return None;
        }
        let role_start = *role_start.get_or_insert(j);
        j += 1;
        // "President Sheikh Omar Sheikh Ali": "Sheikh" opens the name
        while self
            .word(j)
            .is_some_and(|w| self.is_head_at(j) && key(w) != "sheikh")
            && self.joined(j - 1)
        {
            j += 1;
        }
        // "the General Assembly", "Prime Minister House": a title word in a building's or a
        // body's name
        let named_body = self
            .word(j)
            .is_some_and(|w| w.capitalised() && NOT_PERSON.contains(key(w)))
            && !self.surname_first(j);
        if named_body && self.joined(j - 1) {
            return None;
        }
        let (end, chained_country) = self.of_chain(j);
        // "Minister of Foreign Affairs Sheikh Ali": the courtesy title before the name is
        // the title's end, not its office
        let role_end =
            if end > role_start + 1 && self.word(end - 1).is_some_and(|w| key(w) == "sheikh") {
                end - 1
            } else {
                end
            };
        Some(Title {
            start: i,
            end,
            role: self.text(role_start, role_end),
            country: country.or(chained_country),
            determiner,
            weak: weak && !qualified,
        })
    }

    /// Words `i` and `i + 1` are separated by spaces only.
    fn joined(&self, i: usize) -> bool {
        let gap = gap(self.sentence, self.ws, i);
        // "Mohammed Shia' Al-Sudani": an ayn written as an apostrophe closes a word of the
        // name (but "the Ministers' Council" is a possessive)
        let ayn = gap.strip_prefix('\'').is_some_and(|rest| {
            !rest.is_empty()
                && self
                    .word(i)
                    .is_some_and(|w| !w.text.ends_with(['s', 'S']) && w.capitalised())
        });
        let gap = if ayn { &gap[1..] } else { gap };
        gap.chars().all(char::is_whitespace)
    }

    /// "United Nations", "World Bank", "the University's": an organisation qualifying a
    /// title that follows it.
    fn organisation_at(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j < i + 4
            && self
                .word(j)
                .is_some_and(|w| w.capitalised() && !self.is_title_word_at(j))
        {
            j += 1;
            if !self.joined(j - 1) {
                break;
            }
        }
        if j == i {
            return None;
        }
        let mut last_key = key(self.word(j - 1)?);
        while let Some(stem) = last_key.strip_suffix("'s") {
            last_key = stem;
        }
        // "ASEAN Secretary-General", "OSCE Chairperson": an acronym names an organisation
        // (with full stops too: "U.N. Secretary-General")
        let acronym = self.word(j - 1).is_some_and(|w| {
            let letters = w.text.bytes().filter(u8::is_ascii_uppercase).count();
            (2..=6).contains(&letters)
                && w.text.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
        });
        let organisation = NOT_PERSON.contains(last_key) || acronym;
        // "At Al Yamamah Palace, Crown Prince ...": a comma ends the qualifier
        (organisation && self.joined(j - 1) && self.is_title_word_at(j)).then_some(j)
    }

    /// A word that may continue a title's complement: portfolio and organisation words,
    /// title words, demonyms.
    fn complement_word(&self, k: usize) -> bool {
        self.word(k).is_some_and(|w| {
            let key = key(w);
            w.capitalised()
                && (PORTFOLIOS.contains(key)
                    || NOT_PERSON.contains(key)
                    || self.is_title_word_at(k)
                    || self.gazetteer.demonym(w.text).is_some()
                    // "for National Reconciliation": a name of what the body does
                    || key.ends_with("tion") || key.ends_with("sion"))
        })
    }

    /// "of Foreign Affairs", "for Foreign Affairs", "of the National Assembly", "of Poland",
    /// "in Ukraine", "of state" after a title; returns the end and the country named, if any.
    fn of_chain(&self, mut j: usize) -> (usize, Option<String>) {
        let mut country = None;
        while let Some(w) = self.word(j) {
            let after_paren = gap(self.sentence, self.ws, j - 1).trim() == ")";
            if !matches!(key(w), "of" | "for" | "in" | "to") || !(self.joined(j - 1) || after_paren)
            {
                break;
            }
            // "Spokesperson for Secretary-General Ana Ruiz", "Adviser to President X": a
            // titled name after "for" or "to" is someone else, whom the title serves
            if matches!(key(w), "for" | "to")
                && self.is_title_word_at(j + 1)
                && self
                    .title_at(j + 1)
                    .is_some_and(|t| !t.determiner && self.name_at(t.end).is_some())
            {
                break;
            }
            let mut k = j + 1;
            if self.word(k).is_some_and(|w| key(w) == "the") {
                k += 1;
            }
            if let Some((c, next)) = self.country_at(k) {
                country = Some(c);
                j = next;
                continue;
            }
            // "of the caretaker government": one lower-case word before the body
            let body = |w: &Word<'_>| matches!(w.text, "government" | "administration");
            if self.word(k).is_some_and(|w| !w.capitalised()) && self.word(k + 1).is_some_and(body)
            {
                k += 1;
            }
            let lower = self.word(k).is_some_and(|w| {
                matches!(w.text, "state" | "government" | "staff" | "administration")
            });
            let run_start = k;
            while (self.complement_word(k) || lower && k == run_start)
                && (k == run_start || self.joined(k - 1))
            {
                k += 1;
                if self.word(k).is_some_and(|w| key(w) == "of") && self.complement_word(k + 1) {
                    k += 1;
                }
                // "Minister of Industry and Trade"
                let portfolio = |w: &Word<'_>| w.capitalised() && PORTFOLIOS.contains(key(w));
                if self.word(k).is_some_and(|w| key(w) == "and")
                    && self.word(k + 1).is_some_and(portfolio)
                    && self.joined(k)
                {
                    // "and European Integration": the rest of the portfolio, but not the
                    // name after it ("Minister for Trade and Tourism Don Farrell")
                    k += 2;
                    while self.joined(k - 1)
                        && (self.complement_word(k)
                            || self.word(k).is_some_and(|w| {
                                w.capitalised() && !is_honorific(w) && abstract_noun(w.text)
                            }))
                    {
                        k += 1;
                    }
                }
            }
            // "Ambassador to Syria", but "took the Secretary-General to Kabkabiya": a
            // journey's town is no office's
            let place = if key(w) == "to" {
                None
            } else {
                self.place_complement(run_start)
            };
            k = k
                .max(place.unwrap_or(k))
                .max(self.organisation_run(run_start).unwrap_or(k));
            if k == run_start {
                break;
            }
            j = k;
        }
        (j, country)
    }

    /// "State Unity and Development Council": a body's name of capitalised words (with "and",
    /// "of", "for") ending in an organisation word; returns its end.
    fn organisation_run(&self, k: usize) -> Option<usize> {
        let mut end = None;
        let mut j = k;
        while j < k + 9 && (j == k || self.joined(j - 1)) {
            let Some(w) = self.word(j) else { break };
            let connector = matches!(key(w), "and" | "of" | "for" | "the") && j > k;
            // "State Council of the People's Republic of China": the country is the title's
            // own complement, read whole after the body
            if !(w.capitalised() || connector)
                || is_honorific(w)
                || j > k && self.country_at(j).is_some()
            {
                break;
            }
            if w.capitalised() && NOT_PERSON.contains(key(w)) {
                end = Some(j + 1);
            }
            j += 1;
        }
        end
    }

    /// "of Sindh, Syed Shah", "of Sofala province, Ana Mondo": a place (a province, a city)
    /// completing a title before the comma that introduces the name, or one the gazetteer
    /// knows. Returns the end of the place.
    fn place_complement(&self, k: usize) -> Option<usize> {
        let known = self
            .found
            .iter()
            .find(|m| self.word(k).is_some_and(|w| w.start == m.span.start))
            .and_then(|m| self.ws.iter().position(|w| w.end >= m.span.end))
            .map(|last| last + 1);
        let mut end = k;
        while end < k + 3
            && self.word(end).is_some_and(|w| {
                w.capitalised()
                    && !self.is_title_word_at(end)
                    && !self.honorific_at(end)
                    && !not_name(w)
            })
            && (end == k || self.joined(end - 1))
        {
            end += 1;
        }
        let end = known.unwrap_or(end);
        if end == k {
            return None;
        }
        let area = self.word(end).is_some_and(|w| {
            matches!(
                w.text,
                "province" | "region" | "state" | "district" | "county" | "governorate"
            )
        }) && self.joined(end - 1);
        let end = if area { end + 1 } else { end };
        let closed = gap(self.sentence, self.ws, end - 1)
            .trim_start()
            .starts_with(',');
        (known.is_some() || closed).then_some(end)
    }

    /// A two-or-more-word run that reads as a person's name, not an organisation or place.
    /// The end of the capitalised run starting at word `i`.
    fn run_end(&self, i: usize) -> usize {
        // "On Thursday Macron met", "Later Putin said": a word that never names anyone
        // opens no run, so the name after it is still read (a word in lower case opens
        // none either, and is not looked up)
        if self
            .word(i)
            .is_none_or(|w| !w.capitalised() || NOT_NAME.contains(key(w)))
        {
            return i + 1;
        }
        let mut j = i;
        while self.word(j).is_some_and(Word::capitalised) && (j == i || self.joined(j - 1)) {
            j += 1;
        }
        j
    }

    fn looks_like_person(&self, from: usize, to: usize) -> bool {
        let (start, _) = self.span(from, to);
        // "Sharif Hassan Sheikh Aden": a place word inside a name does not make it a place
        let names_a_place = self.found.iter().any(|m| {
            m.span.start <= start
                && start < m.span.end
                && matches!(
                    m.kind,
                    MentionKind::Country | MentionKind::FormerCountry | MentionKind::City
                )
                && !m.ambiguous
        });
        to - from >= 2
            && !names_a_place
            && (from..to).all(|j| {
                let w = &self.ws[j];
                !NOT_PERSON.contains(key(w))
                    && (!self.is_title_word_at(j) || self.head_in_name(from, j))
                    // ("Mohammed bin Salman", "Lula da Silva": a particle inside the name)
                    && (w.capitalised()
                        || j > from
                            && (hyphenated_particle(w.text) || PARTICLES.contains(key(w))))
            })
            && self.country_at(from).is_none()
            && !self.is_city(from, to)
    }

    /// A title word that belongs to the name started at word `i` when it stands at `j`:
    /// "Sheikh" between names ("Sharif Sheikh Ahmed"), or a surname that is also a title
    /// ("Julie Bishop", "Martin King") closing a name.
    fn head_in_name(&self, i: usize, j: usize) -> bool {
        let Some(w) = self.word(j) else {
            return false;
        };
        let next_is_name = self.joined(j)
            && self
                .word(j + 1)
                .is_some_and(|n| n.capitalised() && !self.is_title_word_at(j + 1) && !not_name(n));
        if key(w) == "sheikh" {
            return next_is_name;
        }
        // "Prince Badr bin Sultan": a title word after "bin" is the father's name
        if j > i
            && self.joined(j - 1)
            && matches!(key(&self.ws[j - 1]), "bin" | "ibn" | "bint" | "abu")
        {
            return true;
        }
        if j == i || !self.joined(j - 1) || MODIFIERS.contains(key(w)) {
            return false;
        }
        SURNAME_HEADS.contains(key(w)) && !self.word(j + 1).is_some_and(Word::capitalised)
    }

    /// Words `from..to` are a city's own name ("Phnom Penh"), not a person's.
    fn is_city(&self, from: usize, to: usize) -> bool {
        self.gazetteer
            .city_match(&self.text(from, to), &[])
            .is_some_and(|m| m.quality == NameQuality::Primary)
    }

    /// "Foreign Minister Park Jin": a family name written first that is also a word of
    /// places ("park"), followed by a given name.
    fn surname_first(&self, j: usize) -> bool {
        key(&self.ws[j]) == "park"
            && self.joined(j)
            && self
                .word(j + 1)
                .is_some_and(|n| n.capitalised() && !NOT_PERSON.contains(key(n)))
    }

    /// The name starting at word `i`: capitalised words (with particles and generational
    /// suffixes), none of them a title or an organisation word. Returns its end.
    fn name_at(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while let Some(w) = self.word(j) {
            let k = key(w);
            let particle =
                // "von der Leyen", "van den Berg": particles before the capitalised surname
                PARTICLES.contains(k) && j > i && {
                    let next = |n: usize| self.word(n).filter(|_| self.joined(n - 1));
                    self.word(j + 1).is_some_and(Word::capitalised)
                        || next(j + 1).is_some_and(|n| PARTICLES.contains(key(n)))
                            && next(j + 2).is_some_and(Word::capitalised)
                }
                    || j > i && hyphenated_particle(w.text);
            let name_word = w.capitalised()
                && (!self.is_title_word_at(j) || self.head_in_name(i, j))
                // (but "Marty M. Natalegawa": one letter inside a name is an initial)
                && (!self.honorific_at(j) || j > i && w.text.len() == 2)
                && (!NOT_PERSON.contains(k) || self.surname_first(j))
                // ("Liu He": a capitalised "He" after a name is its last word)
                && (!not_name(w) || j > i && w.text == "He")
                && w.text.chars().any(char::is_lowercase) | (w.text.chars().count() <= 3)
                    | initials(w.text)
                // "ITC Maurya", "HAL Airport": a name never opens with an acronym
                && !(j == i && acronym(w.text));
            // "May 7", "7 May" but not "Lena Berg, 91"
            let digit = |w: &Word<'_>| w.text.starts_with(|c: char| c.is_ascii_digit());
            let date = j + 1 < self.ws.len() && digit(&self.ws[j + 1]) && self.joined(j)
                || j > 0 && digit(&self.ws[j - 1]) && self.joined(j - 1);
            if !(particle || name_word) || date {
                break;
            }
            j += 1;
            // "Tokyo's Haneda airport": a possessive closes the name
            if possessive(w) {
                break;
            }
            if j - i >= 6 || !self.joined(j - 1) {
                break;
            }
        }
        (j > i).then_some(j)
    }

    /// A title, then maybe a comma, honorifics or a parenthesis, then a name — or the title
    /// alone as a description.
    fn titled(&self, i: usize) -> Option<(PersonMention, usize)> {
        let title = self.title_at(i)?;
        let title = self.conjoined(&title).unwrap_or(title);
        let (j, comma, honoured) = self.after_title(title.end);
        // "Saudi Arabia's foreign minister, Prince Faisal bin Farhan": a style before the
        // name in apposition; the office is the role
        if comma
            && let Some(style) = self.title_at(j).filter(|t| {
                [
                    "prince", "princess", "sheikh", "sheikha", "emir", "sultan", "king", "queen",
                ]
                .iter()
                .any(|r| t.role.eq_ignore_ascii_case(r))
            })
            && let Some(end) = self.name_at(style.end)
        {
            return Some((self.person(&title, style.end, end), end));
        }
        if let Some(end) = self.name_at(j) {
            // "Russian President, Vladimir Putin" but not "after meeting the President, Ban"
            let accept = !comma || honoured || end - j >= 2 && self.looks_like_person(j, end);
            if accept {
                return Some((self.person(&title, j, end), end));
            }
        }
        // ("the Head of State", "the Head of Government": an office, though "head" alone is
        // no title)
        let office = ["head of state", "head of government"]
            .iter()
            .any(|r| title.role.eq_ignore_ascii_case(r));
        if title.weak && !office {
            return None;
        }
        let (start, end) = self.span(title.start, title.end);
        Some((
            PersonMention {
                start,
                end,
                name_start: start,
                name: None,
                role: Some(title.role),
                country: title.country,
                form: Form::Description,
                bare: false,
            },
            title.end,
        ))
    }

    /// "the Deputy Prime Minister and Minister of Foreign Affairs, Ana Ruiz": two titles of
    /// one person, joined by "and" before the name.
    fn conjoined(&self, title: &Title) -> Option<Title> {
        self.word(title.end).filter(|w| key(w) == "and")?;
        if !self.joined(title.end - 1) || !self.word(title.end + 1)?.capitalised() {
            return None;
        }
        let second = self.title_at(title.end + 1).filter(|t| !t.determiner)?;
        // "The King and Queen Consort Camilla": a couple, two people
        let consort = |role: &str| {
            role.split_whitespace().any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "king" | "queen" | "prince" | "princess" | "emperor" | "empress" | "consort"
                )
            })
        };
        if consort(&title.role) && consort(&second.role) {
            return None;
        }
        let (j, _, _) = self.after_title(second.end);
        self.name_at(j)?;
        Some(Title {
            start: title.start,
            end: second.end,
            role: format!("{} and {}", title.role, second.role),
            country: second.country.clone().or_else(|| title.country.clone()),
            determiner: title.determiner,
            weak: false,
        })
    }

    /// Where a name after a title would start: past a comma, a parenthesis ("Prime Minister
    /// (\"Taoiseach\") Brian Cowen") and honorifics. Returns the word index, whether a comma
    /// came between, and whether honorifics did.
    fn after_title(&self, end: usize) -> (usize, bool, bool) {
        let Some(last) = end.checked_sub(1) else {
            return (end, false, false);
        };
        let between = gap(self.sentence, self.ws, last).trim();
        let mut j = end;
        let mut comma = false;
        if between.starts_with('(') {
            while j < self.ws.len() && !gap(self.sentence, self.ws, j).contains(')') {
                j += 1;
            }
            j += 1;
            // "the Wali (Governor) of North Kivo, Ali Omar": the complement after it
            if self.word(j).is_some_and(|w| key(w) == "of") {
                let (after, _) = self.of_chain(j);
                if after > j {
                    return self.after_title(after);
                }
            }
        } else if between == "," {
            comma = true;
        } else if !between.is_empty() {
            return (self.ws.len(), false, false);
        }
        let before = j;
        let j = self.skip_honorifics(j);
        (j, comma, j > before)
    }

    fn person(&self, title: &Title, from: usize, to: usize) -> PersonMention {
        let (start, _) = self.span(title.start, title.end);
        let (name_start, end) = self.span(from, to);
        let form = if to - from == 1 {
            Form::Surname
        } else {
            Form::Named
        };
        let (end, country) = self.of_country(to, end, title.country.clone());
        PersonMention {
            start,
            end,
            name_start,
            name: Some(self.name_text(from, to)),
            role: Some(title.role.clone()),
            country,
            form,
            bare: false,
        }
    }

    /// "President Volodymyr Zelenskyy of Ukraine": the country after a name.
    fn of_country(
        &self,
        to: usize,
        end: usize,
        country: Option<String>,
    ) -> (usize, Option<String>) {
        let of = self.word(to).is_some_and(|w| key(w) == "of")
            && gap(self.sentence, self.ws, to - 1).trim().is_empty();
        match self.country_at(to + 1).filter(|_| of) {
            Some((c, next)) => (self.ws[next - 1].end, country.or(Some(c))),
            None => (end, country),
        }
    }

    /// The first word from `j` past courtesy titles: "Dr.", "H.E.", and "the Hon" or "the
    /// Honourable" ("Senator the Hon Ana Ruiz").
    fn skip_honorifics(&self, mut j: usize) -> usize {
        loop {
            match self.word(j) {
                Some(w) if is_honorific(w) => j += 1,
                Some(w)
                    if key(w) == "the"
                        && self.word(j + 1).is_some_and(|h| {
                            h.capitalised() && matches!(key(h), "hon" | "honourable" | "honorable")
                        }) =>
                {
                    j += 2;
                }
                // "the President of the Republic, His Excellency Macky Sall"
                Some(w)
                    if matches!(key(w), "his" | "her")
                        && w.capitalised()
                        && self.word(j + 1).is_some_and(is_honorific)
                        && self.word(j + 2).is_some_and(Word::capitalised) =>
                {
                    j += 2;
                }
                _ => return j,
            }
        }
    }

    /// "Mr. Fumio Kishida", "H.E. Dr. Frank-Walter Steinmeier", "Madam Ban".
    fn honoured(&self, i: usize) -> Option<(PersonMention, usize)> {
        let j = self.skip_honorifics(i);
        if j == i {
            return None;
        }
        let bare = self.name_at(j).and_then(|end| self.bare_mention(j, end));
        let Some(mut mention) = bare else {
            // "His Majesty King Jigme Khesar Namgyel Wangchuck": a courtesy title before an
            // office and a name
            // (not "His Royal Highness Prince X": read from "Highness", a longer name)
            let majesty = self.word(j - 1).is_some_and(|w| key(w) == "majesty");
            let (mut mention, next) = self
                .titled(j)
                .filter(|(m, _)| majesty && m.name.is_some())?;
            mention.start = self.ws[i].start;
            return Some((mention, next));
        };
        mention.start = self.ws[i].start;
        mention.bare = false;
        let next = self.next_word_after(mention.end);
        Some((mention, next))
    }

    /// A name without a title before it; an appositive title after it ("Andrzej Duda, the
    /// President of Poland") gives it a role.
    fn bare(&self, i: usize) -> Option<(PersonMention, usize)> {
        let w = self.word(i)?;
        if !w.capitalised() || NOT_NAME.contains(key(w)) {
            return None;
        }
        let end = self.name_at(i)?;
        if end - i >= 2 && !self.looks_like_person(i, end) {
            return None;
        }
        // "the Red Cross", "Humanitarian Contact Group": an organisation's name
        let after_org = self.word(end).is_some_and(|w| {
            w.capitalised() && NOT_PERSON.contains(key(w)) && self.joined(end - 1)
        });
        // "Bangui M'Poko airport": an airport named after its town (not "Ben Gurion airport")
        let place_after = self
            .word(end)
            .is_some_and(|w| matches!(key(w), "airport" | "airbase") && self.joined(end - 1))
            && self.named_place_at(w, &[MentionKind::City]);
        let after_the = i > 0 && key(&self.ws[i - 1]) == "the" && self.joined(i - 1);
        // "the new Silk Road Samarkand complex": the name of a building
        let building = self.word(end).is_some_and(|w| {
            !w.capitalised() && BUILDING_WORDS.contains(&key(w)) && self.joined(end - 1)
        });
        // "Innovative Use of Nuclear Energy": a name of a thing, not of a person
        let of_thing = self.word(end).is_some_and(|w| key(w) == "of")
            && self.word(end + 1).is_some_and(Word::capitalised)
            && self.country_at(end + 1).is_none();
        if after_org || place_after || after_the || building || of_thing || self.journey_to(i, end)
        {
            return None;
        }
        if end - i == 1 && self.country_at(i).is_some() {
            return None;
        }
        // "Tokyo's", "Gaza's": a place's possessive, not a surname's
        let place_owns =
            possessive(w) && self.named_place_at(w, &[MentionKind::City, MentionKind::Country]);
        if place_owns {
            return None;
        }
        let mention = self.bare_mention(i, end)?;
        let next = self.next_word_after(mention.end);
        Some((mention, next))
    }

    /// "arrived in Nusa Dua", "travelled on to Kuta Beach": capitalised words `from..to` where
    /// a journey ends are a place the gazetteer does not know, not a person.
    fn journey_to(&self, from: usize, to: usize) -> bool {
        let Some(before) = from.checked_sub(1).map(|k| key(&self.ws[k])) else {
            return false;
        };
        let verb = from.checked_sub(2).map_or("", |k| key(&self.ws[k]));
        let owned = possessive(&self.ws[to - 1]);
        match before {
            "in" => !owned && JOURNEY_IN.contains(verb),
            "to" => !owned && JOURNEY_TO.contains(verb),
            _ => false,
        }
    }

    /// The gazetteer names a place of one of `kinds` starting at word `w`.
    fn named_place_at(&self, w: &Word<'_>, kinds: &[MentionKind]) -> bool {
        self.found
            .iter()
            .any(|m| m.span.start == w.start && kinds.contains(&m.kind))
    }

    fn next_word_after(&self, offset: usize) -> usize {
        self.ws
            .iter()
            .position(|w| w.start >= offset)
            .unwrap_or(self.ws.len())
    }

    fn bare_mention(&self, from: usize, to: usize) -> Option<PersonMention> {
        let (start, end) = self.span(from, to);
        let mut mention = PersonMention {
            start,
            end,
            name_start: start,
            name: Some(self.name_text(from, to)),
            role: None,
            country: None,
            form: if to - from == 1 {
                Form::Surname
            } else {
                Form::Named
            },
            bare: true,
        };
        // a lone capitalised word before ", the Secretary-General" is more often a place
        // ("On arrival in Islamabad, the Secretary-General") than a surname, and so are words
        // after "in" or "at" ("In Llano Grande, the Secretary-General toured ...")
        let placed = from > 0
            && matches!(
                self.ws[from - 1].key(),
                "in" | "at" | "from" | "near" | "outside"
            );
        let appositive = if to - from >= 2 && !placed {
            self.appositive(to)
        } else {
            None
        };
        if let Some(title) = appositive {
            mention.end = self.ws[title.end - 1].end;
            mention.role = Some(title.role);
            mention.country = title.country;
            mention.bare = false;
        } else {
            let (end, country) = self.of_country(to, end, None);
            mention.bare &= country.is_none();
            mention.end = end;
            mention.country = country;
        }
        Some(mention)
    }

    /// ", the President of Poland" / ", Minister for Foreign Affairs" / ", who is President
    /// of ..." / ", his predecessor" after a name ending at word `to`.
    fn appositive(&self, to: usize) -> Option<Title> {
        if to == 0 || gap(self.sentence, self.ws, to - 1).trim() != "," {
            return None;
        }
        let mut j = to;
        if self.word(j).is_some_and(|w| key(w) == "who")
            && self
                .word(j + 1)
                .is_some_and(|w| matches!(key(w), "is" | "was"))
        {
            j += 2;
        }
        if self.word(j).is_some_and(|w| matches!(key(w), "a" | "an")) {
            j += 1;
        }
        let title = self.title_at(j)?;
        let ends = gap(self.sentence, self.ws, title.end - 1);
        let closed = title.end >= self.ws.len()
            || ends.contains([',', ';', '.', ')'])
            || !self.word(title.end).is_some_and(Word::capitalised);
        // "Accompanied by X, the President departed": the subject after an opening phrase,
        // not X's title
        let opened = self
            .ws
            .first()
            .is_some_and(|w| w.text.ends_with("ed") || w.text.ends_with("ing"));
        let verb_next = !ends.contains([',', ';', '.', ')'])
            && self.word(title.end).is_some_and(|w| {
                !w.capitalised()
                    && (w.text.ends_with("ed")
                        || matches!(
                            w.text,
                            "was"
                                | "is"
                                | "will"
                                | "has"
                                | "had"
                                | "met"
                                | "left"
                                | "held"
                                | "flew"
                                | "went"
                                | "made"
                                | "took"
                                | "then"
                                | "also"
                        ))
            });
        (closed && !(opened && verb_next)).then_some(title)
    }
}

/// "Integration", "Reconstruction", "Security": a word of the kind portfolios are named
/// with, which a name ("Don", "Farrell") is not.
fn abstract_noun(word: &str) -> bool {
    const ENDINGS: [&str; 10] = [
        "tion", "sion", "ment", "ity", "ism", "ance", "ence", "ics", "ries", "ship",
    ];
    ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Words after a name that make it a building's: "the Silk Road Samarkand complex".
const BUILDING_WORDS: &[&str] = &[
    "complex",
    "centre",
    "center",
    "hall",
    "campus",
    "compound",
    "museum",
    "memorial",
    "stadium",
    "arena",
    "headquarters",
    "hotel",
    "theatre",
    "theater",
    "square",
    "park",
    "building",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A mention as the tests see it: name, role, form.
    type Seen = (Option<String>, Option<String>, Form);

    fn people(sentence: &str) -> Vec<Seen> {
        mentions(sentence, Gazetteer::global())
            .into_iter()
            .filter(|m| !m.bare)
            .map(|m| (m.name, m.role, m.form))
            .collect()
    }

    fn named(name: &str, role: Option<&str>) -> Seen {
        let form = if name.contains(' ') {
            Form::Named
        } else {
            Form::Surname
        };
        (Some(name.into()), role.map(Into::into), form)
    }

    fn described(role: &str) -> Seen {
        (None, Some(role.into()), Form::Description)
    }

    #[test]
    fn a_name_with_a_particle_stands_in_apposition_and_a_style_before_it_is_no_part_of_it() {
        assert_eq!(
            people("She held talks with Jon bin Tomas, Crown Prince of Qatar."),
            vec![named("Jon bin Tomas", Some("Crown Prince of Qatar"))]
        );
        assert_eq!(
            people("She was greeted by the President, Sheikh Jon Tomas Al Dahl."),
            vec![named("Jon Tomas Al Dahl", Some("President"))]
        );
    }

    #[test]
    fn titles_and_names_in_the_forms_releases_use() {
        let cases: &[(&str, Vec<Seen>)] = &[
            (
                "She met Foreign Minister Ana Ruiz in Lima.",
                vec![named("Ana Ruiz", Some("Foreign Minister"))],
            ),
            (
                "He was received by the President of the Commission, Jan Mol, at noon.",
                vec![named("Jan Mol", Some("President of the Commission"))],
            ),
            // initials run together, and one letter inside a name
            (
                "The Minister for Trade, Dr. J.R. Ana M. Ruiz, returned.",
                vec![named("J.R. Ana M. Ruiz", Some("Minister for Trade"))],
            ),
            // "PM" for a prime minister; an organisation's initials with their full stops
            (
                "Reporters trailed PM Ana Ruiz around the capital.",
                vec![named("Ana Ruiz", Some("PM"))],
            ),
            (
                "Former U.N. Secretary-General Tomas Vik arrived.",
                vec![named("Tomas Vik", Some("Former U.N. Secretary-General"))],
            ),
            // a courtesy title between the office and the name; a body in lower case; what
            // a council is for
            (
                "HE Minister of Foreign Affairs Sheikh Tomas bin Vik came.",
                vec![named("Tomas bin Vik", Some("Minister of Foreign Affairs"))],
            ),
            (
                "He met the Prime Minister of the caretaker government, Mullah Jon Dahl.",
                vec![named(
                    "Jon Dahl",
                    Some("Prime Minister of the caretaker government"),
                )],
            ),
            (
                "He met the Chairman of the High Council for National Reconciliation, Dr. Jon Dahl.",
                vec![named(
                    "Jon Dahl",
                    Some("Chairman of the High Council for National Reconciliation"),
                )],
            ),
            // a headline's verb is no name
            (
                "Minister for Trade Concludes Visit to Peru",
                vec![described("Minister for Trade")],
            ),
            (
                "He met Ola Berg, Deputy Minister for Foreign Affairs, on Monday.",
                vec![named(
                    "Ola Berg",
                    Some("Deputy Minister for Foreign Affairs"),
                )],
            ),
            (
                "She met with Prime Minister Kim Sen.",
                vec![named("Kim Sen", Some("Prime Minister"))],
            ),
            (
                "The foreign minister, Prince Jon bin Dahl, held talks.",
                vec![named("Jon bin Dahl", Some("foreign minister"))],
            ),
            (
                "She was welcomed by Prince Jon bin Sultan at the airport.",
                vec![named("Jon bin Sultan", Some("Prince"))],
            ),
            (
                "Vice Premier Liu He is expected in Davos.",
                vec![named("Liu He", Some("Vice Premier"))],
            ),
            (
                "Talks with Prime Minister Jon Shia' Al-Dahl followed.",
                vec![named("Jon Shia' Al-Dahl", Some("Prime Minister"))],
            ),
            (
                "Talks with Prime Minister Hun Sen followed.",
                vec![named("Hun Sen", Some("Prime Minister"))],
            ),
            (
                "He met the Prime Minister-designate, Jon Dahl, and President-elect Lena Berg.",
                vec![
                    named("Jon Dahl", Some("Prime Minister-designate")),
                    named("Lena Berg", Some("President-elect")),
                ],
            ),
            (
                "Mr. Tomas Vik and H.E. Dr. Lina Aho spoke.",
                vec![named("Tomas Vik", None), named("Lina Aho", None)],
            ),
            (
                "Later, the Foreign Minister hosted a lunch.",
                vec![described("Foreign Minister")],
            ),
            (
                "He then saw President Okafor.",
                vec![named("Okafor", Some("President"))],
            ),
            (
                "He met Prime Minister (\"Taoiseach\") Brian Cowen.",
                vec![named("Brian Cowen", Some("Prime Minister"))],
            ),
            (
                "She greeted the University's Rector, Ivan Petrenko, warmly.",
                vec![named("Ivan Petrenko", Some("Rector"))],
            ),
            (
                "He met Hamid Osman, the Speaker of the National Assembly.",
                vec![named(
                    "Hamid Osman",
                    Some("Speaker of the National Assembly"),
                )],
            ),
            (
                "Lunch with Environment Minister Jo Bell and Lieutenant General Dan Kerr.",
                vec![
                    named("Jo Bell", Some("Environment Minister")),
                    named("Dan Kerr", Some("Lieutenant General")),
                ],
            ),
            (
                "She met Chief Executive Jon Moe and the mayor's daughter, Eva Lind.",
                vec![
                    named("Jon Moe", Some("Chief Executive")),
                    named("Eva Lind", Some("daughter")),
                ],
            ),
            (
                "She met Premier of the State Council of the Republic of Korea Min Ho.",
                vec![named(
                    "Min Ho",
                    Some("Premier of the State Council of the Republic of Korea"),
                )],
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(people(sentence), *expected, "{sentence}");
        }
    }

    #[test]
    fn names_with_particles_inner_titles_and_acronym_like_words() {
        let cases: &[(&str, Vec<Seen>)] = &[
            (
                "He was received by Chairman Pak Jong Un at noon.",
                vec![named("Pak Jong Un", Some("Chairman"))],
            ),
            (
                "He met President Omar Idris al-Nur in the palace.",
                vec![named("Omar Idris al-Nur", Some("President"))],
            ),
            (
                "She was welcomed by President Sheikh Hamid Sheikh Yusuf.",
                vec![named("Sheikh Hamid Sheikh Yusuf", Some("President"))],
            ),
            (
                "Talks with Trade Minister Laura Bishop followed.",
                vec![named("Laura Bishop", Some("Trade Minister"))],
            ),
            (
                "There she met with OSCE Secretary-General Dato Ola Berg.",
                vec![named("Ola Berg", Some("Secretary-General"))],
            ),
            (
                "She then met President Anna von der Heide.",
                vec![named("Anna von der Heide", Some("President"))],
            ),
            (
                "External Affairs Minister Dr. R. Mehta arrived.",
                vec![named("R. Mehta", Some("External Affairs Minister"))],
            ),
            (
                "Senator the Hon Ana Ruiz met him.",
                vec![named("Ana Ruiz", Some("Senator"))],
            ),
            (
                "Prime Minister the Hon Ana Ruiz MP met him.",
                vec![named("Ana Ruiz", Some("Prime Minister"))],
            ),
            (
                "Prime Minister Tomas Costa e Vik met him at the palace.",
                vec![named("Tomas Costa e Vik", Some("Prime Minister"))],
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(people(sentence), *expected, "{sentence}");
        }
    }

    #[test]
    fn a_name_after_an_opening_word_or_with_a_possessive_is_read() {
        let names = |sentence: &str| -> Vec<String> {
            mentions(sentence, Gazetteer::global())
                .into_iter()
                .filter_map(|m| m.name)
                .collect()
        };
        assert_eq!(
            names("On Thursday Tomas Vik met President Ola Berg."),
            ["Tomas Vik", "Ola Berg"]
        );
        assert_eq!(
            names("Later Vik met President Ola Berg."),
            ["Vik", "Ola Berg"]
        );
        assert_eq!(
            names("King Harald Moe will host a banquet in Vik's honour."),
            ["Harald Moe", "Vik"]
        );
    }

    #[test]
    fn a_place_before_a_comma_is_no_part_of_the_title_after_it() {
        let sentence = "At Al Vik Palace, Crown Prince Ole Vik welcomed her.";
        let found = mentions(sentence, Gazetteer::global());
        let prince = found
            .iter()
            .find(|m| m.name.as_deref() == Some("Ole Vik"))
            .expect("the prince");
        assert_eq!(&sentence[prince.start..prince.end], "Crown Prince Ole Vik");
    }

    #[test]
    fn titles_of_provinces_cities_and_two_offices() {
        let cases: &[(&str, Vec<Seen>)] = &[
            (
                "He met the Governor of Talvik province, Jon Arne Moe, in the town.",
                vec![named("Jon Arne Moe", Some("Governor of Talvik province"))],
            ),
            (
                "He then met the Wali (Governor) of North Talvik, Omar Ali Yusuf.",
                vec![named("Omar Ali Yusuf", Some("Wali"))],
            ),
            (
                "Talks with General Tan Bo, Chairman of the State Unity and Development Council.",
                vec![
                    named("Tan Bo", Some("General")),
                    described("Chairman of the State Unity and Development Council"),
                ],
            ),
            (
                "He then met the Mayor of Vardo, Per Lund.",
                vec![named("Per Lund", Some("Mayor of Vardo"))],
            ),
            (
                "He was met by Minister for Trade and Tourism Tomas Vik, the Minister for Trade and Export Growth, Lena Berg, and Minister of Justice and European Integration Ana Ruiz.",
                vec![
                    named("Tomas Vik", Some("Minister for Trade and Tourism")),
                    named("Lena Berg", Some("Minister for Trade and Export Growth")),
                    named(
                        "Ana Ruiz",
                        Some("Minister of Justice and European Integration"),
                    ),
                ],
            ),
            (
                "She was greeted by the Minister for Foreign Affairs and Cooperation, Rui Costa.",
                vec![named(
                    "Rui Costa",
                    Some("Minister for Foreign Affairs and Cooperation"),
                )],
            ),
            (
                "He was met by the Deputy Prime Minister and Minister of Finance, Ada Kent.",
                vec![named(
                    "Ada Kent",
                    Some("Deputy Prime Minister and Minister of Finance"),
                )],
            ),
            (
                "She joined the Speaker of Parliament, Omar Hassan Sheikh Aden, for lunch.",
                vec![named(
                    "Omar Hassan Sheikh Aden",
                    Some("Speaker of Parliament"),
                )],
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(people(sentence), *expected, "{sentence}");
        }
    }

    #[test]
    fn organisations_and_places_are_not_people() {
        for sentence in [
            "He spoke at Yonsei University in Seoul.",
            "He addressed the General Assembly.",
            "They toured the Peace Palace.",
            "A general strike was called.",
            "He flew in from Tokyo's Haneda airport.",
            "Departure Statement by the Ministry.",
            "She was greeted at Lima Chavez airport.",
            "On arrival in Vela Luka that evening, she spoke to the press.",
            "He then travelled to Kamen Dol by road.",
        ] {
            assert!(
                people(sentence).is_empty(),
                "{sentence}: {:?}",
                people(sentence)
            );
        }
    }

    #[test]
    fn a_titled_name_after_for_or_to_is_the_one_the_title_serves() {
        assert_eq!(
            people("It was read by Jon Dahl, Spokesperson for Secretary-General Ana Ruiz."),
            [
                named("Jon Dahl", Some("Spokesperson")),
                named("Ana Ruiz", Some("Secretary-General"))
            ]
        );
        // (a portfolio after "for" is still the title's own)
        assert_eq!(
            people("She met the Minister for Foreign Affairs Tomas Vik."),
            [named("Tomas Vik", Some("Minister for Foreign Affairs"))]
        );
    }

    #[test]
    fn a_king_and_a_queen_consort_are_two_people() {
        assert_eq!(
            people("The King and Queen Consort Lena Berg landed."),
            [described("King"), named("Lena Berg", Some("Queen Consort"))]
        );
    }
}
