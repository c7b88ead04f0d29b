//! The timeline's vocabulary: trips, legs, meetings, places, people and the documents they come
//! from. Pure data with serde and OpenAPI schemas; no I/O, no clock, no axum or sqlx.

mod document;
mod enums;
mod fields;
mod input;
mod items;
mod keyed;

pub use document::{Document, HeaderError, Published};
pub use enums::{MeetingKind, Mode, PartOfDay, Status, enum_name, parse_enum};
pub use fields::{FieldError, Fields, Invalid, parse_date};
pub use input::{NewLeg, NewMeeting, NewTrip};
pub use items::{
    Leg, LegDraft, Meeting, MeetingDraft, Participant, Place, Source, Traveller, Trip, TripDraft,
};
pub use keyed::KeyedDraft;

/// Identifier of a trip, leg, meeting or document: a positive integer assigned by the store.
pub type Id = i64;
