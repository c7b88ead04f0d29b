//! Reading the model: filters, sort order and pages of trips, legs and meetings, and the
//! timeline of days. A filter's indexed fields pick the candidates; each candidate is then
//! checked against the whole filter.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::index::{texts, trip_span};
use super::memory::Memory;
use super::order::{Event, chronological, newest_first};
use super::text::TextQuery;
use crate::domain::{Id, Leg, Meeting, MeetingKind, Mode, Status, Trip};

/// Which trips to list. Text filters match word starts, ignoring case and accents; `from`
/// and `to` are inclusive and a trip matches when its dates overlap them.
#[derive(Clone, Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TripFilter {
    /// Traveller name or role.
    #[param(value_type = Option<String>)]
    pub traveller: Option<TextQuery>,
    /// A country visited (name or ISO code).
    #[param(value_type = Option<String>)]
    pub country: Option<TextQuery>,
    /// Inclusive start date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<NaiveDate>,
    /// Inclusive end date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<NaiveDate>,
    /// Any text of the trip: traveller, title, summary, countries, sources.
    #[param(value_type = Option<String>)]
    pub q: Option<TextQuery>,
}

/// Which legs to list. `place` matches origin, destination or a stopover; `country` the
/// country of any of them; `from`/`to` the leg's date, inclusive.
#[derive(Clone, Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LegFilter {
    /// Only the items of this trip.
    pub trip_id: Option<Id>,
    /// Traveller name or role.
    #[param(value_type = Option<String>)]
    pub traveller: Option<TextQuery>,
    /// Where the leg starts.
    #[param(value_type = Option<String>)]
    pub origin: Option<TextQuery>,
    /// Where the leg ends.
    #[param(value_type = Option<String>)]
    pub destination: Option<TextQuery>,
    /// Origin, destination or a stopover.
    #[param(value_type = Option<String>)]
    pub place: Option<TextQuery>,
    /// Country of the origin, destination or a stopover (name or ISO code).
    #[param(value_type = Option<String>)]
    pub country: Option<TextQuery>,
    /// Only items with this mode.
    pub mode: Option<Mode>,
    /// Only items with this status.
    pub status: Option<Status>,
    /// Inclusive start date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<NaiveDate>,
    /// Inclusive end date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<NaiveDate>,
}

/// Which meetings to list. `participant` matches a participant's name or role; `country`
/// where the meeting took place or a participant's country; `q` any of its text.
#[derive(Clone, Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MeetingFilter {
    /// Only the items of this trip.
    pub trip_id: Option<Id>,
    /// Traveller name or role.
    #[param(value_type = Option<String>)]
    pub traveller: Option<TextQuery>,
    /// A participant's name or role.
    #[param(value_type = Option<String>)]
    pub participant: Option<TextQuery>,
    /// Where the meeting took place.
    #[param(value_type = Option<String>)]
    pub place: Option<TextQuery>,
    /// Where it took place, or a participant's country.
    #[param(value_type = Option<String>)]
    pub country: Option<TextQuery>,
    /// Only items with this kind.
    pub kind: Option<MeetingKind>,
    /// Only items with this status.
    pub status: Option<Status>,
    /// Inclusive start date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<NaiveDate>,
    /// Inclusive end date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<NaiveDate>,
    /// Any text of the meeting: participants, place, summary, source sentence.
    #[param(value_type = Option<String>)]
    pub q: Option<TextQuery>,
}

/// Which days the timeline shows.
#[derive(Clone, Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineFilter {
    /// Only the items of this trip.
    pub trip_id: Option<Id>,
    /// Traveller name or role.
    #[param(value_type = Option<String>)]
    pub traveller: Option<TextQuery>,
    /// Inclusive start date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<NaiveDate>,
    /// Inclusive end date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<NaiveDate>,
}

/// List order: chronological (`date`, the default) or newest first (`-date`). Undated items
/// come last either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Date,
    DateDesc,
}

