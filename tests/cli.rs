//! The `igfkg` command line: the main job, and bad input to every command.

use crate::util::{assert_error, built, igfkg, stderr, stdout, workspace};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn build_writes_turtle_and_nquads_and_prints_the_counts() {
    let dir = workspace();
    let output = igfkg(dir.path(), &["build"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.starts_with("Built 5 documents into "), "{out}");
    // Counts established by reading the documents.
    for row in [
        "igf2017-messages              │ messages-by-session │ 0      │ 8        │ 48",
        "igf2018-paris-messages        │ messages-by-theme   │ 8      │ 0        │ 52",
        "igf2019-session-reports       │ session-reports     │ 2      │ 10       │ 137",
    ] {
        assert!(out.contains(row), "{out}\nshould contain\n{row}");
    }
    assert!(out.contains("igf:Meeting          │ 20"), "{out}");
    assert!(out.contains("sdgo:Goal            │ 17"), "{out}");
    // The 32 empty report fields are listed, with the 6 notes of fields
    // that say they do not apply (2019 reports lines 66, 70, 177, 181) and
    // of pointers to recordings the text does not link (lines 84, 195).
    // The table's column counts the 32 warnings; the heading says both.
    assert!(out.contains("32 warnings and 6 notes:"), "{out}");
    assert!(
        out.contains("igf2019-session-reports.txt:84:1: report"),
        "{out}"
    );
    assert!(out.contains("data/sources/igf2019-session-reports.txt:217:1: report \"Digital Cooperation and Internet governance\": field 1 (Key Policy Questions and Expectations) is empty"));
    let ttl = std::fs::read(dir.path().join("out/igfkg.ttl")).unwrap();
    let nq = std::fs::read_to_string(dir.path().join("out/igfkg.nq")).unwrap();
    assert!(ttl.starts_with(b"@prefix "));
    assert!(nq.lines().all(|l| l.ends_with(" .")));
    // A second build gives the same bytes.
    let again = igfkg(dir.path(), &["build", "--quiet"]);
    assert!(again.status.success());
    assert!(stdout(&again).is_empty());
    assert!(std::fs::read(dir.path().join("out/igfkg.ttl")).unwrap() == ttl);
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for command in [
        &["--help"][..],
        &["build", "--help"],
        &["query", "--help"],
        &["export", "--help"],
        &["stats", "--help"],
        &["ingest", "--help"],
    ] {
        let output = igfkg(dir.path(), command);
        assert!(output.status.success(), "{command:?}");
        assert!(stdout(&output).contains("Usage: igfkg"), "{command:?}");
    }
}

#[test]
fn query_writes_every_result_format() {
    let dir = built();
    let sparql = "SELECT ?year ?city WHERE { ?m a igf:Meeting ; igf:year ?year ; igf:hostCity ?city FILTER(?year IN (2017, 2018)) } ORDER BY ?year";
    let run = |format: &str| {
        let output = igfkg(dir.path(), &["query", sparql, "--format", format]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        stdout(&output)
    };
    assert_eq!(
        run("table"),
        "year │ city\n─────┼───────\n2017 │ Geneva\n2018 │ Paris\n2 rows\n"
    );
    assert_eq!(run("csv"), "year,city\r\n2017,Geneva\r\n2018,Paris\r\n");
    assert_eq!(
        run("tsv"),
        "?year\t?city\n2017\t\"Geneva\"@en\n2018\t\"Paris\"@en\n"
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["results"]["bindings"][1]["city"]["value"], "Paris");
    assert!(run("xml").contains("<literal xml:lang=\"en\">Geneva</literal>"));
    // CONSTRUCT results in RDF formats.
    let output = igfkg(
        dir.path(),
        &[
            "query",
            "CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m igf:year 2019 ; a igf:Meeting ; rdfs:label ?l }",
            "--format",
            "turtle",
        ],
    );
    assert_eq!(
        stdout(&output),
        "@prefix meeting: <https://w3id.org/igfkg/id/meeting/> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\nmeeting:2019 rdfs:label \"IGF 2019 (14th IGF, Berlin)\"@en .\n"
    );
    // A query from a file, and results to a file.
    std::fs::write(dir.path().join("q.rq"), "ASK { ?s a igf:Theme }").unwrap();
    let output = igfkg(dir.path(), &["query", "q.rq", "--output", "answer.txt"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("answer.txt")).unwrap(),
        "true\n"
    );
}

#[test]
fn export_and_stats_read_the_built_graph() {
    let dir = built();
    for format in ["turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld"] {
        let file = format!("export.{format}");
        let output = igfkg(
            dir.path(),
            &["export", "--format", format, "--output", &file],
        );
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        assert!(
            std::fs::metadata(dir.path().join(&file)).unwrap().len() > 100_000,
            "{format}"
        );
    }
    // The Turtle export of the dump is the Turtle the build wrote.
    assert!(
        std::fs::read(dir.path().join("export.turtle")).unwrap()
            == std::fs::read(dir.path().join("out/igfkg.ttl")).unwrap()
    );
    let output = igfkg(dir.path(), &["stats"]);
    assert!(output.status.success());
    let out = stdout(&output);
    assert!(out.contains("7 named graphs"), "{out}");
    assert!(out.contains("igf:Session"), "{out}");
    // A column for each year the documents are about (2017, 2018 and 2019,
    // data/corpus.toml), not one for each of the 20 meetings.
    let header = out.lines().find(|l| l.starts_with("class")).unwrap();
    let columns: Vec<&str> = header.split('│').map(str::trim).collect();
    assert_eq!(columns, ["class", "total", "2017", "2018", "2019"]);
}

#[test]
fn stats_as_json_count_each_class_in_the_years_of_its_documents() {
    let dir = built();
    let output = igfkg(dir.path(), &["stats", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stats: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(stats["years"], serde_json::json!([2017, 2018, 2019]));
    assert_eq!(stats["graphs"], 7);
    let class = |name: &str| crate::util::named(&stats["classes"], name);
    // 48 messages in the 2017 Messages, 52 in the Paris Messages, 137 in
    // the 2019 reports.
    let messages = class("igf:Message");
    assert_eq!(messages["total"], 237);
    assert_eq!(
        messages["perYear"],
        serde_json::json!({"2017": 48, "2018": 52, "2019": 137})
    );
    // Statements and people have no igf:year of their own: a statement
    // counts in its meeting's year (the 2017 Messages' 2 statements), a
    // person in the years of the documents that name them (the speakers
    // and facilitators of the 2019 reports only).
    assert_eq!(class("igf:Statement")["perYear"]["2017"], 2);
    let people = class("foaf:Person")["perYear"].clone();
    let years: Vec<&String> = people.as_object().unwrap().keys().collect();
    assert_eq!(years, ["2019"]);
}

#[test]
fn ingest_previews_a_document() {
    let dir = workspace();
    let output = igfkg(
        dir.path(),
        &[
            "ingest",
            "data/sources/igf2017-messages.txt",
            "--format",
            "messages-by-session",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with(
            "data/sources/igf2017-messages.txt: 0 themes, 8 sessions, 48 messages, 2 statements"
        ),
        "{out}"
    );
    assert!(out.contains("session 5 (line 45): Dynamic Coalitions: Contribute to the digital future! [Main session] — 5 messages"), "{out}");
    let output = igfkg(
        dir.path(),
        &[
            "ingest",
            "data/sources/igf2018-paris-messages.md",
            "--format",
            "messages-by-theme",
            "--json",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["themes"].as_array().unwrap().len(), 8);
    assert_eq!(json["messages"][0]["year"], 2018);
    // Previewing writes nothing.
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_broken_pipe_is_not_an_error() {
    let dir = built();
    let mut child = Command::new(env!("CARGO_BIN_EXE_igfkg"))
        .args(["export", "--format", "ntriples"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe closes here, long before the 1.5 MB export is written.
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{err}");
    assert!(err.is_empty(), "{err}");
}

/// Edits the manifest of a workspace.
fn edit_manifest(dir: &Path, edit: impl Fn(&str) -> String) {
    let path = dir.join("data/corpus.toml");
    let manifest = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&manifest)).unwrap();
}

/// Runs a strict build that must fail, and checks that it left the
/// previous build's files as they were (without `--strict` the build leaves
/// the bad document out and builds the others: see `records::`).
fn failing_build(dir: &Path, fragments: &[&str]) {
    let before = std::fs::read(dir.join("out/igfkg.ttl")).ok();
    let output = igfkg(dir, &["build", "--strict"]);
    assert_error(&output, fragments);
    assert_eq!(
        std::fs::read(dir.join("out/igfkg.ttl")).ok(),
        before,
        "a failed build changed out/igfkg.ttl"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("out"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        leftovers
            .iter()
            .all(|f| !f.to_string_lossy().ends_with(".tmp")),
        "{leftovers:?}"
    );
}

#[test]
fn build_refuses_a_manifest_entry_with_a_missing_file() {
    let dir = built();
    edit_manifest(dir.path(), |m| {
        m.replace(
            "sources/igf2017-messages.txt",
            "sources/igf2017-missing.txt",
        )
    });
    failing_build(
        dir.path(),
        &[
            "data/corpus.toml:22:8: document \"igf2017-messages\": file",
            "igf2017-missing.txt does not exist",
        ],
    );
}

#[test]
fn build_refuses_an_unknown_format() {
    let dir = built();
    edit_manifest(dir.path(), |m| {
        m.replace(
            "format = \"narrative\"\npath = \"sources/igf2018-opening",
            "format = \"press\"\npath = \"sources/igf2018-opening",
        )
    });
    failing_build(
        dir.path(),
        &[
            "data/corpus.toml:54:10: unknown document format \"press\"",
            "use one of messages-by-session",
        ],
    );
}

#[test]
fn build_refuses_a_document_that_does_not_match_its_format() {
    let dir = built();
    edit_manifest(dir.path(), |m| {
        m.replacen(
            "format = \"messages-by-session\"",
            "format = \"session-reports\"",
            1,
        )
    });
    failing_build(
        dir.path(),
        &[
            "data/sources/igf2017-messages.txt:1:1: expected session reports",
            "use the outline format",
        ],
    );
}

#[test]
fn build_refuses_empty_binary_and_non_utf8_documents() {
    let cases: [(&[u8], &[&str]); 3] = [
        (b"  \n\n", &["igf2017-messages.txt: the file is empty"]),
        (
            b"IGF 2017 Messages\n\x00\x01\x02binary",
            &["igf2017-messages.txt:2:1: the file is binary, not text"],
        ),
        (
            b"IGF 2017 Messages\n\nMain session: caf\xe9\n",
            &["igf2017-messages.txt:3:18: invalid UTF-8", "iconv"],
        ),
    ];
    for (bytes, fragments) in cases {
        let dir = built();
        std::fs::write(dir.path().join("data/sources/igf2017-messages.txt"), bytes).unwrap();
        failing_build(dir.path(), fragments);
    }
}

#[test]
fn build_refuses_invalid_reference_data() {
    let dir = built();
    let path = dir.path().join("data/reference/sdgs.toml");
    let goals = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, goals.replace("number = 17", "number = 18")).unwrap();
    failing_build(
        dir.path(),
        &["sdgs.toml:", "goal number 18 is outside 1–17"],
    );
}

#[test]
fn build_without_data_gives_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let output = igfkg(dir.path(), &["build"]);
    assert_error(&output, &["data/corpus.toml: cannot read the file"]);
    assert!(stderr(&output).contains("igfkg: hint: run igfkg from the repository root, or give the data directory with --data DIR"));
    // The cause is said once, not once per level of the error chain.
    assert_eq!(
        stderr(&output).matches("No such file or directory").count(),
        1,
        "{}",
        stderr(&output)
    );
}

#[test]
fn query_errors() {
    let dir = built();
    let output = igfkg(dir.path(), &["query", "SELECT ?x WHERE { ?x a }"]);
    assert_error(&output, &["invalid SPARQL query", "1:"]);
    assert!(stderr(&output).contains("igfkg: hint: check the query against SPARQL 1.1"));
    let output = igfkg(
        dir.path(),
        &[
            "query",
            "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
            "--format",
            "turtle",
        ],
    );
    assert_error(
        &output,
        &["SELECT results cannot be written as turtle; use table, csv, tsv, json or xml"],
    );
    let output = igfkg(dir.path(), &["query", "missing.rq"]);
    assert_error(&output, &["missing.rq: no such query file"]);
    // An update is named as one (it was rejected as "expected CONSTRUCT").
    let output = igfkg(
        dir.path(),
        &["query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"],
    );
    assert_error(
        &output,
        &["this is a SPARQL Update, and the graph is read-only here; send a query"],
    );
    let output = igfkg(dir.path(), &["query", "ASK {}", "--format", "yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown result format \"yaml\""));
    // Without a build there is no graph to query.
    let empty = tempfile::tempdir().unwrap();
    let output = igfkg(empty.path(), &["query", "ASK {}"]);
    assert_error(&output, &["out/igfkg.nq: cannot read the file"]);
    assert!(stderr(&output).contains("igfkg: hint: run `igfkg build` first"));
    // The build folder for the graph file (it was "cannot tell the RDF
    // format"): the dump in it is named, for every command that reads one.
    for command in [
        &["query", "ASK {}"][..],
        &["stats"],
        &["export", "--format", "turtle"],
        &["validate"],
    ] {
        let mut args = command.to_vec();
        args.extend(["--graph", "out"]);
        let output = igfkg(dir.path(), &args);
        assert_error(
            &output,
            &["out is a folder, not a graph file; give the dump in it: --graph out/igfkg.nq"],
        );
    }
    let output = igfkg(empty.path(), &["stats", "--graph", "."]);
    assert_error(
        &output,
        &[". is a folder, not a graph file; give an RDF file"],
    );
}

#[test]
fn export_and_stats_errors() {
    let dir = built();
    let output = igfkg(dir.path(), &["export", "--format", "yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown RDF format \"yaml\""));
    std::fs::write(
        dir.path().join("broken.nq"),
        "<http://a> <http://b> <http://c> .\n<http://a> <http://b> \"unterminated .\n",
    )
    .unwrap();
    let output = igfkg(dir.path(), &["stats", "--graph", "broken.nq"]);
    assert_error(&output, &["broken.nq:2:"]);
    std::fs::write(dir.path().join("graph.xyz"), "").unwrap();
    let output = igfkg(dir.path(), &["stats", "--graph", "graph.xyz"]);
    assert_error(
        &output,
        &["graph.xyz: cannot tell the RDF format from the file name"],
    );
    // A failed export to a file leaves no file behind.
    let output = igfkg(
        dir.path(),
        &[
            "export",
            "--format",
            "turtle",
            "--graph",
            "broken.nq",
            "--output",
            "x.ttl",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(!dir.path().join("x.ttl").exists());
}

#[test]
fn ingest_errors() {
    let dir = workspace();
    let output = igfkg(
        dir.path(),
        &[
            "ingest",
            "data/sources/igf2018-wsis-report-input.md",
            "--format",
            "messages-by-theme",
        ],
    );
    assert_error(
        &output,
        &["igf2018-wsis-report-input.md:3:1: expected Markdown theme headings"],
    );
    let output = igfkg(
        dir.path(),
        &[
            "ingest",
            "nowhere.txt",
            "--format",
            "outline",
            "--meeting",
            "2019",
        ],
    );
    assert_error(&output, &["nowhere.txt: cannot read the file"]);
    std::fs::write(dir.path().join("notes.txt"), "Some notes\n").unwrap();
    let output = igfkg(dir.path(), &["ingest", "notes.txt", "--format", "outline"]);
    assert_error(
        &output,
        &[
            "notes.txt: cannot tell the meeting year from the file name; give it with --meeting YEAR",
        ],
    );
    let output = igfkg(dir.path(), &["ingest", "notes.txt", "--format", "pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown document format \"pdf\""));
}

#[test]
fn every_subcommand_shows_examples_that_run_it() {
    let dir = workspace();
    let help = stdout(&igfkg(dir.path(), &["--help"]));
    let subcommands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A description that wraps goes on indented further.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| !["help", "gen"].contains(name))
        .collect();
    assert!(subcommands.len() >= 12, "{subcommands:?}");
    for name in subcommands {
        let output = igfkg(dir.path(), &[name, "--help"]);
        let text = stdout(&output);
        let examples: Vec<&str> = text
            .lines()
            .skip_while(|l| *l != "Examples:")
            .skip(1)
            .filter(|l| l.trim_start().starts_with("igfkg "))
            .collect();
        assert!(
            !examples.is_empty(),
            "{name} --help has no examples:\n{text}"
        );
        for example in examples {
            let words: Vec<&str> = example.split_whitespace().collect();
            assert_eq!(words[1], name, "{example}");
        }
    }
}

#[test]
fn completions_and_man_pages_come_from_the_command_line_definition() {
    let dir = workspace();
    let bash = igfkg(dir.path(), &["completions", "bash"]);
    assert!(bash.status.success(), "{}", stderr(&bash));
    let bash = stdout(&bash);
    assert!(bash.contains("_igfkg()"), "{bash}");
    for word in [
        "build",
        "query",
        "--named",
        "--evidence",
        "release",
        "serve",
    ] {
        assert!(bash.contains(word), "bash completion lacks {word}");
    }
    let zsh = stdout(&igfkg(dir.path(), &["completions", "zsh"]));
    assert!(zsh.starts_with("#compdef igfkg"), "{zsh}");
    let fish = stdout(&igfkg(dir.path(), &["completions", "fish"]));
    assert!(fish.contains("complete -c igfkg"), "{fish}");
    let man = stdout(&igfkg(dir.path(), &["man"]));
    assert!(man.contains(".TH igfkg 1"), "{man}");
    // Its SUBCOMMANDS section points to a page for each: igfkg-build(1) …
    for page in [
        "build",
        "query",
        "export",
        "release",
        "serve",
        "push",
        "completions",
    ] {
        assert!(
            man.contains(&format!("igfkg\\-{page}(1)")),
            "no igfkg-{page}(1)"
        );
    }
    let query = igfkg(dir.path(), &["man", "--subcommand", "query"]);
    assert!(query.status.success(), "{}", stderr(&query));
    let query = stdout(&query);
    assert!(query.contains(".TH igfkg-query 1"), "{query}");
    assert!(query.contains("topic\\-timeline"), "{query}");
    let unknown = igfkg(dir.path(), &["man", "--subcommand", "nope"]);
    assert!(!unknown.status.success());
    assert!(
        stderr(&unknown)
            .contains("igfkg has no subcommand \"nope\"; the subcommands are build, query"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn query_honours_from_as_the_sparql_protocol_does() {
    let dir = built();
    let count = |query: &str| {
        let output = igfkg(dir.path(), &["query", "--format", "csv", query]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output).lines().nth(1).unwrap().trim().to_owned()
    };
    let graph = "<https://w3id.org/igfkg/id/graph/igf2017-messages>";
    let from = count(&format!(
        "SELECT (COUNT(*) AS ?n) FROM {graph} WHERE {{ ?m a igf:Message }}"
    ));
    let inside = count(&format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?m a igf:Message }} }}"
    ));
    let all = count("SELECT (COUNT(*) AS ?n) WHERE { ?m a igf:Message }");
    assert_eq!(from, inside, "FROM was ignored");
    assert!(from.parse::<u32>().unwrap() < all.parse::<u32>().unwrap());
}
