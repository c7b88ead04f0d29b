//! Fuzzes extraction: any UTF-8 body after a valid header must extract without panicking,
//! every source span must quote its sentence, and assembling the result must not panic.

#![no_main]

use itinerary::domain::Document;
use itinerary::extract::{assemble, extract};
use itinerary::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = Document::parse("fuzz.txt", format!(" date 2022-05-06 {body}")) else {
        return;
    };
    let extraction = extract(&doc, Gazetteer::global());
    let sources = extraction
        .legs
        .iter()
        .filter_map(|l| l.source.as_ref())
        .chain(extraction.meetings.iter().filter_map(|m| m.source.as_ref()));
    for source in sources {
        assert_eq!(doc.text.get(source.start..source.end), Some(source.sentence.as_str()));
    }
    let _ = assemble(&[extraction]);
});
