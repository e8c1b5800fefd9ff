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

/// How sure a role read from a speaker's words is, in per cent.
const SAID_ROLE: u8 = 90;
/// How sure a speaker named by their own words under a generic label is.
const SAID_NAME: u8 = 80;

/// Labels that name a role, not a person.
const GENERIC: [&str; 36] = [
    "MODERATOR",
    "CO-MODERATOR",
    "REMOTE MODERATOR",
    "ONLINE MODERATOR",
    "ONSITE MODERATOR",
    "SPEAKER",
    "AUDIENCE",
    "AUDIENCE MEMBER",
    "PARTICIPANT",
    "INTERPRETER",
    "CHAIR",
    "CO-CHAIR",
    "CHAIRMAN",
    "CHAIRWOMAN",
    "CHAIRPERSON",
    "PANELIST",
    "PANELLIST",
    "FLOOR",
    "MALE SPEAKER",
    "FEMALE SPEAKER",
    "UNIDENTIFIED SPEAKER",
    "UNKNOWN SPEAKER",
    "CAPTIONER",
    "HOST",
    "VOICE",
    "NARRATOR",
    "VIDEO",
    "PRESENTER",
    "FACILITATOR",
    "RAPPORTEUR",
    "OPERATOR",
    "ANNOUNCER",
    "MC",
    "MASTER OF CEREMONIES",
    "SECRETARIAT",
    "ORGANIZER",
];

/// Generic labels that say the speaker moderates.
fn is_moderating_label(label: &str) -> bool {
    let label = label.to_uppercase();
    label.contains("MODERATOR") || label.contains("CHAIR") || label == "FACILITATOR"
}

fn is_generic(label: &str) -> bool {
    let upper = label.trim().to_uppercase();
    let stem = upper.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    GENERIC.contains(&upper.as_str()) || GENERIC.contains(&stem)
}

/// Titles that stand before a name in a label (`DR. RUDOLF GRIDL`).
static HONORIFIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:dr|mr|mrs|ms|prof|h\.\s?e|amb|hon|sen|rev)\.?|professor|ambassador|minister|senator|sir|dame|madam|his excellency|her excellency)\s+").unwrap()
});

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the following (?:are|is) the outputs?|this is the (?:the )?outputs?) of the (?:real-?\s?time )?captioning\b").unwrap()
});

const MONTH: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// The meeting a header names: `taken during the Fourteenth Annual Meeting
/// of the Internet Governance Forum (IGF) in Berlin, Germany, from 25 to 29
/// November 2019`.
static HEADER_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bduring the (?:virtual )?(?P<ord>[a-z]+(?:-[a-z]+)?|\d{{1,2}}(?:st|nd|rd|th)) Annual Meeting of the Internet Governance Forum(?: \(IGF\))?(?: in (?P<place>\p{{Lu}}[^,()]*, \p{{Lu}}[^,()]*?))?,? (?:held )?from (?P<d1>\d{{1,2}})(?: (?P<m1>{MONTH}))? to (?P<d2>\d{{1,2}}) (?P<m2>{MONTH}),? (?P<year>\d{{4}})"
    ))
    .unwrap()
});

/// The older header: `taken during the IGF 2014 Istanbul, Turkey, meetings`.
static HEADER_OLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bduring the IGF (?P<year>\d{4}),? (?P<place>\p{Lu}[^,()]*, \p{Lu}[^,()]*?),? meetings?\b").unwrap()
});

/// A speaker's own words about moderating.
static MODERATING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:I(?:'m|’m| am) (?:the |your |today's |today’s )?(?:co-?|session |online |onsite |remote )?moderator\b|I(?:'ll|’ll| will| shall) be (?:co-?)?moderating\b|I(?:'m|’m| am) (?:co-?)?moderating\b|my role (?:today )?is to moderate\b)").unwrap()
});

const NAME: &str = r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}";
/// An organisation's name: capitalised words (with the small words names
/// have), acronyms with inner dots ("U.N"), never a sentence's full stop.
const ORG: &str = r"(?:the\s+)?\p{Lu}[\p{L}\d&-]*(?:\.[\p{L}\d]+)*(?:\s+(?:of|for|and|on|the|de|\p{Lu}[\p{L}\d&-]*(?:\.[\p{L}\d]+)*)){0,8}";

