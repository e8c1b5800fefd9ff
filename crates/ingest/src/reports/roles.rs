//! The people of a report: people lines and keynote speakers, their
//! records and their roles in the session.

use crate::blocks::{Block, Builder};
use crate::people::{self, PersonLine};
use igfkg_model::{NodeId, NodeKind, Person, Role, RoleKind};

use super::points::PeopleContext;

fn person_id(name: &str) -> NodeId {
    NodeId::person(name)
}

/// Adds a person once per document; later mentions fill in what the first
/// lacked, and keep the other ways the name is written.
pub(crate) fn add_person(b: &mut Builder<'_>, person: Person) -> NodeId {
    let id = person.id.clone();
    match b.out.people.iter_mut().find(|p| p.id == id) {
        Some(known) => {
            for name in std::iter::once(person.name).chain(person.variants) {
                if name != known.name && !known.variants.contains(&name) {
                    known.variants.push(name);
                }
            }
            known.position_title = known.position_title.take().or(person.position_title);
            known.affiliation = known.affiliation.take().or(person.affiliation);
            known.country = known.country.take().or(person.country);
            known.stakeholder_group = known.stakeholder_group.take().or(person.stakeholder_group);
        }
        None => b.out.people.push(person),
    }
    id
}

pub(crate) fn add_role(
    b: &mut Builder<'_>,
    session: &NodeId,
    person: &NodeId,
    kind: RoleKind,
    subject: Option<String>,
    (start, end): (usize, usize),
) {
    add_inferred_role(b, session, person, kind, subject, None, (start, end));
}

/// [`add_role`] with the confidence of a role read from what someone said.
pub(crate) fn add_inferred_role(
    b: &mut Builder<'_>,
    session: &NodeId,
    person: &NodeId,
    kind: RoleKind,
    subject: Option<String>,
    confidence: Option<u8>,
    (start, end): (usize, usize),
) {
    let role = format!("{kind:?}");
    let id = NodeId::keyed(NodeKind::Role, &[session.as_str(), person.as_str(), &role]);
    if b.out.roles.iter().any(|r| r.id == id) {
        return;
    }
    let span = b.span(start, end);
    b.out.roles.push(Role {
        id,
        person: person.clone(),
        session: session.clone(),
        kind,
        subject,
        confidence,
        span,
    });
}

pub(super) fn add_person_line(
    b: &mut Builder<'_>,
    session: &NodeId,
    line: &PersonLine,
    block: &Block,
    people: &PeopleContext,
) {
    let span = b.span(block.start, block.end);
    let id = add_person(
        b,
        Person {
            id: person_id(&line.name),
            name: line.name.clone(),
            variants: Vec::new(),
            position_title: line.position_title.clone(),
            affiliation: line.affiliation.clone(),
            country: line.country.clone(),
            stakeholder_group: line.stakeholder_group.clone(),
            span,
        },
    );
    if line.presented {
        add_role(
            b,
            session,
            &id,
            RoleKind::Presenter,
            line.subject.clone(),
            (block.start, block.end),
        );
    }
    if people.facilitators || !line.presented {
        add_role(
            b,
            session,
            &id,
            RoleKind::Facilitator,
            line.subject.clone(),
            (block.start, block.end),
        );
    }
}

pub(super) fn add_keynote(
    b: &mut Builder<'_>,
    session: &NodeId,
    block: &Block,
    keynote: &people::Keynote,
    blocks: &[Block],
) {
    // The keynote's affiliation is read from the report's own words about
    // the speaker ("the efforts of the Australian Government").
    let all: String = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let affiliation = people::government_affiliation(&all);
    let offset = block.start + block_offset(b.text.as_str(), block.start, block.end, keynote.start);
    let end = block.start + block_offset(b.text.as_str(), block.start, block.end, keynote.end);
    let stakeholder_group = match (&affiliation, &keynote.title) {
        (Some((org, _)), _) if org.contains("Government") => Some("Government".to_owned()),
        (_, Some(title)) if title.contains("Ambassador") || title.contains("Minister") => {
            Some("Government".to_owned())
        }
        _ => None,
    };
    let span = b.span(offset, end);
    let id = add_person(
        b,
        Person {
            id: person_id(&keynote.name),
            name: keynote.name.clone(),
            variants: Vec::new(),
            position_title: keynote.title.clone(),
            affiliation: affiliation.as_ref().map(|a| a.0.clone()),
            country: affiliation.and_then(|a| a.1),
            stakeholder_group,
            span,
        },
    );
    add_role(b, session, &id, RoleKind::Keynote, None, (offset, end));
}

/// Maps an offset in a block's folded text back to the source: blocks of
/// one line keep their text as written, so the offset carries over; for
/// blocks of several lines the line breaks were folded to single spaces.
fn block_offset(source: &str, start: usize, end: usize, folded: usize) -> usize {
    let raw = &source[start..end];
    let mut seen = 0;
    let mut previous_space = false;
    for (i, c) in raw.char_indices() {
        if seen >= folded {
            return i;
        }
        let space = c.is_whitespace();
        if !(space && previous_space) {
            seen += c.len_utf8();
        }
        previous_space = space;
    }
    raw.len()
}
