//! A session's or theme's own words: the parts of its span that none of
//! the records the parser made inside it covers.

use igfkg_model::{Extraction, Span};

/// The character ranges of the records a parser made of a document's text
/// (messages, statements, people and their roles, participation figures) and of its report
/// fields' headings, which every report repeats: what is not a session's
/// or theme's own words. Sorted by start.
pub(crate) fn record_parts(extraction: &Extraction) -> Vec<(u64, u64)> {
    let heading = |span: &Span| {
        let first_line = span.exact.split('\n').next().unwrap_or("");
        (span.start, span.start + first_line.chars().count() as u64)
    };
    let mut parts: Vec<(u64, u64)> = extraction
        .messages
        .iter()
        .map(|m| &m.span)
        .chain(extraction.statements.iter().map(|s| &s.span))
        .chain(extraction.utterances.iter().map(|u| &u.span))
        .chain(extraction.people.iter().map(|p| &p.span))
        .chain(extraction.roles.iter().map(|r| &r.span))
        .chain(extraction.participation.iter().map(|p| &p.span))
        .map(|span| (span.start, span.end))
        .chain(
            extraction
                .sessions
                .iter()
                .flat_map(|s| s.fields.iter().map(|f| heading(&f.span))),
        )
        .collect();
    parts.sort_unstable();
    parts
}

/// The byte ranges of a unit's span that no record covers and that hold
/// more than white space: a session's title, type and track lines, and a
/// report field's text that no message took (a roster of participants).
pub(crate) fn own_words(span: &Span, parts: &[(u64, u64)]) -> Vec<(usize, usize)> {
    let mut own = Vec::new();
    let mut at = span.start;
    // Parsers make a unit's records inside it: none starts before the unit
    // and reaches into it, so the records to read start at its start.
    let first = parts.partition_point(|&(start, _)| start < span.start);
    for &(start, end) in &parts[first..] {
        if start >= span.end {
            break;
        }
        if start > at {
            own.push((at, start));
        }
        at = at.max(end);
    }
    if at < span.end {
        own.push((at, span.end));
    }
    own.into_iter()
        .map(|(start, end)| {
            (
                byte_at(&span.exact, start - span.start),
                byte_at(&span.exact, end.min(span.end) - span.start),
            )
        })
        .filter(|&(start, end)| !span.exact[start..end].trim().is_empty())
        .collect()
}

/// The byte offset of the `chars`-th character of `text`.
fn byte_at(text: &str, chars: u64) -> usize {
    text.char_indices()
        .nth(chars as usize)
        .map_or(text.len(), |(i, _)| i)
}
