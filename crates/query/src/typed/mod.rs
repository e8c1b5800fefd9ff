//! The catalogue's questions as typed functions: each row type names, for
//! each field, the variable of the question's `SELECT` it is read from.

#[macro_use]
mod decode;

use crate::CatalogueError;
use decode::{Decode, FromRow, NotAnIri, rows, rows_with};
use igfkg_graph::model::NamedNode;
use igfkg_graph::{KnowledgeGraph, Solution};

row! {
    /// A year of a topic's timeline.
    #[derive(Debug, Clone, PartialEq)]
    pub struct TopicYear {
        /// The year.
        year: i64 = "year",
        /// Messages of that year with the topic.
        messages: i64 = "messages",
        /// One of them.
        example: String = "example",
    }
}

/// `topic-timeline`: messages per year for a topic, with an example.
///
/// ```
/// use igfkg_query::{CatalogueError, topic_timeline};
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security.
/// let years = topic_timeline(&graph, "encryption")?;
/// let per_year: Vec<_> = years.iter().map(|y| (y.year, y.messages)).collect();
/// assert_eq!(per_year, [(2017, 1), (2018, 1), (2019, 1)]);
/// assert!(years[0].example.starts_with("Encryption helps promote public security"));
///
/// // A topic the scheme does not have is an error that names the closest ones.
/// assert!(matches!(
///     topic_timeline(&graph, "encryptionn"),
///     Err(CatalogueError::UnknownValue { closest, .. }) if closest.contains("Encryption")
/// ));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// An invalid topic, or a query error.
pub fn topic_timeline(
    graph: &KnowledgeGraph,
    topic: &str,
) -> Result<Vec<TopicYear>, CatalogueError> {
    rows(graph, "topic-timeline", &[("topic", topic)])
}

row! {
    /// A session or theme that discusses a topic.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct TopicUnit {
        /// The year.
        year: i64 = "year",
        /// `session` or `theme`.
        kind: String = "kind",
        /// Its IRI.
        unit: NamedNode = "unit",
        /// Its title.
        label: String = "label",
        /// Its messages with the topic.
        messages: i64 = "messages",
    }
}

/// `topic-sessions`: the sessions and themes of each year that discuss a topic.
///
/// ```
/// use igfkg_query::topic_sessions;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security.
/// let units = topic_sessions(&graph, "topic:encryption")?;
/// let found: Vec<_> = units.iter().map(|u| (u.year, u.kind.as_str())).collect();
/// assert_eq!(found, [(2017, "session"), (2018, "theme"), (2019, "session"), (2019, "theme")]);
/// assert!(units[0].label.starts_with("Local interventions, global impacts"));
/// assert_eq!(units[1].label, "Technical & operational topics");
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// An invalid topic, or a query error.
pub fn topic_sessions(
    graph: &KnowledgeGraph,
    topic: &str,
) -> Result<Vec<TopicUnit>, CatalogueError> {
    rows(graph, "topic-sessions", &[("topic", topic)])
}

row! {
    /// An echo between two messages.
    #[derive(Debug, Clone, PartialEq)]
    pub struct EchoLink {
        /// Year of the earlier message.
        earlier_year: i64 = "earlierYear",
        /// IRI of the earlier message.
        earlier: NamedNode = "earlier",
        /// Its text.
        earlier_text: String = "earlierText",
        /// Year of the later message.
        later_year: i64 = "laterYear",
        /// IRI of the later message.
        later: NamedNode = "later",
        /// Its text.
        later_text: String = "laterText",
        /// The similarity.
        score: f64 = "score",
    }
}

/// `topic-lineage`: the echoes between messages on a topic, year to year.
///
/// ```
/// use igfkg_query::topic_lineage;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security. A topic
/// // may be given by its label.
/// let echoes = topic_lineage(&graph, "Encryption")?;
/// assert_eq!(echoes.len(), 1);
/// assert_eq!((echoes[0].earlier_year, echoes[0].later_year), (2017, 2019));
/// assert!(echoes[0].earlier_text.starts_with("Encryption helps promote public security"));
/// assert!(echoes[0].later_text.starts_with("Balance between security, encryption"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// An invalid topic, or a query error.
pub fn topic_lineage(graph: &KnowledgeGraph, topic: &str) -> Result<Vec<EchoLink>, CatalogueError> {
    rows(graph, "topic-lineage", &[("topic", topic)])
}

