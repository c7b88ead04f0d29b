//! iCalendar export (RFC 5545): one all-day VEVENT per dated meeting and per dated leg (the
//! texts give days and parts of days, not times). UIDs are stable (`meeting-12@itinerary`),
//! and SEQUENCE is the item's version, so a re-import updates events instead of duplicating
//! them. Undated items cannot be placed in a calendar and are left out.

use chrono::Days;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use crate::domain::{Leg, Meeting, MeetingKind, Status, enum_name};

use super::{participant_label, place_label};

/// A calendar holding `meetings` and `legs`, named `name`.
pub fn calendar(name: &str, meetings: &[Meeting], legs: &[Leg]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for meeting in meetings {
        if let Some(event) = meeting_event(meeting) {
            calendar.push(event);
        }
    }
    for leg in legs {
        if let Some(event) = leg_event(leg) {
            calendar.push(event);
        }
    }
    calendar.done().to_string()
}

fn status(status: Status) -> EventStatus {
    match status {
        Status::Completed => EventStatus::Confirmed,
        Status::Planned => EventStatus::Tentative,
    }
}

fn all_day(event: &mut Event, date: chrono::NaiveDate) {
    event.starts(date);
    if let Some(next) = date.checked_add_days(Days::new(1)) {
        event.ends(next);
    }
}

fn kind_label(kind: MeetingKind) -> String {
    let name = enum_name(&kind).replace('_', " ");
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn meeting_event(meeting: &Meeting) -> Option<Event> {
    let date = meeting.date?;
    let people: Vec<String> = meeting
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect();
    let title = if people.is_empty() {
        kind_label(meeting.kind)
    } else {
        format!("{}: {}", kind_label(meeting.kind), people.join(", "))
    };
    let mut event = Event::new();
    event
        .uid(&format!("meeting-{}@itinerary", meeting.id))
        .sequence(u32::try_from(meeting.version).unwrap_or(0))
        .summary(&title)
        .status(status(meeting.status));
    all_day(&mut event, date);
    if let Some(place) = &meeting.place {
        event.location(&place_label(place));
    }
    let mut description: Vec<String> = meeting.participants.iter().map(participant_label).collect();
    description.extend(meeting.summary.clone());
    description.extend(
        meeting
            .source
            .as_ref()
            .map(|s| format!("Source: {} — {}", s.document, s.sentence)),
    );
    if !description.is_empty() {
        event.description(&description.join("\n"));
    }
    Some(event.done())
}

fn leg_event(leg: &Leg) -> Option<Event> {
    let date = leg.date?;
    let name = |place: &Option<crate::domain::Place>| {
        place
            .as_ref()
            .map_or_else(|| "unknown".to_owned(), |p| p.name.clone())
    };
    let mut title = format!("Travel: {} → {}", name(&leg.origin), name(&leg.destination));
    if let Some(mode) = leg.mode {
        title.push_str(&format!(" ({})", enum_name(&mode)));
    }
    let mut event = Event::new();
    event
        .uid(&format!("leg-{}@itinerary", leg.id))
        .sequence(u32::try_from(leg.version).unwrap_or(0))
        .summary(&title)
        .status(status(leg.status));
    all_day(&mut event, date);
    if let Some(destination) = &leg.destination {
        event.location(&place_label(destination));
    }
    if let Some(source) = &leg.source {
        event.description(&format!(
            "Source: {} — {}",
            source.document, source.sentence
        ));
    }
    Some(event.done())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;
    use icalendar::{CalendarComponent, DatePerhapsTime};

    #[test]
    fn dated_items_become_all_day_events_with_stable_uids() {
        let day = chrono::NaiveDate::from_ymd_opt(2021, 6, 2).unwrap();
        let oslo = fixtures::place("Oslo", "Norway", 59.91, 10.75);
        let meetings = [
            fixtures::meeting(7, Some(day), &["Ine Eriksen"]),
            fixtures::meeting(8, None, &[]),
        ];
        let text = calendar("test", &meetings, &[fixtures::leg(3, None, Some(oslo))]);
        let parsed: Calendar = text.parse().unwrap();
        let events: Vec<&Event> = parsed
            .components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .collect();
        assert_eq!(events.len(), 2, "the undated meeting is left out");
        assert_eq!(events[0].get_uid(), Some("meeting-7@itinerary"));
        assert_eq!(events[0].get_summary(), Some("Meal: Ine Eriksen"));
        assert_eq!(events[0].get_start(), Some(DatePerhapsTime::Date(day)));
        assert_eq!(events[0].get_location(), Some("Oslo, Norway"));
        assert_eq!(events[1].get_uid(), Some("leg-3@itinerary"));
        assert_eq!(
            events[1].get_summary(),
            Some("Travel: unknown → Oslo (air)")
        );
    }
}
