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
//! cargo run --example eval_report -- --set tests/eval/heldout
//! ```
//!
//! `--set DIR` scores another labelled set of the same layout
//! (`DIR/passages/*.txt` and `DIR/labels.toml`): `tests/eval/heldout` is the
//! set written blind after the linker was tuned on `tests/eval`.

#[allow(dead_code)] // shared with tests/eval.rs, which uses other parts
#[path = "../tests/eval/harness.rs"]
mod harness;

use igfkg::DataDir;
use igfkg::link::Linker;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut verbose = false;
    let mut dir = PathBuf::from("tests/eval");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-v" | "--verbose" => verbose = true,
            "--set" => {
                dir = args
                    .next()
                    .ok_or("--set needs a folder: tests/eval or tests/eval/heldout")?
                    .into();
            }
            other => {
                return Err(format!(
                    "unknown argument {other:?}: the report takes --verbose and --set DIR"
                )
                .into());
            }
        }
    }
    let reference = DataDir::new("data").reference()?;
    let set = harness::EvalSet::load(&dir)?;
    let groups = reference
        .stakeholder_groups
        .iter()
        .map(|g| g.id.clone())
        .collect();
    let problems = set.problems(&groups);
    if !problems.is_empty() {
        return Err(format!(
            "{} has {} problem(s):\n{}",
            dir.join("labels.toml").display(),
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
