//! `transcript`: the IGF's real-time captioning transcripts.
//!
//! The layout, as intgovforum.org publishes a session's transcript (e.g.
//! "IGF 2019 – Day 4 – Convention Hall II – Open Mic/Taking Stock"):
//!
//! ```text
//! IGF 2019 – Day 1 – Convention Hall II – IGF For Beginners Main Session
//!
//! The following are the outputs of the real-time captioning taken during the
//! Fourteenth Annual Meeting of the Internet Governance Forum (IGF) in Berlin,
//! Germany, from 25 to 29 November 2019. Although it is largely accurate, …
//!
//! >> Excuse me. Just for you to know, the panelists are on their way …
//!
//! >> CHENGETAI MASANGO: Good morning, people. Welcome to the IGF. …
//!
//! So, those are happening now, in room one, two, and three. …
//! ```
//!
//! a title, a header (older years: "This is the output of the real-time
//! captioning taken during the IGF 2014 Istanbul, Turkey, meetings"), then
//! speaker turns marked `>> NAME:` — the label usually in capitals, at times
//! with a title (`DR. RUDOLF GRIDL`), an organisation (`JANE DOE, ICANN`) or
//! a generic role (`MODERATOR`, `AUDIENCE`); a turn without a label
//! (`>> Thank you.`) is someone the captioner did not name. A turn goes on
//! over the paragraphs after it, up to the next marker; on a page saved
//! flat, title, header and turns run on one line.
//!
//! Records: the session (titled by the title), the header as a statement
//! with the meeting facts it states (ordinal, venue, dates), one
//! [`Utterance`] per turn (a turn longer than 2,000 characters is cut at
//! sentence bounds into parts of the same turn), the people the labels and
//! the speakers' own words name ("my name is Anja Gengo, I work at the IGF
//! Secretariat"), and their roles: `Speaker` for each named speaker, and
//! `Moderator` where a label or the speaker says so ("I'm the moderator",
//! "I will be moderating"), with the words as evidence and a confidence.

use crate::blocks::{Builder, fold_spaces};
use crate::by_session;
use crate::reports::{add_inferred_role, add_person};
use crate::sentences::{self, MAX_CHARS};
use crate::{ParseError, facts, numbers};
use igfkg_model::{
    Extraction, FactKind, Figure, Meeting, NodeId, NodeKind, Person, Qualifier, RoleKind, Session,
    SessionType, SourceDocument, Utterance,
};
use igfkg_sources::SourceText;
use regex::Regex;
use std::sync::LazyLock;

mod header;
mod labels;
mod speakers;

use header::*;
use labels::*;
use speakers::*;

/// Parses a transcript.
///
/// # Errors
/// When the document has no `>>` speaker turn at all.
pub(crate) fn parse(
    document: &SourceDocument,
    text: &SourceText,
    meetings: &[Meeting],
) -> Result<Extraction, ParseError> {
    let source = text.as_str();
    let markers = markers(source);
    let Some(first) = markers.first() else {
        let (line, column) = text.position(0);
        return Err(ParseError {
            path: text.path().to_owned(),
            line,
            column,
            message: "no speaker turn (`>> NAME: …`) found; a transcript marks each turn with `>>` — use the outline or narrative format for other text".into(),
        });
    };
    let mut b = Builder::new(document, text).with_meetings(meetings);
    let session = preamble(&mut b, first.at);
    let mut turn = 0;
    for (k, marker) in markers.iter().enumerate() {
        let end = markers.get(k + 1).map_or(source.len(), |next| next.at);
        let raw = &source[marker.content..end];
        let start = marker.content + (raw.len() - raw.trim_start().len());
        let end = marker.content + raw.trim_end().len();
        if end <= start {
            continue;
        }
        turn += 1;
        let label = marker.label.as_ref().map(|(l, _, _)| read_label(l));
        let mut speaker = None;
        if let (Some(read), Some((_, s, e))) = (&label, &marker.label) {
            speaker = label_person(&mut b, &session, read, (*s, *e));
        }
        speaker = said(&mut b, &session, label.as_ref(), speaker, (start, end));
        utterances(
            &mut b,
            &session,
            turn,
            marker,
            speaker.as_ref(),
            (start, end),
        );
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests;
