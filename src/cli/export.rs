//! `igfkg export`: a built graph in an RDF format.

use super::args::ExportArgs;
use super::io::{GraphSource, with_output};
use igfkg::graph::ExportFormat;
use std::path::PathBuf;

/// What to export, and where.
pub struct Options {
    graph: GraphSource,
    format: ExportFormat,
    output: Option<PathBuf>,
}

impl Options {
    /// Checks the IRI base.
    pub fn from_args(args: ExportArgs) -> anyhow::Result<Self> {
        Ok(Self {
            graph: GraphSource::from_args(args.graph)?,
            format: args.format,
            output: args.output,
        })
    }
}

/// Writes the graph.
pub fn run(options: Options) -> anyhow::Result<()> {
    let graph = options.graph.open()?;
    with_output(options.output.as_deref(), |w| {
        graph.export(options.format, w)?;
        Ok(())
    })
}
