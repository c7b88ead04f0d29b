//! Word lists of the extraction rules: titles, honorifics, name particles, and the words
//! that mark organisations and places. Lookups are hash sets built once. No dependencies.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Memory for the lazy DFA of each large pattern set, per thread. The sets match many
/// patterns at once, whose states are large: with the default 2 MB the cache fills on
/// varied text and is rebuilt again and again, which made extraction of a corpus of
/// different documents twice as slow as that of one document repeated.
pub const SET_CACHE: usize = 32 << 20;

/// A set of lower-case words given as a whitespace-separated list, hashed on first use.
pub struct WordSet {
    list: &'static str,
    set: OnceLock<Lookup>,
}

/// The words hashed, and for each first and each last byte the lengths of the words that
/// start or end with it: most words asked about are in no set, and are turned away by two
/// bit tests instead of a hash and a probe (the first byte alone let most words of the
/// larger sets through).
struct Lookup {
    words: FxHashSet<&'static str>,
    /// Bit `n` of `lengths[b]`: a word of `n` bytes (31 for longer ones) starts with byte `b`.
    lengths: [u32; 256],
    /// Bit `n` of `last_lengths[b]`: a word of `n` bytes (31 for longer ones) ends with `b`.
    last_lengths: [u32; 256],
}

impl Lookup {
    fn new(list: &'static str) -> Self {
        let (mut lengths, mut last_lengths) = ([0u32; 256], [0u32; 256]);
        let words: FxHashSet<&'static str> = list.split_whitespace().collect();
        for word in &words {
            let bytes = word.as_bytes();
            lengths[usize::from(bytes[0])] |= length_bit(word);
            last_lengths[usize::from(bytes[bytes.len() - 1])] |= length_bit(word);
        }
        Self {
            words,
            lengths,
            last_lengths,
        }
    }

    fn contains(&self, word: &str) -> bool {
        let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) else {
            return false;
        };
        let bit = length_bit(word);
        self.lengths[usize::from(first)] & bit != 0
            && self.last_lengths[usize::from(last)] & bit != 0
            && self.words.contains(word)
    }
}

/// The bit of a word's length in [`Lookup::lengths`].
fn length_bit(word: &str) -> u32 {
    1 << word.len().min(31)
}

impl WordSet {
    /// The words of `list`.
    pub const fn new(list: &'static str) -> Self {
        Self {
            list,
            set: OnceLock::new(),
        }
    }

    /// True when `word` (lower-case) is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| Lookup::new(self.list))
            .contains(word)
    }
}

/// Heads of titles: the noun that makes a phrase a title.
pub static HEADS: WordSet = WordSet::new(
    "
    president vice-president minister prime premier chancellor secretary secretary-general
    under-secretary-general deputy-secretary-general king queen prince princess emir amir
    sheikh sultan emperor empress consort pope governor governor-general mayor speaker chairman
    chairwoman chairperson chair commissioner ambassador senator congressman congresswoman
    envoy coordinator rector director director-general administrator colonel lieutenant
    commander commander-in-chief marshal admiral leader taoiseach ayatollah patriarch cardinal archbishop bishop
    imam spokesperson spokesman spokeswoman adviser advisor counterpart predecessor successor
    wife husband spouse daughter mayors ministers leaders presidents representative head chief general
    judge founder co-chair delegate wali ombudsman prosecutor minister-president crown vice foreign
    deputy state interior defence defense finance environment health trade economy education
    home justice federal special high permanent resident acting interim provisional executive
    first senior supreme grand former national security assistant principal then late outgoing
    incoming new visiting military economic regional external affairs pm
    ",
);

/// Of `HEADS`, the words that only qualify a title ("Foreign", "Deputy"): a title needs a
/// head proper after them.
pub static MODIFIERS: WordSet = WordSet::new(
    "
    prime vice foreign deputy state interior defence defense finance environment health trade
    economy education home justice federal special high permanent resident acting interim
    provisional first senior supreme grand former national security assistant
    principal then late outgoing incoming new visiting military crown economic regional
    external affairs
    ",
);

/// Heads that are ordinary words too ("a general strike", "the head of"): titles only when
/// capitalised and followed by a name.
pub static WEAK_HEADS: WordSet = WordSet::new(
    "
    general head chief chair leader judge crown executive pm
    ",
);

/// Courtesy titles before a name.
pub static HONORIFICS: WordSet = WordSet::new(
    "
    mr mrs ms miss dr h.e madam madame sir dame lord lady professor reverend excellency majesty
    highness mme messrs dato datuk honourable honorable shri shrimati smt mullah mufti
    ",
);

/// Abbreviated titles, courtesy titles only with their full stop ("Sen." but "Hun Sen").
pub static ABBREVIATED: WordSet = WordSet::new(
    "
    prof rev hon col gen lt sen gov rep amb capt maj m pres
    ",
);

/// Name particles that may sit lower-case inside a name ("Osama bin Laden").
pub static PARTICLES: WordSet = WordSet::new(
    "
    bin ibn al el de da del della di dos das du van von der den la le ter ben bint abu y e wa
    ",
);

