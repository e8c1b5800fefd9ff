//! Vocabulary IRIs, one module per namespace, after oxrdf's `vocab` and
//! sophia's `namespace!`.
//!
//! Terms keep their exact case (`igf::Meeting` is the class, `igf::meeting`
//! the property), so each constant reads as the IRI it stands for.

pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

macro_rules! namespace {
    ($(#[$doc:meta])* $module:ident, $prefix:literal, $ns:literal, [$($term:ident),* $(,)?]) => {
        $(#[$doc])*
        #[allow(non_upper_case_globals)]
        pub mod $module {
            use oxigraph::model::NamedNodeRef;
            /// The namespace IRI.
            pub const NAMESPACE: &str = $ns;
            /// The prefix igfkg declares for the namespace.
            pub const PREFIX: &str = $prefix;
            $(
                #[doc = concat!("`", $prefix, ":", stringify!($term), "`")]
                pub const $term: NamedNodeRef<'static> =
                    NamedNodeRef::new_unchecked(concat!($ns, stringify!($term)));
            )*
            /// Every term of this module, in declaration order.
            pub const ALL: &[NamedNodeRef<'static>] = &[$($term),*];
        }
    };
}

namespace!(
    /// The igfkg ontology, [`ontology/igfkg.ttl`](https://w3id.org/igfkg/ontology).
    igf, "igf", "https://w3id.org/igfkg/ontology#", [
        // classes and individuals
        Meeting, Theme, Session, Message, KeyMessage, PolicyQuestion, DiscussionPoint,
        Recommendation, Initiative, ProgressNote, GenderReflection, SessionOutput, Statement,
        NRI, StakeholderGroup, Topic, SourceDocument, ReportField, SessionRole, RoleKind,
        Participation, Figure, Measure, Qualifier, Fact, FactKind, SessionType, SessionTypes,
        MainSession, HighLevelThematicSession, CeremonialHighLevelSession, OtherSession,
        RoleKinds, Facilitator, Presenter, Keynote, Measures, Onsite, Remote, Total, Women,
        Men, WomenPercent, Qualifiers, Exact, AtLeast, MoreThan, About, FactKinds, Dates,
        Venue, Participants, Countries, Sessions, Workshops, OpenSessions, LightningSessions,
        Journalists, ThemeOfMeeting, NriCount, BestPracticeForum, CenbGoal, WsisActionLine,
        Host, MagSize, Ordinal, Link, Method, NriKind, Methods, Pattern, Gazetteer, Vocabulary,
        NriKinds, NationalNri, RegionalNri, SubRegionalNri, YouthNri, Echo, Alignment, Similarity,
        WorkshopSession, OpenForumSession, BestPracticeForumSession, DynamicCoalitionSession,
        DayZeroEvent, LightningTalk, NriSession, TownHall, NetworkingSession, Speaker,
        // properties
        year, ordinal, meeting, theme, session, text, headline, sdg, topic, nri,
        stakeholderGroup, stakeholderGroupLabel, affiliation, addresses, echoes, position,
        group, section, isHeading, sessionType, sessionTypeLabel, track, reportField,
        fieldNumber, field, country, countryCode, region, hostCity, hostCountry,
        hostCountryCode, overarchingTheme, online, sourceSpan, startLine, endLine, person,
        roleKind, subject, participation, figure, measure, qualifier, about, factKind,
        valueText, note, documentKind, format, sha256, path, organization, nriKind, linkSubject,
        linkProperty, method, confidence, matchedLabel, later, earlier, rank, score, textScore,
        topicScore, titleScore, sharedTerm, sharedTopic, matchType,
        // transcripts and saved web pages
        Utterance, Moderator, speaker, speakerLabel, turn, sourceByteStart, sourceByteEnd,
        sessionNumber, organizer, place, dateAsWritten,
        // the registries' facts
        established, nriStatus, organizationKind,
    ]
);

namespace!(
    /// [SKOS](https://www.w3.org/TR/skos-reference/).
    skos, "skos", "http://www.w3.org/2004/02/skos/core#", [
        Concept, ConceptScheme, prefLabel, altLabel, definition, notation, inScheme,
        hasTopConcept, topConceptOf, broader, narrower, closeMatch, relatedMatch, exactMatch,
    ]
);

namespace!(
    /// [schema.org](https://schema.org/).
    schema, "schema", "https://schema.org/", [
        Event, startDate, endDate, url, jobTitle, name, location,
    ]
);

namespace!(
    /// [The W3C Organization Ontology](https://www.w3.org/TR/vocab-org/).
    org, "org", "http://www.w3.org/ns/org#", [Organization]
);

namespace!(
    /// [FOAF](http://xmlns.com/foaf/spec/).
    foaf, "foaf", "http://xmlns.com/foaf/0.1/", [Person, Document, name]
);

namespace!(
    /// [DCMI Metadata Terms](https://www.dublincore.org/specifications/dublin-core/dcmi-terms/).
    dcterms, "dcterms", "http://purl.org/dc/terms/", [
        title, description, publisher, issued, modified, created, rights, license, source,
        subject, isPartOf, isReplacedBy,
    ]
);

namespace!(
    /// [PROV-O](https://www.w3.org/TR/prov-o/).
    prov, "prov", "http://www.w3.org/ns/prov#", [Entity, wasDerivedFrom]
);

namespace!(
    /// [The W3C Web Annotation Vocabulary](https://www.w3.org/TR/annotation-vocab/).
    oa, "oa", "http://www.w3.org/ns/oa#", [
        Annotation, SpecificResource, TextPositionSelector, TextQuoteSelector, hasSource,
        hasSelector, hasBody, hasTarget, motivatedBy, identifying, classifying, start, end, exact,
        prefix, suffix,
    ]
);

namespace!(
    /// [DCAT](https://www.w3.org/TR/vocab-dcat-3/).
    dcat, "dcat", "http://www.w3.org/ns/dcat#", [
        Dataset, Distribution, distribution, downloadURL, mediaType, byteSize, landingPage,
        keyword,
    ]
);

namespace!(
    /// [VoID](https://www.w3.org/TR/void/).
    void, "void", "http://rdfs.org/ns/void#", [
        Dataset, triples, entities, classPartition, propertyPartition, class, property,
        sparqlEndpoint, vocabulary, dataDump, uriSpace, distinctSubjects,
    ]
);

namespace!(
    /// [The UN SDG KOS ontology](http://metadata.un.org/sdg/ontology).
    sdgo, "sdgo", "http://metadata.un.org/sdg/ontology#", [Goal, Target]
);

namespace!(
    /// [OWL 2](https://www.w3.org/TR/owl2-overview/).
    owl, "owl", "http://www.w3.org/2002/07/owl#", [
        Ontology, Class, ObjectProperty, DatatypeProperty, NamedIndividual, versionIRI, sameAs,
    ]
);

/// The namespace of the UN SDG KOS goals and targets (`sdg:7`, `sdg:9.c`).
pub const SDG_NAMESPACE: &str = igfkg_model::SDG_NAMESPACE;

/// The vocabulary prefixes that igfkg's exports may declare, with their
/// namespaces. Data prefixes (`meeting:`, `message:` …) come from the data
/// IRI base; see [`crate::IriBase::prefixes`].
pub const PREFIXES: &[(&str, &str)] = &[
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    (owl::PREFIX, owl::NAMESPACE),
    (igf::PREFIX, igf::NAMESPACE),
    (skos::PREFIX, skos::NAMESPACE),
    (schema::PREFIX, schema::NAMESPACE),
    (org::PREFIX, org::NAMESPACE),
    (foaf::PREFIX, foaf::NAMESPACE),
    (dcterms::PREFIX, dcterms::NAMESPACE),
    (prov::PREFIX, prov::NAMESPACE),
    (oa::PREFIX, oa::NAMESPACE),
    (dcat::PREFIX, dcat::NAMESPACE),
    (void::PREFIX, void::NAMESPACE),
    (sdgo::PREFIX, sdgo::NAMESPACE),
    ("sdg", SDG_NAMESPACE),
];

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{NamedNodeRef, Term, Triple};
    use std::collections::BTreeSet;

    fn ontology() -> Vec<Triple> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ontology/igfkg.ttl");
        let file = std::fs::read(path).unwrap();
        RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(&file)
            .map(|q| q.map(Triple::from))
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn declared(triples: &[Triple]) -> BTreeSet<String> {
        triples
            .iter()
            .filter(|t| t.predicate == rdf::TYPE)
            .filter_map(|t| match &t.subject {
                oxigraph::model::NamedOrBlankNode::NamedNode(n) => {
                    n.as_str().strip_prefix(igf::NAMESPACE).map(str::to_owned)
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_igf_constant_is_a_valid_iri_declared_in_the_ontology() {
        let declared = declared(&ontology());
        for term in igf::ALL {
            oxigraph::model::NamedNode::new(term.as_str()).unwrap();
            let local = term.as_str().strip_prefix(igf::NAMESPACE).unwrap();
            assert!(
                declared.contains(local),
                "igf:{local} is not declared in ontology/igfkg.ttl"
            );
        }
    }

    #[test]
    fn every_ontology_term_has_a_constant() {
        let constants: BTreeSet<&str> = igf::ALL
            .iter()
            .map(|t| t.as_str().strip_prefix(igf::NAMESPACE).unwrap())
            .collect();
        for local in declared(&ontology()) {
            assert!(
                constants.contains(local.as_str()),
                "igf:{local} has no constant in vocab.rs"
            );
        }
    }

    #[test]
    fn every_declared_term_has_an_english_label_and_comment() {
        let triples = ontology();
        let has = |subject: &str, predicate: NamedNodeRef<'_>| {
            triples.iter().any(|t| {
                t.subject.to_string() == format!("<{subject}>")
                    && t.predicate == predicate
                    && matches!(&t.object, Term::Literal(l) if l.language() == Some("en") && !l.value().is_empty())
            })
        };
        for local in declared(&triples) {
            let iri = format!("{}{local}", igf::NAMESPACE);
            assert!(has(&iri, rdfs::LABEL), "igf:{local} has no rdfs:label@en");
            assert!(
                has(&iri, rdfs::COMMENT),
                "igf:{local} has no rdfs:comment@en"
            );
        }
        let ontology_iri = "https://w3id.org/igfkg/ontology";
        assert!(has(ontology_iri, rdfs::LABEL) && has(ontology_iri, rdfs::COMMENT));
        assert!(
            triples
                .iter()
                .any(|t| t.subject.to_string() == format!("<{ontology_iri}>")
                    && t.predicate == owl::versionIRI)
        );
    }

    #[test]
    fn other_vocabulary_constants_are_valid_iris() {
        for module in [
            skos::ALL,
            schema::ALL,
            org::ALL,
            foaf::ALL,
            dcterms::ALL,
            prov::ALL,
            oa::ALL,
            dcat::ALL,
            void::ALL,
            sdgo::ALL,
            owl::ALL,
        ] {
            for term in module {
                oxigraph::model::NamedNode::new(term.as_str()).unwrap();
            }
        }
    }
}
