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

fn csv_rows(
    text: &SourceText,
    given: Option<ColumnMapping>,
) -> Result<(ColumnMapping, Vec<Row>), ParseError> {
    let source = text.as_str();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(source.as_bytes());
    let csv_error = |e: csv::Error| {
        let offset = e.position().map_or(0, |p| p.byte() as usize);
        error(
            text,
            offset,
            format!("not a CSV file the way it is written: {e}"),
        )
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
        .collect();
    let mapping = mapping_for(given, &headers);
    missing_columns(text, &mapping, |c| headers.iter().any(|h| h == c), &headers)?;
    let index: Vec<(&'static str, usize)> = mapping
        .columns()
        .into_iter()
        .filter_map(|(field, column)| Some((field, headers.iter().position(|h| h == column)?)))
        .collect();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader.read_record(&mut record).map_err(csv_error)?;
        if !more {
            break;
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let cells = index
            .iter()
            .filter_map(|(field, i)| {
                let value = record.get(*i)?.trim();
                (!value.is_empty()).then(|| (*field, Cell::Text(value.to_owned())))
            })
            .collect();
        rows.push(Row {
            number: rows.len() + 1,
            start,
            end: source.len(),
            cells,
        });
    }
    // A row ends where the next begins, without its line end.
    for i in 0..rows.len() {
        let end = rows.get(i + 1).map_or(source.len(), |next| next.start);
        rows[i].end = rows[i].start + source[rows[i].start..end].trim_end().len();
    }
    Ok((mapping, rows))
}

/// Follows an RFC 6901 pointer through borrowed JSON values.
fn follow<'a>(
    text: &SourceText,
    root: &'a RawValue,
    pointer: &str,
) -> Result<&'a RawValue, ParseError> {
    let source = text.as_str();
    let offset = |raw: &RawValue| raw.get().as_ptr() as usize - source.as_ptr() as usize;
    let mut current = root;
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        let next = if current.get().starts_with('{') {
            serde_json::from_str::<BTreeMap<String, &RawValue>>(current.get())
                .ok()
                .and_then(|map| map.get(&token).copied())
        } else if current.get().starts_with('[') {
            serde_json::from_str::<Vec<&RawValue>>(current.get())
                .ok()
                .and_then(|items| {
                    token
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| items.get(i).copied())
                })
        } else {
            None
        };
        current = next.ok_or_else(|| {
            error(
                text,
                offset(current),
                format!(
                    "the pointer {pointer:?} of [document.columns] finds no {token:?} here; fix `pointer`"
                ),
            )
        })?;
    }
    Ok(current)
}

fn json_rows(
    text: &SourceText,
    given: Option<ColumnMapping>,
) -> Result<(ColumnMapping, Vec<Row>), ParseError> {
    let source = text.as_str();
    let body = source.trim_start_matches('\u{feff}');
    let root: &RawValue = serde_json::from_str(body).map_err(|e| {
        let (line, column) = (e.line() as u32, e.column() as u32);
        ParseError {
            path: text.path().to_owned(),
            line,
            column,
            message: format!("not a JSON document: {e}"),
        }
    })?;
    let pointer = given
        .as_ref()
        .and_then(|m| m.pointer.clone())
        .unwrap_or_default();
    let array = follow(text, root, &pointer)?;
    let offset = |raw: &RawValue| raw.get().as_ptr() as usize - source.as_ptr() as usize;
    let items: Vec<&RawValue> = serde_json::from_str(array.get()).map_err(|_| {
        error(
            text,
            offset(array),
            "expected an array of rows here; point `pointer` of [document.columns] at the array"
                .to_owned(),
        )
    })?;
    // Each row's byte offset, its raw text and, when it is an object, its fields.
    type Object<'a> = (usize, &'a RawValue, Option<serde_json::Map<String, Value>>);
    let objects: Vec<Object<'_>> = items
        .iter()
        .map(|raw| (offset(raw), *raw, serde_json::from_str(raw.get()).ok()))
        .collect();
    let headers: Vec<String> = objects
        .iter()
        .filter_map(|(_, _, o)| o.as_ref())
        .flat_map(|o| o.keys().cloned())
        .fold(Vec::new(), |mut keys, key| {
            if !keys.contains(&key) {
                keys.push(key);
            }
            keys
        });
    let mapping = mapping_for(given, &headers);
    missing_columns(text, &mapping, |c| headers.iter().any(|h| h == c), &headers)?;
    let rows = objects
        .into_iter()
        .enumerate()
        .map(|(i, (start, raw, object))| {
            let cells = object.map_or_else(BTreeMap::new, |object| {
                mapping
                    .columns()
                    .into_iter()
                    .filter_map(|(field, column)| Some((field, cell(object.get(column)?)?)))
                    .collect()
            });
            Row {
                number: i + 1,
                start,
                end: start + raw.get().len(),
                cells,
            }
        })
        .collect();
    Ok((mapping, rows))
}

