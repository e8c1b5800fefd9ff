//! Source documents and the records extracted from them.

use crate::id::{NodeId, NodeKind};
use crate::programme::{ColumnMapping, SessionDetails};
use crate::span::{Diagnostic, Span};
use crate::utterance::Utterance;
use serde::{Deserialize, Serialize};

/// SHA-256 of bytes in lower-case hex: a document's checksum
/// ([`SourceDocument::sha256`]) and a release file's, computed in one place.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A document of the corpus, as its manifest entry describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// Short identifier, unique in the corpus (`igf2017-messages`).
    pub id: String,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Year of publication.
    pub year: u16,
    /// Year of the annual meeting the document is about, when it is about
    /// one: the default meeting of its records and facts. A document about
    /// many meetings (a history, a table of events) leaves it out, and each
    /// record or fact takes the meeting its own text names.
    #[serde(default)]
    pub meeting: Option<u16>,
    /// What kind of document it is (`messages`, `session-reports`, `report`, `press-release`).
    pub kind: String,
    /// Which parser reads it (`messages-by-session`, `messages-by-theme`, …).
    pub format: String,
    /// Path of the file, relative to the data directory, with `/` separators.
    pub path: String,
    /// Where the document is published, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// The licence or terms under which it is reused.
    pub licence: String,
    /// SHA-256 of the file's bytes, in lower-case hex.
    #[serde(default)]
    pub sha256: String,
    /// For the `records` format: which column holds which field.
    #[serde(default)]
    pub columns: Option<ColumnMapping>,
}

impl SourceDocument {
    /// The node identifier: `document/{id}`.
    pub fn node_id(&self) -> NodeId {
        NodeId::slug(NodeKind::Document, &self.id)
    }
}

/// What a message is, following the field or heading it was written under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MessageKind {
    /// A key message or takeaway of a session or theme.
    KeyMessage,
    /// A policy question a session set out to answer.
    PolicyQuestion,
    /// A point of discussion reported from a session.
    DiscussionPoint,
    /// A policy recommendation or suggestion for the way forward.
    Recommendation,
    /// An initiative that addresses the session's issues.
    Initiative,
    /// A note on how progress can be made on the issues.
    Progress,
    /// A reflection on gender issues.
    GenderReflection,
    /// An output of the session.
    Output,
}

impl MessageKind {
    /// Every kind, in a fixed order.
    pub const ALL: [Self; 8] = [
        Self::KeyMessage,
        Self::PolicyQuestion,
        Self::DiscussionPoint,
        Self::Recommendation,
        Self::Initiative,
        Self::Progress,
        Self::GenderReflection,
        Self::Output,
    ];

    /// A readable name.
    pub fn label(self) -> &'static str {
        match self {
            Self::KeyMessage => "key message",
            Self::PolicyQuestion => "policy question",
            Self::DiscussionPoint => "discussion point",
            Self::Recommendation => "recommendation",
            Self::Initiative => "initiative",
            Self::Progress => "progress note",
            Self::GenderReflection => "gender reflection",
            Self::Output => "session output",
        }
    }
}

/// The type of a session, normalised from what the document writes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionType {
    /// A main session.
    Main,
    /// A high-level thematic session.
    HighLevelThematic,
    /// A ceremonial or high-level session (`Ceremonial/HL Session`).
    CeremonialHighLevel,
    /// A workshop ("Workshop 93", "WS #93").
    Workshop,
    /// An open forum ("Open Forum 530", "OF #12").
    OpenForum,
    /// A session of a Best Practice Forum.
    BestPracticeForum,
    /// A session of a Dynamic Coalition.
    DynamicCoalition,
    /// A Day 0 event or pre-event.
    DayZero,
    /// A lightning talk.
    LightningTalk,
    /// A session of the National, Regional and Youth IGF initiatives.
    Nri,
    /// A town hall.
    TownHall,
    /// A networking session.
    Networking,
    /// A type the parser does not know, as written.
    Other(String),
}

/// A year's theme or track.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// Node identifier.
    pub id: NodeId,
    /// Title as the document writes it, without markup, in its usual case.
    pub title: String,
    /// Year of the meeting.
    pub year: u16,
    /// Position among the document's themes, from 1.
    pub position: u32,
    /// Where it is written.
    pub span: Span,
}

