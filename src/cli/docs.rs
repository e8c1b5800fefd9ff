//! `igfkg completions` and `igfkg man`: the shell completion scripts
//! (clap_complete) and the man pages (clap_mangen), made from the same
//! definition of the command line as `--help`, so they never disagree.

use super::args::{Cli, CompletionsArgs, ManArgs};
use anyhow::Context;
use clap::CommandFactory;
use std::io::Write;

/// Writes the completion script of a shell to standard output.
pub fn completions(args: CompletionsArgs) -> anyhow::Result<()> {
    let mut command = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut command, "igfkg", &mut out);
    out.flush()?;
    Ok(())
}

/// Writes igfkg(1), or the page of one subcommand, to standard output.
pub fn man(args: ManArgs) -> anyhow::Result<()> {
    let command = Cli::command();
    let page = match &args.subcommand {
        None => command,
        Some(name) => {
            let names: Vec<String> = command
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .collect();
            let sub = command
                .find_subcommand(name)
                .with_context(|| {
                    format!(
                        "igfkg has no subcommand {name:?}; the subcommands are {}",
                        names.join(", ")
                    )
                })?
                .clone();
            // The page's title and synopsis name the whole command.
            let title = format!("igfkg-{}", sub.get_name());
            sub.name(title.clone())
                .bin_name(format!("igfkg {name}"))
                .display_name(title)
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(page).render(&mut out)?;
    out.flush()?;
    Ok(())
}
