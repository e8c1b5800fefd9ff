//! The fuzz targets' harness (`fuzz/src/lib.rs`), run here on every seed
//! and on every input a fuzzer found (`fuzz/regressions/<target>/`), so
//! that each crash found stays fixed and the harness builds with the tests.

#[path = "../fuzz/src/lib.rs"]
pub mod harness;

use crate::util::root;
use harness::Target;

#[test]
fn every_seed_and_every_input_the_fuzzers_found_runs_without_a_panic() {
    let regressions = root().join("fuzz/regressions");
    for (name, target) in Target::ALL {
        let seeds = target.seeds(root());
        assert!(!seeds.is_empty(), "{name} has no seed");
        for (_, bytes) in &seeds {
            target.run(bytes);
        }
        if let Ok(found) = std::fs::read_dir(regressions.join(name)) {
            for entry in found {
                target.run(&std::fs::read(entry.unwrap().path()).unwrap());
            }
        }
    }
}

#[test]
fn every_fuzz_target_has_a_file_and_every_file_a_target() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("fuzz/fuzz_targets"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned()
        })
        .collect();
    files.sort();
    let mut names: Vec<String> = Target::ALL.iter().map(|(n, _)| (*n).to_owned()).collect();
    names.sort();
    assert_eq!(files, names);
    for format in igfkg::Format::ALL {
        assert!(
            Target::ALL
                .iter()
                .any(|(n, t)| *n == format.name().replace('-', "_")
                    && *t == Target::Document(format)),
            "the {format} format has no fuzz target"
        );
    }
    let manifest = std::fs::read_to_string(root().join("fuzz/Cargo.toml")).unwrap();
    for name in &names {
        assert!(Target::named(name).is_some());
        assert!(
            manifest.contains(&format!("name = \"{name}\"")),
            "{name} is not a [[bin]] of fuzz/Cargo.toml"
        );
    }
}
