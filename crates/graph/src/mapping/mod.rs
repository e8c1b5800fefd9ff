//! The RDF mapping of igfkg's records: which triples each record becomes.
//!
//! Every node extracted from a document gets `prov:wasDerivedFrom` its
//! `igf:SourceDocument` and an `igf:sourceSpan`: a W3C Web Annotation
//! [specific resource](https://www.w3.org/TR/annotation-model/#specific-resources)
//! with a text position selector, a text quote selector and the line range.
//! Helper nodes get IRIs derived from their node ([`NodeId::part`]), never
//! blank nodes, so the same records always give the same triples.

mod details;
mod document;
mod links;
mod reference;
mod relations;
mod sink;
mod utterance;

pub(crate) use document::write_document;
pub(crate) use reference::write_reference;
pub(crate) use relations::write_relations;

use std::fmt;
use std::str::FromStr;

/// How much of the evidence behind links, echoes and alignments a graph
/// keeps. Every node keeps its provenance (`prov:wasDerivedFrom` and
/// `igf:sourceSpan`) at every level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EvidenceLevel {
    /// Every link with its `igf:Link` annotation (the matched words, the
    /// method, the confidence), and every echo and alignment with the terms
    /// and topics it shares. About 160 triples a message at scale.
    #[default]
    Full,
    /// Links as their triples only, the way session roll-ups are; echoes and
    /// alignments with their scores but not what they share. About a third
    /// of the triples of [`EvidenceLevel::Full`], for portals that publish
    /// the facts and large corpora.
    Lean,
}

impl EvidenceLevel {
    /// The name used on the command line (`full`, `lean`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Lean => "lean",
        }
    }
}

impl fmt::Display for EvidenceLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name is not an evidence level.
#[derive(Debug, thiserror::Error)]
#[error("unknown evidence level {0:?}; use full or lean")]
pub struct UnknownEvidenceLevel(pub String);

impl FromStr for EvidenceLevel {
    type Err = UnknownEvidenceLevel;

    fn from_str(name: &str) -> Result<Self, UnknownEvidenceLevel> {
        match name.to_ascii_lowercase().as_str() {
            "full" => Ok(Self::Full),
            "lean" => Ok(Self::Lean),
            _ => Err(UnknownEvidenceLevel(name.to_owned())),
        }
    }
}
