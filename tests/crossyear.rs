//! Cross-year relations and the catalogue of named questions, each answer
//! worked out by reading the documents.

use crate::util::{corpus, data_dir, igfkg, stderr, stdout, workspace};
use igfkg::query::{self as catalogue, CatalogueError};
use igfkg::{BuildOptions, DataDir, KnowledgeGraph};
use std::collections::BTreeSet;

fn graph() -> &'static KnowledgeGraph {
    &corpus().0
}

/// The IRI of the message whose text starts with `words`.
fn message(words: &str) -> String {
    let found: Vec<_> = corpus()
        .1
        .documents
        .iter()
        .flat_map(|d| &d.extraction.messages)
        .filter(|m| m.text.starts_with(words))
        .collect();
    assert_eq!(found.len(), 1, "{words}");
    graph().base().node(&found[0].id).as_str().to_owned()
}

const ENCRYPTION_2017: &str = "Encryption helps promote public security";
const ENCRYPTION_2019: &str = "Balance between security, encryption, and human rights";

#[test]
fn topics_discussed_in_every_year() {
    let topics: BTreeSet<String> = catalogue::topics_every_year(graph())
        .unwrap()
        .into_iter()
        .map(|t| t.topic.as_str().rsplit('/').next().unwrap().to_owned())
        .collect();
    for topic in [
        "multistakeholder-governance",
        "cybersecurity",
        "human-rights-online",
        "artificial-intelligence",
        "gender",
    ] {
        assert!(topics.contains(topic), "{topic} in {topics:?}");
    }
    // Zero rating is only discussed in 2017 (the Dynamic Coalitions session).
    assert!(!topics.contains("zero-rating"));
}

#[test]
fn the_encryption_timeline() {
    // One message a year speaks of encryption: 2017 line 10, 2018 line 141
    // ("reinforcement of encryption mechanism"), 2019 line 157.
    let timeline = catalogue::topic_timeline(graph(), "encryption").unwrap();
    let years: Vec<(i64, i64)> = timeline.iter().map(|t| (t.year, t.messages)).collect();
    assert_eq!(years, [(2017, 1), (2018, 1), (2019, 1)]);
    assert!(timeline[0].example.starts_with(ENCRYPTION_2017));
    assert!(timeline[2].example.starts_with(ENCRYPTION_2019));
}

#[test]
fn the_2017_and_2019_messages_on_encryption_are_linked() {
    let lineage = catalogue::topic_lineage(graph(), "encryption").unwrap();
    assert!(
        lineage.iter().any(|l| l.earlier_year == 2017
            && l.earlier_text.starts_with(ENCRYPTION_2017)
            && l.later_year == 2019
            && l.later_text.starts_with(ENCRYPTION_2019)),
        "{lineage:#?}"
    );
    // From either end.
    let echoes = catalogue::echoes_of(graph(), &message(ENCRYPTION_2019)).unwrap();
    assert_eq!(echoes[0].rank, Some(1));
    assert_eq!(echoes[0].message.as_str(), message(ENCRYPTION_2017));
    let echoed = catalogue::echoed_by(graph(), &message(ENCRYPTION_2017)).unwrap();
    assert!(
        echoed
            .iter()
            .any(|e| e.message.as_str() == message(ENCRYPTION_2019) && e.year == 2019)
    );
    // The evidence names the words they share.
    let rows = crate::util::column(
        &format!(
            "SELECT ?term WHERE {{ ?e igf:later <{}> ; igf:earlier <{}> ; igf:sharedTerm ?term }}",
            message(ENCRYPTION_2019),
            message(ENCRYPTION_2017)
        ),
        "term",
    );
    assert!(rows.contains(&"encryption".to_owned()), "{rows:?}");
}

#[test]
fn the_2018_net_neutrality_messages_echo_the_2017_netneutrality_message() {
    // The 2017 messages write the topic as one word ("With regard to
    // netneutrality and zero-rating", line 53), the Paris messages as two
    // ("Enforcing net neutrality is crucial", line 143, and lines 145, 147
    // and 163). Lineage splits a word its corpus also writes apart, so the
    // two years share the term "neutrality" and the thread 2017 → 2018 is
    // there.
    let lineage = catalogue::topic_lineage(graph(), "net-neutrality").unwrap();
    let thread: Vec<_> = lineage
        .iter()
        .filter(|l| {
            l.earlier_year == 2017
                && l.earlier_text
                    .contains("With regard to netneutrality and zero-rating")
                && l.later_year == 2018
                && l.later_text.to_lowercase().contains("net neutrality")
        })
        .collect();
    assert!(!thread.is_empty(), "{lineage:#?}");
    let rows = crate::util::column(
        &format!(
            "SELECT ?term WHERE {{ ?e igf:later <{}> ; igf:earlier <{}> ; igf:sharedTerm ?term }}",
            thread[0].later.as_str(),
            thread[0].earlier.as_str()
        ),
        "term",
    );
    assert!(rows.contains(&"neutrality".to_owned()), "{rows:?}");
}

