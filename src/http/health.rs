//! `/healthz`: the service answers and its store is readable.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

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
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_health))
}

#[utoipa::path(
    get,
    path = "/healthz",
    tag = "service",
    summary = "The service answers and its store is readable",
    responses((status = 200, description = "Healthy", body = Health))
)]
async fn get_health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok",
        revision: state.store.revision(),
    })
}
