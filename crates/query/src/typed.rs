//! The catalogue's questions as typed functions.

use crate::{CatalogueError, question};
use igfkg_graph::{KnowledgeGraph, QueryOutcome, Solution};

/// Runs a question and maps each row.
fn rows<T>(
    graph: &KnowledgeGraph,
    name: &str,
    values: &[(&str, &str)],
    map: impl Fn(&Solution<'_>) -> T,
) -> Result<Vec<T>, CatalogueError> {
    match question(name)?.run(graph, values)? {
        QueryOutcome::Solutions(solutions) => Ok(solutions.iter().map(|row| map(&row)).collect()),
        // Every catalogue question is a SELECT query.
        _ => Ok(Vec::new()),
    }
}

fn text(row: &Solution<'_>, name: &str) -> String {
    row.text(name).unwrap_or_default().to_owned()
}

fn optional_text(row: &Solution<'_>, name: &str) -> Option<String> {
    row.text(name).filter(|t| !t.is_empty()).map(str::to_owned)
}

fn int(row: &Solution<'_>, name: &str) -> i64 {
    row.integer(name).unwrap_or_default()
}

fn number(row: &Solution<'_>, name: &str) -> f64 {
    row.number(name).unwrap_or_default()
}

/// A year of a topic's timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicYear {
    /// The year.
    pub year: i64,
    /// Messages of that year with the topic.
    pub messages: i64,
    /// One of them.
    pub example: String,
}

/// `topic-timeline`: messages per year for a topic, with an example.
///
/// # Errors
/// An invalid topic, or a query error.
pub fn topic_timeline(
    graph: &KnowledgeGraph,
    topic: &str,
) -> Result<Vec<TopicYear>, CatalogueError> {
    rows(graph, "topic-timeline", &[("topic", topic)], |r| {
        TopicYear {
            year: int(r, "year"),
            messages: int(r, "messages"),
            example: text(r, "example"),
        }
    })
}

/// A session or theme that discusses a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicUnit {
    /// The year.
    pub year: i64,
    /// `session` or `theme`.
    pub kind: String,
    /// Its IRI.
    pub unit: String,
    /// Its title.
    pub label: String,
    /// Its messages with the topic.
    pub messages: i64,
}

/// `topic-sessions`: the sessions and themes of each year that discuss a topic.
///
/// # Errors
/// An invalid topic, or a query error.
pub fn topic_sessions(
    graph: &KnowledgeGraph,
    topic: &str,
) -> Result<Vec<TopicUnit>, CatalogueError> {
    rows(graph, "topic-sessions", &[("topic", topic)], |r| {
        TopicUnit {
            year: int(r, "year"),
            kind: text(r, "kind"),
            unit: text(r, "unit"),
            label: text(r, "label"),
            messages: int(r, "messages"),
        }
    })
}

/// An echo between two messages.
#[derive(Debug, Clone, PartialEq)]
pub struct EchoLink {
    /// Year of the earlier message.
    pub earlier_year: i64,
    /// IRI of the earlier message.
    pub earlier: String,
    /// Its text.
    pub earlier_text: String,
    /// Year of the later message.
    pub later_year: i64,
    /// IRI of the later message.
    pub later: String,
    /// Its text.
    pub later_text: String,
    /// The similarity.
    pub score: f64,
}

/// `topic-lineage`: the echoes between messages on a topic, year to year.
///
/// # Errors
/// An invalid topic, or a query error.
pub fn topic_lineage(graph: &KnowledgeGraph, topic: &str) -> Result<Vec<EchoLink>, CatalogueError> {
    rows(graph, "topic-lineage", &[("topic", topic)], |r| EchoLink {
        earlier_year: int(r, "earlierYear"),
        earlier: text(r, "earlier"),
        earlier_text: text(r, "earlierText"),
        later_year: int(r, "laterYear"),
        later: text(r, "later"),
        later_text: text(r, "laterText"),
        score: number(r, "score"),
    })
}