row! {
    /// A topic and how many messages have it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct TopicCount {
        /// The topic's IRI.
        topic: NamedNode = "topic",
        /// Its preferred label.
        label: String = "label",
        /// Messages with the topic.
        messages: i64 = "messages",
    }
}

/// `topics-every-year`: topics discussed in every year of the corpus.
///
/// ```
/// use igfkg_query::topics_every_year;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security, where
/// // 2017, 2018 and 2019 each have one message on encryption.
/// let topics = topics_every_year(&graph)?;
/// let found: Vec<_> = topics.iter().map(|t| (t.label.as_str(), t.messages)).collect();
/// assert_eq!(found, [("Cybersecurity", 3), ("Encryption", 3)]);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn topics_every_year(graph: &KnowledgeGraph) -> Result<Vec<TopicCount>, CatalogueError> {
    rows(graph, "topics-every-year", &[])
}

row! {
    /// A topic that appears or fades.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct TopicTrend {
        /// The topic's IRI.
        topic: NamedNode = "topic",
        /// Its preferred label.
        label: String = "label",
        /// First year with messages on it.
        first: i64 = "first",
        /// Last year with messages on it.
        last: i64 = "last",
        /// `appears`, `fades`, or `appears and fades`.
        trend: String = "trend",
    }
}

/// `topic-trends`: topics that appear after the first year or fade before the last.
///
/// ```
/// use igfkg_query::topic_trends;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security. Only the
/// // 2018 message speaks of blockchains, and only the 2017 one of jurisdictions.
/// let trends = topic_trends(&graph)?;
/// let trend = |label: &str| {
///     let t = trends.iter().find(|t| t.label == label).expect(label);
///     (t.first, t.last, t.trend.clone())
/// };
/// assert_eq!(trend("Blockchain"), (2018, 2018, "appears and fades".to_owned()));
/// assert_eq!(trend("Jurisdiction"), (2017, 2017, "fades".to_owned()));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn topic_trends(graph: &KnowledgeGraph) -> Result<Vec<TopicTrend>, CatalogueError> {
    rows(graph, "topic-trends", &[])
}

/// Two themes or sessions of different years that match.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeMatch {
    /// Year of the later one.
    pub later_year: i64,
    /// Its IRI.
    pub later: NamedNode,
    /// Its title.
    pub later_label: String,
    /// Whether they are about the same thing (closeMatch) rather than overlapping.
    pub close: bool,
    /// Year of the earlier one.
    pub earlier_year: i64,
    /// Its IRI.
    pub earlier: NamedNode,
    /// Its title.
    pub earlier_label: String,
    /// The score.
    pub score: f64,
}

/// `theme-alignment`: themes, tracks and sessions matched across years.
///
/// ```
/// use igfkg_query::theme_alignment;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security.
/// let matches = theme_alignment(&graph)?;
/// let security = matches
///     .iter()
///     .find(|m| m.later_label == "Security, Safety, Stability and Resilience")
///     .expect("the 2019 security theme");
/// assert_eq!(security.later_year, 2019);
/// assert_eq!(security.earlier_year, 2018);
/// assert_eq!(security.earlier_label, "Cybersecurity, trust & privacy");
/// // Related themes, not the same one under another name.
/// assert!(!security.close);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn theme_alignment(graph: &KnowledgeGraph) -> Result<Vec<ThemeMatch>, CatalogueError> {
    rows_with(graph, "theme-alignment", &[], |r| {
        Ok(ThemeMatch {
            later_year: Decode::decode(r, "laterYear")?,
            later: Decode::decode(r, "later")?,
            later_label: Decode::decode(r, "laterLabel")?,
            close: r.text("match") == Some("closeMatch"),
            earlier_year: Decode::decode(r, "earlierYear")?,
            earlier: Decode::decode(r, "earlier")?,
            earlier_label: Decode::decode(r, "earlierLabel")?,
            score: Decode::decode(r, "score")?,
        })
    })
}

