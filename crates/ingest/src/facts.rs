//! Meeting facts read from narrative text: attendance, countries,
//! sessions, workshops, journalists, NRI counts, Best Practice Forum topics,
//! CENB goals, WSIS action lines and the size of the MAG here; dates,
//! venues, themes, hosts and ordinals in [`crate::venues`].
//!
//! Each fact is about the meeting its own text names: the year or ordinal
//! nearest to it in its sentence, else one named earlier in its paragraph,
//! else the meeting of its section's heading, else the manifest's meeting
//! (see [`crate::meetings`]). A fact with no meeting at all is dropped with a
//! warning; a fact about a meeting `meetings.toml` does not list is kept
//! with a warning.
//!
//! Each fact keeps its own source span. Facts from different documents are
//! never merged: when two sources disagree (143 countries in one, over 99 in
//! another), both figures stay, each with its source. Within one document a
//! fact stated twice with the same value is kept once.

use crate::blocks::{Builder, strip_markdown};
use crate::meetings::{Mention, nearest};
use crate::numbers::number_value;
use igfkg_model::{Fact, FactKind, Figure, NodeId, NodeKind, Qualifier};
use regex::{Captures, Regex};
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

pub(crate) const NUMBER: &str = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|a hundred|one hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
const QUALIFIER: &str =
    r"(?:(?P<qual>more than|over|about|around|approximately|nearly|almost|at least|some)\s+)?";

fn regex(pattern: &str) -> Regex {
    Regex::new(
        &pattern
            .replace("{NUMBER}", NUMBER)
            .replace("{QUALIFIER}", QUALIFIER),
    )
    .unwrap()
}

/// Counted facts: a figure followed by what it counts.
static COUNTS: LazyLock<Vec<(FactKind, Regex)>> = LazyLock::new(|| {
    vec![
        (
            FactKind::Participants,
            regex(
                r"(?i)\b{QUALIFIER}{NUMBER}\s+(?:onsite and remote |online and onsite |onsite and online |registered )?(?:delegates|participants|attendees|(?:people|persons)\s+(?:participated|attended|took part|registered))\b",
            ),
        ),
        (
            FactKind::Countries,
            regex(r"(?i)\b{QUALIFIER}{NUMBER}\s+countries\b"),
        ),
        (
            FactKind::Sessions,
            regex(r"(?i)\b{QUALIFIER}{NUMBER}\s+sessions\b"),
        ),
        (
            FactKind::Workshops,
            regex(r"(?i)\b{QUALIFIER}{NUMBER}\s+workshops\b"),
        ),
        (
            FactKind::OpenSessions,
            regex(r"(?i)\b{QUALIFIER}{NUMBER}\s+open (?:sessions|forums)\b"),
        ),
        (
            FactKind::LightningSessions,
            regex(r"(?i)\b{QUALIFIER}{NUMBER}\s+lightning sessions\b"),
        ),
        (
            FactKind::Journalists,
            regex(r"(?i)\b{QUALIFIER}{NUMBER}\s+journalists\b"),
        ),
        (
            FactKind::NriCount,
            regex(
                r"(?i)\b{QUALIFIER}{NUMBER}\s+\[?(?:officially )?(?:recogni[sz]ed )?NRIs\b(?:\]\([^)]*\))?(?P<note>\s+at the end of (?P<noted_year>\d{4}))?",
            ),
        ),
    ]
});

static BPF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:BPFs?|Best Practice Forums?)\b[^.]*?\bfocused on\s+(?P<list>[^.]+)")
        .unwrap()
});

static LINK_TEXT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").unwrap());

static CENB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)CENB Phase IV focused on[^:]*:").unwrap());

static GOAL_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bGoal (?P<n>\d{1,2}):\s*(?P<title>[^;.]*)").unwrap());

/// A WSIS action line code (`C1:`); its title runs to the next code.
static ACTION_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<code>C\d{1,2}):\s*").unwrap());

static MAG_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<year>\d{4}) (?:Internet Governance Forum )?(?:Multistakeholder Advisory Group|MAG)\b").unwrap()
});

static MAG_SIZE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b{NUMBER}\s+members\b"));

fn qualifier(captures: &Captures<'_>) -> Qualifier {
    match captures
        .name("qual")
        .map(|m| m.as_str().to_lowercase())
        .as_deref()
    {
        Some("more than" | "over") => Qualifier::MoreThan,
        Some("at least") => Qualifier::AtLeast,
        Some(_) => Qualifier::About,
        None => Qualifier::Exact,
    }
}

