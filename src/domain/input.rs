//! What a client may write: the writable fields of trips, legs and meetings. A value of these
//! types is valid by construction: `from_json` is the only way in from a request, and it
//! checks real dates, known enum values, non-empty names, `end_date >= start_date` and
//! unknown fields, reporting every bad field at once. Whether `trip_id` exists is the store's
//! to check.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::fields::{Fields, Invalid};
use super::{Id, Leg, Meeting, MeetingKind, Mode, PartOfDay, Participant, Place, Status};
use super::{Traveller, Trip};

/// The writable fields of a trip. `start_date`/`end_date` pin the trip's dates; left null,
/// they are derived from the trip's legs and meetings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"traveller": {"name": "António Guterres", "role": "Secretary-General"}, "title": "Visit to Moscow and Kyiv"}))]
pub struct NewTrip {
    pub traveller: Traveller,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

/// The writable fields of a leg. `seq` places it in its trip (1 = first; absent = last).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"trip_id": 1, "origin": {"name": "Moscow", "country": "Russian Federation", "country_code": "RU", "lat": null, "lon": null}, "destination": {"name": "Rzeszów", "country": "Poland", "country_code": "PL", "lat": null, "lon": null}, "date": "2022-04-26", "mode": "air"}))]
pub struct NewLeg {
    pub trip_id: Id,
    pub seq: Option<u32>,
    pub origin: Option<Place>,
    pub destination: Option<Place>,
    #[serde(default)]
    pub via: Vec<Place>,
    pub date: Option<NaiveDate>,
    pub part_of_day: Option<PartOfDay>,
    pub mode: Option<Mode>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub inferred: bool,
}

/// The writable fields of a meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"trip_id": 1, "date": "2022-04-26", "kind": "meeting", "participants": [{"name": "Sergey Lavrov", "role": "Foreign Minister", "country": "Russian Federation"}]}))]
pub struct NewMeeting {
    pub trip_id: Id,
    pub date: Option<NaiveDate>,
    pub part_of_day: Option<PartOfDay>,
    pub place: Option<Place>,
    #[serde(default)]
    pub kind: MeetingKind,
    #[serde(default)]
    pub participants: Vec<Participant>,
    pub summary: Option<String>,
    #[serde(default)]
    pub status: Status,
}

impl NewTrip {
    /// Fields a client may send back as it read them; they are ignored.
    pub const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "countries",
        "leg_count",
        "meeting_count",
        "sources",
        "legs",
        "meetings",
    ];

    /// Reads a trip body. `path_id` is the id in the URL of a PUT or PATCH: a body `id`, when
    /// present, must equal it.
    pub fn from_json(value: Value, path_id: Option<Id>) -> Result<Self, Invalid> {
        let mut f = Fields::new(value, Self::READ_ONLY)?;
        check_id(&mut f, path_id);
        let traveller: Option<Traveller> = f.required("traveller");
        if let Some(traveller) = &traveller {
            check_name(&mut f, "traveller.name", &traveller.name);
        }
        let start_date = f.date("start_date");
        let end_date = f.date("end_date");
        if let (Some(start), Some(end)) = (start_date, end_date)
            && end < start
        {
            f.reject("end_date", format!("{end} is before start_date {start}"));
        }
        let trip = Self {
            traveller: traveller.map(clean_traveller).unwrap_or_default(),
            title: clean(f.optional("title")),
            summary: clean(f.optional("summary")),
            start_date,
            end_date,
        };
        f.finish().map(|()| trip)
    }
}

