//! Dates, date ranges and time slots in the forms IGF documents write them.
//!
//! Ranges: "14–17 September 2010", "30 October – 2 November 2006", "from 14
//! to 17 September 2010", "September 14-17, 2010", "November 28 to December
//! 2, 2022", "3-6 December, 2008", "Sep. 14, 2010 – Sep. 17, 2010"; single
//! days: "25 November 2019", "November 25, 2019", "2019-11-25". Month names
//! are read in English, and in French and Spanish (the languages of many NRI
//! records), which the caller reports. Days are checked against their
//! month; a range that ends before it starts is refused.

use regex::{Captures, Regex};
use std::sync::LazyLock;

/// The language a month name is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    English,
    French,
    Spanish,
}

impl Language {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::French => "French",
            Self::Spanish => "Spanish",
        }
    }
}

const ENGLISH: [&str; 12] = [
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
const FRENCH: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const SPANISH: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// A month name or abbreviation, longest names first so that the regex's
/// leftmost-first alternation never stops at a prefix ("Mar" of "March").
pub(crate) const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|fevrier|avril|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|mars|mai|juin|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?";

/// The number (1–12) and language of a month name or abbreviation.
pub(crate) fn month(name: &str) -> Option<(u8, Language)> {
    let name = name.trim_end_matches('.').to_lowercase();
    let name = match name.as_str() {
        "fevrier" => "février".to_owned(),
        "aout" => "août".to_owned(),
        "decembre" => "décembre".to_owned(),
        "setiembre" => "septiembre".to_owned(),
        "sept" => "sep".to_owned(),
        _ => name,
    };
    // Names shared by two languages ("abril", "octubre") are the first
    // language's that has them: English, then French, then Spanish.
    for (language, names) in [
        (Language::English, &ENGLISH),
        (Language::French, &FRENCH),
        (Language::Spanish, &SPANISH),
    ] {
        if let Some(i) = names.iter().position(|n| *n == name) {
            return Some((i as u8 + 1, language));
        }
    }
    (name.len() == 3)
        .then(|| ENGLISH.iter().position(|n| n.starts_with(&name)))
        .flatten()
        .map(|i| (i as u8 + 1, Language::English))
}

/// A day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Day {
    pub(crate) year: u16,
    pub(crate) month: u8,
    pub(crate) day: u8,
}

impl Day {
    /// The day, if it exists in the calendar.
    pub(crate) fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Self { year, month, day })
    }

    /// ISO 8601: `2010-09-14`.
    pub(crate) fn iso(self) -> String {
        format!("{}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A range of days found in a text, by byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundRange {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The year written, if any; without one the caller supplies the year.
    pub(crate) year: Option<u16>,
    /// First day as (month, day).
    pub(crate) first: (u8, u8),
    /// Last day as (month, day).
    pub(crate) last: (u8, u8),
    /// The language of the month names, when not English.
    pub(crate) language: Language,
}

impl FoundRange {
    /// The range's days in `year` (the range's own year when it has one):
    /// `None` if a day does not exist or the range ends before it starts.
    /// A range from December to January ends in the next year.
    pub(crate) fn days(&self, year: u16) -> Option<(Day, Day)> {
        let year = self.year.unwrap_or(year);
        let first = Day::new(year, self.first.0, self.first.1)?;
        let last_year = if self.last.0 < self.first.0 {
            year + 1
        } else {
            year
        };
        let last = Day::new(last_year, self.last.0, self.last.1)?;
        (first <= last).then_some((first, last))
    }
}

const DAY: &str = r"(?:[0-3]?\d)(?:st|nd|rd|th)?";
const TO: &str = r"\s*(?:-|–|—|to|until|through|au|al|a)\s*";
const YEAR: &str = r"(?:,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{2}))?";

fn pattern(template: &str) -> Regex {
    Regex::new(
        &format!(r"(?i)\b{template}\b")
            .replace("{D1}", &format!("(?P<d1>{DAY})"))
            .replace("{D2}", &format!("(?P<d2>{DAY})"))
            .replace("{M1}", &format!("(?P<m1>{MONTH})"))
            .replace("{M2}", &format!("(?P<m2>{MONTH})"))
            .replace("{TO}", TO)
            .replace("{OF}", r"(?:\s+de)?\s+")
            .replace("{Y1}", r",?\s+(?P<y1>(?:19|20)\d{2})")
            .replace("{Y}", YEAR),
    )
    .unwrap()
}

/// The range layouts, most specific first: where two overlap the earlier wins.
static RANGES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        // Sep. 14, 2010 – Sep. 17, 2010
        pattern(r"{M1}\s+{D1}{Y1}{TO}{M2}\s+{D2}{Y}"),
        // 30 October – 2 November 2006
        pattern(r"{D1}{OF}{M1}{TO}{D2}{OF}{M2}{Y}"),
        // November 28 to December 2, 2022
        pattern(r"{M1}\s+{D1}{TO}{M2}\s+{D2}{Y}"),
        // 14–17 September 2010, from 14 to 17 September 2010, 3-6 December, 2008
        pattern(r"{D1}{TO}{D2}{OF}{M1}{Y}"),
        // September 14-17, 2010; December 3 to 6, 2008
        pattern(r"{M1}\s+{D1}{TO}{D2}{Y}"),
    ]
});

