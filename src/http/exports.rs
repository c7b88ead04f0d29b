//! Exports of the lists in other formats, with all their filters: CSV (`/trips.csv`,
//! `/legs.csv`, `/meetings.csv`), GeoJSON (`/legs.geojson`, `/trips/{id}.geojson`) and
//! iCalendar (`/meetings.ics`, `/trips/{id}.ics`). The plain list routes answer in these
//! formats too when the `Accept` header asks for them: [`negotiate`] rewrites such a request
//! to the export route before routing. An export holds every matching item unless the query
//! gives `limit`/`offset`.

use axum::extract::{Request, State};
use axum::http::header::{ACCEPT, CONTENT_DISPOSITION, CONTENT_TYPE, HeaderValue};
use axum::http::{Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiPath, ApiQuery};
use super::openapi::{ListErrors, ReadErrors};
use crate::domain::{Id, Leg};
use crate::export::{ExportError, calendar, geo, table};
use crate::store::{LegFilter, MeetingFilter, Page, TripFilter};

/// The media types of the exports.
pub const CSV: &str = "text/csv; charset=utf-8";
pub const GEOJSON: &str = "application/geo+json";
pub const CALENDAR: &str = "text/calendar; charset=utf-8";

/// The routes of the exports.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(trips_csv))
        .routes(routes!(legs_csv))
        .routes(routes!(meetings_csv))
        .routes(routes!(legs_geojson))
        .routes(routes!(meetings_calendar))
        // mounted where `negotiate` sends `/trips/{id}.geojson` and `.ics`, which are the paths
        // the description documents (see `openapi::ApiDoc`)
        .route("/trips/{id}/export/geojson", get(trip_geojson))
        .route("/trips/{id}/export/ics", get(trip_calendar))
}

impl From<ExportError> for ApiError {
    fn from(error: ExportError) -> Self {
        Self::Internal(error.to_string())
    }
}

fn file(media_type: &'static str, name: &str, body: impl Into<axum::body::Body>) -> Response {
    let disposition = format!("inline; filename=\"{name}\"");
    let mut response = body.into().into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(media_type));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    response
}

/// The page an export covers: everything, unless the query pages it explicitly.
fn export_page(uri: &Uri, page: Page) -> Page {
    let query = uri.query().unwrap_or_default();
    let paged = query
        .split('&')
        .any(|pair| pair.starts_with("limit=") || pair.starts_with("offset="));
    if paged {
        page
    } else {
        Page {
            limit: usize::MAX,
            offset: 0,
            ..page
        }
    }
}

#[utoipa::path(
    get,
    path = "/trips.csv",
    tag = "exports",
    summary = "Trips as CSV (the Office of the Historian's columns first)",
    params(TripFilter, Page),
    responses(
        (status = 200, description = "Trips as CSV (the Office of the Historian's columns first)", content_type = "text/csv", body = String),
        ListErrors,
    )
)]
async fn trips_csv(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(TripFilter, Page)>,
) -> Result<Response, ApiError> {
    let trips = state
        .store
        .list_trips(&filter, &export_page(&uri, page))
        .items;
    let mut rows = Vec::with_capacity(trips.len());
    for trip in &trips {
        let legs = state.store.trip_legs(trip.id)?;
        rows.push(table::TripRow {
            trip,
            locales: locales(&legs),
        });
    }
    Ok(file(CSV, "trips.csv", table::trips(&rows)?))
}

/// The places a trip went to, in order, each once.
fn locales(legs: &[Leg]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for place in legs.iter().filter_map(|leg| leg.destination.as_ref()) {
        if !names.contains(&place.name) {
            names.push(place.name.clone());
        }
    }
    names
}

#[utoipa::path(
    get,
    path = "/legs.csv",
    tag = "exports",
    summary = "Legs as CSV",
    params(LegFilter, Page),
    responses(
        (status = 200, description = "Legs as CSV", content_type = "text/csv", body = String),
        ListErrors,
    )
)]
async fn legs_csv(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(LegFilter, Page)>,
) -> Result<Response, ApiError> {
    let legs = state
        .store
        .list_legs(&filter, &export_page(&uri, page))
        .items;
    Ok(file(CSV, "legs.csv", table::legs(&legs)?))
}

