//! `igfkg export`: a built graph in an RDF format.

use super::args::ExportArgs;
use super::io::{GraphSource, with_output};
use anyhow::{Context, bail};
use igfkg::graph::ExportFormat;
use std::path::PathBuf;

/// What to export, and where.
pub struct Options {
    graph: GraphSource,
    format: ExportFormat,
    output: Option<PathBuf>,
}

impl Options {
    /// Takes the format from `--format` or the output's extension, and
    /// checks the IRI base.
    pub fn from_args(args: ExportArgs) -> anyhow::Result<Self> {
        let format = match (args.format, &args.output) {
            (Some(format), _) => format,
            (None, Some(path)) => ExportFormat::from_path(path).with_context(|| {
                    format!(
                        "{}: cannot tell the RDF format from the extension; use .ttl, .nt, .nq, .trig, .rdf or .jsonld, or give --format",
                        path.display()
                    )
                })?,
            (None, None) => bail!(
                "give the RDF format with --format (turtle, ntriples, nquads, trig, rdfxml, jsonld), or a file with --output whose extension names it"
            ),
        };
        Ok(Self {
            graph: GraphSource::from_args(args.graph)?,
            format,
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