impl Sort {
    /// The accepted spellings, for error messages.
    pub const NAMES: [&'static str; 2] = ["date", "-date"];

    /// Reads `date` or `-date`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "date" => Some(Self::Date),
            "-date" => Some(Self::DateDesc),
            _ => None,
        }
    }
}

/// One page of a list: its order, size and start. `limit` is within 1..=[`Page::MAX_LIMIT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// `date` (chronological, the default) or `-date` (newest first).
    #[param(value_type = Option<String>, example = "-date")]
    pub sort: Sort,
    /// Items per page, from 1 to 1000 (default 100).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    pub limit: usize,
    /// Items to skip (default 0).
    #[param(value_type = Option<u32>)]
    pub offset: usize,
}

impl Page {
    /// Items per page when the client does not say.
    pub const DEFAULT_LIMIT: usize = 100;
    /// The largest page a client may ask for.
    pub const MAX_LIMIT: usize = 1000;

    fn cut<T>(&self, items: Vec<T>) -> Vec<T> {
        items
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .collect()
    }
}

impl Default for Page {
    fn default() -> Self {
        Self {
            sort: Sort::Date,
            limit: Self::DEFAULT_LIMIT,
            offset: 0,
        }
    }
}

/// One page of items and how many match in all.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub total: usize,
}

impl<T> Listing<T> {
    /// `page` of `items`, which are in chronological order: reversed for `-date`.
    pub fn paged(mut items: Vec<T>, page: &Page) -> Self {
        if page.sort == Sort::DateDesc {
            items.reverse();
        }
        let total = items.len();
        Self {
            items: page.cut(items),
            total,
        }
    }
}

/// A trip with its legs (in `seq` order) and meetings (chronological), as `GET /trips/{id}`
/// shows it.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct TripDetail {
    #[serde(flatten)]
    pub trip: Trip,
    pub legs: Vec<Leg>,
    pub meetings: Vec<Meeting>,
}

/// A leg or a meeting in the timeline, tagged by `"type"`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TimelineEvent {
    Leg(Leg),
    Meeting(Meeting),
}

/// One day of the timeline: its events in order (part of day, then text order).
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Day {
    pub date: NaiveDate,
    pub events: Vec<TimelineEvent>,
}

fn within(date: Option<NaiveDate>, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    date.is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t))
}

fn text_ok(query: &Option<TextQuery>, texts: impl FnOnce() -> Vec<String>) -> bool {
    query.as_ref().is_none_or(|q| q.matches_any(&texts()))
}

/// The ids in every set, or `None` when there is no set (no indexed filter: scan all).
fn intersect(mut sets: Vec<BTreeSet<Id>>) -> Option<BTreeSet<Id>> {
    sets.sort_by_key(BTreeSet::len);
    let mut sets = sets.into_iter();
    let first = sets.next()?;
    Some(sets.fold(first, |acc, set| acc.intersection(&set).copied().collect()))
}

fn select<T>(
    all: &BTreeMap<Id, T>,
    candidates: Option<BTreeSet<Id>>,
    keep: impl Fn(&T) -> bool,
) -> Vec<&T> {
    match candidates {
        Some(ids) => ids
            .iter()
            .filter_map(|id| all.get(id))
            .filter(|t| keep(t))
            .collect(),
        None => all.values().filter(|t| keep(t)).collect(),
    }
}

fn date_range_ids(
    index: &super::index::KeyIndex<NaiveDate>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Option<BTreeSet<Id>> {
    match (from, to) {
        (None, None) => None,
        (Some(f), None) => Some(index.range(f..)),
        (None, Some(t)) => Some(index.range(..=t)),
        (Some(f), Some(t)) if f <= t => Some(index.range(f..=t)),
        _ => Some(BTreeSet::new()),
    }
}

impl TripFilter {
    fn candidates(&self, memory: &Memory) -> Option<BTreeSet<Id>> {
        let index = &memory.trip_index;
        let mut sets = Vec::new();
        sets.extend(self.traveller.as_ref().map(|q| index.traveller.lookup(q)));
        sets.extend(self.country.as_ref().map(|q| index.country.lookup(q)));
        sets.extend(self.q.as_ref().map(|q| index.text.lookup(q)));
        sets.extend(self.from.map(|f| index.end.range(f..)));
        sets.extend(self.to.map(|t| index.start.range(..=t)));
        intersect(sets)
    }

    fn matches(&self, trip: &Trip) -> bool {
        let dated = match (self.from, self.to, trip_span(trip)) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, to, Some((start, end))) => {
                from.is_none_or(|f| end >= f) && to.is_none_or(|t| start <= t)
            }
        };
        dated
            && text_ok(&self.traveller, || texts::traveller(trip))
            && text_ok(&self.country, || trip.countries.clone())
            && text_ok(&self.q, || texts::trip_text(trip))
    }
}

