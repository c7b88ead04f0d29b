//! `/meetings`: list with filters, read one, create, replace, patch and delete.

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::error::ApiError;
use super::etag::{Conditions, Created, Versioned, Written};
use super::extract::{ApiPath, ApiQuery, JsonBody};
use super::list::ListResponse;
use super::openapi::{ListErrors, ReadErrors, WriteErrors};
use super::places::complete_places;
use crate::domain::{Id, Meeting, NewMeeting};
use crate::store::{MeetingFilter, Page};

/// The routes of this resource.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_meetings, create_meeting))
        .routes(routes!(
            get_meeting,
            replace_meeting,
            patch_meeting,
            delete_meeting
        ))
}

#[utoipa::path(
    get,
    path = "/meetings",
    tag = "meetings",
    summary = "List meetings",
    params(MeetingFilter, Page),
    responses(
        (status = 200, description = "A page of items, in order", body = [Meeting], headers(("X-Total-Count" = u64, description = "How many items match in all"), ("Link" = String, description = "RFC 8288 links to the first, prev, next and last pages"))),
        ListErrors,
    )
)]
async fn list_meetings(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(MeetingFilter, Page)>,
) -> ListResponse<Meeting> {
    ListResponse::new(state.store.list_meetings(&filter, &page), page, uri)
}

#[utoipa::path(
    get,
    path = "/meetings/{id}",
    tag = "meetings",
    summary = "A meeting",
    params(("id" = i64, Path, description = "The meeting's id"), ("If-None-Match" = Option<String>, Header, description = "An ETag; 304 when it is still current")),
    responses(
        (status = 200, description = "The meeting", body = Meeting, headers(("ETag" = String, description = "Strong validator of this version of the item"))),
        (status = 304, description = "Not modified: `If-None-Match` names the current version"),
        ReadErrors,
    )
)]
async fn get_meeting(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<Response, ApiError> {
    Ok(conditions.respond(state.store.meeting(id)?))
}

#[utoipa::path(
    post,
    path = "/meetings",
    tag = "meetings",
    summary = "Create a meeting",
    params(("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(content = NewMeeting, content_type = "application/json"),
    responses(
        (status = 201, description = "Created; `Location` is its URL", body = Meeting, headers(("Location" = String, description = "The new meeting's URL"), ("ETag" = String, description = "Its version"))),
        WriteErrors,
    )
)]
async fn create_meeting(
    State(state): State<AppState>,
    JsonBody(mut body): JsonBody,
) -> Result<Created<Meeting>, ApiError> {
    complete_places(&mut body);
    let meeting = state
        .store
        .create_meeting(NewMeeting::from_json(body, None)?)
        .await?;
    Ok(Created(meeting))
}

#[utoipa::path(
    put,
    path = "/meetings/{id}",
    tag = "meetings",
    summary = "Replace a meeting",
    params(("id" = i64, Path, description = "The meeting's id"), ("If-Match" = Option<String>, Header, description = "An ETag; the write happens only if it is still current (412 otherwise)"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(content = NewMeeting, content_type = "application/json"),
    responses(
        (status = 200, description = "Replaced", body = Meeting, headers(("ETag" = String, description = "Strong validator of this version of the item"))),
        WriteErrors,
    )
)]
async fn replace_meeting(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
    JsonBody(mut body): JsonBody,
) -> Result<Written<Meeting>, ApiError> {
    complete_places(&mut body);
    let new = NewMeeting::from_json(body, Some(id))?;
    let precondition = conditions.precondition(Meeting::KIND, id);
    Ok(Written(
        state.store.replace_meeting(id, new, &precondition).await?,
    ))
}

#[utoipa::path(
    patch,
    path = "/meetings/{id}",
    tag = "meetings",
    summary = "Patch a meeting",
    params(("id" = i64, Path, description = "The meeting's id"), ("If-Match" = Option<String>, Header, description = "An ETag; the write happens only if it is still current (412 otherwise)"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(content = serde_json::Value, content_type = "application/merge-patch+json", description = "A JSON merge patch (RFC 7396) of the writable fields; `null` clears a field"),
    responses(
        (status = 200, description = "Patched", body = Meeting, headers(("ETag" = String, description = "Strong validator of this version of the item"))),
        WriteErrors,
    )
)]
async fn patch_meeting(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
    JsonBody(mut patch): JsonBody,
) -> Result<Written<Meeting>, ApiError> {
    complete_places(&mut patch);
    let precondition = conditions.precondition(Meeting::KIND, id);
    Ok(Written(
        state.store.patch_meeting(id, &patch, &precondition).await?,
    ))
}

#[utoipa::path(
    delete,
    path = "/meetings/{id}",
    tag = "meetings",
    summary = "Delete a meeting",
    params(("id" = i64, Path, description = "The meeting's id"), ("If-Match" = Option<String>, Header, description = "An ETag; the write happens only if it is still current (412 otherwise)"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    responses(
        (status = 204, description = "Deleted"),
        WriteErrors,
    )
)]
async fn delete_meeting(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<StatusCode, ApiError> {
    let precondition = conditions.precondition(Meeting::KIND, id);
    state.store.delete_meeting(id, &precondition).await?;
    Ok(StatusCode::NO_CONTENT)
}
