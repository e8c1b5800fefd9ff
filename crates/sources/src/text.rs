//! Source text: a document's bytes, checked to be text, with line ends
//! normalised, and an index that turns byte offsets into lines, columns and
//! character offsets.
//!
//! Spans and diagnostics count in the normalised text: `\r\n` and a lone
//! `\r` are one `\n`, and a leading byte-order mark is dropped, so a
//! document saved on Windows or old Mac OS gives exactly the records of the
//! same document with Unix line ends. (Line numbers are the same either
//! way; character offsets differ from the file's by the dropped `\r`s.)
//! A saved web page is read as the text [`crate::html`] extracts from it,
//! and its spans also keep the byte range of the HTML they come from.

use crate::error::SourceError;
use crate::html::{self, Origin};
use igfkg_model::Span;
use igfkg_model::sha256_hex;
use std::path::{Path, PathBuf};

/// What a file holds: plain text (or Markdown), or a saved web page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Media {
    /// Plain text or Markdown (`text/plain`, `text/markdown`).
    #[default]
    Text,
    /// A saved web page (`text/html`), read through an HTML tokenizer.
    Html,
}

impl Media {
    /// The media types a manifest's `media` may name.
    pub const NAMES: [&'static str; 4] = [
        "text/plain",
        "text/markdown",
        "text/html",
        "application/xhtml+xml",
    ];

    /// The media a manifest's `media` names, if it is one igfkg reads.
    pub fn from_type(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text/plain" | "text/markdown" => Some(Self::Text),
            "text/html" | "application/xhtml+xml" => Some(Self::Html),
            _ => None,
        }
    }

    /// The media of a file by its extension: `.html`, `.htm`, `.xhtml` are
    /// web pages, anything else text.
    pub fn for_path(path: &Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("html" | "htm" | "xhtml") => Self::Html,
            _ => Self::Text,
        }
    }
}

/// How many bytes apart the character-count checkpoints are.
const CHECKPOINT: usize = 4096;

/// The text of a source document, checked to be non-empty UTF-8 text.
#[derive(Debug, Clone)]
pub struct SourceText {
    path: PathBuf,
    /// The text, with line ends normalised (or extracted from HTML).
    text: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// `(byte offset, characters before it)` every [`CHECKPOINT`] bytes, so
    /// that a character offset is counted from the nearest checkpoint, not
    /// from the start of the document or of a line (a one-line document of
    /// megabytes made parsing quadratic in its size).
    checkpoints: Vec<(usize, u64)>,
    /// SHA-256 of the file's bytes as read.
    digest: String,
    /// For text extracted from HTML, where each part of it comes from.
    origin: Option<Origin>,
}

/// The largest source igfkg reads unless told otherwise: 64 MiB, some
/// hundred times the largest IGF document, and what a build parses in
/// minutes. A larger file is refused before it is read.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

impl SourceText {
    /// Reads and checks a file of at most [`MAX_SOURCE_BYTES`].
    ///
    /// # Errors
    /// [`SourceError::Io`] if the file cannot be read, and the errors of
    /// [`SourceText::read_as`].
    pub fn read(path: &Path) -> Result<Self, SourceError> {
        Self::read_as(path, Media::for_path(path), MAX_SOURCE_BYTES)
    }

    /// Reads and checks a regular file of a known media and at most
    /// `max_bytes`: a web page is read as the text extracted from it.
    ///
    /// # Errors
    /// [`SourceError::NotAFile`] for a device, pipe or folder (`/dev/zero`
    /// would never end), [`SourceError::TooLarge`] for a file of more than
    /// `max_bytes`, [`SourceError::Io`] if it cannot be read, and the
    /// errors of [`SourceText::from_bytes`].
    pub fn read_as(path: &Path, media: Media, max_bytes: u64) -> Result<Self, SourceError> {
        use std::io::Read;
        let io = |source| SourceError::Io {
            path: path.to_owned(),
            source,
        };
        // Looked at before it is opened: opening a pipe waits for a writer.
        let not_a_file = || SourceError::NotAFile {
            path: path.to_owned(),
        };
        if !std::fs::metadata(path).map_err(io)?.is_file() {
            return Err(not_a_file());
        }
        let file = std::fs::File::open(path).map_err(io)?;
        let metadata = file.metadata().map_err(io)?;
        if !metadata.is_file() {
            return Err(not_a_file());
        }
        let too_large = || SourceError::TooLarge {
            path: path.to_owned(),
            max_bytes,
        };
        if metadata.len() > max_bytes {
            return Err(too_large());
        }
        // A file that grows while it is read is held to the limit too.
        let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
        file.take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > max_bytes {
            return Err(too_large());
        }
        match media {
            Media::Text => Self::from_bytes(path, bytes),
            Media::Html => Self::from_html_bytes(path, bytes),
        }
    }

