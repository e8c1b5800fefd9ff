//! [`GraphTarget`]: where a build puts its named graphs. A store
//! ([`KnowledgeGraph`]), to be queried; or a [`SnapshotBuilder`], when only
//! the exports are wanted: it keeps the distinct terms and 16 bytes a quad,
//! where an Oxigraph store keeps each quad in six indexes, and there is no
//! store to read back before writing (at 200,000 messages, 45 s of
//! inserting and 7.1 GiB saved).

use crate::error::StoreError;
use crate::export::SnapshotBuilder;
use crate::iri::IriBase;
use crate::mapping::{EvidenceLevel, write_document, write_reference, write_relations};
use crate::store::KnowledgeGraph;
use igfkg_model::{DocumentLinks, Extraction, ReferenceData, Relations, SourceDocument};
use oxigraph::model::{GraphName, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};

/// What the triples of one named graph are written to, one at a time, as
/// the mapping makes them.
pub trait GraphWriter {
    /// Adds a triple to the graph.
    fn triple(&mut self, subject: NamedOrBlankNode, predicate: NamedNodeRef<'_>, object: Term);
}

/// The quads of one named graph, in the order written: what a store's
/// transaction inserts.
#[derive(Debug)]
pub struct GraphQuads {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl GraphQuads {
    /// No quads yet, of the named graph `graph`.
    pub fn new(graph: &NamedNode) -> Self {
        Self {
            graph: graph.clone().into(),
            quads: Vec::new(),
        }
    }

    /// The quads written.
    pub fn into_quads(self) -> Vec<Quad> {
        self.quads
    }
}

impl GraphWriter for GraphQuads {
    fn triple(&mut self, subject: NamedOrBlankNode, predicate: NamedNodeRef<'_>, object: Term) {
        self.quads
            .push(Quad::new(subject, predicate, object, self.graph.clone()));
    }
}

/// Where a build puts its named graphs: one for the reference data, one
/// per source document, one for the relations across years.
pub trait GraphTarget {
    /// The data IRI base the graphs' IRIs are made under.
    fn base(&self) -> &IriBase;

    /// Replaces the content of the named graph `graph` with the triples
    /// `write` writes. Returns the number of triples written.
    ///
    /// # Errors
    /// If the store fails.
    fn put_graph(
        &mut self,
        graph: &NamedNode,
        write: &mut dyn FnMut(&mut dyn GraphWriter),
    ) -> Result<usize, StoreError>;

    /// Puts the reference data into the reference graph, replacing what it
    /// held. Returns the number of quads.
    ///
    /// # Errors
    /// If the store fails.
    fn insert_reference(&mut self, reference: &ReferenceData) -> Result<usize, StoreError> {
        let base = self.base().clone();
        self.put_graph(&base.reference_graph(), &mut |out| {
            write_reference(&base, reference, out)
        })
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
        let base = self.base().clone();
        self.put_graph(&base.document_graph(&document.id), &mut |out| {
            write_document(&base, document, extraction, links, evidence, out)
        })
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
        let base = self.base().clone();
        self.put_graph(&base.relations_graph(), &mut |out| {
            write_relations(&base, relations, evidence, out)
        })
    }
}

/// A store takes each graph in one transaction
/// ([`KnowledgeGraph::replace_graph`]), so its quads are collected first.
impl GraphTarget for &KnowledgeGraph {
    fn base(&self) -> &IriBase {
        KnowledgeGraph::base(self)
    }

    fn put_graph(
        &mut self,
        graph: &NamedNode,
        write: &mut dyn FnMut(&mut dyn GraphWriter),
    ) -> Result<usize, StoreError> {
        let mut quads = GraphQuads::new(graph);
        write(&mut quads);
        KnowledgeGraph::replace_graph(self, graph, quads.into_quads())
    }
}

/// A snapshot interns each triple as it is written: no graph's quads are
/// ever held whole.
impl GraphTarget for SnapshotBuilder {
    fn base(&self) -> &IriBase {
        SnapshotBuilder::base(self)
    }

    fn put_graph(
        &mut self,
        graph: &NamedNode,
        write: &mut dyn FnMut(&mut dyn GraphWriter),
    ) -> Result<usize, StoreError> {
        Ok(SnapshotBuilder::put_graph(self, graph, write))
    }
}