/// A message related to another by an echo.
#[derive(Debug, Clone, PartialEq)]
pub struct EchoedMessage {
    /// Rank among the messages a message echoes (for `echoes-of`).
    pub rank: Option<i64>,
    /// The message's IRI.
    pub message: NamedNode,
    /// Its year.
    pub year: i64,
    /// Its text.
    pub text: String,
    /// The similarity.
    pub score: f64,
}

/// `echoes-of`: the earlier messages a message continues.
///
/// ```
/// use igfkg_query::{echoes_of, search};
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security.
/// let later = search(&graph, "Balance between security, encryption")?.remove(0).message;
/// let earlier = echoes_of(&graph, later.as_str())?;
/// assert_eq!(earlier.len(), 1);
/// assert_eq!((earlier[0].rank, earlier[0].year), (Some(1), 2017));
/// assert!(earlier[0].text.starts_with("Encryption helps promote public security"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// An invalid IRI, or a query error.
pub fn echoes_of(
    graph: &KnowledgeGraph,
    message: &str,
) -> Result<Vec<EchoedMessage>, CatalogueError> {
    rows_with(graph, "echoes-of", &[("message", message)], |r| {
        Ok(EchoedMessage {
            rank: Decode::decode(r, "rank")?,
            message: Decode::decode(r, "earlier")?,
            year: Decode::decode(r, "year")?,
            text: Decode::decode(r, "text")?,
            score: Decode::decode(r, "score")?,
        })
    })
}

/// `echoed-by`: the later messages that continue a message.
///
/// ```
/// use igfkg_query::{echoed_by, search};
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security.
/// let earlier = search(&graph, "Encryption helps promote public security")?.remove(0).message;
/// let later = echoed_by(&graph, earlier.as_str())?;
/// assert_eq!(later.len(), 1);
/// assert_eq!((later[0].rank, later[0].year), (None, 2019));
/// assert!(later[0].text.starts_with("Balance between security, encryption"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// An invalid IRI, or a query error.
pub fn echoed_by(
    graph: &KnowledgeGraph,
    message: &str,
) -> Result<Vec<EchoedMessage>, CatalogueError> {
    rows_with(graph, "echoed-by", &[("message", message)], |r| {
        Ok(EchoedMessage {
            rank: None,
            message: Decode::decode(r, "later")?,
            year: Decode::decode(r, "year")?,
            text: Decode::decode(r, "text")?,
            score: Decode::decode(r, "score")?,
        })
    })
}

row! {
    /// A goal referred to in a year.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct GoalYear {
        /// The year.
        year: i64 = "year",
        /// The goal number.
        goal: i64 = "notation",
        /// Its short title.
        title: String = "title",
        /// Nodes of the year that refer to it.
        nodes: i64 = "nodes",
    }
}

/// `sdg-coverage`: the goals each year's work touches.
///
/// ```
/// use igfkg_query::sdg_coverage;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security, with the
/// // 2018 report's line on the four goals of CENB Phase IV.
/// let goals = sdg_coverage(&graph)?;
/// let of_2018: Vec<_> = goals.iter().filter(|g| g.year == 2018).map(|g| g.goal).collect();
/// assert_eq!(of_2018, [7, 8, 9, 17]);
/// let peace = goals.iter().find(|g| g.year == 2019 && g.goal == 16).expect("Goal 16 in 2019");
/// assert_eq!(peace.title, "Peace, Justice and Strong Institutions");
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn sdg_coverage(graph: &KnowledgeGraph) -> Result<Vec<GoalYear>, CatalogueError> {
    rows(graph, "sdg-coverage", &[])
}

row! {
    /// A session, theme or message that refers to a goal.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct GoalNode {
        /// The year.
        year: i64 = "year",
        /// `session`, `theme` or `message`.
        kind: String = "kind",
        /// Its IRI.
        node: NamedNode = "node",
        /// Its title or text.
        label: String = "label",
    }
}