/// A speaker's introduction: `my name is X`, `I'm X from Y`, `my name is
/// X, I work at Y`.
static INTRODUCTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:[Mm]y name is|I(?:'m|’m| am)|[Tt]his is)\s+(?P<name>{NAME})(?:(?:,\s*|\s+)from\s+(?P<from>{ORG})|[,.]?\s+(?:and\s+)?I\s+(?:work|am working|'m working)\s+(?:at|for|with)\s+(?P<work>{ORG}))?"
    ))
    .unwrap()
});

/// A speaker turn marker and its label, found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker {
    /// Byte offset of `>>`.
    at: usize,
    /// The label and its byte range, if the turn has one.
    label: Option<(String, usize, usize)>,
    /// Byte offset where the turn's words start.
    content: usize,
}

/// Whether a candidate label reads as a speaker's label: capitals, or a
/// short name in title case, with no sentence punctuation.
fn is_label(candidate: &str) -> bool {
    let words: Vec<&str> = candidate.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 || candidate.contains(['?', '!', ';', '"', '“']) {
        return false;
    }
    let letters: Vec<char> = candidate.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if upper * 10 >= letters.len() * 8 {
        return true;
    }
    // A name in its usual case ("Vint Cerf"): every word capitalised.
    let name_part = candidate.split([',', '(']).next().unwrap_or(candidate);
    let name_words: Vec<&str> = name_part.split_whitespace().collect();
    !name_words.is_empty()
        && name_words.len() <= 5
        && name_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Finds the turn markers: `>>` at a line's start or after white space,
/// then a label up to a colon when there is one.
fn markers(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(">>") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| !c.is_whitespace()) || text[at + 2..].starts_with('>') {
            continue;
        }
        let after = at + 2;
        let rest = &text[after..];
        let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let label_start = after + lead;
        // The label ends at a colon before the end of the line, the next
        // marker or 100 bytes.
        let window_end = text[label_start..]
            .char_indices()
            .take_while(|(i, c)| *i < 100 && *c != '\n')
            .last()
            .map_or(label_start, |(i, c)| label_start + i + c.len_utf8());
        let window = &text[label_start..window_end];
        let window = window.split(">>").next().unwrap_or(window);
        let label = window.find(':').and_then(|colon| {
            let candidate = window[..colon].trim_end();
            is_label(candidate).then(|| {
                (
                    candidate.to_owned(),
                    label_start,
                    label_start + candidate.len(),
                    label_start + colon + 1,
                )
            })
        });
        match label {
            Some((label, start, end, after_colon)) => out.push(Marker {
                at,
                label: Some((label, start, end)),
                content: after_colon,
            }),
            None => out.push(Marker {
                at,
                label: None,
                content: label_start,
            }),
        }
    }
    out
}

/// A label read: the person it names (name as written, and in its usual
/// case), their organisation and title, and the generic role it states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Label {
    name: Option<String>,
    written: Option<String>,
    title: Option<String>,
    organisation: Option<String>,
    generic: Option<String>,
}

/// `CHENGETAI MASANGO` → `Chengetai Masango`; names in mixed case keep
/// their case. White space is folded either way.
fn usual_case(name: &str) -> String {
    let name = fold_spaces(name);
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, ' ' | '-' | '\'' | '’' | '.');
    }
    out
}

