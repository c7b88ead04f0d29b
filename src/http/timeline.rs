//! `/timeline`: days in order, each with its legs and meetings tagged by `"type"`.

use axum::Router;
use axum::extract::State;
use axum::http::Uri;
use axum::routing::get;

use super::AppState;
use super::extract::ApiQuery;
use super::list::ListResponse;
use crate::store::{Day, Page, TimelineFilter};

/// The routes of this resource.
pub fn routes() -> Router<AppState> {
    Router::new().route("/timeline", get(get_timeline))
}

async fn get_timeline(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(TimelineFilter, Page)>,
) -> ListResponse<Day> {
    ListResponse::new(state.store.timeline(&filter, &page), page, uri)
}
