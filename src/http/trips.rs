//! `/trips`: list with filters, read one with its legs and meetings, create, replace, patch
//! and delete (with its legs and meetings).

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
use crate::domain::{Id, Leg, Meeting, NewTrip, Trip};
use crate::store::{Listing, Page, TripFilter};

/// The routes of this resource.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trips", get(list_trips).post(create_trip))
        .route(
            "/trips/{id}",
            get(get_trip)
                .put(replace_trip)
                .patch(patch_trip)
                .delete(delete_trip),
        )
        .route("/trips/{id}/legs", get(list_trip_legs))
        .route("/trips/{id}/meetings", get(list_trip_meetings))
}

async fn list_trips(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(TripFilter, Page)>,
) -> ListResponse<Trip> {
    ListResponse::new(state.store.list_trips(&filter, &page), page, uri)
}

async fn get_trip(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<Response, ApiError> {
    Ok(conditions.respond(state.store.trip_detail(id)?))
}

async fn list_trip_legs(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    uri: Uri,
    ApiQuery(page): ApiQuery<Page>,
) -> Result<ListResponse<Leg>, ApiError> {
    let legs = state.store.trip_legs(id)?;
    Ok(ListResponse::new(Listing::paged(legs, &page), page, uri))
}

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

async fn delete_trip(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<StatusCode, ApiError> {
    let precondition = conditions.precondition(Trip::KIND, id);
    state.store.delete_trip(id, &precondition).await?;
    Ok(StatusCode::NO_CONTENT)
}
