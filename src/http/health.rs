//! `/healthz`: the service answers and its store is readable.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::ToSchema;

use super::AppState;

/// The health report.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` when the service answers.
    pub status: &'static str,
    /// How many writes the store has applied since start-up.
    pub revision: u64,
}

/// The routes of this resource.
pub fn routes() -> Router<AppState> {
    Router::new().route("/healthz", get(get_health))
}

async fn get_health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok",
        revision: state.store.revision(),
    })
}
