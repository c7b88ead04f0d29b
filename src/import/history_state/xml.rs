//! Reading the dataset's XML files into flat records: one `<trip>` or `<visit>` element
//! becomes a [`RawRecord`] holding its attributes and the text of each child element.
//! Nothing is interpreted here; `records` decides what is valid.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One child element of a record: its name, attributes and text (entities resolved,
/// nested markup such as `<em>` flattened into the text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub text: String,
}

/// One record element as written in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRecord {
    /// Position of the record in its file, from 1: names a record that has no usable id.
    pub ordinal: usize,
    /// Line of the record's start tag, from 1.
    pub line: usize,
    pub attributes: Vec<(String, String)>,
    pub fields: Vec<Field>,
}

impl RawRecord {
    /// The text of the first child element called `name`.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.field(name).map(|f| f.text.as_str())
    }

    /// The first child element called `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The value of the record element's attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        lookup(&self.attributes, name)
    }
}

impl Field {
    /// The value of this element's attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        lookup(&self.attributes, name)
    }
}

fn lookup<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// Why a file could not be read to its end.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("malformed XML at line {line}: {message}")]
pub struct XmlError {
    pub line: usize,
    pub message: String,
}

/// What one file yields: the records read before any error, the elements that were not
/// records, and the error that stopped reading, if any.
#[derive(Debug, Default)]
pub struct FileRecords {
    pub records: Vec<RawRecord>,
    /// Elements directly under the root that are not `record_tag`, with their line.
    pub strays: Vec<(String, usize)>,
    pub error: Option<XmlError>,
}

/// Reads every `record_tag` element directly under the root element of `xml`.
pub fn read_records(xml: &str, record_tag: &str) -> FileRecords {
    let mut parser = Parser::new(xml, record_tag);
    if let Err(error) = parser.run() {
        let position = parser.reader.error_position();
        let line = parser.lines.line_at(xml, position);
        parser.out.error = Some(XmlError {
            line,
            message: error.to_string(),
        });
    }
    parser.out
}

struct Parser<'x> {
    xml: &'x str,
    reader: Reader<&'x [u8]>,
    record_tag: &'x str,
    depth: usize,
    record: Option<RawRecord>,
    field: Option<Field>,
    out: FileRecords,
    lines: LineCounter,
}

/// Line numbers of increasing byte positions, counted incrementally (a file of 500
/// records is scanned once, not once per record).
#[derive(Default)]
struct LineCounter {
    position: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, xml: &str, position: u64) -> usize {
        let end = usize::try_from(position)
            .unwrap_or(usize::MAX)
            .min(xml.len());
        if end < self.position {
            *self = Self::default();
        }
        let newlines = xml.as_bytes()[self.position..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.line += newlines;
        self.position = end;
        self.line + 1
    }
}

impl<'x> Parser<'x> {
    fn new(xml: &'x str, record_tag: &'x str) -> Self {
        Self {
            xml,
            reader: Reader::from_str(xml),
            record_tag,
            depth: 0,
            record: None,
            field: None,
            out: FileRecords::default(),
            lines: LineCounter::default(),
        }
    }

    fn run(&mut self) -> Result<(), quick_xml::Error> {
        loop {
            let position = self.reader.buffer_position();
            match self.reader.read_event()? {
                Event::Start(start) => {
                    self.depth += 1;
                    self.open(&start, position)?;
                }
                Event::Empty(start) => {
                    self.depth += 1;
                    self.open(&start, position)?;
                    self.close();
                    self.depth -= 1;
                }
                Event::End(_) => {
                    self.close();
                    self.depth = self.depth.saturating_sub(1);
                }
                Event::Text(text) => self.push_text(&text.xml10_content()),
                Event::CData(data) => self.push_text(&data),
                Event::GeneralRef(reference) => self.push_reference(&reference)?,
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn open(&mut self, start: &BytesStart<'_>, position: u64) -> Result<(), quick_xml::Error> {
        let name = start.local_name().as_ref().to_owned();
        match self.depth {
            2 if name == self.record_tag => {
                self.record = Some(RawRecord {
                    ordinal: self.out.records.len() + 1,
                    line: self.lines.line_at(self.xml, position),
                    attributes: attributes(start)?,
                    fields: Vec::new(),
                });
            }
            2 => {
                let line = self.lines.line_at(self.xml, position);
                self.out.strays.push((name, line));
            }
            3 if self.record.is_some() => {
                self.field = Some(Field {
                    name,
                    attributes: attributes(start)?,
                    text: String::new(),
                });
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self) {
        match self.depth {
            2 => {
                if let Some(record) = self.record.take() {
                    self.out.records.push(record);
                }
            }
            3 => {
                if let (Some(field), Some(record)) = (self.field.take(), self.record.as_mut()) {
                    record.fields.push(field);
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(field) = self.field.as_mut() {
            field.text.push_str(text);
        }
    }

    fn push_reference(
        &mut self,
        reference: &quick_xml::events::BytesRef<'_>,
    ) -> Result<(), quick_xml::Error> {
        let resolved = match reference.resolve_char_ref()? {
            Some(c) => c.to_string(),
            None => quick_xml::escape::resolve_xml_entity(reference)
                .map(str::to_owned)
                .unwrap_or_else(|| format!("&{};", &**reference)),
        };
        self.push_text(&resolved);
        Ok(())
    }
}

fn attributes(start: &BytesStart<'_>) -> Result<Vec<(String, String)>, quick_xml::Error> {
    start
        .attributes()
        .map(|attribute| {
            let attribute = attribute?;
            let key = attribute.key.local_name().as_ref().to_owned();
            let value = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0)?;
            Ok((key, value.into_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_fields_attributes_and_entities() {
        let xml = "<?xml version=\"1.0\"?>\n<trips>\n  <trip who=\"doe-jane\">\n    \
                   <id>7</id>\n    <country id=\"chad\">Chad</country>\n    \
                   <remarks>Met A &amp; B; saw <em>C</em>&#33;</remarks>\n  </trip>\n</trips>";
        let out = read_records(xml, "trip");
        assert_eq!(out.error, None);
        let record = &out.records[0];
        assert_eq!(record.line, 3);
        assert_eq!(record.attribute("who"), Some("doe-jane"));
        assert_eq!(record.text("id"), Some("7"));
        assert_eq!(
            record.field("country").unwrap().attribute("id"),
            Some("chad")
        );
        assert_eq!(record.text("remarks"), Some("Met A & B; saw C!"));
    }

    #[test]
    fn broken_xml_keeps_earlier_records_and_names_the_line() {
        let xml = "<trips>\n<trip><id>1</id></trip>\n<trip><id>2</id></oops>\n</trips>";
        let out = read_records(xml, "trip");
        assert_eq!(out.records.len(), 1);
        let error = out.error.expect("an error");
        assert_eq!(error.line, 3, "{error}");
    }

    #[test]
    fn other_elements_under_the_root_are_reported() {
        let out = read_records(
            "<trips><note>x</note><trip><id>1</id></trip></trips>",
            "trip",
        );
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.strays, vec![("note".to_owned(), 1)]);
    }
}