/// Single days: "25 November 2019", "November 25, 2019", "25 de noviembre de 2019".
static SINGLE: LazyLock<Vec<Regex>> =
    LazyLock::new(|| vec![pattern(r"{D1}{OF}{M1}{Y}"), pattern(r"{M1}\s+{D1}{Y}")]);

fn day_number(text: &str) -> u8 {
    text.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .unwrap_or(0)
}

fn found(c: &Captures<'_>, single: bool) -> Option<FoundRange> {
    let (m1, language) = month(&c["m1"])?;
    let m2 = match c.name("m2") {
        Some(m) => month(m.as_str())?.0,
        None => m1,
    };
    let d1 = day_number(&c["d1"]);
    let d2 = if single { d1 } else { day_number(&c["d2"]) };
    let year = c
        .name("y")
        .or_else(|| c.name("y1"))
        .and_then(|y| y.as_str().parse().ok());
    let whole = c.get(0)?;
    Some(FoundRange {
        start: whole.start(),
        end: whole.end(),
        year,
        first: (m1, d1),
        last: (m2, d2),
        language,
    })
}

fn find_all(patterns: &[Regex], text: &str, single: bool) -> Vec<FoundRange> {
    let mut out: Vec<FoundRange> = Vec::new();
    for pattern in patterns {
        for c in pattern.captures_iter(text) {
            let Some(range) = found(&c, single) else {
                continue;
            };
            if !out
                .iter()
                .any(|r| r.start < range.end && range.start < r.end)
            {
                out.push(range);
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Every range of days written in `text`, in order, without overlaps.
pub(crate) fn ranges(text: &str) -> Vec<FoundRange> {
    find_all(&RANGES, text, false)
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ].*)?$").unwrap()
});

/// What a cell holding a date says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateCell {
    /// A day or a range of days, with the language of its month names.
    Days(Day, Day, Language),
    /// A month name or day that is not in the calendar, or a range that
    /// ends before it starts.
    Impossible,
    /// Nothing read as a date.
    Unread,
}

/// Reads a cell that holds one date or a range of dates, as a whole.
pub(crate) fn cell(text: &str) -> DateCell {
    let text = text.trim();
    if let Some(c) = ISO.captures(text) {
        let (y, m, d) = (c["y"].parse(), c["m"].parse(), c["d"].parse());
        return match (y, m, d) {
            (Ok(y), Ok(m), Ok(d)) => match Day::new(y, m, d) {
                Some(day) => DateCell::Days(day, day, Language::English),
                None => DateCell::Impossible,
            },
            _ => DateCell::Unread,
        };
    }
    let whole = |r: &FoundRange| r.start == 0 && r.end == text.len();
    let found = ranges(text)
        .into_iter()
        .find(whole)
        .or_else(|| find_all(&SINGLE, text, true).into_iter().find(whole));
    match found {
        Some(range) if range.year.is_some() => match range.days(0) {
            Some((first, last)) => DateCell::Days(first, last, range.language),
            None => DateCell::Impossible,
        },
        _ => DateCell::Unread,
    }
}

static SLOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:from\s+)?(?P<h1>[0-2]?\d)[:.h](?P<m1>[0-5]\d)\s*(?P<p1>am|pm)?\s*(?:-|–|—|to|until)\s*(?P<h2>[0-2]?\d)[:.h](?P<m2>[0-5]\d)\s*(?P<p2>am|pm)?").unwrap()
});

/// A time slot found in a text: its byte range and its start and end as `HH:MM`.
pub(crate) fn slot(text: &str) -> Option<(usize, usize, String, String)> {
    let c = SLOT.captures(text)?;
    let time = |h: &str, m: &str, p: Option<&str>| -> Option<String> {
        let mut h: u8 = h.parse().ok()?;
        match p.map(str::to_lowercase).as_deref() {
            Some("pm") if h < 12 => h += 12,
            Some("am") if h == 12 => h = 0,
            _ => {}
        }
        (h < 24).then(|| format!("{h:02}:{m}"))
    };
    let start = time(&c["h1"], &c["m1"], c.name("p1").map(|m| m.as_str()))?;
    let end = time(&c["h2"], &c["m2"], c.name("p2").map(|m| m.as_str()))?;
    let whole = c.get(0)?;
    Some((whole.start(), whole.end(), start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str, year: u16) -> Vec<String> {
        ranges(text)
            .iter()
            .filter_map(|r| r.days(year))
            .map(|(a, b)| format!("{}/{}", a.iso(), b.iso()))
            .collect()
    }

    #[test]
    fn ranges_in_every_layout() {
        let cases = [
            (
                "held 14–17 September 2010 in Vilnius",
                "2010-09-14/2010-09-17",
            ),
            ("from 30 October – 2 November 2006", "2006-10-30/2006-11-02"),
            (
                "will be held in Istanbul from 2 to 5 September 2014",
                "2014-09-02/2014-09-05",
            ),
            ("on September 14-17, 2010.", "2010-09-14/2010-09-17"),
            ("from December 3 to 6, 2008", "2008-12-03/2008-12-06"),
            (
                "from November 28 to December 2, 2022",
                "2022-11-28/2022-12-02",
            ),
            (
                "from 28 November to 2 December 2022",
                "2022-11-28/2022-12-02",
            ),
            ("on 3-6 December, 2008", "2008-12-03/2008-12-06"),
            ("Sep. 14, 2010 – Sep. 17, 2010", "2010-09-14/2010-09-17"),
            ("October 8th to October 12th, 2023", "2023-10-08/2023-10-12"),
        ];
        for (text, expected) in cases {
            assert_eq!(iso(text, 1999), [expected], "{text}");
        }
        // Without a year the caller's year is used.
        assert_eq!(
            iso("from 12 to 14 November", 2018),
            ["2018-11-12/2018-11-14"]
        );
        // A day that is not in its month, and a range that runs backwards.
        assert!(iso("31 September – 2 October 2010", 2010).is_empty());
        assert!(iso("17-14 September 2010", 2010).is_empty());
    }

    #[test]
    fn cells_in_other_languages_say_so() {
        let days = |text| match cell(text) {
            DateCell::Days(a, b, language) => Some((a.iso(), b.iso(), language)),
            _ => None,
        };
        assert_eq!(
            days("14 septembre 2010"),
            Some(("2010-09-14".into(), "2010-09-14".into(), Language::French))
        );
        assert_eq!(
            days("25 de noviembre de 2019"),
            Some(("2019-11-25".into(), "2019-11-25".into(), Language::Spanish))
        );
        assert_eq!(
            days("2019-11-25"),
            Some(("2019-11-25".into(), "2019-11-25".into(), Language::English))
        );
        assert_eq!(cell("2019-02-30"), DateCell::Impossible);
        assert_eq!(cell("2013-14"), DateCell::Unread);
        assert_eq!(cell("soon"), DateCell::Unread);
    }

    #[test]
    fn time_slots() {
        assert_eq!(
            slot("Room 7, from 9:00 to 17:00").map(|s| (s.2, s.3)),
            Some(("09:00".into(), "17:00".into()))
        );
        assert_eq!(
            slot("08:15 - 09:15").map(|s| (s.2, s.3)),
            Some(("08:15".into(), "09:15".into()))
        );
        assert_eq!(
            slot("1:30 pm – 3:00 pm").map(|s| (s.2, s.3)),
            Some(("13:30".into(), "15:00".into()))
        );
    }
}
