//! `/documents`: ingest a document at run time (its text with the ` date ` header as
//! `text/plain`, or JSON `{"published", "text", "name"}`), list and read documents with what
//! was extracted from them, delete one with its uncurated items.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::header::{CONTENT_TYPE, LOCATION};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiPath, ApiQuery, FromQuery, Params};
use super::list::ListResponse;
use super::openapi::{ListErrors, ReadErrors, WriteErrors};
use crate::domain::{Document, Id, Invalid, Leg, Meeting, Published, Trip};
use crate::store::{DocumentError, DocumentOrigin, Ingested, Listing, Page, StoredDocument};
use crate::store::{StoreError, content_hash};
use crate::timeline;

/// The routes of this resource.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_documents, post_document))
        .routes(routes!(get_document, delete_document))
}

/// How many items were read from a document.
#[derive(Debug, Serialize, ToSchema)]
struct Counts {
    trips: usize,
    legs: usize,
    meetings: usize,
}

/// A document as listed: everything but its text.
#[derive(Debug, Serialize, ToSchema)]
struct DocumentView {
    id: Id,
    name: String,
    /// `YYYY-MM-DD`, or `YYYY-MM` when the header gives only the month.
    #[schema(value_type = String, example = "2022-05-06")]
    published: Published,
    title: Option<String>,
    /// SHA-256 of the text, lower-case hex.
    content_hash: String,
    origin: DocumentOrigin,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    counts: Counts,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

impl DocumentView {
    fn new(yielded: &Ingested, with_text: bool) -> Self {
        let doc: &StoredDocument = &yielded.document;
        Self {
            id: doc.id,
            name: doc.name().to_owned(),
            published: doc.published(),
            title: doc.document.title.clone(),
            content_hash: doc.content_hash.clone(),
            origin: doc.origin,
            created_at: doc.created_at,
            updated_at: doc.updated_at,
            counts: Counts {
                trips: yielded.trips.len(),
                legs: yielded.legs.len(),
                meetings: yielded.meetings.len(),
            },
            text: with_text.then(|| doc.document.text.clone()),
        }
    }
}

/// What `POST /documents` answers: the document and what was extracted from it.
#[derive(Debug, Serialize, ToSchema)]
struct IngestView {
    document: DocumentView,
    trips: Vec<Trip>,
    legs: Vec<Leg>,
    meetings: Vec<Meeting>,
}

impl From<ApiDocumentError> for ApiError {
    fn from(ApiDocumentError(error): ApiDocumentError) -> Self {
        match error {
            DocumentError::NoDatabase => Self::Conflict(error.to_string()),
            DocumentError::Store(error) => error.into(),
        }
    }
}

/// A [`DocumentError`] on its way to becoming an [`ApiError`].
struct ApiDocumentError(DocumentError);

impl From<DocumentError> for ApiDocumentError {
    fn from(error: DocumentError) -> Self {
        Self(error)
    }
}

impl From<StoreError> for ApiDocumentError {
    fn from(error: StoreError) -> Self {
        Self(DocumentError::Store(error))
    }
}

#[utoipa::path(
    get,
    path = "/documents",
    tag = "documents",
    summary = "The documents loaded, with how many items each yielded",
    params(Page),
    responses(
        (status = 200, description = "A page of documents (without their text)", body = [DocumentView], headers(("X-Total-Count" = u64, description = "How many documents in all"), ("Link" = String, description = "RFC 8288 links to the first, prev, next and last pages"))),
        ListErrors,
    )
)]
async fn list_documents(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery(page): ApiQuery<Page>,
) -> Result<ListResponse<DocumentView>, ApiError> {
    let mut views = Vec::new();
    for document in state.store.documents() {
        let yielded = state.store.document_yield(document.id)?;
        views.push(DocumentView::new(&yielded, false));
    }
    Ok(ListResponse::new(Listing::paged(views, &page), page, uri))
}

#[utoipa::path(
    get,
    path = "/documents/{id}",
    tag = "documents",
    summary = "A document with its text, content hash and counts",
    params(("id" = i64, Path, description = "The document's id")),
    responses(
        (status = 200, description = "The document", body = DocumentView),
        ReadErrors,
    )
)]
async fn get_document(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
) -> Result<Json<DocumentView>, ApiError> {
    let yielded = state.store.document_yield(id)?;
    Ok(Json(DocumentView::new(&yielded, true)))
}

