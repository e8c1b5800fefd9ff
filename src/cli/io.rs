//! What several commands share: the graph they read, where their output
//! goes, and the spinner shown while they wait.

use super::args::GraphArgs;
use super::record::Recorded;
use anyhow::Context;
use igfkg::graph::{ExportFormat, IriBase, KnowledgeGraph};
use igfkg::output::{AtomicFile, Hashed};
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
    /// What the build record beside the file says of it.
    recorded: Option<Recorded>,
}

impl GraphSource {
    /// Checks the IRI base: the one given, else the one the build
    /// recorded beside the graph file, else the default.
    pub fn from_args(args: GraphArgs) -> anyhow::Result<Self> {
        #[cfg(feature = "rocksdb")]
        let reads_the_file = args.store.is_none();
        #[cfg(not(feature = "rocksdb"))]
        let reads_the_file = true;
        if reads_the_file && args.graph.is_dir() {
            let dump = args.graph.join("igfkg.nq");
            anyhow::bail!(
                "{} is a folder, not a graph file; {}",
                args.graph.display(),
                if dump.is_file() {
                    format!("give the dump in it: --graph {}", dump.display())
                } else {
                    "give an RDF file such as the igfkg.nq `igfkg build` writes".to_owned()
                }
            );
        }
        let recorded = super::record::recorded(&args.graph)?;
        let base = super::record::base_for(args.base, recorded.as_ref())?;
        Ok(Self {
            base,
            recorded,
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
        let result = self.load(&graph);
        bar.finish_and_clear();
        result?;
        Ok(graph)
    }

    /// Loads the file, checking it against the build record when the
    /// record states its size and hash: the size before reading, the hash
    /// of the bytes as they are parsed (one pass over the file).
    fn load(&self, graph: &KnowledgeGraph) -> anyhow::Result<()> {
        let Some(recorded) = self.recorded.as_ref().filter(|r| r.file.is_some()) else {
            graph.load_file(&self.file)?;
            return Ok(());
        };
        let (Ok(metadata), Some(format), Ok(file)) = (
            std::fs::metadata(&self.file),
            ExportFormat::from_path(&self.file),
            std::fs::File::open(&self.file),
        ) else {
            // The loader says what is wrong with the file, as without a record.
            graph.load_file(&self.file)?;
            return Ok(());
        };
        recorded.check(&self.file, metadata.len(), None)?;
        let mut reader = std::io::BufReader::new(Hashed::new(file));
        graph.load_reader(format.rdf_format(), &mut reader, &self.file)?;
        std::io::copy(&mut reader, &mut std::io::sink())
            .with_context(|| format!("cannot read {}", self.file.display()))?;
        let (_, bytes, sha256) = reader.into_inner().finish();
        recorded.check(&self.file, bytes, Some(&sha256))
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
