//! The reference data: meetings, goals, stakeholder groups, NRIs,
//! organisations and the topic scheme, in the reference graph.

use super::EvidenceLevel;
use super::sink::{QuadSink, date, en, integer};
use crate::iri::IriBase;
use crate::target::GraphWriter;
use crate::vocab::{dcterms, igf, org, owl, prov, rdf, rdfs, schema, sdgo, skos, xsd};
use igfkg_model::{Attribution, ReferenceData};
use igfkg_model::{NodeId, NodeKind, NriKind, Organization};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Term};

/// Wikidata's namespace of items: an organisation's `owl:sameAs`.
const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// Writes the triples of the reference data (the reference graph's) to
/// `out`.
pub(crate) fn write_reference(
    base: &IriBase,
    reference: &ReferenceData,
    out: &mut dyn GraphWriter,
) {
    let mut sink = QuadSink::new(base, EvidenceLevel::Full, out);
    let meetings_source = source_node(&reference.meetings_source);
    for meeting in &reference.meetings {
        let s = sink.iri(&meeting.id());
        sink.add(s.clone(), rdf::TYPE, igf::Meeting);
        sink.add(s.clone(), rdfs::LABEL, en(&meeting.label()));
        sink.add(s.clone(), igf::year, integer(meeting.year));
        sink.add(s.clone(), igf::ordinal, integer(meeting.ordinal));
        sink.add(s.clone(), schema::startDate, date(&meeting.start));
        sink.add(s.clone(), schema::endDate, date(&meeting.end));
        sink.add(s.clone(), igf::overarchingTheme, en(&meeting.theme));
        sink.add_opt_text(&s, igf::hostCity, meeting.city.as_deref());
        sink.add_opt_text(&s, igf::hostCountry, meeting.country.as_deref());
        if let Some(code) = &meeting.country_code {
            sink.add(
                s.clone(),
                igf::hostCountryCode,
                Literal::new_simple_literal(code),
            );
        }
        sink.add(s.clone(), igf::online, Literal::from(meeting.online));
        sink.add(s, dcterms::source, meetings_source.clone());
    }

    let goals_source = source_node(&reference.goals_source);
    for goal in &reference.goals {
        let s = NamedNode::new_unchecked(goal.iri());
        sink.add(s.clone(), rdf::TYPE, sdgo::Goal);
        sink.add(s.clone(), rdf::TYPE, skos::Concept);
        sink.add(s.clone(), skos::prefLabel, en(&goal.title));
        sink.add(s.clone(), skos::altLabel, en(&goal.short_title));
        sink.add(
            s.clone(),
            rdfs::LABEL,
            en(&format!("Goal {}: {}", goal.number, goal.short_title)),
        );
        sink.add(
            s.clone(),
            skos::notation,
            Literal::new_simple_literal(goal.number.to_string()),
        );
        sink.add(s, dcterms::source, goals_source.clone());
    }

    let scheme = add_scheme(
        &mut sink,
        "stakeholder-groups",
        "IGF stakeholder groups",
        &reference.stakeholder_groups_source,
    );
    for group in &reference.stakeholder_groups {
        let s = sink.iri(&group.node_id());
        sink.add(s.clone(), rdf::TYPE, igf::StakeholderGroup);
        sink.add(s.clone(), rdf::TYPE, skos::Concept);
        sink.add(s.clone(), rdfs::LABEL, en(&group.label));
        sink.add(s.clone(), skos::prefLabel, en(&group.label));
        for alt in &group.alt_labels {
            sink.add(s.clone(), skos::altLabel, en(alt));
        }
        sink.add(s.clone(), skos::definition, en(&group.definition));
        add_in_scheme(
            &mut sink,
            s,
            &scheme,
            NodeKind::StakeholderGroup,
            group.broader.as_deref(),
        );
    }
    add_nris(&mut sink, reference);
    add_organizations(&mut sink, &reference.organizations, None);
    add_topics(&mut sink, reference);
}

