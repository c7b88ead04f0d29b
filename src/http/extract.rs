//! Request extractors whose rejections are [`ApiError`]s, so bad input gets the problem+json
//! envelope too: [`JsonBody`] (415 for a non-JSON content type, 413 over the limit, 400 for
//! malformed JSON), [`ApiPath`] and [`ApiQuery`] (400 naming each bad or unknown parameter).

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::ApiError;
use crate::domain::{FieldError, Id, parse_date};
use crate::store::TextQuery;

/// A JSON request body, not yet validated (the domain's `from_json` does that, naming every
/// bad field). Accepts `application/json` and any `application/*+json`, such as
/// `application/merge-patch+json` for PATCH.
#[derive(Debug)]
pub struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        if !content_type.as_deref().is_some_and(is_json) {
            let got =
                content_type.map_or_else(|| "no Content-Type".to_owned(), |t| format!("`{t}`"));
            return Err(ApiError::UnsupportedMediaType(got));
        }
        let bytes =
            Bytes::from_request(request, state)
                .await
                .map_err(|rejection| match rejection.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge(super::BODY_LIMIT),
                    _ => ApiError::MalformedBody(rejection.body_text()),
                })?;
        serde_json::from_slice(&bytes)
            .map(Self)
            .map_err(|e| ApiError::MalformedBody(e.to_string()))
    }
}

fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    let essence = essence.to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Path parameters; a value that does not parse is a 400 naming it.
#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError::BadParameters(vec![FieldError::new(
                "path",
                rejection.body_text(),
            )])),
        }
    }
}

/// A typed query string: `T` reads its parameters from [`Params`]; any bad parameter, and
/// any parameter `T` does not know, is a 400 naming it.
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

/// A value read from query parameters.
pub trait FromQuery: Sized {
    /// Reads the parameters it knows; problems are recorded in `params`.
    fn from_query(params: &mut Params) -> Self;
}

impl<A: FromQuery, B: FromQuery> FromQuery for (A, B) {
    fn from_query(params: &mut Params) -> Self {
        (A::from_query(params), B::from_query(params))
    }
}

impl<S: Send + Sync, T: FromQuery> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let mut params = Params::parse(parts.uri.query().unwrap_or_default())?;
        let value = T::from_query(&mut params);
        params.finish().map(|()| Self(value))
    }
}

/// The parameters of a query string, read one by one; each problem is recorded and reported
/// together by [`Params::finish`].
#[derive(Debug)]
pub struct Params {
    pairs: Vec<(String, String)>,
    known: BTreeSet<String>,
    errors: Vec<FieldError>,
}

impl Params {
    /// Splits a query string (`a=1&b=x`). Fails when it is not form-encoded.
    pub fn parse(query: &str) -> Result<Self, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query)
            .map_err(|e| ApiError::BadParameters(vec![FieldError::new("query", e.to_string())]))?;
        Ok(Self {
            pairs,
            known: BTreeSet::new(),
            errors: Vec::new(),
        })
    }

    /// The raw value of `name`: `None` when absent or empty; an error when repeated.
    pub fn raw(&mut self, name: &str) -> Option<String> {
        self.known.insert(name.to_owned());
        let mut values = self.pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v);
        let first = values.next()?.clone();
        if values.next().is_some() {
            self.reject(name, "is given more than once");
            return None;
        }
        let value = first.trim().to_owned();
        (!value.is_empty()).then_some(value)
    }

    /// Records that `name` is bad because of `detail`.
    pub fn reject(&mut self, name: &str, detail: impl Into<String>) {
        self.errors.push(FieldError::new(name, detail));
    }

    fn parsed<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        let raw = self.raw(name)?;
        parse(&raw).map_err(|detail| self.reject(name, detail)).ok()
    }

    /// A text filter (case- and diacritic-insensitive word prefixes).
    pub fn text(&mut self, name: &str) -> Option<TextQuery> {
        self.parsed(name, |raw| TextQuery::parse(raw).map_err(|e| e.to_string()))
    }

    /// A `YYYY-MM-DD` date that exists in the calendar.
    pub fn date(&mut self, name: &str) -> Option<NaiveDate> {
        self.parsed(name, parse_date)
    }

    /// `from` and `to`, inclusive; `to` before `from` is an error.
    pub fn date_range(&mut self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let (from, to) = (self.date("from"), self.date("to"));
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            self.reject("to", format!("{to} is before from ({from})"));
        }
        (from, to)
    }

    /// An item id: a positive integer.
    pub fn id(&mut self, name: &str) -> Option<Id> {
        self.parsed(name, |raw| match raw.parse::<Id>() {
            Ok(id) if id > 0 => Ok(id),
            _ => Err(format!("`{raw}` is not an id: ids are positive integers")),
        })
    }

    /// One of an enum's wire names (`air`, `site_visit`).
    pub fn choice<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        self.parsed(name, |raw| {
            serde_json::from_value(Value::String(raw.to_owned())).map_err(|e| {
                let known = e.to_string();
                let known = known
                    .split_once(", expected ")
                    .map_or(known.as_str(), |(_, k)| k);
                format!("`{raw}` is not a known value: expected {known}")
            })
        })
    }

    /// A whole number within `range`.
    pub fn count(&mut self, name: &str, range: RangeInclusive<usize>) -> Option<usize> {
        self.parsed(name, |raw| match raw.parse::<usize>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(format!(
                "`{raw}` is not a whole number from {} to {}",
                range.start(),
                range.end()
            )),
        })
    }

    /// Ends reading: fails with every recorded problem, plus one per unknown parameter.
    pub fn finish(mut self) -> Result<(), ApiError> {
        let unknown: BTreeSet<String> = (self.pairs.iter())
            .map(|(k, _)| k.clone())
            .filter(|k| !self.known.contains(k))
            .collect();
        for name in unknown {
            let known: Vec<&str> = self.known.iter().map(String::as_str).collect();
            let detail = format!("is not a parameter here; known: {}", known.join(", "));
            self.reject(&name, detail);
        }
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::BadParameters(self.errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(result: Result<(), ApiError>) -> Vec<String> {
        match result {
            Err(ApiError::BadParameters(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected bad parameters, got {other:?}"),
        }
    }

    #[test]
    fn each_bad_or_unknown_parameter_is_named() {
        let mut params =
            Params::parse("from=2022-13-01&limit=-1&colour=red&to=2022-01-01").unwrap();
        assert_eq!(
            params.date_range(),
            (None, Some(NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()))
        );
        assert_eq!(params.count("limit", 1..=1000), None);
        assert_eq!(errors(params.finish()), ["from", "limit", "colour"]);
    }

    #[test]
    fn empty_values_are_absent_and_repeats_are_refused() {
        let mut params = Params::parse("q=&mode=air&mode=road").unwrap();
        assert_eq!(params.text("q"), None);
        assert_eq!(params.choice::<crate::domain::Mode>("mode"), None);
        assert_eq!(errors(params.finish()), ["mode"]);
    }

    #[test]
    fn unknown_enum_values_list_the_known_ones() {
        let mut params = Params::parse("mode=teleport").unwrap();
        assert_eq!(params.choice::<crate::domain::Mode>("mode"), None);
        let Err(ApiError::BadParameters(errors)) = params.finish() else {
            panic!()
        };
        assert!(
            errors[0].detail.contains("`helicopter`"),
            "{}",
            errors[0].detail
        );
    }

    #[test]
    fn json_content_types_are_recognised() {
        assert!(is_json("application/json; charset=utf-8"));
        assert!(is_json("application/merge-patch+json"));
        assert!(!is_json("text/plain"));
    }
}