/// What one pattern found, by byte offsets into the document.
pub(crate) struct Found {
    pub(crate) kind: FactKind,
    /// The meeting, when the pattern itself names it (a date's year).
    pub(crate) meeting: Option<u16>,
    pub(crate) figure: Option<Figure>,
    pub(crate) value: String,
    pub(crate) note: Option<String>,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Found {
    pub(crate) fn text(kind: FactKind, value: String, (start, end): (usize, usize)) -> Self {
        Self {
            kind,
            meeting: None,
            figure: None,
            value,
            note: None,
            start,
            end,
        }
    }
}

/// A paragraph being read: its text, its sentences and the meetings it names.
pub(crate) struct Paragraph<'t> {
    /// Byte offset of the paragraph in the document.
    pub(crate) offset: usize,
    pub(crate) text: &'t str,
    /// Sentences as byte ranges of `text`.
    sentences: Vec<(usize, usize)>,
    /// Meetings named, by byte offsets of `text`.
    pub(crate) mentions: Vec<Mention>,
}

impl Paragraph<'_> {
    /// The sentence around the byte offset `at` of the paragraph.
    pub(crate) fn sentence(&self, at: usize) -> (usize, usize) {
        self.sentences
            .iter()
            .copied()
            .find(|(s, e)| *s <= at && at < *e)
            .unwrap_or((0, self.text.len()))
    }

    /// The meeting a phrase at `[start, end)` of the paragraph is about,
    /// from the paragraph alone: the nearest mention in its sentence, else
    /// the last one before its sentence.
    pub(crate) fn meeting_at(&self, start: usize, end: usize) -> Option<Mention> {
        let (s, e) = self.sentence(start);
        let inside: Vec<Mention> = self
            .mentions
            .iter()
            .filter(|m| m.start >= s && m.end <= e)
            .copied()
            .collect();
        nearest(&inside, start, end)
            .or_else(|| self.mentions.iter().rev().find(|m| m.end <= s).copied())
    }
}

/// Reads the facts of the text between byte offsets `start` and `end`.
pub(crate) fn extract(b: &mut Builder<'_>, start: usize, end: usize) {
    let document = b.text.as_str();
    let text = &document[start..end];
    let paragraph = Paragraph {
        offset: start,
        text,
        sentences: text
            .split_sentence_bound_indices()
            .map(|(i, s)| (i, i + s.len()))
            .collect(),
        mentions: b.meetings().mentions(text),
    };
    for m in paragraph.mentions.iter().filter(|m| m.year == 0) {
        b.warn(
            start + m.start,
            format!(
                "{:?} names the {} IGF, which data/reference/meetings.toml does not list; its facts are left out",
                &text[m.start..m.end],
                igfkg_model::ordinal_word(m.ordinal.unwrap_or(0))
            ),
        );
    }
    let mut found = Vec::new();
    counts(&paragraph, &mut found);
    let fallback = b.section_meeting.or(b.document.meeting);
    crate::venues::find(&paragraph, fallback, &mut found);
    lists(&paragraph, &mut found);
    found.sort_by_key(|f| f.start);
    for f in found {
        // "a current record of more than 100 NRIs" is the document's own
        // figure, whatever earlier year the sentence names.
        let current = f.note.as_deref() == Some("current record");
        let meeting = f.meeting.or(fallback.filter(|_| current)).or_else(|| {
            paragraph
                .meeting_at(f.start - start, f.end - start)
                .map(|m| m.year)
                .filter(|year| *year != 0)
                .or(fallback)
        });
        push(b, f, meeting);
    }
}

/// Adds a fact once per document, or says why it cannot.
fn push(b: &mut Builder<'_>, f: Found, meeting: Option<u16>) {
    let Some(meeting) = meeting else {
        b.warn(
            f.start,
            format!(
                "the {} fact {:?} names no meeting, and the manifest gives no `meeting`; it is left out",
                f.kind.label(),
                f.value
            ),
        );
        return;
    };
    let duplicate = b.out.facts.iter().any(|known| {
        known.kind == f.kind
            && known.meeting == meeting
            && known.value == f.value
            && known.figure == f.figure
    });
    if duplicate {
        return;
    }
    if !b.meetings().0.is_empty() && !b.meetings().knows(meeting) {
        b.warn(
            f.start,
            format!(
                "the {} fact {:?} is about IGF {meeting}, which data/reference/meetings.toml does not list",
                f.kind.label(),
                f.value
            ),
        );
    }
    let position = b.out.facts.len() + 1;
    let id = NodeId::keyed(NodeKind::Fact, &[&b.document.id, &position.to_string()]);
    let span = b.span(f.start, f.end);
    b.out.facts.push(Fact {
        id,
        meeting,
        kind: f.kind,
        figure: f.figure,
        value: f.value,
        qualifier_note: f.note,
        span,
    });
}

