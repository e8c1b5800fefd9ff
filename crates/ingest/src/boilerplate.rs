//! Page furniture in text saved from web pages: lines that are no part of
//! the document and must not become statements or links.
//!
//! Found, each by its own shape:
//! - a web archive's capture header ("The Wayback Machine - `https://web.archive.org/web/…`",
//!   "57 captures", "About this capture", the capture's date range);
//! - "Skip to main content" links, cookie banners ("This site uses cookies …",
//!   "Accept all cookies");
//! - "Last Updated on …" / "Last modified …" stamps;
//! - sidebars of news and links under their heading ("Latest News",
//!   "Recent Posts", "Related Content", "Quick Links", "Upcoming Events"):
//!   the heading and the short lines after it;
//! - navigation menus: runs of four or more short lines (at most four words,
//!   no closing punctuation; blank lines between them allowed) of which at
//!   least half are common menu labels ("Home", "About", "Contact", …).
//!
//! A list of short items that are not menu labels (an NRI list, a list of
//! topics) is content and stays.

use igfkg_sources::SourceText;
use regex::Regex;
use std::sync::LazyLock;

/// A run of dropped lines and what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dropped {
    /// What the lines were ("a navigation menu").
    pub(crate) what: &'static str,
    /// First and last line, from 1.
    pub(crate) lines: (u32, u32),
    /// Byte offset of the first line.
    pub(crate) offset: usize,
}

static CAPTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:the wayback machine\b.*|.*\bweb\.archive\.org/web/.*|\d[\d,]* captures?|about this capture|collected by|timestamps|\d{1,2} [a-z]{3} \d{4}\s*[-–]\s*\d{1,2} [a-z]{3} \d{4})$").unwrap()
});

static SKIP_OR_COOKIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:skip to (?:main )?content|jump to navigation|.*\b(?:this (?:site|website) uses|we use) cookies\b.*|accept (?:all )?cookies|cookie (?:settings|preferences|policy))\.?$").unwrap()
});

static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:last updated|last modified|page last updated)\b").unwrap()
});

static SIDEBAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:latest news|recent news|recent posts|related content|related links|quick links|upcoming events|popular content|in the news)\s*:?$").unwrap()
});

/// Labels of navigation menus, in lower case.
const MENU_LABELS: [&str; 46] = [
    "home",
    "about",
    "about us",
    "about igf",
    "contact",
    "contact us",
    "news",
    "events",
    "search",
    "login",
    "log in",
    "sign in",
    "sign up",
    "register",
    "menu",
    "faq",
    "faqs",
    "sitemap",
    "site map",
    "privacy",
    "privacy policy",
    "terms of use",
    "terms and conditions",
    "accessibility",
    "donate",
    "blog",
    "resources",
    "media",
    "press",
    "documents",
    "calendar",
    "subscribe",
    "help",
    "share",
    "english",
    "français",
    "español",
    "русский",
    "中文",
    "العربية",
    "twitter",
    "facebook",
    "linkedin",
    "youtube",
    "instagram",
    "print",
];

const CAPTURE_HEADER: &str = "a web archive's capture header";

/// A line's text without list markers, trimmed.
fn bare(line: &str) -> &str {
    line.trim()
        .trim_start_matches(['•', '*', '-', '–', '·', '|', '>'])
        .trim()
}

/// Whether a line is short and reads like a link: at most four words, no
/// closing punctuation.
fn is_short(line: &str) -> bool {
    let text = bare(line);
    !text.is_empty()
        && text.chars().count() <= 40
        && text.split_whitespace().count() <= 4
        && !text.ends_with(['.', ':', ';', ',', '!', '?'])
}

fn is_menu_label(line: &str) -> bool {
    MENU_LABELS.contains(&bare(line).to_lowercase().as_str())
}

