#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod align;
mod lineage;
mod terms;
mod vectors;

pub use align::{AlignmentConfig, UnitItem, align};
/// The records relations are made of live in `igfkg-model`; they are
/// re-exported here for users of `igfkg::relate`.
pub use igfkg_model::{Alignment, Echo, Relations};
pub use lineage::{LineageConfig, MessageItem, lineage};

use igfkg_model::{DocumentLinks, Extraction, Message, NodeId, Relation, Target};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How cross-year relations are computed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RelationsConfig {
    /// Message lineage.
    pub lineage: LineageConfig,
    /// Theme alignment.
    pub alignment: AlignmentConfig,
}

/// Computes message lineage and theme alignment over every document; the
/// topics of titles are those the linker recorded
/// ([`DocumentLinks::title_topics`]).
pub fn relate(documents: &[(&Extraction, &DocumentLinks)], config: &RelationsConfig) -> Relations {
    // The topics of every node, from the links.
    let mut topics: BTreeMap<&NodeId, BTreeSet<&str>> = BTreeMap::new();
    for (_, links) in documents {
        for link in &links.links {
            if let (Relation::Topic, Target::Topic(topic)) = (link.relation, &link.target) {
                topics.entry(&link.subject).or_default().insert(topic);
            }
        }
    }
    let topics_of = |id: &NodeId| -> Vec<&str> {
        topics
            .get(id)
            .map(|t| t.iter().copied().collect())
            .unwrap_or_default()
    };

    let messages: Vec<MessageItem<'_>> = documents
        .iter()
        .flat_map(|(e, _)| &e.messages)
        .map(|m| MessageItem {
            id: &m.id,
            year: m.year,
            text: &m.text,
            topics: topics_of(&m.id),
        })
        .collect();
    let echoes = lineage(&messages, &config.lineage);

    let mut units = Vec::new();
    for (extraction, links) in documents {
        let title_topics = |id: &NodeId| links.title_topics.get(id).cloned().unwrap_or_default();
        for theme in &extraction.themes {
            let members = extraction
                .messages
                .iter()
                .filter(|m| m.theme.as_ref() == Some(&theme.id));
            let mut unit = unit(
                &theme.id,
                theme.year,
                theme.title.clone(),
                members,
                &topics_of,
            );
            unit.title_topics = title_topics(&theme.id);
            units.push(unit);
        }
        for session in &extraction.sessions {
            let title = match &session.description {
                Some(d) => format!("{}\n{d}", session.title),
                None => session.title.clone(),
            };
            let members = extraction
                .messages
                .iter()
                .filter(|m| m.session.as_ref() == Some(&session.id));
            let mut unit = unit(&session.id, session.year, title, members, &topics_of);
            unit.title_topics = title_topics(&session.id);
            units.push(unit);
        }
    }
    let alignments = align(&units, &config.alignment);
    Relations { echoes, alignments }
}

/// A theme or session with the text and topic counts of its messages.
fn unit<'a>(
    id: &'a NodeId,
    year: u16,
    title: String,
    members: impl Iterator<Item = &'a Message>,
    topics_of: &impl Fn(&NodeId) -> Vec<&'a str>,
) -> UnitItem<'a> {
    let mut text = title;
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for topic in topics_of(id) {
        *counts.entry(topic).or_default() += 1;
    }
    for message in members {
        text.push('\n');
        text.push_str(&message.text);
        for topic in topics_of(&message.id) {
            *counts.entry(topic).or_default() += 1;
        }
    }
    UnitItem {
        id,
        year,
        text,
        topics: counts,
        title_topics: Vec::new(),
    }
}
