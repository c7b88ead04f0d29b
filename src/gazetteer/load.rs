//! Reads the generated gazetteer file (`data/gazetteer.tsv.gz`, format described in
//! `scripts/gen_gazetteer.py`) into tables and the name index.

use std::io::Read;

use flate2::bufread::GzDecoder;

use super::index::NameKeys;
use super::key;
use super::{Area, City, Country, Entry, Gazetteer, NameQuality, Target};

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
        let text = decompress(bytes)?;
        let mut builder = Builder::with_capacity(text.len());
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            builder.record(line).map_err(|reason| LoadError::Record {
                line: n + 1,
                reason,
            })?;
        }
        drop(text); // before the index is built, the peak of memory
        Ok(builder.finish())
    }
}

/// Inflates gzip `bytes` into one string. The buffer is sized from the gzip trailer, which
/// records the uncompressed size (modulo 4 GB; capped, as the bytes may not be gzip at all).
fn decompress(bytes: &[u8]) -> Result<String, std::io::Error> {
    let trailer = bytes.len().checked_sub(4).and_then(|at| bytes.get(at..));
    let size = trailer
        .and_then(|t| <[u8; 4]>::try_from(t).ok())
        .map_or(0, |t| u32::from_le_bytes(t) as usize);
    let mut raw = Vec::with_capacity(size.min(bytes.len().saturating_mul(8)));
    GzDecoder::new(bytes).read_to_end(&mut raw)?;
    String::from_utf8(raw).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

struct Builder {
    countries: Vec<Country>,
    areas: Vec<Area>,
    cities: Vec<City>,
    names: NameKeys,
    /// Buffers reused for every key computed while loading.
    scratch: String,
    key: String,
    longest: usize,
}

/// Parts of a record or list, cut at one ASCII byte (`str::split` costs three times as much
/// on these short fields).
struct Cut<'a> {
    rest: Option<&'a str>,
    separator: u8,
}

impl<'a> Cut<'a> {
    fn new(text: &'a str, separator: u8) -> Self {
        Self {
            rest: Some(text),
            separator,
        }
    }
}

impl<'a> Iterator for Cut<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match memchr::memchr(self.separator, rest.as_bytes()) {
            Some(at) => {
                self.rest = Some(&rest[at + 1..]);
                Some(&rest[..at])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

type Fields<'a> = Cut<'a>;

fn next<'a>(fields: &mut Fields<'a>) -> Result<&'a str, &'static str> {
    fields.next().ok_or("too few fields")
}

fn coordinate(fields: &mut Fields<'_>) -> Result<Option<f64>, &'static str> {
    match next(fields)? {
        "" => Ok(None),
        text => decimal(text).map(Some).ok_or("bad coordinate"),
    }
}

/// Parses a number as `str::parse::<f64>` does, with a shortcut for the generator's plain
/// decimals ("-33.8688"): up to 15 digits make an integer a double holds exactly, and one
/// division by an exact power of ten rounds once, to the double nearest the decimal, which is
/// what `parse` returns. Anything else goes to `parse`.
fn decimal(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (mut mantissa, mut count, mut point) = (0u64, 0, None);
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' if count < 15 => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
            }
            b'.' if point.is_none() => point = Some(count),
            _ => return text.parse().ok(),
        }
    }
    if count == 0 {
        return text.parse().ok();
    }
    let value = mantissa as f64 / POWERS_OF_TEN[count - point.unwrap_or(count)];
    Some(if digits.len() < text.len() {
        -value
    } else {
        value
    })
}

/// 10^0 to 10^15, each exactly representable.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

fn list(field: &str) -> impl Iterator<Item = &str> {
    Cut::new(field, b'|').filter(|s| !s.is_empty())
}

impl Builder {
    /// A builder for `text_len` bytes of records, with room for what they hold so nothing
    /// regrows: a city per 64 bytes (there is one per 66), a key met (name, alternate or
    /// leading words) per 12 (one per 14), and keys half as long as the text.
    fn with_capacity(text_len: usize) -> Self {
        Self {
            countries: Vec::new(),
            areas: Vec::new(),
            cities: Vec::with_capacity(text_len / 64),
            names: NameKeys::with_capacity(text_len / 12, text_len / 2),
            scratch: String::new(),
            key: String::new(),
            longest: 0,
        }
    }

    fn record(&mut self, line: &str) -> Result<(), &'static str> {
        let mut fields = Cut::new(line, b'\t');
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
        self.add(&name, target, NameQuality::Primary)?;
        for alias in list(next(fields)?) {
            self.add(alias, target, NameQuality::Alias)?;
        }
        for demonym in list(next(fields)?) {
            self.add(demonym, target, NameQuality::Demonym)?;
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
        self.add(&name, target, NameQuality::Primary)?;
        for alias in list(next(fields)?) {
            self.add(alias, target, NameQuality::Alias)?;
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
        self.add(&name, target, NameQuality::Primary)?;
        for alternate in list(next(fields)?) {
            self.add(alternate, target, NameQuality::Alternate)?;
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
    fn add(
        &mut self,
        name: &str,
        target: Target,
        quality: NameQuality,
    ) -> Result<(), &'static str> {
        let mut key = std::mem::take(&mut self.key);
        key::key_into(name, &mut self.scratch, &mut key);
        let entry = Entry { target, quality };
        if !key.is_empty() {
            if let Some(bare) = key::without_apostrophes(&key) {
                self.longest = self.longest.max(self.names.add(&bare, entry)?);
            }
            self.longest = self.longest.max(self.names.add(&key, entry)?);
        }
        self.key = key;
        Ok(())
    }

    fn finish(self) -> Gazetteer {
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
            index: self.names.index(),
            longest: self.longest,
        }
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
    fn decimals_read_as_parse_reads_them() {
        for text in [
            "0",
            "-0",
            "-0.0000",
            "55.7520",
            "-33.8688",
            "179.9999",
            "-180",
            "5.",
            ".5",
            "-.5",
            "0.1",
            "123456789012345",
            "1234567890123456",
            "1e3",
            "+5",
            "",
            "-",
            ".",
            "1.2.3",
            "1,5",
            "nan",
        ] {
            let parsed = text.parse::<f64>().ok().map(f64::to_bits);
            assert_eq!(decimal(text).map(f64::to_bits), parsed, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_decimals_read_as_parse_reads_them(text in "-?[0-9]{0,9}(\\.[0-9]{0,8})?") {
            let parsed = text.parse::<f64>().ok().map(f64::to_bits);
            proptest::prop_assert_eq!(decimal(&text).map(f64::to_bits), parsed);
        }
    }

    #[test]
    fn bytes_that_are_not_gzip_are_refused() {
        assert!(matches!(
            Gazetteer::from_gzip(b"not gzip"),
            Err(LoadError::Decompress(_))
        ));
    }
}
