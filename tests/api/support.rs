//! The test server and client: `spawn_app` starts a real server over a store, `TestApp` has
//! one method per endpoint. `sample_store` holds two trips written for these tests.

use chrono::NaiveDate;
use itinerary::domain::{
    KeyedDraft, LegDraft, MeetingDraft, MeetingKind, Mode, PartOfDay, Participant, Place, Source,
    Status, Traveller, TripDraft,
};
use itinerary::store::sql::Backend;
use itinerary::{AppState, Store};
use reqwest::{Client, Method, RequestBuilder, Response};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A running server; dropping it shuts the server down.
pub struct TestApp {
    pub base: String,
    pub client: Client,
    _stop: oneshot::Sender<()>,
}

/// Starts a server over `store` on 127.0.0.1:0.
pub async fn spawn_app(store: Store) -> TestApp {
    spawn_state(AppState::new(store)).await
}

/// Starts a server over `state` on 127.0.0.1:0.
pub async fn spawn_state(state: AppState) -> TestApp {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("local addr"));
    let (stop, stopped) = oneshot::channel::<()>();
    let stop_signal = async move {
        let _ = stopped.await;
    };
    tokio::spawn(itinerary::serve(listener, state, stop_signal));
    TestApp {
        base,
        client: Client::new(),
        _stop: stop,
    }
}

/// A server over [`sample_store`].
pub async fn spawn_sample() -> TestApp {
    spawn_app(sample_store().await).await
}

/// A server over an empty store.
pub async fn spawn_empty() -> TestApp {
    spawn_app(new_store().await).await
}

/// An empty store: in memory only, or over SQLite when the suite runs on it
/// (`tests/api_sqlite`: an in-memory database, so every write takes the whole SQL path).
pub async fn new_store() -> Store {
    if !crate::ON_SQLITE {
        return Store::new();
    }
    let backend = Backend::open("sqlite::memory:")
        .await
        .expect("a SQLite database");
    Store::open(backend).await.expect("an empty store")
}

impl TestApp {
    /// A request to `path` (with its query string).
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, format!("{}{path}", self.base))
    }

    async fn send(&self, builder: RequestBuilder) -> Response {
        builder.send().await.expect("request sent")
    }

    pub async fn get(&self, path: &str) -> Response {
        self.send(self.request(Method::GET, path)).await
    }

    async fn write(&self, method: Method, path: &str, body: &Value) -> Response {
        self.send(self.request(method, path).json(body)).await
    }

    pub async fn health(&self) -> Response {
        self.get("/healthz").await
    }

    pub async fn list_trips(&self, query: &str) -> Response {
        self.get(&format!("/trips?{query}")).await
    }

    pub async fn get_trip(&self, id: i64) -> Response {
        self.get(&format!("/trips/{id}")).await
    }

    pub async fn trip_legs(&self, id: i64, query: &str) -> Response {
        self.get(&format!("/trips/{id}/legs?{query}")).await
    }

    pub async fn trip_meetings(&self, id: i64, query: &str) -> Response {
        self.get(&format!("/trips/{id}/meetings?{query}")).await
    }

    pub async fn create_trip(&self, body: &Value) -> Response {
        self.write(Method::POST, "/trips", body).await
    }

    pub async fn replace_trip(&self, id: i64, body: &Value) -> Response {
        self.write(Method::PUT, &format!("/trips/{id}"), body).await
    }

    pub async fn patch_trip(&self, id: i64, patch: &Value) -> Response {
        self.write(Method::PATCH, &format!("/trips/{id}"), patch)
            .await
    }

    pub async fn delete_trip(&self, id: i64) -> Response {
        self.send(self.request(Method::DELETE, &format!("/trips/{id}")))
            .await
    }

    pub async fn list_legs(&self, query: &str) -> Response {
        self.get(&format!("/legs?{query}")).await
    }

    pub async fn get_leg(&self, id: i64) -> Response {
        self.get(&format!("/legs/{id}")).await
    }

    pub async fn create_leg(&self, body: &Value) -> Response {
        self.write(Method::POST, "/legs", body).await
    }

    pub async fn replace_leg(&self, id: i64, body: &Value) -> Response {
        self.write(Method::PUT, &format!("/legs/{id}"), body).await
    }

    pub async fn patch_leg(&self, id: i64, patch: &Value) -> Response {
        self.write(Method::PATCH, &format!("/legs/{id}"), patch)
            .await
    }

    pub async fn delete_leg(&self, id: i64) -> Response {
        self.send(self.request(Method::DELETE, &format!("/legs/{id}")))
            .await
    }

    pub async fn list_meetings(&self, query: &str) -> Response {
        self.get(&format!("/meetings?{query}")).await
    }

    pub async fn get_meeting(&self, id: i64) -> Response {
        self.get(&format!("/meetings/{id}")).await
    }

    pub async fn create_meeting(&self, body: &Value) -> Response {
        self.write(Method::POST, "/meetings", body).await
    }

    pub async fn replace_meeting(&self, id: i64, body: &Value) -> Response {
        self.write(Method::PUT, &format!("/meetings/{id}"), body)
            .await
    }

    pub async fn patch_meeting(&self, id: i64, patch: &Value) -> Response {
        self.write(Method::PATCH, &format!("/meetings/{id}"), patch)
            .await
    }

    pub async fn delete_meeting(&self, id: i64) -> Response {
        self.send(self.request(Method::DELETE, &format!("/meetings/{id}")))
            .await
    }

    pub async fn timeline(&self, query: &str) -> Response {
        self.get(&format!("/timeline?{query}")).await
    }

    /// Creates a trip for `traveller` and returns its id.
    pub async fn new_trip(&self, traveller: &str) -> i64 {
        let response = self
            .create_trip(&json!({"traveller": {"name": traveller, "role": null}}))
            .await;
        assert_eq!(response.status(), 201);
        body(response).await["id"].as_i64().expect("trip id")
    }
}