impl NewLeg {
    /// Fields a client may send back as it read them; they are ignored.
    pub const READ_ONLY: &'static [&'static str] = &["id", "version", "source"];

    /// Reads a leg body; see [`NewTrip::from_json`] for `path_id`.
    pub fn from_json(value: Value, path_id: Option<Id>) -> Result<Self, Invalid> {
        let mut f = Fields::new(value, Self::READ_ONLY)?;
        check_id(&mut f, path_id);
        let trip_id = check_trip_id(&mut f);
        let seq: Option<u32> = f.optional("seq");
        if seq == Some(0) {
            f.reject("seq", "positions start at 1");
        }
        let origin = check_place(&mut f, "origin");
        let destination = check_place(&mut f, "destination");
        let unreadable = f.has_error("origin") || f.has_error("destination");
        if origin.is_none() && destination.is_none() && !unreadable {
            f.reject("destination", "a leg needs an origin or a destination");
        }
        let via = check_places(&mut f, "via");
        let leg = Self {
            trip_id,
            seq,
            origin,
            destination,
            via,
            date: f.date("date"),
            part_of_day: f.optional("part_of_day"),
            mode: f.optional("mode"),
            status: f.or_default("status"),
            inferred: f.or_default("inferred"),
        };
        f.finish().map(|()| leg)
    }
}

impl NewMeeting {
    /// Fields a client may send back as it read them; they are ignored.
    pub const READ_ONLY: &'static [&'static str] = &["id", "version", "source"];

    /// Reads a meeting body; see [`NewTrip::from_json`] for `path_id`.
    pub fn from_json(value: Value, path_id: Option<Id>) -> Result<Self, Invalid> {
        let mut f = Fields::new(value, Self::READ_ONLY)?;
        check_id(&mut f, path_id);
        let trip_id = check_trip_id(&mut f);
        let participants: Vec<Participant> = f.or_default("participants");
        for (i, participant) in participants.iter().enumerate() {
            check_name(
                &mut f,
                &format!("participants[{i}].name"),
                &participant.name,
            );
        }
        let meeting = Self {
            trip_id,
            date: f.date("date"),
            part_of_day: f.optional("part_of_day"),
            place: check_place(&mut f, "place"),
            kind: f.or_default("kind"),
            participants: participants.into_iter().map(clean_participant).collect(),
            summary: clean(f.optional("summary")),
            status: f.or_default("status"),
        };
        f.finish().map(|()| meeting)
    }
}

impl From<&Leg> for NewLeg {
    fn from(leg: &Leg) -> Self {
        Self {
            trip_id: leg.trip_id,
            seq: Some(leg.seq),
            origin: leg.origin.clone(),
            destination: leg.destination.clone(),
            via: leg.via.clone(),
            date: leg.date,
            part_of_day: leg.part_of_day,
            mode: leg.mode,
            status: leg.status,
            inferred: leg.inferred,
        }
    }
}

impl From<&Meeting> for NewMeeting {
    fn from(meeting: &Meeting) -> Self {
        Self {
            trip_id: meeting.trip_id,
            date: meeting.date,
            part_of_day: meeting.part_of_day,
            place: meeting.place.clone(),
            kind: meeting.kind,
            participants: meeting.participants.clone(),
            summary: meeting.summary.clone(),
            status: meeting.status,
        }
    }
}

impl NewTrip {
    /// The writable fields of `trip`, with the dates a user pinned (`None` = derived).
    pub fn from_trip(
        trip: &Trip,
        start_date: Option<NaiveDate>,
        end_date: Option<NaiveDate>,
    ) -> Self {
        Self {
            traveller: trip.traveller.clone(),
            title: trip.title.clone(),
            summary: trip.summary.clone(),
            start_date,
            end_date,
        }
    }
}

fn check_id(f: &mut Fields, path_id: Option<Id>) {
    let Some(expected) = path_id else { return };
    let Some(given) = f.take("id") else { return };
    if given.as_i64() != Some(expected) {
        f.reject(
            "id",
            format!("{given} does not match the id in the path ({expected})"),
        );
    }
}

fn check_trip_id(f: &mut Fields) -> Id {
    let trip_id: Option<Id> = f.required("trip_id");
    if trip_id.is_some_and(|id| id <= 0) {
        f.reject("trip_id", "ids are positive integers");
    }
    trip_id.unwrap_or_default()
}

fn check_name(f: &mut Fields, field: &str, name: &str) {
    if name.trim().is_empty() {
        f.reject(field, "must not be empty");
    }
}

fn check_place(f: &mut Fields, field: &str) -> Option<Place> {
    let place: Place = f.optional(field)?;
    validate_place(f, field, &place);
    Some(clean_place(place))
}

