//! `igfkg`: builds, queries and exports a knowledge graph of Internet
//! Governance Forum outcomes.
//!
//! The binary is the only part of igfkg that knows clap, anyhow, indicatif
//! and exit codes; its modules are under `src/cli/`.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let run = cli::args::Cli::try_parse()
        .map_err(anyhow::Error::from)
        .and_then(cli::run);
    cli::exit::code(run)
}
