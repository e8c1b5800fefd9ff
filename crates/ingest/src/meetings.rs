//! Which annual meeting a sentence is about: the years and ordinals it
//! names ("IGF 2010", "the 2010 IGF", "the fifth annual IGF", "13th IGF",
//! "the Twelfth Annual Meeting", "the ninth meeting of the Internet
//! Governance Forum"), resolved through `data/reference/meetings.toml`.

use igfkg_model::Meeting;
use regex::Regex;
use std::sync::LazyLock;

/// An ordinal in digits or words.
pub(crate) const ORDINAL: &str = r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|inaugural|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)";

/// An ordinal that names an annual meeting. Preparatory meetings ("3rd IGF
/// Open Consultations", "the fifth MAG meeting") are not annual meetings.
pub(crate) static ORDINAL_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{ORDINAL}\s+(?:annual\s+)?(?:(?:meeting|edition|session)\s+of\s+the\s+(?:IGF|Internet\s+Governance\s+Forum)\b|(?:IGF|Internet\s+Governance\s+Forum)(?:\s+(?:annual\s+)?meeting)?\b|annual\s+(?:meeting|IGF)\b|Forum\b)(?P<not>\s+(?:open\s+consultations?|MAG|preparatory))?"
    ))
    .unwrap()
});

/// A year: a meeting when meetings.toml lists it, or when written with
/// "IGF" next to it (a meeting the file does not list yet).
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<before>\bIGF[\s-]*)?\b(?P<year>(?:19|20)\d{2})\b(?P<after>\s+(?:IGF|Internet Governance Forum)\b)?").unwrap()
});

/// A meeting named in a text, by byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) year: u16,
    /// The ordinal written, when the mention is an ordinal.
    pub(crate) ordinal: Option<u16>,
}

/// The annual meetings known, for resolving ordinals and checking years.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meetings<'a>(pub(crate) &'a [Meeting]);

impl Meetings<'_> {
    /// The year of the meeting with this ordinal.
    pub(crate) fn year_of(self, ordinal: u16) -> Option<u16> {
        self.0.iter().find(|m| m.ordinal == ordinal).map(|m| m.year)
    }

    /// Whether meetings.toml lists a meeting in this year.
    pub(crate) fn knows(self, year: u16) -> bool {
        self.0.iter().any(|m| m.year == year)
    }

    /// The meetings `text` names, in order. An ordinal meetings.toml does
    /// not know is returned with year 0, for the caller to report.
    pub(crate) fn mentions(self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        for c in ORDINAL_MEETING.captures_iter(text) {
            if c.name("not").is_some() {
                continue;
            }
            let Some(ordinal) =
                crate::numbers::ordinal_value(&c["ord"]).and_then(|n| u16::try_from(n).ok())
            else {
                continue;
            };
            let whole = c.get(0).unwrap();
            out.push(Mention {
                start: whole.start(),
                end: whole.end(),
                year: self.year_of(ordinal).unwrap_or(0),
                ordinal: Some(ordinal),
            });
        }
        for c in YEAR.captures_iter(text) {
            let Ok(year) = c["year"].parse::<u16>() else {
                continue;
            };
            let written_as_igf = c.name("before").is_some() || c.name("after").is_some();
            if !(self.knows(year) || written_as_igf) {
                continue;
            }
            let whole = c.get(0).unwrap();
            out.push(Mention {
                start: whole.start(),
                end: whole.end(),
                year,
                ordinal: None,
            });
        }
        out.sort_by_key(|m| m.start);
        out
    }
}

/// The meeting a phrase at `[start, end)` of a sentence is about: the
/// nearest mention before it (or overlapping it), else the nearest after.
pub(crate) fn nearest(mentions: &[Mention], start: usize, end: usize) -> Option<Mention> {
    let before = mentions.iter().filter(|m| m.start < end).max_by_key(|m| {
        // Overlapping mentions are part of the phrase: the best evidence.
        if m.end > start { usize::MAX } else { m.end }
    });
    before
        .or_else(|| mentions.iter().find(|m| m.start >= end))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meetings() -> Vec<Meeting> {
        [
            (5, 2010, "Vilnius"),
            (13, 2018, "Paris"),
            (12, 2017, "Geneva"),
        ]
        .into_iter()
        .map(|(ordinal, year, city)| Meeting {
            ordinal,
            year,
            city: Some(city.into()),
            country: None,
            country_code: None,
            start: String::new(),
            end: String::new(),
            theme: String::new(),
            online: false,
        })
        .collect()
    }

    #[test]
    fn ordinals_and_years_name_meetings() {
        let list = meetings();
        let m = Meetings(&list);
        let years = |text: &str| -> Vec<(u16, Option<u16>)> {
            m.mentions(text)
                .iter()
                .map(|m| (m.year, m.ordinal))
                .collect()
        };
        assert_eq!(years("the fifth annual IGF"), [(2010, Some(5))]);
        assert_eq!(years("the 13th IGF was held"), [(2018, Some(13))]);
        assert_eq!(
            years("the Twelfth Annual Meeting of the IGF"),
            [(2017, Some(12))]
        );
        assert_eq!(
            years("the fifth meeting of the Internet Governance Forum"),
            [(2010, Some(5))]
        );
        assert_eq!(years("3rd IGF Open Consultations and MAG Meeting"), []);
        // 2030 is no meeting; "IGF 2031" is one the file does not list yet.
        assert_eq!(years("the 2030 Agenda and IGF 2031"), [(2031, None)]);
        assert_eq!(years("the 25th IGF"), [(0, Some(25))]);
    }

    #[test]
    fn the_nearest_mention_before_wins() {
        let list = meetings();
        let m = Meetings(&list);
        let text = "IGF 2017 was held in Geneva; IGF 2018 in Paris";
        let mentions = m.mentions(text);
        let paris = text.find("Paris").unwrap();
        assert_eq!(nearest(&mentions, paris, paris + 5).unwrap().year, 2018);
        let held = text.find("held").unwrap();
        assert_eq!(nearest(&mentions, held, held + 4).unwrap().year, 2017);
        let letter = "The meeting will be held in Vilnius from 14 to 17 September 2010.";
        let mentions = m.mentions(letter);
        assert_eq!(nearest(&mentions, 12, 20).unwrap().year, 2010);
    }
}
