//! Facts that say when, where and under what theme a meeting was held, in
//! the phrasings IGF pages, letters and reports use:
//!
//! - dates: every range layout of [`crate::dates`], in a sentence about a
//!   meeting (not about its open consultations or a deadline);
//! - venues: "the 2010 IGF was held in Vilnius, Lithuania", "took place in
//!   Athens, Greece", "will be held in Vilnius from …", "held at the
//!   Palais des Nations in Geneva, Switzerland";
//! - hosts: "hosted by the Government of Lithuania", "hosted by Germany in 2019";
//! - themes: "The overall theme was: 'Internet Governance for Development'",
//!   "The overall theme of the meeting will be IGF 2010 – Developing the
//!   Future Together.", "under the overarching theme Resilient Internet …,";
//! - ordinals: "the fifth annual IGF", "13th IGF", "the Twelfth Annual Meeting";
//! - a list of each year's venue and theme, one line a year:
//!   "2010 Vilnius, Lithuania: Developing the Future Together".

use crate::dates;
use crate::facts::{Found, Paragraph};
use igfkg_model::{FactKind, Figure, Qualifier};
use regex::Regex;
use std::sync::LazyLock;

/// A place name: capitalised words, with the particles of city names
/// ("Rio de Janeiro", "Sharm El Sheikh"), and an optional country.
const PLACE: &str = r"\p{Lu}[\p{L}'’.-]*(?:[ -](?:\p{Lu}[\p{L}'’.-]*|de|do|da|del|des|el|al))*(?:, \p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)*)?";

static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:was held|were held|is held|will be held|being held|be held|took place|takes place|will take place|to take place|convened|will convene|convenes|met|will meet)\b[^.;]*?(?:\bat (?:the )?(?P<site>[^.;]*?\)|[^.;,]*?))?\s+\bin (?P<place>{PLACE})"
    ))
    .unwrap()
});

/// Words that make a capitalised phrase after "in" no place.
static NOT_A_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{}|Room|Hall|Building|Session|Workshop|Person|English|French|Spanish|The)\b",
        dates::MONTH
    ))
    .unwrap()
});

static HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bhosted by (?:the )?(?P<host>(?P<government>Government of (?:the )?)?\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)*)(?: in (?P<year>\d{4}))?").unwrap()
});

/// Quoted themes: "the overall theme was: 'Internet for All'", "under the
/// theme “Internet of Trust”", "The main theme of the ninth IGF is "…"".
/// A letter followed by an apostrophe ("this year's") is no opening quote.
static QUOTED_THEME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:overarching theme|overall theme|main theme|key theme|under the theme|the theme of)(?:\p{L}'|[^"“”‘’'.]){0,80}?(?:[,:]\s*|\s+)[*_]*["“'‘]+(?P<theme>[^'’”"*]+)['’”"]+"#).unwrap()
});

/// Unquoted themes run to the end of their clause.
static PLAIN_THEME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:overarching|overall|main) theme(?: of (?:the|this) (?:meeting|year's meeting|IGF|Forum))?(?: (?:was|is|will be))?\s*:?\s+(?-i:(?P<theme>\p{Lu}[^;]*?))(?:,\s+(?:will|is|was|which|held|to be|with|and|where)\b|\.(?:\s|$)|;|$)").unwrap()
});

/// One year of a list of meetings: "2010 Vilnius, Lithuania: Developing the
/// Future Together", "IGF 2006 (Athens, Greece) – Internet Governance for Development".
static YEAR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^(?:IGF\s+)?(?P<year>(?:19|20)\d{{2}})\s*(?:[:,–—-]\s*)?\(?(?P<place>{PLACE})\)?(?:\s*(?::|–|—|-)\s*["“]?(?P<theme>[^"”]+?)["”]?)?\.?$"#
    ))
    .unwrap()
});

/// Sentences about a meeting's preparation, not the meeting itself.
static PREPARATORY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:open consultations?|MAG meeting|Multistakeholder Advisory Group|preparatory|deadline|registration|register|webinar|call for)\b").unwrap()
});

/// Sessions and events inside a meeting, whose hosts are not the meeting's.
static SESSION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:workshop|session|open forum|event|booth|side event|reception)\b").unwrap()
});

