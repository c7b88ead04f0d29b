//! `/legs`: list with filters, read one, create (placed by `seq` in its trip), replace,
//! patch and delete (the trip's later legs move up).

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
use crate::domain::{Id, Leg, NewLeg};
use crate::store::{LegFilter, Page};

/// The routes of this resource.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/legs", get(list_legs).post(create_leg))
        .route(
            "/legs/{id}",
            get(get_leg)
                .put(replace_leg)
                .patch(patch_leg)
                .delete(delete_leg),
        )
}

async fn list_legs(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(LegFilter, Page)>,
) -> ListResponse<Leg> {
    ListResponse::new(state.store.list_legs(&filter, &page), page, uri)
}

async fn get_leg(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<Response, ApiError> {
    Ok(conditions.respond(state.store.leg(id)?))
}

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

async fn delete_leg(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
    conditions: Conditions,
) -> Result<StatusCode, ApiError> {
    let precondition = conditions.precondition(Leg::KIND, id);
    state.store.delete_leg(id, &precondition).await?;
    Ok(StatusCode::NO_CONTENT)
}
