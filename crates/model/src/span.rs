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
        let before = &self.exact[..start];
        let exact = &self.exact[start..end];
        let after = &self.exact[end..];
        // Counting is linear in `before`, but the context is built from at
        // most CONTEXT characters: collecting all of `before` made linking a
        // long statement quadratic in its length.
        let chars_before = before.chars().count() as u64;
        let start_line = self.start_line + before.matches('\n').count() as u32;
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

#[cfg(test)]
mod tests {
    use super::*;

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
