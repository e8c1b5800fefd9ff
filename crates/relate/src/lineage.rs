//! Message lineage: for each message, the messages of earlier years it
//! continues, ranked by a similarity a person can check.
//!
//! The similarity of a message `m` and an earlier message `e` is
//! `text_weight · cos(m, e) + (1 − text_weight) · jaccard(topics(m), topics(e))`,
//! where `cos` is the cosine of their TF-IDF vectors over stemmed terms
//! without stop words. Candidates come from an inverted index, never from a
//! loop over all pairs: `m`'s `query_terms` heaviest terms are looked up in
//! the postings of earlier years (at most `max_postings` a term, the most
//! recent years first), the best `candidates` partial scores are scored
//! exactly, and the `top_k` at or above `threshold` are kept. The cost of a
//! message is bounded by `query_terms × max_postings`, whatever the corpus
//! size. Each message is scored on its
//! own (in parallel), so the result does not depend on thread scheduling.

use crate::terms::Analyzer;
use crate::vectors::{Vector, Vectors, cosine};
use igfkg_model::{Echo, NodeId, NodeKind};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// How lineage is computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineageConfig {
    /// The least similarity for a link (0 to 1). Default 0.2.
    pub threshold: f64,
    /// The most earlier messages a message is linked to. Default 3.
    pub top_k: usize,
    /// The weight of text similarity; topics get the rest. Default 0.7.
    pub text_weight: f64,
    /// How many of a message's heaviest terms find its candidates. Default 24.
    pub query_terms: usize,
    /// How many candidates, by partial score, are scored exactly. Default 64.
    pub candidates: usize,
    /// How many postings of a term are read for one message, the most
    /// recent earlier years first. Rare terms have fewer; this bounds the
    /// cost of common ones. Default 1000.
    pub max_postings: usize,
}

impl Default for LineageConfig {
    fn default() -> Self {
        Self {
            threshold: 0.2,
            top_k: 3,
            text_weight: 0.7,
            query_terms: 24,
            candidates: 64,
            max_postings: 1000,
        }
    }
}

/// A message, as lineage sees it.
#[derive(Debug, Clone)]
pub struct MessageItem<'a> {
    /// The message.
    pub id: &'a NodeId,
    /// The year of its meeting.
    pub year: u16,
    /// Its text.
    pub text: &'a str,
    /// Its topics, sorted, without duplicates.
    pub topics: Vec<&'a str>,
}

/// The Jaccard index of two sorted sets of topic ids.
fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let shared = shared(a, b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// The ids two sorted sets share, in order.
fn shared<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    a.iter().copied().filter(|t| b.binary_search(t).is_ok())
}

/// The echoes of every message, ordered by later message, then rank.
pub fn lineage(items: &[MessageItem<'_>], config: &LineageConfig) -> Vec<Echo> {
    let analyzer = Analyzer::new();
    let texts: Vec<&str> = items.iter().map(|i| i.text).collect();
    let vectors = Vectors::new(&analyzer, &texts);
    let topics = Topics::new(items);
    // Items in year order; postings list them in that order, so the items
    // of earlier years are a prefix of every posting list.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| (items[i].year, i));
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); vectors.stems.len()];
    for &i in &order {
        for &(term, weight) in &vectors.vectors[i] {
            postings[term as usize].push((i as u32, weight));
        }
    }
    let echoes: Vec<Vec<Echo>> = (0..items.len())
        .into_par_iter()
        .map_init(
            || (vec![0.0f64; items.len()], Vec::<u32>::new()),
            |(scores, touched), i| {
                echoes_of(
                    i, items, &vectors, &topics, &postings, config, scores, touched,
                )
            },
        )
        .collect();
    let mut echoes: Vec<Echo> = echoes.into_iter().flatten().collect();
    echoes.sort_by(|a, b| (&a.later, a.rank).cmp(&(&b.later, b.rank)));
    echoes
}

