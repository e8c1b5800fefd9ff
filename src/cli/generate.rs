//! `igfkg gen`: a synthetic corpus for benchmarks (the module is not `gen`, a keyword of Rust 2024).

use super::args::GenArgs;
use std::io::Write;

/// Writes the corpus and says how to build it.
pub fn run(args: GenArgs) -> anyhow::Result<()> {
    let reference = match &args.reference {
        Some(dir) => igfkg::sources::read_reference(dir)?,
        None => igfkg::sources::standard_reference()?,
    };
    let options = igfkg::synth::GenOptions {
        years: args.years,
        sessions: args.sessions,
        messages: args.messages,
        seed: args.seed,
    };
    let generated =
        igfkg::synth::generate(&options, &reference, args.reference.as_deref(), &args.out)?;
    writeln!(
        std::io::stdout().lock(),
        "Wrote {} documents with {} messages ({} bytes) into {}; build it with `igfkg build --data {}`",
        generated.documents,
        generated.messages,
        generated.bytes,
        args.out.display(),
        args.out.display()
    )?;
    Ok(())
}
