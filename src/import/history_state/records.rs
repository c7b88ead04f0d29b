//! From raw XML records to typed ones: a travel record is a [`Stop`], a visit record a
//! [`Visit`]. A record that lacks what the mapping needs is refused with a
//! [`RecordError`] naming the field; text fields are whitespace-collapsed here, once.

use std::fmt;

use chrono::NaiveDate;

use super::xml::RawRecord;
use crate::domain::Traveller;

/// The dataset name, first segment of every record key.
pub const DATASET: &str = "history-state";

/// Where a record lives: its file under the dataset root and its id. Displays as the
/// provenance and import key, `history-state/travels/president-travels/obama-barack.xml#2961`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordKey {
    pub file: String,
    pub id: u64,
}

impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{DATASET}/{}#{}", self.file, self.id)
    }
}

/// A country as a record names it: the dataset's slug (`russia`) and the name written
/// (`U.S.S.R.`), which is what the country was called at the time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryRef {
    pub slug: String,
    pub name: String,
}

/// One stop of a President's or Secretary of State's foreign travel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stop {
    pub key: RecordKey,
    /// The traveller's slug (`obama-barack`): stops are grouped per traveller and role.
    pub who: String,
    pub traveller: Traveller,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub country: CountryRef,
    /// The locale field as written, whitespace collapsed: one or more places.
    pub locale: String,
    pub remarks: String,
}

/// One visit of a foreign leader to the United States.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    pub key: RecordKey,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The visitor as written: title and name (`Prime Minister Stephen Harper`).
    pub visitor: String,
    pub from: CountryRef,
    pub description: String,
}

/// Why a record was not imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("no <{0}> element")]
    MissingField(&'static str),
    #[error("<id> {0:?} is not a positive integer")]
    BadId(String),
    #[error("<{field}> {value:?} is not a date (YYYY-MM-DD)")]
    BadDate { field: &'static str, value: String },
    #[error("ends ({end}) before it starts ({start})")]
    EndsBeforeStart { start: NaiveDate, end: NaiveDate },
    #[error("unknown role {0:?} (expected president or secretary)")]
    UnknownRole(String),
}

/// Reads a `<trip>` record of `file` as a stop.
pub fn stop(file: &str, raw: &RawRecord) -> Result<Stop, RecordError> {
    let key = key(file, raw)?;
    let (start, end) = dates(raw)?;
    let role_code = raw
        .attribute("role")
        .or_else(|| raw.text("role"))
        .map(str::trim)
        .ok_or(RecordError::MissingField("role"))?;
    let role = match role_code {
        "president" => "President",
        "secretary" => "Secretary of State",
        other => return Err(RecordError::UnknownRole(other.to_owned())),
    };
    let name = required(raw, "name")?;
    let who = raw
        .attribute("who")
        .map(str::to_owned)
        .unwrap_or_else(|| crate::fold::fold(&name).replace(' ', "-"));
    Ok(Stop {
        key,
        who,
        traveller: Traveller {
            name,
            role: Some(role.to_owned()),
        },
        start,
        end,
        country: country(raw, "country")?,
        locale: collapse(raw.text("locale").unwrap_or_default()),
        remarks: collapse(raw.text("remarks").unwrap_or_default()),
    })
}

/// Reads a `<visit>` record of `file`.
pub fn visit(file: &str, raw: &RawRecord) -> Result<Visit, RecordError> {
    let key = key(file, raw)?;
    let (start, end) = dates(raw)?;
    Ok(Visit {
        key,
        start,
        end,
        visitor: required(raw, "visitor")?,
        from: country(raw, "from")?,
        description: collapse(raw.text("description").unwrap_or_default()),
    })
}

/// Collapses runs of whitespace (the files wrap long fields) to single spaces.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn key(file: &str, raw: &RawRecord) -> Result<RecordKey, RecordError> {
    let text = raw
        .text("id")
        .ok_or(RecordError::MissingField("id"))?
        .trim();
    match text.parse::<u64>() {
        Ok(id) if id > 0 => Ok(RecordKey {
            file: file.to_owned(),
            id,
        }),
        _ => Err(RecordError::BadId(text.to_owned())),
    }
}

fn dates(raw: &RawRecord) -> Result<(NaiveDate, NaiveDate), RecordError> {
    let start = date(raw, "start-date")?;
    let end = date(raw, "end-date")?;
    if end < start {
        return Err(RecordError::EndsBeforeStart { start, end });
    }
    Ok((start, end))
}

fn date(raw: &RawRecord, field: &'static str) -> Result<NaiveDate, RecordError> {
    let text = raw
        .text(field)
        .ok_or(RecordError::MissingField(field))?
        .trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| RecordError::BadDate {
        field,
        value: text.to_owned(),
    })
}

fn required(raw: &RawRecord, field: &'static str) -> Result<String, RecordError> {
    let text = collapse(raw.text(field).unwrap_or_default());
    if text.is_empty() {
        return Err(RecordError::MissingField(field));
    }
    Ok(text)
}

fn country(raw: &RawRecord, field: &'static str) -> Result<CountryRef, RecordError> {
    let element = raw.field(field).ok_or(RecordError::MissingField(field))?;
    let name = collapse(&element.text);
    let slug = element
        .attribute("id")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| crate::fold::fold(&name).replace(' ', "-"));
    if name.is_empty() && slug.is_empty() {
        return Err(RecordError::MissingField(field));
    }
    Ok(CountryRef { slug, name })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::history_state::xml::read_records;

    fn first(xml: &str, tag: &str) -> RawRecord {
        read_records(xml, tag).records.remove(0)
    }

    #[test]
    fn a_travel_record_becomes_a_stop() {
        let raw = first(
            "<trips><trip role=\"secretary\" who=\"doe-jane\"><id>12</id><name>Jane Doe</name>\
             <start-date>1990-05-01</start-date><end-date>1990-05-03</end-date>\
             <country id=\"chad\">Chad</country><locale>N'Djamena</locale>\
             <remarks>Met with\n   President Deby.</remarks></trip></trips>",
            "trip",
        );
        let stop = stop("travels/secretary-travels/doe-jane.xml", &raw).unwrap();
        assert_eq!(
            stop.key.to_string(),
            "history-state/travels/secretary-travels/doe-jane.xml#12"
        );
        assert_eq!(stop.traveller.role.as_deref(), Some("Secretary of State"));
        assert_eq!(stop.remarks, "Met with President Deby.");
        assert_eq!(stop.country.slug, "chad");
    }

    #[test]
    fn records_missing_what_the_mapping_needs_are_refused() {
        let no_date = first(
            "<visits><visit><id>3</id><start-date>1990-02-30</start-date>\
             <end-date>1990-03-01</end-date><visitor>King Olav V</visitor></visit></visits>",
            "visit",
        );
        assert_eq!(
            visit("visits/data/1990.xml", &no_date),
            Err(RecordError::BadDate {
                field: "start-date",
                value: "1990-02-30".into()
            })
        );
        let backwards = first(
            "<visits><visit><id>4</id><start-date>1990-03-02</start-date>\
             <end-date>1990-03-01</end-date><visitor>King Olav V</visitor>\
             <from id=\"norway\">Norway</from></visit></visits>",
            "visit",
        );
        assert!(matches!(
            visit("visits/data/1990.xml", &backwards),
            Err(RecordError::EndsBeforeStart { .. })
        ));
        let no_id = first("<visits><visit><id>x</id></visit></visits>", "visit");
        assert_eq!(visit("v.xml", &no_id), Err(RecordError::BadId("x".into())));
    }
}
