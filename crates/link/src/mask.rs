//! The parts of a text that are addresses, not words: URLs, e-mail
//! addresses and file names. Nothing is linked from inside them — the
//! "/multilingual/" of an intgovforum.org URL is not a mention of
//! multilingualism, nor the "un.org" of `kwok@un.org` one of the UN.

use linkify::{LinkFinder, LinkKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A file name: a word, then a dot and an extension of documents, data,
/// images or web pages ("a67d65_en.pdf", "Report.docx").
static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b[\w~-][\w.~-]*\.(?:pdf|docx?|odt|rtf|txt|md|xlsx?|ods|csv|tsv|json|xml|pptx?|odp|zip|gz|tar|png|jpe?g|gif|svg|mp[34]|html?|php|aspx?)\b",
    )
    .unwrap()
});

/// The byte ranges of the URLs, e-mail addresses and file names of a text,
/// sorted and not overlapping.
///
/// A URL is one with a scheme (`https://…`) or a host starting `www.`; a
/// bare domain ("Cetic.br", "NIC.br") is left alone because organisations
/// are named that way.
pub(crate) fn addresses(text: &str) -> Vec<Range<usize>> {
    let mut finder = LinkFinder::new();
    finder
        .kinds(&[LinkKind::Url, LinkKind::Email])
        .url_must_have_scheme(false);
    let mut ranges: Vec<Range<usize>> = finder
        .links(text)
        .filter(|link| {
            let url = link.as_str();
            *link.kind() == LinkKind::Email
                || url.contains("://")
                || url.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www."))
        })
        .map(|link| link.start()..link.end())
        .chain(FILE_NAME.find_iter(text).map(|m| m.range()))
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        addresses(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_urls_e_mail_addresses_and_file_names() {
        // The shapes of the press release's contacts (lines 48 and 52) and
        // of the WSIS input's footnotes (lines 16 and 18).
        assert_eq!(found("Martin Samaan, samaanm@un.org"), ["samaanm@un.org"]);
        assert_eq!(
            found("¹ http://www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/70/125"),
            ["http://www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/70/125"]
        );
        assert_eq!(
            found("² <https://www.intgovforum.org/multilingual/content/x>."),
            ["https://www.intgovforum.org/multilingual/content/x"]
        );
        assert_eq!(found("see www.un.org for more"), ["www.un.org"]);
        assert_eq!(
            found("in the attached a67d65_en.pdf and Notes.docx"),
            ["a67d65_en.pdf", "Notes.docx"]
        );
    }

    #[test]
    fn leaves_names_written_as_domains() {
        // "the Regional Center … (Cetic.br/NIC.br)" (2019 reports line 111).
        assert!(found("the Regional Center (Cetic.br/NIC.br). Brazil.").is_empty());
        assert!(found("The session video recording is available here.").is_empty());
    }
}
