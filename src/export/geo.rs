//! GeoJSON export (RFC 7946): each leg a LineString from origin through its stopovers to its
//! destination (a MultiLineString when it crosses the antimeridian, split there as §3.1.9
//! asks), each place a Point. Legs that cannot be drawn are listed in the `unlocated`
//! foreign member with the reason, never silently dropped.

use geojson::{Feature, FeatureCollection, Geometry, JsonObject, feature};
use serde_json::{Value, json};

use crate::domain::{Leg, Place, enum_name};
use crate::fold::fold;

/// A longitude/latitude pair, in GeoJSON's order.
type Position = [f64; 2];

fn position(place: &Place) -> Option<Position> {
    Some([place.lon?, place.lat?])
}

/// Legs (and the places they touch) as a FeatureCollection.
pub fn legs(legs: &[Leg]) -> FeatureCollection {
    let mut features = Vec::new();
    let mut places: Vec<&Place> = Vec::new();
    let mut unlocated = Vec::new();
    for leg in legs {
        match leg_path(leg) {
            Ok(path) => {
                features.push(leg_feature(leg, &path));
                let stops = leg
                    .origin
                    .iter()
                    .chain(&leg.via)
                    .chain(leg.destination.iter());
                for place in stops.filter(|p| position(p).is_some()) {
                    if !places.iter().any(|known| same_place(known, place)) {
                        places.push(place);
                    }
                }
            }
            Err(reason) => unlocated.push(unlocated_entry(leg, reason)),
        }
    }
    features.extend(places.into_iter().map(place_feature));
    let mut collection = FeatureCollection::new(features);
    let mut members = JsonObject::new();
    members.insert("unlocated".to_owned(), Value::Array(unlocated));
    collection.foreign_members = Some(members);
    collection
}

fn same_place(a: &Place, b: &Place) -> bool {
    fold(&a.name) == fold(&b.name) && position(a) == position(b)
}

/// The positions of a leg in order, or why it cannot be drawn. Stopovers without coordinates
/// are skipped: the line still joins the known points.
fn leg_path(leg: &Leg) -> Result<Vec<Position>, &'static str> {
    let origin = leg.origin.as_ref().ok_or("origin unknown")?;
    let destination = leg.destination.as_ref().ok_or("destination unknown")?;
    let start = position(origin).ok_or("origin has no coordinates")?;
    let end = position(destination).ok_or("destination has no coordinates")?;
    let mut path = vec![start];
    path.extend(leg.via.iter().filter_map(position));
    path.push(end);
    Ok(path)
}

fn leg_feature(leg: &Leg, path: &[Position]) -> Feature {
    let parts = split_at_antimeridian(path);
    let geometry = match parts.as_slice() {
        [single] => Geometry::new_line_string(single.iter().copied()),
        _ => Geometry::new_multi_line_string(parts.iter().map(|part| part.iter().copied())),
    };
    Feature {
        bbox: None,
        geometry: Some(geometry),
        id: Some(feature::Id::String(format!("leg-{}", leg.id))),
        properties: Some(leg_properties(leg)),
        foreign_members: None,
    }
}

fn leg_properties(leg: &Leg) -> JsonObject {
    let name = |place: &Option<Place>| place.as_ref().map(|p| p.name.clone());
    let properties = json!({
        "feature_type": "leg",
        "id": leg.id,
        "trip_id": leg.trip_id,
        "seq": leg.seq,
        "date": leg.date,
        "part_of_day": leg.part_of_day.as_ref().map(enum_name),
        "mode": leg.mode.as_ref().map(enum_name),
        "status": enum_name(&leg.status),
        "inferred": leg.inferred,
        "origin": name(&leg.origin),
        "destination": name(&leg.destination),
        "via": leg.via.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
    });
    match properties {
        Value::Object(map) => map,
        _ => JsonObject::new(),
    }
}

fn place_feature(place: &Place) -> Feature {
    let properties = json!({
        "feature_type": "place",
        "name": place.name,
        "country": place.country,
        "country_code": place.country_code,
    });
    Feature {
        bbox: None,
        geometry: position(place).map(Geometry::new_point),
        id: Some(feature::Id::String(format!(
            "place-{}",
            fold(&place.name).replace(' ', "-")
        ))),
        properties: match properties {
            Value::Object(map) => Some(map),
            _ => None,
        },
        foreign_members: None,
    }
}

fn unlocated_entry(leg: &Leg, reason: &str) -> Value {
    let name = |place: &Option<Place>| place.as_ref().map(|p| p.name.clone());
    json!({
        "id": leg.id,
        "trip_id": leg.trip_id,
        "seq": leg.seq,
        "date": leg.date,
        "origin": name(&leg.origin),
        "destination": name(&leg.destination),
        "reason": reason,
    })
}

/// Splits a path where a segment crosses the antimeridian (a longitude jump of more than
/// 180°, the short way round), interpolating the latitude at ±180.
fn split_at_antimeridian(path: &[Position]) -> Vec<Vec<Position>> {
    let mut parts = vec![Vec::new()];
    for (i, &point) in path.iter().enumerate() {
        if let Some(&previous) = i.checked_sub(1).and_then(|j| path.get(j)) {
            let delta = point[0] - previous[0];
            if delta.abs() > 180.0 {
                let edge = if delta > 0.0 { -180.0 } else { 180.0 };
                let unwrapped = point[0] - 360.0 * delta.signum();
                let t = (edge - previous[0]) / (unwrapped - previous[0]);
                let lat = previous[1] + t * (point[1] - previous[1]);
                if let Some(part) = parts.last_mut() {
                    part.push([edge, lat]);
                }
                parts.push(vec![[-edge, lat]]);
            }
        }
        if let Some(part) = parts.last_mut() {
            part.push(point);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_within_one_hemisphere_stays_whole() {
        let path = [[32.85, 39.93], [37.62, 55.75], [21.99, 50.04]];
        assert_eq!(split_at_antimeridian(&path), vec![path.to_vec()]);
    }

    #[test]
    fn a_path_across_the_pacific_is_split_at_the_antimeridian() {
        // Auckland to Nuku'alofa crosses 180° going east.
        let parts = split_at_antimeridian(&[[174.76, -36.85], [-175.2, -21.14]]);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].last().map(|p| p[0]), Some(180.0));
        assert_eq!(parts[1].first().map(|p| p[0]), Some(-180.0));
        let (lat_west, lat_east) = (parts[0][1][1], parts[1][0][1]);
        assert!((lat_west - lat_east).abs() < 1e-9 && lat_west > -36.85 && lat_west < -21.14);
    }
}
