//! Place and country resolution for one import, memoised (the same few hundred names recur
//! thousands of times) and tallied for the report: every locale mention counts, and those
//! left without coordinates are listed with the records that name them.

use std::collections::{BTreeMap, HashMap};

use super::countries::{CountryAtTime, resolve_country};
use super::locale::{self, Mention};
use super::records::{CountryRef, Stop};
use crate::domain::Place;
use crate::fold::fold;
use crate::gazetteer::{Gazetteer, NameQuality};

/// Locale mentions seen, resolved, and the unresolved ones by (name, country) with the
/// keys of the records naming them.
#[derive(Clone, Debug, Default)]
pub struct LocaleTally {
    pub mentions: usize,
    pub resolved: usize,
    pub unresolved: BTreeMap<(String, String), Vec<String>>,
    /// Countries (as named in the records) the gazetteer could not place, with record keys.
    pub unknown_countries: BTreeMap<String, Vec<String>>,
}

impl LocaleTally {
    /// Adds the counts and citations of `later`, a tally of records read after ours.
    pub fn absorb(&mut self, later: Self) {
        self.mentions += later.mentions;
        self.resolved += later.resolved;
        for (place, records) in later.unresolved {
            self.unresolved.entry(place).or_default().extend(records);
        }
        for (country, records) in later.unknown_countries {
            (self.unknown_countries.entry(country).or_default()).extend(records);
        }
    }
}

/// Resolves the places of one import against the gazetteer.
pub struct Resolver<'g> {
    gazetteer: &'g Gazetteer,
    countries: HashMap<(String, String), CountryAtTime>,
    places: HashMap<(String, Option<String>, String), Place>,
    home: Place,
    pub tally: LocaleTally,
}

