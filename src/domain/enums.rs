//! The closed vocabularies of the model, serialized as snake_case strings.

use serde::{Deserialize, Serialize, de::DeserializeOwned};
use utoipa::ToSchema;

/// Part of the day an event happened in, as far as the text says.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    EarlyMorning,
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

/// How a leg was travelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Air,
    Road,
    Rail,
    Sea,
    Helicopter,
}

/// Whether a leg or meeting happened, or was announced for the future.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Completed,
    Planned,
}

/// What sort of engagement a meeting is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    #[default]
    Meeting,
    Meal,
    Press,
    Ceremony,
    SiteVisit,
    TownHall,
    Conference,
    Other,
}

/// Parses one of the enums above from its wire name (`"early_morning"`, `"site_visit"`), the
/// same spelling the JSON uses. Returns `None` for an unknown name.
pub fn parse_enum<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// The wire name of one of the enums above (`PartOfDay::EarlyMorning` → `"early_morning"`).
pub fn enum_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        assert_eq!(
            parse_enum::<PartOfDay>("early_morning"),
            Some(PartOfDay::EarlyMorning)
        );
        assert_eq!(
            parse_enum::<MeetingKind>("site_visit"),
            Some(MeetingKind::SiteVisit)
        );
        assert_eq!(enum_name(&MeetingKind::TownHall), "town_hall");
        assert_eq!(parse_enum::<Mode>("teleport"), None);
    }
}
