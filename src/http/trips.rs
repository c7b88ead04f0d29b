//! `/trips`: list with filters, read one with its legs and meetings, create, replace, patch
//! and delete (with its legs and meetings).

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
use crate::domain::{Id, Leg, Meeting, NewTrip, Trip};
use crate::store::{Listing, Page, TripDetail, TripFilter};

/// The routes of this resource.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_trips, create_trip))
        .routes(routes!(get_trip, replace_trip, patch_trip, delete_trip))
        .routes(routes!(list_trip_legs))
        .routes(routes!(list_trip_meetings))
}

#[utoipa::path(
    get,
    path = "/trips",
    tag = "trips",
    summary = "List trips",
    params(TripFilter, Page),
    responses(
        (status = 200, description = "A page of items, in order", body = [Trip], headers(("X-Total-Count" = u64, description = "How many items match in all"), ("Link" = String, description = "RFC 8288 links to the first, prev, next and last pages"))),
        ListErrors,
    )
)]
async fn list_trips(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(TripFilter, Page)>,
) -> ListResponse<Trip> {
    ListResponse::new(state.store.list_trips(&filter, &page), page, uri)
}

#[utoipa::path(
    get,
    path = "/trips/{id}",
    tag = "trips",
    summary = "A trip with its legs and meetings",
    params(("id" = i64, Path, description = "The trip's id"), ("If-None-Match" = Option<String>, Header, description = "An ETag; 304 when it is still current")),
    responses(
        (status = 200, description = "The trip", body = TripDetail, headers(("ETag" = String, description = "Strong validator of this version of the item"))),
        (status = 304, description = "Not modified: `If-None-Match` names the current version"),
        ReadErrors,
    )
)]
async fn get_trip(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<Response, ApiError> {
    Ok(conditions.respond(state.store.trip_detail(id)?))
}

#[utoipa::path(
    get,
    path = "/trips/{id}/legs",
    tag = "trips",
    summary = "The legs of a trip, in order",
    params(("id" = i64, Path, description = "The trip's id"), Page),
    responses(
        (status = 200, description = "A page of items, in order", body = [Leg], headers(("X-Total-Count" = u64, description = "How many items match in all"), ("Link" = String, description = "RFC 8288 links to the first, prev, next and last pages"))),
        ListErrors,
    )
)]
async fn list_trip_legs(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    uri: Uri,
    ApiQuery(page): ApiQuery<Page>,
) -> Result<ListResponse<Leg>, ApiError> {
    let legs = state.store.trip_legs(id)?;
    Ok(ListResponse::new(Listing::paged(legs, &page), page, uri))
}

#[utoipa::path(
    get,
    path = "/trips/{id}/meetings",
    tag = "trips",
    summary = "The meetings of a trip",
    params(("id" = i64, Path, description = "The trip's id"), Page),
    responses(
        (status = 200, description = "A page of items, in order", body = [Meeting], headers(("X-Total-Count" = u64, description = "How many items match in all"), ("Link" = String, description = "RFC 8288 links to the first, prev, next and last pages"))),
        ListErrors,
    )
)]
async fn list_trip_meetings(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    uri: Uri,
    ApiQuery(page): ApiQuery<Page>,
) -> Result<ListResponse<Meeting>, ApiError> {
    let meetings = state.store.trip_meetings(id)?;
    Ok(ListResponse::new(
        Listing::paged(meetings, &page),
        page,
        uri,
    ))
}

#[utoipa::path(
    post,
    path = "/trips",
    tag = "trips",
    summary = "Create a trip",
    params(("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(content = NewTrip, content_type = "application/json"),
    responses(
        (status = 201, description = "Created; `Location` is its URL", body = Trip, headers(("Location" = String, description = "The new trip's URL"), ("ETag" = String, description = "Its version"))),
        WriteErrors,
    )
)]
async fn create_trip(
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<Created<Trip>, ApiError> {
    let trip = state
        .store
        .create_trip(NewTrip::from_json(body, None)?)
        .await?;
    Ok(Created(trip))
}

#[utoipa::path(
    put,
    path = "/trips/{id}",
    tag = "trips",
    summary = "Replace a trip",
    params(("id" = i64, Path, description = "The trip's id"), ("If-Match" = Option<String>, Header, description = "An ETag; the write happens only if it is still current (412 otherwise)"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(content = NewTrip, content_type = "application/json"),
    responses(
        (status = 200, description = "Replaced", body = Trip, headers(("ETag" = String, description = "Strong validator of this version of the item"))),
        WriteErrors,
    )
)]
async fn replace_trip(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
    JsonBody(body): JsonBody,
) -> Result<Written<Trip>, ApiError> {
    let new = NewTrip::from_json(body, Some(id))?;
    let precondition = conditions.precondition(Trip::KIND, id);
    Ok(Written(
        state.store.replace_trip(id, new, &precondition).await?,
    ))
}

#[utoipa::path(
    patch,
    path = "/trips/{id}",
    tag = "trips",
    summary = "Patch a trip",
    params(("id" = i64, Path, description = "The trip's id"), ("If-Match" = Option<String>, Header, description = "An ETag; the write happens only if it is still current (412 otherwise)"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    request_body(content = serde_json::Value, content_type = "application/merge-patch+json", description = "A JSON merge patch (RFC 7396) of the writable fields; `null` clears a field"),
    responses(
        (status = 200, description = "Patched", body = Trip, headers(("ETag" = String, description = "Strong validator of this version of the item"))),
        WriteErrors,
    )
)]
async fn patch_trip(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
    JsonBody(patch): JsonBody,
) -> Result<Written<Trip>, ApiError> {
    let precondition = conditions.precondition(Trip::KIND, id);
    Ok(Written(
        state.store.patch_trip(id, &patch, &precondition).await?,
    ))
}

#[utoipa::path(
    delete,
    path = "/trips/{id}",
    tag = "trips",
    summary = "Delete a trip with its legs and meetings",
    params(("id" = i64, Path, description = "The trip's id"), ("If-Match" = Option<String>, Header, description = "An ETag; the write happens only if it is still current (412 otherwise)"), ("Authorization" = Option<String>, Header, description = "`Bearer <token>` when the server has a token")),
    responses(
        (status = 204, description = "Deleted"),
        WriteErrors,
    )
)]
async fn delete_trip(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<StatusCode, ApiError> {
    let precondition = conditions.precondition(Trip::KIND, id);
    state.store.delete_trip(id, &precondition).await?;
    Ok(StatusCode::NO_CONTENT)
}
