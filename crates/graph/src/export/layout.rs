//! The layout of igfkg's Turtle and TriG, after the serialiser wrote it:
//! the prefixes in alphabetical order, then a blank line, and a blank line
//! between subjects, as rdflib and Jena write them, so that a reader (and a
//! diff) sees one block per subject.
//!
//! Oxttl declares prefixes by decreasing length of their namespace and
//! writes each subject's block on the lines after the previous one. Its
//! literals never hold a raw line break (it escapes them), so a line that
//! ends with ` .` ends a subject's block, and the lines that open the
//! output with `@prefix` or `@base` are its prelude.

use std::io::{self, Write};

/// A writer that lays out the Turtle or TriG written into it (see the
/// module's documentation); [`Layout::finish`] gives the inner writer back.
pub(crate) struct Layout<W: Write> {
    inner: W,
    /// The prelude's lines until its end, then `None`.
    prelude: Option<Vec<Vec<u8>>>,
    /// The line being read (in the prelude), or the last two bytes of the
    /// line being written.
    line: Vec<u8>,
    /// Whether the last complete line ended a subject's block.
    after_statement: bool,
    /// Whether the next byte starts a line.
    at_line_start: bool,
    /// Whether to lay out at all (not for the formats without prefixes).
    active: bool,
}

impl<W: Write> Layout<W> {
    /// Lays out what is written if `active`; else passes it on as it is.
    pub(crate) fn new(inner: W, active: bool) -> Self {
        Self {
            inner,
            prelude: active.then(Vec::new),
            line: Vec::new(),
            after_statement: false,
            at_line_start: true,
            active,
        }
    }

    /// Writes what is held back (a prelude with no statement after it) and
    /// returns the inner writer.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        if let Some(prelude) = &mut self.prelude
            && !self.line.is_empty()
        {
            prelude.push(std::mem::take(&mut self.line));
        }
        self.end_prelude(false)?;
        self.inner.flush()?;
        Ok(self.inner)
    }

    /// Writes the prelude's lines sorted (`@base` first, then the prefixes by
    /// name), and a blank line if statements follow.
    fn end_prelude(&mut self, statements_follow: bool) -> io::Result<()> {
        let Some(mut lines) = self.prelude.take() else {
            return Ok(());
        };
        lines.sort_by(|a, b| (!a.starts_with(b"@base"), a).cmp(&(!b.starts_with(b"@base"), b)));
        for line in &lines {
            self.inner.write_all(line)?;
        }
        if statements_follow && !lines.is_empty() {
            self.inner.write_all(b"\n")?;
        }
        Ok(())
    }
}

impl<W: Write> Write for Layout<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.active {
            return self.inner.write(buf);
        }
        let mut rest = buf;
        while let Some(prelude) = &mut self.prelude {
            let Some(&first) = rest.first() else {
                return Ok(buf.len());
            };
            if self.line.is_empty() && first != b'@' {
                self.end_prelude(true)?;
                break;
            }
            match rest.iter().position(|&b| b == b'\n') {
                Some(end) => {
                    self.line.extend_from_slice(&rest[..=end]);
                    prelude.push(std::mem::take(&mut self.line));
                    rest = &rest[end + 1..];
                }
                None => {
                    self.line.extend_from_slice(rest);
                    return Ok(buf.len());
                }
            }
        }
        let mut start = 0;
        for (i, &byte) in rest.iter().enumerate() {
            if self.at_line_start {
                if self.after_statement && byte != b'}' && byte != b'\n' {
                    self.inner.write_all(&rest[start..i])?;
                    self.inner.write_all(b"\n")?;
                    start = i;
                }
                self.after_statement = false;
                self.line.clear();
            }
            self.at_line_start = byte == b'\n';
            if byte == b'\n' {
                self.after_statement = self.line.as_slice() == b" .";
            } else {
                if self.line.len() == 2 {
                    self.line.remove(0);
                }
                self.line.push(byte);
            }
        }
        self.inner.write_all(&rest[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(chunks: &[&str]) -> String {
        let mut layout = Layout::new(Vec::new(), true);
        for chunk in chunks {
            layout.write_all(chunk.as_bytes()).unwrap();
        }
        String::from_utf8(layout.finish().unwrap()).unwrap()
    }

    #[test]
    fn prefixes_sorted_then_a_blank_line_and_one_between_subjects() {
        let turtle = "@prefix topic: <https://w3id.org/igfkg/id/topic/> .\n@prefix igf: <https://w3id.org/igfkg/ontology#> .\ntopic:a a igf:Topic ;\n\tigf:text \"x .\" .\ntopic:b a igf:Topic .\n";
        let expected = "@prefix igf: <https://w3id.org/igfkg/ontology#> .\n@prefix topic: <https://w3id.org/igfkg/id/topic/> .\n\ntopic:a a igf:Topic ;\n\tigf:text \"x .\" .\n\ntopic:b a igf:Topic .\n";
        assert_eq!(laid_out(&[turtle]), expected);
        // However the serialiser cuts its writes.
        let bytes: Vec<String> = turtle.chars().map(String::from).collect();
        let chunks: Vec<&str> = bytes.iter().map(String::as_str).collect();
        assert_eq!(laid_out(&chunks), expected);
    }

    #[test]
    fn trig_blocks_close_without_a_blank_line_before_the_brace() {
        let trig = "@prefix g: <https://example.org/g/> .\ng:1 {\n\tg:a g:p g:b .\n\tg:c g:p g:d .\n}\ng:2 {\n\tg:e g:p g:f .\n}\n";
        let expected = "@prefix g: <https://example.org/g/> .\n\ng:1 {\n\tg:a g:p g:b .\n\n\tg:c g:p g:d .\n}\ng:2 {\n\tg:e g:p g:f .\n}\n";
        assert_eq!(laid_out(&[trig]), expected);
    }

    #[test]
    fn an_empty_graph_is_its_prelude_alone() {
        assert_eq!(
            laid_out(&["@prefix b: <b:> .\n@prefix a: <a:> .\n"]),
            "@prefix a: <a:> .\n@prefix b: <b:> .\n"
        );
        assert_eq!(laid_out(&[]), "");
    }
}
