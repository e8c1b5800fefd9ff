//! `igfkg build`'s outputs are one unit: the build record states each
//! dump's size and SHA-256, and the commands that read a dump refuse one
//! that another build wrote.

use crate::util::{assert_error, built, igfkg, named, named_by, stderr, stdout};
use igfkg::model::sha256_hex;
use std::path::Path;

/// The record's entry for a file.
fn entry(record: &serde_json::Value, name: &str) -> serde_json::Value {
    named(&record["files"], name)
}

fn record(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("out/igfkg.build.json")).unwrap()).unwrap()
}

#[test]
fn the_build_record_states_each_dumps_size_and_hash() {
    let dir = built();
    let record = record(dir.path());
    for name in ["igfkg.ttl", "igfkg.nq"] {
        let bytes = std::fs::read(dir.path().join("out").join(name)).unwrap();
        let entry = entry(&record, name);
        assert_eq!(entry["bytes"].as_u64(), Some(bytes.len() as u64), "{name}");
        assert_eq!(entry["sha256"].as_str(), Some(sha256_hex(&bytes).as_str()));
    }
}

#[test]
fn a_dump_of_another_build_is_refused_with_the_file_named() {
    let dir = built();
    let other = crate::util::workspace();
    let lean = igfkg(other.path(), &["build", "--quiet", "--evidence", "lean"]);
    assert!(lean.status.success(), "{}", stderr(&lean));
    // The Turtle of the lean build beside the record of the full one, as a
    // build killed between its renames could leave them.
    std::fs::copy(
        other.path().join("out/igfkg.ttl"),
        dir.path().join("out/igfkg.ttl"),
    )
    .unwrap();
    let expected = [
        "out/igfkg.ttl does not belong to the build recorded in out/igfkg.build.json",
        "rebuild with `igfkg build`",
    ];
    for args in [
        &["query", "--graph", "out/igfkg.ttl", "ASK {}"][..],
        &["export", "--graph", "out/igfkg.ttl", "--format", "nquads"],
        &["stats", "--graph", "out/igfkg.ttl"],
    ] {
        assert_error(&igfkg(dir.path(), args), &expected);
    }
    // The N-Quads still belong to the record.
    let stats = igfkg(dir.path(), &["stats"]);
    assert!(stats.status.success(), "{}", stderr(&stats));

    // A change that keeps the size is caught by the hash.
    let path = dir.path().join("out/igfkg.nq");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.iter().position(|&b| b == b'a').unwrap();
    bytes[at] = b'b';
    std::fs::write(&path, &bytes).unwrap();
    let output = igfkg(dir.path(), &["query", "ASK {}"]);
    assert_error(
        &output,
        &[
            "out/igfkg.nq does not belong to the build recorded in out/igfkg.build.json",
            &format!("its SHA-256 is {}", sha256_hex(&bytes)),
        ],
    );
}

#[test]
fn a_graph_without_a_record_is_read_as_given() {
    let dir = built();
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::copy(
        dir.path().join("out/igfkg.nq"),
        dir.path().join("mine/graph.nq"),
    )
    .unwrap();
    let output = igfkg(
        dir.path(),
        &[
            "query",
            "--graph",
            "mine/graph.nq",
            "ASK { ?s a igf:Message }",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("true"), "{}", stdout(&output));
}

#[test]
fn a_build_without_a_store_writes_what_a_store_of_its_graphs_exports() {
    // `igfkg build` puts its graphs straight into the exports' snapshot;
    // the library's `build` puts them into an Oxigraph store. The dumps
    // must be the same bytes (a decimal written as "0.90" came back from
    // the store as "0.9"), and the summary's counts the store's.
    let dir = built();
    let (graph, _) = crate::util::corpus();
    for (file, format) in [
        ("igfkg.ttl", igfkg::ExportFormat::Turtle),
        ("igfkg.nq", igfkg::ExportFormat::NQuads),
    ] {
        let written = std::fs::read(dir.path().join("out").join(file)).unwrap();
        let exported = graph.export(format, Vec::new()).unwrap();
        assert!(
            written == exported,
            "{file} differs from the store's export"
        );
    }
    let output = igfkg(dir.path(), &["build", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let stats = graph.stats().unwrap();
    assert_eq!(summary["triples"], stats.triples);
    assert_eq!(summary["quads"], stats.quads);
    assert_eq!(summary["graphs"], stats.graphs);
    // Seven named graphs: the reference data's, the five documents' and
    // the relations across years'.
    assert_eq!(stats.graphs, 7);
    for class in &stats.classes {
        let name = named_by(&summary["classes"], "class", &class.class);
        assert_eq!(name["total"], class.total, "{}", class.class);
    }
}