/// Finds the page furniture of a text; returns the runs dropped and, per
/// line index, whether the line is dropped.
pub(crate) fn find(text: &SourceText) -> (Vec<Dropped>, Vec<bool>) {
    let lines: Vec<_> = text.lines().collect();
    let mut dropped = vec![false; lines.len()];
    let mut runs = Vec::new();
    let mut mark = |runs: &mut Vec<Dropped>, what: &'static str, from: usize, to: usize| {
        for flag in &mut dropped[from..=to] {
            *flag = true;
        }
        runs.push(Dropped {
            what,
            lines: (lines[from].number, lines[to].number),
            offset: lines[from].start,
        });
    };
    let mut i = 0;
    while i < lines.len() {
        let line = bare(lines[i].text);
        let single = if CAPTURE.is_match(line) {
            Some(CAPTURE_HEADER)
        } else if SKIP_OR_COOKIES.is_match(line) {
            Some("a skip link or cookie banner")
        } else if UPDATED.is_match(line) {
            Some("a \"last updated\" stamp")
        } else {
            None
        };
        if let Some(what) = single {
            // Consecutive lines of the same kind are one run.
            let mut j = i;
            while what == CAPTURE_HEADER
                && j + 1 < lines.len()
                && CAPTURE.is_match(bare(lines[j + 1].text))
            {
                j += 1;
            }
            mark(&mut runs, what, i, j);
            i = j + 1;
            continue;
        }
        if SIDEBAR.is_match(line) {
            // The heading and the short lines under it, blank lines between.
            let mut j = i;
            let mut k = i + 1;
            while k < lines.len() && (lines[k].is_blank() || is_short(lines[k].text)) {
                if !lines[k].is_blank() {
                    j = k;
                }
                k += 1;
            }
            mark(&mut runs, "a sidebar of news or links", i, j);
            i = j + 1;
            continue;
        }
        if is_menu_label(lines[i].text) {
            // A run of short lines from this label; it ends at its last
            // label, so that a title after a menu stays.
            let mut last_label = i;
            let mut count = 1;
            let mut labels = 1;
            let mut k = i + 1;
            while k < lines.len() && (lines[k].is_blank() || is_short(lines[k].text)) {
                if !lines[k].is_blank() {
                    count += 1;
                    if is_menu_label(lines[k].text) {
                        labels += 1;
                        last_label = k;
                    }
                }
                k += 1;
            }
            let within: usize = (i..=last_label).filter(|&n| !lines[n].is_blank()).count();
            if within >= 4 && labels * 2 >= within && count >= within {
                mark(&mut runs, "a navigation menu", i, last_label);
                i = last_label + 1;
                continue;
            }
        }
        i += 1;
    }
    (runs, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&'static str, (u32, u32))> {
        let text = SourceText::new("t.txt", text.to_owned());
        find(&text)
            .0
            .into_iter()
            .map(|d| (d.what, d.lines))
            .collect()
    }

    #[test]
    fn furniture_is_found_by_its_shape() {
        let page = "The Wayback Machine - https://web.archive.org/web/2019/https://example.org/\n\
            12 captures\n\
            Skip to main content\n\
            Home\nAbout\n\nNews\nContact us\nEvents\n\
            IGF 2019 Berlin\n\
            The fourteenth IGF was held in Berlin, Germany, from 25 to 29 November 2019.\n\
            Latest News\n\nCall for inputs\nMAG meeting\n\
            Last Updated on 5 December 2019\n";
        assert_eq!(
            found(page),
            [
                ("a web archive's capture header", (1, 2)),
                ("a skip link or cookie banner", (3, 3)),
                ("a navigation menu", (4, 9)),
                ("a sidebar of news or links", (12, 15)),
                ("a \"last updated\" stamp", (16, 16)),
            ]
        );
    }

    #[test]
    fn lists_of_short_items_that_are_not_menus_stay() {
        assert!(found("Benin IGF\nChad IGF\nGhana IGF\nKenya IGF\nNigeria IGF\n").is_empty());
    }
}
