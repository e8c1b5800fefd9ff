//! `messages-by-session`: key messages listed under session headings, as in
//! the IGF 2017 Messages.
//!
//! A session heading is a line such as `Main session: …` or `High level
//! thematic session ‘…’`; the bullet points after it are its messages. Lines
//! between a heading and its first bullet frame the session (its
//! description); lines before the first heading are statements of the
//! document (its title and date).

use crate::ParseError;
use crate::blocks::{Block, BlockOptions, Builder, blocks, fold_spaces};
use igfkg_model::{Extraction, MessageKind, NodeId, Session, SessionType, SourceDocument};
use igfkg_sources::SourceText;
use regex::Regex;
use std::sync::LazyLock;

/// A session heading: a known session type, then a separator and the title.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?P<type>main session|high[- ]level thematic session|high[- ]level session|ceremonial(?:/hl)? session|opening session|closing session|plenary session|thematic session|special session|concluding session|introductory session|open forum|best practice forum|dynamic coalitions? session|lightning session|workshop)\s*(?:[:–—-]\s*|\s+)(?P<title>\S.*)$",
    )
    .unwrap()
});

/// The type of a session from its type as written, in full or as the
/// programmes abbreviate it ("WS", "OF", "DC", "LT", "TH").
pub(crate) fn session_type(label: &str) -> SessionType {
    let label = label.to_lowercase().replace('-', " ");
    let label = label.trim();
    let word = label.split([' ', '#']).next().unwrap_or("");
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| label.starts_with(p));
    if starts(&["main"]) {
        SessionType::Main
    } else if starts(&["high level thematic"]) {
        SessionType::HighLevelThematic
    } else if starts(&[
        "ceremonial",
        "high level",
        "opening ceremony",
        "closing ceremony",
    ]) {
        SessionType::CeremonialHighLevel
    } else if starts(&["workshop"]) || word == "ws" {
        SessionType::Workshop
    } else if starts(&["open forum"]) || word == "of" {
        SessionType::OpenForum
    } else if starts(&["best practice"]) || word == "bpf" {
        SessionType::BestPracticeForum
    } else if starts(&["dynamic coalition"]) || word == "dc" {
        SessionType::DynamicCoalition
    } else if starts(&["day 0", "day zero", "pre event"]) {
        SessionType::DayZero
    } else if starts(&["lightning"]) || word == "lt" {
        SessionType::LightningTalk
    } else if word == "nri" || word == "nris" {
        SessionType::Nri
    } else if starts(&["town hall"]) || word == "th" {
        SessionType::TownHall
    } else if starts(&["networking"]) || word == "ns" {
        SessionType::Networking
    } else {
        SessionType::Other(label.to_owned())
    }
}

/// Removes one pair of enclosing quotation marks.
fn unquote(title: &str) -> &str {
    const PAIRS: [(char, char); 5] = [('‘', '’'), ('\'', '\''), ('“', '”'), ('"', '"'), ('«', '»')];
    let title = title.trim();
    for (open, close) in PAIRS {
        if let Some(inner) = title.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            return inner.trim();
        }
    }
    title
}

pub(crate) fn parse(
    document: &SourceDocument,
    text: &SourceText,
) -> Result<Extraction, ParseError> {
    let mut b = Builder::new(document, text);
    let blocks = blocks(text, BlockOptions::PLAIN);
    let mut pending: Vec<&Block> = Vec::new();
    let mut current: Option<Open> = None;
    for block in &blocks {
        if !block.is_bullet() {
            pending.push(block);
            continue;
        }
        if !pending.is_empty() {
            let first = current.is_none();
            if let Some(open) = current.take() {
                close_session(&mut b, open);
            }
            current = open_session(&mut b, &pending, first);
            pending.clear();
        }
        let session = current.as_ref().map(|open| open.id.clone());
        if session.is_none() {
            b.warn(block.start, "a bullet point comes before any session heading; it is kept as a message without session");
        }
        b.message(
            MessageKind::KeyMessage,
            fold_spaces(&block.text),
            None,
            session.as_ref(),
            None,
            None,
            (block.start, block.end),
        );
        if let Some(open) = &mut current {
            open.end = block.end;
            open.messages += 1;
        }
    }
    let first = current.is_none();
    if let Some(open) = current.take() {
        close_session(&mut b, open);
    }
    // Trailing lines with no bullets after them: a last heading with no
    // messages, or closing statements.
    if !pending.is_empty()
        && let Some(open) = open_session(&mut b, &pending, first)
    {
        close_session(&mut b, open);
    }
    if b.out.sessions.is_empty() {
        let first = blocks.first().map_or(0, |b| b.start);
        let (line, column) = text.position(first);
        return Err(ParseError {
            path: text.path().to_owned(),
            line,
            column,
            message: "expected session headings (such as 'Main session: …') each followed by bullet points, found none; check the document's format in the manifest, or use the outline format".into(),
        });
    }
    Ok(b.finish())
}

