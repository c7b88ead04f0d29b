//! The HTTP API: routes, extractors and the problem+json error envelope.
//! Depends on `store` and `domain`; never on `extract` internals.

use std::future::Future;
use std::sync::Arc;

use axum::{Json, Router, extract::State, routing::get};
use tokio::net::TcpListener;

use crate::domain::{Leg, Meeting, Trip};
use crate::store::Store;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
}

impl AppState {
    /// State over `store`.
    pub fn new(store: Store) -> Self {
        Self {
            store: Arc::new(store),
        }
    }
}

/// The application's routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/trips", get(list_trips))
        .route("/legs", get(list_legs))
        .route("/meetings", get(list_meetings))
        .with_state(state)
}

async fn list_trips(State(state): State<AppState>) -> Json<Vec<Trip>> {
    Json(state.store.trips())
}

async fn list_legs(State(state): State<AppState>) -> Json<Vec<Leg>> {
    Json(state.store.legs())
}

async fn list_meetings(State(state): State<AppState>) -> Json<Vec<Meeting>> {
    Json(state.store.meetings())
}

/// Serves the API on `listener` until `stop` completes, then drains in-flight requests.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(stop)
        .await
}