/// A numbered field of a session report ("3. Policy Recommendations …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportField {
    /// The field's number, 1 to 8.
    pub number: u8,
    /// The field's heading as written, without its number.
    pub heading: String,
    /// The field's text, lines joined with `\n`; empty when the report left it empty.
    pub text: String,
    /// Where the field is written (heading and body).
    pub span: Span,
}

/// A session of an annual meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Node identifier.
    pub id: NodeId,
    /// Exact title.
    pub title: String,
    /// Session type, normalised.
    pub session_type: SessionType,
    /// Session type as written.
    pub session_type_label: String,
    /// Year of the meeting.
    pub year: u16,
    /// Position among the document's sessions, from 1.
    pub position: u32,
    /// Framing text that introduces the session's messages, if any.
    #[serde(default)]
    pub description: Option<String>,
    /// The date the report was last updated (ISO 8601 date), if given.
    #[serde(default)]
    pub updated: Option<String>,
    /// The track or theme the session belongs to, as written, if given.
    #[serde(default)]
    pub track: Option<String>,
    /// The theme node of its track, if given.
    #[serde(default)]
    pub theme: Option<NodeId>,
    /// The numbered fields of a session report, in order.
    #[serde(default)]
    pub fields: Vec<ReportField>,
    /// Where the session is written (its heading through its last line).
    pub span: Span,
}

/// A key message, takeaway, recommendation or policy question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Node identifier.
    pub id: NodeId,
    /// What the message is.
    pub kind: MessageKind,
    /// Full text, without markup.
    pub text: String,
    /// The bold key sentence that opens it, without markup, if any.
    #[serde(default)]
    pub headline: Option<String>,
    /// Year of the meeting.
    pub year: u16,
    /// Position in the document, from 1.
    pub position: u32,
    /// The session it belongs to.
    #[serde(default)]
    pub session: Option<NodeId>,
    /// The theme it belongs to.
    #[serde(default)]
    pub theme: Option<NodeId>,
    /// The sub-heading it was written under, inside its session or theme.
    #[serde(default)]
    pub group: Option<String>,
    /// Where it is written.
    pub span: Span,
}

/// A paragraph of a document that is not a message: a preamble, a
/// declaration, a paragraph of a report or press release, a section heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Node identifier.
    pub id: NodeId,
    /// Text without markup.
    pub text: String,
    /// Position in the document, from 1.
    pub position: u32,
    /// The section heading it is written under, if any.
    #[serde(default)]
    pub section: Option<String>,
    /// Whether the statement is itself a heading.
    #[serde(default)]
    pub heading: bool,
    /// Where it is written.
    pub span: Span,
}

/// A person named in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Node identifier, [`NodeId::person`] of the name: the same person in
    /// every document of the corpus.
    pub id: NodeId,
    /// Name as written (in its usual case where the document writes it in
    /// capitals, as transcripts label speakers).
    pub name: String,
    /// Other ways the document writes the same name (in capitals, without
    /// accents, with other spacing), each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// Title or position, if written ("Chief Information Officer").
    #[serde(default)]
    pub position_title: Option<String>,
    /// The organisation the person is affiliated with.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// The person's country, as written.
    #[serde(default)]
    pub country: Option<String>,
    /// The stakeholder group, as written ("Civil Society").
    #[serde(default)]
    pub stakeholder_group: Option<String>,
    /// Where the person is first named.
    pub span: Span,
}

/// A person's role in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleKind {
    /// Facilitated a breakout group or the session.
    Facilitator,
    /// Presented a report or a discussion.
    Presenter,
    /// Gave the keynote.
    Keynote,
    /// Moderated the session (as a transcript's words or labels say).
    Moderator,
    /// Spoke in the session (a named speaker of a transcript, a programme's
    /// or a row's speakers).
    Speaker,
}

/// A person's role in a session, with the subject they covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// Node identifier.
    pub id: NodeId,
    /// The person.
    pub person: NodeId,
    /// The session.
    pub session: NodeId,
    /// The role.
    pub kind: RoleKind,
    /// The subject or sub-theme covered ("Stability & resilience").
    #[serde(default)]
    pub subject: Option<String>,
    /// How sure the reading is, in per cent, where the role is inferred
    /// from what someone said ("I will be moderating") rather than stated
    /// by the document's structure; `None` when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    /// Where the role is written.
    pub span: Span,
}