/// A topic and how many messages have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicCount {
    /// The topic's IRI.
    pub topic: String,
    /// Its preferred label.
    pub label: String,
    /// Messages with the topic.
    pub messages: i64,
}

/// `topics-every-year`: topics discussed in every year of the corpus.
///
/// # Errors
/// A query error.
pub fn topics_every_year(graph: &KnowledgeGraph) -> Result<Vec<TopicCount>, CatalogueError> {
    rows(graph, "topics-every-year", &[], |r| TopicCount {
        topic: text(r, "topic"),
        label: text(r, "label"),
        messages: int(r, "messages"),
    })
}

/// A topic that appears or fades.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicTrend {
    /// The topic's IRI.
    pub topic: String,
    /// Its preferred label.
    pub label: String,
    /// First year with messages on it.
    pub first: i64,
    /// Last year with messages on it.
    pub last: i64,
    /// `appears`, `fades`, or `appears and fades`.
    pub trend: String,
}

/// `topic-trends`: topics that appear after the first year or fade before the last.
///
/// # Errors
/// A query error.
pub fn topic_trends(graph: &KnowledgeGraph) -> Result<Vec<TopicTrend>, CatalogueError> {
    rows(graph, "topic-trends", &[], |r| TopicTrend {
        topic: text(r, "topic"),
        label: text(r, "label"),
        first: int(r, "first"),
        last: int(r, "last"),
        trend: text(r, "trend"),
    })
}

/// Two themes or sessions of different years that match.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeMatch {
    /// Year of the later one.
    pub later_year: i64,
    /// Its IRI.
    pub later: String,
    /// Its title.
    pub later_label: String,
    /// Whether they are about the same thing (closeMatch) rather than overlapping.
    pub close: bool,
    /// Year of the earlier one.
    pub earlier_year: i64,
    /// Its IRI.
    pub earlier: String,
    /// Its title.
    pub earlier_label: String,
    /// The score.
    pub score: f64,
}

/// `theme-alignment`: themes, tracks and sessions matched across years.
///
/// # Errors
/// A query error.
pub fn theme_alignment(graph: &KnowledgeGraph) -> Result<Vec<ThemeMatch>, CatalogueError> {
    rows(graph, "theme-alignment", &[], |r| ThemeMatch {
        later_year: int(r, "laterYear"),
        later: text(r, "later"),
        later_label: text(r, "laterLabel"),
        close: r.text("match") == Some("closeMatch"),
        earlier_year: int(r, "earlierYear"),
        earlier: text(r, "earlier"),
        earlier_label: text(r, "earlierLabel"),
        score: number(r, "score"),
    })
}

/// A message related to another by an echo.
#[derive(Debug, Clone, PartialEq)]
pub struct EchoedMessage {
    /// Rank among the messages a message echoes (for `echoes-of`).
    pub rank: Option<i64>,
    /// The message's IRI.
    pub message: String,
    /// Its year.
    pub year: i64,
    /// Its text.
    pub text: String,
    /// The similarity.
    pub score: f64,
}

/// `echoes-of`: the earlier messages a message continues.
///
/// # Errors
/// An invalid IRI, or a query error.
pub fn echoes_of(
    graph: &KnowledgeGraph,
    message: &str,
) -> Result<Vec<EchoedMessage>, CatalogueError> {
    rows(graph, "echoes-of", &[("message", message)], |r| {
        EchoedMessage {
            rank: r.integer("rank"),
            message: text(r, "earlier"),
            year: int(r, "year"),
            text: text(r, "text"),
            score: number(r, "score"),
        }
    })
}

/// `echoed-by`: the later messages that continue a message.
///
/// # Errors
/// An invalid IRI, or a query error.
pub fn echoed_by(
    graph: &KnowledgeGraph,
    message: &str,
) -> Result<Vec<EchoedMessage>, CatalogueError> {
    rows(graph, "echoed-by", &[("message", message)], |r| {
        EchoedMessage {
            rank: None,
            message: text(r, "later"),
            year: int(r, "year"),
            text: text(r, "text"),
            score: number(r, "score"),
        }
    })
}

