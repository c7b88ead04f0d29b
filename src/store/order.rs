//! Chronological order of legs and meetings, and the trip fields derived from it.
//!
//! Within a day, events follow their part of day, then text order. An event whose text gives
//! no part of day takes the part of the event before it in text order ("Following the press
//! encounter, ... a working luncheon" stays after a morning meeting), so that it is neither
//! pulled to the start of the day nor pushed to its end.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::DatePins;
use crate::domain::{Id, Leg, Meeting, PartOfDay, Source, Trip};

/// A leg or a meeting, borrowed.
#[derive(Clone, Copy, Debug)]
pub(super) enum Event<'a> {
    Leg(&'a Leg),
    Meeting(&'a Meeting),
}

impl Event<'_> {
    pub(super) fn date(&self) -> Option<NaiveDate> {
        match self {
            Self::Leg(leg) => leg.date,
            Self::Meeting(meeting) => meeting.date,
        }
    }

    fn part(&self) -> Option<PartOfDay> {
        match self {
            Self::Leg(leg) => leg.part_of_day,
            Self::Meeting(meeting) => meeting.part_of_day,
        }
    }

    /// Text order: extracted items by document and position; items written through the API
    /// (no source) after them, by id.
    fn text_order(&self) -> (bool, &str, usize, Id) {
        let (source, id): (Option<&Source>, Id) = match self {
            Self::Leg(leg) => (leg.source.as_ref(), leg.id),
            Self::Meeting(meeting) => (meeting.source.as_ref(), meeting.id),
        };
        match source {
            Some(s) => (false, s.document.as_str(), s.start, id),
            None => (true, "", 0, id),
        }
    }
}

/// Dated events first, by date; undated ones last.
fn by_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts `events` chronologically (see the module documentation).
pub(super) fn chronological(events: &mut [Event<'_>]) {
    events.sort_by(|a, b| {
        by_date(a.date(), b.date()).then_with(|| a.text_order().cmp(&b.text_order()))
    });
    for day in events.chunk_by_mut(|a, b| a.date() == b.date()) {
        let mut current = None;
        let mut keyed: Vec<(Option<PartOfDay>, Event<'_>)> = day
            .iter()
            .map(|event| {
                current = event.part().or(current);
                (current, *event)
            })
            .collect();
        keyed.sort_by_key(|(part, _)| *part);
        for (slot, (_, event)) in day.iter_mut().zip(keyed) {
            *slot = event;
        }
    }
}

/// `events` sorted newest first: the dated ones in reverse, the undated ones still last.
pub(super) fn newest_first<T>(items: &mut [T], dated: impl Fn(&T) -> bool) {
    let split = items.iter().take_while(|item| dated(item)).count();
    items[..split].reverse();
}

/// Recomputes the fields of `trip` derived from its `legs` and `meetings`: start and end
/// dates (unless pinned), countries in order of first visit (leg destinations and meeting
/// places, planned ones included; not the home country a last leg returns to), and the
/// counts.
pub(super) fn derive_trip(trip: &mut Trip, pins: DatePins, legs: &[&Leg], meetings: &[&Meeting]) {
    let mut events: Vec<Event<'_>> = legs.iter().map(|l| Event::Leg(l)).collect();
    events.extend(meetings.iter().map(|m| Event::Meeting(m)));
    chronological(&mut events);
    let dates: Vec<NaiveDate> = events.iter().filter_map(Event::date).collect();
    trip.start_date = pins.start.or_else(|| dates.first().copied());
    trip.end_date = pins.end.or_else(|| dates.iter().max().copied());
    trip.countries.clear();
    let home_leg = return_home(legs);
    for event in &events {
        let place = match event {
            Event::Leg(leg) if Some(leg.id) == home_leg => None,
            Event::Leg(leg) => leg.destination.as_ref(),
            Event::Meeting(meeting) => meeting.place.as_ref(),
        };
        if let Some(country) = place.and_then(|p| p.country.as_ref())
            && !trip.countries.contains(country)
        {
            trip.countries.push(country.clone());
        }
    }
    trip.leg_count = legs.len();
    trip.meeting_count = meetings.len();
}

/// The last leg when it goes back to the country the first leg left from: that country is
/// home, not a country visited.
fn return_home(legs: &[&Leg]) -> Option<Id> {
    let first = legs.iter().min_by_key(|l| (l.seq, l.id))?;
    let last = legs.iter().max_by_key(|l| (l.seq, l.id))?;
    let code = |place: Option<&crate::domain::Place>| place.and_then(|p| p.country_code.clone());
    let home = code(first.origin.as_ref())?;
    (first.id != last.id && code(last.destination.as_ref()) == Some(home)).then_some(last.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MeetingKind, Place, Status, Traveller};

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2022, 4, d)
    }

    fn source(start: usize) -> Option<Source> {
        Some(Source {
            document: "a.txt".into(),
            sentence: String::new(),
            start,
            end: start + 1,
        })
    }

    fn meeting(id: Id, date: Option<NaiveDate>, part: Option<PartOfDay>, at: usize) -> Meeting {
        Meeting {
            id,
            trip_id: 1,
            date,
            part_of_day: part,
            place: Some(Place {
                country: Some(format!("Country {id}")),
                ..Place::named("Town")
            }),
            kind: MeetingKind::Meeting,
            participants: Vec::new(),
            summary: None,
            status: Status::Completed,
            source: source(at),
            version: 1,
        }
    }

    fn ids(events: &[Event<'_>]) -> Vec<Id> {
        events
            .iter()
            .map(|e| match e {
                Event::Leg(l) => l.id,
                Event::Meeting(m) => m.id,
            })
            .collect()
    }

    #[test]
    fn an_event_without_part_of_day_follows_the_one_before_it() {
        use PartOfDay::{Afternoon, Morning};
        let all = [
            meeting(1, day(26), Some(Afternoon), 40),
            meeting(2, day(26), Some(Morning), 10),
            meeting(3, day(26), None, 20),
            meeting(4, None, None, 0),
            meeting(5, day(25), None, 50),
        ];
        let mut events: Vec<Event<'_>> = all.iter().map(Event::Meeting).collect();
        chronological(&mut events);
        assert_eq!(ids(&events), [5, 2, 3, 1, 4]);
    }

    #[test]
    fn derived_fields_follow_the_items_unless_pinned() {
        let items = [meeting(2, day(26), None, 10), meeting(3, day(25), None, 20)];
        let refs: Vec<&Meeting> = items.iter().collect();
        let mut trip = super::super::plan::blank_trip(1, Traveller::default(), Vec::new());
        derive_trip(&mut trip, DatePins::default(), &[], &refs);
        assert_eq!((trip.start_date, trip.end_date), (day(25), day(26)));
        assert_eq!(trip.countries, ["Country 3", "Country 2"]);
        assert_eq!(trip.meeting_count, 2);
        let pins = DatePins {
            start: day(20),
            end: None,
        };
        derive_trip(&mut trip, pins, &[], &refs);
        assert_eq!((trip.start_date, trip.end_date), (day(20), day(26)));
    }
}
