//! `session-reports`: IGF session reports, as in the IGF 2019 Reports.
//!
//! Each report is a title line, a session type line (`Main Session`,
//! `Ceremonial/HL Session`), an `Updated:` line, an optional track line and
//! the eight numbered report fields (`1. Key Policy Questions and
//! Expectations` … `8. Session Outputs:`), some of them empty. Points in a
//! field become messages whose kind follows the field (`points.rs`); people
//! lines become people and their roles (`roles.rs`); the participation
//! field becomes figures. A roster of participants ("The list of
//! participating NRIs …") stays in the field's text, not as messages;
//! fields that say they do not apply, and pointers to recordings the text
//! does not link, are diagnostics.

mod points;
mod roles;

pub(crate) use roles::{add_inferred_role, add_person, add_role};

use crate::ParseError;
use crate::blocks::{BlockOptions, Builder, blocks_in, fold_spaces};
use crate::by_session::session_type;
use crate::participation;
use igfkg_model::{
    Extraction, MessageKind, NodeId, NodeKind, Participation, ReportField, Session, SessionType,
    SourceDocument, Theme,
};
use igfkg_sources::{Line, SourceText};
use points::{PeopleContext, read_points};
use regex::Regex;
use std::sync::LazyLock;

static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^updated:\s*(?:\w+,\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})").unwrap()
});

static FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>[1-8])\.\s*(?P<heading>\S.*?)\s*$").unwrap());

/// The first word of each field's heading, for a warning when a report
/// numbers its fields with other names.
const FIELD_WORDS: [&str; 8] = [
    "key",
    "discussion",
    "policy",
    "other",
    "making",
    "estimated",
    "reflection",
    "session",
];

/// The kind of the messages of a field.
pub(super) fn field_kind(number: u8) -> MessageKind {
    match number {
        1 => MessageKind::PolicyQuestion,
        2 => MessageKind::DiscussionPoint,
        3 => MessageKind::Recommendation,
        4 => MessageKind::Initiative,
        5 => MessageKind::Progress,
        7 => MessageKind::GenderReflection,
        _ => MessageKind::Output,
    }
}

/// The number of the participation field.
const PARTICIPATION: u8 = 6;

pub(crate) fn parse(
    document: &SourceDocument,
    text: &SourceText,
) -> Result<Extraction, ParseError> {
    let mut b = Builder::new(document, text);
    let lines: Vec<Line<'_>> = text.lines().collect();
    let previous_text_line = |from: usize| (0..from).rev().find(|&i| !lines[i].is_blank());
    // Each report is anchored on its `Updated:` line: the session type is
    // the line before it, the title the line before that.
    let mut starts = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if line
            .text
            .trim_start()
            .to_lowercase()
            .starts_with("updated:")
            && let Some(type_line) = previous_text_line(index)
            && let Some(title_line) = previous_text_line(type_line)
        {
            starts.push((title_line, type_line, index));
        }
    }
    if starts.is_empty() {
        let first = lines.iter().find(|l| !l.is_blank()).map_or(0, |l| l.start);
        let (line, column) = text.position(first);
        return Err(ParseError {
            path: text.path().to_owned(),
            line,
            column,
            message: "expected session reports (a title, a session type and an 'Updated:' line, then numbered fields), found none; check the document's format in the manifest, or use the outline format".into(),
        });
    }
    // Lines before the first report: the document's title.
    for block in blocks_in(text, 0, starts[0].0, BlockOptions::default()) {
        b.statement(
            fold_spaces(&block.text),
            None,
            true,
            (block.start, block.end),
        );
    }
    for (k, &(title_line, type_line, updated_line)) in starts.iter().enumerate() {
        let end_line = starts.get(k + 1).map_or(lines.len(), |next| next.0);
        read_report(
            &mut b,
            &lines,
            title_line,
            type_line,
            updated_line,
            end_line,
        );
    }
    Ok(b.finish())
}

