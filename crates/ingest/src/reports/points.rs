//! The points of a report field: messages, with the lead-ins, sub-headings,
//! people lines, rosters, placeholders and pointers to recordings that
//! stand among them and are not messages.

use super::field_kind;
use super::roles::{add_keynote, add_person_line};
use crate::blocks::{Block, Builder, fold_spaces};
use crate::people;
use igfkg_model::NodeId;
use regex::Regex;
use std::sync::LazyLock;

/// A lead-in that introduces a roster of participants ("The list of
/// participating NRIs is this session is:", 2019 reports line 296).
static ROSTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:list of (?:the )?participa\w*|participating (?:NRIs|initiatives|organi[sz]ations|countries)\b[^:]*:$)").unwrap()
});

/// A field that says it has nothing to report ("This question does not
/// apply to the concluding session …", 2019 reports line 66).
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:this (?:question|field|section) (?:does not|doesn't|did not) apply|not applicable\b|n/?a\.?$|none\.?$|tbd\.?$)").unwrap()
});

/// A pointer to the session's recording or transcript ("The session video
/// recording and transcrip is available here.", line 84).
static RECORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:video|recording|transcripts?|transcrip)\b.*\b(?:is|are) available\b.*\bhere\b",
    )
    .unwrap()
});

/// What the report said about people so far: whether the lead-in of the
/// current list speaks of facilitators.
#[derive(Default)]
pub(super) struct PeopleContext {
    pub(super) facilitators: bool,
}

/// Bullets indented under a bullet are part of it: `1. How can … pillar of
/// development:` with its sub-items `1. People: …`.
pub(super) fn merge_children(blocks: &[Block]) -> Vec<Block> {
    let mut merged: Vec<Block> = Vec::new();
    for block in blocks {
        match merged.last_mut() {
            Some(parent)
                if block.is_bullet() && parent.is_bullet() && block.indent() > parent.indent() =>
            {
                parent.text.push(' ');
                parent.text.push_str(&block.text);
                parent.end = block.end;
                parent.last_line = block.last_line;
            }
            _ => merged.push(block.clone()),
        }
    }
    merged
}

/// Whether a block is a sub-heading inside a field ("Safety & Security"):
/// one short line without closing punctuation, followed by more content.
fn is_subheading(block: &Block, followed: bool) -> bool {
    followed
        && !block.is_bullet()
        && block.line == block.last_line
        && block.text.split_whitespace().count() <= 8
        && !block
            .text
            .trim_end()
            .ends_with(['.', ':', '?', '!', ';', ','])
}

pub(super) fn read_points(
    b: &mut Builder<'_>,
    (session, theme): (&NodeId, Option<&NodeId>),
    title: &str,
    number: u8,
    heading: &str,
    blocks: &[Block],
    people: &mut PeopleContext,
) {
    let blocks = merge_children(blocks);
    let kind = field_kind(number);
    let section = format!("{title} — {number}. {heading}");
    let mut group: Option<String> = None;
    let mut roster = false;
    let only_lead_in = {
        let mut words = blocks
            .iter()
            .filter(|b| !(b.is_bullet() && people::parse_line(&fold_spaces(&b.text)).is_some()));
        matches!((words.next(), words.next()), (Some(only), None) if !only.is_bullet() && fold_spaces(&only.text).ends_with(':'))
    };
    for (index, block) in blocks.iter().enumerate() {
        let followed = index + 1 < blocks.len();
        let text = fold_spaces(&block.text);
        if block.is_bullet()
            && let Some(line) = people::parse_line(&text)
        {
            add_person_line(b, session, &line, block, people);
            continue;
        }
        if roster && block.is_bullet() {
            // The roster stays in the field's text, where the linker finds
            // the participants it names as the session's own words.
            continue;
        }
        roster = false;
        if PLACEHOLDER.is_match(&text) {
            b.info(
                block.start,
                format!(
                    "report {title:?}: field {number} ({heading}) says it does not apply: {text:?}"
                ),
            );
            continue;
        }
        if RECORDING.is_match(&text) && !text.contains("://") && !text.contains("www.") {
            b.info(
                block.start,
                format!("report {title:?}: field {number} ({heading}) points to a recording or transcript the text does not link: {text:?}"),
            );
            continue;
        }
        if !block.is_bullet() && text.ends_with(':') && followed && !only_lead_in {
            // A lead-in ("… as listed below:") introduces the points after it.
            people.facilitators = text.to_lowercase().contains("facilita");
            roster = ROSTER.is_match(&text);
            b.statement(text, Some(&section), false, (block.start, block.end));
            continue;
        }
        if only_lead_in {
            // A field whose only words besides people lines are a lead-in
            // ("The group was divided in 3 grouping … as listed below:",
            // line 30) has that lead-in as its point.
            people.facilitators = text.to_lowercase().contains("facilita");
        }
        if is_subheading(block, followed) {
            group = Some(text);
            continue;
        }
        if let Some(keynote) = people::keynote(&text) {
            add_keynote(b, session, block, &keynote, &blocks);
        }
        b.message(
            kind,
            text,
            None,
            Some(session),
            theme,
            group.as_deref(),
            (block.start, block.end),
        );
    }
}
