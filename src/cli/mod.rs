//! The `igfkg` command line: one module per subcommand, each with its
//! resolved options (`Options::from_args`) and its `run`.
//!
//! A run goes through three layers, as ripgrep's does: clap parses the
//! flags ([`args`]), the subcommand resolves them into checked options (an
//! IRI base parsed, a threshold in range, shapes compiled, a query read)
//! before any graph is loaded, and `run` does the work and writes through
//! [`render`]. [`exit::code`] alone turns the outcome into the exit status.

pub mod args;
mod build;
mod diff;
mod docs;
pub mod exit;
mod export;
mod generate;
mod ingest;
mod io;
mod memory;
mod push;
mod query;
mod record;
mod release;
mod render;
mod serve;
mod signal;
mod stats;
mod validate;

use args::{Cli, Command};
use exit::Status;

/// Resolves the subcommand's arguments, then runs it.
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    // One handler for every command: a signal removes the temporaries.
    signal::install()?;
    memory::watch(memory::Limit::resolve(cli.max_memory), cli.command.name())?;
    let done = |()| Status::Success;
    match cli.command {
        Command::Build(args) => build::run(build::Options::from_args(args)?).map(done),
        Command::Query(args) => query::run(query::Options::from_args(args)?).map(done),
        Command::Export(args) => export::run(export::Options::from_args(args)?).map(done),
        Command::Stats(args) => {
            stats::run(io::GraphSource::from_args(args.graph)?, args.format).map(done)
        }
        Command::Ingest(args) => ingest::run(ingest::Options::from_args(args)?).map(done),
        Command::Release(args) => release::run(release::Options::from_args(args)?).map(done),
        Command::Validate(args) => validate::run(validate::Options::from_args(args)?).map(done),
        Command::Diff(args) => diff::run(diff::Options::from_args(args)?),
        Command::Gen(args) => generate::run(args).map(done),
        Command::Serve(args) => serve::run(serve::Options::from_args(args)?).map(done),
        Command::Push(args) => push::run(push::Options::from_args(args)?).map(done),
        Command::Completions(args) => docs::completions(args).map(done),
        Command::Man(args) => docs::man(args).map(done),
    }
}
