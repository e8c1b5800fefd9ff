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
    // The pieces ascend, so one cursor finds every byte offset in one pass
    // over the text (from its start each time, a session of hundreds of
    // messages cost its length once a message).
    let mut bytes = ByteCursor::new(&span.exact);
    own.into_iter()
        .map(|(start, end)| {
            (
                bytes.byte_at(start - span.start),
                bytes.byte_at(end.min(span.end) - span.start),
            )
        })
        .filter(|&(start, end)| !span.exact[start..end].trim().is_empty())
        .collect()
}

/// Byte offsets of characters of one text, asked for in ascending order.
struct ByteCursor<'a> {
    text: &'a str,
    /// The character and byte offsets of the last answer.
    chars: u64,
    byte: usize,
}

impl<'a> ByteCursor<'a> {
    fn new(text: &'a str) -> Self {
        ByteCursor {
            text,
            chars: 0,
            byte: 0,
        }
    }

    /// The byte offset of the `chars`-th character of the text (its length
    /// past the end); from the start again when `chars` is behind the last.
    fn byte_at(&mut self, chars: u64) -> usize {
        if chars < self.chars {
            self.chars = 0;
            self.byte = 0;
        }
        let rest = &self.text[self.byte..];
        let step = (chars - self.chars) as usize;
        self.byte += rest.char_indices().nth(step).map_or(rest.len(), |(i, _)| i);
        self.chars = chars;
        self.byte
    }
}