fn read_label(label: &str) -> Label {
    let label = label.trim();
    // `NAME (ORG)`, `MODERATOR (NAME)`, `NAME, ORG`.
    let (head, extra) = if let Some((head, rest)) = label.split_once('(') {
        (head.trim(), Some(rest.trim_end_matches(')').trim()))
    } else if let Some((head, rest)) = label.split_once(',') {
        (head.trim(), Some(rest.trim()))
    } else {
        (label, None)
    };
    if is_generic(head) {
        // A generic label may name the person after it.
        return match extra {
            Some(name) if !name.is_empty() && !is_generic(name) => {
                let mut read = read_label(name);
                read.generic = Some(head.to_owned());
                read
            }
            _ => Label {
                generic: Some(head.to_owned()),
                ..Label::default()
            },
        };
    }
    if let Some(extra) = extra
        && is_generic(extra)
    {
        let mut read = read_label(head);
        read.generic = Some(extra.to_owned());
        return read;
    }
    let (title, name) = match HONORIFIC.find(head) {
        Some(m) => (Some(usual_case(m.as_str().trim())), &head[m.end()..]),
        None => (None, head),
    };
    let name = name.trim();
    if name.split_whitespace().count() < 2 && title.is_none() && extra.is_none() {
        // One word ("JOLY") is a first name or a nickname: kept as the
        // label, not made a person who would merge with every namesake.
        return Label {
            written: Some(name.to_owned()),
            ..Label::default()
        };
    }
    Label {
        name: Some(usual_case(name)),
        written: Some(fold_spaces(name)),
        title,
        organisation: extra.filter(|e| !e.is_empty()).map(str::to_owned),
        generic: None,
    }
}

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

/// Reads what stands before the first turn: the title (the session) and
/// the header (a statement, with its meeting facts). Returns the session.
fn preamble(b: &mut Builder<'_>, first_turn: usize) -> NodeId {
    let source = b.text.as_str();
    let before = &source[..first_turn];
    let header = HEADER.find(before).map(|m| {
        // The header runs to the end of its paragraph, or to the first turn.
        let rest = &before[m.start()..];
        let end = rest.find("\n\n").map_or(before.len(), |i| m.start() + i);
        let end = m.start() + source[m.start()..end].trim_end().len();
        (m.start(), end)
    });
    // The title: the first line before the header, or before the first turn.
    let title_zone_end = header.map_or(first_turn, |(s, _)| s);
    let zone = &source[..title_zone_end];
    let title = zone
        .lines()
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| !line.trim().is_empty() && line.trim() != "***")
        .map(|(start, line)| {
            let lead = line.len() - line.trim_start().len();
            (start + lead, start + lead + line.trim().len())
        });
    let (title_text, span_range) = match title {
        Some((s, e)) => (fold_spaces(&source[s..e]), (s, e)),
        None => match header {
            Some(range) => (b.document.title.clone(), range),
            None => (b.document.title.clone(), (first_turn, first_turn)),
        },
    };
    let id = b.session_id(&title_text, 1);
    let (session_type, session_type_label) = session_type(&title_text);
    let span = b.span(span_range.0, span_range.1);
    b.out.sessions.push(Session {
        id: id.clone(),
        title: title_text.clone(),
        session_type,
        session_type_label,
        year: b.meeting_year(),
        position: 1,
        description: None,
        updated: None,
        track: None,
        theme: None,
        fields: Vec::new(),
        span,
    });
    if let Some((s, e)) = header {
        let statement = fold_spaces(&source[s..e]);
        b.statement(statement, Some(&title_text), false, (s, e));
        header_facts(b, (s, e));
    }
    id
}

/// Session numbers as programmes abbreviate them: `WS #101`, `OF10`.
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<kind>WS|OF|DC|BPF|LT|NS)\s?#?\s?\d+\b").unwrap());

/// The session's type as its title names it: the words of the title that
/// name a type ("Workshop", "WS #101", "Open Forum", "Main Session"), read
/// as the other formats read a type label.
fn session_type(title: &str) -> (SessionType, String) {
    let label = match NUMBERED.captures(title) {
        Some(c) => match &c["kind"] {
            "WS" => "Workshop",
            "OF" => "Open Forum",
            "DC" => "Dynamic Coalition",
            "BPF" => "Best Practice Forum",
            "LT" => "Lightning Talk",
            _ => "Networking Session",
        }
        .to_owned(),
        None => {
            const KINDS: [&str; 14] = [
                "main session",
                "high-level",
                "opening ceremony",
                "closing ceremony",
                "workshop",
                "open forum",
                "best practice forum",
                "dynamic coalition",
                "day 0",
                "lightning talk",
                "town hall",
                "networking session",
                "open mic",
                "newcomers",
            ];
            let lower = title.to_lowercase();
            match KINDS.iter().find(|k| lower.contains(*k)) {
                Some(kind) => usual_case(&kind.to_uppercase()),
                None => "Session".to_owned(),
            }
        }
    };
    (by_session::session_type(&label), label)
}

