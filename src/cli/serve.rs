//! `igfkg serve`: the graph, loaded once, served until SIGINT or SIGTERM.

use super::args::ServeArgs;
use super::io::GraphSource;
use igfkg::serve::{App, ServeOptions};
use std::path::Path;
use std::time::Duration;

/// What `igfkg serve` was asked, checked.
pub struct Options {
    graph: GraphSource,
    graph_file: std::path::PathBuf,
    serve: ServeOptions,
}

impl Options {
    /// Checks the limits before the graph is loaded.
    pub fn from_args(args: ServeArgs) -> anyhow::Result<Self> {
        if args.timeout == 0 {
            anyhow::bail!(
                "--timeout 0 would stop every query; give a number of seconds, such as 30"
            );
        }
        if args.max_concurrent == 0 {
            anyhow::bail!("--max-concurrent 0 would answer no query; give at least 1");
        }
        let graph_file = args.graph.graph.clone();
        Ok(Self {
            graph: GraphSource::from_args(args.graph)?,
            serve: ServeOptions {
                bind: args.bind,
                base_url: args.base_url,
                timeout: Duration::from_secs(args.timeout),
                max_concurrent_queries: args.max_concurrent,
                etag: release_hash(&graph_file),
                ..ServeOptions::default()
            },
            graph_file,
        })
    }
}

/// The canonical SHA-256 of the release the graph file belongs to, if it
/// is in a release folder: the graph served never changes, so it is every
/// answer's `ETag`.
fn release_hash(graph: &Path) -> Option<String> {
    let folder = graph.parent()?;
    let text = std::fs::read_to_string(folder.join(igfkg::publish::files::CHECKSUM)).ok()?;
    let hash = text.split_whitespace().next()?;
    (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| hash.to_owned())
}

pub fn run(options: Options) -> anyhow::Result<()> {
    let graph = options.graph.open()?;
    let app = App::new(graph, options.serve)?.with_log(|line| eprintln!("{line}"));
    let url = app.base_url().to_owned();
    let _server = app.spawn()?;
    eprintln!(
        "igfkg: serving {} at {url} (SPARQL at {url}sparql); Ctrl-C stops",
        options.graph_file.display()
    );
    // The server's threads answer until a signal arrives; the graph is
    // read-only, so stopping loses nothing.
    super::signal::wait();
    eprintln!("igfkg: stopped");
    Ok(())
}
