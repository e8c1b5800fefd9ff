//! The serving benchmark: 50 concurrent clients for 30 s on loopback against
//! `igfkg serve` (in this process) and against `oxigraph serve` (the PyPI
//! package's server) on the same synthetic build, mixing page views, named
//! questions and SPARQL queries. Reports throughput, p50/p95 latency and peak
//! resident memory of each server, and checks that both answered the same
//! number of requests of each kind without error and gave the same answer to
//! a sample query.
//!
//! `cargo bench --bench serve`; `IGFKG_SERVE_MESSAGES` (10000),
//! `IGFKG_SERVE_CLIENTS` (50) and `IGFKG_SERVE_SECONDS` (30) change the run;
//! `OXIGRAPH` names the `oxigraph` binary (`pip install oxigraph`).

#[path = "../tests/net.rs"]
mod net;
#[path = "synthetic.rs"]
mod synthetic;

use igfkg::serve::{App, ServeOptions};
use igfkg::{DataDir, ExportFormat, KnowledgeGraph, QueryOutcome};
use net::{free_addr, oxigraph_load, url_encode};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Peak resident memory of a process, in MiB (Linux).
fn peak_mib(pid: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("VmHWM:")?
                    .trim()
                    .trim_end_matches(" kB")
                    .trim()
                    .parse::<f64>()
                    .ok()
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Page,
    Question,
    Sparql,
}

