//! The participation field of a session report, read into figures: onsite,
//! remote, total, women, men and the share of women, each exact or bounded.
//!
//! Each number is classified by the words right after it ("6 women",
//! "15 remote participants", "participants were connected remotely"), or,
//! failing that, by the label before a colon on its line ("Onsite
//! participants: 100 and +", "Estimated number of women: over 250").

use igfkg_model::{Figure, Qualifier};
use regex::Regex;
use std::sync::LazyLock;

/// The figures a participation field gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Figures {
    pub(crate) onsite: Option<Figure>,
    pub(crate) remote: Option<Figure>,
    pub(crate) total: Option<Figure>,
    pub(crate) women: Option<Figure>,
    pub(crate) men: Option<Figure>,
    pub(crate) women_percent: Option<Figure>,
    /// Numbers that could not be classified, or were given twice.
    pub(crate) unread: Vec<String>,
}

impl Figures {
    pub(crate) fn is_empty(&self) -> bool {
        [
            self.onsite,
            self.remote,
            self.total,
            self.women,
            self.men,
            self.women_percent,
        ]
        .iter()
        .all(Option::is_none)
    }
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<qual>\b(?:over|more than|about|around|approximately|nearly|almost|at least|some)\s+)?(?P<num>\d+)(?P<plus>\s*(?:and\s*\+|\+))?(?P<pct>\s*%)?").unwrap()
});

fn has_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Onsite,
    Remote,
    Total,
    Women,
    Men,
    WomenPercent,
}

fn classify(context: &str, percent: bool) -> Option<Measure> {
    let women = has_word(context, &["women", "woman", "female", "females"]);
    let men = has_word(context, &["men", "man", "male", "males"]);
    let remote = has_word(context, &["remote", "remotely", "online"]);
    let onsite = has_word(
        context,
        &["onsite", "on-site", "present", "offline", "in-person"],
    ) || context.to_lowercase().contains("in the room");
    let people = has_word(
        context,
        &[
            "participants",
            "people",
            "attendees",
            "persons",
            "participation",
        ],
    );
    match () {
        _ if percent && women => Some(Measure::WomenPercent),
        _ if percent => None,
        _ if women => Some(Measure::Women),
        _ if men => Some(Measure::Men),
        _ if remote && onsite => Some(Measure::Total),
        _ if remote => Some(Measure::Remote),
        _ if onsite => Some(Measure::Onsite),
        _ if people => Some(Measure::Total),
        _ => None,
    }
}

/// Reads the figures of a participation field's text.
pub(crate) fn read(text: &str) -> Figures {
    let mut figures = Figures::default();
    for line in text.lines() {
        let label = line.split_once(':').map(|(label, _)| label);
        for c in NUMBER.captures_iter(line) {
            let whole = c.get(0).unwrap();
            // The words after the number, up to the next punctuation or number.
            let after: String = line[whole.end()..]
                .split(|c: char| {
                    matches!(c, ',' | '.' | ';' | '/' | ':' | '(') || c.is_ascii_digit()
                })
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take(5)
                .collect::<Vec<_>>()
                .join(" ");
            let label = label.filter(|l| whole.start() > l.len()).unwrap_or("");
            let percent = c.name("pct").is_some();
            let measure = classify(&after, percent)
                .or_else(|| classify(label, percent))
                .or_else(|| {
                    // "40% of the participants both online and offline are women"
                    percent.then(|| classify(line, true)).flatten()
                });
            let qualifier = if c.name("plus").is_some() {
                Qualifier::AtLeast
            } else {
                match c
                    .name("qual")
                    .map(|q| q.as_str().trim().to_lowercase())
                    .as_deref()
                {
                    Some("over" | "more than") => Qualifier::MoreThan,
                    Some("at least") => Qualifier::AtLeast,
                    Some(_) => Qualifier::About,
                    None => Qualifier::Exact,
                }
            };
            let Ok(value) = c["num"].parse() else {
                continue;
            };
            let figure = Figure { value, qualifier };
            let slot = match measure {
                Some(Measure::Onsite) => &mut figures.onsite,
                Some(Measure::Remote) => &mut figures.remote,
                Some(Measure::Total) => &mut figures.total,
                Some(Measure::Women) => &mut figures.women,
                Some(Measure::Men) => &mut figures.men,
                Some(Measure::WomenPercent) => &mut figures.women_percent,
                None => {
                    figures.unread.push(whole.as_str().trim().to_owned());
                    continue;
                }
            };
            if slot.is_none() {
                *slot = Some(figure);
            } else {
                figures.unread.push(whole.as_str().trim().to_owned());
            }
        }
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(value: u64) -> Option<Figure> {
        Some(Figure {
            value,
            qualifier: Qualifier::Exact,
        })
    }

    #[test]
    fn figures_of_the_2019_reports() {
        let f = read(
            "25 people, including 6 women.\nThe remote participation technician in the room indicated 2 participants were connected remotely.",
        );
        assert_eq!(
            (f.total, f.women, f.remote, f.onsite),
            (exact(25), exact(6), exact(2), None)
        );

        let f = read("onsite: 50 women / 50 men\nonline: not known yet");
        assert_eq!((f.women, f.men, f.remote), (exact(50), exact(50), None));

        let f =
            read("Online and onsite participants: over 450\nEstimated number of women: over 250");
        assert_eq!(
            f.total,
            Some(Figure {
                value: 450,
                qualifier: Qualifier::MoreThan
            })
        );
        assert_eq!(
            f.women,
            Some(Figure {
                value: 250,
                qualifier: Qualifier::MoreThan
            })
        );

        let f = read(
            "Onsite participants: 100 and +\nonline participants: 300\n40% of the participants both online and offline are women",
        );
        assert_eq!(
            f.onsite,
            Some(Figure {
                value: 100,
                qualifier: Qualifier::AtLeast
            })
        );
        assert_eq!(f.remote, exact(300));
        assert_eq!(f.women_percent, exact(40));

        let f = read("170 present participants and 15 remote participants");
        assert_eq!((f.onsite, f.remote), (exact(170), exact(15)));
        assert!(f.unread.is_empty());
    }
}
