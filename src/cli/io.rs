//! What several commands share: the graph they read, where their output
//! goes, and the spinner shown while they wait.

use super::args::GraphArgs;
use anyhow::Context;
use igfkg::graph::{IriBase, KnowledgeGraph};
use igfkg::output::AtomicFile;
use indicatif::ProgressBar;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The graph a command reads, resolved from [`GraphArgs`].
pub struct GraphSource {
    /// An RDF file, loaded into memory.
    file: PathBuf,
    /// An on-disk Oxigraph store, read instead of the file.
    #[cfg(feature = "rocksdb")]
    store: Option<PathBuf>,
    /// The base of the data IRIs.
    pub base: IriBase,
}

impl GraphSource {
    /// Checks the IRI base: the one given, else the one the build
    /// recorded beside the graph file, else the default.
    pub fn from_args(args: GraphArgs) -> anyhow::Result<Self> {
        let base = match args.base {
            Some(base) => IriBase::new(base)?,
            None => super::record::recorded_base(&args.graph)?.unwrap_or_default(),
        };
        Ok(Self {
            base,
            file: args.graph,
            #[cfg(feature = "rocksdb")]
            store: args.store,
        })
    }

    /// The files the graph is read from, which no output may replace.
    pub fn inputs(&self) -> Vec<PathBuf> {
        #[cfg(feature = "rocksdb")]
        if let Some(dir) = &self.store {
            return vec![dir.clone()];
        }
        vec![self.file.clone()]
    }

    /// Opens the store, or loads the file into memory.
    pub fn open(&self) -> anyhow::Result<KnowledgeGraph> {
        #[cfg(feature = "rocksdb")]
        if let Some(dir) = &self.store {
            return Ok(KnowledgeGraph::open_read_only(dir, self.base.clone())?);
        }
        let graph = KnowledgeGraph::in_memory(self.base.clone())?;
        let bar = spinner(format!("loading {}", self.file.display()));
        let result = graph.load_file(&self.file);
        bar.finish_and_clear();
        result?;
        Ok(graph)
    }
}

/// A spinner on standard error (hidden when it is not a terminal).
pub fn spinner(message: impl Into<std::borrow::Cow<'static, str>>) -> ProgressBar {
    let bar = ProgressBar::new_spinner().with_message(message);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Creates a file to be written whole or not at all, naming it on failure.
pub fn create(path: &Path) -> anyhow::Result<AtomicFile> {
    AtomicFile::create(path).with_context(|| format!("cannot write {}", path.display()))
}

/// Puts a finished file in place, naming it on failure.
pub fn commit(file: AtomicFile) -> anyhow::Result<()> {
    let path = file.target().to_owned();
    file.commit()
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Writes to a file atomically, or to standard output.
pub fn with_output(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            let mut file = create(path)?;
            write(&mut file)?;
            commit(file)
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            write(&mut stdout)?;
            stdout.flush()?;
            Ok(())
        }
    }
}