/// One request of the mix, as each server is asked it.
#[derive(Clone)]
struct Request {
    kind: Kind,
    igfkg: (String, &'static str),
    oxigraph: String,
}

/// The igfkg question's query with its parameter given as VALUES, for a
/// store that has no named questions, and the prefixes igfkg predeclares.
fn with_values(sparql: &str, variable: &str, iri: &str) -> String {
    let prefixes: String = igfkg::vocab::PREFIXES
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect();
    let body: String = sparql
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let at = body
        .find("WHERE {")
        .map(|i| i + "WHERE {".len())
        .unwrap_or(0);
    format!(
        "{prefixes}{} VALUES ?{variable} {{ <{iri}> }} {}",
        &body[..at],
        &body[at..]
    )
}

fn mix(graph: &KnowledgeGraph) -> Vec<Request> {
    let column = |sparql: &str| -> Vec<String> {
        match graph.query(sparql).unwrap() {
            QueryOutcome::Solutions(s) => s
                .iter()
                .filter_map(|r| r.text("x").map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    };
    let messages = column("SELECT ?x { ?x a igf:Message } ORDER BY ?x LIMIT 200");
    let topics = column("SELECT ?x { ?x a igf:Topic } ORDER BY ?x LIMIT 40");
    let base = graph.base().as_str().to_owned();
    let timeline = igfkg::query::question("topic-timeline").unwrap().sparql;
    let per_year = "SELECT ?year (COUNT(?m) AS ?n) WHERE { ?m a <https://w3id.org/igfkg/ontology#Message> ; <https://w3id.org/igfkg/ontology#year> ?year } GROUP BY ?year ORDER BY ?year";
    let mut mix = Vec::new();
    for (i, message) in messages.iter().enumerate() {
        mix.push(Request {
            kind: Kind::Page,
            igfkg: (format!("id/{}", &message[base.len()..]), "text/html"),
            oxigraph: format!("DESCRIBE <{message}>"),
        });
        let topic = &topics[i % topics.len()];
        mix.push(Request {
            kind: Kind::Question,
            igfkg: (
                format!("questions/topic-timeline?topic={}", url_encode(topic)),
                "application/sparql-results+json",
            ),
            oxigraph: with_values(timeline, "topic", topic),
        });
        mix.push(Request {
            kind: Kind::Sparql,
            igfkg: (
                format!("sparql?query={}", url_encode(per_year)),
                "application/sparql-results+json",
            ),
            oxigraph: per_year.to_owned(),
        });
    }
    mix
}

#[derive(Default)]
struct Tally {
    latencies: Vec<(Kind, Duration)>,
    errors: Vec<String>,
}

/// Runs the clients against one server; `url_of` turns a request into
/// (URL, Accept, body to POST or none).
fn load(
    clients: u64,
    seconds: u64,
    mix: &[Request],
    url_of: impl Fn(&Request) -> (String, &'static str, Option<String>) + Sync,
) -> Tally {
    let stop = AtomicBool::new(false);
    let results: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|client| {
                let stop = &stop;
                let url_of = &url_of;
                scope.spawn(move || {
                    let agent: ureq::Agent = ureq::Agent::config_builder()
                        .http_status_as_error(false)
                        .timeout_global(Some(Duration::from_secs(60)))
                        .build()
                        .into();
                    let mut tally = Tally::default();
                    let mut i = client as usize * 7;
                    while !stop.load(Ordering::Relaxed) {
                        let request = &mix[i % mix.len()];
                        i += 1;
                        let (url, accept, body) = url_of(request);
                        let start = Instant::now();
                        let response = match &body {
                            Some(body) => agent
                                .post(&url)
                                .header("Accept", accept)
                                .content_type("application/sparql-query")
                                .send(body.as_str()),
                            None => agent.get(&url).header("Accept", accept).call(),
                        };
                        match response {
                            Ok(mut r) if r.status() == 200 => {
                                let text = r.body_mut().read_to_string().unwrap_or_default();
                                if text.is_empty() {
                                    tally.errors.push(format!("{url}: empty answer"));
                                }
                                tally.latencies.push((request.kind, start.elapsed()));
                            }
                            Ok(r) => tally.errors.push(format!("{url}: {}", r.status())),
                            Err(e) => tally.errors.push(format!("{url}: {e}")),
                        }
                    }
                    tally
                })
            })
            .collect();
        std::thread::sleep(Duration::from_secs(seconds));
        stop.store(true, Ordering::Relaxed);
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut all = Tally::default();
    for tally in results {
        all.latencies.extend(tally.latencies);
        all.errors.extend(tally.errors);
    }
    all
}

fn percentile(latencies: &mut [Duration], p: f64) -> f64 {
    if latencies.is_empty() {
        return 0.0;
    }
    latencies.sort_unstable();
    let index = ((latencies.len() as f64 - 1.0) * p).round() as usize;
    latencies[index].as_secs_f64() * 1000.0
}

fn report(name: &str, tally: &Tally, seconds: u64, peak: f64) -> Vec<usize> {
    let mut counts = Vec::new();
    println!(
        "| {name} | {} | {:.0} | {:.1} | {:.1} | {} | {peak:.0} |",
        tally.latencies.len(),
        tally.latencies.len() as f64 / seconds as f64,
        percentile(
            &mut tally.latencies.iter().map(|l| l.1).collect::<Vec<_>>(),
            0.5
        ),
        percentile(
            &mut tally.latencies.iter().map(|l| l.1).collect::<Vec<_>>(),
            0.95
        ),
        tally.errors.len(),
    );
    for kind in [Kind::Page, Kind::Question, Kind::Sparql] {
        let mut of_kind: Vec<Duration> = tally
            .latencies
            .iter()
            .filter(|l| l.0 == kind)
            .map(|l| l.1)
            .collect();
        counts.push(of_kind.len());
        println!(
            "|   {kind:?} | {} | | {:.1} | {:.1} | | |",
            of_kind.len(),
            percentile(&mut of_kind, 0.5),
            percentile(&mut of_kind, 0.95)
        );
    }
    counts
}

struct Oxigraph(Child);

impl Drop for Oxigraph {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn main() {
    let messages = env("IGFKG_SERVE_MESSAGES", 10_000);
    let clients = env("IGFKG_SERVE_CLIENTS", 50);
    let seconds = env("IGFKG_SERVE_SECONDS", 30);
    let oxigraph_bin = std::env::var("OXIGRAPH").unwrap_or_else(|_| "oxigraph".into());
    let work = tempfile::tempdir().unwrap();
    let data = synthetic::corpus(work.path(), messages);
    let graph = KnowledgeGraph::new().unwrap();
    igfkg::build(&graph, &DataDir::new(&data)).unwrap();
    let dump = work.path().join("igfkg.nq");
    graph
        .export(ExportFormat::NQuads, std::fs::File::create(&dump).unwrap())
        .unwrap();
    let mix = mix(&graph);
    println!(
        "{messages} messages, {} quads; {clients} clients for {seconds} s; a mix of {} page views, named questions and SPARQL queries\n",
        graph.len().unwrap(),
        mix.len()
    );
    println!("| server | requests | per s | p50 ms | p95 ms | errors | peak RSS MiB |");
    println!("|---|---|---|---|---|---|---|");

    let bind = free_addr();
    let app = App::new(
        graph,
        ServeOptions {
            bind,
            ..ServeOptions::default()
        },
    )
    .unwrap();
    let url = app.base_url().to_owned();
    std::mem::forget(app.spawn().unwrap());
    let ours = load(clients, seconds, &mix, |r| {
        (format!("{url}{}", r.igfkg.0), r.igfkg.1, None)
    });
    let our_counts = report("igfkg serve", &ours, seconds, peak_mib("self"));

    let store = work.path().join("oxigraph");
    if !oxigraph_load(&oxigraph_bin, &store, &dump) {
        println!(
            "\n`{oxigraph_bin} load` failed or is missing (pip install oxigraph): no baseline"
        );
        return;
    }
    let bind = free_addr();
    let child = Command::new(&oxigraph_bin)
        .args(["serve", "--union-default-graph", "--location"])
        .arg(&store)
        .args(["--bind", &bind.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Oxigraph(child);
    let base = format!("http://{bind}/query");
    for _ in 0..200 {
        if ureq::get(&base).call().is_ok() || std::net::TcpStream::connect(bind).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let theirs = load(clients, seconds, &mix, |r| {
        let accept = if r.kind == Kind::Page {
            "text/turtle"
        } else {
            "application/sparql-results+json"
        };
        (base.clone(), accept, Some(r.oxigraph.clone()))
    });
    let their_counts = report(
        "oxigraph serve",
        &theirs,
        seconds,
        peak_mib(&server.0.id().to_string()),
    );
    println!();
    for (name, tally) in [("igfkg serve", &ours), ("oxigraph serve", &theirs)] {
        for error in tally.errors.iter().take(3) {
            println!("{name} error: {error}");
        }
    }
    // The same answer to the same query from both.
    let per_year = &mix[2];
    let rows = |mut response: ureq::http::Response<ureq::Body>| -> serde_json::Value {
        let json: serde_json::Value =
            serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        json["results"]["bindings"].clone()
    };
    let ours_answer = rows(
        ureq::get(format!("{url}{}", per_year.igfkg.0))
            .header("Accept", "application/sparql-results+json")
            .call()
            .unwrap(),
    );
    let theirs_answer = rows(
        ureq::post(&base)
            .header("Accept", "application/sparql-results+json")
            .content_type("application/sparql-query")
            .send(per_year.oxigraph.as_str())
            .unwrap(),
    );
    println!(
        "the sample query gives the same rows on both: {}",
        ours_answer == theirs_answer
    );
    assert_eq!(
        ours_answer, theirs_answer,
        "the servers disagree on a query"
    );
    // Both servers must have done the work: every kind answered, no error.
    let same_work = our_counts.iter().all(|n| *n > 0) && their_counts.iter().all(|n| *n > 0);
    println!(
        "ratio of throughput (igfkg / oxigraph): {:.2}; both answered every kind of request: {same_work}",
        ours.latencies.len() as f64 / theirs.latencies.len().max(1) as f64
    );
    assert!(same_work, "a server answered no request of some kind");
    assert!(ours.errors.is_empty(), "igfkg serve answered with errors");
}