/// Words that make a capitalised run an organisation, a building or an event, not a person.
pub static NOT_PERSON: WordSet = WordSet::new(
    "
    nations council bank union commission assembly forum conference summit centre center
    institute committee organization organisation agency ministry office palace house castle
    hall museum church cathedral airport base force forces services army mission court group party government
    parliament fund programme program foundation company co inc corporation hotel regency field
    province region republic kingdom islands island sea river project plant memorial square
    street avenue school college university hospital camp goals agenda charter prize prizes war
    world day news times post press reuters television radio state states federation police
    embassy consulate association network barracks cemetery library stadium park bridge port
    harbour harbor valley mountain lake declaration treaty accord agreement initiative plan
    strategy campaign movement front alliance coalition league secretariat affairs department
    directorate authority cabinet senate congress residence building complex mosque temple
    synagogue monastery city town village district county territory territories africa asia
    europe america pacific atlantic middle east west north south central great man-made guard
    honour honor one statement communique communiqué readout briefing pagoda shrine gurdwara
    mausoleum basilica abbey fortress cooperation co-operation inter-governmental
    intergovernmental relations rights management development meeting meetings dialogue
    international airways airlines secretaries ministers presidents leaders chancellors
    ",
);

/// Words of ministerial portfolios and bodies in title complements ("Minister of
/// International Co-operation", "Commissioner for Development").
pub static PORTFOLIOS: WordSet = WordSet::new(
    "
    international co-operation cooperation development economic external relations industry
    commerce culture tourism labour labor energy mines transport agriculture information
    communications planning women youth sports water public works religious social welfare
    science technology investment european african arab foreign affairs defence defense
    interior finance justice health education environment trade economy state staff government
    operations peacekeeping humanitarian political legal management refugees assistance
    disarmament human rights climate change emergency relief general west east north south
    central southern northern eastern western states union nations united world national
    federal republic islamic democratic people's peoples export exports growth innovation
    infrastructure housing employment fisheries forestry mining petroleum oil gas power lands
    local urban rural veterans immigration citizenship security home digital heritage arts
    multiculturalism diaspora overseas commonwealth
    ",
);

/// Capitalised words that open sentences and clauses but never names.
pub static NOT_NAME: WordSet = WordSet::new(
    "
    the a an on in at after before during following he she it they we i his her its their this
    that these those there when while next then later earlier speaking according once having
    coming prior afterwards meanwhile however together both with for from to by as under over
    since until upon no some many several all each every of and or but if so yet also here
    today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january
    february september october november december his excellency see press release our my your
    you us me him what who which where why how not new first second third two three four five
    one last intending accompanied greeting talking addressing stepping cheering straight
    outside inside within without although though because unlike like despite among between
    against toward towards through throughout about formally particular topics expanded leaders
    such any only english french spanish arabic chinese russian un u.n u.s eu nato g7 g20 g-20
    covid-19 sg sm sg/sm eid ramadan christmas easter diwali nowruz hanukkah passover
    thanksgiving concludes visits meets arrives holds begins ends leaves departs opens receives
    pays attends addresses travels returns urges welcomes wraps leaving arriving departing
    travelling traveling returning flying visiting landing concluding wrapping heading
    continuing touring entering crossing reaching attending receiving hosting welcoming
    ",
);

/// Of `NOT_NAME`, the acronyms: not names only when written in capitals ("UN", but the "Un"
/// of a Korean name).
pub static ACRONYMS: WordSet = WordSet::new(
    "
    un eu sg
    ",
);

/// Nouns of groups met as a body ("met staff of the embassy", "with members of the
/// community"): a "them" after them stands for the group, not for a counterpart.
pub static GROUPS: WordSet = WordSet::new(
    "
    staff staffers personnel employees members families community communities students
    workers residents volunteers troops peacekeepers soldiers officers representatives
    survivors refugees youth women children traders villagers elders journalists reporters
    diaspora crowd crowds audience delegates participants beneficiaries patients teachers
    farmers businesspeople executives entrepreneurs
    ",
);

/// Title words that are also surnames ("Julie Bishop"): part of a name when they close it.
pub static SURNAME_HEADS: WordSet = WordSet::new(
    "
    bishop king pope judge marshal cardinal chancellor
    ",
);

/// Words of a journey that end with "in" before where it ends: "arrived in", "landed in".
pub static JOURNEY_IN: WordSet = WordSet::new(
    "
    arrived arrives arriving arrival arrive landed landing lands touched stopped stopover
    ",
);

/// Words of a journey that end with "to" before where it ends: "travelled to", "headed to".
pub static JOURNEY_TO: WordSet = WordSet::new(
    "
    travelled traveled travelling traveling travels travel flew flying flies fly headed
    heading heads went going proceeded proceeding proceeds returned returning drove driving
    journeyed journey trip visit visits moved continued continuing
    ",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_qualifier_is_a_head() {
        for word in MODIFIERS.list.split_whitespace() {
            assert!(HEADS.contains(word), "{word}");
        }
    }

    #[test]
    fn words_are_found_whatever_their_length() {
        let set = WordSet::new("a an the secretary-general under-secretary-general-designate");
        for word in [
            "a",
            "an",
            "the",
            "secretary-general",
            "under-secretary-general-designate",
        ] {
            assert!(set.contains(word), "{word}");
        }
        for word in [
            "",
            "b",
            "ant",
            "th",
            "thee",
            "secretary",
            "under-secretary-general-designated",
            "under-secretary-general-designatf",
        ] {
            assert!(!set.contains(word), "{word}");
        }
    }
}
