#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod blocks;
mod boilerplate;
mod by_session;
mod by_theme;
mod dates;
mod facts;
mod meetings;
mod narrative;
mod numbers;
mod participation;
mod people;
mod programme;
mod records;
mod reports;
mod sentences;
mod transcript;
mod venues;

use igfkg_model::{Extraction, Meeting, SourceDocument};
use igfkg_sources::SourceText;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

/// A document layout that igfkg has a parser for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Key messages under session headings (the IGF 2017 Messages).
    MessagesBySession,
    /// Key messages as Markdown paragraphs under theme headings (the IGF 2018 Paris Messages).
    MessagesByTheme,
    /// Session reports with eight numbered fields (the IGF 2019 Reports).
    SessionReports,
    /// Prose, cut into statements, with meeting facts (reports to the UN, press releases).
    Narrative,
    /// Any text: headings become sections, paragraphs and list items statements.
    Outline,
    /// Rows of a CSV file or a JSON array (events, sessions, NRI lists),
    /// through the manifest's column mapping.
    Records,
    /// Schedules and session indexes: sessions with their type, number,
    /// organisers, day, time slot and room.
    Programme,
    /// Real-time captioning transcripts: a title, a header, `>> NAME:` speaker turns.
    Transcript,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 8] = [
        Self::MessagesBySession,
        Self::MessagesByTheme,
        Self::SessionReports,
        Self::Narrative,
        Self::Outline,
        Self::Records,
        Self::Programme,
        Self::Transcript,
    ];

    /// The name used in the manifest and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::MessagesBySession => "messages-by-session",
            Self::MessagesByTheme => "messages-by-theme",
            Self::SessionReports => "session-reports",
            Self::Narrative => "narrative",
            Self::Outline => "outline",
            Self::Records => "records",
            Self::Programme => "programme",
            Self::Transcript => "transcript",
        }
    }

    /// Whether every record of the format is filed under the document's
    /// one meeting, so the manifest must give `meeting`.
    pub fn needs_meeting(self) -> bool {
        matches!(
            self,
            Self::MessagesBySession | Self::MessagesByTheme | Self::SessionReports
        )
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name is not a format igfkg knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown document format {0:?}; use one of messages-by-session, messages-by-theme, session-reports, narrative, outline, records, programme, transcript"
)]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, UnknownFormat> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| UnknownFormat(name.to_owned()))
    }
}

/// The document does not have the structure its format needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct ParseError {
    /// The document.
    pub path: PathBuf,
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1.
    pub column: u32,
    /// What was expected and found, and what to do.
    pub message: String,
}

/// Parses a document in a format into records and diagnostics.
///
/// `meetings` are the annual meetings of the reference data
/// (`data/reference/meetings.toml`): the meeting a text names by its
/// ordinal ("the fifth annual IGF") is found there, and a fact or row about
/// a meeting not listed is a warning.
///
/// Recoverable oddities (an empty report field, an unknown session type, a
/// heading with no messages, a row's impossible year) are
/// [`igfkg_model::Diagnostic`]s in the extraction, not errors.
///
/// # Errors
/// [`ParseError`] when the document does not have the structure of its
/// format at all (no session heading in a `messages-by-session` document, a
/// CSV file whose header lacks a mapped column, …), or when its format files
/// every record under one meeting and the manifest gives none.
pub fn parse(
    format: Format,
    document: &SourceDocument,
    text: &SourceText,
    meetings: &[Meeting],
) -> Result<Extraction, ParseError> {
    if format.needs_meeting() && document.meeting.is_none() {
        return Err(ParseError {
            path: text.path().to_owned(),
            line: 1,
            column: 1,
            message: format!(
                "the {format} format files every record under one meeting; give the document's `meeting = YYYY` in the manifest"
            ),
        });
    }
    match format {
        Format::MessagesBySession => by_session::parse(document, text),
        Format::MessagesByTheme => by_theme::parse(document, text),
        Format::SessionReports => reports::parse(document, text),
        Format::Narrative => Ok(narrative::parse(document, text, true, meetings)),
        Format::Outline => Ok(narrative::parse(document, text, false, meetings)),
        Format::Records => records::parse(document, text, meetings),
        Format::Programme => Ok(programme::parse(document, text, meetings)),
        Format::Transcript => transcript::parse(document, text, meetings),
    }
}
