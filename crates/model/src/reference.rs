//! Reference records: facts that come from `data/reference/`, not from the
//! documents of the corpus.

use crate::id::{NodeId, NodeKind};
use serde::{Deserialize, Serialize};

/// An annual meeting of the Internet Governance Forum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Ordinal of the meeting: 1 for the first IGF (Athens, 2006).
    pub ordinal: u16,
    /// Year of the meeting.
    pub year: u16,
    /// Host city, or `None` for a meeting held online only.
    pub city: Option<String>,
    /// Host country (English short name), or `None` for an online meeting.
    pub country: Option<String>,
    /// Host country as an ISO 3166-1 alpha-2 code.
    pub country_code: Option<String>,
    /// First day, as an ISO 8601 date (`2018-11-12`).
    pub start: String,
    /// Last day, as an ISO 8601 date.
    pub end: String,
    /// The overarching theme of the meeting.
    pub theme: String,
    /// Whether the meeting was held online only.
    #[serde(default)]
    pub online: bool,
}

impl Meeting {
    /// The node identifier: `meeting/{year}`.
    pub fn id(&self) -> NodeId {
        NodeId::meeting(self.year)
    }

    /// A label such as `IGF 2018 (13th IGF, Paris)`.
    pub fn label(&self) -> String {
        let place = self.city.as_deref().unwrap_or("online");
        format!(
            "IGF {} ({} IGF, {place})",
            self.year,
            ordinal_word(self.ordinal)
        )
    }
}

/// `1` → `1st`, `13` → `13th`, `22` → `22nd`.
pub fn ordinal_word(n: u16) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// One of the 17 UN Sustainable Development Goals, as the
/// [UN SDG KOS](http://metadata.un.org/sdg/) publishes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    /// Goal number, 1 to 17.
    pub number: u8,
    /// Official short title ("No Poverty").
    pub short_title: String,
    /// Official long title ("End poverty in all its forms everywhere").
    pub title: String,
}

impl Goal {
    /// The UN SDG KOS IRI of the goal: `http://metadata.un.org/sdg/{number}`.
    pub fn iri(&self) -> String {
        goal_iri(&self.number.to_string())
    }
}

/// The namespace of the [UN SDG KOS](http://metadata.un.org/sdg/) goals and
/// targets (`sdg:7`, `sdg:9.c`): the one place it is written.
pub const SDG_NAMESPACE: &str = "http://metadata.un.org/sdg/";

/// The UN SDG KOS IRI of a goal or target notation (`9`, `9.c`).
pub fn goal_iri(notation: &str) -> String {
    format!("{SDG_NAMESPACE}{notation}")
}

/// A stakeholder group, a concept of igfkg's stakeholder-group scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StakeholderGroup {
    /// Short identifier (`civil-society`).
    pub id: String,
    /// Preferred label in English.
    pub label: String,
    /// Other names by which documents call the group.
    #[serde(default)]
    pub alt_labels: Vec<String>,
    /// What the group is.
    pub definition: String,
    /// The identifier of the broader group, if any.
    #[serde(default)]
    pub broader: Option<String>,
}

impl StakeholderGroup {
    /// The node identifier: `stakeholder-group/{id}`.
    pub fn node_id(&self) -> NodeId {
        NodeId::slug(NodeKind::StakeholderGroup, &self.id)
    }
}

/// The kind of a National, Regional or Youth IGF initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NriKind {
    /// A national IGF.
    National,
    /// A regional IGF spanning several countries of a UN region.
    Regional,
    /// A sub-regional IGF.
    SubRegional,
    /// A youth IGF, national or regional.
    Youth,
}

/// A National, Regional or Youth IGF initiative (NRI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nri {
    /// Short identifier (`igf-usa`).
    pub id: String,
    /// Name as the IGF Secretariat writes it.
    pub name: String,
    /// Other names by which documents call it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// National, regional, sub-regional or youth.
    pub kind: NriKind,
    /// ISO 3166-1 alpha-2 code of its country, for a national initiative.
    #[serde(default)]
    pub country: Option<String>,
    /// UN M49 codes of the areas it covers, for a regional, sub-regional
    /// or regional youth initiative: the smallest set of areas that covers
    /// its members (Asia-Pacific is `142` and `009`).
    #[serde(default)]
    pub regions: Vec<String>,
    /// Year of its first meeting, where known.
    #[serde(default)]
    pub established: Option<u16>,
    /// Whether it is active, or became another initiative.
    #[serde(default)]
    pub status: NriStatus,
    /// The id of the initiative it became, for a renamed or merged one.
    #[serde(default)]
    pub successor: Option<String>,
    /// Where the facts about it come from.
    #[serde(default)]
    pub source: String,
}

