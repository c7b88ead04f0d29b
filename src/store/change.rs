//! What a committed write changed, in a form the in-memory model applies: the items as they
//! are now, and the ids of those that are gone. The durable backend returns one per write and
//! per poll of its change log; a snapshot at start-up is one too.

use serde::Serialize;

use super::{StoredDocument, TripState};
use crate::domain::{Id, Leg, Meeting};

/// The kinds of stored things, as named in the change log and in error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Document,
    Trip,
    Leg,
    Meeting,
}

impl Entity {
    /// The lower-case name used in the change log and in messages ("trip").
    pub fn name(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Trip => "trip",
            Self::Leg => "leg",
            Self::Meeting => "meeting",
        }
    }

    /// Parses [`Entity::name`]; `None` for anything else.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Document, Self::Trip, Self::Leg, Self::Meeting]
            .into_iter()
            .find(|e| e.name() == name)
    }
}

/// Items written and removed by a write, as after-images and ids: what a write asks the
/// database to store, and what the database reports back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangeSet {
    /// The change clock of the last write included; 0 when nothing was written.
    pub seq: i64,
    /// The highest trip, leg or meeting id given out so far, this change included.
    pub next_id: Id,
    pub documents: Vec<StoredDocument>,
    pub trips: Vec<TripState>,
    pub legs: Vec<Leg>,
    pub meetings: Vec<Meeting>,
    pub removed_documents: Vec<Id>,
    pub removed_trips: Vec<Id>,
    pub removed_legs: Vec<Id>,
    pub removed_meetings: Vec<Id>,
}

impl ChangeSet {
    /// True when nothing was written or removed.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
            && self.trips.is_empty()
            && self.legs.is_empty()
            && self.meetings.is_empty()
            && self.removed_documents.is_empty()
            && self.removed_trips.is_empty()
            && self.removed_legs.is_empty()
            && self.removed_meetings.is_empty()
    }
}
