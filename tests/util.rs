//! Helpers shared by the integration tests.

use igfkg::model::{Extraction, Message, Session, Theme};
use igfkg::pipeline::{BuildReport, ParsedDocument};
use igfkg::{DataDir, KnowledgeGraph, QueryOutcome, Solutions};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled data directory.
pub fn data_dir() -> PathBuf {
    root().join("data")
}

/// The bundled corpus, built once per test run into an in-memory graph.
pub fn corpus() -> &'static (KnowledgeGraph, BuildReport) {
    static CORPUS: OnceLock<(KnowledgeGraph, BuildReport)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let graph = KnowledgeGraph::new().unwrap();
        let build = igfkg::build(&graph, &DataDir::new(data_dir())).unwrap();
        (graph, build)
    })
}

/// The records of one bundled document.
pub fn document(id: &str) -> &'static ParsedDocument {
    corpus()
        .1
        .documents
        .iter()
        .find(|d| d.document.id == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

/// The extraction of one bundled document.
pub fn extraction(id: &str) -> &'static Extraction {
    &document(id).extraction
}

/// The messages of a session, in order.
pub fn session_messages<'a>(e: &'a Extraction, session: &Session) -> Vec<&'a Message> {
    e.messages
        .iter()
        .filter(|m| m.session.as_ref() == Some(&session.id))
        .collect()
}

/// The messages of a theme, in order.
pub fn theme_messages<'a>(e: &'a Extraction, theme: &Theme) -> Vec<&'a Message> {
    e.messages
        .iter()
        .filter(|m| m.theme.as_ref() == Some(&theme.id))
        .collect()
}

/// Runs a SELECT query on the bundled corpus.
pub fn select(sparql: &str) -> Solutions {
    match corpus().0.query(sparql).unwrap() {
        QueryOutcome::Solutions(s) => s,
        other => panic!("not a SELECT result: {other:?}"),
    }
}

/// The values of one variable of a SELECT query, as text, in result order.
pub fn column(sparql: &str, variable: &str) -> Vec<String> {
    select(sparql)
        .iter()
        .map(|row| row.text(variable).unwrap_or("").to_owned())
        .collect()
}

/// Runs the `igfkg` binary with arguments in a working directory.
pub fn igfkg(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_igfkg"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the bundled data directory in a fresh temporary folder, as
/// `tmp/data`; the folder is the working directory tests run `igfkg` in.
pub fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&data_dir(), &dir.path().join("data"));
    dir
}

/// Builds the bundled data in a fresh workspace.
pub fn built() -> tempfile::TempDir {
    let dir = workspace();
    let output = igfkg(dir.path(), &["build"]);
    assert!(output.status.success(), "{}", stderr(&output));
    dir
}

/// Asserts that a command failed with exit code 1 and an error containing
/// every fragment.
pub fn assert_error(output: &Output, fragments: &[&str]) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.starts_with("igfkg: error: "), "{err}");
    for fragment in fragments {
        assert!(
            err.contains(fragment),
            "{err:?} should contain {fragment:?}"
        );
    }
}

/// The element of a JSON array whose `"name"` is `name` (a class of
/// `stats --format json`, a file of the build record).
pub fn named(list: &serde_json::Value, name: &str) -> serde_json::Value {
    named_by(list, "name", name)
}

/// The element of a JSON array whose `key` is `value` (a stage of the
/// build summary by its `"stage"`).
pub fn named_by(list: &serde_json::Value, key: &str, value: &str) -> serde_json::Value {
    list.as_array()
        .unwrap_or_else(|| panic!("not an array: {list}"))
        .iter()
        .find(|item| item[key] == value)
        .unwrap_or_else(|| panic!("no {key} {value:?} in {list}"))
        .clone()
}

/// The temporaries of igfkg's naming in a folder.
pub fn temporaries(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with(".igfkg-"))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}
