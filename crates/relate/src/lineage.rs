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

fn jaccard(a: &[&str], b: &[&str]) -> (f64, Vec<String>) {
    let shared: Vec<String> = a
        .iter()
        .filter(|t| b.binary_search(t).is_ok())
        .map(|t| (*t).to_owned())
        .collect();
    let union = a.len() + b.len() - shared.len();
    let score = if union == 0 {
        0.0
    } else {
        shared.len() as f64 / union as f64
    };
    (score, shared)
}

/// The echoes of every message, ordered by later message, then rank.
pub fn lineage(items: &[MessageItem<'_>], config: &LineageConfig) -> Vec<Echo> {
    let analyzer = Analyzer::new();
    let texts: Vec<&str> = items.iter().map(|i| i.text).collect();
    let vectors = Vectors::new(&analyzer, &texts);
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
                echoes_of(i, items, &vectors, &postings, config, scores, touched)
            },
        )
        .collect();
    let mut echoes: Vec<Echo> = echoes.into_iter().flatten().collect();
    echoes.sort_by(|a, b| (&a.later, a.rank).cmp(&(&b.later, b.rank)));
    echoes
}

fn echoes_of(
    i: usize,
    items: &[MessageItem<'_>],
    vectors: &Vectors,
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
    let mut candidates: Vec<(f64, u32)> =
        touched.iter().map(|&c| (scores[c as usize], c)).collect();
    for &c in touched.iter() {
        scores[c as usize] = 0.0;
    }
    touched.clear();
    // The best `candidates` by partial score (ties by position): selected
    // in linear time, then sorted. A full sort of every message touched
    // was most of lineage's time from 100k messages on; the order is total,
    // so the selection is the same.
    let by_score = |a: &(f64, u32), b: &(f64, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if config.candidates == 0 {
        candidates.clear();
    } else if candidates.len() > config.candidates {
        candidates.select_nth_unstable_by(config.candidates - 1, by_score);
        candidates.truncate(config.candidates);
    }
    candidates.sort_by(by_score);
    let mut scored: Vec<(f64, f64, f64, Vec<String>, u32)> = candidates
        .into_iter()
        .map(|(_, c)| {
            let other = &items[c as usize];
            let text_score = cosine(vector, &vectors.vectors[c as usize]);
            let (topic_score, shared_topics) = jaccard(&item.topics, &other.topics);
            let score = config.text_weight * text_score + (1.0 - config.text_weight) * topic_score;
            (score, text_score, topic_score, shared_topics, c)
        })
        .filter(|(score, text_score, ..)| *score >= config.threshold && *text_score > 0.0)
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| items[a.4 as usize].id.cmp(items[b.4 as usize].id))
    });
    scored.truncate(config.top_k);
    scored
        .into_iter()
        .enumerate()
        .map(
            |(rank, (score, text_score, topic_score, shared_topics, c))| {
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
                    shared_topics,
                }
            },
        )
        .collect()
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