/// Whether an NRI is still the initiative the Secretariat lists.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum NriStatus {
    /// On the Secretariat's list, no rename known.
    #[default]
    Active,
    /// Renewed under another name (its successor).
    Renamed,
    /// Joined another initiative (its successor).
    Merged,
    /// No longer meets.
    Inactive,
}

impl NriStatus {
    /// The registry's word for the status.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Renamed => "renamed",
            Self::Merged => "merged",
            Self::Inactive => "inactive",
        }
    }

    /// Reads the registry's word.
    pub fn parse(word: &str) -> Option<Self> {
        [Self::Active, Self::Renamed, Self::Merged, Self::Inactive]
            .into_iter()
            .find(|s| s.as_str() == word)
    }
}

impl Nri {
    /// The node identifier: `nri/{id}`.
    pub fn node_id(&self) -> NodeId {
        NodeId::slug(NodeKind::Nri, &self.id)
    }
}

/// A digital-policy topic, a concept of igfkg's topic scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Short identifier (`encryption`).
    pub id: String,
    /// Preferred label in English.
    pub label: String,
    /// One sentence on what the topic covers.
    #[serde(default)]
    pub definition: Option<String>,
    /// Alternative labels and spelling variants.
    #[serde(default)]
    pub alt_labels: Vec<String>,
    /// Labels that usually, but not always, mean the topic: matched with a
    /// lower confidence.
    #[serde(default)]
    pub weak_labels: Vec<String>,
    /// Identifier of the broader topic or basket.
    #[serde(default)]
    pub broader: Option<String>,
    /// Whether this is one of the top-level baskets, which are not matched
    /// in text themselves.
    #[serde(default)]
    pub basket: bool,
}

impl Topic {
    /// The node identifier: `topic/{id}`.
    pub fn node_id(&self) -> NodeId {
        NodeId::slug(NodeKind::Topic, &self.id)
    }
}

/// An organisation, from the gazetteer or named in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// Node identifier (from the normalised name).
    pub id: NodeId,
    /// Name as usually written.
    pub name: String,
    /// Other names and acronyms.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The identifier of its stakeholder group, if known.
    #[serde(default)]
    pub stakeholder_group: Option<String>,
    /// ISO 3166-1 alpha-2 code of its country, if it has one.
    #[serde(default)]
    pub country: Option<String>,
    /// Where the facts about it come from, for organisations of the gazetteer.
    #[serde(default)]
    pub source: Option<String>,
    /// What the body is (`un-body`, `technical`, …), for organisations of
    /// the gazetteer.
    #[serde(default)]
    pub kind: Option<String>,
    /// Its Wikidata item (`Q1065`), where the registry is sure of it.
    #[serde(default)]
    pub wikidata: Option<String>,
}

impl Organization {
    /// The identifier of an organisation of the gazetteer: `organization/{id}`.
    pub fn gazetteer_id(id: &str) -> NodeId {
        NodeId::slug(NodeKind::Organization, id)
    }

    /// The identifier an organisation named in a document, and not in the
    /// gazetteer, gets: a UUID v5 of its normalised name.
    pub fn id_for(name: &str) -> NodeId {
        NodeId::keyed(NodeKind::Organization, &[&crate::id::normalize_key(name)])
    }
}

/// Where a reference file's facts come from: its `[source]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    /// Who publishes the facts.
    pub publisher: String,
    /// Where they are published.
    pub url: String,
    /// When they were last checked against the publication (ISO 8601 date).
    pub checked: String,
    /// Anything a reader should know about how the file was made.
    #[serde(default)]
    pub note: Option<String>,
}

/// All reference data, as `igfkg-sources` reads it from `data/reference/`.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceData {
    /// Every annual IGF meeting, by year.
    pub meetings: Vec<Meeting>,
    /// Where the meeting facts come from.
    pub meetings_source: Attribution,
    /// The 17 goals, by number.
    pub goals: Vec<Goal>,
    /// Where the goal titles come from.
    pub goals_source: Attribution,
    /// The stakeholder groups, in the order of the file.
    pub stakeholder_groups: Vec<StakeholderGroup>,
    /// Where the stakeholder-group scheme comes from.
    pub stakeholder_groups_source: Attribution,
    /// The registry of National, Regional and Youth IGF initiatives.
    pub nris: Vec<Nri>,
    /// The gazetteer of organisations.
    pub organizations: Vec<Organization>,
    /// The topic scheme: baskets and topics.
    pub topics: Vec<Topic>,
    /// Where the topic scheme comes from.
    pub topics_source: Attribution,
}

impl ReferenceData {
    /// The meeting of a year, if the reference data has it.
    pub fn meeting(&self, year: u16) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.year == year)
    }
}
