//! `messages-by-theme`: key messages as Markdown paragraphs under theme
//! headings, as in the IGF 2018 Paris Messages.
//!
//! A theme heading is a heading followed by a `Messages` sub-heading, or a
//! heading whose text is one of the themes listed as links at the top of the
//! document. Each paragraph or list item under a theme is a message; its
//! first **bold** span is its headline. Paragraphs outside themes (the
//! preamble, the WHEREAS clause) are statements of the document, and facts
//! are read from them.

use crate::ParseError;
use crate::blocks::{Block, BlockKind, BlockOptions, Builder, blocks, headline, strip_markdown};
use crate::facts;
use igfkg_model::{Extraction, MessageKind, NodeId, SourceDocument, Theme, normalize_key};
use igfkg_sources::SourceText;
use regex::Regex;
use std::sync::LazyLock;

/// A paragraph or list item that is only a link: an entry of the theme list.
static LINK_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[([^\]]+)\]\([^)]*\)$").unwrap());

/// The sub-heading that introduces a theme's messages.
static MESSAGES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(key )?(messages|takeaways)$").unwrap());

pub(crate) fn parse(
    document: &SourceDocument,
    text: &SourceText,
) -> Result<Extraction, ParseError> {
    let mut b = Builder::new(document, text);
    let blocks = blocks(text, BlockOptions::MARKDOWN);
    let listed: Vec<String> = blocks
        .iter()
        .filter(|block| matches!(block.kind, BlockKind::Paragraph | BlockKind::Bullet { .. }))
        .filter_map(|block| {
            LINK_ONLY
                .captures(block.text.trim())
                .map(|c| strip_markdown(&c[1]))
        })
        .collect();
    let is_messages_heading = |block: &Block| {
        matches!(block.kind, BlockKind::Heading(_))
            && MESSAGES.is_match(&strip_markdown(&block.text))
    };
    let mut current: Option<(NodeId, usize)> = None;
    let mut section: Option<String> = None;
    let mut themes_end: Vec<(NodeId, usize, usize)> = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Rule => {}
            BlockKind::Heading(_) if is_messages_heading(block) => {}
            BlockKind::Heading(_) => {
                let title = strip_markdown(&block.text);
                let next = blocks[index + 1..]
                    .iter()
                    .find(|b| b.kind != BlockKind::Rule);
                let listed_as = listed
                    .iter()
                    .find(|name| normalize_key(name) == normalize_key(&title));
                if next.is_some_and(is_messages_heading) || listed_as.is_some() {
                    let title = listed_as.cloned().unwrap_or(title);
                    let id = b.theme_id(&title);
                    let position = b.out.themes.len() as u32 + 1;
                    let span = b.span(block.start, block.end);
                    b.out.themes.push(Theme {
                        id: id.clone(),
                        title,
                        year: b.meeting_year(),
                        position,
                        span,
                    });
                    themes_end.push((id.clone(), block.start, block.end));
                    current = Some((id, 0));
                } else {
                    current = None;
                    b.statement(title.clone(), None, true, (block.start, block.end));
                    section = Some(title);
                }
            }
            BlockKind::Paragraph | BlockKind::Bullet { .. } => match &mut current {
                Some((theme, count)) => {
                    let theme = theme.clone();
                    *count += 1;
                    b.message(
                        MessageKind::KeyMessage,
                        strip_markdown(&block.text),
                        headline(&block.text),
                        None,
                        Some(&theme),
                        None,
                        (block.start, block.end),
                    );
                    if let Some(last) = themes_end.last_mut() {
                        last.2 = block.end;
                    }
                }
                None if LINK_ONLY.is_match(block.text.trim()) => {}
                None => {
                    let statement = strip_markdown(&block.text);
                    b.statement(
                        statement,
                        section.as_deref(),
                        false,
                        (block.start, block.end),
                    );
                    facts::extract(&mut b, block.start, block.end);
                }
            },
        }
    }
    // A theme's span runs from its heading to its last message.
    for (id, start, end) in themes_end {
        let span = b.span(start, end);
        let empty = span.end_line == span.start_line;
        if let Some(theme) = b.out.themes.iter_mut().find(|t| t.id == id) {
            theme.span = span;
            if empty {
                let title = theme.title.clone();
                b.warn(start, format!("theme {title:?} has no messages"));
            }
        }
    }
    if b.out.themes.is_empty() {
        let (line, column) = text.position(blocks.first().map_or(0, |b| b.start));
        return Err(ParseError {
            path: text.path().to_owned(),
            line,
            column,
            message: "expected Markdown theme headings followed by a 'Messages' sub-heading, found none; check the document's format in the manifest, or use the outline format".into(),
        });
    }
    Ok(b.finish())
}