#[test]
fn every_echo_points_back_in_time() {
    let rows = crate::util::select(
        "SELECT ?later ?earlier WHERE { ?later igf:echoes ?earlier . ?later igf:year ?ly . ?earlier igf:year ?ey FILTER(?ey >= ?ly) }",
    );
    assert!(rows.is_empty(), "{rows:?}");
    let top_k = crate::util::select(
        "SELECT ?m (COUNT(?e) AS ?n) WHERE { ?m igf:echoes ?e } GROUP BY ?m HAVING (COUNT(?e) > 3)",
    );
    assert!(
        top_k.is_empty(),
        "no message echoes more than top_k = 3 messages"
    );
}

#[test]
fn lineage_threshold_and_top_k_are_configurable() {
    let build = |threshold: f64, top_k: usize| {
        let graph = KnowledgeGraph::new().unwrap();
        let mut relations = BuildOptions::default().relations;
        relations.lineage.threshold = threshold;
        relations.lineage.top_k = top_k;
        igfkg::Build::new(&DataDir::new(data_dir()))
            .relations(relations)
            .run(&graph)
            .unwrap()
            .relations
            .echoes
    };
    let one = build(0.2, 1);
    assert!(one.iter().all(|e| e.rank == 1));
    assert!(!one.is_empty());
    assert!(
        build(0.95, 3).is_empty(),
        "no two messages of the corpus are that alike"
    );
    let default = &corpus().1.relations.echoes;
    assert!(default.len() > one.len());
    assert!(default.iter().all(|e| e.score >= 0.2));
}

#[test]
fn themes_align_across_years() {
    let matches = catalogue::theme_alignment(graph()).unwrap();
    let has = |later: &str, earlier: &str| {
        matches
            .iter()
            .any(|m| m.later_label == later && m.earlier_label == earlier)
    };
    // The examples of the specification, by reading the titles and messages.
    assert!(has(
        "Cybersecurity, trust & privacy",
        "Empowering global cooperation on cybersecurity for sustainable development and peace"
    ));
    assert!(has(
        "Security, Safety, Stability and Resilience",
        "Cybersecurity, trust & privacy"
    ));
    // The Dynamic Coalitions main sessions of 2017 and 2019 are each other's
    // match: the same coalitions, though 2019's speaks of the SDGs and
    // 2017's of the digital future, so they overlap (relatedMatch) rather
    // than being about the same thing.
    let dc = matches
        .iter()
        .find(|m| m.later_label == "Dynamic Coalitions – Joint Efforts to achieve the SDGs")
        .unwrap();
    assert_eq!(
        dc.earlier_label,
        "Dynamic Coalitions: Contribute to the digital future!"
    );
    // 2018's governance theme and 2017's governance session, likewise.
    assert!(matches.iter().any(|m| m.close
        && m.later_label == "Evolution of Internet governance"
        && m.earlier_label == "Shaping our future digital global governance"));
    // Matches always point to an earlier year, and SKOS sees them both ways.
    assert!(matches.iter().all(|m| m.earlier_year < m.later_year));
    let symmetric = crate::util::select(
        "SELECT ?a ?b WHERE { ?a skos:closeMatch ?b FILTER NOT EXISTS { ?b skos:closeMatch ?a } }",
    );
    assert!(symmetric.is_empty());
}

#[test]
fn the_technical_theme_and_the_2017_coalitions_speak_of_net_neutrality() {
    let units: Vec<(i64, String)> = catalogue::topic_sessions(graph(), "net-neutrality")
        .unwrap()
        .into_iter()
        .map(|u| (u.year, u.label))
        .collect();
    assert!(
        units.contains(&(2018, "Technical & operational topics".to_owned())),
        "{units:?}"
    );
    assert!(
        units.contains(&(
            2017,
            "Dynamic Coalitions: Contribute to the digital future!".to_owned()
        )),
        "{units:?}"
    );
}

