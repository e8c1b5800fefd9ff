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