    /// Checks bytes that were read from `path` (used in messages only).
    ///
    /// # Errors
    /// - [`SourceError::Empty`] if there is nothing but white space,
    /// - [`SourceError::Binary`] if the bytes hold a NUL byte or many control characters,
    /// - [`SourceError::InvalidUtf8`] with the line and column of the first bad byte.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self, SourceError> {
        let digest = sha256_hex(&bytes);
        let text = checked_text(path, bytes)?;
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            return Err(SourceError::Empty {
                path: path.to_owned(),
            });
        }
        let mut text = Self::new(path, text);
        text.digest = digest;
        Ok(text)
    }

    /// Checks the bytes of a saved web page and reads it as the text of its
    /// main content (see [`crate::html`]); spans keep the HTML's byte ranges.
    ///
    /// # Errors
    /// As [`SourceText::from_bytes`]; [`SourceError::Empty`] also when the
    /// page has no text outside navigation, scripts and the like.
    pub fn from_html_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self, SourceError> {
        let digest = sha256_hex(&bytes);
        let html = checked_text(path, bytes)?;
        let (text, origin) = html::extract(&html);
        if text.trim().is_empty() {
            return Err(SourceError::Empty {
                path: path.to_owned(),
            });
        }
        let mut text = Self::new(path, text);
        text.digest = digest;
        text.origin = Some(origin);
        Ok(text)
    }

    /// Wraps text that is known to be valid, for tests and generated
    /// documents; line ends are normalised as for a file.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let digest = sha256_hex(text.as_bytes());
        let text = normalize_line_ends(text);
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut checkpoints = vec![(0, 0)];
        let mut at = 0;
        let mut chars = 0;
        while at + CHECKPOINT < text.len() {
            let mut next = at + CHECKPOINT;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[at..next].chars().count() as u64;
            checkpoints.push((next, chars));
            at = next;
        }
        Self {
            path: path.into(),
            text,
            line_starts,
            checkpoints,
            digest,
            origin: None,
        }
    }

    /// SHA-256 of the file's bytes as read (before line ends were
    /// normalised or HTML extracted), in lower-case hex.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// Whether the text was extracted from a web page.
    pub fn is_extracted(&self) -> bool {
        self.origin.is_some()
    }

    /// The number of characters before a byte offset.
    fn char_offset(&self, offset: usize) -> u64 {
        let index = self.checkpoints.partition_point(|&(at, _)| at <= offset) - 1;
        let (at, chars) = self.checkpoints[index];
        chars + self.text[at..offset].chars().count() as u64
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
    /// break).
    pub fn lines(&self) -> impl Iterator<Item = Line<'_>> + '_ {
        self.line_starts
            .iter()
            .enumerate()
            .filter(|(_, start)| **start < self.text.len() || **start == 0)
            .map(|(index, &start)| {
                let end = self
                    .line_starts
                    .get(index + 1)
                    .map_or(self.text.len(), |next| next - 1);
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
        let column = self.char_offset(offset) - self.char_offset(start) + 1;
        (line as u32 + 1, column as u32)
    }

    /// The [`Span`] of a byte range, with its quote and context.
    ///
    /// # Panics
    /// If the range is not on character boundaries of the text: a parser bug,
    /// never a property of the input.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let line = self.line_index(start);
        let chars_before = self.char_offset(start);
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
            source_bytes: self
                .origin
                .as_ref()
                .map(|origin| origin.source_range(start, end)),
        }
    }

    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }
}

/// Bytes checked to be UTF-8 text that is not binary.
fn checked_text(path: &Path, bytes: Vec<u8>) -> Result<String, SourceError> {
    let path = path.to_owned();
    if let Some(offset) = binary_evidence(&bytes) {
        let (line, column) = byte_position(&bytes, offset);
        return Err(SourceError::Binary { path, line, column });
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let (line, column) = byte_position(error.as_bytes(), offset);
        SourceError::InvalidUtf8 { path, line, column }
    })
}

/// Drops a leading byte-order mark and turns `\r\n` and lone `\r` into `\n`.
fn normalize_line_ends(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
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
    fn crlf_cr_and_bom_read_as_lf() {
        let lf = text("a\nbé\n\nc");
        for variant in ["a\r\nbé\r\n\r\nc", "a\rbé\r\rc", "\u{feff}a\nbé\n\nc"] {
            let t = text(variant);
            assert_eq!(t.as_str(), lf.as_str(), "{variant:?}");
            let lines: Vec<_> = t.lines().map(|l| (l.number, l.text)).collect();
            assert_eq!(lines, vec![(1, "a"), (2, "bé"), (3, ""), (4, "c")]);
        }
        // The digest is of the bytes as read, not of the normalised text.
        let crlf = SourceText::from_bytes(Path::new("d.txt"), b"a\r\nb".to_vec()).unwrap();
        assert_eq!(crlf.as_str(), "a\nb");
        assert_eq!(crlf.digest(), sha256_hex(b"a\r\nb"));
    }

    #[test]
    fn offsets_past_checkpoints_count_characters() {
        // Characters of two bytes across several checkpoints, on one line.
        let long = "é".repeat(3 * CHECKPOINT) + "x";
        let t = text(&long);
        let x = long.len() - 1;
        let span = t.span(x, x + 1);
        assert_eq!(
            (span.start, span.end),
            (3 * CHECKPOINT as u64, 3 * CHECKPOINT as u64 + 1)
        );
        assert_eq!(t.position(x), (1, 3 * CHECKPOINT as u32 + 1));
        assert_eq!(span.prefix, "é".repeat(Span::CONTEXT));
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
