//! `/legs`: list with filters, read one, create (placed by `seq` in its trip), replace,
//! patch and delete (the trip's later legs move up).

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
use crate::domain::{Id, Leg, NewLeg};
use crate::store::{LegFilter, Page};

/// The routes of this resource.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_legs, create_leg))
        .routes(routes!(get_leg, replace_leg, patch_leg, delete_leg))
}

#[utoipa::path(
    get,
    path = "/legs",
    tag = "legs",
    summary = "List legs",
    params(LegFilter, Page),
    responses(
        (status = 200, description = "A page of items, in order", body = [Leg], headers(("X-Total-Count" = u64, description = "How many items match in all"), ("Link" = String, description = "RFC 8288 links to the first, prev, next and last pages"))),
        ListErrors,
    )
)]
async fn list_legs(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(LegFilter, Page)>,
) -> ListResponse<Leg> {
    ListResponse::new(state.store.list_legs(&filter, &page), page, uri)
}

#[utoipa::path(
    get,
    path = "/legs/{id}",
    tag = "legs",
    summary = "A leg",
    params(("id" = i64, Path, description = "The leg's id"), ("If-None-Match" = Option<String>, Header, description = "An ETag; 304 when it is still current")),
    responses(
        (status = 200, description = "The leg", body = Leg, headers(("ETag" = String, description = "Strong validator of this version of the item"))),
        (status = 304, description = "Not modified: `If-None-Match` names the current version"),
        ReadErrors,
    )
)]
async fn get_leg(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<Response, ApiError> {
    Ok(conditions.respond(state.store.leg(id)?))
}

#[utoipa::path(
    post,
    path = "/legs",
    tag = "legs",
    summary = "Create a leg (places are completed from the gazetteer)",
    params(("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(content = NewLeg, content_type = "application/json"),
    responses(
        (status = 201, description = "Created; `Location` is its URL", body = Leg, headers(("Location" = String, description = "The new leg's URL"), ("ETag" = String, description = "Its version"))),
        WriteErrors,
    )
)]
async fn create_leg(
    State(state): State<AppState>,
    JsonBody(mut body): JsonBody,
) -> Result<Created<Leg>, ApiError> {
    complete_places(&mut body);
    let leg = state
        .store
        .create_leg(NewLeg::from_json(body, None)?)
        .await?;
    Ok(Created(leg))
}

#[utoipa::path(
    put,
    path = "/legs/{id}",
    tag = "legs",
    summary = "Replace a leg",
    params(("id" = i64, Path, description = "The leg's id"), ("If-Match" = Option<String>, Header, description = "An ETag; the write happens only if it is still current (412 otherwise)"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(content = NewLeg, content_type = "application/json"),
    responses(
        (status = 200, description = "Replaced", body = Leg, headers(("ETag" = String, description = "Strong validator of this version of the item"))),
        WriteErrors,
    )
)]
async fn replace_leg(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
    JsonBody(mut body): JsonBody,
) -> Result<Written<Leg>, ApiError> {
    complete_places(&mut body);
    let new = NewLeg::from_json(body, Some(id))?;
    let precondition = conditions.precondition(Leg::KIND, id);
    Ok(Written(
        state.store.replace_leg(id, new, &precondition).await?,
    ))
}

#[utoipa::path(
    patch,
    path = "/legs/{id}",
    tag = "legs",
    summary = "Patch a leg",
    params(("id" = i64, Path, description = "The leg's id"), ("If-Match" = Option<String>, Header, description = "An ETag; the write happens only if it is still current (412 otherwise)"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(content = serde_json::Value, content_type = "application/merge-patch+json", description = "A JSON merge patch (RFC 7396) of the writable fields; `null` clears a field"),
    responses(
        (status = 200, description = "Patched", body = Leg, headers(("ETag" = String, description = "Strong validator of this version of the item"))),
        WriteErrors,
    )
)]
async fn patch_leg(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
    JsonBody(mut patch): JsonBody,
) -> Result<Written<Leg>, ApiError> {
    complete_places(&mut patch);
    let precondition = conditions.precondition(Leg::KIND, id);
    Ok(Written(
        state.store.patch_leg(id, &patch, &precondition).await?,
    ))
}

#[utoipa::path(
    delete,
    path = "/legs/{id}",
    tag = "legs",
    summary = "Delete a leg",
    params(("id" = i64, Path, description = "The leg's id"), ("If-Match" = Option<String>, Header, description = "An ETag; the write happens only if it is still current (412 otherwise)"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    responses(
        (status = 204, description = "Deleted"),
        WriteErrors,
    )
)]
async fn delete_leg(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<StatusCode, ApiError> {
    let precondition = conditions.precondition(Leg::KIND, id);
    state.store.delete_leg(id, &precondition).await?;
    Ok(StatusCode::NO_CONTENT)
}
