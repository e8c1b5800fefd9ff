//! TF-IDF vectors: `(1 + ln tf) · idf`, with `idf = 1 + ln((n + 1) / (df + 1))`,
//! normalised to unit length, over stemmed terms without stop words.

use crate::terms::{Analyzer, Stems, SurfaceForms};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// A sparse unit vector: term ids in increasing order, with weights.
pub(crate) type Vector = Vec<(u32, f64)>;

/// The vectors of a set of texts, and their vocabulary.
#[derive(Debug)]
pub(crate) struct Vectors {
    pub(crate) vectors: Vec<Vector>,
    /// Stem of each term id; ids follow the stems' alphabetical order.
    pub(crate) stems: Vec<String>,
    pub(crate) forms: SurfaceForms,
}

impl Vectors {
    pub(crate) fn new(analyzer: &Analyzer, texts: &[&str]) -> Self {
        let mut words: Vec<Vec<String>> = texts.par_iter().map(|t| analyzer.words(t)).collect();
        analyzer.split_compounds(&mut words);
        let analysed: Vec<Vec<(String, String)>> = words
            .into_par_iter()
            .map_init(Stems::default, |stems, w| analyzer.terms_with(w, stems))
            .collect();
        let mut forms = SurfaceForms::default();
        let mut document_frequency: FxHashMap<&str, u32> = FxHashMap::default();
        for terms in &analysed {
            let mut seen: Vec<&str> = terms.iter().map(|(s, _)| s.as_str()).collect();
            seen.sort_unstable();
            seen.dedup();
            for stem in seen {
                *document_frequency.entry(stem).or_default() += 1;
            }
            for (stem, word) in terms {
                forms.add(stem, word);
            }
        }
        let mut stems: Vec<&str> = document_frequency.keys().copied().collect();
        stems.sort_unstable();
        let ids: FxHashMap<&str, u32> = stems
            .iter()
            .enumerate()
            .map(|(i, s)| (*s, i as u32))
            .collect();
        let n = texts.len() as f64;
        let idf: Vec<f64> = stems
            .iter()
            .map(|s| 1.0 + ((n + 1.0) / (f64::from(document_frequency[s]) + 1.0)).ln())
            .collect();
        let vectors = analysed
            .par_iter()
            .map(|terms| {
                let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
                for (stem, _) in terms {
                    *counts.entry(ids[stem.as_str()]).or_default() += 1;
                }
                let mut vector: Vector = counts
                    .into_iter()
                    .map(|(id, tf)| (id, (1.0 + f64::from(tf).ln()) * idf[id as usize]))
                    .collect();
                vector.sort_unstable_by_key(|(id, _)| *id);
                let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
                if norm > 0.0 {
                    for (_, w) in &mut vector {
                        *w /= norm;
                    }
                }
                vector
            })
            .collect();
        Self {
            vectors,
            stems: stems.into_iter().map(str::to_owned).collect(),
            forms,
        }
    }

    /// The words two vectors share, the heaviest first (at most `limit`).
    pub(crate) fn shared_words(&self, a: &Vector, b: &Vector, limit: usize) -> Vec<String> {
        let mut shared: Vec<(f64, u32)> = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared.push((a[i].1 * b[j].1, a[i].0));
                    i += 1;
                    j += 1;
                }
            }
        }
        shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        shared
            .into_iter()
            .take(limit)
            .map(|(_, id)| self.forms.word(&self.stems[id as usize]))
            .collect()
    }
}

/// The cosine of two unit vectors.
pub(crate) fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_texts_are_close() {
        let analyzer = Analyzer::new();
        let v = Vectors::new(
            &analyzer,
            &[
                "Encryption protects human rights",
                "Encrypted data and human rights",
                "Zero rating plans",
            ],
        );
        let close = cosine(&v.vectors[0], &v.vectors[1]);
        let far = cosine(&v.vectors[0], &v.vectors[2]);
        assert!(close > 0.5, "{close}");
        assert_eq!(far, 0.0);
        assert!((cosine(&v.vectors[0], &v.vectors[0]) - 1.0).abs() < 1e-9);
        assert_eq!(v.shared_words(&v.vectors[0], &v.vectors[1], 5).len(), 3);
    }
}
