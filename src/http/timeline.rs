//! `/timeline`: days in order, each with its legs and meetings tagged by `"type"`.

use axum::extract::State;
use axum::http::Uri;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::extract::ApiQuery;
use super::list::ListResponse;
use super::openapi::ListErrors;
use crate::store::{Day, Page, TimelineFilter};

/// The routes of this resource.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_timeline))
}

#[utoipa::path(
    get,
    path = "/timeline",
    tag = "timeline",
    summary = "Days in order, each with its legs and meetings (a page is a number of days)",
    params(TimelineFilter, Page),
    responses(
        (status = 200, description = "A page of items, in order", body = [Day], headers(("X-Total-Count" = u64, description = "How many items match in all"), ("Link" = String, description = "RFC 8288 links to the first, prev, next and last pages"))),
        ListErrors,
    )
)]
async fn get_timeline(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(TimelineFilter, Page)>,
) -> ListResponse<Day> {
    ListResponse::new(state.store.timeline(&filter, &page), page, uri)
}
