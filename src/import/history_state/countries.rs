//! Countries as the records name them. The name is kept as written at the time ("U.S.S.R.",
//! "Burma", "Zaire"), with inverted forms put in reading order ("Korea, South" → "South
//! Korea"); the code is today's ISO 3166-1 code where one exists, and the context lists the
//! codes of the countries its places belong to today, so that Kiev under "U.S.S.R." resolves
//! to Ukraine and Zagreb under "Yugoslavia" to Croatia.

use super::records::CountryRef;
use crate::fold::fold;
use crate::gazetteer::Gazetteer;

/// A record's country, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryAtTime {
    /// What the country was called in the record.
    pub name: String,
    /// Today's ISO code, `None` for a state that has no single successor (Yugoslavia).
    pub code: Option<String>,
    /// Codes of the countries its places lie in today, most likely first; empty when unknown.
    pub context: Vec<String>,
    /// Codes of the territories it administered at one time or another (Algiers under
    /// France, Nassau under the United Kingdom): tried only when `context` finds nothing.
    pub dependencies: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// States of the records that no longer exist, or exist under another name the gazetteer
/// may not know: folded name or slug → today's code (if a single one) and the codes of
/// the countries their places now lie in.
const HISTORICAL: &[(&str, Option<&str>, &[&str])] = &[
    (
        "u.s.s.r.",
        None,
        &[
            "RU", "UA", "BY", "GE", "AM", "AZ", "KZ", "UZ", "TM", "KG", "TJ", "MD", "LT", "LV",
            "EE",
        ],
    ),
    (
        "yugoslavia",
        None,
        &["RS", "HR", "SI", "BA", "ME", "MK", "XK"],
    ),
    ("serbia and montenegro", None, &["RS", "ME", "XK"]),
    ("yugoslavia (kosovo)", Some("XK"), &["XK", "RS"]),
    ("serbia-montenegro (kosovo)", Some("XK"), &["XK", "RS"]),
    ("kosovo", Some("XK"), &["XK"]),
    ("czechoslovakia", None, &["CZ", "SK"]),
    ("czechoslovakia (government-in-exile)", None, &["CZ", "SK"]),
    ("german-democratic-republic", Some("DE"), &["DE"]),
    ("germany", Some("DE"), &["DE"]),
    ("denmark (greenland)", Some("GL"), &["GL", "DK"]),
    ("denmark", Some("DK"), &["DK", "GL", "FO"]),
    ("netherlands-antilles", None, &["CW", "SX", "BQ", "AW"]),
    ("west-bank", Some("PS"), &["PS", "IL"]),
    ("palestinian-authority", Some("PS"), &["PS", "IL"]),
    ("holy-see", Some("VA"), &["VA"]),
    ("korea-south", Some("KR"), &["KR"]),
    ("korea", Some("KR"), &["KR"]),
    ("korea-north", Some("KP"), &["KP"]),
    ("china, republic of", Some("TW"), &["TW", "CN"]),
    ("taiwan", Some("TW"), &["TW"]),
    ("china", Some("CN"), &["CN", "HK", "MO"]),
    ("burma", Some("MM"), &["MM"]),
    ("sri-lanka", Some("LK"), &["LK"]),
    ("congo-democratic-republic", Some("CD"), &["CD"]),
    ("congo-kinshasa", Some("CD"), &["CD"]),
    ("congo-republic", Some("CG"), &["CG"]),
    ("cote-divoire", Some("CI"), &["CI"]),
    ("benin", Some("BJ"), &["BJ"]),
    ("burkina-faso", Some("BF"), &["BF"]),
    ("cambodia", Some("KH"), &["KH"]),
    ("thailand", Some("TH"), &["TH"]),
    ("malaysia", Some("MY"), &["MY", "SG"]),
    ("tanzania", Some("TZ"), &["TZ"]),
    ("samoa", Some("WS"), &["WS"]),
    ("zimbabwe", Some("ZW"), &["ZW"]),
    ("south-africa", Some("ZA"), &["ZA"]),
    ("oman", Some("OM"), &["OM"]),
    ("yemen", Some("YE"), &["YE"]),
    ("timor-leste", Some("TL"), &["TL"]),
    ("macedonia", Some("MK"), &["MK"]),
    ("north-macedonia", Some("MK"), &["MK"]),
    ("belarus", Some("BY"), &["BY"]),
    ("kyrgyzstan", Some("KG"), &["KG"]),
    ("turkiye", Some("TR"), &["TR"]),
    ("turkey", Some("TR"), &["TR"]),
    ("cape-verde", Some("CV"), &["CV"]),
    ("saint-kitts-nevis", Some("KN"), &["KN"]),
    ("saint-lucia", Some("LC"), &["LC"]),
    ("saint-vincent-grenadines", Some("VC"), &["VC"]),
    ("antigua-barbuda", Some("AG"), &["AG"]),
    ("gambia", Some("GM"), &["GM"]),
    ("micronesia", Some("FM"), &["FM"]),
    ("bosnia-herzegovina", Some("BA"), &["BA"]),
    ("somalia", Some("SO"), &["SO"]),
    ("slovakia", Some("SK"), &["SK"]),
    ("brunei", Some("BN"), &["BN"]),
    ("bahamas", Some("BS"), &["BS"]),
    ("cook-islands", Some("CK"), &["CK"]),
    ("antarctica", Some("AQ"), &["AQ"]),
    ("czech-republic", Some("CZ"), &["CZ"]),
    ("czechia", Some("CZ"), &["CZ"]),
    ("russia", Some("RU"), &["RU"]),
    ("united-kingdom", Some("GB"), &["GB", "IM", "JE", "GG"]),
    ("vietnam", Some("VN"), &["VN"]),
    ("laos", Some("LA"), &["LA"]),
    ("iran", Some("IR"), &["IR"]),
    ("syria", Some("SY"), &["SY"]),
    ("moldova", Some("MD"), &["MD"]),
    ("eswatini", Some("SZ"), &["SZ"]),
    ("united-states", Some("US"), &["US", "PR", "VI", "GU"]),
];

