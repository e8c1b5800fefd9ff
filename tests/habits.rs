//! Issue 18: the command line fits its users' habits — parameters given as
//! tables print them, mistakes reported before data is loaded, formats from
//! the output's extension, a recorded base, quiet closed pipes.

use crate::util::{igfkg, stderr, stdout, workspace};
use std::process::{Command, Stdio};

/// The 2017 Messages' key message on encryption (data/sources/igf2017-messages.txt).
const ENCRYPTION_2017: &str = "Encryption helps promote public security";

/// A workspace built under another base, so that the recorded base is what
/// makes later commands answer.
fn built_elsewhere() -> tempfile::TempDir {
    let dir = workspace();
    let output = igfkg(
        dir.path(),
        &["build", "--quiet", "--base", "https://example.org/igf/"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    dir
}

fn timeline(dir: &std::path::Path, value: &str) -> std::process::Output {
    let param = format!("topic={value}");
    igfkg(
        dir,
        &[
            "query",
            "--named",
            "topic-timeline",
            "--param",
            &param,
            "--format",
            "csv",
        ],
    )
}

#[test]
fn named_question_values_round_trip_under_the_recorded_base() {
    let dir = built_elsewhere();
    // The build recorded its base, so no --base is needed to find the topic.
    for value in [
        "encryption",
        "topic:encryption",
        "https://example.org/igf/topic/encryption",
        "<https://example.org/igf/topic/encryption>",
        "Encryption",
    ] {
        let output = timeline(dir.path(), value);
        assert!(output.status.success(), "{value}: {}", stderr(&output));
        let out = stdout(&output);
        assert!(out.contains(ENCRYPTION_2017), "{value}: {out}");
        assert!(
            out.contains("https://example.org/igf/topic/encryption,2017"),
            "{out}"
        );
    }
    // A label with a space: topics.toml's "Net neutrality"; the 2017 Messages
    // speak of "netneutrality and zero-rating".
    let output = timeline(dir.path(), "Net neutrality");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("netneutrality"),
        "{}",
        stdout(&output)
    );
    // A goal as people write it: SDG 9 is in the reference data whatever
    // links it has.
    for value in ["SDG9", "9", "Goal 9", "sdg:9"] {
        let param = format!("goal={value}");
        let output = igfkg(
            dir.path(),
            &["query", "--named", "sdg-nodes", "--param", &param],
        );
        assert!(output.status.success(), "{value}: {}", stderr(&output));
    }
    // A typo is an error that names the closest topic.
    let output = timeline(dir.path(), "encryptionn");
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("the graph has no topic with this id, IRI or label; the closest are topic:encryption (\"Encryption\")"),
        "{err}"
    );
    // A document by the prefixed name tables print: the 2017 Messages.
    let output = igfkg(
        dir.path(),
        &[
            "query",
            "--named",
            "document-contents",
            "--param",
            "document=document:igf2017-messages",
            "--format",
            "csv",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(ENCRYPTION_2017));
    // The data prefixes tables print are declared in every query.
    let output = igfkg(
        dir.path(),
        &[
            "query",
            "ASK { topic:encryption a igf:Topic }",
            "-o",
            "a.srj",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let json = std::fs::read_to_string(dir.path().join("a.srj")).unwrap();
    assert_eq!(json, "{\"head\":{},\"boolean\":true}\n");
}

#[test]
fn mistakes_are_reported_before_the_dump_is_loaded() {
    // No dump at all: the mistakes are still found, so nothing was loaded.
    let dir = tempfile::tempdir().unwrap();
    let output = igfkg(
        dir.path(),
        &["query", "--param", "topic=encryption", "ASK {}"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--param gives a value to a named question"));
    let output = igfkg(dir.path(), &["query", "SELECT * WHERE { ?s a foo:Bar }"]);
    let err = stderr(&output);
    assert!(err.contains("1:30: a prefix that is not declared"), "{err}");
    assert!(!err.contains("\\u{"), "{err}");
    let output = igfkg(
        dir.path(),
        &["query", "--named", "sdg-nodes", "--param", "goal=SDG18"],
    );
    assert!(
        stderr(&output).contains("a goal number is 1 to 17"),
        "{}",
        stderr(&output)
    );
    let output = igfkg(dir.path(), &["query", "ASK {}", "-o", "r.docx"]);
    assert!(stderr(&output).contains("r.docx: cannot tell the result format"));
}

#[test]
fn formats_come_from_the_extension_and_media_types() {
    let dir = built_elsewhere();
    let select = "SELECT ?m WHERE { ?m a igf:Meeting } ORDER BY ?m LIMIT 1";
    for (file, start) in [
        ("r.json", "{\"head\":{\"vars\":[\"m\"]}"),
        ("r.xml", "<?xml"),
        ("r.csv", "m\r\n"),
        ("r.tsv", "?m\n"),
        ("r.txt", "m\n─"),
    ] {
        let output = igfkg(dir.path(), &["query", select, "-o", file]);
        assert!(output.status.success(), "{file}: {}", stderr(&output));
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(text.starts_with(start), "{file}: {text}");
        assert!(text.ends_with('\n'), "{file}: {text:?}");
    }
    for format in ["srj", "application/sparql-results+json"] {
        let output = igfkg(dir.path(), &["query", select, "--format", format]);
        assert!(stdout(&output).starts_with("{\"head\""), "{format}");
    }
    let output = igfkg(dir.path(), &["query", select, "--format", "text"]);
    assert!(stdout(&output).starts_with("m\n"), "{}", stdout(&output));
    // export: the extension, or a media type.
    let output = igfkg(dir.path(), &["export", "-o", "x.ttl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read(dir.path().join("x.ttl")).unwrap(),
        std::fs::read(dir.path().join("out/igfkg.ttl")).unwrap()
    );
    let output = igfkg(dir.path(), &["export", "--format", "application/n-quads"]);
    assert!(stdout(&output).contains("<https://example.org/igf/graph/reference> .\n"));
    let output = igfkg(dir.path(), &["export"]);
    assert!(stderr(&output).contains("give the RDF format with --format"));
}

#[test]
fn summaries_and_pipes() {
    // One document: "1 document", not "1 documents".
    let dir = workspace();
    let manifest = std::fs::read_to_string(dir.path().join("data/corpus.toml")).unwrap();
    let first = manifest.find("\n[[document]]").unwrap();
    let second = manifest[first + 1..].find("\n[[document]]").unwrap() + first + 1;
    std::fs::write(dir.path().join("data/corpus.toml"), &manifest[..second]).unwrap();
    let output = igfkg(dir.path(), &["build"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("Built 1 document into "),
        "{}",
        stdout(&output)
    );
    // A reader that stops after one line of `ingest --json`.
    let mut child = Command::new(env!("CARGO_BIN_EXE_igfkg"))
        .args([
            "ingest",
            "--json",
            "data/sources/igf2017-messages.txt",
            "--format",
            "messages-by-session",
        ])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    // An RDF error names its position once.
    std::fs::write(dir.path().join("bad.nt"), "<http://a> <http://b> \"x .\n").unwrap();
    let output = igfkg(dir.path(), &["stats", "--graph", "bad.nt"]);
    let err = stderr(&output);
    assert!(err.contains("bad.nt:1:"), "{err}");
    assert!(!err.contains("Parser error at line"), "{err}");
}

#[test]
fn the_build_summary_times_each_stage_and_reads_as_json() {
    let dir = workspace();
    let output = igfkg(dir.path(), &["build"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let took = out
        .lines()
        .find(|l| l.starts_with("Took "))
        .unwrap_or_else(|| panic!("no timing line in\n{out}"));
    let stages: Vec<&str> = took
        .split_once(": ")
        .unwrap()
        .1
        .split(", ")
        .map(|s| s.split(' ').next().unwrap())
        .collect();
    assert_eq!(
        stages,
        [
            "load", "parse", "link", "relate", "insert", "turtle", "nquads"
        ]
    );

    let output = igfkg(dir.path(), &["build", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    // The counts of `stats --format json`, and the build's own.
    assert_eq!(summary["years"], serde_json::json!([2017, 2018, 2019]));
    assert_eq!(summary["reference"], "data/reference");
    let document = |id: &str| {
        summary["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("no document {id}"))
            .clone()
    };
    // 48 messages under 8 session headings in the 2017 Messages; 137
    // messages of 10 sessions and 2 themes in the 2019 reports, with the 32
    // report fields they leave empty.
    let messages_2017 = document("igf2017-messages");
    assert_eq!(
        (&messages_2017["sessions"], &messages_2017["messages"]),
        (&8.into(), &48.into())
    );
    assert_eq!(messages_2017["path"], "data/sources/igf2017-messages.txt");
    let reports = document("igf2019-session-reports");
    assert_eq!(
        (
            &reports["themes"],
            &reports["sessions"],
            &reports["messages"],
            &reports["warnings"]
        ),
        (&2.into(), &10.into(), &137.into(), &32.into())
    );
    // Every diagnostic with its place: the 32 empty fields and 6 notes.
    let diagnostics = summary["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 38);
    assert_eq!(
        diagnostics
            .iter()
            .filter(|d| d["severity"] == "warning")
            .count(),
        32
    );
    assert!(diagnostics.iter().any(|d| {
        d["line"] == 217
            && d["column"] == 1
            && d["path"] == "data/sources/igf2019-session-reports.txt"
            && d["message"]
                .as_str()
                .unwrap()
                .contains("field 1 (Key Policy Questions and Expectations) is empty")
    }));
    assert_eq!(summary["skipped"], serde_json::json!([]));
    // The files as written, and one time per stage, counting what it went
    // through: the 5 documents, the 237 messages related.
    for name in ["igfkg.ttl", "igfkg.nq"] {
        let file = crate::util::named_by(&summary["files"], "name", name);
        let bytes = std::fs::metadata(dir.path().join("out").join(name))
            .unwrap()
            .len();
        assert_eq!(file["bytes"], bytes, "{name}");
    }
    let stage = |name: &str| crate::util::named_by(&summary["stages"], "stage", name);
    assert_eq!(
        (&stage("parse")["items"], &stage("parse")["unit"]),
        (&5.into(), &"documents".into())
    );
    assert_eq!(stage("relate")["items"], 237);
    assert_eq!(stage("nquads")["unit"], "bytes");
    assert!(stage("insert")["seconds"].as_f64().unwrap() > 0.0);
    // The most memory the build used, as /proc says (this is Linux): more
    // than the two dumps' bytes, since it held the graph they were written
    // from.
    let dumps: u64 = ["igfkg.ttl", "igfkg.nq"]
        .iter()
        .map(|name| {
            std::fs::metadata(dir.path().join("out").join(name))
                .unwrap()
                .len()
        })
        .sum();
    assert!(
        summary["peakMemoryBytes"].as_u64().unwrap() > dumps,
        "{summary}"
    );
    assert!(took.contains(" of memory"), "{took}");
}

#[test]
fn a_corpus_without_a_reference_folder_builds_with_the_standard_data() {
    let dir = workspace();
    let own = igfkg(dir.path(), &["build", "--quiet", "--out", "own"]);
    assert!(own.status.success(), "{}", stderr(&own));
    std::fs::remove_dir_all(dir.path().join("data/reference")).unwrap();
    let output = igfkg(dir.path(), &["build", "--out", "standard"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output)
            .contains("data has no reference/ folder: igfkg's standard reference data was used"),
        "{}",
        stdout(&output)
    );
    // The standard data is the bundled reference folder: the same graph.
    let read = |out: &str| std::fs::read(dir.path().join(out).join("igfkg.nq")).unwrap();
    assert!(read("own") == read("standard"));
}

#[test]
fn push_finds_the_base_the_build_recorded() {
    let dir = built_elsewhere();
    let output = igfkg(
        dir.path(),
        &[
            "push",
            "--dry-run",
            "--store",
            "oxigraph",
            "--endpoint",
            "http://127.0.0.1:9/",
            "--graph-prefix",
            "https://kg.example/g/",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("https://kg.example/g/igf2017-messages"),
        "{out}"
    );
    assert!(!out.contains("https://example.org/igf/graph/"), "{out}");
}
