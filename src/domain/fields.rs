//! Reading a JSON object field by field, collecting every problem instead of stopping at the
//! first one, so that a rejected body names each bad field at once.

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use utoipa::ToSchema;

/// One bad field of a body (or parameter of a query) and why it is bad.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// The field's path: `end_date`, `participants[1].name`.
    pub field: String,
    /// What is wrong with it, in words.
    pub detail: String,
}

impl FieldError {
    /// The error `detail` for `field`.
    pub fn new(field: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            detail: detail.into(),
        }
    }
}

/// A body that failed validation, with every bad field. Never empty.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(.0))]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    /// A failure of one field.
    pub fn field(field: impl Into<String>, detail: impl Into<String>) -> Self {
        Self(vec![FieldError::new(field, detail)])
    }
}

fn describe(errors: &[FieldError]) -> String {
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    match fields.as_slice() {
        [] => "the body is invalid".to_owned(),
        [one] => format!("field `{one}` is invalid"),
        many => format!("fields `{}` are invalid", many.join("`, `")),
    }
}

/// A JSON object being read into a typed value. Each accessor takes its field out of the
/// object; a bad value is recorded and replaced by a default, so reading goes on and
/// [`Fields::finish`] reports everything at once, unknown fields included.
pub struct Fields {
    map: Map<String, Value>,
    read_only: &'static [&'static str],
    errors: Vec<FieldError>,
}

impl Fields {
    /// Starts reading `value`. Fails when it is not a JSON object. Fields named in
    /// `read_only` are accepted and ignored (a client may send back what it read).
    pub fn new(value: Value, read_only: &'static [&'static str]) -> Result<Self, Invalid> {
        match value {
            Value::Object(map) => Ok(Self {
                map,
                read_only,
                errors: Vec::new(),
            }),
            other => Err(Invalid::field(
                "",
                format!("expected a JSON object, found {}", kind_of(&other)),
            )),
        }
    }

    /// A field that must be present and not null; `None` when it is not (and recorded).
    pub fn required<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        match self.map.remove(name) {
            None | Some(Value::Null) => {
                self.reject(name, "is required");
                None
            }
            Some(value) => self.decode(name, value),
        }
    }

    /// A field that may be absent or null.
    pub fn optional<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        match self.map.remove(name) {
            None | Some(Value::Null) => None,
            Some(value) => self.decode(name, value),
        }
    }

    /// A field whose absence (or null) means its default: an empty list, `completed`.
    pub fn or_default<T: DeserializeOwned + Default>(&mut self, name: &str) -> T {
        self.optional(name).unwrap_or_default()
    }

    /// An optional calendar date written `YYYY-MM-DD`; it must exist in the calendar.
    pub fn date(&mut self, name: &str) -> Option<NaiveDate> {
        let raw: String = self.optional(name)?;
        match parse_date(&raw) {
            Ok(date) => Some(date),
            Err(detail) => {
                self.reject(name, detail);
                None
            }
        }
    }

    /// Removes a field without reading it (a read-only field whose value is checked apart).
    pub fn take(&mut self, name: &str) -> Option<Value> {
        self.map.remove(name)
    }

    /// Records that `field` is bad because of `detail`.
    pub fn reject(&mut self, field: impl Into<String>, detail: impl Into<String>) {
        self.errors.push(FieldError::new(field, detail));
    }

    /// True when a problem was recorded for `field` or anything inside it.
    pub fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|e| {
            e.field
                .strip_prefix(field)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
    }

    /// Ends reading: fails with every recorded problem, plus one per unknown field.
    pub fn finish(mut self) -> Result<(), Invalid> {
        let unknown: Vec<String> = self
            .map
            .keys()
            .filter(|key| !self.read_only.contains(&key.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            self.reject(key, "unknown field");
        }
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Invalid(self.errors))
        }
    }

    fn decode<T: DeserializeOwned>(&mut self, name: &str, value: Value) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(decoded) => Some(decoded),
            Err(error) => {
                let path = error.path().to_string();
                let field = match path.as_str() {
                    "." => name.to_owned(),
                    p if p.starts_with('[') => format!("{name}{p}"),
                    p => format!("{name}.{p}"),
                };
                self.reject(field, plain(&error.into_inner().to_string()));
                None
            }
        }
    }
}

/// serde's message for an unknown enum value, in the words the rest of the API uses.
fn plain(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown variant ") else {
        return message.to_owned();
    };
    match rest.split_once(", expected ") {
        Some((value, known)) => format!("{value} is not a known value: expected {known}"),
        None => message.to_owned(),
    }
}

/// Parses a `YYYY-MM-DD` date that exists in the calendar, or says why not.
pub fn parse_date(raw: &str) -> Result<NaiveDate, String> {
    let shaped = raw.len() == 10
        && raw.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(format!("`{raw}` is not a date: expected YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| format!("`{raw}` is not a real calendar date"))
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut fields = Fields::new(
            json!({"a": "x", "b": "2022-02-30", "c": 1, "id": 4}),
            &["id"],
        )
        .unwrap();
        let a: Option<u32> = fields.required("a");
        let b = fields.date("b");
        let missing: Option<String> = fields.required("d");
        let Err(Invalid(errors)) = fields.finish() else {
            panic!("expected errors")
        };
        assert_eq!((a, b, missing), (None, None, None));
        let named: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(named, ["a", "b", "d", "c"]);
        assert_eq!(errors[3].detail, "unknown field");
        assert!(errors[1].detail.contains("real calendar date"));
    }

    #[test]
    fn nested_errors_carry_their_path() {
        let mut fields = Fields::new(json!({"list": [{"n": 1}, {"n": "x"}]}), &[]).unwrap();
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Item {
            n: u32,
        }
        let _: Vec<Item> = fields.or_default("list");
        let Err(Invalid(errors)) = fields.finish() else {
            panic!("expected errors")
        };
        assert_eq!(errors[0].field, "list[1].n");
    }

    #[test]
    fn dates_must_be_shaped_and_real() {
        assert!(parse_date("2022-04-26").is_ok());
        assert!(parse_date("2022-4-26").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("2022-13-01").unwrap_err().contains("real"));
        assert!(parse_date("2023-02-29").is_err());
    }

    #[test]
    fn a_non_object_body_is_refused() {
        let Err(Invalid(errors)) = Fields::new(json!([1]), &[]) else {
            panic!("expected an error")
        };
        assert!(errors[0].detail.contains("an array"));
    }
}
