//! Text folded for matching: lower case, accents removed, every run of
//! characters that are not letters or digits — and every URL, e-mail
//! address and file name — turned into one space, with a map back to the
//! original bytes.

use crate::mask;
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A folded text and, for each of its bytes, the original byte range of the
/// character it came from.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    pub(crate) text: String,
    origin: Vec<(usize, usize)>,
}

impl Normalized {
    /// The original byte range of the folded bytes `start..end`.
    pub(crate) fn original(&self, start: usize, end: usize) -> (usize, usize) {
        (self.origin[start].0, self.origin[end - 1].1)
    }
}

/// Folds a text: `Multi-Stakeholder Café` → `multi stakeholder cafe`.
/// Addresses (URLs, e-mail addresses, file names) fold to a space like
/// punctuation, so no label is found inside one and the offsets of the
/// words around them stay right.
pub(crate) fn normalize(original: &str) -> Normalized {
    normalize_masked(original, &mask::addresses(original))
}

/// Folds a text whose addresses are already known (sorted byte ranges).
pub(crate) fn normalize_masked(original: &str, addresses: &[Range<usize>]) -> Normalized {
    let mut masked = addresses.iter().peekable();
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    let mut space = true;
    for (i, c) in original.char_indices() {
        let range = (i, i + c.len_utf8());
        while masked.next_if(|m| m.end <= i).is_some() {}
        let in_address = masked.peek().is_some_and(|m| m.start <= i);
        let mut pushed = false;
        if c.is_ascii() {
            // Most text is ASCII, whose decomposition is itself and has no
            // combining mark: folded without the Unicode tables.
            if c.is_ascii_alphanumeric() && !in_address {
                text.push(c.to_ascii_lowercase());
                origin.push(range);
                space = false;
                pushed = true;
            }
        } else {
            for folded in c
                .nfkd()
                .filter(|d| !is_combining_mark(*d) && !in_address)
                .flat_map(char::to_lowercase)
            {
                if folded.is_alphanumeric() {
                    text.push(folded);
                    origin.extend(std::iter::repeat_n(range, folded.len_utf8()));
                    space = false;
                    pushed = true;
                }
            }
        }
        if !pushed && !space {
            text.push(' ');
            origin.push(range);
            space = true;
        }
    }
    Normalized { text, origin }
}

/// The folded form of a label, without leading or trailing space.
pub(crate) fn fold(label: &str) -> String {
    normalize(label).text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("Multi-Stakeholder  Café!"), "multi stakeholder cafe");
        assert_eq!(fold("Altenhöner-Dion"), "altenhoner dion");
        assert_eq!(fold("IGF-USA"), "igf usa");
    }

    #[test]
    fn maps_back_to_the_original_bytes() {
        let text = "Le Fórum, ici";
        let n = normalize(text);
        let start = n.text.find("forum").unwrap();
        let (s, e) = n.original(start, start + "forum".len());
        assert_eq!(&text[s..e], "Fórum");
    }

    #[test]
    fn addresses_fold_to_a_space() {
        // The press release's contact line (line 48).
        let text = "Martin Samaan, samaanm@un.org, UN DPI";
        let n = normalize(text);
        assert_eq!(n.text, "martin samaan un dpi");
        let start = n.text.find("un dpi").unwrap();
        let (s, e) = n.original(start, start + "un dpi".len());
        assert_eq!(&text[s..e], "UN DPI");
    }
}
