//! Who speaks each turn and what they say: people from labels and from introductions, and the turn's utterances.

use super::*;

/// The person a label names, with a speaker role (stated by the label, so
/// without a confidence) and a moderator role when the label says so.
pub(super) fn label_person(
    b: &mut Builder<'_>,
    session: &NodeId,
    label: &Label,
    (start, end): (usize, usize),
) -> Option<NodeId> {
    let name = label.name.as_ref()?;
    let span = b.span(start, end);
    let mut variants = Vec::new();
    if let Some(as_written) = &label.written
        && as_written != name
    {
        variants.push(as_written.clone());
    }
    let id = add_person(
        b,
        Person {
            id: NodeId::person(name),
            name: name.clone(),
            variants,
            position_title: label.title.clone(),
            affiliation: label.organisation.clone(),
            country: None,
            stakeholder_group: None,
            span,
        },
    );
    add_inferred_role(b, session, &id, RoleKind::Speaker, None, None, (start, end));
    if label.generic.as_deref().is_some_and(is_moderating_label) {
        add_inferred_role(
            b,
            session,
            &id,
            RoleKind::Moderator,
            None,
            None,
            (start, end),
        );
    }
    Some(id)
}

/// Reads what a speaker says of themselves in the first words of a turn:
/// their name and organisation, and that they moderate. Returns the turn's
/// speaker: the label's person, or the person a generic label's speaker
/// names themselves.
pub(super) fn said(
    b: &mut Builder<'_>,
    session: &NodeId,
    label: Option<&Label>,
    speaker: Option<NodeId>,
    (start, end): (usize, usize),
) -> Option<NodeId> {
    let source = b.text.as_str();
    // Introductions open a turn: the first 600 bytes are read.
    let mut head_end = (start + 600).min(end);
    while !source.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &source[start..head_end];
    let mut speaker = speaker;
    if let Some(c) = INTRODUCTION.captures(head) {
        let name_match = c.name("name").map_or((0, 0), |m| (m.start(), m.end()));
        let name = clean_name(&c["name"]);
        let organisation = c
            .name("from")
            .or(c.name("work"))
            .map(|m| trim_organisation(m.as_str()));
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        // The evidence ends with the organisation as trimmed.
        let whole_end = match (c.name("from").or(c.name("work")), &organisation) {
            (Some(m), Some(org)) => {
                m.start() + m.as_str().find(org.as_str()).unwrap_or(0) + org.len()
            }
            _ => whole.1,
        };
        let evidence = (start + whole.0, start + whole_end);
        let named = name.split_whitespace().count() >= 2;
        let same = speaker
            .as_ref()
            .is_some_and(|id| *id == NodeId::person(&name));
        let generic = label.is_none_or(|l| l.name.is_none());
        if named && (same || (speaker.is_none() && generic)) {
            let span = b.span(start + name_match.0, start + name_match.1);
            let id = add_person(
                b,
                Person {
                    id: NodeId::person(&name),
                    name: name.clone(),
                    variants: Vec::new(),
                    position_title: None,
                    affiliation: organisation.clone(),
                    country: None,
                    stakeholder_group: None,
                    span,
                },
            );
            if organisation.is_some() {
                // The introduction is the evidence of the affiliation.
                let span = b.span(evidence.0, evidence.1);
                if let Some(person) = b.out.people.iter_mut().find(|p| p.id == id)
                    && person.affiliation == organisation
                {
                    person.span = span;
                }
            }
            if !same {
                let generic = label.and_then(|l| l.generic.as_deref());
                let kind = if generic.is_some_and(is_moderating_label) {
                    RoleKind::Moderator
                } else {
                    RoleKind::Speaker
                };
                add_inferred_role(b, session, &id, kind, None, Some(SAID_NAME), evidence);
            }
            speaker = Some(id);
        }
    }
    if let (Some(id), Some(m)) = (&speaker, MODERATING.find(head)) {
        add_inferred_role(
            b,
            session,
            id,
            RoleKind::Moderator,
            None,
            Some(SAID_ROLE),
            (start + m.start(), start + m.end()),
        );
    }
    speaker
}

/// A name from running text, without a word that is not part of it.
pub(super) fn clean_name(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .take_while(|w| !matches!(*w, "And" | "From" | "I" | "The"))
        .collect();
    words.join(" ")
}

/// An organisation from running text: up to the sentence's end, without a
/// leading "the" or trailing connectives.
pub(super) fn trim_organisation(organisation: &str) -> String {
    let organisation = organisation.split(". ").next().unwrap_or(organisation);
    let organisation = organisation
        .strip_prefix("the ")
        .or_else(|| organisation.strip_prefix("The "))
        .unwrap_or(organisation);
    let mut words: Vec<&str> = organisation.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "for" | "and" | "on" | "the" | "de"))
    {
        words.pop();
    }
    words.join(" ").trim_end_matches('.').to_owned()
}

/// Adds a turn's utterances: the turn, or its parts of at most
/// [`MAX_CHARS`] characters cut at sentence bounds.
pub(super) fn utterances(
    b: &mut Builder<'_>,
    session: &NodeId,
    turn: u32,
    marker: &Marker,
    speaker: Option<&NodeId>,
    (start, end): (usize, usize),
) {
    let source = b.text.as_str();
    let mut parts = Vec::new();
    if source[start..end].chars().count() > MAX_CHARS {
        let mut part: Option<(usize, usize, usize)> = None;
        for (s, e) in sentences::sentences(&source[start..end]) {
            let chars = source[start + s..start + e].chars().count();
            part = match part {
                Some((ps, _, n)) if n + 1 + chars <= MAX_CHARS => {
                    Some((ps, start + e, n + 1 + chars))
                }
                Some((ps, pe, _)) => {
                    parts.push((ps, pe));
                    Some((start + s, start + e, chars))
                }
                None => Some((start + s, start + e, chars)),
            };
        }
        parts.extend(part.map(|(s, e, _)| (s, e)));
    } else {
        parts.push((start, end));
    }
    for (s, e) in parts {
        let position = b.out.utterances.len() as u32 + 1;
        let id = NodeId::keyed(
            NodeKind::Utterance,
            &[&b.document.id, &position.to_string()],
        );
        let span = b.span(s, e);
        b.out.utterances.push(Utterance {
            id,
            position,
            turn,
            speaker_label: marker.label.as_ref().map(|(l, _, _)| l.clone()),
            speaker: speaker.cloned(),
            text: fold_spaces(&b.text.as_str()[s..e]),
            session: Some(session.clone()),
            year: b.meeting_year(),
            span,
        });
    }
}
