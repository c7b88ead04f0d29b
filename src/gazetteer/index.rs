//! The name index: every name key with its readings, in a hash table whose slots point into
//! one string of keys. Loading gathers the keys first ([`NameKeys`]) and builds the table at
//! once, in the order of its slots: added key by key, each of the 330,000 keys met cost a
//! cache miss or two in a 16 MB table, 40% of the load time. Depends on nothing but the key
//! and reading types.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::{Entry, NameQuality, Readings};

/// Name keys and their readings; a key is present once.
pub(super) struct NameIndex {
    /// Every key as met while loading, one after another (some more than once).
    text: String,
    /// Where each key lies in `text`, with its readings, hashed by the key.
    table: HashTable<Slot>,
}

struct Slot {
    start: u32,
    end: u32,
    readings: Readings,
}

/// A place in a string of keys.
fn key_in(text: &str, start: u32, end: u32) -> &str {
    &text[start as usize..end as usize]
}

fn hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

impl NameIndex {
    /// The readings of `key`; `None` when it is not in the index.
    pub(super) fn get(&self, key: &str) -> Option<&Readings> {
        let text = &self.text;
        let found = self
            .table
            .find(hash(key), |s| key_in(text, s.start, s.end) == key)?;
        Some(&found.readings)
    }

    /// Every key with its readings, in no particular order.
    #[cfg(test)]
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, &Readings)> {
        let text = &self.text;
        self.table
            .iter()
            .map(|s| (key_in(text, s.start, s.end), &s.readings))
    }
}

/// The name keys met while loading, in order, to be indexed at once by [`Self::index`].
#[derive(Default)]
pub(super) struct NameKeys {
    /// Every key as met, one after another (a key met twice is here twice).
    text: String,
    met: Vec<Met>,
}

/// A key met: a name with its reading, or the leading words of a name (no reading).
#[derive(Clone, Copy)]
struct Met {
    hash: u64,
    start: u32,
    end: u32,
    reading: Option<Entry>,
}

impl NameKeys {
    /// Room for about `keys` keys of `bytes` bytes in all.
    pub(super) fn with_capacity(keys: usize, bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            met: Vec::with_capacity(keys),
        }
    }

    /// Adds `key` (not empty) with the reading `entry`, and every leading run of its words as
    /// a prefix. Returns the number of words. `Err` past 4 GB of keys.
    pub(super) fn add(&mut self, key: &str, entry: Entry) -> Result<usize, &'static str> {
        let too_many = |_| "too many names";
        let start = u32::try_from(self.text.len()).map_err(too_many)?;
        let end = u32::try_from(self.text.len() + key.len()).map_err(too_many)?;
        self.text.push_str(key);
        let mut words = 1;
        for space in memchr::memchr_iter(b' ', key.as_bytes()) {
            words += 1;
            self.met.push(Met {
                hash: hash(&key[..space]),
                start,
                end: start + space as u32,
                reading: None,
            });
        }
        self.met.push(Met {
            hash: hash(key),
            start,
            end,
            reading: Some(entry),
        });
        Ok(words)
    }

    /// The index of the keys met: each key once, its readings merged in the order met
    /// (see [`add_reading`]), a key met only as leading words with none.
    pub(super) fn index(self) -> NameIndex {
        let Self { text, met } = self;
        // room for every key met: as many slots as for the distinct keys in this data (about
        // 240,000 of 330,000 met; 2^19 slots), never fewer
        let mut table = HashTable::with_capacity(met.len());
        // a slot's place is its hash modulo the table's power of two (7 keys to 8 slots), so
        // in this order the table is written from end to end; a wrong guess would cost speed
        let places = table.capacity().next_power_of_two() as u64 - 1;
        let met = sort_by_place(met, places);
        let mut slots: Vec<(u64, Slot)> = Vec::new();
        for same_place in met.chunk_by(|a, b| a.hash & places == b.hash & places) {
            for m in same_place {
                // keys are read only to tell apart those of one hash (a cache miss each)
                let same =
                    |s: &Slot| key_in(&text, s.start, s.end) == key_in(&text, m.start, m.end);
                let known = slots
                    .iter()
                    .position(|(hash, s)| *hash == m.hash && same(s));
                let at = known.unwrap_or(slots.len());
                if known.is_none() {
                    let slot = Slot {
                        start: m.start,
                        end: m.end,
                        readings: Readings::Prefix,
                    };
                    slots.push((m.hash, slot));
                }
                if let Some(entry) = m.reading {
                    add_reading(&mut slots[at].1.readings, entry);
                }
            }
            for (hash_of_key, slot) in slots.drain(..) {
                table.insert_unique(hash_of_key, slot, |s| hash(key_in(&text, s.start, s.end)));
            }
        }
        NameIndex { text, table }
    }
}

/// Sorts `met` by `hash & places` (`places` one less than a power of two), keeping the order
/// met among equal places: a least-significant-digit radix sort, up to 11 bits a pass, which
/// moves each key met twice where a comparison sort would compare it some twenty times.
fn sort_by_place(met: Vec<Met>, places: u64) -> Vec<Met> {
    const DIGIT: u32 = 11;
    let mut from = met;
    let mut to = from.clone();
    let mut counts = vec![0usize; 1 << DIGIT];
    for shift in (0..places.count_ones()).step_by(DIGIT as usize) {
        let digit = |m: &Met| ((m.hash & places) >> shift) as usize & ((1 << DIGIT) - 1);
        counts.fill(0);
        for m in &from {
            counts[digit(m)] += 1;
        }
        let mut next = 0;
        for count in &mut counts {
            (*count, next) = (next, next + *count);
        }
        for m in &from {
            let at = &mut counts[digit(m)];
            to[*at] = *m;
            *at += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    from
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
    use crate::gazetteer::Target;

    fn entry(city: u32, quality: NameQuality) -> Entry {
        Entry {
            target: Target::City(city),
            quality,
        }
    }

    #[test]
    fn keys_and_their_leading_words_are_found() {
        let mut keys = NameKeys::default();
        assert_eq!(keys.add("new york", entry(0, NameQuality::Primary)), Ok(2));
        keys.add("new york city", entry(0, NameQuality::Alias))
            .unwrap();
        let index = keys.index();
        let readings = |key| index.get(key).map(Readings::as_slice);
        assert_eq!(readings("new"), Some(&[][..]));
        assert_eq!(
            readings("new york"),
            Some(&[entry(0, NameQuality::Primary)][..])
        );
        assert_eq!(
            readings("new york city"),
            Some(&[entry(0, NameQuality::Alias)][..])
        );
        assert_eq!(readings("york"), None);
        assert_eq!(index.iter().count(), 3);
    }

    #[test]
    fn readings_keep_the_order_met_and_the_best_name_per_place() {
        let mut keys = NameKeys::default();
        for e in [
            entry(7, NameQuality::Alternate),
            entry(3, NameQuality::Primary),
            entry(7, NameQuality::Primary),
            entry(7, NameQuality::Demonym),
        ] {
            keys.add("paris", e).unwrap();
        }
        let index = keys.index();
        assert_eq!(
            index.get("paris").map(Readings::as_slice),
            Some(
                &[
                    entry(7, NameQuality::Primary),
                    entry(3, NameQuality::Primary),
                    entry(7, NameQuality::Demonym),
                ][..]
            )
        );
    }
}