/// `sdg-nodes`: the sessions, themes and messages that refer to a goal.
///
/// ```
/// use igfkg_query::sdg_nodes;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security. A goal is
/// // given as 16, SDG16, "SDG 16", "Goal 16", sdg:16 or its IRI.
/// let nodes = sdg_nodes(&graph, "SDG 16")?;
/// let kinds: Vec<_> = nodes.iter().map(|n| (n.year, n.kind.as_str())).collect();
/// assert_eq!(kinds, [(2019, "message"), (2019, "session")]);
/// assert_eq!(nodes[1].label, "Dynamic Coalitions – Joint Efforts to achieve the SDGs");
/// assert!(sdg_nodes(&graph, "SDG 18").is_err());
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// An invalid goal, or a query error.
pub fn sdg_nodes(graph: &KnowledgeGraph, goal: &str) -> Result<Vec<GoalNode>, CatalogueError> {
    rows(graph, "sdg-nodes", &[("goal", goal)])
}

row! {
    /// An NRI named in a year.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct NriYear {
        /// The year.
        year: i64 = "year",
        /// Its kind (`NationalNri`, `RegionalNri` …).
        kind: String = "kind",
        /// Its country (ISO 3166-1) or region (UN M49).
        place: String = "where",
        /// Its IRI.
        nri: NamedNode = "nri",
        /// Its name.
        name: String = "name",
        /// Nodes naming it.
        mentions: i64 = "mentions",
    }
}

/// `nris-per-year`: the NRIs each year's documents name.
///
/// ```
/// use igfkg_query::nris_per_year;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security, with the
/// // 2019 NRI session whose report lists its 19 participating NRIs.
/// let nris = nris_per_year(&graph)?;
/// assert_eq!(nris.len(), 19);
/// let armenia = nris.iter().find(|n| n.name == "Armenia IGF").expect("Armenia IGF");
/// assert_eq!(armenia.year, 2019);
/// assert_eq!((armenia.kind.as_str(), armenia.place.as_str()), ("NationalNri", "AM"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn nris_per_year(graph: &KnowledgeGraph) -> Result<Vec<NriYear>, CatalogueError> {
    rows(graph, "nris-per-year", &[])
}

row! {
    /// How many NRIs of a kind a year names.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct NriKindCount {
        /// The year.
        year: i64 = "year",
        /// The kind.
        kind: String = "kind",
        /// Distinct NRIs.
        nris: i64 = "nris",
    }
}

/// `nris-by-kind`: NRIs per year and kind.
///
/// ```
/// use igfkg_query::nris_by_kind;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: as for `nris_per_year`: 16 national NRIs, the African IGF,
/// // SEEDIG and Youth Ukraine IGF.
/// let kinds = nris_by_kind(&graph)?;
/// let found: Vec<_> = kinds.iter().map(|k| (k.year, k.kind.as_str(), k.nris)).collect();
/// assert_eq!(
///     found,
///     [
///         (2019, "NationalNri", 16),
///         (2019, "RegionalNri", 1),
///         (2019, "SubRegionalNri", 1),
///         (2019, "YouthNri", 1),
///     ]
/// );
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn nris_by_kind(graph: &KnowledgeGraph) -> Result<Vec<NriKindCount>, CatalogueError> {
    rows(graph, "nris-by-kind", &[])
}

row! {
    /// A stakeholder group called on in a year.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct GroupYear {
        /// The year.
        year: i64 = "year",
        /// The group's IRI.
        group: NamedNode = "group",
        /// Its label.
        label: String = "label",
        /// Messages addressing it.
        messages: i64 = "messages",
    }
}

/// `groups-addressed`: stakeholder groups each year's messages call on.
///
/// ```
/// use igfkg_query::groups_addressed;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security. The 2017
/// // message ends "Governments and industry should cooperate".
/// let groups = groups_addressed(&graph)?;
/// let of_2017: Vec<_> = groups
///     .iter()
///     .filter(|g| g.year == 2017)
///     .map(|g| g.label.as_str())
///     .collect();
/// assert_eq!(of_2017, ["Government", "Private sector"]);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn groups_addressed(graph: &KnowledgeGraph) -> Result<Vec<GroupYear>, CatalogueError> {
    rows(graph, "groups-addressed", &[])
}

