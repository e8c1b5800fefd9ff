//! Records of programmes and structured rows: where and when a session is
//! scheduled and who organises it, and how the columns of a CSV or JSON
//! file map to records.

use crate::id::NodeId;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A session's place in a programme: its number, organisers, day, time
/// slot and room, as far as the programme or row gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDetails {
    /// The session.
    pub session: NodeId,
    /// The session's number in its type's series (`93` of "WS #93").
    #[serde(default)]
    pub number: Option<u32>,
    /// The number as written ("WS #93", "Open Forum 530").
    #[serde(default)]
    pub number_label: Option<String>,
    /// The organisers, as written, in order.
    #[serde(default)]
    pub organisers: Vec<String>,
    /// The day (ISO 8601 date), when the programme gives it.
    #[serde(default)]
    pub day: Option<String>,
    /// Start time (`HH:MM`, local time of the meeting).
    #[serde(default)]
    pub start_time: Option<String>,
    /// End time (`HH:MM`).
    #[serde(default)]
    pub end_time: Option<String>,
    /// The room, as written.
    #[serde(default)]
    pub room: Option<String>,
    /// The place (city, venue or address) of an event, as written.
    #[serde(default)]
    pub place: Option<String>,
    /// The date or year as written, when it is not a plain date or year
    /// ("2013-14", "14 septembre 2010"), kept beside what was read from it.
    #[serde(default)]
    pub date_text: Option<String>,
    /// Where the details are written.
    pub span: Span,
}

impl SessionDetails {
    /// Details of a session that give nothing yet, written at `span`.
    pub fn new(session: NodeId, span: Span) -> Self {
        Self {
            session,
            number: None,
            number_label: None,
            organisers: Vec::new(),
            day: None,
            start_time: None,
            end_time: None,
            room: None,
            place: None,
            date_text: None,
            span,
        }
    }

    /// Whether the details give anything beyond the session they are of.
    pub fn is_empty(&self) -> bool {
        self.number.is_none()
            && self.organisers.is_empty()
            && self.day.is_none()
            && self.start_time.is_none()
            && self.room.is_none()
            && self.place.is_none()
            && self.date_text.is_none()
    }
}

/// What each row of a `records` document becomes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    /// A session of a meeting (events, sessions, labelled sessions).
    #[default]
    Session,
    /// A key message.
    Message,
    /// A statement (an NRI list entry, a row of prose).
    Statement,
}

impl RowKind {
    /// The name used in the manifest.
    pub fn name(self) -> &'static str {
        match self {
            Self::Session => "session",
            Self::Message => "message",
            Self::Statement => "statement",
        }
    }
}

/// Which column of a CSV file, or which key of a JSON object, holds each
/// field of a record (the manifest's `[document.columns]` table). A field
/// without a column is not read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMapping {
    /// What each row becomes.
    #[serde(default)]
    pub kind: RowKind,
    /// For JSON: an RFC 6901 pointer to the array of rows (`/data/sessions`);
    /// the document itself when absent.
    #[serde(default)]
    pub pointer: Option<String>,
    /// The title.
    #[serde(default)]
    pub title: Option<String>,
    /// The date (a day or a range of days), from which the meeting's year comes.
    #[serde(default)]
    pub date: Option<String>,
    /// The year of the meeting.
    #[serde(default)]
    pub year: Option<String>,
    /// The session type ("Workshop", "Open Forum").
    #[serde(rename = "type", default)]
    pub session_type: Option<String>,
    /// The session number ("93", "WS #93").
    #[serde(default)]
    pub number: Option<String>,
    /// The place of the event (city, country, venue).
    #[serde(default)]
    pub place: Option<String>,
    /// The room.
    #[serde(default)]
    pub room: Option<String>,
    /// The time slot ("09:30-11:00").
    #[serde(default)]
    pub time: Option<String>,
    /// The speakers, separated by [`ColumnMapping::separator`] (or a JSON array).
    #[serde(default)]
    pub speakers: Option<String>,
    /// The NRI that organises or is named by the row.
    #[serde(default)]
    pub nri: Option<String>,
    /// The organisers, separated by [`ColumnMapping::separator`] (or a JSON array).
    #[serde(default)]
    pub organization: Option<String>,
    /// The text (a description, a message).
    #[serde(default)]
    pub text: Option<String>,
    /// What separates several speakers or organisers in one cell; `;` when absent.
    #[serde(default)]
    pub separator: Option<String>,
}

impl ColumnMapping {
    /// The fields that name a column, as `(field, column)` pairs, in a fixed order.
    pub fn columns(&self) -> Vec<(&'static str, &str)> {
        [
            ("title", &self.title),
            ("date", &self.date),
            ("year", &self.year),
            ("type", &self.session_type),
            ("number", &self.number),
            ("place", &self.place),
            ("room", &self.room),
            ("time", &self.time),
            ("speakers", &self.speakers),
            ("nri", &self.nri),
            ("organization", &self.organization),
            ("text", &self.text),
        ]
        .into_iter()
        .filter_map(|(field, column)| Some((field, column.as_deref()?)))
        .collect()
    }

    /// The separator of multi-valued cells.
    pub fn separator(&self) -> &str {
        self.separator.as_deref().unwrap_or(";")
    }
}
