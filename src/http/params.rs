//! The query parameters of each list: which filters it takes, and the page.

use super::extract::{FromQuery, Params};
use crate::store::{LegFilter, MeetingFilter, Page, Sort, TimelineFilter, TripFilter};

impl FromQuery for Page {
    fn from_query(params: &mut Params) -> Self {
        let sort = params.raw("sort").and_then(|raw| {
            let sort = Sort::parse(&raw);
            if sort.is_none() {
                let known = Sort::NAMES.join("`, `");
                params.reject(
                    "sort",
                    format!("`{raw}` is not a sort order: expected `{known}`"),
                );
            }
            sort
        });
        Self {
            sort: sort.unwrap_or_default(),
            limit: params
                .count("limit", 1..=Page::MAX_LIMIT)
                .unwrap_or(Page::DEFAULT_LIMIT),
            offset: params.count("offset", 0..=usize::MAX >> 1).unwrap_or(0),
        }
    }
}

impl FromQuery for TripFilter {
    fn from_query(params: &mut Params) -> Self {
        let (from, to) = params.date_range();
        Self {
            traveller: params.text("traveller"),
            country: params.text("country"),
            from,
            to,
            q: params.text("q"),
        }
    }
}

impl FromQuery for LegFilter {
    fn from_query(params: &mut Params) -> Self {
        let (from, to) = params.date_range();
        Self {
            trip_id: params.id("trip_id"),
            traveller: params.text("traveller"),
            origin: params.text("origin"),
            destination: params.text("destination"),
            place: params.text("place"),
            country: params.text("country"),
            mode: params.choice("mode"),
            status: params.choice("status"),
            from,
            to,
        }
    }
}

impl FromQuery for MeetingFilter {
    fn from_query(params: &mut Params) -> Self {
        let (from, to) = params.date_range();
        Self {
            trip_id: params.id("trip_id"),
            traveller: params.text("traveller"),
            participant: params.text("participant"),
            place: params.text("place"),
            country: params.text("country"),
            kind: params.choice("kind"),
            status: params.choice("status"),
            from,
            to,
            q: params.text("q"),
        }
    }
}

impl FromQuery for TimelineFilter {
    fn from_query(params: &mut Params) -> Self {
        let (from, to) = params.date_range();
        Self {
            trip_id: params.id("trip_id"),
            traveller: params.text("traveller"),
            from,
            to,
        }
    }
}
