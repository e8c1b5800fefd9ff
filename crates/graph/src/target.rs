//! [`GraphTarget`]: where a build puts its named graphs. A store
//! ([`KnowledgeGraph`]), to be queried; or a [`SnapshotBuilder`], when only
//! the exports are wanted: it keeps the distinct terms and 16 bytes a quad,
//! where an Oxigraph store keeps each quad in six indexes, and there is no
//! store to read back before writing (at 200,000 messages, 45 s of
//! inserting and 7.1 GiB saved).

use crate::error::StoreError;
use crate::export::SnapshotBuilder;
use crate::iri::IriBase;
use crate::mapping::{EvidenceLevel, document_quads, reference_quads, relation_quads};
use crate::store::KnowledgeGraph;
use igfkg_model::{DocumentLinks, Extraction, ReferenceData, Relations, SourceDocument};
use oxigraph::model::{NamedNode, Quad};

/// Where a build puts its named graphs: one for the reference data, one
/// per source document, one for the relations across years.
pub trait GraphTarget {
    /// The data IRI base the graphs' IRIs are made under.
    fn base(&self) -> &IriBase;

    /// Replaces the content of a named graph with `quads` (whose graph
    /// name is ignored). Returns the number of quads given.
    ///
    /// # Errors
    /// If the store fails.
    fn replace_graph(&mut self, graph: &NamedNode, quads: Vec<Quad>) -> Result<usize, StoreError>;

    /// Puts the reference data into the reference graph, replacing what it
    /// held. Returns the number of quads.
    ///
    /// # Errors
    /// If the store fails.
    fn insert_reference(&mut self, reference: &ReferenceData) -> Result<usize, StoreError> {
        let graph = self.base().reference_graph();
        let quads = reference_quads(self.base(), reference);
        self.replace_graph(&graph, quads)
    }

    /// Puts a source document, what was extracted from it and the links
    /// made from it into the document's graph, replacing what it held, with
    /// the links' evidence at `evidence`. Returns the number of quads.
    ///
    /// # Errors
    /// If the store fails.
    fn insert_document(
        &mut self,
        document: &SourceDocument,
        extraction: &Extraction,
        links: &DocumentLinks,
        evidence: EvidenceLevel,
    ) -> Result<usize, StoreError> {
        let graph = self.base().document_graph(&document.id);
        let quads = document_quads(self.base(), document, extraction, links, evidence);
        self.replace_graph(&graph, quads)
    }

    /// Puts the relations across years into the relations graph, replacing
    /// what it held, with what echoes and alignments share at `evidence`.
    /// Returns the number of quads.
    ///
    /// # Errors
    /// If the store fails.
    fn insert_relations(
        &mut self,
        relations: &Relations,
        evidence: EvidenceLevel,
    ) -> Result<usize, StoreError> {
        let graph = self.base().relations_graph();
        let quads = relation_quads(self.base(), relations, evidence);
        self.replace_graph(&graph, quads)
    }
}

impl GraphTarget for &KnowledgeGraph {
    fn base(&self) -> &IriBase {
        KnowledgeGraph::base(self)
    }

    fn replace_graph(&mut self, graph: &NamedNode, quads: Vec<Quad>) -> Result<usize, StoreError> {
        KnowledgeGraph::replace_graph(self, graph, quads)
    }
}

impl GraphTarget for SnapshotBuilder {
    fn base(&self) -> &IriBase {
        SnapshotBuilder::base(self)
    }

    fn replace_graph(&mut self, graph: &NamedNode, quads: Vec<Quad>) -> Result<usize, StoreError> {
        Ok(SnapshotBuilder::replace_graph(self, graph, quads))
    }
}
