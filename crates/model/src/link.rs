//! Links from records to entities (SDGs, NRIs, stakeholder groups,
//! organisations, topics) with their evidence: what the linker hands to the
//! relations and to the RDF mapping.

use crate::id::NodeId;
use crate::reference::Organization;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a link was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// A pattern of the text (an SDG number, a call to a group).
    Pattern,
    /// A name or alias of a registry (NRIs, organisations).
    Gazetteer,
    /// A label of a concept scheme (topics, stakeholder groups).
    Vocabulary,
}

/// What a link says of its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The subject refers to a Sustainable Development Goal or target (`igf:sdg`).
    Sdg,
    /// The subject names a National, Regional or Youth IGF initiative (`igf:nri`).
    Nri,
    /// A person or organisation belongs to a stakeholder group (`igf:stakeholderGroup`).
    StakeholderGroup,
    /// A message calls on a stakeholder group (`igf:addresses`).
    Addresses,
    /// The subject names an organisation (`igf:organization`).
    Organization,
    /// A person is affiliated with an organisation (`igf:affiliation`).
    Affiliation,
    /// The subject is about a topic (`igf:topic`).
    Topic,
}

/// What a link points to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// A goal, 1 to 17.
    Goal(u8),
    /// A target of a goal (`9.c` is goal 9, target `c`).
    GoalTarget(u8, String),
    /// An NRI of the registry, by id.
    Nri(String),
    /// A stakeholder group, by id.
    StakeholderGroup(String),
    /// An organisation, by node identifier.
    Organization(NodeId),
    /// A topic, by id.
    Topic(String),
}

impl Target {
    /// A stable text form, used in identifiers and sort keys.
    pub fn key(&self) -> String {
        match self {
            Self::Goal(n) => format!("sdg:{n}"),
            Self::GoalTarget(n, t) => format!("sdg:{n}.{t}"),
            Self::Nri(id) => format!("nri:{id}"),
            Self::StakeholderGroup(id) => format!("stakeholder-group:{id}"),
            Self::Organization(id) => id.to_string(),
            Self::Topic(id) => format!("topic:{id}"),
        }
    }
}

/// Why a link was made: the words, the method, how sure it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The matched words in the source document.
    pub span: Span,
    /// How they were matched.
    pub method: Method,
    /// How sure the link is, from 0 to 1, where it is not certain.
    pub confidence: Option<f64>,
    /// The label, alias or pattern that matched.
    pub rule: String,
}

/// A link from a node to an entity, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Node identifier of the link itself.
    pub id: NodeId,
    /// The node the link is about.
    pub subject: NodeId,
    /// What the link says.
    pub relation: Relation,
    /// What it points to.
    pub target: Target,
    /// Why.
    pub evidence: Evidence,
}

/// An entity a session or theme names through its messages: stated
/// directly, its evidence being the messages' links.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RollUp {
    /// The session or theme.
    pub subject: NodeId,
    /// What its messages say.
    pub relation: Relation,
    /// What they point to.
    pub target: Target,
}

/// The links of one document, and the organisations its people are
/// affiliated with that the gazetteer does not know.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentLinks {
    /// Links with their evidence, sorted by subject, relation and target.
    pub links: Vec<Link>,
    /// Links of sessions and themes taken from their messages, sorted.
    pub rollups: Vec<RollUp>,
    /// Organisations named in people's affiliations and not in the gazetteer.
    pub organizations: Vec<Organization>,
    /// The topics each theme's and session's title names, by id, sorted;
    /// titles that name none are left out. Cross-year alignment compares
    /// titles by these.
    pub title_topics: BTreeMap<NodeId, Vec<String>>,
}
