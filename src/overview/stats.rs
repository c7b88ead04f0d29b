//! Counts per country and per year, for charts.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::{Leg, Meeting, Trip};

/// Trips, legs and meetings in one country.
#[derive(Clone, Debug, Default, PartialEq, Serialize, ToSchema)]
pub struct CountryCount {
    pub country: String,
    pub trips: usize,
    /// Legs arriving in the country.
    pub legs: usize,
    pub meetings: usize,
}

/// Trips (by start year), legs and meetings in one year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, ToSchema)]
pub struct YearCount {
    pub year: i32,
    pub trips: usize,
    pub legs: usize,
    pub meetings: usize,
}

/// Totals and breakdowns; countries sorted by trips (then name), years ascending.
#[derive(Clone, Debug, Default, PartialEq, Serialize, ToSchema)]
pub struct Stats {
    pub trips: usize,
    pub legs: usize,
    pub meetings: usize,
    pub by_country: Vec<CountryCount>,
    pub by_year: Vec<YearCount>,
}

fn year_entry(years: &mut BTreeMap<i32, YearCount>, date: NaiveDate) -> &mut YearCount {
    let year = date.year();
    years.entry(year).or_insert_with(|| YearCount {
        year,
        ..YearCount::default()
    })
}

fn country_entry<'a>(
    countries: &'a mut BTreeMap<String, CountryCount>,
    name: &str,
) -> &'a mut CountryCount {
    countries
        .entry(name.to_owned())
        .or_insert_with(|| CountryCount {
            country: name.to_owned(),
            ..CountryCount::default()
        })
}

/// Counts over the given items.
pub fn stats(trips: &[Trip], legs: &[Leg], meetings: &[Meeting]) -> Stats {
    let mut countries = BTreeMap::new();
    let mut years = BTreeMap::new();
    for trip in trips {
        for country in &trip.countries {
            country_entry(&mut countries, country).trips += 1;
        }
        if let Some(date) = trip.start_date {
            year_entry(&mut years, date).trips += 1;
        }
    }
    for leg in legs {
        if let Some(country) = leg.destination.as_ref().and_then(|p| p.country.as_deref()) {
            country_entry(&mut countries, country).legs += 1;
        }
        if let Some(date) = leg.date {
            year_entry(&mut years, date).legs += 1;
        }
    }
    for meeting in meetings {
        if let Some(country) = meeting.place.as_ref().and_then(|p| p.country.as_deref()) {
            country_entry(&mut countries, country).meetings += 1;
        }
        if let Some(date) = meeting.date {
            year_entry(&mut years, date).meetings += 1;
        }
    }
    let mut by_country: Vec<CountryCount> = countries.into_values().collect();
    by_country.sort_by(|a, b| {
        b.trips
            .cmp(&a.trips)
            .then_with(|| a.country.cmp(&b.country))
    });
    Stats {
        trips: trips.len(),
        legs: legs.len(),
        meetings: meetings.len(),
        by_country,
        by_year: years.into_values().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;

    #[test]
    fn legs_and_meetings_are_counted_by_country_and_year() {
        let oslo = fixtures::place("Oslo", "Norway", 59.91, 10.75);
        let legs = [fixtures::leg(1, None, Some(oslo))];
        let meetings = [fixtures::meeting(
            2,
            NaiveDate::from_ymd_opt(2022, 1, 3),
            &[],
        )];
        let stats = stats(&[], &legs, &meetings);
        assert_eq!((stats.legs, stats.meetings), (1, 1));
        assert_eq!(stats.by_country.len(), 1);
        assert_eq!(
            (stats.by_country[0].legs, stats.by_country[0].meetings),
            (1, 1)
        );
        let years: Vec<(i32, usize, usize)> = stats
            .by_year
            .iter()
            .map(|y| (y.year, y.legs, y.meetings))
            .collect();
        assert_eq!(years, [(2021, 1, 0), (2022, 0, 1)]);
    }
}
