//! Words that text scanning treats with care: ordinary English words, titles and given names
//! that are also the names of towns somewhere ("Of" in Türkiye, "Mark", "President Roxas"),
//! and the capitalised function words that may stand before a place name. All are name keys
//! (folded, lower case), sorted for binary search.

/// Never a city or site when written alone: function words, titles, calendar words, common
/// nouns and given names that GeoNames also lists as towns (or their alternate names).
const NEVER_A_CITY: &[&str] = &[
    "about",
    "affairs",
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
    "are",
    "army",
    "assembly",
    "august",
    "bank",
    "because",
    "before",
    "being",
    "between",
    "both",
    "but",
    "cabinet",
    "can",
    "center",
    "centre",
    "chairman",
    "chancellor",
    "chief",
    "city",
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
    "had",
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
    "king",
    "last",
    "late",
    "later",
    "liberty",
    "marathon",
    "march",
    "mark",
    "mary",
    "may",
    "mayor",
    "mercedes",
    "minister",
    "ministry",
    "mission",
    "monday",
    "more",
    "most",
    "national",
    "nations",
    "new",
    "next",
    "north",
    "november",
    "october",
    "office",
    "old",
    "once",
    "one",
    "only",
    "other",
    "our",
    "over",
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
    "until",
    "upon",
    "very",
    "vice",
    "was",
    "wednesday",
    "were",
    "west",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
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
    "clinton",
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

fn contains(list: &[&str], key: &str) -> bool {
    list.binary_search(&key).is_ok()
}

/// `key` is never a city or site on its own.
pub(super) fn never_a_city(key: &str) -> bool {
    contains(NEVER_A_CITY, key)
}

/// `key` is a place that is also a common word or name.
pub(super) fn ambiguous(key: &str) -> bool {
    contains(AMBIGUOUS, key)
}

/// `key` may precede a place name without joining it into a longer name.
pub(super) fn leading(key: &str) -> bool {
    contains(LEADING, key)
}

/// `key` is a title or honorific.
pub(super) fn title(key: &str) -> bool {
    contains(TITLES, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [NEVER_A_CITY, AMBIGUOUS, LEADING, TITLES] {
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