/// Reads the facts of one paragraph that name when, where and under what
/// theme meetings were held. `fallback` is the meeting of the section or
/// document, for a range of days written without its year.
pub(crate) fn find(p: &Paragraph<'_>, fallback: Option<u16>, found: &mut Vec<Found>) {
    if year_line(p, found) {
        return;
    }
    let text = p.text;
    let at = |s: usize, e: usize| (p.offset + s, p.offset + e);
    let sentence_of = |s: usize| {
        let (a, b) = p.sentence(s);
        &text[a..b]
    };
    for range in dates::ranges(text) {
        if PREPARATORY.is_match(sentence_of(range.start)) {
            continue;
        }
        let year = range.year.or_else(|| {
            p.meeting_at(range.start, range.end)
                .map(|m| m.year)
                .filter(|y| *y != 0)
                .or(fallback)
        });
        let Some((first, last)) = year.and_then(|y| range.days(y)) else {
            continue;
        };
        found.push(Found {
            meeting: Some(first.year),
            ..Found::text(
                FactKind::Dates,
                format!("{}/{}", first.iso(), last.iso()),
                at(range.start, range.end),
            )
        });
    }
    for c in VENUE.captures_iter(text) {
        let place = c.name("place").unwrap();
        let whole = c.get(0).unwrap();
        if NOT_A_PLACE.is_match(place.as_str()) || PREPARATORY.is_match(sentence_of(whole.start()))
        {
            continue;
        }
        let value = match c.name("site") {
            Some(site) if !site.as_str().trim().is_empty() => format!(
                "{}, {}",
                crate::blocks::strip_markdown(site.as_str()),
                place.as_str()
            ),
            _ => place.as_str().to_owned(),
        };
        found.push(Found::text(
            FactKind::Venue,
            value,
            at(whole.start(), place.end()),
        ));
    }
    for c in HOST.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let sentence = sentence_of(whole.start());
        let year = c.name("year").and_then(|y| y.as_str().parse().ok());
        // "the 14th IGF annual meeting to be hosted by …": the host of the
        // meeting named just before, whatever else the sentence is about
        // (here the MAG that prepares it).
        let host_of_named_meeting = p.mentions.iter().any(|m| {
            m.end <= whole.start()
                && whole.start() - m.end <= 30
                && !SESSION_WORDS.is_match(&text[m.end..whole.start()])
        });
        let about_a_meeting = year.is_some()
            || c.name("government").is_some()
            || (p.meeting_at(whole.start(), whole.end()).is_some()
                && !SESSION_WORDS.is_match(sentence));
        if !host_of_named_meeting && (!about_a_meeting || PREPARATORY.is_match(sentence)) {
            continue;
        }
        found.push(Found {
            meeting: year,
            ..Found::text(
                FactKind::Host,
                c["host"].to_owned(),
                at(whole.start(), whole.end()),
            )
        });
    }
    let mut themes: Vec<(usize, usize)> = Vec::new();
    for pattern in [&*QUOTED_THEME, &*PLAIN_THEME] {
        for c in pattern.captures_iter(text) {
            let whole = c.get(0).unwrap();
            if themes
                .iter()
                .any(|(s, e)| *s < whole.end() && whole.start() < *e)
            {
                continue;
            }
            themes.push((whole.start(), whole.end()));
            let theme = c["theme"].trim().trim_end_matches(['.', ',']).to_owned();
            found.push(Found::text(
                FactKind::OverarchingTheme,
                theme,
                at(whole.start(), c.name("theme").unwrap().end()),
            ));
        }
    }
    for m in p.mentions.iter().filter(|m| m.ordinal.is_some()) {
        let ordinal = u64::from(m.ordinal.unwrap_or(0));
        // A known ordinal is its meeting; an unknown one ("the 25th IGF")
        // is about the year its sentence names, if any.
        let year = (m.year != 0).then_some(m.year).or_else(|| {
            let (s, e) = p.sentence(m.start);
            p.mentions
                .iter()
                .find(|y| y.ordinal.is_none() && y.start >= s && y.end <= e)
                .map(|y| y.year)
        });
        let Some(year) = year else { continue };
        found.push(Found {
            meeting: Some(year),
            figure: Some(Figure {
                value: ordinal,
                qualifier: Qualifier::Exact,
            }),
            ..Found::text(FactKind::Ordinal, ordinal.to_string(), at(m.start, m.end))
        });
    }
}

/// A paragraph that is one year of a list of meetings; true when it was.
fn year_line(p: &Paragraph<'_>, found: &mut Vec<Found>) -> bool {
    let trimmed = p.text.trim_end();
    let Some(c) = YEAR_LINE.captures(trimmed) else {
        return false;
    };
    let Ok(year) = c["year"].parse::<u16>() else {
        return false;
    };
    let place = c.name("place").unwrap();
    if NOT_A_PLACE.is_match(place.as_str()) {
        return false;
    }
    let at = |m: regex::Match<'_>| (p.offset + m.start(), p.offset + m.end());
    found.push(Found {
        meeting: Some(year),
        ..Found::text(FactKind::Venue, place.as_str().to_owned(), at(place))
    });
    if let Some(theme) = c.name("theme") {
        found.push(Found {
            meeting: Some(year),
            ..Found::text(
                FactKind::OverarchingTheme,
                theme.as_str().trim().to_owned(),
                at(theme),
            )
        });
    }
    true
}
