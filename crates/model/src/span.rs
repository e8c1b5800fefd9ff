//! Where a record comes from in its source document.

use serde::{Deserialize, Serialize};

/// A place in a source document: the lines it spans and its character
/// offsets, with the exact words and a little context on each side.
///
/// Offsets count Unicode code points from the start of the document's text,
/// as the W3C Web Annotation [TextPositionSelector](https://www.w3.org/TR/annotation-model/#text-position-selector)
/// does; `exact`, `prefix` and `suffix` are the parts of a
/// [TextQuoteSelector](https://www.w3.org/TR/annotation-model/#text-quote-selector).
///
/// The document's text is its file read as UTF-8 with line ends normalised
/// to `\n` (CRLF and CR alone are one line break) and a leading byte-order
/// mark removed, so a file saved with other line ends gives the same spans.
/// For a saved web page it is the text extracted from the HTML (headings,
/// paragraphs, list items and table rows as lines), and `source_bytes` keeps
/// the byte range of the HTML file the words come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First line, counting from 1.
    pub start_line: u32,
    /// Last line (inclusive), counting from 1.
    pub end_line: u32,
    /// Offset of the first character, in code points from the document start.
    pub start: u64,
    /// Offset just after the last character, in code points.
    pub end: u64,
    /// The text between `start` and `end`, as written in the document.
    pub exact: String,
    /// Up to [`Span::CONTEXT`] characters before `start`.
    pub prefix: String,
    /// Up to [`Span::CONTEXT`] characters after `end`.
    pub suffix: String,
    /// For text extracted from markup (a saved web page): the byte range of
    /// the original file that holds the words, `[start, end)`. It is exact
    /// where the words are written verbatim in the file, and otherwise
    /// covers the markup's text that holds them (where character references
    /// or folded white space make the two differ). `None` for plain text,
    /// whose character offsets already point into the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_bytes: Option<(u64, u64)>,
}

impl Span {
    /// How many characters of context a quote keeps on each side.
    pub const CONTEXT: usize = 32;
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something worth knowing that changes nothing.
    Info,
    /// A recoverable oddity of the document: the record was still made.
    Warning,
}

/// A recoverable problem found while reading a document (an empty report
/// field, an unknown session type, a heading with no messages). Parsing never
/// fails on these; they are listed in the build summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The document it was found in (its manifest id).
    pub document: String,
    /// Line, counting from 1.
    pub line: u32,
    /// Column in characters, counting from 1.
    pub column: u32,
    /// What was found, as a sentence without a trailing period.
    pub message: String,
}

impl Span {
    /// The span of the bytes `start..end` of this span's `exact` text: lines,
    /// character offsets and quote of a part of the text, such as the words
    /// that matched an entity. The context comes from the surrounding text,
    /// and from this span's own prefix and suffix at its edges.
    ///
    /// # Panics
    /// If `start..end` is not a range of character boundaries of `exact`.
    pub fn sub_span(&self, start: usize, end: usize) -> Span {
        self.counted_sub_span(start, end, &mut Counted::default())
    }

    /// The spans of several byte ranges of this span's `exact` text, each
    /// as [`Span::sub_span`] gives it. Ranges in ascending order of their
    /// starts are counted in one pass over the text: a session's own words
    /// between its hundreds of messages cost the session's length once, not
    /// once a piece.
    ///
    /// # Panics
    /// If a range is not a range of character boundaries of `exact`.
    pub fn sub_spans(&self, ranges: &[(usize, usize)]) -> Vec<Span> {
        let mut counted = Counted::default();
        (ranges.iter())
            .map(|&(start, end)| self.counted_sub_span(start, end, &mut counted))
            .collect()
    }

