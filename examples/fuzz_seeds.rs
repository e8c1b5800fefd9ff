//! Writes the seeds of each fuzz target (`fuzz/src/lib.rs`,
//! `Target::seeds`: the bundled documents, manifest, reference files, the
//! catalogue's example graph) into `CORPUS/<target>/`, the folders
//! `cargo fuzz run` starts from. `fuzz/run` calls it.
//!
//! Usage: `cargo run --example fuzz_seeds -- CORPUS`

// Only the seeds are used here, not the targets' `run`.
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

fn main() {
    let Some(corpus) = std::env::args().nth(1) else {
        eprintln!("usage: fuzz_seeds CORPUS");
        std::process::exit(2);
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, target) in harness::Target::ALL {
        let folder = Path::new(&corpus).join(name);
        std::fs::create_dir_all(&folder).expect("a corpus folder");
        let seeds = target.seeds(repo);
        for (file, bytes) in &seeds {
            std::fs::write(folder.join(file), bytes).expect("a seed");
        }
        println!("{name}: {} seeds", seeds.len());
    }
}
