//! Words that text scanning treats with care: ordinary English words, titles and given names
//! that are also the names of towns somewhere ("Of" in Türkiye, "Mark", "President Roxas"),
//! and the capitalised function words that may stand before a place name. All are name keys
//! (folded, lower case), sorted to be read and kept without repeats, hashed for lookup.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Never a city or site: function words, titles, calendar words, continents and oceans,
/// common nouns, given names and politicians' surnames that GeoNames also lists as towns or
/// alternate names ("Obama", Japan; "White House" for Casablanca).
const NEVER_A_CITY: &[&str] = &[
    "about",
    "affairs",
    "africa",
    "after",
    "again",
    "agency",
    "agreement",
    "airport",
    "all",
    "also",
    "ambassador",
    "among",
    "and",
    "another",
    "any",
    "april",
    "arctic",
    "are",
    "army",
    "asia",
    "assembly",
    "atlantic",
    "august",
    "baker",
    "bank",
    "because",
    "before",
    "being",
    "between",
    "blair",
    "both",
    "bush",
    "but",
    "cabinet",
    "can",
    "carter",
    "center",
    "centre",
    "chairman",
    "chancellor",
    "chief",
    "city",
    "clinton",
    "commission",
    "commissioner",
    "committee",
    "conference",
    "congress",
    "council",
    "court",
    "day",
    "december",
    "defence",
    "defense",
    "deputy",
    "development",
    "director",
    "during",
    "each",
    "early",
    "east",
    "embassy",
    "emir",
    "energy",
    "europe",
    "every",
    "february",
    "first",
    "for",
    "foreign",
    "forum",
    "friday",
    "from",
    "fund",
    "general",
    "government",
    "governor",
    "group",
    "gulf",
    "had",
    "hamas",
    "has",
    "have",
    "health",
    "her",
    "here",
    "his",
    "home",
    "hope",
    "house",
    "human",
    "independence",
    "international",
    "into",
    "its",
    "january",
    "john",
    "july",
    "june",
    "justice",
    "kennedy",
    "kerry",
    "king",
    "last",
    "late",
    "later",
    "liberty",
    "man",
    "mao",
    "marathon",
    "march",
    "mark",
    "mary",
    "may",
    "mayor",
    "mercedes",
    "middle east",
    "minister",
    "ministry",
    "mission",
    "monday",
    "monument",
    "more",
    "most",
    "national",
    "nations",
    "nato",
    "new",
    "next",
    "nixon",
    "north",
    "november",
    "obama",
    "oceania",
    "october",
    "office",
    "old",
    "once",
    "one",
    "only",
    "other",
    "our",
    "over",
    "pacific",
    "palace",
    "paul",
    "peace",
    "people",
    "peter",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "progress",
    "queen",
    "reagan",
    "republic",
    "rights",
    "saturday",
    "says",
    "second",
    "secretary",
    "security",
    "senate",
    "senator",
    "september",
    "she",
    "sheikh",
    "since",
    "some",
    "south",
    "state",
    "states",
    "street",
    "summit",
    "sunday",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thursday",
    "today",
    "trade",
    "tuesday",
    "union",
    "united",
    "university",
    "until",
    "upon",
    "very",
    "vice",
    "was",
    "wednesday",
    "welcome",
    "were",
    "west",
    "what",
    "when",
    "where",
    "which",
    "while",
    "white house",
    "who",
    "will",
    "winston",
    "with",
    "within",
    "world",
    "year",
    "yesterday",
    "you",
];

/// Real places whose names are also common words or names ("Nice", "Reading", "Victoria"):
/// reported, but flagged ambiguous.
const AMBIGUOUS: &[&str] = &[
    "aurora",
    "bath",
    "buffalo",
    "chad",
    "concord",
    "eugene",
    "georgia",
    "jackson",
    "jordan",
    "lincoln",
    "mobile",
    "nice",
    "obama",
    "orange",
    "petra",
    "phoenix",
    "providence",
    "reading",
    "sal",
    "split",
    "truth or consequences",
    "victoria",
];

/// Capitalised words that may stand right before a place name without making it part of a
/// longer proper noun ("In Kyiv", "East Jerusalem", "From Warsaw").
const LEADING: &[&str] = &[
    "about", "across", "after", "along", "and", "around", "at", "before", "between", "both", "but",
    "by", "central", "downtown", "during", "east", "eastern", "for", "from", "greater", "in",
    "inside", "into", "leaving", "near", "north", "northern", "of", "on", "or", "outside", "over",
    "south", "southern", "the", "then", "through", "to", "toward", "towards", "under", "upon",
    "via", "visiting", "west", "western", "while", "with", "within",
];

/// Verbs of saying: a one-word name before one is a person ("Hadley said").
const SPEECH_VERBS: &[&str] = &[
    "added",
    "asked",
    "explained",
    "noted",
    "replied",
    "said",
    "says",
    "stated",
    "told",
    "wrote",
];

/// Titles and honorifics: a town named after the word that follows one is a person
/// ("President Obama", "Prime Minister Harper").
const TITLES: &[&str] = &[
    "ambassador",
    "chancellor",
    "dr",
    "emir",
    "general",
    "governor",
    "king",
    "lord",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "queen",
    "secretary",
    "senator",
    "sheikh",
    "sir",
    "sultan",
];

/// A list hashed when first asked: the lists are looked up for most words of every text,
/// and a hash is cheaper than a binary search's string comparisons.
pub(super) struct Hashed {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Hashed {
    pub(super) const fn new(list: &'static [&'static str]) -> Self {
        Self {
            list,
            set: OnceLock::new(),
        }
    }

    pub(super) fn contains(&self, key: &str) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(key)
    }
}

static NEVER_A_CITY_SET: Hashed = Hashed::new(NEVER_A_CITY);
static AMBIGUOUS_SET: Hashed = Hashed::new(AMBIGUOUS);
static LEADING_SET: Hashed = Hashed::new(LEADING);
static SPEECH_VERBS_SET: Hashed = Hashed::new(SPEECH_VERBS);
static TITLES_SET: Hashed = Hashed::new(TITLES);

/// `key` is never a city or site on its own.
pub(super) fn never_a_city(key: &str) -> bool {
    NEVER_A_CITY_SET.contains(key)
}

/// `key` is a place that is also a common word or name.
pub(super) fn ambiguous(key: &str) -> bool {
    AMBIGUOUS_SET.contains(key)
}

/// `key` may precede a place name without joining it into a longer name.
pub(super) fn leading(key: &str) -> bool {
    LEADING_SET.contains(key)
}

/// `key` is a verb of saying.
pub(super) fn speech_verb(key: &str) -> bool {
    SPEECH_VERBS_SET.contains(key)
}

/// `key` is a title or honorific.
pub(super) fn title(key: &str) -> bool {
    TITLES_SET.contains(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        for list in [NEVER_A_CITY, AMBIGUOUS, LEADING, TITLES, SPEECH_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list);
        }
    }

    #[test]
    fn lookups_find_listed_words() {
        assert!(never_a_city("mark"));
        assert!(ambiguous("nice"));
        assert!(leading("in"));
        assert!(title("president"));
        assert!(!never_a_city("kyiv"));
    }
}