impl LegFilter {
    fn candidates(&self, memory: &Memory) -> Option<BTreeSet<Id>> {
        let index = &memory.leg_index;
        let mut sets = Vec::new();
        sets.extend(self.trip_id.map(|id| index.trip.get(&id)));
        sets.extend(self.traveller.as_ref().map(|q| {
            let trips = memory.trip_index.traveller.lookup(q);
            trips.iter().flat_map(|t| index.trip.get(t)).collect()
        }));
        for query in [&self.origin, &self.destination, &self.place] {
            sets.extend(query.as_ref().map(|q| index.place.lookup(q)));
        }
        sets.extend(self.country.as_ref().map(|q| index.country.lookup(q)));
        sets.extend(date_range_ids(&index.date, self.from, self.to));
        intersect(sets)
    }

    fn matches(&self, leg: &Leg, memory: &Memory) -> bool {
        let places = texts::leg_places(leg);
        self.trip_id.is_none_or(|id| leg.trip_id == id)
            && self.mode.is_none_or(|mode| leg.mode == Some(mode))
            && self.status.is_none_or(|status| leg.status == status)
            && within(leg.date, self.from, self.to)
            && text_ok(&self.traveller, || memory.traveller_texts(leg.trip_id))
            && text_ok(&self.origin, || texts::place_names(&leg.origin))
            && text_ok(&self.destination, || texts::place_names(&leg.destination))
            && text_ok(&self.place, || texts::place_names(places.clone()))
            && text_ok(&self.country, || texts::place_countries(places.clone()))
    }
}

impl MeetingFilter {
    fn candidates(&self, memory: &Memory) -> Option<BTreeSet<Id>> {
        let index = &memory.meeting_index;
        let mut sets = Vec::new();
        sets.extend(self.trip_id.map(|id| index.trip.get(&id)));
        sets.extend(self.traveller.as_ref().map(|q| {
            let trips = memory.trip_index.traveller.lookup(q);
            trips.iter().flat_map(|t| index.trip.get(t)).collect()
        }));
        sets.extend(
            self.participant
                .as_ref()
                .map(|q| index.participant.lookup(q)),
        );
        sets.extend(self.place.as_ref().map(|q| index.place.lookup(q)));
        sets.extend(self.country.as_ref().map(|q| index.country.lookup(q)));
        sets.extend(self.q.as_ref().map(|q| index.text.lookup(q)));
        sets.extend(date_range_ids(&index.date, self.from, self.to));
        intersect(sets)
    }

    fn matches(&self, meeting: &Meeting, memory: &Memory) -> bool {
        self.trip_id.is_none_or(|id| meeting.trip_id == id)
            && self.kind.is_none_or(|kind| meeting.kind == kind)
            && self.status.is_none_or(|status| meeting.status == status)
            && within(meeting.date, self.from, self.to)
            && text_ok(&self.traveller, || memory.traveller_texts(meeting.trip_id))
            && text_ok(&self.participant, || texts::participants(meeting))
            && text_ok(&self.place, || texts::place_names(&meeting.place))
            && text_ok(&self.country, || texts::meeting_countries(meeting))
            && text_ok(&self.q, || texts::meeting_text(meeting))
    }
}

