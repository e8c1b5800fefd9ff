//! Sustainable Development Goals written in text: `SDG7`, `SDG 10
//! „reduced inequality“`, `SDGs 2 “Zero Hunger”, 3 … and 13`, `SDG7, SDG8,
//! SDG9 and SDG17`, `SDGs 16 and 17`, `Sustainable Development Goal 5`,
//! `Goal 7: Ensure access to …`, `target 9.c`.
//!
//! A goal is linked only where a number names it: "the SDGs", "sustainable
//! development" and "the 2030 Agenda" name no goal.

use regex::Regex;
use std::sync::LazyLock;

/// A goal or target named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SdgHit {
    /// The goal, 1 to 17.
    pub(crate) goal: u8,
    /// The target within the goal (`c` of 9.c), if written.
    pub(crate) target: Option<String>,
    /// Byte range of the words that name it.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Which form matched.
    pub(crate) rule: &'static str,
}

/// The words that open a list of goals.
static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:SDGs?|Sustainable Development Goals?|Global Goals?)(?:\s*#)?").unwrap()
});

/// A goal number (optionally with a target), optionally followed by a
/// quoted title, at the start of the remaining text.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*(?:SDG\s*)?(?P<n>\d{1,2})(?:\.(?P<t>\d{1,2}|[a-z]))?\b(?P<title>\s*[„“”"«‘’'][^„“”"«»‘’']{1,90}[“”"»’'])?"#).unwrap()
});

/// What may stand between two goals of a list.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|\s+as well as\s+)").unwrap()
});

/// `Goal 7:` — a goal stated with its title.
static GOAL_COLON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bGoal\s+(?P<n>\d{1,2})\s*:").unwrap());

/// `target 9.c`.
static TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\btargets?\s+(?P<n>\d{1,2})\.(?P<t>\d{1,2}|[a-z])\b").unwrap()
});

fn goal_number(text: &str) -> Option<u8> {
    text.parse().ok().filter(|n| (1..=17).contains(n))
}

/// Every goal and target named in `text`, in text order.
pub(crate) fn find(text: &str) -> Vec<SdgHit> {
    let mut hits = Vec::new();
    // A list ("SDG7, SDG8 and SDG9") is read once, from its first keyword.
    let mut read_until = 0;
    for keyword in KEYWORD.find_iter(text) {
        if keyword.start() < read_until {
            continue;
        }
        let mut at = keyword.end();
        let mut first = true;
        while let Some(item) = ITEM.captures(&text[at..]) {
            let whole = item.get(0).unwrap();
            if let Some(goal) = goal_number(&item["n"]) {
                hits.push(SdgHit {
                    goal,
                    target: item.name("t").map(|t| t.as_str().to_owned()),
                    // The first goal's evidence includes the keyword; the
                    // others start at their own words ("SDG9", "3 “Good Health…”").
                    start: if first {
                        keyword.start()
                    } else {
                        at + whole.as_str().len() - whole.as_str().trim_start().len()
                    },
                    end: at + whole.end(),
                    rule: "SDG list",
                });
            }
            first = false;
            at += whole.end();
            match SEPARATOR.find(&text[at..]) {
                Some(separator) if ITEM.is_match(&text[at + separator.end()..]) => {
                    at += separator.end()
                }
                _ => break,
            }
        }
        read_until = at;
    }
    for c in GOAL_COLON.captures_iter(text) {
        if let Some(goal) = goal_number(&c["n"]) {
            let whole = c.get(0).unwrap();
            // "Sustainable Development Goal 5:" is found above already.
            if !hits
                .iter()
                .any(|h| h.start <= whole.start() && whole.start() < h.end)
            {
                hits.push(SdgHit {
                    goal,
                    target: None,
                    start: whole.start(),
                    end: whole.end(),
                    rule: "Goal N:",
                });
            }
        }
    }
    for c in TARGET.captures_iter(text) {
        if let Some(goal) = goal_number(&c["n"]) {
            let whole = c.get(0).unwrap();
            hits.push(SdgHit {
                goal,
                target: Some(c["t"].to_owned()),
                start: whole.start(),
                end: whole.end(),
                rule: "target N.x",
            });
        }
    }
    hits.sort_by_key(|h| (h.start, h.goal));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goals(text: &str) -> Vec<u8> {
        find(text).into_iter().map(|h| h.goal).collect()
    }

    #[test]
    fn the_forms_documents_use() {
        for (text, expected) in [
            ("especially SDG7, SDG8, SDG9 and SDG17.", &[7, 8, 9, 17][..]),
            (
                "Deliberations first centered around SDG 10 „reduced inequality“ addressing",
                &[10],
            ),
            (
                "questions of gender referring to SDG 5 „Gender equality“.",
                &[5],
            ),
            (
                "The potential of IoT for achieving SDGs 2 “Zero Hunger”, 3 “Good Health and Wellbeing”, 6 “Clean Water and Sanitation”, 7 “Affordable and Clean Energy”, 11 “Sustainable Cities and Communities”, and 13” Climate Action” was described",
                &[2, 3, 6, 7, 11, 13],
            ),
            (
                "referring to SDGs 16 “Peace, Justice and Strong Institutions” and 17 “Partnerships for the Goals” drawing",
                &[16, 17],
            ),
            ("SDGs 16 and 17", &[16, 17]),
            ("Sustainable Development Goal 5", &[5]),
            (
                "four SDGs: Goal 7: Ensure access to energy; Goal 8: Decent Work; and Goal 17: Partnerships",
                &[7, 8, 17],
            ),
            (
                "SDG 9 “Industry, Innovation and Infrastructure” was addressed",
                &[9],
            ),
        ] {
            assert_eq!(goals(text), expected, "{text}");
        }
    }

    #[test]
    fn targets() {
        let hits = find("progress on target 9.c and SDG 4.4");
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[0].goal, hits[0].target.as_deref()), (9, Some("c")));
        assert_eq!((hits[1].goal, hits[1].target.as_deref()), (4, Some("4")));
    }

    #[test]
    fn near_misses_name_no_goal() {
        for text in [
            "Internet and the Sustainable Development Goals (SDGs); gender and youth",
            "the road towards sustainable development",
            "the principle of “leaving no one behind” in the 2030 Agenda",
            "A majority of DCs produced papers on the SDGs for review",
            "Achieving the SDGs in the Digital Age",
            "implementing them in AI systems and SDGs? What is the role",
            "CENB Phase IV focused on four SDGs",
            "All Dynamic Coalitions addressing the SDGs.",
            "the 17 SDGs and 169 targets",
            "SDG 18 does not exist, nor SDG 0",
            "the goal of the session: to foster, and goal 2 of our plan",
            "SDG-related work in 2019",
            "IGF 2017 Messages, Goals 2020",
        ] {
            assert!(goals(text).is_empty(), "{text}: {:?}", find(text));
        }
    }
}
