//! `igfkg push` against real triple stores on loopback: an Oxigraph server
//! and Virtuoso Open Source, started by `tests/external/stores.sh` (which
//! `.ci/run` runs), whose URLs these tests read from the environment.
//!
//! The tests push the bundled build, ask both stores the catalogue's
//! questions over SPARQL and compare the answers with igfkg's own; stop a
//! server in the middle of a push and show that the re-run completes; and
//! check that each way a push goes wrong fails with a clear message.

use crate::net::{free_port, oxigraph_serve};
use crate::util::{corpus, igfkg, root, stderr, stdout};
use igfkg::ExportFormat;
use igfkg::push::{Credentials, Event, Method, Prepared, PushError, Pusher, Secret, StoreKind};
use igfkg::query::catalogue;
use igfkg::rdf::{Literal, Term};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::OnceLock;
use std::time::Duration;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: start the stores with tests/external/stores.sh start DIR and load DIR/env")
    })
}

struct Stores {
    oxigraph: String,
    virtuoso: String,
    virtuoso_user: String,
    virtuoso_password: String,
}

fn stores() -> Stores {
    Stores {
        oxigraph: env("IGFKG_TEST_OXIGRAPH_URL"),
        virtuoso: env("IGFKG_TEST_VIRTUOSO_URL"),
        virtuoso_user: env("IGFKG_TEST_VIRTUOSO_USER"),
        virtuoso_password: env("IGFKG_TEST_VIRTUOSO_PASSWORD"),
    }
}

fn virtuoso_credentials(stores: &Stores) -> Credentials {
    Credentials::Digest {
        user: stores.virtuoso_user.clone(),
        password: Secret::new(stores.virtuoso_password.clone()),
    }
}

/// The bundled build's N-Quads dump, written once.
fn bundled_dump() -> &'static Path {
    static DUMP: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DUMP.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("igfkg.nq");
        let file = std::fs::File::create(&path).unwrap();
        corpus().0.export(ExportFormat::NQuads, file).unwrap();
        (dir, path)
    });
    path
}

/// The answers of a SELECT query sent to a store's query endpoint, as rows
/// of terms.
fn store_select(endpoint: &str, sparql: &str) -> Vec<Vec<Option<Term>>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into();
    let mut response = agent
        .post(endpoint)
        .header("Accept", "application/sparql-results+json")
        .send_form([("query", sparql)])
        .unwrap_or_else(|e| panic!("{endpoint}: {e}\n{sparql}"));
    let body = response.body_mut().read_to_vec().unwrap();
    let SliceQueryResultsParserOutput::Solutions(solutions) =
        QueryResultsParser::from_format(QueryResultsFormat::Json)
            .for_slice(&body)
            .unwrap_or_else(|e| panic!("{endpoint}: {e}: {}", String::from_utf8_lossy(&body)))
    else {
        panic!("{endpoint}: a boolean answer to a SELECT")
    };
    let variables = solutions.variables().to_vec();
    solutions
        .map(|s| {
            let s = s.unwrap();
            variables.iter().map(|v| s.get(v).cloned()).collect()
        })
        .collect()
}

/// A term as the comparison sees it: numbers by value (stores write
/// `2.0` and `2.00` of a decimal alike), everything else as written.
fn comparable(term: &Option<Term>) -> String {
    match term {
        Some(Term::Literal(literal)) if is_numeric(literal) => {
            let value: f64 = literal.value().parse().unwrap_or(f64::NAN);
            format!("{:.6}", value)
        }
        Some(term) => term.to_string(),
        None => "UNBOUND".to_owned(),
    }
}

fn is_numeric(literal: &Literal) -> bool {
    let datatype = literal.datatype().as_str();
    ["integer", "decimal", "double", "float", "int", "long"]
        .iter()
        .any(|t| datatype == format!("http://www.w3.org/2001/XMLSchema#{t}"))
}

/// Rows in a canonical order: stores order ties differently.
fn canonical(rows: &[Vec<Option<Term>>]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(comparable).collect())
        .collect();
    rows.sort();
    rows
}