#[test]
fn topics_that_appear_or_fade() {
    let trends = catalogue::topic_trends(graph()).unwrap();
    let trend = |topic: &str| {
        trends
            .iter()
            .find(|t| t.topic.as_str().ends_with(&format!("/{topic}")))
            .map(|t| (t.first, t.last, t.trend.as_str()))
    };
    // IPv6: Paris line 139 and the 2019 recommendations, not 2017.
    assert_eq!(trend("ipv6"), Some((2018, 2019, "appears")));
    // Internet shutdowns and zero rating: only the 2017 messages.
    assert_eq!(trend("internet-shutdowns"), Some((2017, 2017, "fades")));
    assert_eq!(trend("zero-rating"), Some((2017, 2017, "fades")));
    // Cybersecurity is in every year: no trend.
    assert_eq!(trend("cybersecurity"), None);
}

#[test]
fn sdg_coverage_per_year_and_nodes_per_goal() {
    let coverage = catalogue::sdg_coverage(graph()).unwrap();
    let goals = |year: i64| {
        coverage
            .iter()
            .filter(|c| c.year == year)
            .map(|c| c.goal)
            .collect::<Vec<_>>()
    };
    assert_eq!(goals(2017), Vec::<i64>::new());
    assert_eq!(goals(2018), [7, 8, 9, 17]);
    assert_eq!(goals(2019), [2, 3, 5, 6, 7, 9, 10, 11, 13, 16, 17]);
    let nine: Vec<(i64, String, String)> = catalogue::sdg_nodes(graph(), "9")
        .unwrap()
        .into_iter()
        .map(|n| (n.year, n.kind, n.label.chars().take(40).collect()))
        .collect();
    let expect = |year: i64, kind: &str, label: &str| (year, kind.to_owned(), label.to_owned());
    assert_eq!(
        nine,
        [
            expect(2018, "message", "This goal is inseparable from the Sustai"),
            expect(2018, "theme", "Digital inclusion & accessibility"),
            expect(2019, "message", "SDG 9 “Industry, Innovation and Infrastr"),
            expect(2019, "session", "Dynamic Coalitions – Joint Efforts to ac"),
        ]
    );
}

#[test]
fn nris_per_year_by_kind() {
    let nris = catalogue::nris_per_year(graph()).unwrap();
    assert!(
        nris.iter().all(|n| n.year == 2019),
        "only the 2019 reports name NRIs"
    );
    assert_eq!(nris.len(), 19);
    // Each NRI is written once, on its line of the NRIs session's roster
    // (2019 reports lines 298-316): one mention each, not the session's and
    // a message's.
    assert!(nris.iter().all(|n| n.mentions == 1), "{nris:?}");
    let by_kind: Vec<(i64, String, i64)> = catalogue::nris_by_kind(graph())
        .unwrap()
        .into_iter()
        .map(|k| (k.year, k.kind, k.nris))
        .collect();
    let k = |kind: &str, n: i64| (2019, kind.to_owned(), n);
    assert_eq!(
        by_kind,
        [
            k("NationalNri", 16),
            k("RegionalNri", 1),
            k("SubRegionalNri", 1),
            k("YouthNri", 1)
        ]
    );
}

#[test]
fn groups_addressed_people_and_organisations() {
    let groups = catalogue::groups_addressed(graph()).unwrap();
    for group in ["Government", "Private sector", "Civil society"] {
        assert!(
            groups.iter().any(|g| g.year == 2017 && g.label == group),
            "{group}"
        );
    }
    let people = catalogue::people(graph()).unwrap();
    assert_eq!(people.len(), 13);
    let feakin = people.iter().find(|p| p.name == "Tobias Feakin").unwrap();
    assert_eq!(
        (
            feakin.role.as_str(),
            feakin.organisation.as_deref(),
            feakin.group.as_deref()
        ),
        ("Keynote", Some("Australian Government"), Some("Government"))
    );
    // "Amit Ashkenazi. Israel National Cyber Directorate. Israel." (2019
    // reports line 33) writes no group: igfkg infers it from the
    // directorate, and says so; "Alexander Isavnin. RosKomSvoboda. Russia.
    // Civil Society." (line 32) states it.
    let ashkenazi = people.iter().find(|p| p.name == "Amit Ashkenazi").unwrap();
    assert_eq!(
        (
            ashkenazi.group.as_deref(),
            ashkenazi.group_basis.as_deref(),
            ashkenazi.group_confidence
        ),
        (Some("Government"), Some("inferred"), Some(0.8))
    );
    let isavnin = people
        .iter()
        .find(|p| p.name == "Alexander Isavnin")
        .unwrap();
    assert_eq!(
        (isavnin.group_basis.as_deref(), isavnin.group_confidence),
        (Some("stated"), None)
    );
    let organisations = catalogue::organisations(graph()).unwrap();
    for (year, name) in [
        (2018, "CNIL"),
        (2018, "OECD"),
        (2018, "UNESCO"),
        (2019, "RIPE NCC"),
        (2019, "Council of Europe"),
    ] {
        assert!(
            organisations
                .iter()
                .any(|o| o.year == year && o.name == name),
            "{year} {name}"
        );
    }
}

