//! The graph: exports, determinism, SPARQL results, provenance.

use crate::util::{column, corpus, data_dir, select};
use igfkg::rdf::dataset::CanonicalizationAlgorithm;
use igfkg::rdf::{Dataset, GraphName, Quad};
use igfkg::{DataDir, ExportFormat, IriBase, KnowledgeGraph, QueryOutcome};

fn export(graph: &KnowledgeGraph, format: ExportFormat) -> Vec<u8> {
    graph.export(format, Vec::new()).unwrap()
}

fn parse(bytes: &[u8], format: ExportFormat) -> Dataset {
    Dataset::from_iter(
        oxigraph::io::RdfParser::from_format(format.rdf_format())
            .for_slice(bytes)
            .collect::<Result<Vec<Quad>, _>>()
            .unwrap(),
    )
}

fn canonical(mut dataset: Dataset) -> Dataset {
    dataset.canonicalize(CanonicalizationAlgorithm::Unstable);
    dataset
}

#[test]
fn every_export_parses_back_to_an_isomorphic_graph() {
    let graph = &corpus().0;
    let quads = graph.quads().unwrap();
    let full = canonical(Dataset::from_iter(quads.iter().cloned()));
    let union = canonical(Dataset::from_iter(quads.iter().cloned().map(|q| {
        Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)
    })));
    for format in ExportFormat::ALL {
        let parsed = canonical(parse(&export(graph, format), format));
        let expected = if format.keeps_graphs() { &full } else { &union };
        assert_eq!(parsed.len(), expected.len(), "{format}");
        assert!(&parsed == expected, "{format}: export and graph differ");
    }
}

#[test]
fn two_builds_give_byte_identical_exports() {
    let build = || {
        let graph = KnowledgeGraph::new().unwrap();
        igfkg::build(&graph, &DataDir::new(data_dir())).unwrap();
        graph
    };
    let (a, b) = (build(), build());
    for format in ExportFormat::ALL {
        assert!(
            export(&a, format) == export(&b, format),
            "{format} differs between builds"
        );
    }
    // And the same as the build every other test uses, made earlier in
    // another graph.
    assert!(export(&a, ExportFormat::Turtle) == export(&corpus().0, ExportFormat::Turtle));
}

#[test]
fn turtle_declares_only_the_prefixes_it_uses_and_groups_subjects() {
    let turtle = String::from_utf8(export(&corpus().0, ExportFormat::Turtle)).unwrap();
    let declared: Vec<&str> = turtle
        .lines()
        .filter_map(|l| l.strip_prefix("@prefix ")?.split(':').next())
        .collect();
    assert!(
        declared.contains(&"igf") && declared.contains(&"meeting") && declared.contains(&"sdg")
    );
    for prefix in &declared {
        let used = turtle
            .lines()
            .filter(|l| !l.starts_with("@prefix"))
            .any(|l| l.contains(&format!("{prefix}:")));
        assert!(used, "prefix {prefix}: is declared but unused");
    }
    // These vocabularies are not used by the graph (owl is, for an
    // organisation's owl:sameAs its Wikidata item).
    for unused in ["void", "dcat"] {
        assert!(!declared.contains(&unused), "{unused}: is declared");
    }
    // Each subject opens one block: no subject appears at the start of two lines.
    let mut subjects: Vec<&str> = turtle
        .lines()
        .filter(|l| !l.starts_with('@') && !l.starts_with('\t') && !l.is_empty())
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    let count = subjects.len();
    subjects.dedup();
    assert_eq!(
        subjects.len(),
        count,
        "a subject is split over several blocks"
    );
    // The prefixes in alphabetical order, then a blank line; a blank line
    // before each subject's block, as rdflib and Jena lay Turtle out.
    let mut sorted = declared.clone();
    sorted.sort_unstable();
    assert_eq!(declared, sorted);
    let body = turtle.split_once(" .\n\n").unwrap().1;
    assert!(!body.starts_with("@prefix"));
    for block in body.split("\n\n") {
        let first = block.lines().next().unwrap();
        assert!(
            !first.starts_with('\t'),
            "a block starts inside a subject: {first}"
        );
        assert!(block.ends_with(" .") || block.ends_with(" .\n"), "{block}");
    }
    // Natural order: goal 2 before goal 10.
    let two = turtle.find("\nsdg:2 a").unwrap();
    let ten = turtle.find("\nsdg:10 a").unwrap();
    assert!(two < ten);
}

