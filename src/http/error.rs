//! The error envelope: every 4xx and 5xx is `application/problem+json` (RFC 9457) with
//! `type`, `title`, `status`, `detail`, and for bad fields or parameters an `errors` list
//! naming each one. Problem types are relative URIs (`/problems/not-found`) served by
//! [`describe_problem`], so a client can follow them.

use axum::Json;
use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::ApiPath;
use crate::domain::{FieldError, Invalid};
use crate::store::StoreError;

/// The media type of error bodies.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Why a request failed, as the client sees it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No item with that id, or no such route.
    #[error("{0}")]
    NotFound(String),
    /// A query or path parameter is malformed; `errors` names each.
    #[error("{}", parameters(.0))]
    BadParameters(Vec<FieldError>),
    /// The body is not well-formed JSON.
    #[error("the body is not valid JSON: {0}")]
    MalformedBody(String),
    /// The body is not JSON at all.
    #[error("expected a JSON body (Content-Type: application/json), got {0}")]
    UnsupportedMediaType(String),
    /// The body is over the size limit.
    #[error("the body is larger than the limit of {0} bytes")]
    PayloadTooLarge(usize),
    /// The body is JSON but not a valid item; `errors` names each bad field.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// `If-Match` names a version that is no longer current.
    #[error("{0}; fetch it again and retry with its new ETag")]
    PreconditionFailed(String),
    /// The write collides with the current state.
    #[error("{0}")]
    Conflict(String),
    /// A write without a valid bearer token.
    #[error("{0}")]
    Unauthorized(String),
    /// A write the server does not allow at all.
    #[error("{0}")]
    Forbidden(String),
    /// Too many writes from one client.
    #[error("{0}")]
    TooManyRequests(String),
    /// A bug or an unavailable dependency; its cause is logged, never shown.
    #[error("internal error")]
    Internal(String),
}

fn parameters(errors: &[FieldError]) -> String {
    let details: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.detail))
        .collect();
    format!("invalid parameters: {}", details.join("; "))
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Missing { .. } => Self::NotFound(error.to_string()),
            StoreError::UnknownTrip(_) => {
                Self::Invalid(Invalid::field("trip_id", error.to_string()))
            }
            StoreError::VersionMismatch { .. } => Self::PreconditionFailed(error.to_string()),
            StoreError::Invalid(invalid) => Self::Invalid(invalid),
            StoreError::Conflict(detail) => Self::Conflict(detail),
            StoreError::Database(cause) => Self::Internal(cause.to_string()),
        }
    }
}

/// A problem type: its slug (the last segment of its `type` URI), status, title and what it
/// means.
struct ProblemType {
    slug: &'static str,
    status: StatusCode,
    title: &'static str,
    meaning: &'static str,
}

const PROBLEM_TYPES: &[ProblemType] = &[
    ProblemType {
        slug: "not-found",
        status: StatusCode::NOT_FOUND,
        title: "Not found",
        meaning: "No item has that id, or no route has that path.",
    },
    ProblemType {
        slug: "bad-parameter",
        status: StatusCode::BAD_REQUEST,
        title: "Bad parameter",
        meaning: "A query or path parameter is malformed or unknown; `errors` names each one and why.",
    },
    ProblemType {
        slug: "malformed-body",
        status: StatusCode::BAD_REQUEST,
        title: "Malformed body",
        meaning: "The body is not well-formed JSON.",
    },
    ProblemType {
        slug: "unsupported-media-type",
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        title: "Unsupported media type",
        meaning: "Write bodies are JSON: send `Content-Type: application/json` (or `application/merge-patch+json` for PATCH).",
    },
    ProblemType {
        slug: "payload-too-large",
        status: StatusCode::PAYLOAD_TOO_LARGE,
        title: "Payload too large",
        meaning: "Bodies are limited to 1 MiB.",
    },
    ProblemType {
        slug: "validation-failed",
        status: StatusCode::UNPROCESSABLE_ENTITY,
        title: "Validation failed",
        meaning: "The body is JSON but not a valid item; `errors` names each bad or unknown field and why.",
    },
    ProblemType {
        slug: "precondition-failed",
        status: StatusCode::PRECONDITION_FAILED,
        title: "Precondition failed",
        meaning: "`If-Match` names a version that is no longer current; nothing was changed. Fetch the item again and retry with its new ETag.",
    },
    ProblemType {
        slug: "conflict",
        status: StatusCode::CONFLICT,
        title: "Conflict",
        meaning: "The write collides with the current state; retry.",
    },
    ProblemType {
        slug: "unauthorized",
        status: StatusCode::UNAUTHORIZED,
        title: "Unauthorized",
        meaning: "Writes need `Authorization: Bearer <token>` with the server's token; reads are public.",
    },
    ProblemType {
        slug: "forbidden",
        status: StatusCode::FORBIDDEN,
        title: "Forbidden",
        meaning: "Writes are disabled: the server has no token and listens beyond loopback.",
    },
    ProblemType {
        slug: "too-many-requests",
        status: StatusCode::TOO_MANY_REQUESTS,
        title: "Too many requests",
        meaning: "This client sent too many writes; wait for the time `Retry-After` gives.",
    },
    ProblemType {
        slug: "method-not-allowed",
        status: StatusCode::METHOD_NOT_ALLOWED,
        title: "Method not allowed",
        meaning: "The route exists but not with this method; `Allow` lists the methods it takes.",
    },
    ProblemType {
        slug: "timeout",
        status: StatusCode::SERVICE_UNAVAILABLE,
        title: "Timed out",
        meaning: "The request took longer than the server allows.",
    },
    ProblemType {
        slug: "internal",
        status: StatusCode::INTERNAL_SERVER_ERROR,
        title: "Internal error",
        meaning: "Something failed on the server; it has been logged.",
    },
];

