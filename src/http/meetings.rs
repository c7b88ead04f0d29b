//! `/meetings`: list with filters, read one, create, replace, patch and delete.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;

use super::AppState;
use super::error::ApiError;
use super::etag::{Conditions, Created, Versioned, Written};
use super::extract::{ApiPath, ApiQuery, JsonBody};
use super::list::ListResponse;
use super::places::complete_places;
use crate::domain::{Id, Meeting, NewMeeting};
use crate::store::{MeetingFilter, Page};

/// The routes of this resource.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/meetings", get(list_meetings).post(create_meeting))
        .route(
            "/meetings/{id}",
            get(get_meeting)
                .put(replace_meeting)
                .patch(patch_meeting)
                .delete(delete_meeting),
        )
}

async fn list_meetings(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(MeetingFilter, Page)>,
) -> ListResponse<Meeting> {
    ListResponse::new(state.store.list_meetings(&filter, &page), page, uri)
}

async fn get_meeting(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<Response, ApiError> {
    Ok(conditions.respond(state.store.meeting(id)?))
}

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

async fn delete_meeting(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<StatusCode, ApiError> {
    let precondition = conditions.precondition(Meeting::KIND, id);
    state.store.delete_meeting(id, &precondition).await?;
    Ok(StatusCode::NO_CONTENT)
}
