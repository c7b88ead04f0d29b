//! Trips, legs and meetings to rows and back: the INSERT/UPDATE/SELECT statements of the
//! three item tables and their child tables (`leg_stops`, `participants`).

use chrono::{DateTime, Utc};

use super::portable::{Row, Tx, Value};
use crate::domain::{
    Id, Leg, Meeting, Participant, Place, Source, Traveller, Trip, enum_name, parse_enum,
};
use crate::fold::fold;
use crate::store::{DatePins, TripState};

/// Who made an item, which decides what re-extraction may do to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curation {
    /// As the extractor made it: re-extraction may update or delete it.
    Extracted,
    /// Extracted, then changed by a user: re-extraction leaves it alone.
    Edited,
    /// Made through the API: never touched by re-extraction.
    Created,
}

impl Curation {
    fn as_str(self) -> &'static str {
        match self {
            Self::Extracted => "extracted",
            Self::Edited => "edited",
            Self::Created => "created",
        }
    }

    fn parse(raw: &str) -> Self {
        match raw {
            "extracted" => Self::Extracted,
            "edited" => Self::Edited,
            _ => Self::Created,
        }
    }
}

/// Provenance of a row: its curation state, natural key and document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    pub curation: Curation,
    pub natural_key: Option<String>,
    pub document_id: Option<Id>,
}

impl Provenance {
    /// An item a user created through the API.
    pub fn created() -> Self {
        Self {
            curation: Curation::Created,
            natural_key: None,
            document_id: None,
        }
    }
}

/// A decoding failure of a stored value, reported as a database error.
fn corrupt(column: &str, raw: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("unexpected value {raw:?} in column {column}").into())
}

fn opt_enum<T: serde::de::DeserializeOwned>(
    row: &Row,
    column: &str,
) -> Result<Option<T>, sqlx::Error> {
    let raw: Option<String> = row.get(column)?;
    raw.map(|raw| parse_enum(&raw).ok_or_else(|| corrupt(column, &raw)))
        .transpose()
}

fn req_enum<T: serde::de::DeserializeOwned>(row: &Row, column: &str) -> Result<T, sqlx::Error> {
    let raw: String = row.get(column)?;
    parse_enum(&raw).ok_or_else(|| corrupt(column, &raw))
}

fn opt_name<T: serde::Serialize>(value: Option<&T>) -> Value {
    Value::Text(value.map(enum_name))
}

fn json_list(column: &str, row: &Row) -> Result<Vec<String>, sqlx::Error> {
    let raw: String = row.get(column)?;
    serde_json::from_str(&raw).map_err(|_| corrupt(column, &raw))
}

fn to_json(list: &[String]) -> Value {
    Value::Text(Some(
        serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned()),
    ))
}

fn place_values(place: Option<&Place>) -> [Value; 6] {
    [
        Value::Text(place.map(|p| p.name.clone())),
        Value::Text(place.map(|p| fold(&p.name))),
        Value::Text(place.and_then(|p| p.country.clone())),
        Value::Text(place.and_then(|p| p.country_code.clone())),
        Value::Real(place.and_then(|p| p.lat)),
        Value::Real(place.and_then(|p| p.lon)),
    ]
}

fn place_from(row: &Row, prefix: &str) -> Result<Option<Place>, sqlx::Error> {
    let column = |field: &str| format!("{prefix}{field}");
    let Some(name) = row.get::<Option<String>>(&column("name"))? else {
        return Ok(None);
    };
    Ok(Some(Place {
        name,
        country: row.get(&column("country"))?,
        country_code: row.get(&column("country_code"))?,
        lat: row.get(&column("lat"))?,
        lon: row.get(&column("lon"))?,
    }))
}

fn source_values(source: Option<&Source>) -> [Value; 4] {
    let offset = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    [
        Value::Text(source.map(|s| s.document.clone())),
        Value::Text(source.map(|s| s.sentence.clone())),
        Value::Int(source.map(|s| offset(s.start))),
        Value::Int(source.map(|s| offset(s.end))),
    ]
}

fn source_from(row: &Row) -> Result<Option<Source>, sqlx::Error> {
    let Some(document) = row.get::<Option<String>>("source_document")? else {
        return Ok(None);
    };
    let offset = |column: &str| -> Result<usize, sqlx::Error> {
        let raw: i64 = row.get(column)?;
        usize::try_from(raw).map_err(|_| corrupt(column, &raw.to_string()))
    };
    Ok(Some(Source {
        document,
        sentence: row
            .get::<Option<String>>("source_sentence")?
            .unwrap_or_default(),
        start: offset("source_start")?,
        end: offset("source_end")?,
    }))
}

