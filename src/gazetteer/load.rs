//! Reads the generated gazetteer file (`data/gazetteer.tsv.gz`, format described in
//! `scripts/gen_gazetteer.py`) into tables and the name index.

use rustc_hash::FxHashMap;
use std::io::Read;

use flate2::read::GzDecoder;

use super::key;
use super::{Area, City, Country, Entry, Gazetteer, NameQuality, Readings, Target};

/// The generated data, embedded at build time.
pub(super) static EMBEDDED: &[u8] = include_bytes!("../../data/gazetteer.tsv.gz");

/// Why the gazetteer data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot decompress the gazetteer: {0}")]
    Decompress(#[from] std::io::Error),
    #[error("gazetteer line {line}: {reason}")]
    Record { line: usize, reason: &'static str },
}

impl Gazetteer {
    /// Reads a gazetteer from gzip-compressed records. `Err` when the bytes are not gzip or
    /// UTF-8, or a record is malformed (wrong field count, bad number).
    pub fn from_gzip(bytes: &[u8]) -> Result<Self, LoadError> {
        let mut text = String::with_capacity(bytes.len() * 3);
        GzDecoder::new(bytes).read_to_string(&mut text)?;
        let mut builder = Builder::default();
        // about three keys per line (name, alternates, prefixes): no rehashing while loading
        builder.index.reserve(text.len() / 12);
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            builder.record(line).map_err(|reason| LoadError::Record {
                line: n + 1,
                reason,
            })?;
        }
        Ok(builder.finish())
    }
}

#[derive(Default)]
struct Builder {
    countries: Vec<Country>,
    areas: Vec<Area>,
    cities: Vec<City>,
    index: FxHashMap<Box<str>, Readings>,
    /// Buffers reused for every key computed while loading.
    scratch: String,
    key: String,
    longest: usize,
}

type Fields<'a> = std::str::Split<'a, char>;

fn next<'a>(fields: &mut Fields<'a>) -> Result<&'a str, &'static str> {
    fields.next().ok_or("too few fields")
}