/// A session whose messages are being read.
struct Open {
    id: NodeId,
    /// Byte offset of its heading.
    start: usize,
    /// Byte offset just after its last line so far.
    end: usize,
    messages: usize,
}

/// Ends a session: its span runs from its heading to its last message.
fn close_session(b: &mut Builder<'_>, open: Open) {
    let span = b.span(open.start, open.end);
    let Some(session) = b.out.sessions.iter_mut().find(|s| s.id == open.id) else {
        return;
    };
    session.span = span;
    if open.messages == 0 {
        let title = session.title.clone();
        b.warn(open.start, format!("session {title:?} has no messages"));
    }
}

/// Opens the session whose heading is among `pending` (the non-bullet
/// blocks since the last bullet). Blocks before the heading are document
/// statements; blocks after it describe the session.
fn open_session(b: &mut Builder<'_>, pending: &[&Block], first: bool) -> Option<Open> {
    let heading_index = pending
        .iter()
        .rposition(|block| HEADING.is_match(&block.text))
        .or_else(|| {
            // No known session type: the first line that does not read as a
            // sentence is taken as the heading.
            let index = pending
                .iter()
                .position(|block| !block.text.trim_end().ends_with('.'))
                .unwrap_or(0);
            Some(index)
        })?;
    for block in &pending[..heading_index] {
        let section = if first {
            None
        } else {
            b.out.sessions.last().map(|s| s.title.clone())
        };
        b.statement(
            fold_spaces(&block.text),
            section.as_deref(),
            false,
            (block.start, block.end),
        );
    }
    let heading = pending[heading_index];
    let (label, title, session_type) = match HEADING.captures(&heading.text) {
        Some(c) => {
            let label = c["type"].to_owned();
            let title = unquote(&c["title"]).to_owned();
            let session_type = session_type(&label);
            (label, title, session_type)
        }
        None => {
            b.warn(
                heading.start,
                format!("unknown session type in heading {:?}", heading.text),
            );
            (
                String::new(),
                heading.text.trim().to_owned(),
                SessionType::Other(String::new()),
            )
        }
    };
    let description: Vec<String> = pending[heading_index + 1..]
        .iter()
        .map(|block| fold_spaces(&block.text))
        .collect();
    let end = pending.last().map_or(heading.end, |block| block.end);
    let position = b.out.sessions.len() as u32 + 1;
    let id = b.session_id(&title, position);
    let span = b.span(heading.start, end);
    b.out.sessions.push(Session {
        id: id.clone(),
        title,
        session_type,
        session_type_label: label,
        year: b.meeting_year(),
        position,
        description: (!description.is_empty()).then(|| description.join("\n")),
        updated: None,
        track: None,
        theme: None,
        fields: Vec::new(),
        span,
    });
    Some(Open {
        id,
        start: heading.start,
        end,
        messages: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_give_type_and_title() {
        let c = HEADING
            .captures("High level thematic session ‘Shaping our future digital global governance’")
            .unwrap();
        assert_eq!(&c["type"], "High level thematic session");
        assert_eq!(
            unquote(&c["title"]),
            "Shaping our future digital global governance"
        );
        let c = HEADING
            .captures("Main session: Dynamic Coalitions: Contribute to the digital future!")
            .unwrap();
        assert_eq!(
            &c["title"],
            "Dynamic Coalitions: Contribute to the digital future!"
        );
        assert_eq!(
            session_type("High-level thematic session"),
            SessionType::HighLevelThematic
        );
        assert_eq!(
            session_type("Ceremonial/HL Session"),
            SessionType::CeremonialHighLevel
        );
        assert_eq!(session_type("Main Session"), SessionType::Main);
        assert_eq!(session_type("WS"), SessionType::Workshop);
        assert_eq!(session_type("Open Forum"), SessionType::OpenForum);
        assert_eq!(session_type("OF"), SessionType::OpenForum);
        assert_eq!(session_type("Day 0 Event"), SessionType::DayZero);
        assert_eq!(session_type("Pre-Event"), SessionType::DayZero);
        assert_eq!(session_type("NRI Session"), SessionType::Nri);
        assert_eq!(session_type("Town Hall"), SessionType::TownHall);
        assert_eq!(
            session_type("Launch and Award Event"),
            SessionType::Other("launch and award event".into())
        );
    }
}
