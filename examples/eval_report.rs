//! Prints the out-of-sample evaluation of igfkg's entity linker: it links
//! the hand-labelled passages of `tests/eval/` (written in the layouts of IGF
//! documents of 2006–2016 and 2020–2025) with the registries of `data/`, and
//! prints precision and recall per kind of link — NRIs, organisations,
//! stakeholder groups called on, topics and SDGs. With `--verbose` it also
//! lists every false link and every missed mention. The rules are in
//! `tests/eval/README.md`.
//!
//! Run it from the repository root:
//!
//! ```sh
//! cargo run --example eval_report
//! cargo run --example eval_report -- --verbose
//! ```

#[allow(dead_code)] // shared with tests/eval.rs, which uses other parts
#[path = "../tests/eval/harness.rs"]
mod harness;

use igfkg::DataDir;
use igfkg::link::Linker;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut verbose = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "-v" | "--verbose" => verbose = true,
            other => {
                return Err(
                    format!("unknown argument {other:?}: the report takes only --verbose").into(),
                );
            }
        }
    }
    let reference = DataDir::new("data").reference()?;
    let set = harness::EvalSet::load(Path::new("tests/eval"))?;
    let groups = reference
        .stakeholder_groups
        .iter()
        .map(|g| g.id.clone())
        .collect();
    let problems = set.problems(&groups);
    if !problems.is_empty() {
        return Err(format!(
            "tests/eval/labels.toml has {} problem(s):\n{}",
            problems.len(),
            problems.join("\n")
        )
        .into());
    }
    let linker = Linker::new(&reference);
    let links = harness::run_linker(&linker, &reference, &set);
    let report = harness::score(&set, &links);
    println!(
        "Out-of-sample evaluation: {} passages, {} labelled mentions",
        set.passages.len(),
        set.labels.mention.len()
    );
    print!("{}", harness::render(&report, verbose));
    Ok(())
}