/// The meeting facts a header states: its ordinal, venue and dates.
fn header_facts(b: &mut Builder<'_>, (start, end): (usize, usize)) {
    facts::extract(b, start, end);
    let source = b.text.as_str();
    let header = &source[start..end];
    if let Some(c) = HEADER_MEETING.captures(header) {
        let year: u16 = c["year"].parse().unwrap_or(b.meeting_year());
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        let at = |m: regex::Match<'_>| (start + m.start(), start + m.end());
        if let Some(ord) = c.name("ord")
            && let Some(ordinal) = numbers::ordinal_value(ord.as_str())
        {
            // The evidence: "Fourteenth Annual Meeting of the Internet Governance Forum".
            const FORUM: &str = "Internet Governance Forum";
            let end = header[ord.end()..]
                .find(FORUM)
                .map_or(ord.end(), |i| ord.end() + i + FORUM.len());
            b.fact(
                FactKind::Ordinal,
                year,
                Some(Figure {
                    value: ordinal,
                    qualifier: Qualifier::Exact,
                }),
                ordinal.to_string(),
                (start + ord.start(), start + end),
            );
        }
        if let Some(place) = c.name("place") {
            b.fact(
                FactKind::Venue,
                year,
                None,
                place.as_str().trim().to_owned(),
                at(place),
            );
        }
        let m2 = month_number(&c["m2"]);
        let m1 = c.name("m1").map_or(m2, |m| month_number(m.as_str()));
        let (d1, d2): (u8, u8) = (c["d1"].parse().unwrap_or(0), c["d2"].parse().unwrap_or(0));
        // A range over a year's end ("from 28 December to 2 January 2020")
        // starts in the year before.
        let y1 = if m1 > m2 { year - 1 } else { year };
        let dates = c.name("d1").map_or(whole, |m| (m.start(), whole.1));
        b.fact(
            FactKind::Dates,
            year,
            None,
            format!("{y1}-{m1:02}-{d1:02}/{year}-{m2:02}-{d2:02}"),
            (start + dates.0, start + dates.1),
        );
    } else if let Some(c) = HEADER_OLD.captures(header) {
        let year: u16 = c["year"].parse().unwrap_or(b.meeting_year());
        let place = c.name("place").map_or((0, 0), |m| (m.start(), m.end()));
        b.fact(
            FactKind::Venue,
            year,
            None,
            c["place"].trim().to_owned(),
            (start + place.0, start + place.1),
        );
    }
}

fn month_number(month: &str) -> u8 {
    MONTH
        .split('|')
        .position(|m| m.eq_ignore_ascii_case(month))
        .map_or(0, |i| i as u8 + 1)
}

/// The person a label names, with a speaker role (stated by the label, so
/// without a confidence) and a moderator role when the label says so.
fn label_person(
    b: &mut Builder<'_>,
    session: &NodeId,
    label: &Label,
    (start, end): (usize, usize),
) -> Option<NodeId> {
    let name = label.name.as_ref()?;
    let span = b.span(start, end);
    let mut variants = Vec::new();
    if let Some(as_written) = &label.written
        && as_written != name
    {
        variants.push(as_written.clone());
    }
    let id = add_person(
        b,
        Person {
            id: NodeId::person(name),
            name: name.clone(),
            variants,
            position_title: label.title.clone(),
            affiliation: label.organisation.clone(),
            country: None,
            stakeholder_group: None,
            span,
        },
    );
    add_inferred_role(b, session, &id, RoleKind::Speaker, None, None, (start, end));
    if label.generic.as_deref().is_some_and(is_moderating_label) {
        add_inferred_role(
            b,
            session,
            &id,
            RoleKind::Moderator,
            None,
            None,
            (start, end),
        );
    }
    Some(id)
}