fn problem_type(slug: &str) -> &'static ProblemType {
    let found = PROBLEM_TYPES.iter().find(|p| p.slug == slug);
    found.unwrap_or(&PROBLEM_TYPES[PROBLEM_TYPES.len() - 1])
}

/// An RFC 9457 problem details body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the problem type; `GET` it for a description.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Each bad field or parameter, for validation failures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    fn of(slug: &str, detail: String, errors: Vec<FieldError>) -> (StatusCode, Self) {
        let kind = problem_type(slug);
        let problem = Self {
            kind: format!("/problems/{}", kind.slug),
            title: kind.title.to_owned(),
            status: kind.status.as_u16(),
            detail,
            errors,
        };
        (kind.status, problem)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(self)).into_response();
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let detail = self.to_string();
        let (slug, errors) = match self {
            Self::NotFound(_) => ("not-found", Vec::new()),
            Self::BadParameters(errors) => ("bad-parameter", errors),
            Self::MalformedBody(_) => ("malformed-body", Vec::new()),
            Self::UnsupportedMediaType(_) => ("unsupported-media-type", Vec::new()),
            Self::PayloadTooLarge(_) => ("payload-too-large", Vec::new()),
            Self::Invalid(Invalid(errors)) => ("validation-failed", errors),
            Self::PreconditionFailed(_) => ("precondition-failed", Vec::new()),
            Self::Conflict(_) => ("conflict", Vec::new()),
            Self::Unauthorized(_) => ("unauthorized", Vec::new()),
            Self::Forbidden(_) => ("forbidden", Vec::new()),
            Self::TooManyRequests(_) => ("too-many-requests", Vec::new()),
            Self::Internal(cause) => {
                tracing::error!(error = %cause, "request failed: {cause}");
                ("internal", Vec::new())
            }
        };
        let (_, problem) = Problem::of(slug, detail, errors);
        problem.into_response()
    }
}

/// The answer for a path no route has.
pub async fn no_route(method: Method, request: Request) -> ApiError {
    ApiError::NotFound(format!("no route for {method} {}", request.uri().path()))
}

/// Gives a problem+json body to error responses made outside the handlers (405 from the
/// router, 413 from the body limit, 503 from the timeout), keeping their headers (`Allow`).
pub async fn bare_errors_as_problems<B>(response: Response<B>) -> Response
where
    B: axum::body::HttpBody<Data = axum::body::Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    let response = response.map(axum::body::Body::new);
    let status = response.status();
    let is_problem = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return response;
    }
    let (parts, _) = response.into_parts();
    let (slug, detail) = match status {
        StatusCode::METHOD_NOT_ALLOWED => {
            let allow = parts.headers.get("allow").and_then(|v| v.to_str().ok());
            let allow = allow.unwrap_or_default();
            ("method-not-allowed", format!("this route allows {allow}"))
        }
        StatusCode::PAYLOAD_TOO_LARGE => (
            "payload-too-large",
            ApiError::PayloadTooLarge(super::BODY_LIMIT).to_string(),
        ),
        StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT => (
            "timeout",
            format!("the request took longer than {:?}", super::TIMEOUT),
        ),
        StatusCode::NOT_FOUND => ("not-found", "not found".to_owned()),
        _ => ("internal", "internal error".to_owned()),
    };
    let (kind_status, problem) = Problem::of(slug, detail, Vec::new());
    let mut problem = problem;
    if kind_status != status {
        problem.status = status.as_u16();
    }
    let mut rebuilt = problem.into_response();
    for (name, value) in &parts.headers {
        if name != CONTENT_TYPE && name != "content-length" {
            rebuilt.headers_mut().insert(name.clone(), value.clone());
        }
    }
    rebuilt
}

/// `GET /problems/{slug}`: what a problem type means, as plain text.
pub async fn describe_problem(ApiPath(slug): ApiPath<String>) -> Result<String, ApiError> {
    let kind = PROBLEM_TYPES
        .iter()
        .find(|p| p.slug == slug)
        .ok_or_else(|| ApiError::NotFound(format!("no problem type `{slug}`")))?;
    Ok(format!(
        "{} ({})\n\n{}\n",
        kind.title,
        kind.status.as_u16(),
        kind.meaning
    ))
}