impl<'g> Resolver<'g> {
    /// A resolver over `gazetteer`. Home is Washington, where the travellers of the
    /// records set out from and return to, and where visitors are received.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        let home = gazetteer
            .city("Washington", &["US"])
            .filter(|p| p.country_code.as_deref() == Some("US"))
            .map(|p| Place {
                name: "Washington".to_owned(),
                country: Some("United States".to_owned()),
                ..p
            })
            .unwrap_or_else(|| Place {
                country: Some("United States".to_owned()),
                country_code: Some("US".to_owned()),
                ..Place::named("Washington")
            });
        Self {
            gazetteer,
            countries: HashMap::new(),
            places: HashMap::new(),
            home,
            tally: LocaleTally::default(),
        }
    }

    /// The gazetteer resolved against.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// Washington, D.C.
    pub fn home(&self) -> Place {
        self.home.clone()
    }

    /// A record's country as it was called then, with today's code; unknown countries are
    /// tallied under `record`.
    pub fn country(&mut self, country: &CountryRef, record: &str) -> CountryAtTime {
        let key = (country.slug.clone(), country.name.clone());
        let gazetteer = self.gazetteer;
        let resolved = self
            .countries
            .entry(key)
            .or_insert_with(|| resolve_country(country, gazetteer))
            .clone();
        if resolved.code.is_none() && resolved.context.is_empty() {
            self.tally
                .unknown_countries
                .entry(resolved.name.clone())
                .or_default()
                .push(record.to_owned());
        }
        resolved
    }

    /// The places of a stop in order, each mention tallied. A stop with no locale is a
    /// stop in the country itself (the records leave Vatican City's locale empty).
    pub fn stop_places(&mut self, stop: &Stop) -> Vec<Place> {
        let record = stop.key.to_string();
        let country = self.country(&stop.country, &record);
        let mut mentions = locale::mentions(&stop.locale);
        if mentions.is_empty() {
            mentions.push(Mention {
                name: country.name.clone(),
                qualifier: None,
                span: 0..0,
            });
        }
        mentions
            .iter()
            .map(|mention| self.place(mention, &country, &stop.country.slug, &record))
            .collect()
    }

    fn place(
        &mut self,
        mention: &Mention,
        country: &CountryAtTime,
        slug: &str,
        record: &str,
    ) -> Place {
        let key = (
            mention.name.clone(),
            mention.qualifier.clone(),
            format!("{slug}/{}", country.name),
        );
        let gazetteer = self.gazetteer;
        let place = self
            .places
            .entry(key)
            .or_insert_with(|| locale::resolve(mention, country, gazetteer))
            .clone();
        self.tally.mentions += 1;
        if place.lat.is_some() {
            self.tally.resolved += 1;
        } else {
            self.tally
                .unresolved
                .entry((mention.name.clone(), country.name.clone()))
                .or_default()
                .push(record.to_owned());
        }
        place
    }

    /// A place of the United States called `name` (qualified by a state when `state` is
    /// given): a site or area the gazetteer knows ("Camp David"), or a city — a prominent one
    /// when the name stands alone, since a bare "Imperial" or "Opportunity" is a word, not
    /// the town of that name. A state the gazetteer knows confines the search to it
    /// ("Warm Springs (Georgia)"); one it does not know ("Fla.") is ignored.
    pub fn us_place(&mut self, name: &str, state: Option<&str>) -> Option<Place> {
        let key = (
            name.to_owned(),
            state.map(str::to_owned),
            "united-states".to_owned(),
        );
        if let Some(place) = self.places.get(&key) {
            return place.lat.is_some().then(|| place.clone());
        }
        let found = self.find_us_place(name, state).map(|p| Place {
            name: name.to_owned(),
            country: Some("United States".to_owned()),
            ..p
        });
        let stored = found.clone().unwrap_or_else(|| Place::named(name));
        self.places.insert(key, stored);
        found
    }

    fn find_us_place(&self, name: &str, state: Option<&str>) -> Option<Place> {
        let g = self.gazetteer;
        let in_us = |p: &Place| {
            p.lat.is_some() && p.country_code.as_deref().is_some_and(|c| US.contains(&c))
        };
        if let Some(state) = state.filter(|s| self.is_us_state(s)) {
            return Some(g.resolve(&format!("{name} ({state})"), US)).filter(in_us);
        }
        if let Some(site) = g.area(name, US).filter(|a| a.site) {
            return Some(Place {
                name: name.to_owned(),
                country: None,
                country_code: Some(site.code.clone()),
                lat: Some(site.lat),
                lon: Some(site.lon),
            })
            .filter(in_us);
        }
        // a GeoNames alternate name of a US city is often an ordinary word ("Opportunity")
        g.city_match(name, US)
            .filter(|city| city.in_context && city.quality != NameQuality::Alternate)
            .filter(|city| city.population >= PROMINENT || city.capital)
            .map(|city| city.place)
            .filter(in_us)
    }

    /// True when `name` is a state (or other first-level division) of the United States.
    pub fn is_us_state(&self, name: &str) -> bool {
        self.gazetteer
            .area(name, US)
            .is_some_and(|a| !a.site && US.contains(&a.code.as_str()))
    }
}

/// The United States and its territories, where visits are received.
const US: &[&str] = &["US", "PR", "VI", "GU", "AS", "MP"];

/// A city named alone, without its state, is taken when it has at least this many
/// inhabitants: Houston or Seattle, not Belgrade (Montana) in "en route to Belgrade".
const PROMINENT: u32 = 50_000;

/// Two places are the same stop when their names fold alike, or when both are located at
/// the same point ("D.C." and "Washington").
pub fn same_place(a: &Place, b: &Place) -> bool {
    let located_together = match (a.lat, a.lon, b.lat, b.lon) {
        (Some(a_lat), Some(a_lon), Some(b_lat), Some(b_lon)) => {
            (a_lat - b_lat).abs() < 1e-6 && (a_lon - b_lon).abs() < 1e-6
        }
        _ => false,
    };
    located_together || fold(&a.name) == fold(&b.name)
}
