//! The building blocks every format shares: a document cut into headings,
//! bullets and paragraphs; Markdown inline markup removed; and a builder that
//! mints identifiers and spans for the records.

use igfkg_model::{
    Diagnostic, Extraction, Message, MessageKind, NodeId, NodeKind, Severity, SourceDocument, Span,
    Statement, normalize_key,
};
use igfkg_sources::SourceText;
use regex::Regex;
use std::sync::LazyLock;

/// What kind of block a run of lines is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A Markdown heading (`## Title`), with its level.
    Heading(u8),
    /// A list item, with the column of its marker and the marker itself.
    Bullet { indent: usize, marker: String },
    /// A paragraph: lines up to a blank line, heading or list item.
    Paragraph,
    /// A Markdown thematic break (`---`).
    Rule,
}

/// A heading, list item or paragraph, with its byte range in the document.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) kind: BlockKind,
    /// First line, from 1.
    pub(crate) line: u32,
    /// Last line, from 1.
    pub(crate) last_line: u32,
    /// Byte offset of the content (after any list marker or `#`).
    pub(crate) start: usize,
    /// Byte offset just after the content.
    pub(crate) end: usize,
    /// The content, lines joined with one space, without the marker.
    pub(crate) text: String,
}

impl Block {
    pub(crate) fn is_bullet(&self) -> bool {
        matches!(self.kind, BlockKind::Bullet { .. })
    }

    pub(crate) fn indent(&self) -> usize {
        match self.kind {
            BlockKind::Bullet { indent, .. } => indent,
            _ => 0,
        }
    }
}

/// A list marker: a bullet character, a dash, or a number or letter with
/// `.` or `)`, followed by white space.
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*)([•◦▪▫●○■□‣⁃∙·*+\-–—]|\d{1,2}[.)]|[a-z][)])\s+\S").unwrap()
});

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+(.*?)\s*#*\s*$").unwrap());

/// Options of [`blocks`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BlockOptions {
    /// Read `#` headings and `---` rules as Markdown.
    pub(crate) markdown: bool,
    /// Read numbered lines at column 0 (`1. Title`) as list items; when
    /// false they are paragraph text (the numbered fields of a report are
    /// found before blocks are cut).
    pub(crate) numbered_at_margin: bool,
}

/// Cuts lines `[from, to)` (indices into `text.lines()`) into blocks.
pub(crate) fn blocks_in(
    text: &SourceText,
    from: usize,
    to: usize,
    options: BlockOptions,
) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // Whether the last line read continues the last block.
    let mut open = false;
    for line in text.lines().skip(from).take(to.saturating_sub(from)) {
        if line.is_blank() {
            open = false;
            continue;
        }
        let (start, end, trimmed) = line.trimmed();
        if options.markdown {
            if let Some(captures) = HEADING.captures(line.text) {
                let content = captures.get(2).unwrap();
                blocks.push(Block {
                    kind: BlockKind::Heading(captures[1].len() as u8),
                    line: line.number,
                    last_line: line.number,
                    start: line.start + content.start(),
                    end: line.start + content.end(),
                    text: content.as_str().to_owned(),
                });
                open = false;
                continue;
            }
            if trimmed.len() >= 3 && trimmed.chars().all(|c| c == '-' || c == '*' || c == '_') {
                blocks.push(Block {
                    kind: BlockKind::Rule,
                    line: line.number,
                    last_line: line.number,
                    start,
                    end,
                    text: String::new(),
                });
                open = false;
                continue;
            }
        }
        if let Some(captures) = BULLET.captures(line.text) {
            let indent = captures[1].chars().count();
            let marker = captures[2].to_owned();
            let numbered = marker
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            if !(numbered && indent == 0 && !options.numbered_at_margin) {
                let content_start = line.start + captures.get(2).unwrap().end();
                let rest = &text.as_str()[content_start..end];
                let skip = rest.len() - rest.trim_start().len();
                blocks.push(Block {
                    kind: BlockKind::Bullet { indent, marker },
                    line: line.number,
                    last_line: line.number,
                    start: content_start + skip,
                    end,
                    text: rest.trim().to_owned(),
                });
                open = true;
                continue;
            }
        }
        match blocks.last_mut() {
            // A line right after a paragraph line continues the paragraph; a
            // line right after a list item continues it when indented.
            Some(last)
                if open
                    && (last.kind == BlockKind::Paragraph
                        || (last.is_bullet() && start - line.start > last.indent())) =>
            {
                last.end = end;
                last.last_line = line.number;
                last.text.push(' ');
                last.text.push_str(trimmed);
            }
            _ => {
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    line: line.number,
                    last_line: line.number,
                    start,
                    end,
                    text: trimmed.to_owned(),
                });
                open = true;
            }
        }
    }
    blocks
}