/// Reads what a speaker says of themselves in the first words of a turn:
/// their name and organisation, and that they moderate. Returns the turn's
/// speaker: the label's person, or the person a generic label's speaker
/// names themselves.
fn said(
    b: &mut Builder<'_>,
    session: &NodeId,
    label: Option<&Label>,
    speaker: Option<NodeId>,
    (start, end): (usize, usize),
) -> Option<NodeId> {
    let source = b.text.as_str();
    // Introductions open a turn: the first 600 bytes are read.
    let mut head_end = (start + 600).min(end);
    while !source.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &source[start..head_end];
    let mut speaker = speaker;
    if let Some(c) = INTRODUCTION.captures(head) {
        let name_match = c.name("name").map_or((0, 0), |m| (m.start(), m.end()));
        let name = clean_name(&c["name"]);
        let organisation = c
            .name("from")
            .or(c.name("work"))
            .map(|m| trim_organisation(m.as_str()));
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        // The evidence ends with the organisation as trimmed.
        let whole_end = match (c.name("from").or(c.name("work")), &organisation) {
            (Some(m), Some(org)) => {
                m.start() + m.as_str().find(org.as_str()).unwrap_or(0) + org.len()
            }
            _ => whole.1,
        };
        let evidence = (start + whole.0, start + whole_end);
        let named = name.split_whitespace().count() >= 2;
        let same = speaker
            .as_ref()
            .is_some_and(|id| *id == NodeId::person(&name));
        let generic = label.is_none_or(|l| l.name.is_none());
        if named && (same || (speaker.is_none() && generic)) {
            let span = b.span(start + name_match.0, start + name_match.1);
            let id = add_person(
                b,
                Person {
                    id: NodeId::person(&name),
                    name: name.clone(),
                    variants: Vec::new(),
                    position_title: None,
                    affiliation: organisation.clone(),
                    country: None,
                    stakeholder_group: None,
                    span,
                },
            );
            if organisation.is_some() {
                // The introduction is the evidence of the affiliation.
                let span = b.span(evidence.0, evidence.1);
                if let Some(person) = b.out.people.iter_mut().find(|p| p.id == id)
                    && person.affiliation == organisation
                {
                    person.span = span;
                }
            }
            if !same {
                let generic = label.and_then(|l| l.generic.as_deref());
                let kind = if generic.is_some_and(is_moderating_label) {
                    RoleKind::Moderator
                } else {
                    RoleKind::Speaker
                };
                add_inferred_role(b, session, &id, kind, None, Some(SAID_NAME), evidence);
            }
            speaker = Some(id);
        }
    }
    if let (Some(id), Some(m)) = (&speaker, MODERATING.find(head)) {
        add_inferred_role(
            b,
            session,
            id,
            RoleKind::Moderator,
            None,
            Some(SAID_ROLE),
            (start + m.start(), start + m.end()),
        );
    }
    speaker
}

/// A name from running text, without a word that is not part of it.
fn clean_name(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .take_while(|w| !matches!(*w, "And" | "From" | "I" | "The"))
        .collect();
    words.join(" ")
}

/// An organisation from running text: up to the sentence's end, without a
/// leading "the" or trailing connectives.
fn trim_organisation(organisation: &str) -> String {
    let organisation = organisation.split(". ").next().unwrap_or(organisation);
    let organisation = organisation
        .strip_prefix("the ")
        .or_else(|| organisation.strip_prefix("The "))
        .unwrap_or(organisation);
    let mut words: Vec<&str> = organisation.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "for" | "and" | "on" | "the" | "de"))
    {
        words.pop();
    }
    words.join(" ").trim_end_matches('.').to_owned()
}