#[utoipa::path(
    post,
    path = "/documents",
    tag = "documents",
    summary = "Ingest a document: extract it and add what it yields to the timeline",
    params(("name" = Option<String>, Query, description = "The document's name, for a `text/plain` body"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(
        description = "The text with its ` date YYYY-MM-DD` header (`text/plain`), or its parts (JSON)",
        content(
            (String = "text/plain", example = " date 2022-05-06 The Minister flew from Oslo to Lima on Monday, 2 May."),
            (PostedDocument = "application/json"),
        )
    ),
    responses(
        (status = 201, description = "A new or changed document, with what was extracted", body = IngestView, headers(("Location" = String, description = "The document's URL"))),
        (status = 200, description = "The same text was already loaded: nothing changed", body = IngestView),
        WriteErrors,
    )
)]
async fn post_document(
    State(state): State<AppState>,
    ApiQuery(NameParam(name)): ApiQuery<NameParam>,
    body: DocumentBody,
) -> Result<Response, ApiError> {
    let document = body.into_document(name)?;
    let ingested =
        (state.store.ingest(document, &timeline::drafts).await).map_err(ApiDocumentError::from)?;
    let id = ingested.document.id;
    let status = match ingested.changed {
        true => StatusCode::CREATED,
        false => StatusCode::OK,
    };
    let view = IngestView {
        document: DocumentView::new(&ingested, false),
        trips: ingested.trips,
        legs: ingested.legs,
        meetings: ingested.meetings,
    };
    let location = [(LOCATION, format!("/documents/{id}"))];
    Ok((status, location, Json(view)).into_response())
}

#[utoipa::path(
    delete,
    path = "/documents/{id}",
    tag = "documents",
    summary = "Delete a document with the items read from it that no one curated",
    params(("id" = i64, Path, description = "The document's id"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    responses(
        (status = 204, description = "Deleted"),
        WriteErrors,
    )
)]
async fn delete_document(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
) -> Result<StatusCode, ApiError> {
    (state.store.delete_document(id, &timeline::drafts).await).map_err(ApiDocumentError::from)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `?name=`: the name of a document posted as `text/plain`.
#[derive(Debug)]
struct NameParam(Option<String>);

impl FromQuery for NameParam {
    fn from_query(params: &mut Params) -> Self {
        Self(params.raw("name"))
    }
}

/// The JSON form of a posted document.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct PostedDocument {
    published: String,
    text: String,
    name: Option<String>,
}

/// A posted document: its whole text (`text/plain`, header included), or its parts (JSON).
enum DocumentBody {
    Text(String),
    Json(PostedDocument),
}

impl DocumentBody {
    /// The document, named `name` (or by its hash when no name is given). Fails with
    /// `Invalid` when the header is missing or its date is not a date.
    fn into_document(self, name: Option<String>) -> Result<Document, ApiError> {
        let (text, name, field) = match self {
            Self::Text(text) => (text, name, "text"),
            Self::Json(posted) => {
                Published::parse(&posted.published)
                    .map_err(|e| Invalid::field("published", e.to_string()))?;
                let text = format!(" date {} {}", posted.published, posted.text);
                (text, posted.name.or(name), "text")
            }
        };
        let name = match name.map(|n| n.trim().to_owned()) {
            Some(n) if n.is_empty() => Err(Invalid::field("name", "must not be empty"))?,
            Some(n) => n,
            None => format!("posted-{}.txt", &content_hash(&text)[..16]),
        };
        Ok(Document::parse(&name, text).map_err(|e| Invalid::field(field, e.to_string()))?)
    }
}

impl<S: Send + Sync> FromRequest<S> for DocumentBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let content_type = (request.headers().get(CONTENT_TYPE))
            .map(|v| String::from_utf8_lossy(v.as_bytes()).to_ascii_lowercase());
        let essence = content_type
            .as_deref()
            .map(|t| t.split(';').next().unwrap_or(t).trim());
        let json = match essence {
            Some("application/json") => true,
            Some("text/plain") => false,
            _ => {
                let got =
                    content_type.map_or_else(|| "no Content-Type".into(), |t| format!("`{t}`"));
                let got = format!("{got}; POST /documents also takes text/plain");
                return Err(ApiError::UnsupportedMediaType(got));
            }
        };
        let bytes =
            Bytes::from_request(request, state)
                .await
                .map_err(|rejection| match rejection.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge(super::BODY_LIMIT),
                    _ => ApiError::MalformedBody(rejection.body_text()),
                })?;
        if json {
            return serde_json::from_slice(&bytes)
                .map(Self::Json)
                .map_err(|e| ApiError::MalformedBody(e.to_string()));
        }
        String::from_utf8(bytes.to_vec())
            .map(Self::Text)
            .map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                ApiError::from(Invalid::field(
                    "text",
                    format!("is not valid UTF-8 (byte {at})"),
                ))
            })
    }
}