#[utoipa::path(
    get,
    path = "/meetings.csv",
    tag = "exports",
    summary = "Meetings as CSV",
    params(MeetingFilter, Page),
    responses(
        (status = 200, description = "Meetings as CSV", content_type = "text/csv", body = String),
        ListErrors,
    )
)]
async fn meetings_csv(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(MeetingFilter, Page)>,
) -> Result<Response, ApiError> {
    let meetings = state
        .store
        .list_meetings(&filter, &export_page(&uri, page))
        .items;
    Ok(file(CSV, "meetings.csv", table::meetings(&meetings)?))
}

#[utoipa::path(
    get,
    path = "/legs.geojson",
    tag = "exports",
    summary = "Legs as a GeoJSON FeatureCollection (unlocated legs in `unlocated`)",
    params(LegFilter, Page),
    responses(
        (status = 200, description = "Legs as a GeoJSON FeatureCollection (unlocated legs in `unlocated`)", content_type = "application/geo+json", body = serde_json::Value),
        ListErrors,
    )
)]
async fn legs_geojson(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(LegFilter, Page)>,
) -> Result<Response, ApiError> {
    let legs = state
        .store
        .list_legs(&filter, &export_page(&uri, page))
        .items;
    let body = serde_json::to_vec(&geo::legs(&legs)).map_err(ExportError::from)?;
    Ok(file(GEOJSON, "legs.geojson", body))
}

#[utoipa::path(
    get,
    path = "/meetings.ics",
    tag = "exports",
    summary = "Meetings as an iCalendar file (one all-day VEVENT each)",
    params(MeetingFilter, Page),
    responses(
        (status = 200, description = "Meetings as an iCalendar file (one all-day VEVENT each)", content_type = "text/calendar", body = String),
        ListErrors,
    )
)]
async fn meetings_calendar(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((filter, page)): ApiQuery<(MeetingFilter, Page)>,
) -> Result<Response, ApiError> {
    let meetings = state
        .store
        .list_meetings(&filter, &export_page(&uri, page))
        .items;
    Ok(file(
        CALENDAR,
        "meetings.ics",
        calendar::calendar("itinerary meetings", &meetings, &[]),
    ))
}

#[utoipa::path(
    get,
    path = "/trips/{id}.geojson",
    tag = "exports",
    summary = "A trip's legs as GeoJSON",
    params(("id" = i64, Path, description = "The trip's id")),
    responses(
        (status = 200, description = "A trip's legs as GeoJSON", content_type = "application/geo+json", body = serde_json::Value),
        ReadErrors,
    )
)]
async fn trip_geojson(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
) -> Result<Response, ApiError> {
    let legs = state.store.trip_legs(id)?;
    let body = serde_json::to_vec(&geo::legs(&legs)).map_err(ExportError::from)?;
    Ok(file(GEOJSON, &format!("trip-{id}.geojson"), body))
}

#[utoipa::path(
    get,
    path = "/trips/{id}.ics",
    tag = "exports",
    summary = "A trip's meetings and legs as iCalendar",
    params(("id" = i64, Path, description = "The trip's id")),
    responses(
        (status = 200, description = "A trip's meetings and legs as iCalendar", content_type = "text/calendar", body = String),
        ReadErrors,
    )
)]
async fn trip_calendar(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Id>,
) -> Result<Response, ApiError> {
    let detail = state.store.trip_detail(id)?;
    let name = detail
        .trip
        .title
        .clone()
        .unwrap_or_else(|| format!("trip {id}"));
    let body = calendar::calendar(&name, &detail.meetings, &detail.legs);
    Ok(file(CALENDAR, &format!("trip-{id}.ics"), body))
}

/// The formats an `Accept` header can ask of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wanted {
    Json,
    Csv,
    GeoJson,
    Calendar,
}

