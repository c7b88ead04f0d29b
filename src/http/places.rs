//! Places written through the API are completed from the gazetteer: when a place's name
//! resolves (within the country the client gave, if any), the fields the client left out or
//! null (`country`, `country_code`, `lat`, `lon`) are filled; what the client gave is kept.
//! This runs on the raw body, so a merge patch naming a new `origin` brings that place's
//! country along instead of keeping the old one's.

use serde_json::{Map, Value};

use crate::gazetteer::Gazetteer;

/// Completes the places of a leg or meeting body (`origin`, `destination`, `via`, `place`).
pub fn complete_places(body: &mut Value) {
    let Some(object) = body.as_object_mut() else {
        return;
    };
    for field in ["origin", "destination", "place"] {
        if let Some(Value::Object(place)) = object.get_mut(field) {
            complete(place);
        }
    }
    if let Some(Value::Array(via)) = object.get_mut("via") {
        for place in via.iter_mut().filter_map(Value::as_object_mut) {
            complete(place);
        }
    }
}

fn text<'a>(place: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    place
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

fn complete(place: &mut Map<String, Value>) {
    let Some(name) = text(place, "name") else {
        return;
    };
    let gazetteer = Gazetteer::global();
    let given = text(place, "country_code")
        .map(str::to_ascii_uppercase)
        .or_else(|| {
            let country = gazetteer.country(text(place, "country")?)?;
            Some(country.code.clone())
        });
    let context: Vec<&str> = given.iter().map(String::as_str).collect();
    let resolved = gazetteer.resolve(name, &context);
    let Some(code) = resolved.country_code.clone() else {
        return;
    };
    if given.is_some_and(|given| given != code) {
        return;
    }
    let found = [
        ("country", resolved.country.map(Value::from)),
        ("country_code", Some(Value::from(code))),
        ("lat", resolved.lat.map(Value::from)),
        ("lon", resolved.lon.map(Value::from)),
    ];
    for (key, value) in found {
        if let Some(value) = value
            && place.get(key).is_none_or(Value::is_null)
        {
            place.insert(key.to_owned(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_bare_name_gets_its_country_and_coordinates() {
        let mut body = json!({"destination": {"name": "Rzeszów"}, "via": [{"name": "Warsaw"}]});
        complete_places(&mut body);
        assert_eq!(body["destination"]["country_code"], "PL");
        assert!(body["destination"]["lat"].is_number());
        assert_eq!(body["via"][0]["country_code"], "PL");
    }

    #[test]
    fn what_the_client_gave_is_kept_and_unknown_names_stay_bare() {
        let mut body = json!({"place": {"name": "Paris", "country": "France", "lat": 1.0},
            "origin": {"name": "Nowhere-on-Earth"}});
        complete_places(&mut body);
        assert_eq!(body["place"]["lat"], 1.0);
        assert_eq!(body["place"]["country_code"], "FR");
        assert_eq!(body["origin"], json!({"name": "Nowhere-on-Earth"}));
    }

    #[test]
    fn the_given_country_chooses_among_namesakes_or_leaves_the_place_alone() {
        let mut body = json!({"place": {"name": "Paris", "country_code": "US"},
            "origin": {"name": "Rzeszów", "country_code": "US"}});
        complete_places(&mut body);
        assert!(
            body["place"]["lon"].as_f64().is_some_and(|lon| lon < -90.0),
            "{body}"
        );
        assert_eq!(body["origin"].get("lat"), None);
    }
}
