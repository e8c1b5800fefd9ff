//! `narrative` and `outline`: prose documents cut into statements.
//!
//! Headings (Markdown `#` headings, bold-only paragraphs, and short lines
//! without closing punctuation) open sections; paragraphs and list items
//! become statements of their section, in document order. The `narrative`
//! format also reads meeting facts from its paragraphs (see [`crate::facts`]);
//! `outline`, the fallback for documents of unknown layout, does not.
//!
//! Both drop the page furniture of text saved from web pages first (see
//! [`crate::boilerplate`]), with an info diagnostic naming the lines, and
//! cut a block longer than 2,000 characters into its sentences.

use crate::blocks::{Block, BlockKind, BlockOptions, Builder, blocks_without, strip_markdown};
use crate::sentences::{self, MAX_CHARS};
use crate::{boilerplate, facts};
use igfkg_model::{Extraction, Meeting, SourceDocument};
use igfkg_sources::SourceText;
use regex::Regex;
use std::sync::LazyLock;

static ROMAN_SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[IVX]{1,5}\.\s+\S").unwrap());
static BOLD_ONLY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\*\*[^*]+\*\*$").unwrap());

/// Whether a block reads as a heading.
fn is_heading(block: &Block) -> bool {
    match block.kind {
        BlockKind::Heading(_) => true,
        BlockKind::Paragraph => {
            let text = block.text.trim();
            if BOLD_ONLY.is_match(text) {
                return true;
            }
            let words = text.split_whitespace().count();
            let limit = if ROMAN_SECTION.is_match(text) { 25 } else { 12 };
            block.line == block.last_line
                && words <= limit
                && text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && !text.ends_with(['.', ':', ';', ',', '!', '?', '"', '\'', '”', '’', ')'])
                && !text.contains("://")
                && !text.contains('@')
        }
        _ => false,
    }
}

fn statement_chars(block: &Block) -> usize {
    block.text.chars().count()
}

/// Cuts the document into statements; reads facts when `with_facts`.
pub(crate) fn parse(
    document: &SourceDocument,
    text: &SourceText,
    with_facts: bool,
    meetings: &[Meeting],
) -> Extraction {
    let mut b = Builder::new(document, text).with_meetings(meetings);
    let (furniture, dropped) = boilerplate::find(text);
    for run in &furniture {
        let (first, last) = run.lines;
        let lines = if first == last {
            format!("line {first}")
        } else {
            format!("lines {first}-{last}")
        };
        b.info(run.offset, format!("dropped {} ({lines})", run.what));
    }
    let mut section: Option<String> = None;
    for block in blocks_without(text, BlockOptions::MARKDOWN, &dropped) {
        if block.kind == BlockKind::Rule {
            continue;
        }
        let statement = strip_markdown(&block.text);
        if is_heading(&block) {
            // A heading that names a meeting ("IGF 2010 Vilnius") is the
            // default meeting of the facts of its section.
            b.section_meeting = b
                .meetings()
                .mentions(&statement)
                .first()
                .map(|m| m.year)
                .filter(|year| *year != 0);
            b.statement(statement.clone(), None, true, (block.start, block.end));
            section = Some(statement);
            continue;
        }
        b.statement(
            statement,
            section.as_deref(),
            false,
            (block.start, block.end),
        );
        if with_facts {
            if statement_chars(&block) > MAX_CHARS {
                // A block without structure is read sentence by sentence,
                // so that the cost of reading facts stays linear in its size.
                for (s, e) in sentences::sentences(&text.as_str()[block.start..block.end]) {
                    facts::extract(&mut b, block.start + s, block.start + e);
                }
            } else {
                facts::extract(&mut b, block.start, block.end);
            }
        }
    }
    b.finish()
}