row! {
    /// A person's role in a session.
    #[derive(Debug, Clone, PartialEq)]
    pub struct PersonRole {
        /// The year.
        year: i64 = "year",
        /// The person's name.
        name: String = "name",
        /// Their organisation.
        organisation: Option<String> = "organisation",
        /// Their stakeholder group.
        group: Option<String> = "group",
        /// Whether the document states the group (`stated`) or igfkg took it
        /// from their organisation (`inferred`); `None` without evidence (a
        /// lean graph) or without a group.
        group_basis: Option<String> = "groupBasis",
        /// How sure an inferred group is, from 0 to 1.
        group_confidence: Option<f64> = "groupConfidence",
        /// `Facilitator`, `Presenter` or `Keynote`.
        role: String = "role",
        /// The session's title.
        session: String = "session",
    }
}

/// `people`: people, their organisations and groups, and their roles in sessions.
///
/// ```
/// use igfkg_query::people;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security. The 2019
/// // report names "Security: Alexander Isavnin. RosKomSvoboda. Russia. Civil
/// // Society." among the track's facilitators.
/// let roles = people(&graph)?;
/// let isavnin = roles
///     .iter()
///     .find(|r| r.name == "Alexander Isavnin" && r.session.starts_with("Introductory"))
///     .expect("Alexander Isavnin");
/// assert_eq!(isavnin.organisation.as_deref(), Some("RosKomSvoboda"));
/// assert_eq!(isavnin.group.as_deref(), Some("Civil society"));
/// assert_eq!(isavnin.group_basis.as_deref(), Some("stated"));
/// assert_eq!(isavnin.role, "Facilitator");
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn people(graph: &KnowledgeGraph) -> Result<Vec<PersonRole>, CatalogueError> {
    rows(graph, "people", &[])
}

row! {
    /// An organisation named in a year.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct OrganisationYear {
        /// The year.
        year: i64 = "year",
        /// Its IRI.
        organisation: NamedNode = "organisation",
        /// Its name.
        name: String = "name",
        /// Nodes naming it.
        mentions: i64 = "mentions",
    }
}

/// `organisations`: organisations each year's documents name.
///
/// IRIs come as [`NamedNode`]s; a node that is not one (a blank node where
/// an organisation should be) is an error, not an empty IRI:
///
/// ```
/// use igfkg_graph::KnowledgeGraph;
/// use igfkg_graph::model::{NamedNode, RdfFormat};
/// use igfkg_query::{CatalogueError, organisations};
///
/// // A 2019 message naming the ITU, as `igfkg build` writes it.
/// let turtle = r#"
///     @prefix igf: <https://w3id.org/igfkg/ontology#> .
///     @prefix prov: <http://www.w3.org/ns/prov#> .
///     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
///     <https://w3id.org/igfkg/id/message/m1> igf:organization <https://w3id.org/igfkg/id/organization/itu> ;
///         prov:wasDerivedFrom <https://w3id.org/igfkg/id/document/messages-2019> .
///     <https://w3id.org/igfkg/id/document/messages-2019> igf:meeting <https://w3id.org/igfkg/id/meeting/2019> .
///     <https://w3id.org/igfkg/id/meeting/2019> igf:year 2019 .
///     <https://w3id.org/igfkg/id/organization/itu> rdfs:label "International Telecommunication Union" .
/// "#;
/// let graph = KnowledgeGraph::new()?;
/// graph.load(RdfFormat::Turtle, turtle.as_bytes())?;
/// let rows = organisations(&graph)?;
/// assert_eq!(rows.len(), 1);
/// assert_eq!(
///     rows[0].organisation,
///     NamedNode::new("https://w3id.org/igfkg/id/organization/itu")?
/// );
/// assert_eq!((rows[0].year, rows[0].mentions), (2019, 1));
///
/// let blank = turtle.replace("<https://w3id.org/igfkg/id/organization/itu>", "_:itu");
/// let graph = KnowledgeGraph::new()?;
/// graph.load(RdfFormat::Turtle, blank.as_bytes())?;
/// assert!(matches!(
///     organisations(&graph),
///     Err(CatalogueError::NotAnIri { variable, .. }) if variable == "organisation"
/// ));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error, or a node of the graph that is not an IRI where an
/// organisation is ([`CatalogueError::NotAnIri`]).
pub fn organisations(graph: &KnowledgeGraph) -> Result<Vec<OrganisationYear>, CatalogueError> {
    rows(graph, "organisations", &[])
}

