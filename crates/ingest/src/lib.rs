#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod blocks;
mod boilerplate;
mod by_session;
mod by_theme;
mod facts;
mod narrative;
mod participation;
mod people;
mod reports;
mod sentences;
mod transcript;

use igfkg_model::{Extraction, SourceDocument};
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
    /// Real-time captioning transcripts: a title, a header, `>> NAME:` speaker turns.
    Transcript,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 6] = [
        Self::MessagesBySession,
        Self::MessagesByTheme,
        Self::SessionReports,
        Self::Narrative,
        Self::Outline,
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
            Self::Transcript => "transcript",
        }
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
    "unknown document format {0:?}; use one of messages-by-session, messages-by-theme, session-reports, narrative, outline, transcript"
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
/// Recoverable oddities (an empty report field, an unknown session type, a
/// heading with no messages) are [`igfkg_model::Diagnostic`]s in the
/// extraction, not errors.
///
/// # Errors
/// [`ParseError`] when the document does not have the structure of its
/// format at all (no session heading in a `messages-by-session` document, …).
pub fn parse(
    format: Format,
    document: &SourceDocument,
    text: &SourceText,
) -> Result<Extraction, ParseError> {
    match format {
        Format::MessagesBySession => by_session::parse(document, text),
        Format::MessagesByTheme => by_theme::parse(document, text),
        Format::SessionReports => reports::parse(document, text),
        Format::Narrative => Ok(narrative::parse(document, text, true)),
        Format::Outline => Ok(narrative::parse(document, text, false)),
        Format::Transcript => transcript::parse(document, text),
    }
}