#[test]
fn consistent_figures_are_not_disagreements() {
    // "over 99 countries" (press release) and "143 countries" (WSIS input),
    // "over 70 workshops" (press release) and "71 workshops" (Paris
    // Messages) can all be true: the bundled sources disagree on nothing.
    let facts = catalogue::disagreeing_facts(graph()).unwrap();
    assert!(facts.is_empty(), "{facts:?}");
}

#[test]
fn everything_derived_from_one_document() {
    let nodes = catalogue::document_contents(graph(), "igf2017-messages").unwrap();
    let count = |class: &str| nodes.iter().filter(|n| n.class == class).count();
    assert_eq!(
        (count("Session"), count("Message"), count("Statement")),
        (8, 48, 2)
    );
    assert_eq!(
        (nodes[0].line, nodes[0].label.as_str()),
        (Some(1), "IGF 2017 Messages")
    );
}

#[test]
fn full_text_search_is_ranked() {
    // "net neutrality" with a space: the four Paris messages of lines 143,
    // 145, 147 and 163 (the 2017 messages write "netneutrality").
    let hits = catalogue::search(graph(), "Net Neutrality").unwrap();
    assert_eq!(hits.len(), 4);
    assert!(hits.iter().all(|h| h.year == 2018));
    // "encryption" four times in the 2017 message, once elsewhere.
    let hits = catalogue::search(graph(), "encryption").unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits[0].text.starts_with(ENCRYPTION_2017));
    assert_eq!(hits[0].hits, 4.0);
    // Characters special to regular expressions are data.
    assert!(
        catalogue::search(graph(), "(e.g.")
            .unwrap()
            .iter()
            .all(|h| h.text.contains("(e.g."))
    );
    assert!(!catalogue::search(graph(), "(e.g.").unwrap().is_empty());
}

#[test]
fn hostile_values_never_change_a_query() {
    let hostile = "\"} ; DROP ALL ; {\"";
    let before = graph().len().unwrap();
    for question in catalogue::catalogue() {
        for param in &question.params {
            let values = [(param.name.as_str(), hostile)];
            match question.run(graph(), &values) {
                // Free text is a literal: the query runs and finds nothing.
                Ok(igfkg::QueryOutcome::Solutions(rows)) => {
                    assert!(rows.is_empty(), "{}", question.name)
                }
                Ok(other) => panic!("{}: {other:?}", question.name),
                // Anything else is not a valid value, or names no node of
                // its kind, and is refused before the question's query runs.
                Err(CatalogueError::InvalidValue { .. } | CatalogueError::UnknownValue { .. }) => {}
                Err(error) => panic!("{}: {error}", question.name),
            }
        }
    }
    assert_eq!(graph().len().unwrap(), before);
    // A hostile IRI-like value cannot smuggle in SPARQL either.
    let error = catalogue::echoes_of(graph(), "http://x> } ; DROP ALL ; { <y").unwrap_err();
    assert!(
        matches!(error, CatalogueError::InvalidValue { .. }),
        "{error}"
    );
}

