//! The HTTP API: routes (one file per resource), extractors, the problem+json error
//! envelope, and the middleware stack (request ids, tracing with latency, CORS, compression,
//! body limit, timeout). Depends on `store` and `domain`; never on `extract` internals.

mod directory;
mod documents;
mod error;
mod etag;
mod exports;
mod extract;
mod guard;
mod health;
mod legs;
mod list;
mod meetings;
mod openapi;
mod params;
mod places;
mod timeline;
mod trips;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::header::{ETAG, HeaderName, IF_MATCH, IF_NONE_MATCH, LINK, LOCATION};
use axum::http::{Method, Request};
use axum::middleware::{map_request, map_response};
use axum::routing::get;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa_axum::router::OpenApiRouter;

pub use error::{ApiError, PROBLEM_JSON, Problem};
pub use etag::{Conditions, Versioned};
pub use extract::{ApiPath, ApiQuery, FromQuery, JsonBody, Params};
pub use guard::{WriteGuard, guard_writes};
pub use list::ListResponse;

use crate::store::Store;

/// Largest request body accepted: 1 MiB.
pub const BODY_LIMIT: usize = 1024 * 1024;
/// Longest a request may take.
pub const TIMEOUT: Duration = Duration::from_secs(30);

static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    /// Who may write; open to all by default (tests, local use).
    pub guard: WriteGuard,
}

impl AppState {
    /// State over `store`, with writes open to every client.
    pub fn new(store: Store) -> Self {
        Self {
            store: Arc::new(store),
            guard: WriteGuard::open(),
        }
    }

    /// The same state with writes governed by `guard`.
    pub fn with_guard(self, guard: WriteGuard) -> Self {
        Self { guard, ..self }
    }
}

/// The application's routes and their OpenAPI paths.
fn described_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(health::routes())
        .merge(trips::routes())
        .merge(legs::routes())
        .merge(meetings::routes())
        .merge(timeline::routes())
        .merge(exports::routes())
        .merge(directory::routes())
        .merge(documents::routes())
}

/// The OpenAPI 3.1 description of the API, as `GET /openapi.json` serves it.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    openapi::document(described_routes().into_openapi())
}

/// The application's routes, without middleware: the described routes, `/openapi.json` and
/// `/docs`, the problem type pages, and the 404 fallback.
pub fn routes() -> Router<AppState> {
    let (router, paths) = described_routes().split_for_parts();
    router
        .merge(openapi::docs(openapi::document(paths)))
        .route("/problems/{slug}", get(error::describe_problem))
        .fallback(error::no_route)
}

/// The application: routes, state and middleware.
pub fn router(state: AppState) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([IF_NONE_MATCH, IF_MATCH])
        .expose_headers([
            list::TOTAL_COUNT.clone(),
            LINK,
            ETAG,
            LOCATION,
            REQUEST_ID.clone(),
        ]);
    let trace = TraceLayer::new_for_http()
        .make_span_with(|request: &Request<_>| {
            let id = request.headers().get(&REQUEST_ID);
            let id = id.and_then(|v| v.to_str().ok()).unwrap_or_default();
            tracing::info_span!("request", method = %request.method(), uri = %request.uri(), request_id = %id)
        })
        .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(tower_http::LatencyUnit::Micros));
    let write_guard = axum::middleware::from_fn_with_state(state.guard.clone(), guard_writes);
    let middleware = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
        .layer(trace)
        .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
        .layer(cors)
        .layer(CompressionLayer::new())
        .layer(map_response(error::bare_errors_as_problems))
        .layer(map_request(exports::negotiate))
        .layer(write_guard)
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            TIMEOUT,
        ))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT));
    // the stack wraps the routed application as one service, so it sees responses as
    // finished (the `Allow` header of a 405 is added by the method router itself)
    Router::new()
        .fallback_service(routes().with_state(state))
        .layer(middleware)
}

/// Serves the API on `listener` until `stop` completes, then drains in-flight requests.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(stop)
        .await
}
