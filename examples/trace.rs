//! Prints how extraction read each sentence of a document (actors, places, dates, the leg and
//! meeting facts) and what it yielded, to find why a rule misfired:
//!
//! ```sh
//! cargo run --release --example trace -- some-report.txt
//! ```

use itinerary::domain::Document;
use itinerary::extract::extract_with;
use itinerary::gazetteer::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let doc = Document::parse(&path, text)?;
        let (extraction, lines) = extract_with(&doc, Gazetteer::global(), true);
        for line in lines {
            println!("{line}");
        }
        for leg in &extraction.legs {
            let name = |p: &Option<itinerary::domain::Place>| {
                p.as_ref().map_or("?".to_owned(), |p| p.name.clone())
            };
            println!(
                "LEG {} -> {} {:?} {:?}",
                name(&leg.origin),
                name(&leg.destination),
                leg.date,
                leg.status
            );
        }
    }
    Ok(())
}