/// A JSON value as a cell: strings and numbers as text, arrays as items
/// (objects in an array by their `name`), nothing for null or empty.
fn cell(value: &Value) -> Option<Cell> {
    let scalar = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items
                .iter()
                .filter_map(scalar)
                .filter(|s| !s.is_empty())
                .collect();
            (!items.is_empty()).then_some(Cell::Items(items))
        }
        other => scalar(other).filter(|s| !s.is_empty()).map(Cell::Text),
    }
}

/// The column a field is read from, for diagnostics.
fn column<'m>(mapping: &'m ColumnMapping, field: &str) -> &'m str {
    mapping
        .columns()
        .into_iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, c)| c)
}

/// What a row's date and year cells say about its meeting.
struct When {
    year: Option<u16>,
    /// The first and last day, when the date column gives them.
    days: Option<(dates::Day, dates::Day)>,
    /// The values as written, when not plain.
    written: Option<String>,
}

fn when(b: &mut Builder<'_>, mapping: &ColumnMapping, row: &Row) -> When {
    let mut out = When {
        year: None,
        days: None,
        written: None,
    };
    let at = |field: &str| format!("row {}, column {:?}", row.number, column(mapping, field));
    if let Some(date) = row.cells.get("date").map(Cell::text) {
        match dates::cell(&date) {
            DateCell::Days(first, last, language) => {
                if language != Language::English {
                    b.warn(
                        row.start,
                        format!(
                            "{}: {date:?} writes its month in {}; read as {}",
                            at("date"),
                            language.name(),
                            if first == last {
                                first.iso()
                            } else {
                                format!("{}/{}", first.iso(), last.iso())
                            }
                        ),
                    );
                    out.written = Some(date.clone());
                }
                out.year = Some(first.year);
                out.days = Some((first, last));
            }
            DateCell::Impossible => {
                b.warn(
                    row.start,
                    format!(
                        "{}: {date:?} is not a day of the calendar; kept as written",
                        at("date")
                    ),
                );
                out.written = Some(date.clone());
            }
            DateCell::Unread => {
                b.warn(
                    row.start,
                    format!(
                        "{}: {date:?} is not a date igfkg reads; kept as written",
                        at("date")
                    ),
                );
                out.written = Some(date.clone());
            }
        }
    }
    if let Some(year) = row.cells.get("year").map(Cell::text) {
        let parsed = year
            .parse::<u16>()
            .ok()
            .filter(|y| (1990..=2100).contains(y));
        match parsed {
            Some(y) => {
                if let Some(from_date) = out.year
                    && from_date != y
                {
                    b.warn(
                        row.start,
                        format!(
                            "{}: the year {y} disagrees with the date's year {from_date}; the row is filed under {y}",
                            at("year")
                        ),
                    );
                }
                out.year = Some(y);
            }
            None => {
                let why = if year.contains(['-', '–', '/']) {
                    "names more than one year"
                } else {
                    "is not a possible year"
                };
                b.warn(
                    row.start,
                    format!("{}: {year:?} {why}; kept as written", at("year")),
                );
                out.written = Some(match out.written.take() {
                    Some(date) => format!("{date}; {year}"),
                    None => year,
                });
            }
        }
    }
    out
}