/// A goal referred to in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalYear {
    /// The year.
    pub year: i64,
    /// The goal number.
    pub goal: i64,
    /// Its short title.
    pub title: String,
    /// Nodes of the year that refer to it.
    pub nodes: i64,
}

/// `sdg-coverage`: the goals each year's work touches.
///
/// # Errors
/// A query error.
pub fn sdg_coverage(graph: &KnowledgeGraph) -> Result<Vec<GoalYear>, CatalogueError> {
    rows(graph, "sdg-coverage", &[], |r| GoalYear {
        year: int(r, "year"),
        goal: int(r, "notation"),
        title: text(r, "title"),
        nodes: int(r, "nodes"),
    })
}

/// A session, theme or message that refers to a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalNode {
    /// The year.
    pub year: i64,
    /// `session`, `theme` or `message`.
    pub kind: String,
    /// Its IRI.
    pub node: String,
    /// Its title or text.
    pub label: String,
}

/// `sdg-nodes`: the sessions, themes and messages that refer to a goal.
///
/// # Errors
/// An invalid goal, or a query error.
pub fn sdg_nodes(graph: &KnowledgeGraph, goal: &str) -> Result<Vec<GoalNode>, CatalogueError> {
    rows(graph, "sdg-nodes", &[("goal", goal)], |r| GoalNode {
        year: int(r, "year"),
        kind: text(r, "kind"),
        node: text(r, "node"),
        label: text(r, "label"),
    })
}

/// An NRI named in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NriYear {
    /// The year.
    pub year: i64,
    /// Its kind (`NationalNri`, `RegionalNri` …).
    pub kind: String,
    /// Its country (ISO 3166-1) or region (UN M49).
    pub place: String,
    /// Its IRI.
    pub nri: String,
    /// Its name.
    pub name: String,
    /// Nodes naming it.
    pub mentions: i64,
}

/// `nris-per-year`: the NRIs each year's documents name.
///
/// # Errors
/// A query error.
pub fn nris_per_year(graph: &KnowledgeGraph) -> Result<Vec<NriYear>, CatalogueError> {
    rows(graph, "nris-per-year", &[], |r| NriYear {
        year: int(r, "year"),
        kind: text(r, "kind"),
        place: text(r, "where"),
        nri: text(r, "nri"),
        name: text(r, "name"),
        mentions: int(r, "mentions"),
    })
}

/// How many NRIs of a kind a year names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NriKindCount {
    /// The year.
    pub year: i64,
    /// The kind.
    pub kind: String,
    /// Distinct NRIs.
    pub nris: i64,
}

/// `nris-by-kind`: NRIs per year and kind.
///
/// # Errors
/// A query error.
pub fn nris_by_kind(graph: &KnowledgeGraph) -> Result<Vec<NriKindCount>, CatalogueError> {
    rows(graph, "nris-by-kind", &[], |r| NriKindCount {
        year: int(r, "year"),
        kind: text(r, "kind"),
        nris: int(r, "nris"),
    })
}

/// A stakeholder group called on in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupYear {
    /// The year.
    pub year: i64,
    /// The group's IRI.
    pub group: String,
    /// Its label.
    pub label: String,
    /// Messages addressing it.
    pub messages: i64,
}

/// `groups-addressed`: stakeholder groups each year's messages call on.
///
/// # Errors
/// A query error.
pub fn groups_addressed(graph: &KnowledgeGraph) -> Result<Vec<GroupYear>, CatalogueError> {
    rows(graph, "groups-addressed", &[], |r| GroupYear {
        year: int(r, "year"),
        group: text(r, "group"),
        label: text(r, "label"),
        messages: int(r, "messages"),
    })
}

