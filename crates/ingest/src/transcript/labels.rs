//! Speaker labels: the `>>` turn markers, which candidates read as labels, and what a label says (name, title, organisation, generic role).

use super::*;

/// How sure a role read from a speaker's words is, in per cent.
pub(super) const SAID_ROLE: u8 = 90;
/// How sure a speaker named by their own words under a generic label is.
pub(super) const SAID_NAME: u8 = 80;

/// Labels that name a role, not a person.
pub(super) const GENERIC: [&str; 36] = [
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
pub(super) fn is_moderating_label(label: &str) -> bool {
    let label = label.to_uppercase();
    label.contains("MODERATOR") || label.contains("CHAIR") || label == "FACILITATOR"
}

pub(super) fn is_generic(label: &str) -> bool {
    let upper = label.trim().to_uppercase();
    let stem = upper.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    GENERIC.contains(&upper.as_str()) || GENERIC.contains(&stem)
}

/// Titles that stand before a name in a label (`DR. RUDOLF GRIDL`).
pub(super) static HONORIFIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:dr|mr|mrs|ms|prof|h\.\s?e|amb|hon|sen|rev)\.?|professor|ambassador|minister|senator|sir|dame|madam|his excellency|her excellency)\s+").unwrap()
});

pub(super) static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the following (?:are|is) the outputs?|this is the (?:the )?outputs?) of the (?:real-?\s?time )?captioning\b").unwrap()
});

pub(super) const MONTH: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// The meeting a header names: `taken during the Fourteenth Annual Meeting
/// of the Internet Governance Forum (IGF) in Berlin, Germany, from 25 to 29
/// November 2019`.
pub(super) static HEADER_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bduring the (?:virtual )?(?P<ord>[a-z]+(?:-[a-z]+)?|\d{{1,2}}(?:st|nd|rd|th)) Annual Meeting of the Internet Governance Forum(?: \(IGF\))?(?: in (?P<place>\p{{Lu}}[^,()]*, \p{{Lu}}[^,()]*?))?,? (?:held )?from (?P<d1>\d{{1,2}})(?: (?P<m1>{MONTH}))? to (?P<d2>\d{{1,2}}) (?P<m2>{MONTH}),? (?P<year>\d{{4}})"
    ))
    .unwrap()
});

/// The older header: `taken during the IGF 2014 Istanbul, Turkey, meetings`.
pub(super) static HEADER_OLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bduring the IGF (?P<year>\d{4}),? (?P<place>\p{Lu}[^,()]*, \p{Lu}[^,()]*?),? meetings?\b").unwrap()
});

/// A speaker's own words about moderating.
pub(super) static MODERATING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:I(?:'m|’m| am) (?:the |your |today's |today’s )?(?:co-?|session |online |onsite |remote )?moderator\b|I(?:'ll|’ll| will| shall) be (?:co-?)?moderating\b|I(?:'m|’m| am) (?:co-?)?moderating\b|my role (?:today )?is to moderate\b)").unwrap()
});

pub(super) const NAME: &str = r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}";
/// An organisation's name: capitalised words (with the small words names
/// have), acronyms with inner dots ("U.N"), never a sentence's full stop.
pub(super) const ORG: &str = r"(?:the\s+)?\p{Lu}[\p{L}\d&-]*(?:\.[\p{L}\d]+)*(?:\s+(?:of|for|and|on|the|de|\p{Lu}[\p{L}\d&-]*(?:\.[\p{L}\d]+)*)){0,8}";

/// A speaker's introduction: `my name is X`, `I'm X from Y`, `my name is
/// X, I work at Y`.
pub(super) static INTRODUCTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:[Mm]y name is|I(?:'m|’m| am)|[Tt]his is)\s+(?P<name>{NAME})(?:(?:,\s*|\s+)from\s+(?P<from>{ORG})|[,.]?\s+(?:and\s+)?I\s+(?:work|am working|'m working)\s+(?:at|for|with)\s+(?P<work>{ORG}))?"
    ))
    .unwrap()
});

/// A speaker turn marker and its label, found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Marker {
    /// Byte offset of `>>`.
    pub(super) at: usize,
    /// The label and its byte range, if the turn has one.
    pub(super) label: Option<(String, usize, usize)>,
    /// Byte offset where the turn's words start.
    pub(super) content: usize,
}

/// Whether a candidate label reads as a speaker's label: capitals, or a
/// short name in title case, with no sentence punctuation.
pub(super) fn is_label(candidate: &str) -> bool {
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
pub(super) fn markers(text: &str) -> Vec<Marker> {
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
pub(super) struct Label {
    pub(super) name: Option<String>,
    pub(super) written: Option<String>,
    pub(super) title: Option<String>,
    pub(super) organisation: Option<String>,
    pub(super) generic: Option<String>,
}

/// `CHENGETAI MASANGO` → `Chengetai Masango`; names in mixed case keep
/// their case. White space is folded either way.
pub(super) fn usual_case(name: &str) -> String {
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

pub(super) fn read_label(label: &str) -> Label {
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
