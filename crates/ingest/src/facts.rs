//! Meeting facts read from narrative text: dates, venue, attendance,
//! countries, sessions, workshops, journalists, the overarching theme, NRI
//! counts, Best Practice Forum topics, CENB goals, WSIS action lines, the
//! next host and the size of the MAG.
//!
//! Each fact keeps its own source span. Facts from different documents are
//! never merged: when two sources disagree (143 countries in one, over 99 in
//! another), both figures stay, each with its source. Within one document a
//! fact stated twice with the same value is kept once.

use crate::blocks::{Builder, strip_markdown};
use igfkg_model::{Fact, FactKind, Figure, NodeId, NodeKind, Qualifier};
use regex::{Captures, Regex};
use std::sync::LazyLock;

const NUMBER: &str = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|a hundred|one hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
const QUALIFIER: &str =
    r"(?:(?P<qual>more than|over|about|around|approximately|nearly|almost|at least|some)\s+)?";
const ORDINAL: &str = r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)";
const MONTH: &str = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)";

fn regex(pattern: &str) -> Regex {
    Regex::new(
        &pattern
            .replace("{NUMBER}", NUMBER)
            .replace("{QUALIFIER}", QUALIFIER)
            .replace("{ORDINAL}", ORDINAL)
            .replace("{MONTH}", MONTH),
    )
    .unwrap()
}

/// Counted facts: a figure followed by what it counts.
static COUNTS: LazyLock<Vec<(FactKind, Regex)>> = LazyLock::new(|| {
    vec![
        (
            FactKind::Participants,
            regex(
                r"(?i)\b{QUALIFIER}{NUMBER}\s+(?:onsite and remote |online and onsite |onsite and online |registered )?(?:delegates|participants|attendees)\b",
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

static ORDINAL_FACT: LazyLock<Regex> = LazyLock::new(|| {
    // "The 13th IGF was held", "the thirteenth Internet Governance Forum
    // opened", "This year marks the 13th Forum" — but not "Since the 10th IGF".
    regex(
        r"(?i)\b(?P<marks>marks the\s+)?{ORDINAL}\s+(?:IGF|Internet Governance Forum|Forum)\b(?P<verb>\s*(?:was held|opened|is held|takes place|was convened))?",
    )
});

static DATES: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:held\s+)?from\s+(?P<d1>\d{1,2})\s*(?:to|-|–)\s*(?P<d2>\d{1,2})\s+{MONTH}(?:\s+(?P<year>\d{4}))?",
    )
});

static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:was held|takes place|is held|will be held)\b[^.]*?(?:\bat (?:the )?(?P<site>[^.]*?\)|[^.,]*?))?\s+\bin (?P<place>\p{Lu}[\p{L}]+(?:[ -]\p{Lu}[\p{L}]+)*, \p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)*)").unwrap()
});

static THEME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:overarching theme|under the theme|the theme of)[,:]?\s*[*_]*['‘“\x22]+(?P<theme>[^'’”\x22*]+)['’”\x22]+").unwrap()
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

static HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bhosted by (?:the )?(?P<host>Government of (?:the )?\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)*|\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)*) in (?P<year>\d{4})").unwrap()
});

static MAG_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<year>\d{4}) (?:Internet Governance Forum )?(?:Multistakeholder Advisory Group|MAG)\b").unwrap()
});

static MAG_SIZE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b{NUMBER}\s+members\b"));

/// The value of a number written in digits (with thousands commas) or words.
pub(crate) fn number_value(text: &str) -> Option<u64> {
    let text = text.to_lowercase();
    if let Ok(n) = text.replace(',', "").parse() {
        return Some(n);
    }
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if text == "a hundred" || text == "one hundred" {
        return Some(100);
    }
    if let Some(n) = UNITS.iter().position(|u| *u == text) {
        return Some(n as u64);
    }
    let (tens, unit) = text.split_once('-').unwrap_or((&text, "zero"));
    let tens = TENS.iter().position(|t| *t == tens)? as u64 * 10 + 20;
    let unit = UNITS.iter().position(|u| *u == unit)? as u64;
    Some(tens + unit)
}

/// The value of an ordinal written in digits (`13th`) or words (`thirteenth`).
pub(crate) fn ordinal_value(text: &str) -> Option<u64> {
    const WORDS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let text = text.to_lowercase();
    if let Some(i) = WORDS.iter().position(|w| *w == text) {
        return Some(i as u64 + 1);
    }
    text.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

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

fn month_number(month: &str) -> u8 {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| *m == month.to_lowercase())
        .map_or(0, |i| i as u8 + 1)
}

/// What one pattern found.
struct Found {
    kind: FactKind,
    meeting: u16,
    figure: Option<Figure>,
    value: String,
    note: Option<String>,
    start: usize,
    end: usize,
}