fn check_places(f: &mut Fields, field: &str) -> Vec<Place> {
    let places: Vec<Place> = f.or_default(field);
    for (i, place) in places.iter().enumerate() {
        validate_place(f, &format!("{field}[{i}]"), place);
    }
    places.into_iter().map(clean_place).collect()
}

fn validate_place(f: &mut Fields, field: &str, place: &Place) {
    check_name(f, &format!("{field}.name"), &place.name);
    if place.lat.is_some_and(|lat| !(-90.0..=90.0).contains(&lat)) {
        f.reject(format!("{field}.lat"), "latitude must be within -90..90");
    }
    if place
        .lon
        .is_some_and(|lon| !(-180.0..=180.0).contains(&lon))
    {
        f.reject(format!("{field}.lon"), "longitude must be within -180..180");
    }
    let bad_code =
        |code: &String| code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic());
    if place.country_code.as_ref().is_some_and(bad_code) {
        f.reject(
            format!("{field}.country_code"),
            "must be an ISO 3166-1 alpha-2 code such as `PL`",
        );
    }
}

fn clean(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

fn clean_traveller(traveller: Traveller) -> Traveller {
    Traveller {
        name: traveller.name.trim().to_owned(),
        role: clean(traveller.role),
    }
}

fn clean_participant(participant: Participant) -> Participant {
    Participant {
        name: participant.name.trim().to_owned(),
        role: clean(participant.role),
        country: clean(participant.country),
    }
}

fn clean_place(place: Place) -> Place {
    Place {
        name: place.name.trim().to_owned(),
        country: clean(place.country),
        country_code: place.country_code.map(|c| c.to_ascii_uppercase()),
        lat: place.lat,
        lon: place.lon,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields_of(invalid: Invalid) -> Vec<String> {
        invalid.0.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_minimal_trip_reads() {
        let trip = NewTrip::from_json(json!({"traveller": {"name": " Ana ", "role": null}}), None)
            .unwrap();
        assert_eq!(trip.traveller.name, "Ana");
        assert_eq!(trip.start_date, None);
    }

    #[test]
    fn a_trip_ending_before_it_starts_is_refused() {
        let body = json!({"traveller": {"name": "Ana", "role": null},
            "start_date": "2022-05-02", "end_date": "2022-05-01"});
        let err = NewTrip::from_json(body, None).unwrap_err();
        assert_eq!(fields_of(err), ["end_date"]);
    }

    #[test]
    fn read_only_fields_are_ignored_but_the_id_must_match() {
        let body = json!({"id": 3, "leg_count": 9, "traveller": {"name": "Ana", "role": null}});
        assert!(NewTrip::from_json(body.clone(), Some(3)).is_ok());
        let err = NewTrip::from_json(body, Some(4)).unwrap_err();
        assert_eq!(fields_of(err), ["id"]);
    }

    #[test]
    fn every_bad_leg_field_is_named() {
        let body = json!({"trip_id": "one", "mode": "teleport", "date": "2022-02-30",
            "via": [{"name": "", "country": null, "country_code": "POL", "lat": 95.0, "lon": null}],
            "colour": "red"});
        let err = NewLeg::from_json(body, None).unwrap_err();
        let mut fields = fields_of(err);
        fields.sort();
        assert_eq!(
            fields,
            [
                "colour",
                "date",
                "destination",
                "mode",
                "trip_id",
                "via[0].country_code",
                "via[0].lat",
                "via[0].name"
            ]
        );
    }

    #[test]
    fn participants_need_names() {
        let body = json!({"trip_id": 1, "participants": [{"name": "Ana", "role": null, "country": null},
            {"name": " ", "role": null, "country": null}]});
        let err = NewMeeting::from_json(body, None).unwrap_err();
        assert_eq!(fields_of(err), ["participants[1].name"]);
    }

    #[test]
    fn unknown_kind_lists_the_known_ones() {
        let err = NewMeeting::from_json(json!({"trip_id": 1, "kind": "party"}), None).unwrap_err();
        assert!(err.0[0].detail.contains("site_visit"), "{err:?}");
    }
}
