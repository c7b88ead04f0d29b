//! The API described as OpenAPI 3.1, generated from the handlers' annotations and the
//! types' schemas: `GET /openapi.json`, and `GET /docs`, a reference page whose assets are
//! embedded in the binary (Swagger UI), so it works offline.

use utoipa::openapi::OpenApi as Document;
use utoipa::{IntoResponses, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

use super::error::Problem;

/// The parts of the description no handler carries: title, tags, shared schemas, and the
/// routes whose public path differs from the one they are mounted on.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "itinerary",
        description = "Diplomatic visits as a timeline of trips, travel legs and meetings, read \
                       from press releases, news reports and official records.",
        license(name = "See the repository's README"),
    ),
    tags(
        (name = "trips", description = "Journeys of one traveller, with their legs and meetings"),
        (name = "legs", description = "Movements from one place to another"),
        (name = "meetings", description = "Engagements: talks, meals, press events, ceremonies, visits"),
        (name = "timeline", description = "Days in order with their events"),
        (name = "exports", description = "CSV, GeoJSON and iCalendar renderings of the lists"),
        (name = "overview", description = "People met, places visited, counts for charts"),
        (name = "documents", description = "The texts the timeline was read from"),
        (name = "service", description = "Health and this description"),
    ),
    paths(super::exports::trip_geojson, super::exports::trip_calendar),
    components(schemas(Problem))
)]
pub struct ApiDoc;

/// Errors of a list: a bad query parameter.
// only described, never built: the handlers answer with `ApiError`
#[allow(dead_code)]
#[derive(IntoResponses)]
pub enum ListErrors {
    /// A query parameter is malformed or unknown; `errors` names each.
    #[response(status = 400, content_type = "application/problem+json")]
    BadParameter(#[to_schema] Problem),
}

/// Errors of reading one item.
// only described, never built: the handlers answer with `ApiError`
#[allow(dead_code)]
#[derive(IntoResponses)]
pub enum ReadErrors {
    /// The id is not a positive integer.
    #[response(status = 400, content_type = "application/problem+json")]
    BadParameter(#[to_schema] Problem),
    /// No item has that id.
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(#[to_schema] Problem),
}

/// Errors of a write (create, replace, patch, delete).
// only described, never built: the handlers answer with `ApiError`
#[allow(dead_code)]
#[derive(IntoResponses)]
pub enum WriteErrors {
    /// Malformed JSON, or a malformed id.
    #[response(status = 400, content_type = "application/problem+json")]
    BadRequest(#[to_schema] Problem),
    /// The server has a token and the request did not present it (`WWW-Authenticate` says how).
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(#[to_schema] Problem),
    /// Writes are disabled: no token, and the server listens beyond loopback.
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(#[to_schema] Problem),
    /// No item has that id (replace, patch, delete).
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(#[to_schema] Problem),
    /// `If-Match` names a version that is no longer current; nothing changed.
    #[response(status = 412, content_type = "application/problem+json")]
    PreconditionFailed(#[to_schema] Problem),
    /// The body is over 1 MiB.
    #[response(status = 413, content_type = "application/problem+json")]
    PayloadTooLarge(#[to_schema] Problem),
    /// The body is not JSON.
    #[response(status = 415, content_type = "application/problem+json")]
    UnsupportedMediaType(#[to_schema] Problem),
    /// The body is JSON but not a valid item; `errors` names each bad or unknown field.
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(#[to_schema] Problem),
    /// Too many writes from this client; `Retry-After` says when to retry.
    #[response(status = 429, content_type = "application/problem+json")]
    TooManyRequests(#[to_schema] Problem),
}

/// The description with every path of `paths` added to [`ApiDoc`].
pub fn document(paths: Document) -> Document {
    let mut document = ApiDoc::openapi();
    document.merge(paths);
    document
}

/// `/docs` (the reference page) and `/openapi.json` (the description it shows).
pub fn docs(document: Document) -> SwaggerUi {
    SwaggerUi::new("/docs").url("/openapi.json", document)
}
