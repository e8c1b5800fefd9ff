//! Text folded for matching: lower case, accents removed, every run of
//! characters that are not letters or digits turned into one space — with a
//! map back to the original bytes.

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
pub(crate) fn normalize(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    let mut space = true;
    for (i, c) in original.char_indices() {
        let range = (i, i + c.len_utf8());
        let mut pushed = false;
        for folded in c
            .nfkd()
            .filter(|d| !is_combining_mark(*d))
            .flat_map(char::to_lowercase)
        {
            if folded.is_alphanumeric() {
                text.push(folded);
                origin.extend(std::iter::repeat_n(range, folded.len_utf8()));
                space = false;
                pushed = true;
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
}
