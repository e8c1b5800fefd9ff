//! Echoes and alignments across years, in the relations graph.

use super::EvidenceLevel;
use super::sink::{QuadSink, decimal, integer};
use crate::iri::IriBase;
use crate::target::GraphWriter;
use crate::vocab::{igf, prov, rdf, skos};
use igfkg_model::Relations;
use igfkg_model::{NodeId, NodeKind};
use oxigraph::model::{Literal, NamedNode};

/// Writes the triples of the relations across years (the relations
/// graph's) to `out`.
pub(crate) fn write_relations(
    base: &IriBase,
    relations: &Relations,
    evidence: EvidenceLevel,
    out: &mut dyn GraphWriter,
) {
    let mut sink = QuadSink::new(base, evidence, out);
    for echo in &relations.echoes {
        let later = sink.iri(&echo.later);
        let earlier = sink.iri(&echo.earlier);
        sink.add(later.clone(), igf::echoes, earlier.clone());
        let s = sink.iri(&echo.id);
        sink.add(s.clone(), rdf::TYPE, igf::Echo);
        sink.add(s.clone(), igf::later, later.clone());
        sink.add(s.clone(), igf::earlier, earlier.clone());
        sink.add(s.clone(), igf::rank, integer(echo.rank));
        sink.add(s.clone(), igf::score, decimal(echo.score, 4));
        sink.add(s.clone(), igf::textScore, decimal(echo.text_score, 4));
        sink.add(s.clone(), igf::topicScore, decimal(echo.topic_score, 4));
        sink.add(s.clone(), igf::method, igf::Similarity);
        similarity_evidence(
            &mut sink,
            s,
            later,
            earlier,
            &echo.shared_terms,
            &echo.shared_topics,
        );
    }
    for alignment in &relations.alignments {
        let later = sink.iri(&alignment.later);
        let earlier = sink.iri(&alignment.earlier);
        let property = if alignment.close {
            skos::closeMatch
        } else {
            skos::relatedMatch
        };
        // Both SKOS mapping properties are symmetric: state both directions
        // so that queries need no reasoner.
        sink.add(later.clone(), property, earlier.clone());
        sink.add(earlier.clone(), property, later.clone());
        let s = sink.iri(&alignment.id);
        sink.add(s.clone(), rdf::TYPE, igf::Alignment);
        sink.add(s.clone(), igf::later, later.clone());
        sink.add(s.clone(), igf::earlier, earlier.clone());
        sink.add(s.clone(), igf::matchType, property);
        sink.add(s.clone(), igf::score, decimal(alignment.score, 4));
        sink.add(s.clone(), igf::textScore, decimal(alignment.text_score, 4));
        sink.add(
            s.clone(),
            igf::topicScore,
            decimal(alignment.topic_score, 4),
        );
        sink.add(
            s.clone(),
            igf::titleScore,
            decimal(alignment.title_score, 4),
        );
        sink.add(s.clone(), igf::method, igf::Similarity);
        similarity_evidence(
            &mut sink,
            s,
            later,
            earlier,
            &alignment.shared_terms,
            &alignment.shared_topics,
        );
    }
}

/// What an echo or an alignment `s` shares, and the two nodes it relates
/// (at [`EvidenceLevel::Full`]).
pub(super) fn similarity_evidence(
    sink: &mut QuadSink<'_>,
    s: NamedNode,
    later: NamedNode,
    earlier: NamedNode,
    shared_terms: &[String],
    shared_topics: &[String],
) {
    if sink.evidence() == EvidenceLevel::Lean {
        return;
    }
    for term in shared_terms {
        sink.add(
            s.clone(),
            igf::sharedTerm,
            Literal::new_simple_literal(term),
        );
    }
    for id in shared_topics {
        let topic = sink.iri(&NodeId::slug(NodeKind::Topic, id));
        sink.add(s.clone(), igf::sharedTopic, topic);
    }
    sink.add(s.clone(), prov::wasDerivedFrom, later);
    sink.add(s, prov::wasDerivedFrom, earlier);
}

#[cfg(test)]
mod tests {
    use super::super::sink::testing::{has, quads_of};
    use super::*;
    use igfkg_model::{Echo, NodeKind};

    #[test]
    fn an_echo_links_the_messages_and_keeps_its_scores() {
        let base = IriBase::default();
        let later = NodeId::slug(NodeKind::Message, "2019 encryption");
        let earlier = NodeId::slug(NodeKind::Message, "2018 encryption");
        let echo = Echo {
            id: later.part("echo-1"),
            later: later.clone(),
            earlier: earlier.clone(),
            rank: 1,
            score: 0.61234,
            text_score: 0.5,
            topic_score: 1.0,
            shared_terms: vec!["encrypt".to_owned()],
            shared_topics: vec![],
        };
        let relations = Relations {
            echoes: vec![echo],
            alignments: vec![],
        };
        let graph = base.relations_graph();
        let quads = quads_of(&graph, |out| {
            write_relations(&base, &relations, EvidenceLevel::Full, out)
        });
        let node = base.node(&later.part("echo-1"));
        assert!(has(
            &quads,
            &base.node(&later),
            igf::echoes,
            base.node(&earlier)
        ));
        assert!(has(&quads, &node, rdf::TYPE, igf::Echo));
        assert!(has(&quads, &node, igf::rank, integer(1)));
        // Scores are written with four decimals.
        assert!(has(&quads, &node, igf::score, decimal(0.6123, 4)));
        assert!(
            quads
                .iter()
                .all(|q| q.graph_name == base.relations_graph().into())
        );
    }
}