/// The participation figures of a session, as far as its report gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    /// Node identifier.
    pub id: NodeId,
    /// The session.
    pub session: NodeId,
    /// People in the room.
    #[serde(default)]
    pub onsite: Option<Figure>,
    /// People connected remotely.
    #[serde(default)]
    pub remote: Option<Figure>,
    /// All participants.
    #[serde(default)]
    pub total: Option<Figure>,
    /// Women.
    #[serde(default)]
    pub women: Option<Figure>,
    /// Men.
    #[serde(default)]
    pub men: Option<Figure>,
    /// Share of women in per cent.
    #[serde(default)]
    pub women_percent: Option<Figure>,
    /// The original text of the participation field.
    pub text: String,
    /// Where the field is written.
    pub span: Span,
}

/// A number as a document states it: exact, or bounded ("over 450", "100 and +").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The number written.
    pub value: u64,
    /// How the number bounds the real value.
    pub qualifier: Qualifier,
}

/// How a stated number bounds the real value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// The number itself.
    Exact,
    /// At least the number ("100 and +").
    AtLeast,
    /// More than the number ("more than 3000", "over 99").
    MoreThan,
    /// About the number.
    About,
}

/// What a [`Fact`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    /// First and last day of the meeting.
    Dates,
    /// Where the meeting was held.
    Venue,
    /// Number of participants.
    Participants,
    /// Number of countries participants came from.
    Countries,
    /// Number of sessions.
    Sessions,
    /// Number of workshops.
    Workshops,
    /// Number of open sessions / open forums.
    OpenSessions,
    /// Number of lightning sessions.
    LightningSessions,
    /// Number of journalists present.
    Journalists,
    /// The overarching theme.
    OverarchingTheme,
    /// Number of NRIs at a date.
    NriCount,
    /// A Best Practice Forum topic.
    BestPracticeForum,
    /// A goal of the CENB Phase IV work.
    CenbGoal,
    /// A WSIS action line the IGF contributes to.
    WsisActionLine,
    /// The host of a meeting (the fact's meeting may be a later one).
    Host,
    /// Size of the Multistakeholder Advisory Group.
    MagSize,
    /// The ordinal of the meeting.
    Ordinal,
}

impl FactKind {
    /// A readable name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Dates => "dates",
            Self::Venue => "venue",
            Self::Participants => "participants",
            Self::Countries => "countries",
            Self::Sessions => "sessions",
            Self::Workshops => "workshops",
            Self::OpenSessions => "open sessions",
            Self::LightningSessions => "lightning sessions",
            Self::Journalists => "journalists",
            Self::OverarchingTheme => "overarching theme",
            Self::NriCount => "NRI count",
            Self::BestPracticeForum => "Best Practice Forum",
            Self::CenbGoal => "CENB Phase IV goal",
            Self::WsisActionLine => "WSIS action line",
            Self::Host => "host",
            Self::MagSize => "MAG size",
            Self::Ordinal => "ordinal",
        }
    }
}

/// A fact about a meeting as one source states it. Facts from different
/// sources are kept side by side, never merged, so disagreements show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// Node identifier.
    pub id: NodeId,
    /// The meeting the fact is about (its year).
    pub meeting: u16,
    /// What the fact is about.
    pub kind: FactKind,
    /// The number, for a figure.
    #[serde(default)]
    pub figure: Option<Figure>,
    /// The value as text (a date range, a venue, a topic, a code).
    pub value: String,
    /// What the value refers to, where that needs saying ("end of 2015", "current").
    #[serde(default)]
    pub qualifier_note: Option<String>,
    /// Where it is written.
    pub span: Span,
}

/// Everything a parser extracted from one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// The manifest id of the document.
    pub document: String,
    /// Themes, in document order.
    pub themes: Vec<Theme>,
    /// Sessions, in document order.
    pub sessions: Vec<Session>,
    /// Messages, in document order.
    pub messages: Vec<Message>,
    /// Statements, in document order.
    pub statements: Vec<Statement>,
    /// People, in order of first mention, each once.
    pub people: Vec<Person>,
    /// People's roles in sessions.
    pub roles: Vec<Role>,
    /// Participation figures of sessions.
    pub participation: Vec<Participation>,
    /// Facts about meetings.
    pub facts: Vec<Fact>,
    /// Speaker turns of a transcript, in the session's order.
    #[serde(default)]
    pub utterances: Vec<Utterance>,
    /// Sessions' numbers, organisers, days, time slots and rooms.
    #[serde(default)]
    pub details: Vec<SessionDetails>,
    /// Recoverable problems found.
    pub diagnostics: Vec<Diagnostic>,
}
