//! What was said in a session, as a real-time captioning transcript records
//! it: one [`Utterance`] per speaker turn (or part of a long turn).

use crate::id::NodeId;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A speaker turn of a transcript (`>> NAME: …`), or one part of a turn too
/// long to be one record (cut at sentence bounds, so that no utterance is
/// longer than 2,000 characters unless one sentence is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Utterance {
    /// Node identifier.
    pub id: NodeId,
    /// Position in the session's order, from 1.
    pub position: u32,
    /// The speaker turn it belongs to, from 1: the parts of one long turn
    /// share it.
    pub turn: u32,
    /// The speaker as the transcript labels them (`CHENGETAI MASANGO`,
    /// `MODERATOR`), or `None` for a turn with no label (`>> Thank you.`).
    #[serde(default)]
    pub speaker_label: Option<String>,
    /// The person speaking, when the label or the turn's own words name
    /// them; generic labels (`MODERATOR`, `AUDIENCE`) name nobody.
    #[serde(default)]
    pub speaker: Option<NodeId>,
    /// What was said, white space folded, without the label.
    pub text: String,
    /// The session the transcript records.
    #[serde(default)]
    pub session: Option<NodeId>,
    /// Year of the meeting.
    pub year: u16,
    /// Where it is written (the words, without the `>> NAME:` label).
    pub span: Span,
}