fn provenance_values(provenance: &Provenance) -> [Value; 3] {
    [
        Value::from(provenance.curation.as_str()),
        Value::Text(provenance.natural_key.clone()),
        Value::Int(provenance.document_id),
    ]
}

/// Reads the provenance columns of an item row.
pub fn provenance_from(row: &Row) -> Result<Provenance, sqlx::Error> {
    let curation: String = row.get("curation")?;
    Ok(Provenance {
        curation: Curation::parse(&curation),
        natural_key: row.get("natural_key")?,
        document_id: row.get("document_id")?,
    })
}

// ---- trips ----

const INSERT_TRIP: &str = "INSERT INTO trips (id, traveller_name, traveller_key, \
    traveller_role, title, summary, start_date, end_date, sources, version, curation, \
    natural_key, document_id, created_at, updated_at)";

const UPDATE_TRIP: &str = "UPDATE trips SET traveller_name = $3, traveller_key = $4, \
    traveller_role = $5, title = $6, summary = $7, start_date = $8, end_date = $9, \
    sources = $10, version = $11, updated_at = $12, \
    curation = CASE WHEN $13 AND curation = 'extracted' THEN 'edited' ELSE curation END \
    WHERE id = $1 AND version = $2";

macro_rules! trip_columns {
    () => {
        "SELECT id, traveller_name, traveller_role, title, summary, start_date, end_date, \
         sources, version, curation, natural_key, document_id FROM trips"
    };
}
/// Every trip row, by id.
pub const ALL_TRIPS: &str = concat!(trip_columns!(), " ORDER BY id");
/// The trip row with id `$1`.
pub const ONE_TRIP: &str = concat!(trip_columns!(), " WHERE id = $1");

fn trip_values(trip: &Trip, pins: DatePins) -> Vec<Value> {
    vec![
        Value::from(trip.traveller.name.clone()),
        Value::from(fold(&trip.traveller.name)),
        Value::Text(trip.traveller.role.clone()),
        Value::Text(trip.title.clone()),
        Value::Text(trip.summary.clone()),
        Value::Date(pins.start),
        Value::Date(pins.end),
        to_json(&trip.sources),
    ]
}

/// Inserts `trip` under its id and version, with the dates a user pinned.
pub async fn insert_trip(
    tx: &mut Tx,
    stored: &TripState,
    provenance: &Provenance,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut rows = Inserts::default();
    rows.trip(stored, provenance, now);
    rows.flush(tx).await
}

/// Writes `trip` (its version included) over the row with its id if that row is at
/// `expected` version; `by_user` marks an extracted trip as edited. Returns false when no
/// row matched.
pub async fn update_trip(
    tx: &mut Tx,
    TripState { trip, pins }: &TripState,
    expected: i64,
    by_user: bool,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let mut args = vec![Value::from(trip.id), Value::from(expected)];
    args.extend(trip_values(trip, *pins));
    args.extend([
        Value::from(trip.version),
        Value::from(now),
        Value::from(by_user),
    ]);
    Ok(tx.execute(UPDATE_TRIP, args).await? == 1)
}

/// Decodes a row of [`ALL_TRIPS`] into the trip and its pinned dates. The trip's dates are
/// the pinned ones; derived fields (countries, counts, unpinned dates) are left for the
/// memory model to derive.
pub fn trip_from(row: &Row) -> Result<TripState, sqlx::Error> {
    let pins = DatePins {
        start: row.get("start_date")?,
        end: row.get("end_date")?,
    };
    let trip = Trip {
        id: row.get("id")?,
        traveller: Traveller {
            name: row.get("traveller_name")?,
            role: row.get("traveller_role")?,
        },
        title: row.get("title")?,
        summary: row.get("summary")?,
        start_date: pins.start,
        end_date: pins.end,
        countries: Vec::new(),
        leg_count: 0,
        meeting_count: 0,
        sources: json_list("sources", row)?,
        version: row.get("version")?,
    };
    Ok(TripState { trip, pins })
}

// ---- legs ----

const INSERT_LEG: &str = "INSERT INTO legs (id, trip_id, seq, \
    origin_name, origin_key, origin_country, origin_country_code, origin_lat, origin_lon, \
    destination_name, destination_key, destination_country, destination_country_code, \
    destination_lat, destination_lon, date, part_of_day, mode, status, inferred, \
    source_document, source_sentence, source_start, source_end, \
    version, curation, natural_key, document_id, created_at, updated_at)";

