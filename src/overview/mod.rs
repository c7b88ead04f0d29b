//! Overviews computed from the timeline: the people the travellers met, the places they
//! visited, and counts per country and per year for charts. Pure functions over items the
//! caller passes in; results are sorted so that responses are stable.

mod people;
mod places;
mod stats;

pub use people::{Person, people, slug};
pub use places::{VisitedPlace, places};
pub use stats::{CountryCount, Stats, YearCount, stats};