fn read_report(
    b: &mut Builder<'_>,
    lines: &[Line<'_>],
    title_line: usize,
    type_line: usize,
    updated_line: usize,
    end_line: usize,
) {
    // Titles are folded: the reports write some spaces as no-break spaces.
    let (title_start, title_end, title) = lines[title_line].trimmed();
    let title = &fold_spaces(title);
    let (type_start, _, type_label) = lines[type_line].trimmed();
    let type_label = &fold_spaces(type_label);
    let session_type = session_type(type_label);
    if let SessionType::Other(_) = session_type {
        b.warn(type_start, format!("unknown session type {type_label:?}"));
    }
    let updated = UPDATED
        .captures(lines[updated_line].text.trim())
        .map(|c| format!("{}-{:0>2}-{:0>2}", &c["y"], &c["m"], &c["d"]));
    if updated.is_none() {
        b.warn(
            lines[updated_line].start,
            "the 'Updated:' line has no date in the form dd/mm/yyyy",
        );
    }
    // Numbered fields: unindented `N. Heading` lines, numbered in order.
    let mut field_lines: Vec<(usize, u8, String)> = Vec::new();
    for (index, line) in lines
        .iter()
        .enumerate()
        .take(end_line)
        .skip(updated_line + 1)
    {
        let Some(c) = FIELD.captures(line.text) else {
            continue;
        };
        let number: u8 = c["n"].parse().unwrap_or(0);
        if number as usize == field_lines.len() + 1 {
            let heading = c["heading"].trim_end_matches(':').trim().to_owned();
            let first_word = heading
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            if first_word != FIELD_WORDS[number as usize - 1] {
                b.warn(
                    line.start,
                    format!("report field {number} is headed {heading:?}, not the usual heading"),
                );
            }
            field_lines.push((index, number, heading));
        }
    }
    // The lines between the "updated" line and the first field name the
    // track; none when the next report starts at once (a fuzzed document
    // had its next title on this one's "updated" line).
    let track_start = updated_line + 1;
    let first_field = field_lines
        .first()
        .map_or(end_line, |f| f.0)
        .max(track_start);
    let track: Vec<String> = lines[track_start..first_field]
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| fold_spaces(l.text))
        .collect();
    let last_text_line = (title_line..end_line)
        .rev()
        .find(|&i| !lines[i].is_blank())
        .unwrap_or(title_line);
    let position = b.out.sessions.len() as u32 + 1;
    let session_id = b.session_id(title, position);
    let span = b.span(title_start, lines[last_text_line].end.max(title_end));
    // A track is a theme of the year: the sessions that name it, and their
    // messages, belong to it.
    let track = (!track.is_empty()).then(|| track.join(" "));
    let theme = track.as_ref().map(|track| {
        let id = b.theme_id(track);
        if !b.out.themes.iter().any(|t| t.id == id) {
            let line = &lines[track_start..first_field]
                .iter()
                .find(|l| !l.is_blank())
                .copied();
            let span = line.map_or_else(
                || b.span(title_start, title_end),
                |l| {
                    let (s, e, _) = l.trimmed();
                    b.span(s, e)
                },
            );
            let position = b.out.themes.len() as u32 + 1;
            b.out.themes.push(Theme {
                id: id.clone(),
                title: track.clone(),
                year: b.meeting_year(),
                position,
                span,
            });
        }
        id
    });
    let mut session = Session {
        id: session_id.clone(),
        title: title.to_owned(),
        session_type,
        session_type_label: type_label.to_owned(),
        year: b.meeting_year(),
        position,
        description: None,
        updated,
        track,
        theme: theme.clone(),
        fields: Vec::new(),
        span,
    };
    if field_lines.len() < 8 {
        b.warn(
            title_start,
            format!(
                "report {title:?} has {} of the 8 numbered fields",
                field_lines.len()
            ),
        );
    }
    let mut people_context = PeopleContext::default();
    for (k, (heading_line, number, heading)) in field_lines.iter().enumerate() {
        let body_end = field_lines.get(k + 1).map_or(end_line, |next| next.0);
        let blocks = blocks_in(
            b.text,
            heading_line + 1,
            body_end,
            BlockOptions {
                markdown: false,
                numbered_at_margin: true,
            },
        );
        // The field's text is its blocks, one per line, without list markers.
        let text = blocks
            .iter()
            .map(|block| fold_spaces(&block.text))
            .collect::<Vec<_>>()
            .join("\n");
        let field_end = blocks
            .last()
            .map_or(lines[*heading_line].end, |block| block.end);
        let field_span = b.span(lines[*heading_line].start, field_end);
        if text.is_empty() {
            b.warn(
                lines[*heading_line].start,
                format!("report {title:?}: field {number} ({heading}) is empty"),
            );
        } else if *number == PARTICIPATION {
            read_participation(b, &session_id, &text, blocks[0].start, field_end);
        } else {
            read_points(
                b,
                (&session_id, theme.as_ref()),
                title,
                *number,
                heading,
                &blocks,
                &mut people_context,
            );
        }
        session.fields.push(ReportField {
            number: *number,
            heading: heading.clone(),
            text,
            span: field_span,
        });
    }
    b.out.sessions.push(session);
}

fn read_participation(b: &mut Builder<'_>, session: &NodeId, text: &str, start: usize, end: usize) {
    let figures = participation::read(text);
    for unread in &figures.unread {
        b.warn(
            start,
            format!("participation figure {unread:?} could not be classified or is given twice"),
        );
    }
    if figures.is_empty() {
        b.warn(
            start,
            "the participation field gives no figure igfkg can read",
        );
    }
    let span = b.span(start, end);
    b.out.participation.push(Participation {
        id: NodeId::keyed(NodeKind::Participation, &[session.as_str()]),
        session: session.clone(),
        onsite: figures.onsite,
        remote: figures.remote,
        total: figures.total,
        women: figures.women,
        men: figures.men,
        women_percent: figures.women_percent,
        text: text.to_owned(),
        span,
    });
}