/// One value for each parameter kind, taken from the bundled graph: topics
/// and a goal every year speaks of, a message that echoes an earlier one and
/// one that is echoed.
fn parameter_values() -> BTreeMap<&'static str, String> {
    let first = |sparql: &str| {
        crate::util::column(sparql, "x")
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no answer to {sparql}"))
    };
    BTreeMap::from([
        ("topic", "encryption".to_owned()),
        ("goal", "4".to_owned()),
        ("document", "igf2017-messages".to_owned()),
        ("text", "human rights".to_owned()),
        (
            "later",
            first("SELECT ?x WHERE { ?e a igf:Echo ; igf:later ?x } ORDER BY ?x LIMIT 1"),
        ),
        (
            "earlier",
            first("SELECT ?x WHERE { ?e a igf:Echo ; igf:earlier ?x } ORDER BY ?x LIMIT 1"),
        ),
    ])
}

/// A question of the catalogue as a store is asked it.
struct StoreQuestion {
    name: &'static str,
    /// The parameters' names and values.
    bound: Vec<(String, String)>,
    /// The text sent, with the values bound.
    sparql: String,
}

/// The catalogue's questions, with the query text a store is sent: the
/// parameters bound by a `VALUES` at the start of the WHERE group, which
/// binds them before the patterns, filters and BINDs that read them, as
/// igfkg's own substitution does.
fn questions_for_store() -> Vec<StoreQuestion> {
    let values = parameter_values();
    let base = igfkg::IriBase::default();
    catalogue()
        .iter()
        .map(|question| {
            let mut bound = Vec::new();
            let mut inline = String::new();
            for param in &question.params {
                let value = match (param.kind.to_string().as_str(), question.name.as_str()) {
                    ("message", "echoes-of") => values["later"].clone(),
                    ("message", _) => values["earlier"].clone(),
                    (kind, _) => values[kind].clone(),
                };
                let igfkg::query::Value::Term(term) = param.parse(&base, &value).unwrap() else {
                    panic!("{}: {value:?} is read as a label", question.name)
                };
                inline.push_str(&format!("VALUES ?{} {{ {term} }} ", param.name));
                bound.push((param.name.clone(), value));
            }
            let at = question
                .sparql
                .find("WHERE {")
                .unwrap_or_else(|| panic!("{} has no WHERE group", question.name))
                + "WHERE {".len();
            let sparql = format!(
                "{} {inline}{}",
                &question.sparql[..at],
                &question.sparql[at..]
            );
            StoreQuestion {
                name: question.name.as_str(),
                bound,
                sparql,
            }
        })
        .collect()
}

/// Pushes the bundled build into a store and asks it every question of the
/// catalogue; the answers must be igfkg's own.
fn push_and_compare(pusher: Pusher, query_endpoint: &str, store: &str) {
    let prepared = Prepared::split(bundled_dump(), None).unwrap();
    let expected_graphs = corpus().0.stats().unwrap().graphs;
    assert_eq!(prepared.graphs().len(), expected_graphs);
    let summary = pusher.push(&prepared, |_| {}).unwrap();
    assert!(summary.verified);
    assert_eq!(summary.triples as usize, corpus().0.len().unwrap());
    let graph = &corpus().0;
    let mut answered = 0;
    for StoreQuestion {
        name,
        bound,
        sparql,
    } in questions_for_store()
    {
        let values: Vec<(&str, &str)> = bound
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let ours = match igfkg::query::question(name)
            .unwrap()
            .run(graph, &values)
            .unwrap()
        {
            igfkg::QueryOutcome::Solutions(solutions) => solutions,
            other => panic!("{name}: {other:?}"),
        };
        let ours = ours.rows();
        let theirs = store_select(query_endpoint, &sparql);
        assert_eq!(
            canonical(&theirs),
            canonical(ours),
            "{store} answers {name} otherwise than igfkg"
        );
        answered += usize::from(!ours.is_empty());
    }
    // A comparison of empty answers would prove nothing.
    assert!(
        answered >= catalogue().len() - 2,
        "only {answered} questions have answers"
    );
}