#[test]
fn the_data_iri_base_is_configurable() {
    let base = IriBase::new("https://example.org/igf/").unwrap();
    let graph = KnowledgeGraph::in_memory(base).unwrap();
    igfkg::build(&graph, &DataDir::new(data_dir())).unwrap();
    let QueryOutcome::Boolean(found) = graph
        .query("ASK { <https://example.org/igf/meeting/2018> igf:year 2018 }")
        .unwrap()
    else {
        panic!()
    };
    assert!(found);
    let turtle = String::from_utf8(export(&graph, ExportFormat::Turtle)).unwrap();
    assert!(turtle.contains("@prefix meeting: <https://example.org/igf/meeting/> ."));
    assert!(!turtle.contains("w3id.org/igfkg/id/"));
    // The local identifiers do not depend on the base.
    let local = |g: &KnowledgeGraph, base: &str| {
        let QueryOutcome::Solutions(s) = g
            .query("SELECT ?m WHERE { ?m a igf:Message ; igf:position 1 } ORDER BY ?m")
            .unwrap()
        else {
            panic!()
        };
        s.iter()
            .map(|r| r.text("m").unwrap().strip_prefix(base).unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        local(&graph, "https://example.org/igf/"),
        local(&corpus().0, IriBase::DEFAULT)
    );
}

#[test]
fn sparql_results_are_typed() {
    let graph = &corpus().0;
    match graph
        .query("ASK { ?m a igf:Meeting ; igf:year 2019 }")
        .unwrap()
    {
        QueryOutcome::Boolean(true) => {}
        other => panic!("{other:?}"),
    }
    match graph
        .query("CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a igf:Meeting ; rdfs:label ?l ; igf:year 2017 }")
        .unwrap()
    {
        QueryOutcome::Graph(triples) => {
            assert_eq!(triples.len(), 1);
            assert_eq!(triples[0].object.to_string(), "\"IGF 2017 (12th IGF, Geneva)\"@en");
        }
        other => panic!("{other:?}"),
    }
    match graph
        .query("DESCRIBE <https://w3id.org/igfkg/id/meeting/2006>")
        .unwrap()
    {
        QueryOutcome::Graph(triples) => assert!(
            triples
                .iter()
                .any(|t| t.object.to_string().contains("Athens"))
        ),
        other => panic!("{other:?}"),
    }
    let rows = select(
        "SELECT ?year (COUNT(?m) AS ?n) WHERE { ?m a igf:Message ; igf:year ?year } GROUP BY ?year ORDER BY ?year",
    );
    let counts: Vec<(i64, i64)> = rows
        .iter()
        .map(|r| (r.integer("year").unwrap(), r.integer("n").unwrap()))
        .collect();
    // 48 messages in the 2017 Messages and 52 in the Paris Messages (counted
    // by reading); the 2019 reports have more.
    assert_eq!(counts[0], (2017, 48));
    assert_eq!(counts[1], (2018, 52));
    assert_eq!(counts[2].0, 2019);
}

#[test]
fn queries_see_the_union_of_graphs_and_each_document_has_its_own() {
    let graphs = column(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
        "g",
    );
    let names: Vec<&str> = graphs
        .iter()
        .map(|g| g.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "igf2017-messages",
            "igf2018-opening-press-release",
            "igf2018-paris-messages",
            "igf2018-wsis-report-input",
            "igf2019-session-reports",
            "reference",
            "relations"
        ]
    );
}

#[test]
fn every_extracted_node_points_to_its_source_document_and_span() {
    let orphans = select(
        "SELECT ?n WHERE {
           ?n a ?class .
           VALUES ?class { igf:Theme igf:Session igf:Message igf:Statement igf:Fact foaf:Person igf:SessionRole igf:Participation }
           FILTER NOT EXISTS { ?n prov:wasDerivedFrom ?d . ?d a igf:SourceDocument }
         }",
    );
    assert!(orphans.is_empty(), "{orphans:?}");
    let without_span = select(
        "SELECT ?n WHERE { ?n a igf:Message FILTER NOT EXISTS { ?n igf:sourceSpan/oa:hasSelector/oa:exact ?q } }",
    );
    assert!(without_span.is_empty());
}

#[test]
fn load_reports_syntax_errors_with_their_position() {
    let graph = KnowledgeGraph::new().unwrap();
    let error = graph
        .load_reader(
            oxigraph::io::RdfFormat::NQuads,
            "<http://a> <http://b> <http://c> .\n<http://a> <http://b> \"open .\n".as_bytes(),
            "broken.nq".as_ref(),
        )
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("broken.nq:2:"), "{error}");
    assert!(
        graph.is_empty().unwrap(),
        "nothing is inserted from a file with an error"
    );
}