/// Reads the facts of the text between byte offsets `start` and `end`.
pub(crate) fn extract(b: &mut Builder<'_>, start: usize, end: usize) {
    let text = &b.text.as_str()[start..end];
    let year = b.meeting_year();
    let mut found = Vec::new();
    let at = |m: regex::Match<'_>| (start + m.start(), start + m.end());

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
            let (s, e) = at(whole);
            // "43 NRIs at the end of 2015" is a figure of 2015's meeting,
            // whatever year the document is about.
            let meeting = c
                .name("noted_year")
                .and_then(|y| y.as_str().parse().ok())
                .unwrap_or(year);
            found.push(Found {
                kind: *kind,
                meeting,
                figure: Some(Figure {
                    value,
                    qualifier: qualifier(&c),
                }),
                value: value.to_string(),
                note,
                start: s,
                end: e,
            });
        }
    }
    for c in ORDINAL_FACT.captures_iter(text) {
        if c.name("marks").is_none() && c.name("verb").is_none() {
            continue;
        }
        let Some(value) = c.name("ord").and_then(|m| ordinal_value(m.as_str())) else {
            continue;
        };
        let (s, e) = at(c.get(0).unwrap());
        found.push(Found {
            kind: FactKind::Ordinal,
            meeting: year,
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
    for c in DATES.captures_iter(text) {
        let fact_year: u16 = c
            .name("year")
            .and_then(|y| y.as_str().parse().ok())
            .unwrap_or(year);
        let month = month_number(&c["month"]);
        let (d1, d2): (u8, u8) = (c["d1"].parse().unwrap_or(0), c["d2"].parse().unwrap_or(0));
        let (s, e) = at(c.get(0).unwrap());
        found.push(Found {
            kind: FactKind::Dates,
            meeting: fact_year,
            figure: None,
            value: format!("{fact_year}-{month:02}-{d1:02}/{fact_year}-{month:02}-{d2:02}"),
            note: None,
            start: s,
            end: e,
        });
    }
    for c in VENUE.captures_iter(text) {
        let place = &c["place"];
        let value = match c.name("site") {
            Some(site) if !site.as_str().trim().is_empty() => {
                format!("{}, {place}", strip_markdown(site.as_str()))
            }
            _ => place.to_owned(),
        };
        let (s, e) = at(c.get(0).unwrap());
        found.push(Found {
            kind: FactKind::Venue,
            meeting: year,
            figure: None,
            value,
            note: None,
            start: s,
            end: e,
        });
    }
    for c in THEME.captures_iter(text) {
        let (s, e) = at(c.get(0).unwrap());
        found.push(Found {
            kind: FactKind::OverarchingTheme,
            meeting: year,
            figure: None,
            value: c["theme"].trim().to_owned(),
            note: None,
            start: s,
            end: e,
        });
    }
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
                meeting: year,
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
                meeting: year,
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
                meeting: year,
                figure: None,
                value: code.as_str().to_owned(),
                note: Some(title.to_owned()),
                start: start + code.start(),
                end: start + title_start + title.len(),
            });
        }
    }
    for c in HOST.captures_iter(text) {
        let (s, e) = at(c.get(0).unwrap());
        found.push(Found {
            kind: FactKind::Host,
            meeting: c["year"].parse().unwrap_or(year),
            figure: None,
            value: c["host"].to_owned(),
            note: None,
            start: s,
            end: e,
        });
    }
    if text.contains("Multistakeholder Advisory Group") || text.contains("MAG") {
        let mag_year = MAG_YEAR
            .captures(text)
            .and_then(|c| c["year"].parse().ok())
            .unwrap_or(year);
        for c in MAG_SIZE.captures_iter(text) {
            let Some(value) = number_value(&c["num"]) else {
                continue;
            };
            let (s, e) = at(c.get(0).unwrap());
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

    found.sort_by_key(|f| f.start);
    for f in found {
        let duplicate = b.out.facts.iter().any(|known| {
            known.kind == f.kind
                && known.meeting == f.meeting
                && known.value == f.value
                && known.figure == f.figure
        });
        if duplicate {
            continue;
        }
        let position = b.out.facts.len() + 1;
        let id = NodeId::keyed(NodeKind::Fact, &[&b.document.id, &position.to_string()]);
        let span = b.span(f.start, f.end);
        b.out.facts.push(Fact {
            id,
            meeting: f.meeting,
            kind: f.kind,
            figure: f.figure,
            value: f.value,
            qualifier_note: f.note,
            span,
        });
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
    fn numbers_in_digits_and_words() {
        assert_eq!(number_value("3,000"), Some(3000));
        assert_eq!(number_value("3000"), Some(3000));
        assert_eq!(number_value("eighty"), Some(80));
        assert_eq!(number_value("Eighty-two"), Some(82));
        assert_eq!(number_value("a hundred"), Some(100));
        assert_eq!(ordinal_value("thirteenth"), Some(13));
        assert_eq!(ordinal_value("13th"), Some(13));
        assert_eq!(ordinal_value("22nd"), Some(22));
    }

    #[test]
    fn every_pattern_compiles() {
        for (_, pattern) in COUNTS.iter() {
            assert!(!pattern.as_str().is_empty());
        }
        for pattern in [
            &*ORDINAL_FACT,
            &*DATES,
            &*VENUE,
            &*THEME,
            &*BPF,
            &*LINK_TEXT,
            &*CENB,
            &*GOAL_ITEM,
            &*ACTION_LINE,
            &*HOST,
            &*MAG_YEAR,
            &*MAG_SIZE,
        ] {
            assert!(!pattern.as_str().is_empty());
        }
    }

    #[test]
    fn lists_split_on_commas_semicolons_and_and() {
        let items: Vec<String> = split_list("A, B; C and D", 0)
            .into_iter()
            .map(|i| i.0)
            .collect();
        assert_eq!(items, ["A", "B", "C", "D"]);
    }
}
