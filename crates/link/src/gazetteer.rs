//! Label matching with Aho-Corasick: every label of a vocabulary found in a
//! folded text, on word boundaries, with plurals and joined spellings.

use crate::normalize::{Normalized, fold};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeMap;

/// What a label stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry<K> {
    /// The entity.
    pub(crate) key: K,
    /// The label as the vocabulary writes it.
    pub(crate) label: String,
    /// Whether the label only usually means the entity.
    pub(crate) weak: bool,
}

/// A label found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit<'a, K> {
    pub(crate) entry: &'a Entry<K>,
    /// Byte range in the original text.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The labels of a vocabulary, compiled for matching.
#[derive(Debug, Clone)]
pub(crate) struct Gazetteer<K> {
    automaton: AhoCorasick,
    /// The entries of each pattern (one folded form can stand for several).
    entries: Vec<Vec<Entry<K>>>,
}

/// The folded forms a label is matched in: as written, with its words
/// joined ("cyber security" → "cybersecurity"), and with a plural in -ies.
fn variants(label: &str) -> Vec<String> {
    let folded = fold(label);
    let mut variants = vec![folded.clone()];
    if folded.contains(' ') {
        variants.push(folded.replace(' ', ""));
    }
    // An acronym of joined words is also written with its words apart:
    // "AfIGF" as "Af IGF", "EuroDIG" as "Euro DIG", "ArmIGF" as "Arm IGF".
    let mut apart = String::new();
    let mut previous_lower = false;
    for c in label.chars() {
        if previous_lower && c.is_uppercase() {
            apart.push(' ');
        }
        previous_lower = c.is_lowercase();
        apart.push(c);
    }
    let apart = fold(&apart);
    if !variants.contains(&apart) {
        variants.push(apart);
    }
    let plural = variants
        .iter()
        .filter_map(|v| {
            let stem = v.strip_suffix('y')?;
            (!stem.ends_with(['a', 'e', 'i', 'o', 'u'])).then(|| format!("{stem}ies"))
        })
        .collect::<Vec<_>>();
    variants.extend(plural);
    variants.retain(|v| !v.is_empty());
    variants
}

impl<K: Clone + PartialEq> Gazetteer<K> {
    /// Compiles `(entity, label, weak)` triples.
    pub(crate) fn new(labels: impl IntoIterator<Item = (K, String, bool)>) -> Self {
        Self::compile(labels, false)
    }

    /// Compiles the names of a registry, where a name two entities share
    /// names neither: "CAIGF" is the Central Asian and the Central African
    /// IGF, and a link to either would be a guess.
    pub(crate) fn names(labels: impl IntoIterator<Item = (K, String, bool)>) -> Self {
        Self::compile(labels, true)
    }

    fn compile(labels: impl IntoIterator<Item = (K, String, bool)>, unambiguous: bool) -> Self {
        // A BTreeMap keeps pattern order, and so matching, deterministic.
        let mut by_form: BTreeMap<String, Vec<Entry<K>>> = BTreeMap::new();
        for (key, label, weak) in labels {
            for form in variants(&label) {
                let entries = by_form.entry(form).or_default();
                let entry = Entry {
                    key: key.clone(),
                    label: label.clone(),
                    weak,
                };
                // The same entity under two labels with one folded form keeps
                // the strong one.
                match entries.iter_mut().find(|e| e.key == entry.key) {
                    Some(known) if known.weak && !entry.weak => *known = entry,
                    Some(_) => {}
                    None => entries.push(entry),
                }
            }
        }
        if unambiguous {
            by_form.retain(|_, entries| entries.iter().all(|e| e.key == entries[0].key));
        }
        let (patterns, entries): (Vec<String>, Vec<Vec<Entry<K>>>) = by_form.into_iter().unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("label patterns compile");
        Self { automaton, entries }
    }

    /// Every label in the text, on word boundaries (a plural `s` or `es` may
    /// follow). Where labels of one entity overlap, the longest is kept;
    /// labels of different entities may overlap ("gender digital divide"
    /// is gender and the digital divide). Hits come in text order.
    pub(crate) fn find<'a>(&'a self, text: &Normalized) -> Vec<Hit<'a, K>> {
        let folded = text.text.as_bytes();
        let boundary = |i: usize| i == folded.len() || folded[i] == b' ';
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(&text.text) {
            let (start, mut end) = (m.start(), m.end());
            if start > 0 && folded[start - 1] != b' ' {
                continue;
            }
            if !boundary(end) {
                if text.text[end..].starts_with("es") && boundary(end + 2) {
                    end += 2;
                } else if text.text[end..].starts_with('s') && boundary(end + 1) {
                    end += 1;
                } else {
                    continue;
                }
            }
            candidates.push((start, end, m.pattern().as_usize()));
        }
        // Longest first, then leftmost.
        candidates.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut accepted: Vec<(usize, usize, &'a Entry<K>)> = Vec::new();
        for (start, end, pattern) in candidates {
            for entry in &self.entries[pattern] {
                let overlaps = accepted
                    .iter()
                    .any(|(s, e, known)| known.key == entry.key && *s < end && start < *e);
                if !overlaps {
                    accepted.push((start, end, entry));
                }
            }
        }
        accepted.sort_by_key(|(start, end, _)| (*start, *end));
        accepted
            .into_iter()
            .map(|(start, end, entry)| {
                let (start, end) = text.original(start, end);
                Hit { entry, start, end }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn found(gazetteer: &Gazetteer<&'static str>, text: &str) -> Vec<(&'static str, String)> {
        gazetteer
            .find(&normalize(text))
            .into_iter()
            .map(|h| (h.entry.key, text[h.start..h.end].to_owned()))
            .collect()
    }

    #[test]
    fn matches_variants_plurals_and_boundaries() {
        let g = Gazetteer::new([
            ("ms", "multi-stakeholder".to_owned(), false),
            ("cyber", "cyber security".to_owned(), false),
            ("cn", "community network".to_owned(), false),
            ("ai", "AI".to_owned(), false),
            ("policy", "policy".to_owned(), false),
        ]);
        assert_eq!(
            found(
                &g,
                "A Multistakeholder approach to Cyber-Security and cybersecurity."
            ),
            [
                ("ms", "Multistakeholder".into()),
                ("cyber", "Cyber-Security".into()),
                ("cyber", "cybersecurity".into())
            ]
        );
        assert_eq!(
            found(&g, "Community networks, AI; said, aims"),
            [("cn", "Community networks".into()), ("ai", "AI".into())]
        );
        assert_eq!(found(&g, "new policies"), [("policy", "policies".into())]);
    }

    #[test]
    fn the_longest_label_of_an_entity_wins_and_entities_may_overlap() {
        let g = Gazetteer::new([
            ("divide", "digital divide".to_owned(), false),
            ("gender", "gender digital divide".to_owned(), false),
            ("gender", "gender".to_owned(), false),
        ]);
        assert_eq!(
            found(&g, "the gender digital divide"),
            [
                ("gender", "gender digital divide".into()),
                ("divide", "digital divide".into())
            ]
        );
    }
}
