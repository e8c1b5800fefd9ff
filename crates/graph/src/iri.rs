//! The data IRI base: where node identifiers become IRIs.

use igfkg_model::{NodeId, NodeKind};
use oxigraph::model::NamedNode;

/// The base under which node identifiers become IRIs:
/// `https://w3id.org/igfkg/id/` by default, so `meeting/2018` becomes
/// `https://w3id.org/igfkg/id/meeting/2018`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IriBase(String);

/// The data IRI base is not an absolute IRI ending in `/` or `#`.
#[derive(Debug, thiserror::Error)]
#[error(
    "invalid data IRI base {base:?}: {reason}; give an absolute IRI ending in '/', such as https://example.org/igf/"
)]
pub struct IriBaseError {
    base: String,
    reason: String,
}

impl IriBase {
    /// The default base.
    pub const DEFAULT: &'static str = "https://w3id.org/igfkg/id/";

    /// A base from an absolute IRI that ends in `/` or `#`.
    ///
    /// # Errors
    /// If the IRI is not absolute or does not end in `/` or `#`.
    pub fn new(base: impl Into<String>) -> Result<Self, IriBaseError> {
        let base = base.into();
        if let Err(error) = NamedNode::new(base.as_str()) {
            return Err(IriBaseError {
                reason: error.to_string(),
                base,
            });
        }
        if !base.ends_with('/') && !base.ends_with('#') {
            return Err(IriBaseError {
                base,
                reason: "it must end in '/' or '#'".into(),
            });
        }
        Ok(Self(base))
    }

    /// The base IRI.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The IRI of a node.
    pub fn node(&self, id: &NodeId) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{}", self.0, id.as_str()))
    }

    /// The namespace of igfkg's named graphs (`{base}graph/`): every graph
    /// the build writes is named under it.
    pub fn graph_namespace(&self) -> String {
        format!("{}graph/", self.0)
    }

    /// The IRI of the named graph that holds a source document's nodes.
    pub fn document_graph(&self, document_id: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{document_id}", self.graph_namespace()))
    }

    /// The IRI of the named graph that holds the reference data.
    pub fn reference_graph(&self) -> NamedNode {
        self.document_graph("reference")
    }

    /// The IRI of the named graph that holds the relations across years.
    pub fn relations_graph(&self) -> NamedNode {
        self.document_graph("relations")
    }

    /// The IRI of a concept scheme of igfkg's data (`scheme/stakeholder-groups`).
    pub fn scheme(&self, name: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}scheme/{name}", self.0))
    }

    /// One prefix per kind of node (`meeting:`, `message:` …), for exports
    /// that abbreviate IRIs.
    pub fn prefixes(&self) -> Vec<(String, String)> {
        const KINDS: [NodeKind; 17] = [
            NodeKind::Meeting,
            NodeKind::Document,
            NodeKind::StakeholderGroup,
            NodeKind::Theme,
            NodeKind::Session,
            NodeKind::Message,
            NodeKind::Statement,
            NodeKind::Person,
            NodeKind::Organization,
            NodeKind::Nri,
            NodeKind::Topic,
            NodeKind::Fact,
            NodeKind::Participation,
            NodeKind::Role,
            NodeKind::Link,
            NodeKind::Echo,
            NodeKind::Alignment,
        ];
        KINDS
            .iter()
            .map(|kind| {
                (
                    kind.segment().to_owned(),
                    format!("{}{}/", self.0, kind.segment()),
                )
            })
            .chain(
                ["graph", "scheme", "dataset"].map(|s| (s.to_owned(), format!("{}{s}/", self.0))),
            )
            .collect()
    }
}

impl Default for IriBase {
    fn default() -> Self {
        Self(Self::DEFAULT.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_are_under_the_base() {
        let base = IriBase::new("https://example.org/igf/").unwrap();
        assert_eq!(
            base.node(&NodeId::meeting(2018)).as_str(),
            "https://example.org/igf/meeting/2018"
        );
        assert_eq!(
            IriBase::default().node(&NodeId::meeting(2006)).as_str(),
            "https://w3id.org/igfkg/id/meeting/2006"
        );
    }

    #[test]
    fn bad_bases_are_refused() {
        for bad in ["not an iri", "relative/path/", "https://example.org/igf"] {
            assert!(IriBase::new(bad).is_err(), "{bad}");
        }
    }
}
