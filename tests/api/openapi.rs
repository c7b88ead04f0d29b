//! The OpenAPI description: served at `/openapi.json`, valid OpenAPI 3.1, covering every
//! route, parameter and error; and the offline reference page at `/docs`.

use std::process::Command;

use serde_json::Value;

use crate::support::{body, header, spawn_sample};

const EVERY_PATH: [&str; 23] = [
    "/healthz",
    "/trips",
    "/trips/{id}",
    "/trips/{id}/legs",
    "/trips/{id}/meetings",
    "/trips/{id}.geojson",
    "/trips/{id}.ics",
    "/trips.csv",
    "/legs",
    "/legs/{id}",
    "/legs.csv",
    "/legs.geojson",
    "/meetings",
    "/meetings/{id}",
    "/meetings.csv",
    "/meetings.ics",
    "/timeline",
    "/people",
    "/people/{id}",
    "/places",
    "/stats",
    "/documents",
    "/documents/{id}",
];

async fn description() -> Value {
    let app = spawn_sample().await;
    let response = app.get("/openapi.json").await;
    assert_eq!(response.status(), 200);
    body(response).await
}

#[tokio::test]
async fn the_description_covers_every_route_with_its_errors() {
    let doc = description().await;
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")),
        "{}",
        doc["openapi"]
    );
    for path in EVERY_PATH {
        assert!(doc["paths"][path].is_object(), "{path} is not described");
    }
    let write = &doc["paths"]["/meetings/{id}"]["patch"];
    for status in ["401", "404", "412", "415", "422"] {
        let problem = &write["responses"][status]["content"]["application/problem+json"];
        assert!(
            problem.is_object(),
            "PATCH /meetings/{{id}} does not describe {status}"
        );
    }
    let list_params: Vec<&str> = doc["paths"]["/meetings"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "participant",
        "place",
        "country",
        "kind",
        "from",
        "to",
        "q",
        "sort",
        "limit",
        "offset",
    ] {
        assert!(
            list_params.contains(&name),
            "/meetings does not describe `{name}`"
        );
    }
    for schema in ["Trip", "Leg", "Meeting", "Place", "Problem", "NewMeeting"] {
        assert!(
            doc["components"]["schemas"][schema].is_object(),
            "no {schema} schema"
        );
    }
}

/// A value the parameter accepts, by its schema, so that only unknown names could fail.
fn sample_value(parameter: &Value) -> &'static str {
    let schema = &parameter["schema"];
    let types = format!("{}{}", schema["type"], schema["$ref"]);
    if schema["format"] == "date" {
        "2021-03-01"
    } else if types.contains("integer") || types.ends_with("/i64\"") {
        "1"
    } else {
        match parameter["name"].as_str() {
            Some("sort") => "-date",
            Some("mode") => "air",
            Some("status") => "planned",
            Some("kind") => "meal",
            _ => "lima",
        }
    }
}

#[tokio::test]
async fn every_described_query_parameter_is_accepted() {
    let doc = description().await;
    let app = spawn_sample().await;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let Some(parameters) = item["get"]["parameters"].as_array() else {
            continue;
        };
        let concrete = path.replace(
            "{id}",
            if path.starts_with("/people") {
                "jan-nowak"
            } else {
                "1"
            },
        );
        for parameter in parameters.iter().filter(|p| p["in"] == "query") {
            let name = parameter["name"].as_str().unwrap();
            let url = format!("{concrete}?{name}={}", sample_value(parameter));
            let response = app.get(&url).await;
            assert_eq!(
                response.status(),
                200,
                "GET {url} should accept its described parameter"
            );
        }
    }
}

#[tokio::test]
async fn the_description_validates_as_openapi_3_1() {
    let doc = description().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("openapi.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    let run = Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(&path)
        .output();
    match run {
        Ok(out) if out.status.success() => {}
        Ok(out) if String::from_utf8_lossy(&out.stderr).contains("No module named") => {
            let message =
                "openapi-spec-validator is not installed (pip install openapi-spec-validator)";
            assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
            eprintln!("skipped: {message}");
        }
        Ok(out) => panic!(
            "the description is not valid OpenAPI:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "python3 is needed: {e}"
            );
            eprintln!("skipped: python3 is not available ({e})");
        }
    }
}

#[tokio::test]
async fn the_reference_page_works_offline() {
    let app = spawn_sample().await;
    let page = app.get("/docs/").await;
    assert_eq!(page.status(), 200);
    assert!(header(&page, "content-type").starts_with("text/html"));
    let html = page.text().await.unwrap();
    assert!(
        !html.contains("https://"),
        "no asset is fetched from the network"
    );
    let script = app.get("/docs/swagger-ui-bundle.js").await;
    assert_eq!(
        script.status(),
        200,
        "the assets are served from the binary"
    );
}