#[allow(clippy::too_many_arguments)]
fn echoes_of(
    i: usize,
    items: &[MessageItem<'_>],
    vectors: &Vectors,
    topics: &Topics<'_>,
    postings: &[Vec<(u32, f64)>],
    config: &LineageConfig,
    scores: &mut [f64],
    touched: &mut Vec<u32>,
) -> Vec<Echo> {
    let item = &items[i];
    let vector: &Vector = &vectors.vectors[i];
    let mut query: Vec<(u32, f64)> = vector.clone();
    query.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    query.truncate(config.query_terms);
    for (term, weight) in query {
        let list = &postings[term as usize];
        // Postings are in year order: those of earlier years come first.
        let earlier = list.partition_point(|&(other, _)| items[other as usize].year < item.year);
        for &(other, other_weight) in list[..earlier].iter().rev().take(config.max_postings) {
            if scores[other as usize] == 0.0 {
                touched.push(other);
            }
            scores[other as usize] += weight * other_weight;
        }
    }
    // The best `candidates` by partial score (ties by position), kept in
    // a heap whose top is the worst kept, as the scores are read and reset.
    // Thousands of messages are touched for each one at 100,000 messages,
    // and most fall below the worst kept at once: a selection over all of
    // them was a fifth of lineage's time. The order is total, so the
    // candidates are the same.
    let mut best: BinaryHeap<Candidate> = BinaryHeap::with_capacity(config.candidates + 1);
    for &c in touched.iter() {
        let candidate = Candidate(scores[c as usize], c);
        scores[c as usize] = 0.0;
        if best.len() < config.candidates {
            best.push(candidate);
        } else if let Some(mut worst) = best.peek_mut()
            && candidate < *worst
        {
            *worst = candidate;
        }
    }
    touched.clear();
    let candidates = best.into_sorted_vec();
    // Only the kept few get what they share spelled out.
    let mut scored: Vec<(f64, f64, f64, u32)> = candidates
        .into_iter()
        .map(|Candidate(_, c)| {
            let text_score = cosine(vector, &vectors.vectors[c as usize]);
            let topic_score = jaccard(&topics.of[i], &topics.of[c as usize]);
            let score = config.text_weight * text_score + (1.0 - config.text_weight) * topic_score;
            (score, text_score, topic_score, c)
        })
        .filter(|(score, text_score, ..)| *score >= config.threshold && *text_score > 0.0)
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| items[a.3 as usize].id.cmp(items[b.3 as usize].id))
    });
    scored.truncate(config.top_k);
    scored
        .into_iter()
        .enumerate()
        .map(|(rank, (score, text_score, topic_score, c))| {
            let earlier = items[c as usize].id;
            Echo {
                id: NodeId::keyed(NodeKind::Echo, &[item.id.as_str(), earlier.as_str()]),
                later: item.id.clone(),
                earlier: earlier.clone(),
                rank: rank as u32 + 1,
                score,
                text_score,
                topic_score,
                shared_terms: vectors.shared_words(vector, &vectors.vectors[c as usize], 6),
                shared_topics: shared(&topics.of[i], &topics.of[c as usize])
                    .map(|t| topics.names[t as usize].to_owned())
                    .collect(),
            }
        })
        .collect()
}

/// A message by its partial score and position; the better one is the
/// lesser, so that the top of a [`BinaryHeap`] is the worst one kept.
#[derive(Debug, Clone, Copy)]
struct Candidate(f64, u32);

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(self.1.cmp(&other.1))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

/// The topics of every item as ids, which follow the topics' alphabetical
/// order: two items' shared topics are counted without comparing text.
struct Topics<'a> {
    /// Each topic, by id.
    names: Vec<&'a str>,
    /// Each item's topic ids, sorted.
    of: Vec<Vec<u32>>,
}

impl<'a> Topics<'a> {
    fn new(items: &[MessageItem<'a>]) -> Self {
        let mut names: Vec<&str> = items
            .iter()
            .flat_map(|i| i.topics.iter().copied())
            .collect();
        names.sort_unstable();
        names.dedup();
        let of = items
            .iter()
            .map(|item| {
                let mut ids: Vec<u32> = item
                    .topics
                    .iter()
                    .filter_map(|t| names.binary_search(t).ok())
                    .map(|id| id as u32)
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();
        Self { names, of }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item<'a>(id: &'a NodeId, year: u16, text: &'a str, topics: &[&'a str]) -> MessageItem<'a> {
        MessageItem {
            id,
            year,
            text,
            topics: topics.to_vec(),
        }
    }

    #[test]
    fn later_messages_echo_earlier_similar_ones() {
        let ids: Vec<NodeId> = (0..4)
            .map(|i| NodeId::keyed(NodeKind::Message, &[&i.to_string()]))
            .collect();
        let items = [
            item(
                &ids[0],
                2017,
                "Encryption protects journalists and human rights",
                &["encryption", "human-rights"],
            ),
            item(
                &ids[1],
                2017,
                "Zero rating plans and net neutrality rules",
                &["net-neutrality"],
            ),
            item(
                &ids[2],
                2019,
                "Balance between encryption, security and human rights",
                &["encryption", "human-rights"],
            ),
            item(
                &ids[3],
                2017,
                "Encryption is a right of journalists",
                &["encryption"],
            ),
        ];
        let echoes = lineage(&items, &LineageConfig::default());
        // Only the 2019 message has earlier messages; the net neutrality one shares nothing.
        assert!(echoes.iter().all(|e| e.later == ids[2]));
        let earlier: Vec<&NodeId> = echoes.iter().map(|e| &e.earlier).collect();
        assert_eq!(earlier[0], &ids[0]);
        assert!(!earlier.contains(&&ids[1]));
        assert_eq!(echoes[0].shared_topics, ["encryption", "human-rights"]);
        assert!(echoes[0].shared_terms.contains(&"encryption".to_owned()));
        // Same input, same output.
        assert_eq!(echoes, lineage(&items, &LineageConfig::default()));
    }
}
