//! `igfkg diff`: what changed between two releases or RDF files.

use super::args::DiffArgs;
use super::exit::Status;
use anyhow::Context;
use igfkg::graph::{ExportFormat, IriBase, KnowledgeGraph};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The two datasets to compare.
pub struct Options {
    old: PathBuf,
    new: PathBuf,
    base: IriBase,
    exit_code: bool,
}

impl Options {
    /// Checks the IRI base: the one given, else the one recorded beside
    /// the newer file.
    pub fn from_args(args: DiffArgs) -> anyhow::Result<Self> {
        Ok(Self {
            base: super::record::base_for(args.base, super::record::recorded(&args.new)?.as_ref())?,
            old: args.old,
            new: args.new,
            exit_code: args.exit_code,
        })
    }
}

/// The N-Quads of a release folder (its canonical file) or of an RDF file.
fn nquads_of(path: &Path, base: &IriBase) -> anyhow::Result<String> {
    if path.is_dir() {
        let canonical = path.join(igfkg::publish::files::CANONICAL);
        return std::fs::read_to_string(&canonical).with_context(|| {
            format!(
                "{}: not a release folder (no {})",
                path.display(),
                igfkg::publish::files::CANONICAL
            )
        });
    }
    let graph = KnowledgeGraph::in_memory(base.clone())?;
    graph.load_file(path)?;
    Ok(String::from_utf8(
        graph.export(ExportFormat::NQuads, Vec::new())?,
    )?)
}

/// Prints the changes by subject; with `--exit-code`, differences make
/// the status [`Status::Differences`].
pub fn run(options: Options) -> anyhow::Result<Status> {
    let old = nquads_of(&options.old, &options.base)?;
    let new = nquads_of(&options.new, &options.base)?;
    let diff = igfkg::publish::diff(&old, &new)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} quads added, {} removed, {} subjects changed",
        diff.added_count(),
        diff.removed_count(),
        diff.subjects().len()
    )?;
    for subject in diff.subjects() {
        writeln!(out, "\n{subject}")?;
        for line in diff.removed.get(subject).into_iter().flatten() {
            writeln!(out, "- {line}")?;
        }
        for line in diff.added.get(subject).into_iter().flatten() {
            writeln!(out, "+ {line}")?;
        }
    }
    out.flush()?;
    Ok(if options.exit_code && !diff.is_empty() {
        Status::Differences
    } else {
        Status::Success
    })
}