const UPDATE_LEG: &str = "UPDATE legs SET trip_id = $3, seq = $4, \
    origin_name = $5, origin_key = $6, origin_country = $7, origin_country_code = $8, \
    origin_lat = $9, origin_lon = $10, destination_name = $11, destination_key = $12, \
    destination_country = $13, destination_country_code = $14, destination_lat = $15, \
    destination_lon = $16, date = $17, part_of_day = $18, mode = $19, status = $20, \
    inferred = $21, source_document = $22, source_sentence = $23, source_start = $24, \
    source_end = $25, version = $26, updated_at = $27, \
    curation = CASE WHEN $28 AND curation = 'extracted' THEN 'edited' ELSE curation END \
    WHERE id = $1 AND version = $2";

macro_rules! leg_columns {
    () => {
        "SELECT id, trip_id, seq, origin_name, origin_country, origin_country_code, \
         origin_lat, origin_lon, destination_name, destination_country, \
         destination_country_code, destination_lat, destination_lon, date, part_of_day, mode, \
         status, inferred, source_document, source_sentence, source_start, source_end, \
         version, curation, natural_key, document_id FROM legs"
    };
}
/// Every leg row, by id.
pub const ALL_LEGS: &str = concat!(leg_columns!(), " ORDER BY id");
/// The leg row with id `$1`.
pub const ONE_LEG: &str = concat!(leg_columns!(), " WHERE id = $1");

const INSERT_STOP: &str = "INSERT INTO leg_stops (leg_id, ord, name, place_key, country, \
    country_code, lat, lon)";

/// The stopovers of all legs, in order.
pub const ALL_STOPS: &str = "SELECT leg_id, ord, name, country, country_code, lat, lon \
    FROM leg_stops ORDER BY leg_id, ord";
/// The stopovers of leg `$1`, in order.
pub const ONE_LEG_STOPS: &str = "SELECT leg_id, ord, name, country, country_code, lat, lon \
    FROM leg_stops WHERE leg_id = $1 ORDER BY ord";

fn leg_values(leg: &Leg) -> Vec<Value> {
    let mut args = vec![Value::from(leg.trip_id), Value::from(i64::from(leg.seq))];
    args.extend(place_values(leg.origin.as_ref()));
    args.extend(place_values(leg.destination.as_ref()));
    args.extend([
        Value::Date(leg.date),
        opt_name(leg.part_of_day.as_ref()),
        opt_name(leg.mode.as_ref()),
        Value::from(enum_name(&leg.status)),
        Value::from(leg.inferred),
    ]);
    args.extend(source_values(leg.source.as_ref()));
    args
}

/// Inserts `leg` under its id and version, with its stopovers.
pub async fn insert_leg(
    tx: &mut Tx,
    leg: &Leg,
    provenance: &Provenance,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut rows = Inserts::default();
    rows.leg(leg, provenance, now);
    rows.flush(tx).await
}

/// Writes `leg` (its version included) over the row with its id if that row is at
/// `expected` version, replacing its stopovers; `by_user` marks an extracted leg as edited.
/// Returns false when no row matched.
pub async fn update_leg(
    tx: &mut Tx,
    leg: &Leg,
    expected: i64,
    by_user: bool,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let mut args = vec![Value::from(leg.id), Value::from(expected)];
    args.extend(leg_values(leg));
    args.extend([
        Value::from(leg.version),
        Value::from(now),
        Value::from(by_user),
    ]);
    if tx.execute(UPDATE_LEG, args).await? != 1 {
        return Ok(false);
    }
    tx.execute(
        "DELETE FROM leg_stops WHERE leg_id = $1",
        vec![Value::from(leg.id)],
    )
    .await?;
    insert_stops(tx, leg.id, &leg.via).await?;
    Ok(true)
}

async fn insert_stops(tx: &mut Tx, leg_id: Id, via: &[Place]) -> Result<(), sqlx::Error> {
    tx.insert_rows(INSERT_STOP, stop_rows(leg_id, via), "")
        .await
        .map(drop)
}

fn stop_rows(leg_id: Id, via: &[Place]) -> Vec<Vec<Value>> {
    (1_i64..)
        .zip(via)
        .map(|(ord, place)| {
            let mut row = vec![Value::from(leg_id), Value::from(ord)];
            row.extend(place_values(Some(place)));
            row
        })
        .collect()
}

