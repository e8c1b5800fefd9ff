//! The sink that writes a named graph's triples, the provenance every
//! extracted node gets, and the literals the mapping writes.

use super::EvidenceLevel;
use crate::iri::IriBase;
use crate::target::GraphWriter;
use crate::vocab::{igf, oa, prov, rdf, xsd};
use igfkg_model::{NodeId, Span};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};

/// Writes the triples of one named graph to a [`GraphWriter`]: what
/// a store collects, or a snapshot interns as they come.
pub(crate) struct QuadSink<'a> {
    base: &'a IriBase,
    evidence: EvidenceLevel,
    out: &'a mut dyn GraphWriter,
}

impl<'a> QuadSink<'a> {
    /// A sink that writes to `out` and keeps `evidence`.
    pub(crate) fn new(
        base: &'a IriBase,
        evidence: EvidenceLevel,
        out: &'a mut dyn GraphWriter,
    ) -> Self {
        Self {
            base,
            evidence,
            out,
        }
    }

    /// How much evidence the graph keeps.
    pub(super) fn evidence(&self) -> EvidenceLevel {
        self.evidence
    }

    /// The data IRI base.
    pub(super) fn base(&self) -> &IriBase {
        self.base
    }

    /// The IRI of a node.
    pub(crate) fn iri(&self, id: &NodeId) -> NamedNode {
        self.base.node(id)
    }

    /// Adds one triple to the graph.
    pub(crate) fn add(
        &mut self,
        subject: impl Into<NamedOrBlankNode>,
        predicate: NamedNodeRef<'_>,
        object: impl Into<Term>,
    ) {
        self.out.triple(subject.into(), predicate, object.into());
    }

    pub(super) fn add_opt_text(
        &mut self,
        subject: &NamedNode,
        predicate: NamedNodeRef<'_>,
        text: Option<&str>,
    ) {
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            self.add(subject.clone(), predicate, en(text));
        }
    }

    /// Adds `prov:wasDerivedFrom` and the `igf:sourceSpan` of a node.
    pub(crate) fn add_provenance(&mut self, node: &NodeId, document: &NamedNode, span: &Span) {
        let subject = self.iri(node);
        let source = self.add_specific_resource(node, document, span, true);
        self.add(subject.clone(), prov::wasDerivedFrom, document.clone());
        self.add(subject, igf::sourceSpan, source);
    }

    /// [`Self::add_provenance`] for a node that several documents name (a
    /// person is one node across the corpus): its source span's helper
    /// nodes are the document's own (`{node}-{document}-source`), so that
    /// each document's span of it stays whole.
    pub(crate) fn add_shared_provenance(
        &mut self,
        node: &NodeId,
        document_id: &str,
        document: &NamedNode,
        span: &Span,
    ) {
        let subject = self.iri(node);
        let source = self.add_specific_resource(&node.part(document_id), document, span, true);
        self.add(subject.clone(), prov::wasDerivedFrom, document.clone());
        self.add(subject, igf::sourceSpan, source);
    }

    /// Adds the Web Annotation specific resource `{node}-source` that
    /// selects a span of a document — a text position selector and a text
    /// quote selector (with its context when `context`), and the lines —
    /// and returns it.
    pub(crate) fn add_specific_resource(
        &mut self,
        node: &NodeId,
        document: &NamedNode,
        span: &Span,
        context: bool,
    ) -> NamedNode {
        let source = self.iri(&node.part("source"));
        let position = self.iri(&node.part("position"));
        let quote = self.iri(&node.part("quote"));
        self.add(source.clone(), rdf::TYPE, oa::SpecificResource);
        self.add(source.clone(), oa::hasSource, document.clone());
        self.add(source.clone(), oa::hasSelector, position.clone());
        self.add(source.clone(), oa::hasSelector, quote.clone());
        self.add(source.clone(), igf::startLine, integer(span.start_line));
        self.add(source.clone(), igf::endLine, integer(span.end_line));
        if let Some((start, end)) = span.source_bytes {
            // Read from a saved web page: the offsets count characters of
            // the extracted text, these bytes of the HTML file.
            self.add(source.clone(), igf::sourceByteStart, offset(start));
            self.add(source.clone(), igf::sourceByteEnd, offset(end));
        }
        self.add(position.clone(), rdf::TYPE, oa::TextPositionSelector);
        self.add(position.clone(), oa::start, offset(span.start));
        self.add(position, oa::end, offset(span.end));
        self.add(quote.clone(), rdf::TYPE, oa::TextQuoteSelector);
        self.add(
            quote.clone(),
            oa::exact,
            Literal::new_simple_literal(&span.exact),
        );
        if context && !span.prefix.is_empty() {
            self.add(
                quote.clone(),
                oa::prefix,
                Literal::new_simple_literal(&span.prefix),
            );
        }
        if context && !span.suffix.is_empty() {
            self.add(quote, oa::suffix, Literal::new_simple_literal(&span.suffix));
        }
        source
    }
}

/// An English text literal.
pub(crate) fn en(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "en")
}

/// An `xsd:integer` literal.
pub(crate) fn integer(value: impl Into<i64>) -> Literal {
    Literal::from(value.into())
}

/// An offset. The Web Annotation model types offsets as
/// xsd:nonNegativeInteger, but Oxigraph stores every integer subtype as
/// xsd:integer; writing xsd:integer keeps what goes in equal to what comes out.
pub(super) fn offset(value: u64) -> Literal {
    Literal::from(value as i64)
}