/// A person's role in a session.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRole {
    /// The year.
    pub year: i64,
    /// The person's name.
    pub name: String,
    /// Their organisation.
    pub organisation: Option<String>,
    /// Their stakeholder group.
    pub group: Option<String>,
    /// Whether the document states the group (`stated`) or igfkg took it
    /// from their organisation (`inferred`); `None` without evidence (a
    /// lean graph) or without a group.
    pub group_basis: Option<String>,
    /// How sure an inferred group is, from 0 to 1.
    pub group_confidence: Option<f64>,
    /// `Facilitator`, `Presenter` or `Keynote`.
    pub role: String,
    /// The session's title.
    pub session: String,
}

/// `people`: people, their organisations and groups, and their roles in sessions.
///
/// # Errors
/// A query error.
pub fn people(graph: &KnowledgeGraph) -> Result<Vec<PersonRole>, CatalogueError> {
    rows(graph, "people", &[], |r| PersonRole {
        year: int(r, "year"),
        name: text(r, "name"),
        organisation: optional_text(r, "organisation"),
        group: optional_text(r, "group"),
        group_basis: optional_text(r, "groupBasis"),
        group_confidence: r.number("groupConfidence"),
        role: text(r, "role"),
        session: text(r, "session"),
    })
}

/// An organisation named in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationYear {
    /// The year.
    pub year: i64,
    /// Its IRI.
    pub organisation: String,
    /// Its name.
    pub name: String,
    /// Nodes naming it.
    pub mentions: i64,
}

/// `organisations`: organisations each year's documents name.
///
/// # Errors
/// A query error.
pub fn organisations(graph: &KnowledgeGraph) -> Result<Vec<OrganisationYear>, CatalogueError> {
    rows(graph, "organisations", &[], |r| OrganisationYear {
        year: int(r, "year"),
        organisation: text(r, "organisation"),
        name: text(r, "name"),
        mentions: int(r, "mentions"),
    })
}

/// A figure as one source gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcedFigure {
    /// The meeting's IRI.
    pub meeting: String,
    /// What the figure counts (`Countries`, `Workshops` …).
    pub kind: String,
    /// The figure.
    pub value: i64,
    /// `Exact`, `MoreThan`, `AtLeast` or `About`.
    pub qualifier: String,
    /// The source document's IRI.
    pub source: String,
}

/// `disagreeing-facts`: figures that sources disagree on, each with its source.
///
/// # Errors
/// A query error.
pub fn disagreeing_facts(graph: &KnowledgeGraph) -> Result<Vec<SourcedFigure>, CatalogueError> {
    rows(graph, "disagreeing-facts", &[], |r| SourcedFigure {
        meeting: text(r, "meeting"),
        kind: text(r, "kind"),
        value: int(r, "value"),
        qualifier: text(r, "qualifier"),
        source: text(r, "source"),
    })
}

/// A node extracted from a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentNode {
    /// Its class's local name (`Message`, `Session` …).
    pub class: String,
    /// Its IRI.
    pub node: String,
    /// Its label or text.
    pub label: String,
    /// The line it starts on.
    pub line: Option<i64>,
}

/// `document-contents`: everything derived from one source document.
///
/// # Errors
/// An invalid document, or a query error.
pub fn document_contents(
    graph: &KnowledgeGraph,
    document: &str,
) -> Result<Vec<DocumentNode>, CatalogueError> {
    rows(graph, "document-contents", &[("document", document)], |r| {
        DocumentNode {
            class: text(r, "class"),
            node: text(r, "node"),
            label: text(r, "label"),
            line: r.integer("line"),
        }
    })
}

/// A message found by a search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The message's IRI.
    pub message: String,
    /// Its year.
    pub year: i64,
    /// How often the words occur in it.
    pub hits: f64,
    /// Its text.
    pub text: String,
}

/// `search`: messages whose text contains some words, ranked.
///
/// # Errors
/// A query error.
pub fn search(graph: &KnowledgeGraph, words: &str) -> Result<Vec<SearchHit>, CatalogueError> {
    rows(graph, "search", &[("text", words)], |r| SearchHit {
        message: text(r, "message"),
        year: int(r, "year"),
        hits: number(r, "hits"),
        text: text(r, "excerpt"),
    })
}