#[test]
#[ignore = "needs the stores started by tests/external/stores.sh (run by .ci/run)"]
fn the_bundled_build_in_oxigraph_server_answers_the_catalogue_as_igfkg_does() {
    let stores = stores();
    let pusher = Pusher::new(StoreKind::Oxigraph, &stores.oxigraph).unwrap();
    push_and_compare(pusher, &format!("{}/query", stores.oxigraph), "Oxigraph");
}

#[test]
#[ignore = "needs the stores started by tests/external/stores.sh (run by .ci/run)"]
fn the_bundled_build_in_virtuoso_answers_the_catalogue_as_igfkg_does() {
    let stores = stores();
    let pusher = Pusher::new(StoreKind::Virtuoso, &stores.virtuoso)
        .unwrap()
        .with_credentials(Some(virtuoso_credentials(&stores)));
    push_and_compare(pusher, &format!("{}/sparql", stores.virtuoso), "Virtuoso");
}

#[test]
#[ignore = "needs the stores started by tests/external/stores.sh (run by .ci/run)"]
fn sparql_update_chunks_replace_each_graph_as_a_put_does() {
    let stores = stores();
    let prepared = Prepared::split(bundled_dump(), None).unwrap();
    for (pusher, store) in [
        (
            Pusher::new(StoreKind::Oxigraph, &stores.oxigraph).unwrap(),
            "Oxigraph",
        ),
        (
            Pusher::new(StoreKind::Virtuoso, &stores.virtuoso)
                .unwrap()
                .with_credentials(Some(virtuoso_credentials(&stores))),
            "Virtuoso",
        ),
    ] {
        // Small chunks, so that each graph takes several requests; pushed
        // twice, so that the second must replace the first.
        let pusher = pusher.with_method(Method::Update).with_chunk_triples(700);
        let mut requests = 0;
        for _ in 0..2 {
            let summary = pusher
                .push(&prepared, |event| {
                    if let Event::Sent(_) = event {
                        requests += 1;
                    }
                })
                .unwrap_or_else(|e| panic!("{store}: {e}"));
            assert!(summary.verified);
        }
        assert!(
            requests > 2 * prepared.graphs().len(),
            "{store}: {requests} requests"
        );
    }
}

/// An Oxigraph server of a test's own, which the test can stop.
struct OwnServer {
    child: Child,
    url: String,
    port: u16,
    location: PathBuf,
}

impl OwnServer {
    fn start(location: &Path, port: u16) -> Self {
        let child = oxigraph_serve(&env("IGFKG_TEST_OXIGRAPH_BIN"), location, port, &[]);
        Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
            port,
            location: location.to_owned(),
        }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        self.stop();
    }
}

