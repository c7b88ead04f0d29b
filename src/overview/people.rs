//! Everyone met, grouped by name (case- and diacritic-insensitive).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::{Id, Meeting};
use crate::fold::fold;

/// A person the travellers met, with what the texts say of them.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Person {
    /// Stable identifier derived from the name (`sergey-lavrov`).
    pub id: String,
    pub name: String,
    /// Titles given to the person, in order of first mention.
    pub roles: Vec<String>,
    pub countries: Vec<String>,
    pub meeting_count: usize,
    pub first_met: Option<NaiveDate>,
    pub last_met: Option<NaiveDate>,
    /// Ids of the meetings, in date order.
    pub meeting_ids: Vec<Id>,
}

/// A URL-safe identifier for a name: folded, with runs of other characters as one `-`.
pub fn slug(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn push_new(list: &mut Vec<String>, value: Option<&String>) {
    if let Some(value) = value
        && !list.iter().any(|known| fold(known) == fold(value))
    {
        list.push(value.clone());
    }
}

/// Everyone named in `meetings`, sorted by name. `meetings` should be in date order so that
/// roles and meeting ids come out in order.
pub fn people(meetings: &[Meeting]) -> Vec<Person> {
    let mut by_slug: BTreeMap<String, Person> = BTreeMap::new();
    for meeting in meetings {
        for participant in &meeting.participants {
            let id = slug(&participant.name);
            if id.is_empty() {
                continue;
            }
            let person = by_slug.entry(id.clone()).or_insert_with(|| Person {
                id,
                name: participant.name.clone(),
                roles: Vec::new(),
                countries: Vec::new(),
                meeting_count: 0,
                first_met: None,
                last_met: None,
                meeting_ids: Vec::new(),
            });
            push_new(&mut person.roles, participant.role.as_ref());
            push_new(&mut person.countries, participant.country.as_ref());
            if !person.meeting_ids.contains(&meeting.id) {
                person.meeting_ids.push(meeting.id);
                person.meeting_count += 1;
            }
            if let Some(date) = meeting.date {
                person.first_met = Some(person.first_met.map_or(date, |d| d.min(date)));
                person.last_met = Some(person.last_met.map_or(date, |d| d.max(date)));
            }
        }
    }
    let mut people: Vec<Person> = by_slug.into_values().collect();
    people.sort_by(|a, b| {
        fold(&a.name)
            .cmp(&fold(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;

    #[test]
    fn people_are_grouped_across_spellings_with_their_dates() {
        let d = |day| chrono::NaiveDate::from_ymd_opt(2021, 6, day);
        let meetings = [
            fixtures::meeting(1, d(2), &["Ine Eriksen"]),
            fixtures::meeting(2, d(5), &["INE ERIKSEN", "Jonas Gahr"]),
        ];
        let people = people(&meetings);
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].id, "ine-eriksen");
        assert_eq!(people[0].meeting_count, 2);
        assert_eq!((people[0].first_met, people[0].last_met), (d(2), d(5)));
        assert_eq!(people[0].roles, ["Foreign Minister"]);
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("Willie O’Dea"), "willie-o-dea");
    }
}
