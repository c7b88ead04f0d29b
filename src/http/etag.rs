//! Conditional requests. Every trip, leg and meeting has a strong ETag made of its kind, id
//! and version (`"leg-12-v3"`); a trip's version also moves when one of its legs or meetings
//! changes, so the ETag of `GET /trips/{id}` covers what it embeds. `If-None-Match` on a GET
//! answers 304; `If-Match` on a write is checked by the store atomically with the write
//! (412 when stale, and nothing changes).

use axum::Json;
use axum::extract::FromRequestParts;
use axum::http::header::{ETAG, IF_MATCH, IF_NONE_MATCH, LOCATION};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::domain::{Id, Leg, Meeting, Trip};
use crate::store::{Precondition, TripDetail};

/// An item with an ETag.
pub trait Versioned: Serialize {
    /// `trip`, `leg` or `meeting`; also the path segment of its collection, plus `s`.
    const KIND: &'static str;
    fn id(&self) -> Id;
    fn version(&self) -> i64;

    /// The strong ETag, quoted.
    fn etag(&self) -> String {
        etag(Self::KIND, self.id(), self.version())
    }
}

fn etag(kind: &str, id: Id, version: i64) -> String {
    format!("\"{kind}-{id}-v{version}\"")
}

impl Versioned for Trip {
    const KIND: &'static str = "trip";
    fn id(&self) -> Id {
        self.id
    }
    fn version(&self) -> i64 {
        self.version
    }
}

impl Versioned for TripDetail {
    const KIND: &'static str = "trip";
    fn id(&self) -> Id {
        self.trip.id
    }
    fn version(&self) -> i64 {
        self.trip.version
    }
}

impl Versioned for Leg {
    const KIND: &'static str = "leg";
    fn id(&self) -> Id {
        self.id
    }
    fn version(&self) -> i64 {
        self.version
    }
}

impl Versioned for Meeting {
    const KIND: &'static str = "meeting";
    fn id(&self) -> Id {
        self.id
    }
    fn version(&self) -> i64 {
        self.version
    }
}

/// The conditional headers of a request. Never rejects.
#[derive(Debug, Default)]
pub struct Conditions {
    if_match: Option<String>,
    if_none_match: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for Conditions {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::from_headers(&parts.headers))
    }
}

/// The entity tags of a header value: `*`, or a comma-separated list of quoted tags.
fn tags(value: &str) -> Vec<&str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect()
}

impl Conditions {
    /// Reads `If-Match` and `If-None-Match` (all values of each, joined).
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let joined = |name| {
            let values: Vec<&str> = headers
                .get_all(name)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect();
            (!values.is_empty()).then(|| values.join(", "))
        };
        Self {
            if_match: joined(IF_MATCH),
            if_none_match: joined(IF_NONE_MATCH),
        }
    }

    /// What `If-Match` requires of item `id` of `kind`: any version for `*`, else the
    /// versions its strong tags name (weak tags never match a write).
    pub fn precondition(&self, kind: &str, id: Id) -> Precondition {
        let Some(value) = &self.if_match else {
            return Precondition::Always;
        };
        let tags = tags(value);
        if tags.contains(&"*") {
            return Precondition::Always;
        }
        let prefix = format!("\"{kind}-{id}-v");
        let versions = tags
            .iter()
            .filter_map(|t| {
                t.strip_prefix(prefix.as_str())?
                    .strip_suffix('"')?
                    .parse()
                    .ok()
            })
            .collect();
        Precondition::Versions(versions)
    }

    /// True when `If-None-Match` names `etag` (weak comparison) or is `*`.
    fn not_modified(&self, etag: &str) -> bool {
        self.if_none_match.as_deref().is_some_and(|value| {
            tags(value)
                .iter()
                .any(|t| *t == "*" || t.trim_start_matches("W/") == etag)
        })
    }

    /// `item` with its ETag, or 304 when the client already has this version.
    pub fn respond<T: Versioned>(&self, item: T) -> Response {
        let etag = item.etag();
        if self.not_modified(&etag) {
            return with_etag(StatusCode::NOT_MODIFIED.into_response(), &etag);
        }
        Written(item).into_response()
    }
}

fn with_etag(mut response: Response, etag: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(etag) {
        response.headers_mut().insert(ETAG, value);
    }
    response
}

/// A written item: 200 with its new ETag.
#[derive(Debug)]
pub struct Written<T>(pub T);

impl<T: Versioned> IntoResponse for Written<T> {
    fn into_response(self) -> Response {
        let etag = self.0.etag();
        with_etag(Json(self.0).into_response(), &etag)
    }
}

/// A created item: 201 with `Location` and its ETag.
#[derive(Debug)]
pub struct Created<T>(pub T);

impl<T: Versioned> IntoResponse for Created<T> {
    fn into_response(self) -> Response {
        let location = format!("/{}s/{}", T::KIND, self.0.id());
        let mut response = Written(self.0).into_response();
        *response.status_mut() = StatusCode::CREATED;
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(LOCATION, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conditions(if_match: Option<&str>, if_none_match: Option<&str>) -> Conditions {
        Conditions {
            if_match: if_match.map(str::to_owned),
            if_none_match: if_none_match.map(str::to_owned),
        }
    }

    #[test]
    fn if_match_names_versions_of_this_item_only() {
        let c = conditions(Some("\"leg-4-v2\", \"leg-5-v3\", W/\"leg-4-v7\""), None);
        assert_eq!(c.precondition("leg", 4), Precondition::Versions(vec![2]));
        assert_eq!(c.precondition("trip", 4), Precondition::Versions(vec![]));
        assert_eq!(
            conditions(Some("*"), None).precondition("leg", 4),
            Precondition::Always
        );
        assert_eq!(
            conditions(None, None).precondition("leg", 4),
            Precondition::Always
        );
    }

    #[test]
    fn if_none_match_compares_weakly() {
        let c = conditions(None, Some("W/\"trip-1-v1\""));
        assert!(c.not_modified("\"trip-1-v1\""));
        assert!(!c.not_modified("\"trip-1-v2\""));
    }
}