    fn counted_sub_span(&self, start: usize, end: usize, counted: &mut Counted) -> Span {
        let before = &self.exact[..start];
        let exact = &self.exact[start..end];
        let after = &self.exact[end..];
        // The characters and lines before `start` are counted from where the
        // last range of the same pass left off, and the context is built
        // from at most CONTEXT characters: counting or collecting all of
        // `before` for every part made linking a long text quadratic.
        counted.advance(&self.exact, start);
        let chars_before = counted.chars;
        let start_line = self.start_line + counted.lines;
        let end_line = start_line + exact.trim_end_matches('\n').matches('\n').count() as u32;
        let prefix: String = {
            let mut context: Vec<char> = before.chars().rev().take(Self::CONTEXT).collect();
            let missing = Self::CONTEXT - context.len();
            context.extend(self.prefix.chars().rev().take(missing));
            context.into_iter().rev().collect()
        };
        let suffix: String = after
            .chars()
            .chain(self.suffix.chars())
            .take(Self::CONTEXT)
            .collect();
        // A verbatim source range has one byte per byte of `exact`, so the
        // part's range is exact; otherwise the whole range still covers it.
        let source_bytes = self.source_bytes.map(|(s, e)| {
            if (e - s) as usize == self.exact.len() {
                (s + start as u64, s + end as u64)
            } else {
                (s, e)
            }
        });
        Span {
            start_line,
            end_line,
            start: self.start + chars_before,
            end: self.start + chars_before + exact.chars().count() as u64,
            exact: exact.to_owned(),
            prefix,
            suffix,
            source_bytes,
        }
    }
}

/// How far into a span's `exact` text counting has gone: a byte offset,
/// with the characters and line breaks before it.
#[derive(Default)]
struct Counted {
    byte: usize,
    chars: u64,
    lines: u32,
}

impl Counted {
    /// Moves to the character boundary `byte` of `text`, counting the text
    /// passed over; from the start again when `byte` is behind.
    fn advance(&mut self, text: &str, byte: usize) {
        if byte < self.byte {
            *self = Counted::default();
        }
        let passed = &text[self.byte..byte];
        self.chars += passed.chars().count() as u64;
        self.lines += passed.matches('\n').count() as u32;
        self.byte = byte;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_spans_in_one_pass_are_the_sub_spans_one_by_one() {
        let exact = "Première ligne — SDG 4\nDeuxième : été\nTroisième, SDG 13";
        let span = Span {
            start_line: 3,
            end_line: 5,
            start: 40,
            end: 40 + exact.chars().count() as u64,
            exact: exact.into(),
            prefix: "avant ".into(),
            suffix: " après".into(),
            source_bytes: None,
        };
        let at = |words: &str| exact.find(words).unwrap();
        let ranges = [
            (0, at(" —")),
            (at("SDG 4"), at("SDG 4") + 5),
            (at("été"), at("été") + "été".len()),
            (at("SDG 13"), exact.len()),
        ];
        let one_by_one: Vec<Span> = ranges.iter().map(|&(s, e)| span.sub_span(s, e)).collect();
        let in_one_pass = span.sub_spans(&ranges);
        assert_eq!(in_one_pass, one_by_one);
        // "été" is on the span's second line, after 34 characters.
        assert_eq!((in_one_pass[2].start_line, in_one_pass[2].start), (4, 74));
        assert_eq!(in_one_pass[3].exact, "SDG 13");
        // Ranges out of order are counted from the start again.
        let reversed: Vec<(usize, usize)> = ranges.iter().rev().copied().collect();
        let mut expected = one_by_one;
        expected.reverse();
        assert_eq!(span.sub_spans(&reversed), expected);
    }

    #[test]
    fn sub_spans_keep_lines_offsets_and_context() {
        let span = Span {
            start_line: 10,
            end_line: 11,
            start: 100,
            end: 117,
            exact: "Un été\nSDG 7 ici".into(),
            prefix: "avant ".into(),
            suffix: " après".into(),
            source_bytes: None,
        };
        let start = span.exact.find("SDG").unwrap();
        let sub = span.sub_span(start, start + 5);
        assert_eq!(sub.exact, "SDG 7");
        assert_eq!((sub.start_line, sub.end_line), (11, 11));
        assert_eq!((sub.start, sub.end), (107, 112));
        assert_eq!(sub.prefix, "avant Un été\n");
        assert_eq!(sub.suffix, " ici après");
    }
}