/// The client's preferred media type among those we serve, by `q` value then order.
fn preferred(accept: &str) -> Wanted {
    let mut choices: Vec<(f32, usize, Wanted)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(order, item)| {
            let mut parts = item.split(';').map(str::trim);
            let media = parts.next()?.to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.strip_prefix("q="))
                .find_map(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let wanted = match media.as_str() {
                "text/csv" => Wanted::Csv,
                "application/geo+json" => Wanted::GeoJson,
                "text/calendar" => Wanted::Calendar,
                "application/json" | "application/*" | "*/*" => Wanted::Json,
                _ => return None,
            };
            (q > 0.0).then_some((q, order, wanted))
        })
        .collect();
    choices.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    choices.first().map_or(Wanted::Json, |c| c.2)
}

/// The export route serving `path` in format `wanted`, if there is one. `/trips/{id}.ext`
/// always maps to its export route, whatever the `Accept` header.
fn export_path(path: &str, wanted: Wanted) -> Option<String> {
    if let Some(rest) = path.strip_prefix("/trips/") {
        let (id, extension) = match rest.split_once('.') {
            Some((id, "geojson")) => (id, Wanted::GeoJson),
            Some((id, "ics")) => (id, Wanted::Calendar),
            Some(_) => return None,
            None => (rest, wanted),
        };
        if id.is_empty() || id.contains('/') {
            return None;
        }
        return match extension {
            Wanted::GeoJson => Some(format!("/trips/{id}/export/geojson")),
            Wanted::Calendar => Some(format!("/trips/{id}/export/ics")),
            _ => None,
        };
    }
    let extension = match (path, wanted) {
        ("/trips" | "/legs" | "/meetings", Wanted::Csv) => "csv",
        ("/legs", Wanted::GeoJson) => "geojson",
        ("/meetings", Wanted::Calendar) => "ics",
        _ => return None,
    };
    Some(format!("{path}.{extension}"))
}

/// Rewrites a GET of a list (or of a trip) whose `Accept` header prefers an export format,
/// and a GET of `/trips/{id}.geojson` or `.ics`, to the route that serves it.
pub async fn negotiate(mut request: Request) -> Request {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return request;
    }
    let accept = request.headers().get(ACCEPT).and_then(|v| v.to_str().ok());
    let wanted = accept.map_or(Wanted::Json, preferred);
    let Some(path) = export_path(request.uri().path(), wanted) else {
        return request;
    };
    let target = match request.uri().query() {
        Some(query) => format!("{path}?{query}"),
        None => path,
    };
    if let Ok(uri) = target.parse::<Uri>() {
        *request.uri_mut() = uri;
    }
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_headers_pick_the_best_format_we_serve() {
        assert_eq!(preferred("text/csv"), Wanted::Csv);
        assert_eq!(preferred("application/json, text/csv"), Wanted::Json);
        assert_eq!(
            preferred("application/json;q=0.5, text/calendar"),
            Wanted::Calendar
        );
        assert_eq!(preferred("text/html, */*;q=0.8"), Wanted::Json);
        assert_eq!(preferred("application/geo+json;q=0"), Wanted::Json);
    }

    #[test]
    fn lists_and_trips_map_to_their_export_routes() {
        assert_eq!(
            export_path("/meetings", Wanted::Csv).as_deref(),
            Some("/meetings.csv")
        );
        assert_eq!(
            export_path("/legs", Wanted::GeoJson).as_deref(),
            Some("/legs.geojson")
        );
        assert_eq!(export_path("/meetings", Wanted::GeoJson), None);
        assert_eq!(
            export_path("/trips/4.ics", Wanted::Json).as_deref(),
            Some("/trips/4/export/ics")
        );
        assert_eq!(
            export_path("/trips/4", Wanted::GeoJson).as_deref(),
            Some("/trips/4/export/geojson")
        );
        assert_eq!(export_path("/trips/4/legs", Wanted::Csv), None);
        assert_eq!(export_path("/trips/4", Wanted::Json), None);
    }
}
