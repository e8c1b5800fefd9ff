//! The building blocks every format shares: a document cut into headings,
//! bullets and paragraphs; Markdown inline markup removed; and a builder that
//! mints identifiers and spans for the records.

use crate::meetings::Meetings;
use crate::sentences::{self, MAX_CHARS};
use igfkg_model::{
    Diagnostic, Extraction, Fact, FactKind, Figure, Meeting, Message, MessageKind, NodeId,
    NodeKind, Severity, SourceDocument, Span, Statement, normalize_key,
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

impl BlockOptions {
    /// A Markdown document whose numbered lines are list items (the
    /// key-messages layouts).
    pub(crate) const MARKDOWN: Self = Self {
        markdown: true,
        numbered_at_margin: true,
    };
    /// A plain-text document whose numbered lines are list items.
    pub(crate) const PLAIN: Self = Self {
        markdown: false,
        numbered_at_margin: true,
    };
}

/// Cuts lines `[from, to)` (indices into `text.lines()`) into blocks.
pub(crate) fn blocks_in(
    text: &SourceText,
    from: usize,
    to: usize,
    options: BlockOptions,
) -> Vec<Block> {
    cut(text, from, to, options, &[])
}

/// Cuts a whole document into blocks, reading the lines marked in `dropped`
/// (by line index) as blank: page furniture that must not join a paragraph.
pub(crate) fn blocks_without(
    text: &SourceText,
    options: BlockOptions,
    dropped: &[bool],
) -> Vec<Block> {
    cut(text, 0, usize::MAX, options, dropped)
}

fn cut(
    text: &SourceText,
    from: usize,
    to: usize,
    options: BlockOptions,
    dropped: &[bool],
) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // Whether the last line read continues the last block.
    let mut open = false;
    for line in text.lines().skip(from).take(to.saturating_sub(from)) {
        let is_dropped = dropped
            .get(line.number as usize - 1)
            .copied()
            .unwrap_or(false);
        if is_dropped || line.is_blank() {
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
    /// The annual meetings of the reference data, for the meetings a text names.
    meetings: &'a [Meeting],
    /// The meeting the current section's heading names, if any.
    pub(crate) section_meeting: Option<u16>,
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
            meetings: &[],
            section_meeting: None,
        }
    }

    /// The builder, resolving the meetings a text names through `meetings`.
    #[must_use]
    pub(crate) fn with_meetings(mut self, meetings: &'a [Meeting]) -> Self {
        self.meetings = meetings;
        self
    }

    pub(crate) fn meetings(&self) -> Meetings<'a> {
        Meetings(self.meetings)
    }

    /// The year of the meeting the document is about. [`crate::parse`]
    /// refuses a format that files every record under one meeting when the
    /// manifest gives none, so the publication year is never read here for
    /// those; it is the last resort of the formats whose records carry
    /// their own year.
    pub(crate) fn meeting_year(&self) -> u16 {
        self.document.meeting.unwrap_or(self.document.year)
    }

    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        self.text.span(start, end)
    }

    /// The position (from 1) and identifier of the next record of `kind`
    /// in this document, after `count` of them.
    fn next(&self, kind: NodeKind, count: usize) -> (u32, NodeId) {
        let position = count as u32 + 1;
        let id = NodeId::keyed(kind, &[&self.document.id, &position.to_string()]);
        (position, id)
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
        let (position, id) = self.next(NodeKind::Message, self.out.messages.len());
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

    /// Adds a statement; returns its identifier. A statement longer than
    /// [`MAX_CHARS`] is a block without structure (a flattened page, a
    /// whole document on one line): it is cut into its sentences, one
    /// statement each, with a warning; the first one's identifier is
    /// returned.
    pub(crate) fn statement(
        &mut self,
        text: String,
        section: Option<&str>,
        heading: bool,
        (start, end): (usize, usize),
    ) -> NodeId {
        if text.chars().count() > MAX_CHARS {
            let source = self.text.as_str();
            let parts = sentences::sentences(&source[start..end]);
            if parts.len() > 1 {
                let length = text.chars().count();
                self.warn(
                    start,
                    format!(
                        "a block of {length} characters has no structure (no headings, list items or paragraph breaks); read as its {} sentences",
                        parts.len()
                    ),
                );
                let mut first = None;
                for (s, e) in parts {
                    let sentence = strip_markdown(&source[start + s..start + e]);
                    let id = self.add_statement(sentence, section, heading, (start + s, start + e));
                    first.get_or_insert(id);
                }
                return first.unwrap_or_else(|| unreachable!("parts is not empty"));
            }
        }
        self.add_statement(text, section, heading, (start, end))
    }

    fn add_statement(
        &mut self,
        text: String,
        section: Option<&str>,
        heading: bool,
        (start, end): (usize, usize),
    ) -> NodeId {
        let (position, id) = self.next(NodeKind::Statement, self.out.statements.len());
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

    /// Records something worth knowing (what was dropped as page furniture).
    pub(crate) fn info(&mut self, offset: usize, message: impl Into<String>) {
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

    /// Adds a fact read from a layout's own fixed phrasing (a transcript's
    /// header) unless the document already states it with the same value.
    pub(crate) fn fact(
        &mut self,
        kind: FactKind,
        meeting: u16,
        figure: Option<Figure>,
        value: String,
        (start, end): (usize, usize),
    ) {
        let known = self
            .out
            .facts
            .iter()
            .any(|f| f.kind == kind && f.meeting == meeting && f.value == value);
        if known {
            return;
        }
        let (_, id) = self.next(NodeKind::Fact, self.out.facts.len());
        let span = self.span(start, end);
        self.out.facts.push(Fact {
            id,
            meeting,
            kind,
            figure,
            value,
            qualifier_note: None,
            span,
        });
    }

    pub(crate) fn finish(self) -> Extraction {
        self.out
    }
}

#[cfg(test)]
mod tests;