/// The JSON body of `response`.
pub async fn body(response: Response) -> Value {
    response.json().await.expect("a JSON body")
}

/// A header of `response` as text, `""` when absent.
pub fn header(response: &Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("ASCII header").to_owned())
        .unwrap_or_default()
}

/// The `id`s of a JSON array of items.
pub fn ids(items: &Value) -> Vec<i64> {
    items
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|item| item["id"].as_i64().expect("an id"))
        .collect()
}

/// Asserts a problem+json response with `status`, returning the problem.
pub async fn problem(response: Response, status: u16) -> Value {
    assert_eq!(response.status(), status, "status");
    assert_eq!(
        header(&response, "content-type"),
        "application/problem+json"
    );
    let problem = body(response).await;
    assert_eq!(problem["status"], status);
    assert!(
        problem["type"]
            .as_str()
            .is_some_and(|t| t.starts_with("/problems/"))
    );
    assert!(problem["title"].is_string() && problem["detail"].is_string());
    problem
}

/// The `field`s named in a problem's `errors`.
pub fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .expect("an errors list")
        .iter()
        .map(|e| e["field"].as_str().expect("a field").to_owned())
        .collect()
}

pub fn day(text: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date"))
}

pub fn place(name: &str, country: &str, code: &str) -> Place {
    Place {
        name: name.into(),
        country: Some(country.into()),
        country_code: Some(code.into()),
        lat: None,
        lon: None,
    }
}

fn source(document: &str, start: usize) -> Option<Source> {
    Some(Source {
        document: document.into(),
        sentence: format!("Sentence at {start}."),
        start,
        end: start + 12,
    })
}

fn leg(from: Place, to: Place, date: &str, mode: Option<Mode>, at: usize) -> LegDraft {
    LegDraft {
        origin: Some(from),
        destination: Some(to),
        via: Vec::new(),
        date: if date.is_empty() { None } else { day(date) },
        part_of_day: None,
        mode,
        status: Status::Completed,
        inferred: false,
        source: source("lima.txt", at),
    }
}