/// Territories administered at some time by a country of the records, by slug: the records
/// name the colonial power for stops made there before independence ("Dakar, France" in
/// 1943, "Bathurst, United Kingdom", "St. Thomas, Denmark" before 1917).
const DEPENDENCIES: &[(&str, &[&str])] = &[
    (
        "united-kingdom",
        &[
            "BM", "BS", "BB", "TT", "JM", "GM", "KY", "VG", "AI", "MS", "TC", "GI", "HK", "MT",
            "CY", "KE", "BZ", "GY", "CA",
        ],
    ),
    (
        "france",
        &[
            "DZ", "SN", "MQ", "GP", "MF", "BL", "GF", "RE", "PF", "NC", "TN", "MA", "PM",
        ],
    ),
    ("spain", &["CU", "PR", "PH"]),
    ("denmark", &["VI", "GL", "FO", "IS"]),
    ("netherlands", &["CW", "SX", "AW", "BQ", "SR", "ID"]),
    ("portugal", &["CV", "AO", "MZ", "GW", "ST", "MO"]),
];

/// Resolves a record's country: the name as written (in reading order), today's code and
/// the countries its places now lie in. Names the table above does not cover are looked up
/// in the gazetteer by name, then by slug; an unknown country keeps its name, no code.
pub fn resolve_country(country: &CountryRef, gazetteer: &Gazetteer) -> CountryAtTime {
    let name = reading_order(&country.name);
    let name = if name.is_empty() {
        country.slug.replace('-', " ")
    } else {
        name
    };
    let known = historical(&fold(&country.name)).or_else(|| historical(&country.slug));
    let (code, context) = match known {
        Some((code, context)) => (
            code.map(str::to_owned),
            context.iter().map(|c| (*c).to_owned()).collect(),
        ),
        None => {
            let found = gazetteer
                .country(&name)
                .or_else(|| gazetteer.country(&country.slug.replace('-', " ")));
            let code = found.map(|c| c.code.clone());
            (code.clone(), code.into_iter().collect())
        }
    };
    let centre = code
        .as_deref()
        .and_then(|c| gazetteer.country_by_code(c))
        .map(|c| (c.lat, c.lon));
    let dependencies = DEPENDENCIES
        .iter()
        .find(|(slug, _)| *slug == country.slug)
        .map(|(_, codes)| codes.iter().map(|c| (*c).to_owned()).collect())
        .unwrap_or_default();
    CountryAtTime {
        name,
        code,
        context,
        dependencies,
        lat: centre.and_then(|c| c.0),
        lon: centre.and_then(|c| c.1),
    }
}

fn historical(key: &str) -> Option<(Option<&'static str>, &'static [&'static str])> {
    HISTORICAL
        .iter()
        .find(|(name, _, _)| *name == key)
        .map(|(_, code, context)| (*code, *context))
}

/// "Korea, South" → "South Korea"; "China, People’s Republic of" → "People’s Republic of
/// China". Names without a comma, or with a parenthesis, stay as written.
pub fn reading_order(name: &str) -> String {
    let name = name.trim();
    match name.split_once(", ") {
        Some((head, tail)) if !name.contains('(') && !tail.contains(',') => {
            format!("{tail} {head}")
        }
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(slug: &str, name: &str) -> CountryAtTime {
        let reference = CountryRef {
            slug: slug.into(),
            name: name.into(),
        };
        resolve_country(&reference, Gazetteer::global())
    }

    #[test]
    fn inverted_names_read_in_order() {
        assert_eq!(reading_order("Korea, South"), "South Korea");
        assert_eq!(
            reading_order("Germany, Federal Republic of"),
            "Federal Republic of Germany"
        );
        assert_eq!(reading_order("Denmark (Greenland)"), "Denmark (Greenland)");
        assert_eq!(reading_order("Niger "), "Niger");
    }

    #[test]
    fn historical_states_keep_their_name_and_point_to_their_successors() {
        let soviet = country("russia", "U.S.S.R.");
        assert_eq!(soviet.name, "U.S.S.R.");
        assert_eq!(soviet.code, None);
        assert!(soviet.context.contains(&"UA".to_owned()));
        let yugoslavia = country("yugoslavia", "Yugoslavia");
        assert!(yugoslavia.context.contains(&"HR".to_owned()));
        let burma = country("burma", "Burma");
        assert_eq!(burma.code.as_deref(), Some("MM"));
        let zaire = country(
            "congo-democratic-republic",
            "Democratic Republic of the Congo (Zaire)",
        );
        assert_eq!(zaire.code.as_deref(), Some("CD"));
        assert_eq!(zaire.name, "Democratic Republic of the Congo (Zaire)");
        let korea = country("korea-south", "Korea, Republic of");
        assert_eq!(
            (korea.name.as_str(), korea.code.as_deref()),
            ("Republic of Korea", Some("KR"))
        );
    }
}
