//! The dependency invariants of ARCHITECTURE.md, checked against
//! `cargo metadata`: every library crate states which igfkg crates it may
//! depend on, and depends on no other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// The `**Architecture invariant:** `igfkg-x` depends on …` paragraphs of
/// ARCHITECTURE.md: crate → the igfkg crates it may depend on.
fn stated_invariants() -> BTreeMap<String, BTreeSet<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut invariants = BTreeMap::new();
    // An invariant is a paragraph: join its lines.
    for paragraph in text.split("\n\n") {
        let line = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let Some(rest) = line.strip_prefix("**Architecture invariant:** `igfkg-") else {
            continue;
        };
        if !line.contains("depends on") {
            continue;
        }
        let names: Vec<String> = format!("`igfkg-{rest}")
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|name| name.starts_with("igfkg-"))
            .map(str::to_owned)
            .collect();
        let (name, allowed) = names.split_first().expect("the line names its crate");
        let previous = invariants.insert(name.clone(), allowed.iter().cloned().collect());
        assert!(previous.is_none(), "{name} has two dependency invariants");
    }
    invariants
}

/// Each workspace package → the igfkg crates it depends on (normal and
/// build dependencies: dev-dependencies serve tests and examples only).
fn actual_dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|package| {
            let deps = package["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"].as_str() != Some("dev"))
                .filter_map(|d| d["name"].as_str())
                .filter(|name| name.starts_with("igfkg-"))
                .map(str::to_owned)
                .collect();
            (package["name"].as_str().unwrap().to_owned(), deps)
        })
        .collect()
}

#[test]
fn every_library_crate_keeps_its_dependency_invariant() {
    let stated = stated_invariants();
    let actual = actual_dependencies();
    let libraries: BTreeSet<&String> = actual.keys().filter(|n| n.starts_with("igfkg-")).collect();
    assert!(libraries.len() >= 9, "crates found: {libraries:?}");
    for name in &libraries {
        let allowed = stated
            .get(*name)
            .unwrap_or_else(|| panic!("ARCHITECTURE.md states no dependency invariant for {name}"));
        let forbidden: Vec<&String> = actual[*name].difference(allowed).collect();
        assert!(
            forbidden.is_empty(),
            "{name} depends on {forbidden:?}, which its invariant in ARCHITECTURE.md does not allow"
        );
    }
}

#[test]
fn the_rdf_crate_compiles_no_linker_relations_or_file_readers() {
    // The issue that made the model crate hold the records: igfkg-graph
    // compiled the linker, the stemmer and the CSV and TOML readers.
    let actual = actual_dependencies();
    for forbidden in ["igfkg-link", "igfkg-relate", "igfkg-sources"] {
        assert!(!actual["igfkg-graph"].contains(forbidden), "{forbidden}");
    }
    assert!(!actual["igfkg-relate"].contains("igfkg-link"));
}
