//! Terms of a text: lower-cased, accents removed, English stop words
//! dropped, stemmed with the Snowball English stemmer — and, for each stem,
//! the word people read.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, HashSet};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Turns text into terms.
pub(crate) struct Analyzer {
    stop_words: HashSet<&'static str>,
    stemmer: Stemmer,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").finish_non_exhaustive()
    }
}

impl Analyzer {
    pub(crate) fn new() -> Self {
        Self {
            stop_words: stop_words::get("en").iter().copied().collect(),
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The terms of a text, in order, each as (stem, word as folded).
    /// Words of fewer than three letters, numbers and stop words are left out.
    pub(crate) fn terms(&self, text: &str) -> Vec<(String, String)> {
        let folded: String = text
            .nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect();
        folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
            .filter(|w| !self.stop_words.contains(w))
            .map(|w| (self.stemmer.stem(w).into_owned(), w.to_owned()))
            .collect()
    }
}

/// For each stem, the word that stands for it: the most frequent word with
/// that stem, the alphabetically first among equals.
#[derive(Debug, Default)]
pub(crate) struct SurfaceForms(BTreeMap<String, BTreeMap<String, u32>>);

impl SurfaceForms {
    pub(crate) fn add(&mut self, stem: &str, word: &str) {
        *self
            .0
            .entry(stem.to_owned())
            .or_default()
            .entry(word.to_owned())
            .or_default() += 1;
    }

    pub(crate) fn word(&self, stem: &str) -> String {
        self.0
            .get(stem)
            .and_then(|words| {
                words
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(w, _)| w.clone())
            })
            .unwrap_or_else(|| stem.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_without_stop_words() {
        let analyzer = Analyzer::new();
        let stems: Vec<String> = analyzer
            .terms("The Encryption of encrypted data, in 2019, by governments")
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(stems, ["encrypt", "encrypt", "data", "govern"]);
    }

    #[test]
    fn surface_forms_are_the_most_frequent_word() {
        let mut forms = SurfaceForms::default();
        for word in ["encrypted", "encryption", "encryption"] {
            forms.add("encrypt", word);
        }
        assert_eq!(forms.word("encrypt"), "encryption");
    }
}