/// Decodes a row of [`ALL_LEGS`], without its stopovers.
pub fn leg_from(row: &Row) -> Result<Leg, sqlx::Error> {
    let seq: i64 = row.get("seq")?;
    Ok(Leg {
        id: row.get("id")?,
        trip_id: row.get("trip_id")?,
        seq: u32::try_from(seq).map_err(|_| corrupt("seq", &seq.to_string()))?,
        origin: place_from(row, "origin_")?,
        destination: place_from(row, "destination_")?,
        via: Vec::new(),
        date: row.get("date")?,
        part_of_day: opt_enum(row, "part_of_day")?,
        mode: opt_enum(row, "mode")?,
        status: req_enum(row, "status")?,
        inferred: row.get("inferred")?,
        source: source_from(row)?,
        version: row.get("version")?,
    })
}

/// Decodes a row of [`ALL_STOPS`] into its leg id and place.
pub fn stop_from(row: &Row) -> Result<(Id, Place), sqlx::Error> {
    let place = place_from(row, "")?.ok_or_else(|| corrupt("leg_stops.name", "null"))?;
    Ok((row.get("leg_id")?, place))
}

// ---- meetings ----

const INSERT_MEETING: &str = "INSERT INTO meetings (id, trip_id, date, part_of_day, \
    place_name, place_key, place_country, place_country_code, place_lat, place_lon, kind, \
    summary, status, source_document, source_sentence, source_start, source_end, \
    version, curation, natural_key, document_id, created_at, updated_at)";

const UPDATE_MEETING: &str = "UPDATE meetings SET trip_id = $3, date = $4, \
    part_of_day = $5, place_name = $6, place_key = $7, place_country = $8, \
    place_country_code = $9, place_lat = $10, place_lon = $11, kind = $12, summary = $13, \
    status = $14, source_document = $15, source_sentence = $16, source_start = $17, \
    source_end = $18, version = $19, updated_at = $20, \
    curation = CASE WHEN $21 AND curation = 'extracted' THEN 'edited' ELSE curation END \
    WHERE id = $1 AND version = $2";

macro_rules! meeting_columns {
    () => {
        "SELECT id, trip_id, date, part_of_day, place_name, place_country, \
         place_country_code, place_lat, place_lon, kind, summary, status, source_document, \
         source_sentence, source_start, source_end, version, curation, natural_key, \
         document_id FROM meetings"
    };
}
/// Every meeting row, by id.
pub const ALL_MEETINGS: &str = concat!(meeting_columns!(), " ORDER BY id");
/// The meeting row with id `$1`.
pub const ONE_MEETING: &str = concat!(meeting_columns!(), " WHERE id = $1");

const INSERT_PARTICIPANT: &str = "INSERT INTO participants (meeting_id, ord, name, name_key, \
    role, country)";

/// The participants of all meetings, in order.
pub const ALL_PARTICIPANTS: &str = "SELECT meeting_id, ord, name, role, country \
    FROM participants ORDER BY meeting_id, ord";
/// The participants of meeting `$1`, in order.
pub const ONE_MEETING_PARTICIPANTS: &str = "SELECT meeting_id, ord, name, role, country \
    FROM participants WHERE meeting_id = $1 ORDER BY ord";

fn meeting_values(meeting: &Meeting) -> Vec<Value> {
    let mut args = vec![
        Value::from(meeting.trip_id),
        Value::Date(meeting.date),
        opt_name(meeting.part_of_day.as_ref()),
    ];
    args.extend(place_values(meeting.place.as_ref()));
    args.extend([
        Value::from(enum_name(&meeting.kind)),
        Value::Text(meeting.summary.clone()),
        Value::from(enum_name(&meeting.status)),
    ]);
    args.extend(source_values(meeting.source.as_ref()));
    args
}

/// Inserts `meeting` under its id and version, with its participants.
pub async fn insert_meeting(
    tx: &mut Tx,
    meeting: &Meeting,
    provenance: &Provenance,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut rows = Inserts::default();
    rows.meeting(meeting, provenance, now);
    rows.flush(tx).await
}

/// Writes `meeting` (its version included) over the row with its id if that row is at
/// `expected` version, replacing its participants; `by_user` marks an extracted meeting as
/// edited. Returns false when no row matched.
pub async fn update_meeting(
    tx: &mut Tx,
    meeting: &Meeting,
    expected: i64,
    by_user: bool,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let mut args = vec![Value::from(meeting.id), Value::from(expected)];
    args.extend(meeting_values(meeting));
    args.extend([
        Value::from(meeting.version),
        Value::from(now),
        Value::from(by_user),
    ]);
    if tx.execute(UPDATE_MEETING, args).await? != 1 {
        return Ok(false);
    }
    tx.execute(
        "DELETE FROM participants WHERE meeting_id = $1",
        vec![Value::from(meeting.id)],
    )
    .await?;
    insert_participants(tx, meeting.id, &meeting.participants).await?;
    Ok(true)
}

