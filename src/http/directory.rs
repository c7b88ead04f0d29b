//! `/people`, `/people/{id}`, `/places` and `/stats`: who the travellers met, where they went,
//! and counts for charts, computed from the meetings and legs that match the filters.

use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiPath, ApiQuery, FromQuery, Params};
use super::list::ListResponse;
use super::openapi::{ListErrors, ReadErrors};
use crate::domain::Meeting;
use crate::overview::{self, Person, Stats, VisitedPlace};
use crate::store::{LegFilter, Listing, MeetingFilter, Page, TextQuery, TripFilter};

/// The routes of this resource.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_people))
        .routes(routes!(get_person))
        .routes(routes!(list_places))
        .routes(routes!(get_stats))
}

/// `?q=`: people whose name, role or country matches; `traveller=`: met by that traveller.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    /// Words of the name, role or country.
    #[param(value_type = Option<String>)]
    q: Option<TextQuery>,
    /// Traveller name or role.
    #[param(value_type = Option<String>)]
    traveller: Option<TextQuery>,
}

impl FromQuery for PeopleQuery {
    fn from_query(params: &mut Params) -> Self {
        Self {
            q: params.text("q"),
            traveller: params.text("traveller"),
        }
    }
}

/// `?q=`: places whose name or country matches; `traveller=`: visited by that traveller.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlacesQuery {
    /// Words of the name, role or country.
    #[param(value_type = Option<String>)]
    q: Option<TextQuery>,
    /// Traveller name or role.
    #[param(value_type = Option<String>)]
    traveller: Option<TextQuery>,
}

impl FromQuery for PlacesQuery {
    fn from_query(params: &mut Params) -> Self {
        Self {
            q: params.text("q"),
            traveller: params.text("traveller"),
        }
    }
}

/// `?traveller=&from=&to=`: what the counts cover.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// Traveller name or role.
    #[param(value_type = Option<String>)]
    traveller: Option<TextQuery>,
    /// Inclusive start date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    from: Option<chrono::NaiveDate>,
    /// Inclusive end date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    to: Option<chrono::NaiveDate>,
}

impl FromQuery for StatsQuery {
    fn from_query(params: &mut Params) -> Self {
        let (from, to) = params.date_range();
        Self {
            traveller: params.text("traveller"),
            from,
            to,
        }
    }
}

const EVERYTHING: Page = Page {
    sort: crate::store::Sort::Date,
    limit: usize::MAX,
    offset: 0,
};

fn meetings_of(state: &AppState, traveller: Option<TextQuery>) -> Vec<Meeting> {
    let filter = MeetingFilter {
        traveller,
        ..MeetingFilter::default()
    };
    state.store.list_meetings(&filter, &EVERYTHING).items
}

#[utoipa::path(
    get,
    path = "/people",
    tag = "overview",
    summary = "Everyone the travellers met",
    params(PeopleQuery, Page),
    responses(
        (status = 200, description = "A page of items, in order", body = [Person], headers(("X-Total-Count" = u64, description = "How many items match in all"), ("Link" = String, description = "RFC 8288 links to the first, prev, next and last pages"))),
        ListErrors,
    )
)]
async fn list_people(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((query, page)): ApiQuery<(PeopleQuery, Page)>,
) -> ListResponse<Person> {
    let people: Vec<Person> = overview::people(&meetings_of(&state, query.traveller))
        .into_iter()
        .filter(|p| {
            query
                .q
                .as_ref()
                .is_none_or(|q| q.matches_any(&person_texts(p)))
        })
        .collect();
    ListResponse::new(Listing::paged(people, &page), page, uri)
}

fn person_texts(person: &Person) -> Vec<&str> {
    let names = std::iter::once(person.name.as_str());
    names
        .chain(person.roles.iter().map(String::as_str))
        .chain(person.countries.iter().map(String::as_str))
        .collect()
}

/// A person with the meetings they took part in, in date order.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonDetail {
    #[serde(flatten)]
    pub person: Person,
    pub meetings: Vec<Meeting>,
}

#[utoipa::path(
    get,
    path = "/people/{id}",
    tag = "overview",
    summary = "A person with their meetings",
    params(("id" = String, Path, description = "The person's id, as `/people` gives it (`sergey-lavrov`)")),
    responses(
        (status = 200, description = "The person", body = PersonDetail),
        ReadErrors,
    )
)]
async fn get_person(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<PersonDetail>, ApiError> {
    let meetings = meetings_of(&state, None);
    let person = overview::people(&meetings)
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| ApiError::NotFound(format!("person {id} does not exist")))?;
    let meetings = meetings
        .into_iter()
        .filter(|m| person.meeting_ids.contains(&m.id))
        .collect();
    Ok(Json(PersonDetail { person, meetings }))
}

#[utoipa::path(
    get,
    path = "/places",
    tag = "overview",
    summary = "Places visited, with coordinates and counts",
    params(PlacesQuery, Page),
    responses(
        (status = 200, description = "A page of items, in order", body = [VisitedPlace], headers(("X-Total-Count" = u64, description = "How many items match in all"), ("Link" = String, description = "RFC 8288 links to the first, prev, next and last pages"))),
        ListErrors,
    )
)]
async fn list_places(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery((query, page)): ApiQuery<(PlacesQuery, Page)>,
) -> ListResponse<VisitedPlace> {
    let legs = state.store.list_legs(
        &LegFilter {
            traveller: query.traveller.clone(),
            ..LegFilter::default()
        },
        &EVERYTHING,
    );
    let meetings = meetings_of(&state, query.traveller);
    let places: Vec<VisitedPlace> = overview::places(&legs.items, &meetings)
        .into_iter()
        .filter(|p| {
            query.q.as_ref().is_none_or(|q| {
                q.matches_any(
                    &[Some(p.name.as_str()), p.country.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>(),
                )
            })
        })
        .collect();
    ListResponse::new(Listing::paged(places, &page), page, uri)
}

#[utoipa::path(
    get,
    path = "/stats",
    tag = "overview",
    summary = "Counts per country and per year, for charts",
    params(StatsQuery),
    responses(
        (status = 200, description = "The counts", body = Stats),
        ListErrors,
    )
)]
async fn get_stats(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<StatsQuery>,
) -> Json<Stats> {
    let StatsQuery {
        traveller,
        from,
        to,
    } = query;
    let trips = state.store.list_trips(
        &TripFilter {
            traveller: traveller.clone(),
            from,
            to,
            ..TripFilter::default()
        },
        &EVERYTHING,
    );
    let legs = state.store.list_legs(
        &LegFilter {
            traveller: traveller.clone(),
            from,
            to,
            ..LegFilter::default()
        },
        &EVERYTHING,
    );
    let meetings = state.store.list_meetings(
        &MeetingFilter {
            traveller,
            from,
            to,
            ..MeetingFilter::default()
        },
        &EVERYTHING,
    );
    Json(overview::stats(&trips.items, &legs.items, &meetings.items))
}
