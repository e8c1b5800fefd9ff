//! Source text: a document's bytes, checked to be text, with a line index
//! that turns byte offsets into lines, columns and character offsets.

use crate::error::SourceError;
use igfkg_model::Span;
use std::path::{Path, PathBuf};

/// The text of a source document, checked to be non-empty UTF-8 text.
#[derive(Debug, Clone)]
pub struct SourceText {
    path: PathBuf,
    text: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// Character offset of the start of each line, so that a span's
    /// character offsets are counted from its line, not from the start of
    /// the document (which made parsing quadratic in a document's size).
    line_char_starts: Vec<u64>,
}

impl SourceText {
    /// Reads and checks a file.
    ///
    /// # Errors
    /// [`SourceError::Io`] if the file cannot be read, and the errors of
    /// [`SourceText::from_bytes`].
    pub fn read(path: &Path) -> Result<Self, SourceError> {
        let bytes = std::fs::read(path).map_err(|source| SourceError::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::from_bytes(path, bytes)
    }

    /// Checks bytes that were read from `path` (used in messages only).
    ///
    /// # Errors
    /// - [`SourceError::Empty`] if there is nothing but white space,
    /// - [`SourceError::Binary`] if the bytes hold a NUL byte or many control characters,
    /// - [`SourceError::InvalidUtf8`] with the line and column of the first bad byte.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self, SourceError> {
        let path = path.to_owned();
        if let Some(offset) = binary_evidence(&bytes) {
            let (line, column) = byte_position(&bytes, offset);
            return Err(SourceError::Binary { path, line, column });
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let offset = error.utf8_error().valid_up_to();
                let (line, column) = byte_position(error.as_bytes(), offset);
                return Err(SourceError::InvalidUtf8 { path, line, column });
            }
        };
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            return Err(SourceError::Empty { path });
        }
        Ok(Self::new(path, text))
    }

    /// Wraps text that is known to be valid, for tests and generated documents.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut chars = 0;
        let line_char_starts = std::iter::once(0)
            .chain(line_starts.windows(2).map(|pair| {
                chars += text[pair[0]..pair[1]].chars().count() as u64;
                chars
            }))
            .collect();
        Self {
            path: path.into(),
            text,
            line_starts,
            line_char_starts,
        }
    }

    /// The path the text was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The lines of the text, each with its byte range (without the line
    /// break; a `\r` before `\n` is not part of the line).
    pub fn lines(&self) -> impl Iterator<Item = Line<'_>> + '_ {
        self.line_starts
            .iter()
            .enumerate()
            .filter(|(_, start)| **start < self.text.len() || **start == 0)
            .map(|(index, &start)| {
                let mut end = self
                    .line_starts
                    .get(index + 1)
                    .map_or(self.text.len(), |next| next - 1);
                if self.text[start..end].ends_with('\r') {
                    end -= 1;
                }
                Line {
                    number: index as u32 + 1,
                    start,
                    end,
                    text: &self.text[start..end],
                }
            })
    }

    /// Line (from 1) and column (in characters, from 1) of a byte offset.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        (line as u32 + 1, column as u32)
    }

    /// The [`Span`] of a byte range, with its quote and context.
    ///
    /// # Panics
    /// If the range is not on character boundaries of the text: a parser bug,
    /// never a property of the input.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let line = self.line_index(start);
        let chars_before = self.line_char_starts[line]
            + self.text[self.line_starts[line]..start].chars().count() as u64;
        let exact = &self.text[start..end];
        let prefix: String = {
            let before: Vec<char> = self.text[..start]
                .chars()
                .rev()
                .take(Span::CONTEXT)
                .collect();
            before.into_iter().rev().collect()
        };
        let suffix: String = self.text[end..].chars().take(Span::CONTEXT).collect();
        let end_line = self.line_index(end.saturating_sub(1).max(start));
        Span {
            start_line: line as u32 + 1,
            end_line: end_line as u32 + 1,
            start: chars_before,
            end: chars_before + exact.chars().count() as u64,
            exact: exact.to_owned(),
            prefix,
            suffix,
        }
    }

    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }
}

/// One line of a [`SourceText`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// Line number, from 1.
    pub number: u32,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just after the last character (before `\r\n` or `\n`).
    pub end: usize,
    /// The line's text.
    pub text: &'a str,
}

impl Line<'_> {
    /// The line without leading and trailing white space, with its byte range.
    pub fn trimmed(&self) -> (usize, usize, &str) {
        let leading = self.text.len() - self.text.trim_start().len();
        let text = self.text.trim();
        (
            self.start + leading,
            self.start + leading + text.len(),
            text,
        )
    }

    /// Whether the line holds only white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The offset of the first byte that shows the data is not text: a NUL, or
/// the first control character when more than 1 in 100 bytes of the first
/// 8 KiB are control characters other than tab, line feed, carriage return
/// and form feed.
fn binary_evidence(bytes: &[u8]) -> Option<usize> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Some(nul);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let is_control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c);
    let controls = head.iter().filter(|b| is_control(b)).count();
    if controls * 100 > head.len() {
        head.iter().position(is_control)
    } else {
        None
    }
}

/// Line and column (in bytes, from 1) of a byte offset in raw bytes.
fn byte_position(bytes: &[u8], offset: usize) -> (u32, u32) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // Count characters of the valid prefix of the line, so the column is in
    // characters like every other column igfkg reports.
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line as u32, column as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> SourceText {
        SourceText::new("t.txt", s.to_owned())
    }

    #[test]
    fn lines_strip_crlf() {
        let t = text("a\r\nbé\r\n\r\nc");
        let lines: Vec<_> = t.lines().map(|l| (l.number, l.text)).collect();
        assert_eq!(lines, vec![(1, "a"), (2, "bé"), (3, ""), (4, "c")]);
    }

    #[test]
    fn trailing_newline_makes_no_extra_line() {
        assert_eq!(text("a\nb\n").lines().count(), 2);
    }

    #[test]
    fn spans_count_characters() {
        let t = text("ab\n• é x\n");
        let start = t.as_str().find('é').unwrap();
        let span = t.span(start, start + 'é'.len_utf8());
        assert_eq!((span.start_line, span.end_line), (2, 2));
        assert_eq!((span.start, span.end), (5, 6));
        assert_eq!(span.exact, "é");
        assert_eq!(span.prefix, "ab\n• ");
        assert_eq!(span.suffix, " x\n");
        assert_eq!(t.position(start), (2, 3));
    }

    #[test]
    fn rejects_empty_binary_and_bad_utf8() {
        let path = Path::new("doc.txt");
        assert!(matches!(
            SourceText::from_bytes(path, b" \n\t\n".to_vec()),
            Err(SourceError::Empty { .. })
        ));
        assert!(matches!(
            SourceText::from_bytes(path, b"ab\ncd\0ef".to_vec()),
            Err(SourceError::Binary {
                line: 2,
                column: 3,
                ..
            })
        ));
        assert!(matches!(
            SourceText::from_bytes(path, b"ok\nd\xc3\xa9j\xff".to_vec()),
            Err(SourceError::InvalidUtf8 {
                line: 2,
                column: 4,
                ..
            })
        ));
    }
}
