//! The push benchmark: how fast `igfkg push` publishes a lean synthetic
//! build into an Oxigraph server over the Graph Store Protocol, against
//! `oxigraph load` of the same N-Quads file into the same kind of store
//! (RocksDB in a folder).
//!
//! Needs the `oxigraph` binary (`pip install oxigraph`) on PATH, or named by
//! `IGFKG_TEST_OXIGRAPH_BIN`. Run it with
//! `IGFKG_PUSH_BENCH_SIZES=10000,100000 cargo bench --bench push`
//! (default: 10000 messages); it prints a Markdown table.

#[path = "../tests/net.rs"]
mod net;
#[path = "synthetic.rs"]
mod synthetic;

use igfkg::push::{Prepared, Pusher, StoreKind};
use igfkg::{DataDir, EvidenceLevel, ExportFormat, KnowledgeGraph};
use net::{free_port, oxigraph_load, oxigraph_serve};
use std::time::Instant;

fn main() {
    let sizes: Vec<u64> = std::env::var("IGFKG_PUSH_BENCH_SIZES")
        .unwrap_or_else(|_| "10000".to_owned())
        .split(',')
        .map(|s| {
            s.trim()
                .parse()
                .expect("IGFKG_PUSH_BENCH_SIZES: numbers separated by commas")
        })
        .collect();
    let oxigraph =
        std::env::var("IGFKG_TEST_OXIGRAPH_BIN").unwrap_or_else(|_| "oxigraph".to_owned());
    println!(
        "| messages | triples | graphs | N-Quads MiB | split (s) | push + count check (s) | push triples/s | `oxigraph load` (s) | load triples/s | push / load time |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for messages in sizes {
        let dir = tempfile::tempdir().unwrap();
        let data = synthetic::corpus(dir.path(), messages);
        let graph = KnowledgeGraph::new().unwrap();
        igfkg::Build::new(&DataDir::new(&data))
            .evidence(EvidenceLevel::Lean)
            .run(&graph)
            .unwrap();
        let dump = dir.path().join("igfkg.nq");
        graph
            .export(ExportFormat::NQuads, std::fs::File::create(&dump).unwrap())
            .unwrap();
        drop(graph);
        let size = std::fs::metadata(&dump).unwrap().len();

        // igfkg push into a server on a folder of its own.
        let port = free_port();
        let mut server = oxigraph_serve(&oxigraph, &dir.path().join("served"), port, &[]);
        let split_started = Instant::now();
        let prepared = Prepared::split(&dump, None).unwrap();
        let split = split_started.elapsed().as_secs_f64();
        let pusher = Pusher::new(StoreKind::Oxigraph, &format!("http://127.0.0.1:{port}")).unwrap();
        let summary = pusher.push(&prepared, |_| {}).unwrap();
        let _ = server.kill();
        let _ = server.wait();
        let push = split + summary.elapsed.as_secs_f64();

        // Oxigraph's own loader, of the same file, into the same kind of store.
        let load_started = Instant::now();
        assert!(
            oxigraph_load(&oxigraph, &dir.path().join("loaded"), &dump),
            "oxigraph load failed (pip install oxigraph)"
        );
        let load = load_started.elapsed().as_secs_f64();
        let triples = summary.triples as f64;
        println!(
            "| {messages} | {} | {} | {:.1} | {split:.2} | {:.2} | {:.0} | {load:.2} | {:.0} | {:.2} |",
            summary.triples,
            summary.graphs,
            size as f64 / (1024.0 * 1024.0),
            summary.elapsed.as_secs_f64(),
            triples / push,
            triples / load,
            push / load
        );
    }
}