pub(super) fn nri_kind(kind: NriKind) -> NamedNodeRef<'static> {
    match kind {
        NriKind::National => igf::NationalNri,
        NriKind::Regional => igf::RegionalNri,
        NriKind::SubRegional => igf::SubRegionalNri,
        NriKind::Youth => igf::YouthNri,
    }
}

pub(super) fn add_nris(sink: &mut QuadSink<'_>, reference: &ReferenceData) {
    for nri in &reference.nris {
        let s = sink.iri(&nri.node_id());
        sink.add(s.clone(), rdf::TYPE, igf::NRI);
        sink.add(s.clone(), rdf::TYPE, org::Organization);
        sink.add(s.clone(), rdfs::LABEL, en(&nri.name));
        for alias in &nri.aliases {
            sink.add(s.clone(), skos::altLabel, en(alias));
        }
        sink.add(s.clone(), igf::nriKind, nri_kind(nri.kind));
        if let Some(country) = &nri.country {
            sink.add(
                s.clone(),
                igf::countryCode,
                Literal::new_simple_literal(country),
            );
        }
        for region in &nri.regions {
            sink.add(s.clone(), igf::region, Literal::new_simple_literal(region));
        }
        if let Some(year) = nri.established {
            sink.add(
                s.clone(),
                igf::established,
                Literal::new_typed_literal(year.to_string(), xsd::G_YEAR),
            );
        }
        sink.add(
            s.clone(),
            igf::nriStatus,
            Literal::new_simple_literal(nri.status.as_str()),
        );
        if let Some(successor) = &nri.successor {
            let successor = sink.iri(&NodeId::slug(NodeKind::Nri, successor));
            sink.add(s.clone(), dcterms::isReplacedBy, successor);
        }
        sink.add(s, dcterms::source, Literal::new_simple_literal(&nri.source));
    }
}

/// Organisations: those of the gazetteer in the reference graph, and those
/// named in a document's people lines in the document's graph (`document`).
pub(super) fn add_organizations(
    sink: &mut QuadSink<'_>,
    organizations: &[Organization],
    document: Option<&NamedNode>,
) {
    for organization in organizations {
        let s = sink.iri(&organization.id);
        sink.add(s.clone(), rdf::TYPE, org::Organization);
        sink.add(s.clone(), rdfs::LABEL, en(&organization.name));
        for alias in &organization.aliases {
            sink.add(s.clone(), skos::altLabel, en(alias));
        }
        if let Some(group) = &organization.stakeholder_group {
            let group = sink.iri(&NodeId::slug(NodeKind::StakeholderGroup, group));
            sink.add(s.clone(), igf::stakeholderGroup, group);
        }
        if let Some(country) = &organization.country {
            sink.add(
                s.clone(),
                igf::countryCode,
                Literal::new_simple_literal(country),
            );
        }
        if let Some(kind) = &organization.kind {
            sink.add(
                s.clone(),
                igf::organizationKind,
                Literal::new_simple_literal(kind),
            );
        }
        if let Some(item) = &organization.wikidata {
            // Checked by the reader: `Q` and digits.
            let item = NamedNode::new_unchecked(format!("{WIKIDATA}{item}"));
            sink.add(s.clone(), owl::sameAs, item);
        }
        if let Some(source) = &organization.source {
            sink.add(
                s.clone(),
                dcterms::source,
                Literal::new_simple_literal(source),
            );
        }
        if let Some(document) = document {
            sink.add(s, prov::wasDerivedFrom, document.clone());
        }
    }
}

