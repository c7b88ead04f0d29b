//! The visitor field of a visit record: a title and a name ("Prime Minister Stephen
//! Harper", "King Kalakaua", "Governor General Lord Tweedsmuir", "Chief of State Hubert
//! Maga"). The title is the run of title words at the start; the rest is the name.

use crate::domain::Traveller;

/// Words that make up titles in the records, in any combination ("Acting Prime Minister",
/// "Vice Premier", "Brigadier General", "Crown Prince").
const TITLE_WORDS: &[&str] = &[
    "Acting",
    "Amir",
    "Brigadier",
    "Chairman",
    "Chancellor",
    "Chancellor-elect",
    "Chief",
    "Crown",
    "Duchess",
    "Duke",
    "Emir",
    "Emperor",
    "Empress",
    "Federal",
    "First",
    "General",
    "Governor",
    "Grand",
    "Head",
    "Interim",
    "Junta",
    "King",
    "Lieutenant",
    "Member",
    "Minister",
    "Pope",
    "Premier",
    "President",
    "President-designate",
    "President-elect",
    "Prime",
    "Provisional",
    "Queen",
    "Regent",
    "Secretary",
    "Shah",
    "Sultan",
    "Taoiseach",
    "Vice",
];

/// Titles that are also part of a name once a title has started ("Regent Prince Abdul
/// Ilah", "Emir Sheikh Hamad"), but open a title at the start ("Prince Rainier III").
const LEADING_ONLY: &[&str] = &["Prince", "Princess", "Sheikh", "Sheik"];

/// Splits a visitor into name and title. With no title word at the start, or nothing
/// after the title, the whole text is the name and the role is `None`.
pub fn parse_visitor(visitor: &str) -> Traveller {
    let text = normalise(visitor);
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let title_len = title_length(&words);
    if title_len == 0 || title_len == words.len() {
        return Traveller {
            name: words.join(" "),
            role: None,
        };
    }
    Traveller {
        name: words[title_len..].join(" "),
        role: Some(words[..title_len].join(" ").replace(" & ", " and ")),
    }
}

/// "President- elect" → "President-elect"; "President-Elect" → "President-elect".
fn normalise(visitor: &str) -> String {
    visitor
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- elect", "-elect")
        .replace("- designate", "-designate")
        .replace("-Elect", "-elect")
}

fn title_length(words: &[&str]) -> usize {
    let mut len = 0;
    while len < words.len() {
        let word = words[len];
        let continues = TITLE_WORDS.contains(&word)
            || (LEADING_ONLY.contains(&word)
                && (len == 0 || matches!(words[len - 1], "Crown" | "and" | "&")))
            || (matches!(word, "and" | "&") && len > 0 && is_title_start(words.get(len + 1)));
        if continues {
            len += 1;
        } else if let Some(of) = of_phrase(&words[len..]).filter(|_| len > 0) {
            len += of;
        } else {
            break;
        }
    }
    len
}

fn is_title_start(word: Option<&&str>) -> bool {
    word.is_some_and(|w| TITLE_WORDS.contains(w) || LEADING_ONLY.contains(w))
}

/// "of State", "of the Presidency": the object of "Chief", "Head", "Chairman".
fn of_phrase(words: &[&str]) -> Option<usize> {
    match words {
        ["of", "State", ..] => Some(2),
        ["of", "the", "Presidency", ..] => Some(3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(visitor: &str) -> (String, Option<String>) {
        let t = parse_visitor(visitor);
        (t.name, t.role)
    }

    #[test]
    fn titles_and_names_split() {
        let cases = [
            ("Prime Minister Harper", "Harper", Some("Prime Minister")),
            ("King Kalakaua", "Kalakaua", Some("King")),
            (
                "President-elect Ortiz Rubio",
                "Ortiz Rubio",
                Some("President-elect"),
            ),
            (
                "President- elect Ernesto Zedillo",
                "Ernesto Zedillo",
                Some("President-elect"),
            ),
            (
                "Governor General Lord Gowrie",
                "Lord Gowrie",
                Some("Governor General"),
            ),
            (
                "Chief of State Hubert Maga",
                "Hubert Maga",
                Some("Chief of State"),
            ),
            (
                "Crown Prince Mohammed bin Salman",
                "Mohammed bin Salman",
                Some("Crown Prince"),
            ),
            (
                "Regent Prince Abdul Ilah",
                "Prince Abdul Ilah",
                Some("Regent"),
            ),
            ("Prince Rainier III", "Rainier III", Some("Prince")),
            (
                "Premier & Prince Sihanouk",
                "Sihanouk",
                Some("Premier and Prince"),
            ),
            (
                "Amir Sheikh Tamim bin Hamad Al Thani",
                "Sheikh Tamim bin Hamad Al Thani",
                Some("Amir"),
            ),
            ("Valdas Adamkus", "Valdas Adamkus", None),
            ("President", "President", None),
        ];
        for (visitor, name, role) in cases {
            assert_eq!(
                parsed(visitor),
                (name.to_owned(), role.map(str::to_owned)),
                "{visitor}"
            );
        }
    }
}