pub(super) fn date(value: &str) -> Literal {
    Literal::new_typed_literal(value, xsd::DATE)
}

/// An `xsd:decimal` of `value` rounded to `places` decimals, in the
/// canonical form (no trailing zeros, no point for a whole number: `0.9`,
/// `1`), which is what an Oxigraph store gives back for any form; writing
/// it keeps the exports the same bytes whether or not they went through a
/// store.
pub(super) fn decimal(value: f64, places: usize) -> Literal {
    let mut text = format!("{value:.places$}");
    if text.contains('.') {
        let kept = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(kept);
    }
    if text == "-0" {
        text = "0".to_owned();
    }
    Literal::new_typed_literal(text, xsd::DECIMAL)
}

/// What the mapping's unit tests share: a span and a triple lookup.
#[cfg(test)]
pub(super) mod testing {
    use crate::target::{GraphQuads, GraphWriter};
    use igfkg_model::Span;
    use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};

    /// The quads `write` writes, in the named graph `graph`.
    pub(crate) fn quads_of(
        graph: &NamedNode,
        write: impl FnOnce(&mut dyn GraphWriter),
    ) -> Vec<Quad> {
        let mut quads = GraphQuads::new(graph);
        write(&mut quads);
        quads.into_quads()
    }

    /// A one-line span of `exact`, with context on both sides.
    pub(crate) fn span(exact: &str) -> Span {
        Span {
            start_line: 3,
            end_line: 3,
            start: 10,
            end: 10 + exact.chars().count() as u64,
            exact: exact.to_owned(),
            prefix: "Key messages: ".to_owned(),
            suffix: String::new(),
            source_bytes: None,
        }
    }

    /// Whether `quads` hold the triple.
    pub(crate) fn has(
        quads: &[Quad],
        subject: &NamedNode,
        predicate: NamedNodeRef<'_>,
        object: impl Into<Term>,
    ) -> bool {
        let (subject, object) = (NamedOrBlankNode::from(subject.clone()), object.into());
        quads
            .iter()
            .any(|q| q.subject == subject && q.predicate == predicate && q.object == object)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{has, quads_of, span};
    use super::*;
    use igfkg_model::NodeKind;

    #[test]
    fn provenance_selects_the_span_in_its_document() {
        let base = IriBase::default();
        let node = NodeId::slug(NodeKind::Theme, "2018 cybersecurity");
        let document = base.node(&NodeId::slug(NodeKind::Document, "igf-2018"));
        let graph = base.document_graph("igf-2018");
        let quads = quads_of(&graph, |out| {
            QuadSink::new(&base, EvidenceLevel::Full, out).add_provenance(
                &node,
                &document,
                &span("Cybersecurity"),
            )
        });
        let subject = base.node(&node);
        let source = base.node(&node.part("source"));
        let quote = base.node(&node.part("quote"));
        let position = base.node(&node.part("position"));
        assert!(has(
            &quads,
            &subject,
            prov::wasDerivedFrom,
            document.clone()
        ));
        assert!(has(&quads, &subject, igf::sourceSpan, source.clone()));
        assert!(has(&quads, &source, oa::hasSource, document));
        assert!(has(&quads, &source, igf::startLine, integer(3)));
        assert!(has(
            &quads,
            &quote,
            oa::exact,
            Literal::new_simple_literal("Cybersecurity")
        ));
        assert!(has(
            &quads,
            &quote,
            oa::prefix,
            Literal::new_simple_literal("Key messages: ")
        ));
        assert!(has(&quads, &position, oa::start, offset(10)));
        assert!(has(&quads, &position, oa::end, offset(23)));
        // An empty suffix is not written.
        assert!(!quads.iter().any(|q| q.predicate == oa::suffix));
        assert!(
            quads
                .iter()
                .all(|q| q.graph_name == base.document_graph("igf-2018").into())
        );
    }
}

#[cfg(test)]
mod decimals {
    use super::decimal;
    use crate::KnowledgeGraph;
    use oxigraph::model::{NamedNode, Quad};

    #[test]
    fn decimals_are_written_as_a_store_gives_them_back() {
        let cases = [
            (0.9, 2, "0.9"),
            (1.0, 2, "1"),
            (0.0, 4, "0"),
            (-0.00001, 4, "0"),
            (0.25, 4, "0.25"),
            (1.0 / 3.0, 4, "0.3333"),
            (12.5, 2, "12.5"),
        ];
        let graph = KnowledgeGraph::new().unwrap();
        let name = NamedNode::new("https://w3id.org/igfkg/id/graph/test").unwrap();
        for (i, (value, places, text)) in cases.into_iter().enumerate() {
            let literal = decimal(value, places);
            assert_eq!(literal.value(), text, "{value} to {places} places");
            // What goes into a store comes out unchanged.
            let subject = NamedNode::new(format!("https://w3id.org/igfkg/id/n/{i}")).unwrap();
            let predicate = NamedNode::new("https://w3id.org/igfkg/ontology#score").unwrap();
            let quad = Quad::new(subject, predicate, literal.clone(), name.clone());
            graph.replace_graph(&name, vec![quad.clone()]).unwrap();
            let back: Vec<_> = graph.store().iter().map(Result::unwrap).collect();
            assert_eq!(back, vec![quad], "{text}");
        }
    }
}
