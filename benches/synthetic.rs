//! The synthetic corpus every benchmark builds: `igfkg gen --messages N`
//! with its default years, sessions and seed (included by path).

use std::path::{Path, PathBuf};

/// Writes the synthetic corpus of `messages` messages into `dir/data` and
/// returns that folder.
pub fn corpus(dir: &Path, messages: u64) -> PathBuf {
    let reference_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reference");
    let reference =
        igfkg::sources::read_reference(&reference_dir).expect("the bundled reference data");
    let data = dir.join("data");
    let options = igfkg::synth::GenOptions {
        years: 20,
        sessions: 40,
        messages,
        seed: 2006,
    };
    igfkg::synth::generate(&options, &reference, Some(&reference_dir), &data)
        .expect("the synthetic corpus");
    data
}
