//! Table tests over the embedded gazetteer (a file of their own: the tables are long).

use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::global()
}

fn code_of(name: &str) -> Option<String> {
    g().country(name).map(|c| c.code.clone())
}

#[test]
fn countries_resolve_under_official_short_and_dataset_names() {
    let table = [
        ("Russian Federation", "RU"),
        ("Russia", "RU"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("turkiye", "TR"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Republic of Korea", "KR"),
        ("South Korea", "KR"),
        ("Korea, Republic of", "KR"),
        ("korea-south", "KR"),
        ("North Korea", "KP"),
        ("korea-north", "KP"),
        ("Iran (Islamic Republic of)", "IR"),
        ("Iran", "IR"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("cote-divoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Syrian Arab Republic", "SY"),
        ("Lao People's Democratic Republic", "LA"),
        ("United Republic of Tanzania", "TZ"),
        ("Bolivia", "BO"),
        ("Venezuela (Bolivarian Republic of)", "VE"),
        ("Republic of Moldova", "MD"),
        ("Czech Republic", "CZ"),
        ("czech-republic", "CZ"),
        ("the Netherlands", "NL"),
        ("Netherlands (Kingdom of the)", "NL"),
        ("Britain", "GB"),
        ("U.K.", "GB"),
        ("united-kingdom", "GB"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("United States of America", "US"),
        ("State of Palestine", "PS"),
        ("palestinian-authority", "PS"),
        ("Holy See", "VA"),
        ("holy-see", "VA"),
        ("Vatican City", "VA"),
        ("congo-democratic-republic", "CD"),
        ("Democratic Republic of the Congo (Zaire)", "CD"),
        ("China, People’s Republic of", "CN"),
        ("Bosnia-Herzegovina", "BA"),
        ("saint-vincent-grenadines", "VC"),
        ("antigua-barbuda", "AG"),
        ("The Gambia", "GM"),
        ("Micronesia, Federated States of", "FM"),
        ("Denmark (Greenland)", "DK"),
        ("United Kingdom (Wales)", "GB"),
    ];
    for (name, code) in table {
        assert_eq!(code_of(name).as_deref(), Some(code), "{name}");
    }
}

#[test]
fn canonical_country_names_are_the_un_short_names() {
    let table = [
        ("RU", "Russian Federation"),
        ("TR", "Türkiye"),
        ("KR", "Republic of Korea"),
        ("GB", "United Kingdom of Great Britain and Northern Ireland"),
        ("US", "United States of America"),
        ("VA", "Holy See"),
        ("CI", "Côte d'Ivoire"),
    ];
    for (code, name) in table {
        assert_eq!(
            g().country_by_code(code).map(|c| c.name.as_str()),
            Some(name)
        );
    }
}

#[test]
fn former_names_keep_their_name_and_map_to_todays_code() {
    let table = [
        ("Soviet Union", "Soviet Union", "RU"),
        ("U.S.S.R.", "Soviet Union", "RU"),
        ("Yugoslavia", "Yugoslavia", "RS"),
        ("Zaire", "Zaire", "CD"),
        ("Burma", "Burma", "MM"),
        ("Czechoslovakia", "Czechoslovakia", "CZ"),
        ("East Germany", "German Democratic Republic", "DE"),
        ("Germany, Federal Republic of", "West Germany", "DE"),
        ("Ceylon", "Ceylon", "LK"),
        ("Southern Rhodesia (Zimbabwe)", "Rhodesia", "ZW"),
        ("Siam (Thailand)", "Siam", "TH"),
        ("Persia", "Persia", "IR"),
        ("Dahomey (Benin)", "Dahomey", "BJ"),
        ("Upper Volta", "Upper Volta", "BF"),
        ("Swaziland", "Swaziland", "SZ"),
    ];
    for (asked, name, code) in table {
        let country = g().country(asked).unwrap_or_else(|| panic!("{asked}"));
        assert_eq!((country.name.as_str(), country.code.as_str()), (name, code));
        assert!(country.former && country.lat.is_some(), "{asked}");
    }
}

#[test]
fn demonyms_name_their_country() {
    let table = [
        ("Russian", "RU"),
        ("Turkish", "TR"),
        ("Polish", "PL"),
        ("Ukrainian", "UA"),
        ("Chinese", "CN"),
        ("American", "US"),
        ("U.S.", "US"),
        ("British", "GB"),
        ("Japanese", "JP"),
        ("Chadian", "TD"),
        ("Libyan", "LY"),
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
        ("Nepalese", "NP"),
        ("Nepali", "NP"),
        ("Sri Lankan", "LK"),
        ("Samoan", "WS"),
        ("Tongan", "TO"),
        ("Israeli", "IL"),
        ("Palestinian", "PS"),
        ("Jordanian", "JO"),
        ("Irish", "IE"),
        ("Pakistani", "PK"),
        ("Haitian", "HT"),
        ("Korean", "KR"),
        ("Australian", "AU"),
        ("German", "DE"),
        ("Indian", "IN"),
        ("Soviet", "RU"),
    ];
    for (word, code) in table {
        assert_eq!(
            g().demonym(word).map(|c| c.code.as_str()),
            Some(code),
            "{word}"
        );
    }
    assert!(g().demonym("Russia").is_none());
}

#[test]
fn every_sovereign_state_has_a_demonym_and_a_point() {
    let sovereign: Vec<&Country> = g().countries().filter(|c| c.sovereign).collect();
    assert_eq!(sovereign.len(), 197);
    let has_demonym = |c: &Country| {
        g().index
            .iter()
            .flat_map(|(_, readings)| readings.as_slice())
            .any(|e| e.quality == NameQuality::Demonym && g().countries[index(e)].code == c.code)
    };
    for country in sovereign {
        assert!(
            country.lat.is_some() && country.lon.is_some(),
            "{}",
            country.name
        );
        assert!(has_demonym(country), "{}", country.name);
    }
}

fn index(entry: &Entry) -> usize {
    match entry.target {
        Target::Country(i) => i as usize,
        Target::Area(_) | Target::City(_) => usize::MAX,
    }
}

#[test]
fn cities_resolve_by_context_then_prominence() {
    let table: [(&str, &[&str], &str, f64, f64); 12] = [
        ("Moscow", &[], "RU", 55.75, 37.62),
        ("Moscow", &["US"], "US", 46.73, -117.0),
        ("Paris", &[], "FR", 48.85, 2.35),
        ("Rzeszow", &[], "PL", 50.04, 22.0),
        ("Rzeszów", &[], "PL", 50.04, 22.0),
        ("Kiev", &[], "UA", 50.45, 30.52),
        ("Kyiv", &[], "UA", 50.45, 30.52),
        ("Nuku’Alofa", &[], "TO", -21.14, -175.2),
        ("Nuku'alofa", &[], "TO", -21.14, -175.2),
        ("San José", &[], "CR", 9.93, -84.08),
        ("Washington", &[], "US", 38.9, -77.04),
        ("Saint Petersburg", &[], "RU", 59.94, 30.31),
    ];
    for (name, context, code, lat, lon) in table {
        let place = g().city(name, context).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(
            place.country_code.as_deref(),
            Some(code),
            "{name} {context:?}"
        );
        let (plat, plon) = (place.lat.unwrap_or(0.0), place.lon.unwrap_or(0.0));
        assert!(
            (plat - lat).abs() < 0.1 && (plon - lon).abs() < 0.1,
            "{name}: {place:?}"
        );
    }
}

#[test]
fn city_matches_say_how_the_name_matched() {
    let kiev = g().city_match("Kiev", &[]).expect("Kiev");
    assert_eq!(
        (kiev.canonical.as_str(), kiev.quality),
        ("Kyiv", NameQuality::Alternate)
    );
    assert!(kiev.capital && kiev.population > 2_000_000);
    let idaho = g().city_match("Moscow", &["us"]).expect("Moscow");
    assert!(idaho.in_context && idaho.quality == NameQuality::Primary);
    assert!(g().city_match("Atlantis of the Deep", &[]).is_none());
}

#[test]
fn resolve_prefers_countries_states_in_context_and_qualifiers() {
    type Row<'a> = (&'a str, &'a [&'a str], Option<&'a str>, Option<(f64, f64)>);
    let table: [Row; 16] = [
        ("Russia", &[], Some("RU"), Some((55.75, 37.62))),
        ("Burma", &[], Some("MM"), Some((16.8, 96.16))),
        ("Georgia", &[], Some("GE"), Some((41.69, 44.83))),
        ("Georgia", &["US"], Some("US"), Some((33.75, -84.39))),
        ("Mexico", &["US"], Some("MX"), Some((19.43, -99.13))),
        ("Washington, D.C.", &[], Some("US"), Some((38.9, -77.04))),
        ("Washington", &["US"], Some("US"), Some((38.9, -77.04))),
        ("New York", &[], Some("US"), Some((40.71, -74.01))),
        ("Paris, Texas", &[], Some("US"), Some((33.66, -95.56))),
        (
            "St. Louis (Missouri)",
            &[],
            Some("US"),
            Some((38.63, -90.2)),
        ),
        ("Camp David", &[], Some("US"), Some((39.65, -77.47))),
        ("Texas", &[], Some("US"), Some((30.27, -97.74))),
        ("Hawaii", &[], Some("US"), Some((21.31, -157.86))),
        ("Atlantis of the Deep", &[], None, None),
        ("Nowhereville, France", &[], Some("FR"), None),
        ("", &[], None, None),
    ];
    for (name, context, code, point) in table {
        let place = g().resolve(name, context);
        assert_eq!(place.name, name.trim());
        assert_eq!(place.country_code.as_deref(), code, "{name}: {place:?}");
        match (point, place.lat.zip(place.lon)) {
            (Some((lat, lon)), Some((plat, plon))) => assert!(
                (plat - lat).abs() < 0.1 && (plon - lon).abs() < 0.1,
                "{name}: {place:?}"
            ),
            (None, None) => {}
            (want, got) => panic!("{name}: want {want:?}, got {got:?}"),
        }
    }
}

fn mentioned(text: &str) -> Vec<(&str, MentionKind, Option<String>, bool)> {
    g().mentions(text)
        .into_iter()
        .map(|m| {
            (
                &text[m.span.clone()],
                m.kind,
                m.place.country_code,
                m.ambiguous,
            )
        })
        .collect()
}

#[test]
fn mentions_find_longest_capitalised_names_with_spans() {
    let text = "The Secretary-General flew from Rzeszów to Kyiv, then to the Republic of Korea \
                and Saint Vincent and the Grenadines; Russia's envoy met the Nigerien minister \
                in Washington, D.C.";
    let found = mentioned(text);
    let want = [
        ("Rzeszów", MentionKind::City, "PL"),
        ("Kyiv", MentionKind::City, "UA"),
        ("Republic of Korea", MentionKind::Country, "KR"),
        (
            "Saint Vincent and the Grenadines",
            MentionKind::Country,
            "VC",
        ),
        ("Russia", MentionKind::Country, "RU"),
        ("Nigerien", MentionKind::Demonym, "NE"),
        ("Washington, D.C.", MentionKind::City, "US"),
    ];
    let got: Vec<(&str, MentionKind, &str)> = found
        .iter()
        .map(|(s, k, c, _)| (*s, *k, c.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn mentions_skip_lower_case_words_titles_and_ordinary_words() {
    let text = "In May, Mark said china and turkey exports grew; President Obama met him. \
                Nice weather in Nice.";
    let found = mentioned(text);
    let spans: Vec<&str> = found.iter().map(|m| m.0).collect();
    assert_eq!(spans, ["Nice", "Nice"]);
    assert!(found.iter().all(|m| m.3), "Nice is ambiguous: {found:?}");
}

#[test]
fn mentions_drop_or_flag_city_names_inside_longer_names() {
    let found = mentioned("She met Hillary Clinton at the Washington Post in Geneva.");
    let flagged: Vec<(&str, bool)> = found.iter().map(|m| (m.0, m.3)).collect();
    assert_eq!(flagged, [("Washington", true), ("Geneva", false)]);
}

#[test]
fn lists_split_into_places_but_keep_qualified_names_together() {
    let resolved = |text: &str, context: &[&str]| -> Vec<(String, Option<String>)> {
        g().resolve_list(text, context)
            .into_iter()
            .map(|p| (p.name, p.country_code))
            .collect()
    };
    let own = |name: &str, code: &str| (name.to_owned(), Some(code.to_owned()));
    assert_eq!(
        resolved("Moscow, Leningrad, Kiev", &["RU", "UA"]),
        [
            own("Moscow", "RU"),
            own("Leningrad", "RU"),
            own("Kiev", "UA")
        ]
    );
    assert_eq!(
        resolved("Paris, Texas, Mexico, D.F.", &[]),
        [own("Paris, Texas", "US"), own("Mexico, D.F.", "MX")]
    );
    assert_eq!(
        resolved("Calgary (Alberta), Guilin, Hong Kong", &["CA", "CN"]),
        [
            own("Calgary (Alberta)", "CA"),
            own("Guilin", "CN"),
            own("Hong Kong", "HK")
        ]
    );
    assert_eq!(
        resolved(
            "Boston, St. Louis (Missouri), and Omaha (Nebraska)",
            &["US"]
        ),
        [
            own("Boston", "US"),
            own("St. Louis (Missouri)", "US"),
            own("Omaha (Nebraska)", "US")
        ]
    );
    assert_eq!(resolved(" , ", &[]), []);
}

#[test]
fn small_namesakes_abroad_are_not_taken_when_context_is_given() {
    let place = g().resolve("Abbeville", &["ES"]);
    assert_eq!((place.country_code, place.lat), (None, None));
    assert_eq!(
        g().resolve("Abbeville", &[]).country_code.as_deref(),
        Some("FR")
    );
    let kiev = g().resolve("Kiev", &["RU"]);
    assert_eq!(kiev.country_code.as_deref(), Some("UA"));
}

#[test]
fn former_states_list_their_successors() {
    let soviet = g().country("USSR").expect("USSR");
    assert!(soviet.successors.iter().any(|c| c == "UA"));
    assert!(g().country("Russia").expect("Russia").successors.is_empty());
}

#[test]
fn mentions_drop_acronyms_initials_and_speakers_named_like_towns() {
    let text = "NATO allies met President George W. Bush; Obama said the U.S. and the UN \
                agree. ISTANBUL hosted them.";
    let found = mentioned(text);
    let spans: Vec<&str> = found.iter().map(|m| m.0).collect();
    assert_eq!(spans, ["U.S.", "ISTANBUL"]);
}
