//! Releases, validation and diffs.

use crate::util::{igfkg, root, stderr, stdout, workspace};
use std::collections::BTreeSet;
use std::path::Path;

/// Builds the bundled data in a fresh workspace and writes a release.
fn released(dir: &Path, name: &str) {
    let output = igfkg(dir, &["build", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = igfkg(
        dir,
        &[
            "release",
            name,
            "--created",
            "2026-11-24",
            "--sparql-endpoint",
            "https://example.org/sparql",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_release_holds_every_format_its_canonical_hash_and_a_description() {
    let dir = workspace();
    released(dir.path(), "release");
    let release = dir.path().join("release");
    let mut files: Vec<String> = std::fs::read_dir(&release)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            ".igfkg-release",
            "igfkg.canonical.nq",
            "igfkg.canonical.nq.sha256",
            "igfkg.context.jsonld",
            "igfkg.jsonld",
            "igfkg.nt",
            "igfkg.rdf",
            "igfkg.ttl",
            "ontology.ttl",
            "shapes.ttl",
            "void.ttl"
        ]
    );
    // The checksum file is in sha256sum's format and matches.
    let canonical = std::fs::read(release.join("igfkg.canonical.nq")).unwrap();
    let checksum = std::fs::read_to_string(release.join("igfkg.canonical.nq.sha256")).unwrap();
    assert_eq!(
        checksum,
        igfkg::publish::sha256sum_line(&canonical, "igfkg.canonical.nq")
    );
    // The JSON-LD refers to its context, a file of its own.
    let jsonld: serde_json::Value =
        serde_json::from_slice(&std::fs::read(release.join("igfkg.jsonld")).unwrap()).unwrap();
    assert_eq!(jsonld["@context"], "igfkg.context.jsonld");
    let context: serde_json::Value =
        serde_json::from_slice(&std::fs::read(release.join("igfkg.context.jsonld")).unwrap())
            .unwrap();
    assert_eq!(
        context["@context"]["igf"],
        "https://w3id.org/igfkg/ontology#"
    );
    // The ontology and shapes are the repository's.
    assert_eq!(
        std::fs::read(release.join("ontology.ttl")).unwrap(),
        std::fs::read(root().join("ontology/igfkg.ttl")).unwrap()
    );
    assert_eq!(
        std::fs::read(release.join("shapes.ttl")).unwrap(),
        std::fs::read(root().join("ontology/shapes.ttl")).unwrap()
    );
    // The description: what it says is true of the release.
    let graph = igfkg::KnowledgeGraph::new().unwrap();
    graph.load_file(&release.join("void.ttl")).unwrap();
    let one = |sparql: &str, variable: &str| {
        let igfkg::QueryOutcome::Solutions(rows) = graph.query(sparql).unwrap() else {
            panic!()
        };
        rows.iter()
            .next()
            .and_then(|r| r.text(variable).map(str::to_owned))
            .unwrap_or_default()
    };
    let triples: usize = one(
        "SELECT ?n WHERE { ?d a void:Dataset , dcat:Dataset ; void:triples ?n }",
        "n",
    )
    .parse()
    .unwrap();
    let nt = std::fs::read_to_string(release.join("igfkg.nt")).unwrap();
    assert_eq!(triples, nt.lines().count());
    assert_eq!(
        one("SELECT ?d WHERE { ?x dcterms:created ?d }", "d"),
        "2026-11-24"
    );
    assert_eq!(
        one("SELECT ?l WHERE { ?x dcterms:license ?l }", "l"),
        "https://creativecommons.org/licenses/by/4.0/"
    );
    assert_eq!(
        one("SELECT ?e WHERE { ?x void:sparqlEndpoint ?e }", "e"),
        "https://example.org/sparql"
    );
    assert_eq!(
        one(
            "SELECT (COUNT(?s) AS ?n) WHERE { ?x dcterms:source ?s }",
            "n"
        ),
        "5"
    );
    let messages = one(
        "SELECT ?n WHERE { ?x void:classPartition [ void:class igf:Message ; void:entities ?n ] }",
        "n",
    );
    // 48 + 52 + 137 messages (the 2017, Paris and 2019 documents).
    assert_eq!(messages, "237");
    for (file, media_type) in [
        ("igfkg.ttl", "text/turtle"),
        ("igfkg.jsonld", "application/ld+json"),
        ("igfkg.canonical.nq", "application/n-quads"),
    ] {
        let size = one(
            &format!(
                "SELECT ?size WHERE {{ ?d dcat:downloadURL <https://w3id.org/igfkg/release/latest/{file}> ;
                   dcat:byteSize ?size ; dcat:mediaType <https://www.iana.org/assignments/media-types/{media_type}> }}"
            ),
            "size",
        );
        assert_eq!(
            size.parse::<u64>().unwrap(),
            std::fs::metadata(release.join(file)).unwrap().len(),
            "{file}"
        );
    }
    assert!(stdout(&igfkg(dir.path(), &["validate"])).contains("conforms"));
}

#[test]
fn two_releases_of_the_same_inputs_have_the_same_canonical_hash() {
    let (a, b) = (workspace(), workspace());
    released(a.path(), "r");
    released(b.path(), "r");
    let hash =
        |dir: &Path| std::fs::read_to_string(dir.join("r/igfkg.canonical.nq.sha256")).unwrap();
    assert_eq!(hash(a.path()), hash(b.path()));
    // Releasing again into the same folder replaces it whole.
    // Releasing again into the same folder is refused without --force.
    let output = igfkg(a.path(), &["release", "r", "--created", "2030-01-01"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("pass --force"),
        "{}",
        stderr(&output)
    );
    let output = igfkg(
        a.path(),
        &["release", "r", "--created", "2030-01-01", "--force"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(hash(a.path()), hash(b.path()));
    assert!(
        std::fs::read_to_string(a.path().join("r/void.ttl"))
            .unwrap()
            .contains("\"2030-01-01\"^^xsd:date")
    );
}

#[test]
fn a_failed_release_leaves_the_earlier_one() {
    let dir = workspace();
    released(dir.path(), "release");
    let before = std::fs::read(dir.path().join("release/igfkg.ttl")).unwrap();
    std::fs::write(
        dir.path().join("broken.nq"),
        "<http://a> <http://b> \"open .\n",
    )
    .unwrap();
    let output = igfkg(
        dir.path(),
        &["release", "release", "--graph", "broken.nq", "--force"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read(dir.path().join("release/igfkg.ttl")).unwrap(),
        before
    );
    let output = igfkg(
        dir.path(),
        &[
            "release",
            "other",
            "--download-base",
            "https://example.org/no-slash",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("must end in '/'"));
    assert!(!dir.path().join("other").exists());
}

#[test]
fn validation_reports_each_violation_of_the_broken_graph() {
    let dir = tempfile::tempdir().unwrap();
    let broken = root().join("tests/data/broken.ttl");
    let output = igfkg(
        dir.path(),
        &[
            "validate",
            "--graph",
            broken.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("the graph does not conform to the shapes: 11 violations"),
        "{}",
        stderr(&output)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let violations = report.as_array().unwrap();
    let focus: BTreeSet<&str> = violations
        .iter()
        .map(|v| v["focus"].as_str().unwrap())
        .collect();
    // The nodes marked BROKEN in the fixture.
    let id = "https://w3id.org/igfkg/id/";
    let expected: BTreeSet<String> = [
        "http://metadata.un.org/sdg/19".to_owned(),
        format!("{id}fact/bad-qualifier"),
        format!("{id}meeting/2018"),
        format!("{id}message/bad-sdg"),
        format!("{id}message/no-source"),
        format!("{id}message/no-text"),
        format!("{id}message/two-years"),
        format!("{id}nri/no-name"),
    ]
    .into_iter()
    .collect();
    assert_eq!(focus, expected.iter().map(String::as_str).collect());
    let no_text = violations
        .iter()
        .find(|v| v["focus"].as_str().unwrap().ends_with("no-text"))
        .unwrap();
    assert_eq!(no_text["path"], "https://w3id.org/igfkg/ontology#text");
    assert_eq!(no_text["component"], "MinCountConstraintComponent");
    assert_eq!(no_text["severity"], "Violation");
    assert_eq!(
        no_text["message"],
        "A message has exactly one igf:text, tagged @en"
    );
    let bad_sdg = violations
        .iter()
        .find(|v| v["focus"].as_str().unwrap().ends_with("bad-sdg"))
        .unwrap();
    assert_eq!(bad_sdg["value"], "http://metadata.un.org/sdg/18");
    // The text report names focus node, path, value and message too.
    let output = igfkg(
        dir.path(),
        &["validate", "--graph", broken.to_str().unwrap()],
    );
    let text = stdout(&output);
    assert!(text.contains("https://w3id.org/igfkg/id/fact/bad-qualifier\n  InConstraintComponent on <https://w3id.org/igfkg/ontology#qualifier>: value is not one of the allowed values (value: https://w3id.org/igfkg/ontology#Roughly)"), "{text}");
}

#[test]
fn shapes_igfkg_cannot_honour_are_refused_with_their_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let broken = root().join("tests/data/broken.ttl");
    let validate = |shapes: &str| {
        let path = dir.path().join("my-shapes.ttl");
        std::fs::write(&path, shapes).unwrap();
        igfkg(
            dir.path(),
            &[
                "validate",
                "--graph",
                broken.to_str().unwrap(),
                "--shapes",
                path.to_str().unwrap(),
            ],
        )
    };
    let prefixes = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\
                    @prefix igf: <https://w3id.org/igfkg/ontology#> .\n";
    let cases = [
        // A term the validator does not implement: refused, not half checked.
        (
            "igf:S a sh:NodeShape ; sh:targetNode igf:n .",
            "my-shapes.ttl: the shapes cannot be used: https://w3id.org/igfkg/ontology#S: sh:targetNode is not supported",
        ),
        // Values of the wrong kind, which were ignored.
        (
            "igf:S a sh:NodeShape ; sh:targetClass igf:Message ;\n\
               sh:property [ sh:path igf:text ; sh:minCount \"many\" ] .",
            "my-shapes.ttl: the shapes cannot be used: _:",
        ),
        (
            "igf:S a sh:NodeShape ; sh:targetClass igf:Message ; sh:datatype 42 .",
            "sh:datatype \"42\"^^<http://www.w3.org/2001/XMLSchema#integer> is not an IRI",
        ),
        // A syntax error under the file's own name (it was "shapes.ttl").
        (
            "igf:S a sh:NodeShape ;\n  sh:targetClass .",
            "invalid shapes: ",
        ),
    ];
    for (shapes, expected) in cases {
        let output = validate(&format!("{prefixes}{shapes}"));
        assert_eq!(output.status.code(), Some(1), "{shapes}");
        let error = stderr(&output);
        assert!(error.contains(expected), "{shapes}: {error}");
        assert!(error.contains("my-shapes.ttl"), "{error}");
    }
    let output = validate(&format!(
        "{prefixes}igf:S a sh:NodeShape ; sh:targetClass igf:Message ;\n\
           sh:property [ sh:path igf:text ; sh:minCount \"many\" ] ."
    ));
    assert!(stderr(&output).contains("sh:minCount \"many\" is not a non-negative integer"));
    let output = validate(&format!(
        "{prefixes}igf:S a sh:NodeShape ;\n  sh:targetClass ."
    ));
    assert!(
        stderr(&output).contains("my-shapes.ttl:4:"),
        "{}",
        stderr(&output)
    );

    // sh:severity is read and reported; sh:deactivated turns a shape off.
    // broken.ttl has one message without igf:text and a message whose
    // igf:sdg is Goal 18.
    let output = validate(&format!(
        "{prefixes}igf:Texts a sh:NodeShape ; sh:targetClass igf:Message ; sh:severity sh:Warning ;\n\
           sh:property [ sh:path igf:text ; sh:minCount 1 ; sh:severity sh:Warning ] .\n\
         igf:Off a sh:NodeShape ; sh:targetClass igf:Message ; sh:deactivated true ;\n\
           sh:property [ sh:path igf:year ; sh:maxCount 0 ] ."
    ));
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("https://w3id.org/igfkg/id/message/no-text\n  Warning: MinCountConstraintComponent on <https://w3id.org/igfkg/ontology#text>"),
        "{text}"
    );
    assert!(
        !text.contains("#year"),
        "a deactivated shape was checked: {text}"
    );
    assert!(
        stderr(&output).contains("the graph does not conform to the shapes: 1 result (1 warning)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn diff_says_what_changed_grouped_by_subject() {
    let dir = workspace();
    released(dir.path(), "old");
    // Another year's press release says something else: change one figure.
    let path = dir
        .path()
        .join("data/sources/igf2018-opening-press-release.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("from over 99 countries", "from over 100 countries"),
    )
    .unwrap();
    released(dir.path(), "new");
    let output = igfkg(dir.path(), &["diff", "old", "new", "--exit-code"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("- <https://w3id.org/igfkg/id/fact/")
            && out.contains("\"99\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
        "{out}"
    );
    assert!(
        out.contains("\"100\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
        "{out}"
    );
    // Identical releases: nothing changed, exit 0.
    let output = igfkg(dir.path(), &["diff", "old", "old", "--exit-code"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("0 quads added, 0 removed, 0 subjects changed"));
    // Blank-node labels never show as changes.
    std::fs::write(
        dir.path().join("a.nq"),
        "<http://ex/s> <http://ex/p> _:one .\n_:one <http://ex/q> \"v\" .\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.nq"),
        "_:b0 <http://ex/q> \"v\" .\n<http://ex/s> <http://ex/p> _:b0 .\n",
    )
    .unwrap();
    let output = igfkg(dir.path(), &["diff", "a.nq", "b.nq", "--exit-code"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn a_release_for_a_host_redirects_the_persistent_iris_with_303() {
    let dir = workspace();
    let output = igfkg(dir.path(), &["build", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = igfkg(
        dir.path(),
        &[
            "release",
            "release",
            "--created",
            "2026-11-24",
            "--host",
            "https://igfkg.example.org/",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let htaccess = std::fs::read_to_string(dir.path().join("release/.htaccess")).unwrap();
    for rule in [
        "RewriteRule ^id/(.*)$ https://igfkg.example.org/id/$1 [R=303,NE,L]",
        "RewriteRule ^ontology/?$ https://igfkg.example.org/ontology [R=303,L]",
        "RewriteRule ^$ https://igfkg.example.org/ [R=303,L]",
    ] {
        assert!(htaccess.lines().any(|l| l == rule), "{rule}\n{htaccess}");
    }
    assert!(htaccess.contains("RewriteEngine on"));
    let bad = igfkg(
        dir.path(),
        &["release", "other", "--host", "igfkg.example.org"],
    );
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("--host \"igfkg.example.org\" is not an http(s) URL"),
        "{}",
        stderr(&bad)
    );
}

/// Issue 17: `release` deleted whatever the folder held, the build folder
/// too, and hid a file at the path after failing.
#[test]
fn a_release_never_replaces_what_igfkg_did_not_write() {
    let dir = workspace();
    let output = igfkg(dir.path(), &["build", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // A folder of the user's files.
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::write(dir.path().join("mine/notes.txt"), "keep me").unwrap();
    let output = igfkg(dir.path(), &["release", "mine", "--force"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is not an igfkg release"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine/notes.txt")).unwrap(),
        "keep me"
    );
    // The folder of the input graph, even with --force.
    let output = igfkg(dir.path(), &["release", "out", "--force"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("the graph this release is made from"),
        "{}",
        stderr(&output)
    );
    assert!(dir.path().join("out/igfkg.nq").is_file());
    // A file at the path: refused, nothing renamed, nothing left beside it.
    std::fs::write(dir.path().join("afile"), "a file").unwrap();
    let before: BTreeSet<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let output = igfkg(dir.path(), &["release", "afile"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is a file, not a release folder"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("afile")).unwrap(),
        "a file"
    );
    let after: BTreeSet<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before, after);
    // An empty folder is fine, and the release says what it is.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let output = igfkg(dir.path(), &["release", "empty"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        std::fs::read_to_string(dir.path().join("empty/.igfkg-release"))
            .unwrap()
            .starts_with("igfkg-release ")
    );
    // A bad date is refused before anything is written.
    let output = igfkg(dir.path(), &["release", "dated", "--created", "2026-13-99"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is not a date"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("dated").exists());
}
