//! Turning a row into records: its meeting from the date and year cells, and the session, message or statement it holds.

use super::*;

/// The column a field is read from, for diagnostics.
pub(super) fn column<'m>(mapping: &'m ColumnMapping, field: &str) -> &'m str {
    mapping
        .columns()
        .into_iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, c)| c)
}

/// What a row's date and year cells say about its meeting.
pub(super) struct When {
    pub(super) year: Option<u16>,
    /// The first and last day, when the date column gives them.
    pub(super) days: Option<(dates::Day, dates::Day)>,
    /// The values as written, when not plain.
    pub(super) written: Option<String>,
}

pub(super) fn when(b: &mut Builder<'_>, mapping: &ColumnMapping, row: &Row) -> When {
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

pub(super) fn add_row(b: &mut Builder<'_>, mapping: &ColumnMapping, row: &Row) {
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
pub(super) fn add_session(
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