fn counts(p: &Paragraph<'_>, found: &mut Vec<Found>) {
    let text = p.text;
    for (kind, pattern) in COUNTS.iter() {
        for c in pattern.captures_iter(text) {
            let Some(value) = number_value(&c["num"]) else {
                continue;
            };
            let whole = c.get(0).unwrap();
            let mut note = c.name("note").map(|n| n.as_str().trim().to_owned());
            if *kind == FactKind::NriCount
                && note.is_none()
                && text[..whole.start()]
                    .to_lowercase()
                    .ends_with("current record of ")
            {
                note = Some("current record".to_owned());
            }
            // "43 NRIs at the end of 2015" is a figure of 2015's meeting,
            // whatever year the document is about.
            let meeting = c.name("noted_year").and_then(|y| y.as_str().parse().ok());
            found.push(Found {
                kind: *kind,
                meeting,
                figure: Some(Figure {
                    value,
                    qualifier: qualifier(&c),
                }),
                value: value.to_string(),
                note,
                start: p.offset + whole.start(),
                end: p.offset + whole.end(),
            });
        }
    }
}

/// Best Practice Forum topics, CENB goals, WSIS action lines and the MAG's size.
fn lists(p: &Paragraph<'_>, found: &mut Vec<Found>) {
    let (text, start) = (p.text, p.offset);
    for c in BPF.captures_iter(text) {
        let list = c.name("list").unwrap();
        let items: Vec<(String, usize, usize)> = if LINK_TEXT.is_match(list.as_str()) {
            LINK_TEXT
                .captures_iter(list.as_str())
                .map(|l| {
                    let m = l.get(0).unwrap();
                    (
                        strip_markdown(&l[1]),
                        list.start() + m.start(),
                        list.start() + m.end(),
                    )
                })
                .collect()
        } else {
            split_list(list.as_str(), list.start())
        };
        for (value, s, e) in items {
            found.push(Found {
                kind: FactKind::BestPracticeForum,
                meeting: None,
                figure: None,
                value,
                note: None,
                start: start + s,
                end: start + e,
            });
        }
    }
    if let Some(m) = CENB.find(text) {
        for c in GOAL_ITEM.captures_iter(&text[m.end()..]) {
            let whole = c.get(0).unwrap();
            let Ok(goal) = c["n"].parse::<u8>() else {
                continue;
            };
            found.push(Found {
                kind: FactKind::CenbGoal,
                meeting: None,
                figure: None,
                value: goal.to_string(),
                note: Some(c["title"].trim().to_owned()),
                start: start + m.end() + whole.start(),
                end: start + m.end() + whole.end(),
            });
        }
    }
    if text.to_lowercase().contains("action lines") {
        let codes: Vec<_> = ACTION_LINE.captures_iter(text).collect();
        for (k, c) in codes.iter().enumerate() {
            let code = c.name("code").unwrap();
            let title_start = c.get(0).unwrap().end();
            let title_end = codes
                .get(k + 1)
                .map_or(text.len(), |next| next.get(0).unwrap().start());
            // The title ends before the separator of the next code or the sentence's end.
            let raw = &text[title_start..title_end];
            let raw = raw.split(". ").next().unwrap_or(raw);
            let title = raw
                .trim_end()
                .trim_end_matches(" and")
                .trim_end_matches([';', '.', ','])
                .trim_end();
            found.push(Found {
                kind: FactKind::WsisActionLine,
                meeting: None,
                figure: None,
                value: code.as_str().to_owned(),
                note: Some(title.to_owned()),
                start: start + code.start(),
                end: start + title_start + title.len(),
            });
        }
    }
    if text.contains("Multistakeholder Advisory Group") || text.contains("MAG") {
        let mag_year = MAG_YEAR.captures(text).and_then(|c| c["year"].parse().ok());
        for c in MAG_SIZE.captures_iter(text) {
            let Some(value) = number_value(&c["num"]) else {
                continue;
            };
            let whole = c.get(0).unwrap();
            let (s, e) = (start + whole.start(), start + whole.end());
            found.push(Found {
                kind: FactKind::MagSize,
                meeting: mag_year,
                figure: Some(Figure {
                    value,
                    qualifier: Qualifier::Exact,
                }),
                value: value.to_string(),
                note: None,
                start: s,
                end: e,
            });
        }
    }
}

/// Splits `a, b; c and d` into items with their byte ranges (relative to
/// the list's own start plus `offset`).
fn split_list(list: &str, offset: usize) -> Vec<(String, usize, usize)> {
    static SEPARATOR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)").unwrap());
    let mut items = Vec::new();
    let mut last = 0;
    let mut push = |s: usize, e: usize| {
        let raw = &list[s..e];
        let item = strip_markdown(raw);
        if !item.is_empty() {
            let lead = raw.len() - raw.trim_start().len();
            items.push((item, offset + s + lead, offset + s + raw.trim_end().len()));
        }
    };
    for m in SEPARATOR.find_iter(list) {
        push(last, m.start());
        last = m.end();
    }
    push(last, list.len());
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_commas_semicolons_and_and() {
        let items: Vec<String> = split_list("A, B; C and D", 0)
            .into_iter()
            .map(|i| i.0)
            .collect();
        assert_eq!(items, ["A", "B", "C", "D"]);
    }
}