pub(super) fn add_topics(sink: &mut QuadSink<'_>, reference: &ReferenceData) {
    let scheme = add_scheme(
        sink,
        "topics",
        "Digital-policy topics",
        &reference.topics_source,
    );
    for topic in &reference.topics {
        let s = sink.iri(&topic.node_id());
        sink.add(s.clone(), rdf::TYPE, igf::Topic);
        sink.add(s.clone(), rdf::TYPE, skos::Concept);
        sink.add(s.clone(), rdfs::LABEL, en(&topic.label));
        sink.add(s.clone(), skos::prefLabel, en(&topic.label));
        for alt in topic.alt_labels.iter().chain(&topic.weak_labels) {
            sink.add(s.clone(), skos::altLabel, en(alt));
        }
        if let Some(definition) = &topic.definition {
            sink.add(s.clone(), skos::definition, en(definition));
        }
        add_in_scheme(sink, s, &scheme, NodeKind::Topic, topic.broader.as_deref());
    }
}

/// A SKOS concept scheme of the reference data, `name` under the base.
pub(super) fn add_scheme(
    sink: &mut QuadSink<'_>,
    name: &str,
    label: &str,
    source: &Attribution,
) -> NamedNode {
    let scheme = sink.base().scheme(name);
    sink.add(scheme.clone(), rdf::TYPE, skos::ConceptScheme);
    sink.add(scheme.clone(), rdfs::LABEL, en(label));
    sink.add(scheme.clone(), skos::prefLabel, en(label));
    sink.add(scheme.clone(), dcterms::source, source_node(source));
    scheme
}

/// Places the concept `s` in `scheme`: under its `broader` concept (of
/// `kind`, by id) both ways, or at the top of the scheme both ways.
pub(super) fn add_in_scheme(
    sink: &mut QuadSink<'_>,
    s: NamedNode,
    scheme: &NamedNode,
    kind: NodeKind,
    broader: Option<&str>,
) {
    sink.add(s.clone(), skos::inScheme, scheme.clone());
    match broader {
        Some(broader) => {
            let broader = sink.iri(&NodeId::slug(kind, broader));
            sink.add(s.clone(), skos::broader, broader.clone());
            sink.add(broader, skos::narrower, s);
        }
        None => {
            sink.add(s.clone(), skos::topConceptOf, scheme.clone());
            sink.add(scheme.clone(), skos::hasTopConcept, s);
        }
    }
}

pub(super) fn source_node(attribution: &Attribution) -> Term {
    match NamedNode::new(attribution.url.as_str()) {
        Ok(iri) => iri.into(),
        Err(_) => Literal::new_simple_literal(&attribution.url).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::sink::testing::{has, quads_of};
    use super::*;
    use igfkg_model::Goal;

    #[test]
    fn a_goal_is_an_sdg_concept_with_its_official_titles() {
        let source = Attribution {
            publisher: "United Nations".to_owned(),
            url: "https://sdgs.un.org/goals".to_owned(),
            checked: "2025-01-15".to_owned(),
            note: None,
        };
        let reference = ReferenceData {
            meetings: vec![],
            meetings_source: source.clone(),
            goals: vec![Goal {
                number: 7,
                short_title: "Affordable and Clean Energy".to_owned(),
                title:
                    "Ensure access to affordable, reliable, sustainable and modern energy for all"
                        .to_owned(),
            }],
            goals_source: source.clone(),
            stakeholder_groups: vec![],
            stakeholder_groups_source: source.clone(),
            nris: vec![],
            organizations: vec![],
            topics: vec![],
            topics_source: source,
        };
        let base = IriBase::default();
        let graph = base.reference_graph();
        let quads = quads_of(&graph, |out| write_reference(&base, &reference, out));
        let goal = NamedNode::new_unchecked("http://metadata.un.org/sdg/7");
        assert!(has(&quads, &goal, rdf::TYPE, sdgo::Goal));
        assert!(has(&quads, &goal, rdf::TYPE, skos::Concept));
        assert!(has(
            &quads,
            &goal,
            skos::altLabel,
            en("Affordable and Clean Energy")
        ));
        assert!(has(
            &quads,
            &goal,
            rdfs::LABEL,
            en("Goal 7: Affordable and Clean Energy")
        ));
        assert!(
            quads
                .iter()
                .all(|q| q.graph_name == base.reference_graph().into())
        );
    }
}
