//! Limits, each with a clear error and a flag to raise it where raising
//! makes sense: the size of a source, regular files only, the size of a
//! generated corpus, and the text, nesting, stack and time of a query.

use crate::util::{assert_error, data_dir, igfkg, stderr, workspace};
use std::time::{Duration, Instant};

#[test]
fn ingest_reads_regular_files_only_and_says_so_first() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &[
            "ingest",
            "/dev/zero",
            "--format",
            "outline",
            "--meeting",
            "2019",
        ][..],
        // Without a meeting year: the file is what is wrong, not its name.
        &["ingest", "/dev/zero", "--format", "outline"],
    ] {
        let start = Instant::now();
        let output = igfkg(dir.path(), args);
        assert_error(&output, &["/dev/zero: not a regular file"]);
        assert!(start.elapsed() < Duration::from_secs(20), "not at once");
    }
    let output = igfkg(
        dir.path(),
        &["ingest", "missing.txt", "--format", "outline"],
    );
    assert_error(&output, &["missing.txt: cannot read the file"]);
}

#[test]
fn a_source_past_the_size_limit_is_refused_until_the_limit_is_raised() {
    let dir = workspace();
    let source = "data/sources/igf2017-messages.txt";
    let size = std::fs::metadata(dir.path().join(source)).unwrap().len();
    assert!(size > 1024 && size < 1024 * 1024, "{size} bytes");
    let output = igfkg(
        dir.path(),
        &["build", "--strict", "--max-source-size", "1KiB"],
    );
    assert_error(
        &output,
        &[
            &format!("{source}: the file is larger than the 1024 bytes a source may have"),
            "--max-source-size",
        ],
    );
    let args = ["ingest", source, "--format", "messages-by-session"];
    let output = igfkg(
        dir.path(),
        &[&args[..], &["--max-source-size", "1024"]].concat(),
    );
    assert_error(&output, &["larger than the 1024 bytes"]);
    let output = igfkg(
        dir.path(),
        &[&args[..], &["--max-source-size", "1MiB"]].concat(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let output = igfkg(dir.path(), &["build", "--max-source-size", "lots"]);
    assert_eq!(output.status.code(), Some(2), "a usage error");
    assert!(
        stderr(&output).contains("\"lots\" is not a size"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_corpus_past_its_size_limit_is_refused_before_a_document_is_read() {
    let dir = workspace();
    let manifest = std::fs::read_to_string(dir.path().join("data/corpus.toml")).unwrap();
    let total: u64 = manifest
        .lines()
        .filter_map(|l| l.strip_prefix("path = "))
        .map(|p| dir.path().join("data").join(p.trim_matches('"')))
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    // Each document is under the limit, the five together are not.
    let limit = total - 1;
    let output = igfkg(
        dir.path(),
        &["build", "--max-corpus-size", &limit.to_string()],
    );
    assert_error(
        &output,
        &[
            &format!(
                "data/corpus.toml: the documents it lists hold {total} bytes, more than the {limit}"
            ),
            "--max-corpus-size",
        ],
    );
    assert!(!dir.path().join("out").exists());
}

#[cfg(unix)]
#[test]
fn a_manifest_entry_that_is_a_pipe_is_refused_without_waiting() {
    let dir = workspace();
    let pipe = dir.path().join("data/sources/pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let manifest = dir.path().join("data/corpus.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replacen("sources/igf2017-messages.txt", "sources/pipe.txt", 1),
    )
    .unwrap();
    let start = Instant::now();
    let output = igfkg(dir.path(), &["build", "--strict"]);
    assert_error(&output, &["data/sources/pipe.txt: not a regular file"]);
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "waited on the pipe"
    );
}

#[test]
fn gen_refuses_sizes_past_its_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let reference = data_dir().join("reference");
    let reference = reference.to_str().unwrap();
    let start = Instant::now();
    let output = igfkg(
        dir.path(),
        &[
            "gen",
            "big",
            "--messages",
            "1000000000000",
            "--reference",
            reference,
        ],
    );
    assert_error(
        &output,
        &["--messages 1000000000000 is more than the 10000000"],
    );
    assert!(start.elapsed() < Duration::from_secs(20), "not at once");
    assert!(
        !dir.path().join("big").exists(),
        "gen wrote before refusing"
    );

    // Years past the reference data's meetings would build into meetings
    // with no date or place.
    let meetings = std::fs::read_to_string(data_dir().join("reference/meetings.toml")).unwrap();
    let listed: Vec<u32> = meetings
        .lines()
        .filter_map(|l| l.strip_prefix("year = "))
        .map(|y| y.trim().parse().unwrap())
        .collect();
    let missing = (2006..).find(|y| !listed.contains(y)).unwrap();
    let years = (missing - 2006 + 1).to_string();
    let output = igfkg(
        dir.path(),
        &["gen", "late", "--years", &years, "--reference", reference],
    );
    assert_error(
        &output,
        &[&format!("the reference data has no meeting in {missing}")],
    );
}

#[test]
fn a_query_too_long_or_too_deep_is_refused_before_the_graph_is_read() {
    // No graph here: the text is checked before one is looked for.
    let dir = tempfile::tempdir().unwrap();
    let prefix = "SELECT * WHERE ";
    let deep = format!("{prefix}{}?s ?p ?o{}", "{".repeat(5000), "}".repeat(5000));
    let output = igfkg(dir.path(), &["query", &deep]);
    let too_deep = igfkg::graph::MAX_QUERY_NESTING + 1;
    assert_error(
        &output,
        &[&format!(
            "1:{}: the query nests brackets more than {} deep",
            prefix.len() + too_deep,
            igfkg::graph::MAX_QUERY_NESTING
        )],
    );
    let long = dir.path().join("long.rq");
    let text = format!(
        "SELECT * {{ ?s ?p ?o }}\n#{}\n",
        "x".repeat(igfkg::graph::MAX_QUERY_BYTES)
    );
    std::fs::write(&long, &text).unwrap();
    let output = igfkg(dir.path(), &["query", "long.rq"]);
    assert_error(
        &output,
        &[&format!(
            "the query is {} bytes, more than the {} a query may have",
            text.len(),
            igfkg::graph::MAX_QUERY_BYTES
        )],
    );
}

#[test]
fn no_query_aborts_the_process_and_each_stops_at_its_timeout() {
    let dir = crate::util::built();
    // 20,000 triple patterns aborted igfkg with a stack overflow (exit 134);
    // Oxigraph plans such a pattern for minutes without looking at the
    // deadline, and the command stops waiting at it.
    let patterns = "?m a igf:Message . ".repeat(20_000);
    std::fs::write(
        dir.path().join("long.rq"),
        format!("SELECT (COUNT(*) AS ?n) WHERE {{ {patterns}}}"),
    )
    .unwrap();
    // A product of the graph with itself three times: evaluation that the
    // deadline stops.
    let product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    for query in ["long.rq", product] {
        let start = Instant::now();
        let output = igfkg(dir.path(), &["query", "--timeout", "2", query]);
        assert_error(
            &output,
            &["the query was stopped after 2.0 s", "--timeout SECONDS"],
        );
        assert!(start.elapsed() < Duration::from_secs(120), "{query}");
    }
    let output = igfkg(
        dir.path(),
        &["query", "--timeout", "0", "ASK { ?m a igf:Message }"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(crate::util::stdout(&output).contains("true"));
}

/// A query sent to `igfkg serve` at `port`, answered in SPARQL JSON: the
/// status and the body.
fn served(port: u16, query: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into();
    // In the body, as the SPARQL Protocol allows: a long query does not
    // fit in a URL.
    let mut response = agent
        .post(format!("http://127.0.0.1:{port}/sparql"))
        .header("Accept", "application/sparql-results+json")
        .content_type("application/sparql-query")
        .send(query)
        .unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

#[test]
fn serve_answers_a_query_oxigraph_plans_past_its_deadline_and_keeps_its_place() {
    let dir = crate::util::built();
    let port = crate::net::free_port();
    // One place for a query, so the query still being planned keeps the
    // next one waiting. A server process of its own: the abandoned
    // planning goes on for minutes, and ends with the process.
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_igfkg"))
        .current_dir(dir.path())
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .args(["--timeout", "2", "--max-concurrent", "1"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    crate::net::wait_for_port(port, "igfkg serve");
    let patterns = "?m a igf:Message . ".repeat(20_000);
    let long = format!("SELECT (COUNT(*) AS ?n) WHERE {{ {patterns}}}");
    let start = Instant::now();
    let (status, body) = served(port, &long);
    let took = start.elapsed();
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("the query was stopped after 2.0 s"), "{body}");
    // The deadline and a second of grace, not the minutes of planning.
    assert!(took < Duration::from_secs(10), "answered after {took:?}");
    // The planning goes on and holds the one place: the next query waits
    // for it at most its timeout, then hears that the server is busy.
    let (status, body) = served(port, "ASK { ?m a igf:Message }");
    assert_eq!(status, 503, "{body}");
    assert!(
        body.contains("the server is busy: it runs one query at a time, and none ended"),
        "{body}"
    );
    server.kill().unwrap();
    server.wait().unwrap();
}

#[test]
fn a_command_past_its_memory_limit_stops_with_an_error_and_loses_nothing() {
    let dir = crate::util::built();
    let out = dir.path().join("out");
    let before: Vec<(String, Vec<u8>)> = ["igfkg.ttl", "igfkg.nq", "igfkg.build.json"]
        .iter()
        .map(|name| (name.to_string(), std::fs::read(out.join(name)).unwrap()))
        .collect();
    // The bundled build peaks at about 76 MiB (/usr/bin/time, release
    // binary); 24 MiB is past what it needs before its first export.
    let output = igfkg(dir.path(), &["build", "--max-memory", "24MiB"]);
    assert_error(
        &output,
        &[
            "build stopped: it used",
            "past the 24 MiB it may use (--max-memory)",
            "--evidence lean",
        ],
    );
    for (name, bytes) in &before {
        assert!(
            std::fs::read(out.join(name)).unwrap() == *bytes,
            "{name} changed"
        );
    }
    assert_eq!(
        crate::util::temporaries(&out),
        Vec::<std::path::PathBuf>::new()
    );
    // The global flag goes before the command or after it; 0 is no limit.
    let query = ["query", "ASK { ?s ?p ?o }"];
    let output = igfkg(
        dir.path(),
        &[&["--max-memory", "4MiB"][..], &query].concat(),
    );
    assert_error(&output, &["query stopped: it used", "past the 4 MiB"]);
    let output = igfkg(dir.path(), &[&query[..], &["--max-memory", "0"]].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(crate::util::stdout(&output).trim(), "true");
    let output = igfkg(
        dir.path(),
        &[&query[..], &["--max-memory", "lots"]].concat(),
    );
    assert_eq!(output.status.code(), Some(2), "a usage error");
}
