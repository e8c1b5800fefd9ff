//! Links to entities with their evidence, and the roll-ups of sessions
//! and themes.

use super::EvidenceLevel;
use super::document::Context;
use super::sink::{QuadSink, decimal};
use crate::vocab::{igf, oa, rdf, sdgo, skos};
use igfkg_model::{Link, Method, Relation, RollUp, Target};
use igfkg_model::{NodeId, NodeKind, goal_iri};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef};

/// The property a relation states.
pub(crate) fn relation_property(relation: Relation) -> NamedNodeRef<'static> {
    match relation {
        Relation::Sdg => igf::sdg,
        Relation::Nri => igf::nri,
        Relation::StakeholderGroup => igf::stakeholderGroup,
        Relation::Addresses => igf::addresses,
        Relation::Organization => igf::organization,
        Relation::Affiliation => igf::affiliation,
        Relation::Topic => igf::topic,
    }
}

pub(super) fn method(method: Method) -> NamedNodeRef<'static> {
    match method {
        Method::Pattern => igf::Pattern,
        Method::Gazetteer => igf::Gazetteer,
        Method::Vocabulary => igf::Vocabulary,
    }
}

/// The IRI a link points to; adds the node of an SDG target.
pub(super) fn link_target(sink: &mut QuadSink<'_>, target: &Target) -> NamedNode {
    match target {
        Target::Goal(n) => NamedNode::new_unchecked(goal_iri(&n.to_string())),
        Target::GoalTarget(n, t) => {
            let notation = format!("{n}.{t}");
            let iri = NamedNode::new_unchecked(goal_iri(&notation));
            sink.add(iri.clone(), rdf::TYPE, sdgo::Target);
            sink.add(iri.clone(), rdf::TYPE, skos::Concept);
            sink.add(
                iri.clone(),
                skos::notation,
                Literal::new_simple_literal(&notation),
            );
            sink.add(
                iri.clone(),
                skos::broader,
                NamedNode::new_unchecked(goal_iri(&n.to_string())),
            );
            iri
        }
        Target::Nri(id) => sink.iri(&NodeId::slug(NodeKind::Nri, id)),
        Target::StakeholderGroup(id) => sink.iri(&NodeId::slug(NodeKind::StakeholderGroup, id)),
        Target::Organization(id) => sink.iri(id),
        Target::Topic(id) => sink.iri(&NodeId::slug(NodeKind::Topic, id)),
    }
}

/// A link: the triple it states, and (at [`EvidenceLevel::Full`]) a Web
/// Annotation of its evidence (`igf:Link`, a subclass of `oa:Annotation`)
/// whose target selects the matched words in the source.
pub(super) fn add_link(sink: &mut QuadSink<'_>, cx: &Context, link: &Link) {
    let subject = sink.iri(&link.subject);
    let property = relation_property(link.relation);
    let target = link_target(sink, &link.target);
    sink.add(subject.clone(), property, target.clone());
    if sink.evidence() == EvidenceLevel::Lean {
        return;
    }
    let s = sink.iri(&link.id);
    sink.add(s.clone(), rdf::TYPE, igf::Link);
    sink.add(s.clone(), igf::linkSubject, subject);
    sink.add(s.clone(), igf::linkProperty, property);
    sink.add(s.clone(), oa::hasBody, target);
    sink.add(s.clone(), igf::method, method(link.evidence.method));
    sink.add(
        s.clone(),
        igf::matchedLabel,
        Literal::new_simple_literal(&link.evidence.rule),
    );
    if let Some(confidence) = link.evidence.confidence {
        // Two decimals: confidences are coarse.
        sink.add(s.clone(), igf::confidence, decimal(confidence, 2));
    }
    let source = sink.add_specific_resource(&link.id, &cx.doc, &link.evidence.span, false);
    sink.add(s, oa::hasTarget, source);
}

/// A session's or theme's link taken from its messages: the triple only,
/// its evidence being the messages' links.
pub(super) fn add_rollup(sink: &mut QuadSink<'_>, rollup: &RollUp) {
    let subject = sink.iri(&rollup.subject);
    let target = link_target(sink, &rollup.target);
    sink.add(subject, relation_property(rollup.relation), target);
}

#[cfg(test)]
mod tests {
    use super::super::sink::testing::{has, quads_of, span};
    use super::*;
    use crate::iri::IriBase;
    use igfkg_model::{Evidence, SDG_NAMESPACE};

    fn sdg7_link() -> Link {
        let message = NodeId::slug(NodeKind::Message, "2018 energy");
        Link {
            id: message.part("link-sdg-7"),
            subject: message,
            relation: Relation::Sdg,
            target: Target::Goal(7),
            evidence: Evidence {
                span: span("SDG7"),
                method: Method::Pattern,
                confidence: None,
                rule: "SDG7".to_owned(),
            },
        }
    }

    fn quads_at(base: &IriBase, evidence: EvidenceLevel) -> Vec<oxigraph::model::Quad> {
        let cx = Context {
            doc: base.node(&NodeId::slug(NodeKind::Document, "igf-2018")),
            meeting: Some(base.node(&NodeId::meeting(2018))),
            document_id: "igf-2018".into(),
        };
        let graph = base.document_graph("igf-2018");
        quads_of(&graph, |out| {
            add_link(&mut QuadSink::new(base, evidence, out), &cx, &sdg7_link())
        })
    }

    #[test]
    fn a_link_is_a_triple_and_an_annotation_of_its_evidence() {
        let base = IriBase::default();
        let link = sdg7_link();
        let goal = NamedNode::new_unchecked(format!("{SDG_NAMESPACE}7"));
        let full = quads_at(&base, EvidenceLevel::Full);
        let subject = base.node(&link.subject);
        let annotation = base.node(&link.id);
        assert!(has(&full, &subject, igf::sdg, goal.clone()));
        assert!(has(&full, &annotation, rdf::TYPE, igf::Link));
        assert!(has(&full, &annotation, oa::hasBody, goal.clone()));
        assert!(has(&full, &annotation, igf::method, igf::Pattern));
        assert!(has(
            &full,
            &annotation,
            igf::matchedLabel,
            Literal::new_simple_literal("SDG7")
        ));
        // A certain link states no confidence.
        assert!(!full.iter().any(|q| q.predicate == igf::confidence));

        let lean = quads_at(&base, EvidenceLevel::Lean);
        assert!(has(&lean, &subject, igf::sdg, goal));
        assert!(!lean.iter().any(|q| q.subject == annotation.clone().into()));
    }
}