/// `events` in the order `sort` asks for.
fn ordered<'a>(mut events: Vec<Event<'a>>, sort: Sort) -> Vec<Event<'a>> {
    chronological(&mut events);
    if sort == Sort::DateDesc {
        newest_first(&mut events, |e| e.date().is_some());
    }
    events
}

impl Memory {
    fn traveller_texts(&self, trip_id: Id) -> Vec<String> {
        self.trips
            .get(&trip_id)
            .map(texts::traveller)
            .unwrap_or_default()
    }

    pub(super) fn list_trips(&self, filter: &TripFilter, page: &Page) -> Listing<Trip> {
        let mut trips = select(&self.trips, filter.candidates(self), |t| filter.matches(t));
        trips.sort_by_key(|t| (trip_span(t).is_none(), trip_span(t), t.id));
        if page.sort == Sort::DateDesc {
            newest_first(&mut trips, |t| trip_span(t).is_some());
        }
        let total = trips.len();
        Listing {
            items: page.cut(trips).into_iter().cloned().collect(),
            total,
        }
    }

    pub(super) fn list_legs(&self, filter: &LegFilter, page: &Page) -> Listing<Leg> {
        let legs = select(&self.legs, filter.candidates(self), |l| {
            filter.matches(l, self)
        });
        let events = ordered(legs.into_iter().map(Event::Leg).collect(), page.sort);
        let total = events.len();
        let items = page.cut(events).into_iter().filter_map(|e| match e {
            Event::Leg(leg) => Some(leg.clone()),
            Event::Meeting(_) => None,
        });
        Listing {
            items: items.collect(),
            total,
        }
    }

    pub(super) fn list_meetings(&self, filter: &MeetingFilter, page: &Page) -> Listing<Meeting> {
        let meetings = select(&self.meetings, filter.candidates(self), |m| {
            filter.matches(m, self)
        });
        let events = ordered(
            meetings.into_iter().map(Event::Meeting).collect(),
            page.sort,
        );
        let total = events.len();
        let items = page.cut(events).into_iter().filter_map(|e| match e {
            Event::Meeting(meeting) => Some(meeting.clone()),
            Event::Leg(_) => None,
        });
        Listing {
            items: items.collect(),
            total,
        }
    }

    pub(super) fn timeline(&self, filter: &TimelineFilter, page: &Page) -> Listing<Day> {
        let legs = LegFilter {
            trip_id: filter.trip_id,
            traveller: filter.traveller.clone(),
            from: filter.from,
            to: filter.to,
            ..LegFilter::default()
        };
        let meetings = MeetingFilter {
            trip_id: filter.trip_id,
            traveller: filter.traveller.clone(),
            from: filter.from,
            to: filter.to,
            ..MeetingFilter::default()
        };
        let mut events: Vec<Event<'_>> = select(&self.legs, legs.candidates(self), |l| {
            l.date.is_some() && legs.matches(l, self)
        })
        .into_iter()
        .map(Event::Leg)
        .collect();
        events.extend(
            select(&self.meetings, meetings.candidates(self), |m| {
                m.date.is_some() && meetings.matches(m, self)
            })
            .into_iter()
            .map(Event::Meeting),
        );
        let days = group_days(ordered(events, Sort::Date), page.sort);
        let total = days.len();
        Listing {
            items: page.cut(days),
            total,
        }
    }
}

/// Dated events, in order, gathered by day; days newest first for `-date`.
fn group_days(events: Vec<Event<'_>>, sort: Sort) -> Vec<Day> {
    let mut days: Vec<Day> = Vec::new();
    for event in events {
        let Some(date) = event.date() else { continue };
        let item = match event {
            Event::Leg(leg) => TimelineEvent::Leg(leg.clone()),
            Event::Meeting(meeting) => TimelineEvent::Meeting(meeting.clone()),
        };
        match days.last_mut() {
            Some(day) if day.date == date => day.events.push(item),
            _ => days.push(Day {
                date,
                events: vec![item],
            }),
        }
    }
    if sort == Sort::DateDesc {
        days.reverse();
    }
    days
}
