//! Meetings in a record's free text (a stop's remarks, a visit's description), read by the
//! same meeting extraction as documents, with provenance pointing at the record.

use chrono::NaiveDate;

use super::records::RecordKey;
use crate::domain::{MeetingDraft, Place, Source, Traveller};
use crate::extract::meetings_in_remark;
use crate::gazetteer::Gazetteer;

/// The meetings of `remark`, dated `date` and placed at `place` unless the remark says
/// otherwise. Each meeting's source names the record; its sentence and span are those the
/// extraction found in the remark, or the whole remark when it gives none.
pub fn record_meetings(
    remark: &str,
    date: NaiveDate,
    place: Option<&Place>,
    traveller: &Traveller,
    key: &RecordKey,
    gazetteer: &Gazetteer,
) -> Vec<MeetingDraft> {
    if remark.trim().is_empty() {
        return Vec::new();
    }
    let document = key.to_string();
    let mut meetings = meetings_in_remark(remark, date, place, traveller, gazetteer);
    for meeting in &mut meetings {
        match meeting.source.as_mut() {
            Some(source) => source.document.clone_from(&document),
            None => {
                meeting.source = Some(Source {
                    document: document.clone(),
                    sentence: remark.to_owned(),
                    start: 0,
                    end: remark.len(),
                });
            }
        }
    }
    meetings
}