/// Random graphs of the kind igfkg writes: data IRIs under the base and
/// the vocabularies' IRIs, blank nodes, text with quotes, backslashes,
/// line ends and any printable Unicode, language tags, typed values, named
/// graphs and the default graph.
mod random_graphs {
    use super::{canonical, export, parse};
    use igfkg::rdf::{
        BlankNode, Dataset, GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term,
    };
    use igfkg::{ExportFormat, KnowledgeGraph};
    use proptest::prelude::*;

    const NAMESPACES: [&str; 6] = [
        "https://w3id.org/igfkg/id/message/",
        "https://w3id.org/igfkg/id/topic/",
        "https://w3id.org/igfkg/ontology#",
        "http://www.w3.org/2004/02/skos/core#",
        "http://metadata.un.org/sdg/",
        "https://example.org/other/",
    ];

    fn iri() -> impl Strategy<Value = NamedNode> {
        (0..NAMESPACES.len(), "[a-z][a-z0-9-]{0,12}")
            .prop_map(|(ns, local)| NamedNode::new(format!("{}{local}", NAMESPACES[ns])).unwrap())
    }

    fn blank() -> impl Strategy<Value = BlankNode> {
        (0u8..4).prop_map(|n| BlankNode::new(format!("b{n}")).unwrap())
    }

    fn subject() -> impl Strategy<Value = NamedOrBlankNode> {
        prop_oneof![
            4 => iri().prop_map(NamedOrBlankNode::from),
            1 => blank().prop_map(NamedOrBlankNode::from),
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        // Printable text with the characters every syntax escapes.
        proptest::collection::vec(
            prop_oneof![
                4 => "\\PC{1,8}",
                1 => prop_oneof![
                    Just("\"".to_owned()),
                    Just("\\".to_owned()),
                    Just("\n".to_owned()),
                    Just("\r\n".to_owned()),
                    Just("\t".to_owned()),
                    Just("'''".to_owned()),
                    Just("<&>".to_owned()),
                    Just("@en".to_owned()),
                ],
            ],
            0..6,
        )
        .prop_map(|parts| parts.concat())
    }

    fn literal() -> impl Strategy<Value = Literal> {
        let xsd = |local: &str| {
            NamedNode::new(format!("http://www.w3.org/2001/XMLSchema#{local}")).unwrap()
        };
        prop_oneof![
            text().prop_map(Literal::new_simple_literal),
            (
                text(),
                prop_oneof![Just("en"), Just("fr"), Just("es-419"), Just("zh-Hans")]
            )
                .prop_map(|(t, lang)| Literal::new_language_tagged_literal(t, lang).unwrap()),
            any::<i64>().prop_map(Literal::from),
            any::<bool>().prop_map(Literal::from),
            (2006u16..2030, 1u8..13, 1u8..29).prop_map(move |(y, m, d)| {
                Literal::new_typed_literal(format!("{y}-{m:02}-{d:02}"), xsd("date"))
            }),
            (2006u16..2030)
                .prop_map(move |y| Literal::new_typed_literal(y.to_string(), xsd("gYear"))),
        ]
    }

    fn object() -> impl Strategy<Value = Term> {
        prop_oneof![
            2 => iri().prop_map(Term::from),
            1 => blank().prop_map(Term::from),
            3 => literal().prop_map(Term::from),
        ]
    }

    fn graph_name() -> impl Strategy<Value = GraphName> {
        prop_oneof![
            1 => Just(GraphName::DefaultGraph),
            2 => (0u8..3).prop_map(|n| {
                GraphName::from(NamedNode::new(format!("https://w3id.org/igfkg/id/graph/g{n}")).unwrap())
            }),
        ]
    }

    fn quad() -> impl Strategy<Value = Quad> {
        (subject(), iri(), object(), graph_name()).prop_map(|(s, p, o, g)| Quad::new(s, p, o, g))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Whatever the graph, each export parses back to it: the same
        /// dataset in N-Quads and TriG, the union of its graphs in Turtle,
        /// N-Triples, RDF/XML and JSON-LD.
        #[test]
        fn every_export_of_a_random_graph_parses_back_to_it(
            quads in proptest::collection::vec(quad(), 0..40),
        ) {
            let graph = KnowledgeGraph::new().unwrap();
            for quad in &quads {
                graph.insert(quad).unwrap();
            }
            let full = canonical(Dataset::from_iter(quads.iter().cloned()));
            let union = canonical(Dataset::from_iter(quads.iter().cloned().map(|q| {
                Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)
            })));
            for format in ExportFormat::ALL {
                let bytes = export(&graph, format);
                let parsed = canonical(parse(&bytes, format));
                let expected = if format.keeps_graphs() { &full } else { &union };
                prop_assert!(
                    &parsed == expected,
                    "{}: the export parses to another graph:\n{}",
                    format,
                    String::from_utf8_lossy(&bytes)
                );
            }
        }
    }
}
