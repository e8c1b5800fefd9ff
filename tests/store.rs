//! Oxigraph's on-disk store (RocksDB), behind the `rocksdb` feature.

use crate::util::{corpus, igfkg, stderr, stdout, workspace};
use igfkg::{ExportFormat, IriBase, KnowledgeGraph};

#[test]
fn build_into_an_on_disk_store_then_query_it() {
    let dir = workspace();
    let output = igfkg(dir.path(), &["build", "--quiet", "--store", "store"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // 48 + 52 + 137 messages, counted by reading the three message documents.
    let output = igfkg(
        dir.path(),
        &[
            "query",
            "--store",
            "store",
            "SELECT (COUNT(?m) AS ?n) WHERE { ?m a igf:Message }",
            "--format",
            "csv",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "n\r\n237\r\n");
    let output = igfkg(dir.path(), &["stats", "--store", "store"]);
    assert!(
        stdout(&output).contains("7 named graphs"),
        "{}",
        stdout(&output)
    );
    // A second build replaces each graph instead of adding to it.
    let output = igfkg(dir.path(), &["build", "--quiet", "--store", "store"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let graph = KnowledgeGraph::open(&dir.path().join("store"), IriBase::default()).unwrap();
    assert_eq!(graph.len().unwrap(), corpus().0.len().unwrap());
    // The on-disk graph exports the same Turtle as the in-memory one.
    assert!(
        graph.export(ExportFormat::Turtle, Vec::new()).unwrap()
            == corpus().0.export(ExportFormat::Turtle, Vec::new()).unwrap()
    );
}

#[test]
fn a_store_inside_an_output_folder_that_does_not_exist_yet_is_made() {
    let dir = workspace();
    let output = igfkg(
        dir.path(),
        &["build", "--quiet", "--out", "new", "--store", "new/store"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("new/store/CURRENT").is_file());
    assert!(dir.path().join("new/igfkg.nq").is_file());
}

#[test]
fn a_store_held_by_a_writer_gives_a_clear_error() {
    let dir = workspace();
    let _writer = KnowledgeGraph::open(&dir.path().join("store"), IriBase::default()).unwrap();
    let output = igfkg(dir.path(), &["build", "--quiet", "--store", "store"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("igfkg: error: the graph store failed"),
        "{}",
        stderr(&output)
    );
}