/// Cuts a whole document into blocks.
pub(crate) fn blocks(text: &SourceText, options: BlockOptions) -> Vec<Block> {
    blocks_in(text, 0, usize::MAX, options)
}

static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());
static STRONG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\*(.+?)\*\*|__(.+?)__").unwrap());
static EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^\w*])\*([^*\s](?:[^*]*[^*\s])?)\*").unwrap());
static ESCAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\([\\`*_{}\[\]()#+\-.!])").unwrap());
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+").unwrap());

/// Removes Markdown inline markup: links keep their text, strong and
/// emphasis markers go, escapes are resolved, white space is folded.
pub(crate) fn strip_markdown(text: &str) -> String {
    let text = LINK.replace_all(text, "$1");
    let text = STRONG.replace_all(&text, "$1$2");
    let text = EMPHASIS.replace_all(&text, "$1$2");
    let text = ESCAPE.replace_all(&text, "$1");
    fold_spaces(&text)
}

/// Folds white-space runs to one space and trims.
pub(crate) fn fold_spaces(text: &str) -> String {
    SPACES.replace_all(text.trim(), " ").into_owned()
}

/// The first **strong** span of a Markdown paragraph, without markup and
/// without a trailing comma: the key sentence of a Paris message.
pub(crate) fn headline(markdown: &str) -> Option<String> {
    let captures = STRONG.captures(markdown)?;
    let inner = captures.get(1).or(captures.get(2))?.as_str();
    let headline = strip_markdown(inner);
    let headline = headline.trim_end_matches([',', ';', ' ']).to_owned();
    (!headline.is_empty()).then_some(headline)
}

/// Accumulates the records of one document, minting identifiers and spans.
pub(crate) struct Builder<'a> {
    pub(crate) document: &'a SourceDocument,
    pub(crate) text: &'a SourceText,
    pub(crate) out: Extraction,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(document: &'a SourceDocument, text: &'a SourceText) -> Self {
        Self {
            document,
            text,
            out: Extraction {
                document: document.id.clone(),
                ..Extraction::default()
            },
        }
    }

    /// The year of the meeting the document is about.
    pub(crate) fn meeting_year(&self) -> u16 {
        self.document.meeting
    }

    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        self.text.span(start, end)
    }

    /// Adds a message; returns its identifier.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn message(
        &mut self,
        kind: MessageKind,
        text: String,
        headline: Option<String>,
        session: Option<&NodeId>,
        theme: Option<&NodeId>,
        group: Option<&str>,
        (start, end): (usize, usize),
    ) -> NodeId {
        let position = self.out.messages.len() as u32 + 1;
        let id = NodeId::keyed(
            NodeKind::Message,
            &[&self.document.id, &position.to_string()],
        );
        self.out.messages.push(Message {
            id: id.clone(),
            kind,
            text,
            headline,
            year: self.meeting_year(),
            position,
            session: session.cloned(),
            theme: theme.cloned(),
            group: group.map(str::to_owned),
            span: self.span(start, end),
        });
        id
    }

    /// Adds a statement; returns its identifier.
    pub(crate) fn statement(
        &mut self,
        text: String,
        section: Option<&str>,
        heading: bool,
        (start, end): (usize, usize),
    ) -> NodeId {
        let position = self.out.statements.len() as u32 + 1;
        let id = NodeId::keyed(
            NodeKind::Statement,
            &[&self.document.id, &position.to_string()],
        );
        self.out.statements.push(Statement {
            id: id.clone(),
            text,
            position,
            section: section.map(str::to_owned),
            heading,
            span: self.span(start, end),
        });
        id
    }

    /// The identifier of a session of this document.
    pub(crate) fn session_id(&self, title: &str, position: u32) -> NodeId {
        NodeId::keyed(
            NodeKind::Session,
            &[
                &self.document.id,
                &normalize_key(title),
                &position.to_string(),
            ],
        )
    }

    /// The identifier of a theme of this document.
    pub(crate) fn theme_id(&self, title: &str) -> NodeId {
        NodeId::keyed(NodeKind::Theme, &[&self.document.id, &normalize_key(title)])
    }

    /// Records a warning at a byte offset.
    pub(crate) fn warn(&mut self, offset: usize, message: impl Into<String>) {
        self.diagnostic(Severity::Warning, offset, message.into());
    }

    /// Records a note at a byte offset: something a reader should know
    /// about what was left out, which is not an oddity of the document.
    pub(crate) fn note(&mut self, offset: usize, message: impl Into<String>) {
        self.diagnostic(Severity::Info, offset, message.into());
    }

    fn diagnostic(&mut self, severity: Severity, offset: usize, message: String) {
        let (line, column) = self.text.position(offset);
        self.out.diagnostics.push(Diagnostic {
            severity,
            document: self.document.id.clone(),
            line,
            column,
            message,
        });
    }

    pub(crate) fn finish(self) -> Extraction {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, markdown: bool) -> Vec<(BlockKind, u32, String)> {
        let text = SourceText::new("t", text.to_owned());
        blocks(
            &text,
            BlockOptions {
                markdown,
                numbered_at_margin: true,
            },
        )
        .into_iter()
        .map(|b| (b.kind, b.line, b.text))
        .collect()
    }

    #[test]
    fn bullets_and_paragraphs() {
        let blocks = cut(
            "Title line\n\n  • one\n  • two\n    more\n\nA para\ngraph.\n- dash\n",
            false,
        );
        let texts: Vec<_> = blocks.iter().map(|b| (b.1, b.2.as_str())).collect();
        assert_eq!(
            texts,
            vec![
                (1, "Title line"),
                (3, "one"),
                (4, "two more"),
                (7, "A para graph."),
                (9, "dash")
            ]
        );
        assert!(matches!(&blocks[1].0, BlockKind::Bullet { marker, indent: 2 } if marker == "•"));
    }

    #[test]
    fn markdown_headings_rules_and_bold_lines() {
        let blocks = cut("## MEDIA\n\n---\n\n**Bold** text.\n", true);
        assert_eq!(blocks[0].0, BlockKind::Heading(2));
        assert_eq!(blocks[1].0, BlockKind::Rule);
        assert_eq!(blocks[2].0, BlockKind::Paragraph);
    }

    #[test]
    fn markdown_is_stripped() {
        assert_eq!(
            strip_markdown(
                "During the IGF 2017, the so-called “[Geneva Messages](#)”) **were** *elaborated*. Policy Options \\(CENB\\)"
            ),
            "During the IGF 2017, the so-called “Geneva Messages”) were elaborated. Policy Options (CENB)"
        );
        assert_eq!(strip_markdown("#### *Messages*"), "#### Messages");
    }

    #[test]
    fn headline_is_the_first_strong_span() {
        assert_eq!(
            headline("**This ambition must be done in the respect of net neutrality,** which"),
            Some("This ambition must be done in the respect of net neutrality".into())
        );
        assert_eq!(headline("No bold here."), None);
    }
}