/// Adds a turn's utterances: the turn, or its parts of at most
/// [`MAX_CHARS`] characters cut at sentence bounds.
fn utterances(
    b: &mut Builder<'_>,
    session: &NodeId,
    turn: u32,
    marker: &Marker,
    speaker: Option<&NodeId>,
    (start, end): (usize, usize),
) {
    let source = b.text.as_str();
    let mut parts = Vec::new();
    if source[start..end].chars().count() > MAX_CHARS {
        let mut part: Option<(usize, usize, usize)> = None;
        for (s, e) in sentences::sentences(&source[start..end]) {
            let chars = source[start + s..start + e].chars().count();
            part = match part {
                Some((ps, _, n)) if n + 1 + chars <= MAX_CHARS => {
                    Some((ps, start + e, n + 1 + chars))
                }
                Some((ps, pe, _)) => {
                    parts.push((ps, pe));
                    Some((start + s, start + e, chars))
                }
                None => Some((start + s, start + e, chars)),
            };
        }
        parts.extend(part.map(|(s, e, _)| (s, e)));
    } else {
        parts.push((start, end));
    }
    for (s, e) in parts {
        let position = b.out.utterances.len() as u32 + 1;
        let id = NodeId::keyed(
            NodeKind::Utterance,
            &[&b.document.id, &position.to_string()],
        );
        let span = b.span(s, e);
        b.out.utterances.push(Utterance {
            id,
            position,
            turn,
            speaker_label: marker.label.as_ref().map(|(l, _, _)| l.clone()),
            speaker: speaker.cloned(),
            text: fold_spaces(&b.text.as_str()[s..e]),
            session: Some(session.clone()),
            year: b.meeting_year(),
            span,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_people_titles_organisations_and_roles() {
        let read = read_label("DR. RUDOLF GRIDL");
        assert_eq!(read.name.as_deref(), Some("Rudolf Gridl"));
        assert_eq!(read.title.as_deref(), Some("Dr."));
        let read = read_label("JANE DOE, ICANN");
        assert_eq!(read.name.as_deref(), Some("Jane Doe"));
        assert_eq!(read.organisation.as_deref(), Some("ICANN"));
        let read = read_label("MODERATOR (Anja Gengo)");
        assert_eq!(read.name.as_deref(), Some("Anja Gengo"));
        assert_eq!(read.generic.as_deref(), Some("MODERATOR"));
        for generic in [
            "MODERATOR",
            "AUDIENCE",
            "SPEAKER 2",
            "PARTICIPANT",
            "INTERPRETER",
            "CHAIR",
        ] {
            let read = read_label(generic);
            assert_eq!(read.name, None, "{generic}");
            assert_eq!(read.generic.as_deref(), Some(generic));
        }
        assert_eq!(
            read_label("DOROTHEE BÄR").name.as_deref(),
            Some("Dorothee Bär")
        );
    }

    fn document() -> SourceDocument {
        SourceDocument {
            id: "t".into(),
            title: "T".into(),
            publisher: String::new(),
            year: 2019,
            meeting: Some(2019),
            kind: "transcript".into(),
            format: "transcript".into(),
            path: "t.txt".into(),
            url: None,
            licence: String::new(),
            sha256: String::new(),
            columns: None,
        }
    }

    #[test]
    fn a_long_turn_is_cut_at_sentences_into_parts_of_one_turn() {
        // Forty sentences of 99 characters each, in one turn of a flat page.
        let sentence = "Community networks in rural areas need spectrum, local skills and funding that lasts for years now.";
        assert_eq!(sentence.len(), 99);
        let speech = vec![sentence; 40].join(" ");
        let text = format!("Session title >> ANJA GENGO: {speech} >> AUDIENCE: Thank you.");
        let text = SourceText::new("t.txt", text);
        let e = parse(&document(), &text, &[]).unwrap();
        let turns: Vec<(u32, usize)> = e
            .utterances
            .iter()
            .map(|u| (u.turn, u.text.chars().count()))
            .collect();
        // Twenty sentences and their spaces make 1,999 characters: two parts.
        assert_eq!(turns, [(1, 1999), (1, 1999), (2, 10)]);
        assert!(
            e.utterances[..2]
                .iter()
                .all(|u| u.speaker == e.utterances[0].speaker)
        );
        assert_eq!(e.utterances[1].position, 2);
    }

    #[test]
    fn a_document_without_turns_is_an_error() {
        let text = SourceText::new("t.txt", "Just a page\n\nwith no turns.\n".into());
        let error = parse(&document(), &text, &[]).unwrap_err().to_string();
        assert!(error.starts_with("t.txt:1:1: no speaker turn"), "{error}");
    }

    #[test]
    fn markers_inline_and_anonymous() {
        let text = "Title >> ANJA GENGO: Good morning. >> Thank you: all. >>CHENGETAI MASANGO:Yes.";
        let found = markers(text);
        let labels: Vec<_> = found
            .iter()
            .map(|m| m.label.as_ref().map(|l| l.0.as_str()))
            .collect();
        assert_eq!(
            labels,
            [Some("ANJA GENGO"), None, Some("CHENGETAI MASANGO")]
        );
        assert_eq!(&text[found[2].content..], "Yes.");
    }
}