fn add_row(b: &mut Builder<'_>, mapping: &ColumnMapping, row: &Row) {
    let when = when(b, mapping, row);
    let year = match (when.year, b.document.meeting) {
        (Some(year), _) => year,
        (None, Some(default)) => {
            if row.cells.contains_key("year") || row.cells.contains_key("date") {
                b.warn(
                    row.start,
                    format!(
                        "row {}: no year read from its date or year; filed under the manifest's meeting {default}",
                        row.number
                    ),
                );
            }
            default
        }
        (None, None) => {
            b.warn(
                row.start,
                format!(
                    "row {}: no year read from its date or year, and the manifest gives no `meeting`; the row is left out",
                    row.number
                ),
            );
            return;
        }
    };
    if !b.meetings().0.is_empty() && !b.meetings().knows(year) {
        b.warn(
            row.start,
            format!(
                "row {}: IGF {year} is not in data/reference/meetings.toml",
                row.number
            ),
        );
    }
    let title = row
        .cells
        .get("title")
        .map(Cell::text)
        .map(|t| fold_spaces(&t));
    let body = row.cells.get("text").map(Cell::text);
    if mapping.title.is_some() && title.is_none() {
        b.warn(
            row.start,
            format!(
                "row {}, column {:?}: the title is empty; kept empty",
                row.number,
                column(mapping, "title")
            ),
        );
    }
    match mapping.kind {
        RowKind::Session => {
            add_session(b, mapping, row, year, when, title.unwrap_or_default(), body)
        }
        RowKind::Message | RowKind::Statement => {
            let Some(content) = body.clone().or(title.clone()) else {
                b.warn(
                    row.start,
                    format!(
                        "row {}: no text and no title; the row is left out",
                        row.number
                    ),
                );
                return;
            };
            let content = fold_spaces(&content);
            if mapping.kind == RowKind::Message {
                let headline = body.and(title);
                let position = b.out.messages.len();
                b.message(
                    MessageKind::KeyMessage,
                    content,
                    headline,
                    None,
                    None,
                    None,
                    (row.start, row.end),
                );
                // A message is of its row's meeting, not the document's.
                b.out.messages[position].year = year;
            } else {
                b.statement(content, title.as_deref(), false, (row.start, row.end));
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn add_session(
    b: &mut Builder<'_>,
    mapping: &ColumnMapping,
    row: &Row,
    year: u16,
    when: When,
    title: String,
    description: Option<String>,
) {
    let label = row.cells.get("type").map(Cell::text).unwrap_or_default();
    let kind = if label.is_empty() {
        SessionType::Other(String::new())
    } else {
        session_type(&label)
    };
    if let SessionType::Other(other) = &kind
        && !other.is_empty()
    {
        b.warn(
            row.start,
            format!(
                "row {}, column {:?}: unknown session type {label:?}; kept as written",
                row.number,
                column(mapping, "type")
            ),
        );
    }
    let position = b.out.sessions.len() as u32 + 1;
    let id = b.session_id(&title, position);
    let span = b.span(row.start, row.end);
    let mut details = SessionDetails::new(id.clone(), span.clone());
    if let Some(number) = row.cells.get("number").map(Cell::text) {
        details.number = number
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|d| !d.is_empty())
            .and_then(|d| d.parse().ok());
        if details.number.is_none() {
            b.warn(
                row.start,
                format!(
                    "row {}, column {:?}: {number:?} is no session number; kept as written",
                    row.number,
                    column(mapping, "number")
                ),
            );
        }
        details.number_label = Some(number);
    }
    let list = |cell: Option<&Cell>| match cell {
        Some(Cell::Items(items)) => items.clone(),
        Some(Cell::Text(text)) => text
            .split(mapping.separator())
            .flat_map(split_names)
            .collect(),
        None => Vec::new(),
    };
    details.organisers = list(row.cells.get("organization"));
    details.place = row.cells.get("place").map(Cell::text);
    details.room = row.cells.get("room").map(Cell::text);
    if let Some((first, last)) = when.days
        && first == last
    {
        details.day = Some(first.iso());
    }
    details.date_text = when.written;
    if let Some(time) = row.cells.get("time").map(Cell::text) {
        match dates::slot(&time) {
            Some((_, _, from, to)) => {
                details.start_time = Some(from);
                details.end_time = Some(to);
            }
            None => b.warn(
                row.start,
                format!(
                    "row {}, column {:?}: {time:?} is no time slot; kept out",
                    row.number,
                    column(mapping, "time")
                ),
            ),
        }
    }
    let nri = row.cells.get("nri").map(Cell::text);
    // The NRI is linked from the session's words, where the linker reads it.
    let description = match (description, nri) {
        (Some(text), Some(nri)) => Some(format!("{text}\n{nri}")),
        (text, nri) => text.or(nri),
    };
    b.out.sessions.push(Session {
        id: id.clone(),
        title,
        session_type: kind,
        session_type_label: label,
        year,
        position,
        description,
        updated: None,
        track: None,
        theme: None,
        fields: Vec::new(),
        span,
    });
    for name in list(row.cells.get("speakers")) {
        add_speaker(b, &id, &name, RoleKind::Speaker, (row.start, row.end));
    }
    if !details.is_empty() {
        b.out.details.push(details);
    }
}