async fn insert_participants(
    tx: &mut Tx,
    meeting_id: Id,
    participants: &[Participant],
) -> Result<(), sqlx::Error> {
    let rows = participant_rows(meeting_id, participants);
    tx.insert_rows(INSERT_PARTICIPANT, rows, "").await.map(drop)
}

fn participant_rows(meeting_id: Id, participants: &[Participant]) -> Vec<Vec<Value>> {
    (1_i64..)
        .zip(participants)
        .map(|(ord, person)| {
            vec![
                Value::from(meeting_id),
                Value::from(ord),
                Value::from(person.name.clone()),
                Value::from(fold(&person.name)),
                Value::Text(person.role.clone()),
                Value::Text(person.country.clone()),
            ]
        })
        .collect()
}

/// Decodes a row of [`ALL_MEETINGS`], without its participants.
pub fn meeting_from(row: &Row) -> Result<Meeting, sqlx::Error> {
    Ok(Meeting {
        id: row.get("id")?,
        trip_id: row.get("trip_id")?,
        date: row.get("date")?,
        part_of_day: opt_enum(row, "part_of_day")?,
        place: place_from(row, "place_")?,
        kind: req_enum(row, "kind")?,
        participants: Vec::new(),
        summary: row.get("summary")?,
        status: req_enum(row, "status")?,
        source: source_from(row)?,
        version: row.get("version")?,
    })
}

/// Decodes a row of [`ALL_PARTICIPANTS`] into its meeting id and participant.
pub fn participant_from(row: &Row) -> Result<(Id, Participant), sqlx::Error> {
    Ok((
        row.get("meeting_id")?,
        Participant {
            name: row.get("name")?,
            role: row.get("role")?,
            country: row.get("country")?,
        },
    ))
}

// ---- inserts in bulk ----

/// New rows of every item table, written together by [`Inserts::flush`]: a few multi-row
/// statements instead of one statement per row (a first import stores tens of thousands).
#[derive(Debug, Default)]
pub struct Inserts {
    trips: Vec<Vec<Value>>,
    legs: Vec<Vec<Value>>,
    stops: Vec<Vec<Value>>,
    meetings: Vec<Vec<Value>>,
    participants: Vec<Vec<Value>>,
}

impl Inserts {
    /// Adds `trip` under its id and version, with the dates a user pinned.
    pub fn trip(
        &mut self,
        TripState { trip, pins }: &TripState,
        provenance: &Provenance,
        now: DateTime<Utc>,
    ) {
        let mut row = vec![Value::from(trip.id)];
        row.extend(trip_values(trip, *pins));
        row.push(Value::from(trip.version));
        row.extend(provenance_values(provenance));
        row.extend([Value::from(now), Value::from(now)]);
        self.trips.push(row);
    }

    /// Adds `leg` under its id and version, with its stopovers.
    pub fn leg(&mut self, leg: &Leg, provenance: &Provenance, now: DateTime<Utc>) {
        let mut row = vec![Value::from(leg.id)];
        row.extend(leg_values(leg));
        row.push(Value::from(leg.version));
        row.extend(provenance_values(provenance));
        row.extend([Value::from(now), Value::from(now)]);
        self.legs.push(row);
        self.stops.extend(stop_rows(leg.id, &leg.via));
    }

    /// Adds `meeting` under its id and version, with its participants.
    pub fn meeting(&mut self, meeting: &Meeting, provenance: &Provenance, now: DateTime<Utc>) {
        let mut row = vec![Value::from(meeting.id)];
        row.extend(meeting_values(meeting));
        row.push(Value::from(meeting.version));
        row.extend(provenance_values(provenance));
        row.extend([Value::from(now), Value::from(now)]);
        self.meetings.push(row);
        self.participants
            .extend(participant_rows(meeting.id, &meeting.participants));
    }

    /// Writes every row added, parents before children (trips, legs and their stopovers,
    /// meetings and their participants), and empties the batch.
    pub async fn flush(&mut self, tx: &mut Tx) -> Result<(), sqlx::Error> {
        let tables = [
            (INSERT_TRIP, std::mem::take(&mut self.trips)),
            (INSERT_LEG, std::mem::take(&mut self.legs)),
            (INSERT_STOP, std::mem::take(&mut self.stops)),
            (INSERT_MEETING, std::mem::take(&mut self.meetings)),
            (INSERT_PARTICIPANT, std::mem::take(&mut self.participants)),
        ];
        for (head, rows) in tables {
            tx.insert_rows(head, rows, "").await?;
        }
        Ok(())
    }
}
