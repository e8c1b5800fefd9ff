//! Relations across years: messages that echo earlier messages, and themes
//! and sessions aligned with earlier ones. `igfkg-relate` computes them.

use crate::id::NodeId;
use serde::{Deserialize, Serialize};

/// The relations across years of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Relations {
    /// Messages that continue earlier years' messages.
    pub echoes: Vec<Echo>,
    /// Themes and sessions aligned across years.
    pub alignments: Vec<Alignment>,
}

/// A message that continues an earlier year's message (`igf:echoes`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Echo {
    /// Node identifier of the link.
    pub id: NodeId,
    /// The later message.
    pub later: NodeId,
    /// The earlier message it echoes.
    pub earlier: NodeId,
    /// Rank among the earlier messages the later one echoes, from 1.
    pub rank: u32,
    /// The combined similarity.
    pub score: f64,
    /// The cosine of the TF-IDF vectors.
    pub text_score: f64,
    /// The Jaccard index of the topic sets.
    pub topic_score: f64,
    /// The words that weigh most in the text similarity.
    pub shared_terms: Vec<String>,
    /// The topics both messages have.
    pub shared_topics: Vec<String>,
}

/// Two units of different years that are about the same thing (close) or
/// overlap (related).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Node identifier of the link.
    pub id: NodeId,
    /// The unit of the later year.
    pub later: NodeId,
    /// The unit of the earlier year.
    pub earlier: NodeId,
    /// Whether it is a close match (otherwise related).
    pub close: bool,
    /// The combined score.
    pub score: f64,
    /// The cosine of the text vectors.
    pub text_score: f64,
    /// The cosine of the topic vectors of the units' messages.
    pub topic_score: f64,
    /// The Jaccard index of the topics of the two titles.
    pub title_score: f64,
    /// The words that weigh most in the text similarity.
    pub shared_terms: Vec<String>,
    /// The topics that weigh most in the topic similarity.
    pub shared_topics: Vec<String>,
}
