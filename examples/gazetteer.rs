//! Looks names up in the embedded gazetteer, or lists the place mentions of a text file, and
//! reports how long loading took. Also the way the README measures resident memory:
//!
//! ```sh
//! cargo run --release --example gazetteer -- resolve Moscow US
//! cargo run --release --example gazetteer -- mentions some-release.txt
//! /usr/bin/time -v target/release/examples/gazetteer resolve Kyiv   # "Maximum resident set size"
//! ```

use std::time::Instant;

use itinerary::gazetteer::Gazetteer;

/// The allocator the `itinerary` binary ships with, so that the counts are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let started = Instant::now();
    let g = Gazetteer::global();
    eprintln!(
        "loaded in {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    match args.first().map(String::as_str) {
        Some("resolve") if args.len() >= 2 => {
            let context: Vec<&str> = args[2..].iter().map(String::as_str).collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&g.resolve(&args[1], &context))?
            );
        }
        Some("mentions") if args.len() == 2 => {
            let text = std::fs::read_to_string(&args[1])?;
            for m in g.mentions(&text) {
                let place = &m.place;
                println!(
                    "{:>6}..{:<6} {:<32} {:?} {} {}{}",
                    m.span.start,
                    m.span.end,
                    &text[m.span.clone()],
                    m.kind,
                    place.country_code.as_deref().unwrap_or("--"),
                    m.population
                        .map(|p| format!("pop {p} "))
                        .unwrap_or_default(),
                    if m.ambiguous { "ambiguous" } else { "" }
                );
            }
        }
        _ => eprintln!("usage: gazetteer resolve NAME [CONTEXT_CODE...] | mentions FILE"),
    }
    Ok(())
}