fn coordinate(fields: &mut Fields<'_>) -> Result<Option<f64>, &'static str> {
    match next(fields)? {
        "" => Ok(None),
        text => text.parse().map(Some).map_err(|_| "bad coordinate"),
    }
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').filter(|s| !s.is_empty())
}

impl Builder {
    fn record(&mut self, line: &str) -> Result<(), &'static str> {
        let mut fields = line.split('\t');
        match next(&mut fields)? {
            "C" => self.country(&mut fields, false),
            "H" => self.country(&mut fields, true),
            "R" => self.area(&mut fields, false),
            "S" => self.area(&mut fields, true),
            "P" => self.city(&mut fields),
            _ => Err("unknown record kind"),
        }
    }

    fn country(&mut self, fields: &mut Fields<'_>, former: bool) -> Result<(), &'static str> {
        let code = next(fields)?.to_owned();
        let name = next(fields)?.to_owned();
        let (lat, lon) = (coordinate(fields)?, coordinate(fields)?);
        let sovereign = !former && next(fields)? == "1";
        let target = Target::Country(u16::try_from(self.countries.len()).map_err(|_| "too many")?);
        self.add(&name, target, NameQuality::Primary);
        for alias in list(next(fields)?) {
            self.add(alias, target, NameQuality::Alias);
        }
        for demonym in list(next(fields)?) {
            self.add(demonym, target, NameQuality::Demonym);
        }
        let successors = if former {
            list(next(fields)?).map(str::to_owned).collect()
        } else {
            Vec::new()
        };
        self.countries.push(Country {
            code,
            name,
            lat,
            lon,
            sovereign,
            former,
            successors,
        });
        Ok(())
    }

    fn area(&mut self, fields: &mut Fields<'_>, site: bool) -> Result<(), &'static str> {
        let code = next(fields)?.to_owned();
        let admin1 = if site {
            String::new()
        } else {
            next(fields)?.to_owned()
        };
        let name = next(fields)?.to_owned();
        let lat = coordinate(fields)?.ok_or("area without coordinates")?;
        let lon = coordinate(fields)?.ok_or("area without coordinates")?;
        let target = Target::Area(u16::try_from(self.areas.len()).map_err(|_| "too many")?);
        self.add(&name, target, NameQuality::Primary);
        for alias in list(next(fields)?) {
            self.add(alias, target, NameQuality::Alias);
        }
        self.areas.push(Area {
            name,
            code,
            admin1,
            lat,
            lon,
            site,
        });
        Ok(())
    }

    fn city(&mut self, fields: &mut Fields<'_>) -> Result<(), &'static str> {
        let code: [u8; 2] = next(fields)?
            .as_bytes()
            .try_into()
            .map_err(|_| "bad country code")?;
        let admin1 = next(fields)?.to_owned();
        let name = next(fields)?.to_owned();
        let lat = coordinate(fields)?.ok_or("city without coordinates")?;
        let lon = coordinate(fields)?.ok_or("city without coordinates")?;
        let population = next(fields)?.parse().map_err(|_| "bad population")?;
        let role = next(fields)?;
        let target = Target::City(u32::try_from(self.cities.len()).map_err(|_| "too many")?);
        self.add(&name, target, NameQuality::Primary);
        for alternate in list(next(fields)?) {
            self.add(alternate, target, NameQuality::Alternate);
        }
        self.cities.push(City {
            name,
            code,
            admin1,
            lat,
            lon,
            population,
            capital: role == "c",
            seat: role == "s",
        });
        Ok(())
    }

    /// Indexes `name` (and its apostrophe-free spelling) for `target`, and every leading run
    /// of its words as a prefix. A target keeps only its best reading of one key as a name,
    /// and its demonym reading apart ("U.S." is both a name and an adjective).
    fn add(&mut self, name: &str, target: Target, quality: NameQuality) {
        let mut key = std::mem::take(&mut self.key);
        key::key_into(name, &mut self.scratch, &mut key);
        if !key.is_empty() {
            if let Some(bare) = key::without_apostrophes(&key) {
                self.insert(&bare, Entry { target, quality });
            }
            self.insert(&key, Entry { target, quality });
        }
        self.key = key;
    }

    fn insert(&mut self, key: &str, entry: Entry) {
        let mut words = 1;
        for (end, _) in key.match_indices(' ') {
            words += 1;
            // most prefixes recur ("san", "new"): look before allocating a key
            if !self.index.contains_key(&key[..end]) {
                self.index.insert(key[..end].into(), Readings::Prefix);
            }
        }
        self.longest = self.longest.max(words);
        add_reading(self.index.entry(key.into()).or_default(), entry);
    }

    fn finish(mut self) -> Gazetteer {
        self.index.shrink_to_fit();
        let mut by_code = vec![u16::MAX; 26 * 26];
        for (i, country) in self.countries.iter().enumerate() {
            if let (false, Some(slot)) = (country.former, super::code_slot(&country.code)) {
                by_code[slot] = u16::try_from(i).unwrap_or(u16::MAX);
            }
        }
        Gazetteer {
            by_code,
            countries: self.countries,
            areas: self.areas,
            cities: self.cities,
            index: self.index,
            longest: self.longest,
        }
    }
}

/// Adds `entry` to `readings`, keeping one name reading and one demonym reading per target.
fn add_reading(readings: &mut Readings, entry: Entry) {
    let is_demonym = |e: &Entry| e.quality == NameQuality::Demonym;
    let same = |e: &Entry| e.target == entry.target && is_demonym(e) == is_demonym(&entry);
    match readings {
        Readings::Prefix => *readings = Readings::One(entry),
        Readings::One(existing) if same(existing) => {
            if entry.quality.rank() < existing.quality.rank() {
                *existing = entry;
            }
        }
        Readings::One(existing) => *readings = Readings::Many(vec![*existing, entry]),
        Readings::Many(entries) => match entries.iter_mut().find(|e| same(e)) {
            Some(existing) if entry.quality.rank() < existing.quality.rank() => *existing = entry,
            Some(_) => {}
            None => entries.push(entry),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_records_name_the_line() {
        let mut raw = Vec::new();
        let mut encoder = flate2::write::GzEncoder::new(&mut raw, flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, b"# header\nP\tXX\n").unwrap();
        encoder.finish().unwrap();
        let err = Gazetteer::from_gzip(&raw)
            .err()
            .expect("a malformed record");
        assert_eq!(err.to_string(), "gazetteer line 2: too few fields");
    }

    #[test]
    fn bytes_that_are_not_gzip_are_refused() {
        assert!(matches!(
            Gazetteer::from_gzip(b"not gzip"),
            Err(LoadError::Decompress(_))
        ));
    }
}