row! {
    /// A figure as one source gives it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SourcedFigure {
        /// The meeting's IRI.
        meeting: NamedNode = "meeting",
        /// What the figure counts (`Countries`, `Workshops` …).
        kind: String = "kind",
        /// The figure.
        value: i64 = "value",
        /// `Exact`, `MoreThan`, `AtLeast` or `About`.
        qualifier: String = "qualifier",
        /// The source document's IRI.
        source: NamedNode = "source",
    }
}

/// `disagreeing-facts`: figures that sources disagree on, each with its source.
///
/// ```
/// use igfkg_query::disagreeing_facts;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security, with
/// // every figure its documents state. They state figures such as "more than
/// // 3,000 participants" in 2018; none contradicts another.
/// assert!(disagreeing_facts(&graph)?.is_empty());
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn disagreeing_facts(graph: &KnowledgeGraph) -> Result<Vec<SourcedFigure>, CatalogueError> {
    rows(graph, "disagreeing-facts", &[])
}

/// A node extracted from a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentNode {
    /// Its class's local name (`Message`, `Session` …).
    pub class: String,
    /// Its IRI.
    pub node: NamedNode,
    /// Its label or text.
    pub label: String,
    /// The line it starts on.
    pub line: Option<i64>,
}

/// `document-contents`: everything derived from one source document.
///
/// ```
/// use igfkg_query::document_contents;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security. Of the
/// // 2017 messages it holds the main session on line 5 and its first message.
/// let nodes = document_contents(&graph, "igf2017-messages")?;
/// let found: Vec<_> = nodes.iter().map(|n| (n.class.as_str(), n.line)).collect();
/// assert_eq!(found, [("Session", Some(5)), ("Message", Some(10))]);
/// assert!(nodes[0].label.starts_with("Local interventions, global impacts"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// An invalid document, or a query error.
pub fn document_contents(
    graph: &KnowledgeGraph,
    document: &str,
) -> Result<Vec<DocumentNode>, CatalogueError> {
    rows_with(graph, "document-contents", &[("document", document)], |r| {
        Ok(DocumentNode {
            class: Decode::decode(r, "class")?,
            node: Decode::decode(r, "node")?,
            label: Decode::decode(r, "label")?,
            line: Decode::decode(r, "line")?,
        })
    })
}

row! {
    /// A message found by a search.
    #[derive(Debug, Clone, PartialEq)]
    pub struct SearchHit {
        /// The message's IRI.
        message: NamedNode = "message",
        /// Its year.
        year: i64 = "year",
        /// How often the words occur in it.
        hits: f64 = "hits",
        /// Its text.
        text: String = "excerpt",
    }
}

/// `search`: messages whose text contains some words, ranked.
///
/// ```
/// use igfkg_query::search;
/// # use igfkg_graph::{KnowledgeGraph, model::RdfFormat};
/// # let graph = KnowledgeGraph::new()?;
/// # graph.load(RdfFormat::Turtle, include_str!("../../fixtures/security.ttl").as_bytes())?;
///
/// // `graph`: the bundled build's debate on encryption and security. The 2017
/// // message says "encryption" four times, those of 2018 and 2019 once.
/// let hits = search(&graph, "encryption")?;
/// let found: Vec<_> = hits.iter().map(|h| (h.year, h.hits)).collect();
/// assert_eq!(found, [(2017, 4.0), (2018, 1.0), (2019, 1.0)]);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A query error.
pub fn search(graph: &KnowledgeGraph, words: &str) -> Result<Vec<SearchHit>, CatalogueError> {
    rows(graph, "search", &[("text", words)])
}
