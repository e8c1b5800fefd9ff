//! Terms of a text: lower-cased, accents removed, English stop words
//! dropped, stemmed with the Snowball English stemmer — and, for each stem,
//! the word people read.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
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

    /// The words of a text, lower-cased and without accents, in order.
    pub(crate) fn words(&self, text: &str) -> Vec<String> {
        // ASCII text decomposes to itself, with no combining mark.
        let folded: String = if text.is_ascii() {
            text.to_ascii_lowercase()
        } else {
            text.nfkd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .collect()
        };
        folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The terms of words as [`Analyzer::words`] gives them, in order, each
    /// as (stem, word as folded). Words of fewer than three letters, numbers
    /// and stop words are left out.
    #[cfg(test)]
    pub(crate) fn terms_of(&self, words: Vec<String>) -> Vec<(String, String)> {
        self.terms_with(words, &mut Stems::default())
    }

    /// [`Analyzer::terms_of`], each distinct word looked up once in
    /// `stems`: a corpus repeats its words, and stemming is most of the
    /// cost of a term.
    pub(crate) fn terms_with(
        &self,
        words: Vec<String>,
        stems: &mut Stems,
    ) -> Vec<(String, String)> {
        words
            .into_iter()
            .filter_map(|w| {
                let stem = match stems.0.get(w.as_str()) {
                    Some(stem) => stem.clone(),
                    None => {
                        let stem = self.stem(&w);
                        stems.0.insert(w.clone(), stem.clone());
                        stem
                    }
                };
                Some((stem?, w))
            })
            .collect()
    }

    /// The stem of a word, `None` for a word of fewer than three letters, a
    /// number or a stop word.
    fn stem(&self, word: &str) -> Option<String> {
        let kept = word.chars().count() >= 3
            && !word.chars().all(|c| c.is_ascii_digit())
            && !self.stop_words.contains(word);
        kept.then(|| self.stemmer.stem(word).into_owned())
    }

    /// Splits the words that texts of the same corpus also write as two:
    /// "netneutrality" (IGF 2017) is "net neutrality" (IGF 2018), so the two
    /// messages share its terms. A word is split where both halves are words
    /// of at least three letters and the pair is written apart, in that
    /// order, somewhere in `texts` — a corpus's own spellings, never a
    /// dictionary's. `texts` hold words as [`Analyzer::words`] gives them,
    /// before stop words are left out.
    pub(crate) fn split_compounds(&self, texts: &mut [Vec<String>]) {
        const LEAST: usize = 3;
        let vocabulary: HashSet<&str> = texts.iter().flatten().map(String::as_str).collect();
        // Each word that two other words of the corpus make, at every place
        // they do.
        let mut candidates: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
        for &word in &vocabulary {
            if !word.is_ascii() || word.len() < 2 * LEAST {
                continue;
            }
            for at in LEAST..=word.len() - LEAST {
                let (head, tail) = word.split_at(at);
                if let (Some(&head), Some(&tail)) = (vocabulary.get(head), vocabulary.get(tail)) {
                    candidates.entry((head, tail)).or_default().push(word);
                }
            }
        }
        // Those of the pairs the corpus writes apart; the first pair in
        // order splits a word that two pairs make, so that the result does
        // not depend on the order of the texts.
        let mut splits: BTreeMap<String, (String, String)> = BTreeMap::new();
        for words in texts.iter() {
            for pair in words.windows(2) {
                let Some(made) = candidates.get(&(pair[0].as_str(), pair[1].as_str())) else {
                    continue;
                };
                for &word in made {
                    let key = (pair[0].clone(), pair[1].clone());
                    let known = splits.entry(word.to_owned()).or_insert_with(|| key.clone());
                    if key < *known {
                        *known = key;
                    }
                }
            }
        }
        if splits.is_empty() {
            return;
        }
        for words in texts.iter_mut() {
            if !words.iter().any(|word| splits.contains_key(word)) {
                continue;
            }
            *words = std::mem::take(words)
                .into_iter()
                .flat_map(|word| match splits.get(&word) {
                    Some((head, tail)) => vec![head.clone(), tail.clone()],
                    None => vec![word],
                })
                .collect();
        }
    }
}

/// The stems of the words seen (`None` for a word that is no term).
#[derive(Debug, Default)]
pub(crate) struct Stems(FxHashMap<String, Option<String>>);

/// For each stem, the word that stands for it: the most frequent word with
/// that stem, the alphabetically first among equals.
#[derive(Debug, Default)]
pub(crate) struct SurfaceForms(BTreeMap<String, BTreeMap<String, u32>>);

impl SurfaceForms {
    pub(crate) fn add(&mut self, stem: &str, word: &str) {
        // Most words have been seen before: they are counted without
        // being copied.
        let words = match self.0.get_mut(stem) {
            Some(words) => words,
            None => self.0.entry(stem.to_owned()).or_default(),
        };
        match words.get_mut(word) {
            Some(count) => *count += 1,
            None => {
                words.insert(word.to_owned(), 1);
            }
        }
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
            .terms_of(analyzer.words("The Encryption of encrypted data, in 2019, by governments"))
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(stems, ["encrypt", "encrypt", "data", "govern"]);
    }

    #[test]
    fn words_the_corpus_also_writes_apart_are_split() {
        let analyzer = Analyzer::new();
        let mut texts: Vec<Vec<String>> = [
            // IGF 2017 messages line 53 and IGF 2018 Paris messages line 143.
            "more common in countries without netneutrality regulations",
            "Enforcing net neutrality is crucial",
            // "work" and "shop" are words here, but never "work shop": the
            // workshop stays whole.
            "the workshop asked whether shop work paid",
        ]
        .iter()
        .map(|t| analyzer.words(t))
        .collect();
        analyzer.split_compounds(&mut texts);
        let terms: Vec<Vec<(String, String)>> =
            texts.into_iter().map(|w| analyzer.terms_of(w)).collect();
        let words = |i: usize| -> Vec<&str> { terms[i].iter().map(|(_, w)| w.as_str()).collect() };
        // "net" is a stop word; "neutrality" is now a term of both.
        assert_eq!(
            words(0),
            ["common", "countries", "neutrality", "regulations"]
        );
        assert_eq!(words(1), ["enforcing", "neutrality", "crucial"]);
        assert_eq!(words(2)[0], "workshop");
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
