//! The lean evidence level: the facts of a full build — nodes with their
//! source spans, links, echoes and alignments with their scores — without
//! the annotations of links and what echoes and alignments share.

use crate::util::{corpus, data_dir, igfkg, stderr, stdout, workspace};
use igfkg::query as catalogue;
use igfkg::rdf::{NamedOrBlankNode, Quad, Term};
use igfkg::{DataDir, EvidenceLevel, KnowledgeGraph, vocab};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The bundled corpus built at the lean level.
fn lean() -> &'static KnowledgeGraph {
    static LEAN: OnceLock<KnowledgeGraph> = OnceLock::new();
    LEAN.get_or_init(|| {
        let graph = KnowledgeGraph::new().unwrap();
        igfkg::Build::new(&DataDir::new(data_dir()))
            .evidence(EvidenceLevel::Lean)
            .run(&graph)
            .unwrap();
        graph
    })
}

fn quads(graph: &KnowledgeGraph) -> BTreeSet<String> {
    graph.quads().unwrap().iter().map(Quad::to_string).collect()
}

fn objects(quads: &[Quad], subjects: &BTreeSet<String>, predicate: &str) -> BTreeSet<String> {
    quads
        .iter()
        .filter(|q| q.predicate.as_str() == predicate && subjects.contains(&q.subject.to_string()))
        .filter_map(|q| match &q.object {
            Term::NamedNode(n) => Some(NamedOrBlankNode::from(n.clone()).to_string()),
            _ => None,
        })
        .collect()
}

fn typed(quads: &[Quad], class: &str) -> BTreeSet<String> {
    quads
        .iter()
        .filter(|q| {
            q.predicate == vocab::rdf::TYPE
                && matches!(&q.object, Term::NamedNode(n) if n.as_str() == class)
        })
        .map(|q| q.subject.to_string())
        .collect()
}

#[test]
fn a_lean_build_is_the_full_build_less_the_evidence_of_links_echoes_and_alignments() {
    let full_quads = corpus().0.quads().unwrap();
    let igf = "https://w3id.org/igfkg/ontology#";
    let oa = "http://www.w3.org/ns/oa#";
    // What the full build has and the lean one must not: each link
    // annotation, the specific resource it targets and that resource's
    // selectors …
    let links = typed(&full_quads, &format!("{igf}Link"));
    let targets = objects(&full_quads, &links, &format!("{oa}hasTarget"));
    let selectors = objects(&full_quads, &targets, &format!("{oa}hasSelector"));
    let annotation: BTreeSet<&String> = links.iter().chain(&targets).chain(&selectors).collect();
    // … and what each echo and alignment shares and is derived from.
    let mut similarities = typed(&full_quads, &format!("{igf}Echo"));
    similarities.extend(typed(&full_quads, &format!("{igf}Alignment")));
    let shared = [
        format!("{igf}sharedTerm"),
        format!("{igf}sharedTopic"),
        "http://www.w3.org/ns/prov#wasDerivedFrom".to_owned(),
    ];
    let expected_gone: BTreeSet<String> = full_quads
        .iter()
        .filter(|q| {
            let subject = q.subject.to_string();
            annotation.contains(&subject)
                || (similarities.contains(&subject)
                    && shared.iter().any(|p| p == q.predicate.as_str()))
        })
        .map(Quad::to_string)
        .collect();
    // The bundled documents make links (SDG 9 in a 2018 message, say) and
    // echoes (the 2019 message on encryption echoes the 2017 one).
    assert!(!links.is_empty() && !similarities.is_empty());

    let full = quads(&corpus().0);
    let lean = quads(lean());
    assert!(lean.is_subset(&full), "the lean build states nothing new");
    let gone: BTreeSet<String> = full.difference(&lean).cloned().collect();
    assert_eq!(gone, expected_gone);
    // Links, roll-ups, echoes and alignments all stay, as do source spans.
    for predicate in ["sdg", "topic", "nri", "addresses", "echoes", "sourceSpan"] {
        let iri = format!("<{igf}{predicate}>");
        let count = |set: &BTreeSet<String>| {
            set.iter()
                .filter(|q| q.split(' ').nth(1) == Some(iri.as_str()))
                .count()
        };
        assert_eq!(count(&lean), count(&full), "igf:{predicate}");
    }
}

#[test]
fn the_lean_graph_answers_the_cross_year_questions_and_conforms_to_the_shapes() {
    // The 2019 message on encryption echoes the 2017 one first, in both
    // graphs, with the same score.
    let message = |words: &str| {
        let found = corpus()
            .1
            .documents
            .iter()
            .flat_map(|d| &d.extraction.messages)
            .find(|m| m.text.starts_with(words))
            .unwrap();
        corpus().0.base().node(&found.id).as_str().to_owned()
    };
    let later = message("Balance between security, encryption, and human rights");
    let earlier = message("Encryption helps promote public security");
    let lean_echoes = catalogue::echoes_of(lean(), &later).unwrap();
    assert_eq!(lean_echoes[0].message.as_str(), earlier);
    assert_eq!(
        lean_echoes,
        catalogue::echoes_of(&corpus().0, &later).unwrap()
    );
    assert_eq!(
        catalogue::theme_alignment(lean()).unwrap(),
        catalogue::theme_alignment(&corpus().0).unwrap()
    );
    // The goals of 2018, 7, 8, 9 and 17 (the Paris messages), are stated
    // without their annotations.
    let coverage = catalogue::sdg_coverage(lean()).unwrap();
    let goals_2018: Vec<i64> = coverage
        .iter()
        .filter(|g| g.year == 2018)
        .map(|g| g.goal)
        .collect();
    assert_eq!(goals_2018, [7, 8, 9, 17]);
    assert_eq!(coverage, catalogue::sdg_coverage(&corpus().0).unwrap());

    let validator = igfkg::publish::Validator::standard().unwrap();
    assert_eq!(validator.validate(lean()).unwrap(), []);
}

#[test]
fn build_takes_the_evidence_level_and_refuses_an_unknown_one() {
    let dir = workspace();
    let output = igfkg(dir.path(), &["build", "--evidence", "lean"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Built 5 documents"));
    let turtle = std::fs::read_to_string(dir.path().join("out/igfkg.ttl")).unwrap();
    assert!(turtle.contains("igf:sdg"));
    assert!(!turtle.contains("igf:Link"));

    let output = igfkg(dir.path(), &["build", "--evidence", "some"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown evidence level \"some\"; use full or lean"),
        "{}",
        stderr(&output)
    );
}
