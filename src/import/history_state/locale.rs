//! The locale field of a stop: one or more places in travel order ("Ankara, Ephesus,
//! Istanbul"), some with a qualifier ("Halifax (Nova Scotia)", "Mumbai (Bombay)",
//! "Mexico, D.F."), each resolved against the gazetteer within the stop's country.

use std::ops::Range;

use super::countries::CountryAtTime;
use crate::domain::Place;
use crate::gazetteer::Gazetteer;

/// One place named in a locale field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The name as written, without its qualifier.
    pub name: String,
    /// A parenthesised or abbreviated qualifier: a region, an older or newer name.
    pub qualifier: Option<String>,
    /// Byte range of the mention (qualifier included) in the locale field.
    pub span: Range<usize>,
}

/// Splits a locale field into its places, in order. Commas inside parentheses do not
/// split; an abbreviation such as "D.F." qualifies the place before it.
pub fn mentions(locale: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for span in segments(locale) {
        let raw = locale[span.clone()].trim();
        let start =
            span.start + (locale[span.clone()].len() - locale[span.clone()].trim_start().len());
        let span = start..start + raw.len();
        if raw.is_empty() {
            continue;
        }
        if is_abbreviation(raw)
            && let Some(previous) = out.last_mut()
        {
            previous.qualifier = Some(raw.to_owned());
            previous.span.end = span.end;
            continue;
        }
        let (name, qualifier) = match raw.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
            Some((name, qualifier)) if !name.trim().is_empty() => {
                (name.trim().to_owned(), Some(qualifier.trim().to_owned()))
            }
            _ => (raw.to_owned(), None),
        };
        out.push(Mention {
            name,
            qualifier,
            span,
        });
    }
    out
}

fn segments(locale: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in locale.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                out.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(start..locale.len());
    out
}

/// "D.F.", "D.C.": capitals and full stops only.
fn is_abbreviation(text: &str) -> bool {
    text.len() <= 6
        && text.contains('.')
        && text.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Resolves a mention within its country: a city of that country (under the name, then
/// under the qualifier, which is often the other name: "Mumbai (Bombay)"), else any place
/// of that country the gazetteer knows by that name (a site, an island, a region: "Camp
/// David", "Bali"); then the same within the territories the country administered
/// ("Dakar, France"); else a country of that name ("Bermuda", "Malta"). A name found only
/// elsewhere is not taken: it is another place of the same name. Unresolved, the place
/// keeps its name and the country, with null coordinates.
pub fn resolve(mention: &Mention, country: &CountryAtTime, gazetteer: &Gazetteer) -> Place {
    let found = within(mention, &country.context, gazetteer)
        .or_else(|| {
            Some(&country.dependencies)
                .filter(|codes| !codes.is_empty())
                .and_then(|codes| within(mention, codes, gazetteer))
        })
        .or_else(|| country_place(&mention.name, gazetteer));
    match found {
        Some(place) => Place {
            name: mention.name.clone(),
            country: Some(country.name.clone()),
            country_code: place.country_code.or_else(|| country.code.clone()),
            lat: place.lat,
            lon: place.lon,
        },
        None => unresolved(&mention.name, country),
    }
}

/// A located place called by the mention's name (or its qualifier) in one of the countries
/// `codes` (any country when empty): a city first, then any place the gazetteer knows.
fn within(mention: &Mention, codes: &[String], gazetteer: &Gazetteer) -> Option<Place> {
    let context: Vec<&str> = codes.iter().map(String::as_str).collect();
    let located = |place: &Place| {
        place.lat.is_some()
            && (context.is_empty()
                || place
                    .country_code
                    .as_deref()
                    .is_some_and(|code| context.iter().any(|c| c.eq_ignore_ascii_case(code))))
    };
    let names = || std::iter::once(mention.name.as_str()).chain(mention.qualifier.as_deref());
    names()
        .filter_map(|name| gazetteer.city(name, &context).filter(located))
        .chain(
            names()
                .map(|name| gazetteer.resolve(name, &context))
                .filter(located),
        )
        .next()
}

/// The country itself as a place: a stop with no locale (Vatican City), or a visitor's
/// country of origin. Coordinates are the country's, when the gazetteer has them.
pub fn country_as_place(country: &CountryAtTime) -> Place {
    Place {
        name: country.name.clone(),
        country: Some(country.name.clone()),
        country_code: country.code.clone(),
        lat: country.lat,
        lon: country.lon,
    }
}

fn country_place(name: &str, gazetteer: &Gazetteer) -> Option<Place> {
    let country = gazetteer.country(name)?;
    Some(Place {
        name: name.to_owned(),
        country: Some(country.name.clone()),
        country_code: Some(country.code.clone()),
        lat: country.lat,
        lon: country.lon,
    })
    .filter(|p| p.lat.is_some())
}

fn unresolved(name: &str, country: &CountryAtTime) -> Place {
    Place {
        name: name.to_owned(),
        country: Some(country.name.clone()),
        country_code: country.code.clone(),
        lat: None,
        lon: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(locale: &str) -> Vec<(String, Option<String>)> {
        mentions(locale)
            .into_iter()
            .map(|m| (m.name, m.qualifier))
            .collect()
    }

    #[test]
    fn places_split_in_order_with_their_qualifiers() {
        assert_eq!(
            names("Ankara, Ephesus, Istanbul"),
            vec![
                ("Ankara".into(), None),
                ("Ephesus".into(), None),
                ("Istanbul".into(), None)
            ]
        );
        assert_eq!(
            names("Sydney (Nova Scotia), Campobello Island (New Brunswick)"),
            vec![
                ("Sydney".into(), Some("Nova Scotia".into())),
                ("Campobello Island".into(), Some("New Brunswick".into()))
            ]
        );
        assert_eq!(
            names("Mexico, D.F., Puerto Vallarta"),
            vec![
                ("Mexico".into(), Some("D.F.".into())),
                ("Puerto Vallarta".into(), None)
            ]
        );
        assert_eq!(names(""), vec![]);
    }

    #[test]
    fn spans_point_into_the_field() {
        let locale = "Baden-Baden,  Kehl";
        let found = mentions(locale);
        assert_eq!(&locale[found[1].span.clone()], "Kehl");
        let locale = "Mexico, D.F., Tlaxcala";
        assert_eq!(&locale[mentions(locale)[0].span.clone()], "Mexico, D.F.");
    }
}
