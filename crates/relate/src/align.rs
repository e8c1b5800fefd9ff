//! Theme alignment: each year's themes, tracks and sessions mapped to those
//! of other years.
//!
//! A unit (a theme or a session) is its title and the text of its messages,
//! with the topics of those messages and of its title. Two units of
//! different years score `text_weight · cos(text) + topic_weight ·
//! cos(topics) + (1 − text_weight − topic_weight) · jaccard(title topics)`,
//! where the text cosine is over TF-IDF vectors and the topic cosine over
//! the units' topic counts weighted by topic rarity (a topic every unit has
//! weighs nothing). A unit keeps its `per_year` best matches in each earlier
//! year, and its `per_unit` best in all: at `close` or above a
//! `skos:closeMatch`, at `related` or above a `skos:relatedMatch`. A year has tens of themes and sessions, so every
//! pair of units is compared.

use crate::terms::Analyzer;
use crate::vectors::{Vectors, cosine};
use igfkg_model::{Alignment, NodeId, NodeKind};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How alignment is computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignmentConfig {
    /// The least score of a close match. Default 0.4.
    pub close: f64,
    /// The least score of a related match. Default 0.25.
    pub related: f64,
    /// The weight of the text similarity. Default 0.4.
    pub text_weight: f64,
    /// The weight of the similarity of the topics of the units' messages.
    /// Default 0.3. The topics of the titles get the rest.
    pub topic_weight: f64,
    /// The most matches a unit gets in each earlier year. Default 2.
    pub per_year: usize,
    /// The most matches a unit keeps in all, its best ones. Default 6: over
    /// twenty years of meetings, a theme is aligned with the few earlier
    /// ones nearest to it, not with two of every year.
    pub per_unit: usize,
}

impl Default for AlignmentConfig {
    fn default() -> Self {
        Self {
            close: 0.4,
            related: 0.25,
            text_weight: 0.4,
            topic_weight: 0.3,
            per_year: 2,
            per_unit: 6,
        }
    }
}

/// A theme or session, as alignment sees it.
#[derive(Debug, Clone)]
pub struct UnitItem<'a> {
    /// The theme or session.
    pub id: &'a NodeId,
    /// The year of its meeting.
    pub year: u16,
    /// Its title, description and the text of its messages.
    pub text: String,
    /// How many of its messages have each topic (and 1 for its own topics).
    pub topics: BTreeMap<&'a str, u32>,
    /// The topics its title names, sorted.
    pub title_topics: Vec<String>,
}

/// Aligns units of different years; ordered by later unit, then score.
pub fn align(units: &[UnitItem<'_>], config: &AlignmentConfig) -> Vec<Alignment> {
    let analyzer = Analyzer::new();
    let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
    let vectors = Vectors::new(&analyzer, &texts);
    // Topic rarity: a topic every unit has says little.
    let mut unit_frequency: BTreeMap<&str, u32> = BTreeMap::new();
    for unit in units {
        for topic in unit.topics.keys() {
            *unit_frequency.entry(topic).or_default() += 1;
        }
    }
    let n = units.len() as f64;
    let topic_vectors: Vec<BTreeMap<&str, f64>> = units
        .iter()
        .map(|unit| {
            let mut vector: BTreeMap<&str, f64> = unit
                .topics
                .iter()
                .map(|(t, count)| {
                    // Without smoothing: a topic every unit has weighs nothing.
                    let idf = (n / f64::from(unit_frequency[t])).ln();
                    (*t, (1.0 + f64::from(*count).ln()) * idf)
                })
                .collect();
            let norm = vector.values().map(|w| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                vector.values_mut().for_each(|w| *w /= norm);
            }
            vector
        })
        .collect();
    // Each unit is matched on its own (in parallel): the result does not
    // depend on thread scheduling. What two units share is worked out only
    // for the matches kept.
    let matches: Vec<Vec<Alignment>> = (0..units.len())
        .into_par_iter()
        .map(|i| {
            let later = &units[i];
            // The best matches of this unit in each earlier year.
            let mut by_year: BTreeMap<u16, Vec<Candidate>> = BTreeMap::new();
            for (j, earlier) in units.iter().enumerate() {
                if earlier.year >= later.year {
                    continue;
                }
                let text_score = cosine(&vectors.vectors[i], &vectors.vectors[j]);
                let topic_score: f64 = topic_vectors[i]
                    .iter()
                    .filter_map(|(t, w)| Some(w * topic_vectors[j].get(t)?))
                    .sum();
                let title_score = jaccard(&later.title_topics, &earlier.title_topics);
                let score = config.text_weight * text_score
                    + config.topic_weight * topic_score
                    + (1.0 - config.text_weight - config.topic_weight) * title_score;
                if score >= config.related {
                    by_year.entry(earlier.year).or_default().push(Candidate {
                        score,
                        text_score,
                        topic_score,
                        title_score,
                        earlier: j,
                    });
                }
            }
            let by_score = |a: &Candidate, b: &Candidate| {
                b.score
                    .total_cmp(&a.score)
                    .then(units[a.earlier].id.cmp(units[b.earlier].id))
            };
            let mut kept = Vec::new();
            for mut matches in by_year.into_values() {
                matches.sort_by(by_score);
                matches.truncate(config.per_year);
                kept.extend(matches);
            }
            kept.sort_by(by_score);
            kept.truncate(config.per_unit);
            kept.into_iter()
                .map(|c| {
                    let j = c.earlier;
                    let earlier = &units[j];
                    let mut shared: Vec<(f64, &str)> = topic_vectors[i]
                        .iter()
                        .filter_map(|(t, w)| Some((w * topic_vectors[j].get(t)?, *t)))
                        .collect();
                    shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
                    Alignment {
                        id: NodeId::keyed(
                            NodeKind::Alignment,
                            &[later.id.as_str(), earlier.id.as_str()],
                        ),
                        later: later.id.clone(),
                        earlier: earlier.id.clone(),
                        close: c.score >= config.close,
                        score: c.score,
                        text_score: c.text_score,
                        topic_score: c.topic_score,
                        title_score: c.title_score,
                        shared_terms: vectors.shared_words(
                            &vectors.vectors[i],
                            &vectors.vectors[j],
                            8,
                        ),
                        shared_topics: shared
                            .into_iter()
                            .take(6)
                            .map(|(_, t)| t.to_owned())
                            .collect(),
                    }
                })
                .collect()
        })
        .collect();
    let mut alignments: Vec<Alignment> = matches.into_iter().flatten().collect();
    alignments.sort_by(|a, b| {
        a.later
            .cmp(&b.later)
            .then(b.score.total_cmp(&a.score))
            .then(a.earlier.cmp(&b.earlier))
    });
    alignments
}

/// A unit of an earlier year scored against a later one.
struct Candidate {
    score: f64,
    text_score: f64,
    topic_score: f64,
    title_score: f64,
    /// Its index among the units.
    earlier: usize,
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let shared = a.iter().filter(|t| b.binary_search(t).is_ok()).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}