#[test]
fn named_questions_from_the_command_line() {
    let dir = workspace();
    assert!(igfkg(dir.path(), &["build", "--quiet"]).status.success());
    let output = igfkg(dir.path(), &["query", "--list"]);
    let list = stdout(&output);
    assert_eq!(
        list.lines().filter(|l| !l.starts_with(' ')).count(),
        catalogue::catalogue().len()
    );
    assert!(list.contains("topic-timeline\n    How many messages speak of a topic each year"));
    let output = igfkg(
        dir.path(),
        &[
            "query",
            "--named",
            "topic-timeline",
            "--param",
            "topic=encryption",
            "--format",
            "csv",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    assert!(csv.starts_with("topic,year,messages,example\r\nhttps://w3id.org/igfkg/id/topic/encryption,2017,1,\"Encryption helps"), "{csv}");
    let output = igfkg(
        dir.path(),
        &["query", "--named", "disagreeing-facts", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["results"]["bindings"].as_array().unwrap().is_empty());
    // Errors: an unknown question, a missing or unknown parameter, a bad value.
    let error = |args: &[&str], fragment: &str| {
        let output = igfkg(dir.path(), args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stderr(&output).contains(fragment), "{}", stderr(&output));
    };
    error(
        &["query", "--named", "nope"],
        "no question named \"nope\"; `igfkg query --list` lists them",
    );
    error(
        &["query", "--named", "topic-timeline"],
        "needs the parameter topic",
    );
    error(
        &[
            "query",
            "--named",
            "topic-timeline",
            "--param",
            "topic=encryption",
            "--param",
            "year=2",
        ],
        "has no parameter \"year\"",
    );
    error(
        &["query", "--named", "sdg-nodes", "--param", "goal=18"],
        "a goal number is 1 to 17",
    );
    error(
        &["query", "--named", "search", "--param", "text"],
        "is not NAME=VALUE",
    );
}

#[test]
fn figures_that_cannot_both_be_true_are_disagreements() {
    // Figures of the shapes the sources write ("more than 70 workshops",
    // "71 workshops", "about 100 NRIs", "at least 20 open sessions"), as a
    // graph a user could load: which pairs cannot both hold.
    let dir = tempfile::tempdir().unwrap();
    let facts = [
        // (kind, value, qualifier, source)
        ("Workshops", 70, "MoreThan", "a"),
        ("Workshops", 70, "Exact", "b"), // not more than 70: conflict
        ("Countries", 99, "MoreThan", "a"),
        ("Countries", 143, "Exact", "b"), // agrees
        ("NriCount", 100, "About", "a"),
        ("NriCount", 125, "Exact", "b"), // more than a tenth off: conflict
        ("OpenSessions", 20, "AtLeast", "a"),
        ("OpenSessions", 20, "Exact", "b"), // agrees
        ("Journalists", 80, "AtLeast", "a"),
        ("Journalists", 75, "About", "b"), // 80 is within a tenth of 75: agrees
    ];
    let mut turtle = String::from(
        "@prefix igf: <https://w3id.org/igfkg/ontology#> .\n@prefix prov: <http://www.w3.org/ns/prov#> .\n@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n",
    );
    for (i, (kind, value, qualifier, source)) in facts.iter().enumerate() {
        turtle.push_str(&format!(
            "<urn:fact:{i}> a igf:Fact ; igf:about <urn:meeting:2018> ; igf:factKind igf:{kind} ; rdf:value {value} ; igf:qualifier igf:{qualifier} ; prov:wasDerivedFrom <urn:document:{source}> .\n"
        ));
    }
    let path = dir.path().join("facts.ttl");
    std::fs::write(&path, turtle).unwrap();
    let output = igfkg(
        dir.path(),
        &[
            "query",
            "--graph",
            path.to_str().unwrap(),
            "--named",
            "disagreeing-facts",
            "--format",
            "csv",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let rows: Vec<String> = stdout(&output)
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            format!("{} {} {}", cells[1], cells[2], cells[3])
        })
        .collect();
    assert_eq!(
        rows,
        [
            "NriCount 100 About",
            "NriCount 125 Exact",
            "Workshops 70 MoreThan",
            "Workshops 70 Exact"
        ]
    );
}

#[test]
fn the_catalogues_example_graph_is_part_of_the_bundled_build() {
    // The typed functions' doc examples read crates/query/fixtures/
    // security.ttl, which security.rq cut from the bundled build: it must
    // still be exactly what that query gives, or the examples document a
    // graph igfkg no longer builds (regenerate it as security.rq says).
    let fixtures = crate::util::root().join("crates/query/fixtures");
    let cut = std::fs::read_to_string(fixtures.join("security.rq")).unwrap();
    let triples = |outcome| match outcome {
        igfkg::QueryOutcome::Graph(triples) => triples
            .into_iter()
            .map(|t: igfkg::rdf::Triple| t.to_string())
            .collect::<BTreeSet<_>>(),
        other => panic!("{other:?}"),
    };
    let built = triples(graph().query(&cut).unwrap());
    let example = KnowledgeGraph::new().unwrap();
    let turtle = std::fs::read(fixtures.join("security.ttl")).unwrap();
    example
        .load(igfkg::rdf::RdfFormat::Turtle, &turtle[..])
        .unwrap();
    let written = triples(example.query("CONSTRUCT WHERE { ?s ?p ?o }").unwrap());
    let missing: Vec<_> = built.difference(&written).take(5).collect();
    let extra: Vec<_> = written.difference(&built).take(5).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "security.ttl differs from what security.rq cuts from the bundled build: \
         missing {missing:?}, not built {extra:?}"
    );
    // The cut holds what the examples say: the three messages on encryption,
    // of 2017, 2018 and 2019, and the 19 NRIs of the 2019 NRI session.
    let years = catalogue::topic_timeline(&example, "encryption").unwrap();
    assert_eq!(
        years.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2017, 2018, 2019]
    );
    assert_eq!(catalogue::nris_per_year(&example).unwrap().len(), 19);
}