fn meeting(
    date: &str,
    part: Option<PartOfDay>,
    at: (Place, usize),
    kind: MeetingKind,
    people: &[(&str, &str, &str)],
) -> MeetingDraft {
    MeetingDraft {
        date: day(date),
        part_of_day: part,
        place: Some(at.0),
        kind,
        participants: people
            .iter()
            .map(|(name, role, country)| Participant {
                name: (*name).into(),
                role: Some((*role).into()),
                country: Some((*country).into()),
            })
            .collect(),
        summary: None,
        status: Status::Completed,
        source: source("lima.txt", at.1),
    }
}

/// Two trips written for these tests. Ids, in order: trip 1 (Ana Lima) with legs 2, 3, 4 and
/// meetings 5, 6, 7; trip 8 (Omar Haddad) with leg 9 and meeting 10.
///
/// Trip 1, 2021-03-01..03: Lisboa → Kraków (air, 1 March), Kraków → Łódź (road, 3 March),
/// Łódź → Vilnius (planned, undated); meetings in Kraków with Jan Nowak (1 March, afternoon)
/// and Zofia Wójcik (2 March, meal), a press event in Łódź (3 March).
/// Trip 8, 2021-02-27..03-05: Amman → Tōkyō (air, 27 Feb), meeting Kenji Satō in Tōkyō (5 March).
pub async fn sample_store() -> Store {
    let lisboa = place("Lisboa", "Portugal", "PT");
    let krakow = place("Kraków", "Poland", "PL");
    let lodz = place("Łódź", "Poland", "PL");
    let vilnius = place("Vilnius", "Lithuania", "LT");
    let mut planned = leg(lodz.clone(), vilnius, "", None, 300);
    planned.status = Status::Planned;
    let ana = TripDraft {
        traveller: Traveller {
            name: "Ana Lima".into(),
            role: Some("Foreign Minister".into()),
        },
        title: Some("Visit to Poland".into()),
        summary: None,
        legs: vec![
            leg(lisboa, krakow.clone(), "2021-03-01", Some(Mode::Air), 10),
            leg(
                krakow.clone(),
                lodz.clone(),
                "2021-03-03",
                Some(Mode::Road),
                200,
            ),
            planned,
        ],
        meetings: vec![
            meeting(
                "2021-03-01",
                Some(PartOfDay::Afternoon),
                (krakow.clone(), 50),
                MeetingKind::Meeting,
                &[("Jan Nowak", "Prime Minister", "Poland")],
            ),
            meeting(
                "2021-03-02",
                None,
                (krakow, 100),
                MeetingKind::Meal,
                &[("Zofia Wójcik", "Mayor", "Poland")],
            ),
            meeting(
                "2021-03-03",
                Some(PartOfDay::Evening),
                (lodz, 250),
                MeetingKind::Press,
                &[],
            ),
        ],
        sources: vec!["lima.txt".into()],
    };
    let tokyo = place("Tōkyō", "Japan", "JP");
    let mut to_tokyo = leg(
        place("Amman", "Jordan", "JO"),
        tokyo.clone(),
        "2021-02-27",
        Some(Mode::Air),
        5,
    );
    to_tokyo.source = None;
    let mut with_sato = meeting(
        "2021-03-05",
        None,
        (tokyo, 0),
        MeetingKind::Meeting,
        &[("Kenji Satō", "Prime Minister", "Japan")],
    );
    with_sato.source = None;
    let omar = TripDraft {
        traveller: Traveller {
            name: "Omar Haddad".into(),
            role: Some("Secretary-General".into()),
        },
        title: None,
        summary: None,
        legs: vec![to_tokyo],
        meetings: vec![with_sato],
        sources: Vec::new(),
    };
    let store = new_store().await;
    if crate::ON_SQLITE {
        let drafts = vec![
            KeyedDraft::new("sample#ana", ana),
            KeyedDraft::new("sample#omar", omar),
        ];
        store.import_keyed(drafts).await.expect("the sample stored");
    } else {
        store.insert_drafts(vec![ana, omar]);
    }
    store
}