#[test]
#[ignore = "needs the stores started by tests/external/stores.sh (run by .ci/run)"]
fn a_push_cut_off_by_a_stopped_server_completes_when_run_again() {
    // A synthetic build of 5000 messages: many graphs, each large enough
    // that the server is stopped in the middle of one.
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("synthetic");
    let out = work.path().join("out");
    let generated = igfkg(
        root(),
        &["gen", "--messages", "5000", data.to_str().unwrap()],
    );
    assert!(generated.status.success(), "{}", stderr(&generated));
    let built = igfkg(
        root(),
        &[
            "build",
            "--quiet",
            "--evidence",
            "lean",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let prepared = Prepared::split(&out.join("igfkg.nq"), None).unwrap();
    assert!(prepared.graphs().len() > 5);

    let location = work.path().join("store");
    let mut server = OwnServer::start(&location, free_port());
    let pusher = Pusher::new(StoreKind::Oxigraph, &server.url)
        .unwrap()
        .with_retries(1, Duration::from_millis(100))
        .with_timeout(Duration::from_secs(120));
    // Stop the server when half the bytes have gone.
    let half = prepared.bytes() / 2;
    let mut sent = 0;
    let mut stopped = false;
    let cut = pusher.push(&prepared, |event| {
        if let Event::Sent(n) = event {
            sent += n;
            if sent >= half && !stopped {
                server.stop();
                stopped = true;
            }
        }
    });
    let error = cut.expect_err("the push must fail when the server stops");
    assert!(matches!(error, PushError::Unreachable { .. }), "{error}");
    assert!(error.to_string().contains(&server.url), "{error}");

    // The same store, started again on its folder, and the same push.
    let port = server.port;
    let location = server.location.clone();
    drop(server);
    let server = OwnServer::start(&location, port);
    let summary = pusher.push(&prepared, |_| {}).unwrap();
    assert!(summary.verified, "every graph's count equals igfkg's");
    // No graph doubled and none left from elsewhere: the store's whole
    // count is the dump's.
    let rows = store_select(
        &format!("{}/query", server.url),
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    assert_eq!(
        comparable(&rows[0][0]),
        format!("{:.6}", prepared.triples() as f64)
    );
}

/// Runs `igfkg push` on the bundled dump with extra arguments and
/// environment, expecting it to fail; returns its standard error.
fn failing_push(args: &[&str], envs: &[(&str, &str)]) -> String {
    let dump = bundled_dump().to_str().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_igfkg"));
    command
        .args([
            "push",
            "--graph",
            dump,
            "--retries",
            "1",
            "--timeout",
            "120",
        ])
        .args(args)
        .env_remove("IGFKG_PUSH_PASSWORD")
        .env_remove("IGFKG_PUSH_TOKEN");
    for (name, value) in envs {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    assert!(
        !output.status.success(),
        "{args:?} succeeded: {}",
        stdout(&output)
    );
    stderr(&output)
}

#[test]
#[ignore = "needs the stores started by tests/external/stores.sh (run by .ci/run)"]
fn each_way_a_push_goes_wrong_gives_a_clear_error() {
    let stores = stores();
    let wrong_password = "not-the-password-7f3a";
    // Bad credentials: Virtuoso refuses the Digest answer.
    let error = failing_push(
        &[
            "--store",
            "virtuoso",
            "--endpoint",
            &stores.virtuoso,
            "--user",
            &stores.virtuoso_user,
        ],
        &[("IGFKG_PUSH_PASSWORD", wrong_password)],
    );
    assert!(error.contains("401"), "{error}");
    assert!(error.contains("/sparql-graph-crud-auth"), "{error}");
    assert!(
        !error.contains(wrong_password),
        "the password is echoed: {error}"
    );
    // Bearer tokens are never echoed either.
    let token = "tok-9d8e7f6a5b";
    let error = failing_push(
        &[
            "--store",
            "virtuoso",
            "--endpoint",
            &stores.virtuoso,
            "--auth",
            "bearer",
        ],
        &[("IGFKG_PUSH_TOKEN", token)],
    );
    assert!(error.contains("401"), "{error}");
    assert!(!error.contains(token), "the token is echoed: {error}");

    // An unreachable endpoint: a port nothing listens on.
    let nowhere = format!("http://127.0.0.1:{}", free_port());
    let error = failing_push(&["--store", "oxigraph", "--endpoint", &nowhere], &[]);
    assert!(
        error.contains(&format!("{nowhere}/store?graph=")),
        "{error}"
    );
    assert!(
        error.contains("cannot reach the store (2 attempts)"),
        "{error}"
    );

    // A wrong path: Oxigraph answers 404.
    let error = failing_push(
        &[
            "--store",
            "generic",
            "--endpoint",
            &format!("{}/graphs", stores.oxigraph),
            // The generic preset has no query endpoint to count on; the
            // 404 comes from the PUT itself.
            "--no-verify",
        ],
        &[],
    );
    assert!(error.contains("answered 404"), "{error}");
    assert!(error.contains("/graphs?graph="), "{error}");

    // An HTML answer: Oxigraph's root is its query page, which it answers
    // with 200 whatever the query string says.
    let error = failing_push(
        &[
            "--store",
            "oxigraph",
            "--endpoint",
            &stores.oxigraph,
            "--query-endpoint",
            &format!("{}/", stores.oxigraph),
        ],
        &[],
    );
    assert!(error.contains("with an HTML page"), "{error}");
    assert!(
        error.contains(&format!("GET {}/?query=", stores.oxigraph)),
        "{error}"
    );
}

#[test]
fn a_dry_run_lists_each_graph_and_its_request_and_sends_nothing() {
    // Nothing listens on this port: a dry run must not try.
    let endpoint = format!("http://127.0.0.1:{}", free_port());
    let output = Command::new(env!("CARGO_BIN_EXE_igfkg"))
        .args(["push", "--dry-run", "--store", "fuseki", "--endpoint"])
        .arg(format!("{endpoint}/igfkg"))
        .arg("--graph")
        .arg(bundled_dump())
        .args(["--graph-prefix", "http://portal.example/igf/"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    // data/corpus.toml lists five documents; each has its graph, and the
    // reference data and the relations across years have theirs.
    for graph in [
        "igf2017-messages",
        "igf2018-paris-messages",
        "igf2018-wsis-report-input",
        "igf2018-opening-press-release",
        "igf2019-session-reports",
        "reference",
        "relations",
    ] {
        let row = text
            .lines()
            .find(|line| line.starts_with(&format!("http://portal.example/igf/{graph} ")))
            .unwrap_or_else(|| panic!("no row for {graph}:\n{text}"));
        assert!(
            row.contains(&format!(
                "PUT {endpoint}/igfkg/data?graph=http%3A%2F%2Fportal.example%2Figf%2F{graph}"
            )),
            "{row}"
        );
    }
    assert!(text.starts_with("Would push 7 graphs ("), "{text}");
    assert!(text.contains(&format!("{endpoint}/igfkg/query")), "{text}");
}

#[test]
fn credentials_come_from_the_environment_or_a_file_and_never_show() {
    let dump = bundled_dump().to_str().unwrap().to_owned();
    let endpoint = format!("http://127.0.0.1:{}", free_port());
    let run = |args: &[&str], envs: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_igfkg"));
        command
            .args(["push", "--graph", &dump, "--retries", "0"])
            // Each case gives its own --endpoint.
            .args(args)
            .env_remove("IGFKG_PUSH_PASSWORD")
            .env_remove("IGFKG_PUSH_TOKEN")
            .env_remove("IGFKG_PUSH_USER");
        for (name, value) in envs {
            command.env(name, value);
        }
        command.output().unwrap()
    };
    // A user without a password names the variable to set.
    let output = run(&["--endpoint", &endpoint, "--user", "dba"], &[]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("IGFKG_PUSH_PASSWORD is not set"),
        "{}",
        stderr(&output)
    );
    // A password in a URL is refused, and not repeated.
    let output = run(&["--endpoint", "http://dba:s3cr3t-in-url@127.0.0.1:1"], &[]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("the URL holds credentials"),
        "{}",
        stderr(&output)
    );
    assert!(
        !stderr(&output).contains("s3cr3t-in-url"),
        "{}",
        stderr(&output)
    );
    // A password file's secret does not show when the store is unreachable.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("password");
    std::fs::write(&file, "s3cr3t-in-file\n").unwrap();
    let output = run(
        &[
            "--endpoint",
            &endpoint,
            "--user",
            "dba",
            "--password-file",
            file.to_str().unwrap(),
        ],
        &[],
    );
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(
        error.contains("cannot reach the store (1 attempt)"),
        "{error}"
    );
    assert!(!error.contains("s3cr3t-in-file"), "{error}");
}

#[test]
fn push_reaches_the_graph_only_through_igfkg_graph_and_runs_no_async_runtime() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let push = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "igfkg-push")
        .expect("the igfkg-push package");
    let dependencies: Vec<&str> = push["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"].as_str() != Some("dev"))
        .filter_map(|d| d["name"].as_str())
        .collect();
    assert!(dependencies.contains(&"igfkg-graph"), "{dependencies:?}");
    assert!(dependencies.contains(&"ureq"), "{dependencies:?}");
    for forbidden in ["oxigraph", "tokio", "reqwest", "indicatif", "clap"] {
        assert!(
            !dependencies.contains(&forbidden),
            "igfkg-push depends on {forbidden}"
        );
    }
}
