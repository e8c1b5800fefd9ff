//! `records`: rows of a CSV file or a JSON array of objects — events,
//! sessions, NRI lists, labelled sessions — read through the column
//! mapping of the manifest entry (`[document.columns]`).
//!
//! Each row becomes a session, a message or a statement (the mapping's
//! `kind`), filed under the meeting of its own date or year. Values that are
//! wrong or unusual in the source are kept as written, with a diagnostic
//! naming the row and the column, and never guessed: a date with month
//! names in French or Spanish is read and said to be; a year that is not
//! one ("2013-14", "20013") leaves the row to the manifest's meeting, or
//! out when the manifest gives none; an empty title stays empty. A row's
//! span covers its line(s) in the file.
//!
//! Without a mapping, a column whose header is a field's name (in any
//! case: `title`, `year`, `type` …) holds that field.

use crate::ParseError;
use crate::blocks::{Builder, fold_spaces};
use crate::by_session::session_type;
use crate::dates::{self, DateCell, Language};
use crate::programme::{add_speaker, split_names};
use igfkg_model::{
    ColumnMapping, Extraction, Meeting, MessageKind, RoleKind, RowKind, Session, SessionDetails,
    SessionType, SourceDocument,
};
use igfkg_sources::SourceText;
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

mod add;
mod read;

use add::*;
use read::*;

/// A cell: its text, or its items for a JSON array.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Items(Vec<String>),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Items(items) => items.join("; "),
        }
    }
}

/// A row: where it is written and its cells by field.
struct Row {
    /// From 1, the header not counted.
    number: usize,
    start: usize,
    end: usize,
    cells: BTreeMap<&'static str, Cell>,
}

/// Parses a `records` document.
///
/// # Errors
/// A CSV file that is not CSV, a JSON file that is not JSON or whose
/// pointer does not lead to an array, or a mapping that names a column the
/// file does not have.
pub(crate) fn parse(
    document: &SourceDocument,
    text: &SourceText,
    meetings: &[Meeting],
) -> Result<Extraction, ParseError> {
    let mut b = Builder::new(document, text).with_meetings(meetings);
    let source = text.as_str();
    let json = document.path.to_lowercase().ends_with(".json")
        || source
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with(['[', '{']);
    let mapping = document.columns.clone();
    let (mapping, rows) = if json {
        json_rows(text, mapping)?
    } else {
        csv_rows(text, mapping)?
    };
    if rows.is_empty() {
        b.warn(0, "the file has no rows");
    }
    for row in rows {
        add_row(&mut b, &mapping, &row);
    }
    Ok(b.finish())
}

fn error(text: &SourceText, offset: usize, message: String) -> ParseError {
    let (line, column) = text.position(offset);
    ParseError {
        path: text.path().to_owned(),
        line,
        column,
        message,
    }
}

/// The mapping of the manifest, or else the columns named like fields.
fn mapping_for(given: Option<ColumnMapping>, headers: &[String]) -> ColumnMapping {
    if let Some(mapping) = given {
        return mapping;
    }
    let named = |field: &str| {
        headers
            .iter()
            .find(|h| h.trim().eq_ignore_ascii_case(field))
            .cloned()
    };
    ColumnMapping {
        title: named("title"),
        date: named("date"),
        year: named("year"),
        session_type: named("type"),
        number: named("number"),
        place: named("place"),
        room: named("room"),
        time: named("time"),
        speakers: named("speakers"),
        nri: named("nri"),
        organization: named("organization").or_else(|| named("organisation")),
        text: named("text"),
        ..ColumnMapping::default()
    }
}

fn missing_columns(
    text: &SourceText,
    mapping: &ColumnMapping,
    has: impl Fn(&str) -> bool,
    found: &[String],
) -> Result<(), ParseError> {
    let missing: Vec<String> = mapping
        .columns()
        .into_iter()
        .filter(|(_, column)| !has(column))
        .map(|(field, column)| format!("{field} = {column:?}"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(error(
        text,
        0,
        format!(
            "the manifest's [document.columns] names columns the file does not have ({}); its columns are {}",
            missing.join(", "),
            found
                .iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}
