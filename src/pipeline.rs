//! The build pipeline: data directory → parsed documents → knowledge graph.

use igfkg_graph::{EvidenceLevel, GraphTarget, KnowledgeGraph, StoreError};
use igfkg_ingest::{Format, ParseError};
use igfkg_link::Linker;
use igfkg_model::DocumentLinks;
use igfkg_model::{Diagnostic, Extraction, Severity, SourceDocument};
use igfkg_relate::{Relations, RelationsConfig};
use igfkg_sources::{DataDir, Location, ManifestEntry, ReferenceData, SourceError, SourceText};
use std::path::Path;

/// An error that stops a build.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The manifest, a document or reference data could not be read.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// A manifest entry names a format igfkg has no parser for.
    #[error(
        "{location}: unknown document format {format:?}; use one of messages-by-session, messages-by-theme, session-reports, narrative, outline, transcript, records, programme"
    )]
    UnknownFormat {
        /// Where the format is written in the manifest.
        location: Location,
        /// The format written.
        format: String,
    },
    /// A document does not have the structure of its declared format.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The graph store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A document a strict build cannot read (the first one).
    #[error("{}", .0.error)]
    Skipped(SkippedDocument),
    /// The manifest's sources hold more than a build reads.
    #[error(
        "{}: the documents it lists hold {bytes} bytes, more than the {max_bytes} a build reads; build part of them, or raise the limit with --max-corpus-size BYTES",
        manifest.display()
    )]
    CorpusTooLarge {
        /// The manifest.
        manifest: std::path::PathBuf,
        /// The size of its documents' files together.
        bytes: u64,
        /// The limit.
        max_bytes: u64,
    },
}

/// One document of a build, with what was extracted from it and linked.
#[derive(Debug, Clone)]
pub struct ParsedDocument {
    /// The document, with its checksum.
    pub document: SourceDocument,
    /// Its format.
    pub format: Format,
    /// The records and diagnostics.
    pub extraction: Extraction,
    /// The links of its records to SDGs, NRIs, groups, organisations and topics.
    pub links: DocumentLinks,
}

/// What a build read and inserted: what [`Build::run`] and [`build`] return.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// The reference data.
    pub reference: ReferenceData,
    /// Every document of the manifest, in manifest order.
    pub documents: Vec<ParsedDocument>,
    /// Message lineage and theme alignment across years.
    pub relations: Relations,
    /// Quads inserted into the graph.
    pub quads: usize,
    /// The documents left out, with why (empty in a strict build, which
    /// stops at the first instead).
    pub skipped: Vec<SkippedDocument>,
    /// How long each stage took, in the order they ran.
    pub timings: Vec<StageTime>,
}

/// A document a build left out: its format is unknown, its file is missing
/// or unreadable, or it does not have its format's structure.
#[derive(Debug, Clone)]
pub struct SkippedDocument {
    /// The document's manifest id.
    pub id: String,
    /// Why, with the file, line and column and what to do.
    pub error: std::sync::Arc<BuildError>,
}

impl BuildReport {
    /// Every diagnostic of every document, in manifest order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> + '_ {
        self.documents
            .iter()
            .flat_map(|d| d.extraction.diagnostics.iter())
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// A stage of a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Stage {
    /// Reading the reference data and the manifest ([`load`]).
    Load,
    /// Reading and parsing the documents ([`parse`]).
    Parse,
    /// Linking their records to the reference data ([`link`]).
    Link,
    /// Message lineage and theme alignment across years ([`relate`]).
    Relate,
    /// Inserting everything into the graph ([`insert`]).
    Insert,
}

impl Stage {
    /// Its name, as the command line shows it: `load`, `parse`, `link`,
    /// `relate`, `insert`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Load => "load",
            Stage::Parse => "parse",
            Stage::Link => "link",
            Stage::Relate => "relate",
            Stage::Insert => "insert",
        }
    }

    /// What [`StageTime::items`] counts for it: `documents`, `messages`
    /// (relate) or `quads` (insert).
    pub fn unit(self) -> &'static str {
        match self {
            Stage::Load | Stage::Parse | Stage::Link => "documents",
            Stage::Relate => "messages",
            Stage::Insert => "quads",
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How long a stage took, and how much it went through.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageTime {
    /// The stage.
    pub stage: Stage,
    /// Its wall-clock time.
    pub elapsed: std::time::Duration,
    /// What it went through, counted in its [`Stage::unit`]: the manifest's
    /// documents for load, those parsed for parse and link, the messages
    /// related, the quads inserted.
    pub items: usize,
}

impl StageTime {
    /// Items per second (0 for a stage that took no measurable time).
    pub fn rate(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.items as f64 / seconds
        } else {
            0.0
        }
    }
}

/// A step of a build, for progress reporting: each stage starts, goes
/// through its items where it has several, and finishes with its time.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Step<'a> {
    /// A stage starts; `count` is how many items it will go through, where
    /// known beforehand (documents to parse, link or insert, messages to
    /// relate).
    Start {
        /// The stage.
        stage: Stage,
        /// Its items, where known.
        count: Option<usize>,
    },
    /// The stage is at an item: a document (index from 0 among `count`).
    Item {
        /// The stage.
        stage: Stage,
        /// The document's id.
        document: &'a str,
        /// Its index among the stage's items.
        index: usize,
        /// The stage's items.
        count: usize,
    },
    /// A stage finished.
    Finish(StageTime),
}

/// Options of a build.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildOptions {
    /// How message lineage and theme alignment are computed.
    pub relations: RelationsConfig,
    /// How much evidence of links, echoes and alignments the graph keeps.
    pub evidence: EvidenceLevel,
    /// Stop at the first document that cannot be read, instead of leaving
    /// it out and building the others.
    pub strict: bool,
    /// The largest source document read, in bytes (a larger one is left
    /// out, or stops a strict build, with an error that says so).
    pub max_source_bytes: u64,
    /// The most bytes all the manifest's sources may hold together
    /// ([`MAX_CORPUS_BYTES`] by default); a larger corpus stops the build
    /// before anything is read.
    pub max_corpus_bytes: u64,
}

/// The most bytes a build reads in all, unless told otherwise: 1 GiB of
/// text, past which the graph outgrows the memory of most machines.
pub const MAX_CORPUS_BYTES: u64 = 1 << 30;

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            relations: RelationsConfig::default(),
            evidence: EvidenceLevel::default(),
            strict: false,
            max_source_bytes: igfkg_sources::MAX_SOURCE_BYTES,
            max_corpus_bytes: MAX_CORPUS_BYTES,
        }
    }
}

/// Reads the data directory and inserts everything into `graph`, with the
/// default options and no progress reporting: `Build::new(data).run(graph)`.
///
/// ```
/// use igfkg::{DataDir, KnowledgeGraph};
///
/// let graph = KnowledgeGraph::new()?;
/// let report = igfkg::build(&graph, &DataDir::new("data"))?;
/// assert_eq!(report.documents.len(), 5);
/// assert!(report.skipped.is_empty());
/// // The 2017, 2018 and 2019 messages: 48 + 52 + 137.
/// let messages: usize = report.documents.iter().map(|d| d.extraction.messages.len()).sum();
/// assert_eq!(messages, 237);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// See [`Build::run`].
pub fn build(graph: &KnowledgeGraph, data: &DataDir) -> Result<BuildReport, BuildError> {
    Build::new(data).run(graph)
}

/// A build to run: the data directory, the options and what to tell of
/// progress. [`Build::run`] chains the stages [`load`], [`parse`],
/// [`link`], [`relate`] and [`insert`].
///
/// ```
/// use igfkg::pipeline::{Stage, Step};
/// use igfkg::{Build, DataDir, EvidenceLevel, KnowledgeGraph};
///
/// let graph = KnowledgeGraph::new()?;
/// let data = DataDir::new("data");
/// let mut parsed = Vec::new();
/// let report = Build::new(&data)
///     .evidence(EvidenceLevel::Lean)
///     .strict(true)
///     .progress(|step| {
///         if let Step::Item { stage: Stage::Parse, document, .. } = step {
///             parsed.push(document.to_owned());
///         }
///     })
///     .run(&graph)?;
/// assert_eq!(parsed.len(), 5);
/// // One timing per stage, in the order they ran.
/// let stages: Vec<_> = report.timings.iter().map(|t| t.stage.name()).collect();
/// assert_eq!(stages, ["load", "parse", "link", "relate", "insert"]);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a build does nothing until it is run"]
pub struct Build<'a, P = fn(Step<'_>)> {
    data: &'a DataDir,
    options: BuildOptions,
    progress: P,
}

fn no_progress(_: Step<'_>) {}

impl<'a> Build<'a> {
    /// A build of `data` with the default options, telling nothing of its
    /// progress.
    pub fn new(data: &'a DataDir) -> Self {
        Self {
            data,
            options: BuildOptions::default(),
            progress: no_progress,
        }
    }
}

impl<'a, P: FnMut(Step<'_>)> Build<'a, P> {
    /// All the options at once.
    pub fn options(mut self, options: BuildOptions) -> Self {
        self.options = options;
        self
    }

    /// How much evidence the graph keeps ([`BuildOptions::evidence`]).
    pub fn evidence(mut self, evidence: EvidenceLevel) -> Self {
        self.options.evidence = evidence;
        self
    }

    /// Whether the first document that cannot be read stops the build
    /// ([`BuildOptions::strict`]).
    pub fn strict(mut self, strict: bool) -> Self {
        self.options.strict = strict;
        self
    }

    /// How lineage and alignment are computed ([`BuildOptions::relations`]).
    pub fn relations(mut self, relations: RelationsConfig) -> Self {
        self.options.relations = relations;
        self
    }

    /// Calls `progress` at every [`Step`].
    pub fn progress<Q: FnMut(Step<'_>)>(self, progress: Q) -> Build<'a, Q> {
        Build {
            data: self.data,
            options: self.options,
            progress,
        }
    }

    /// Reads the data directory and inserts everything into `graph`.
    ///
    /// Everything is read and parsed before anything is inserted. A document
    /// whose format is unknown, whose file is missing or unreadable, or that
    /// does not have its format's structure is left out and listed in
    /// [`BuildReport::skipped`]; with [`BuildOptions::strict`] it stops the
    /// build instead, and the graph stays as it was.
    ///
    /// # Errors
    /// An unreadable or invalid manifest or reference file, a corpus larger
    /// than [`BuildOptions::max_corpus_bytes`], a store failure, or, in a
    /// strict build, the first document that cannot be read.
    pub fn run(self, graph: &KnowledgeGraph) -> Result<BuildReport, BuildError> {
        self.run_into(&mut { graph })
    }

    /// [`Build::run`], putting the graphs into any [`GraphTarget`]: a
    /// store, or a [`igfkg_graph::export::SnapshotBuilder`] when only the
    /// exports are wanted (what `igfkg build` does without `--store`).
    ///
    /// # Errors
    /// As [`Build::run`].
    pub fn run_into(self, target: &mut impl GraphTarget) -> Result<BuildReport, BuildError> {
        let Build {
            data,
            options,
            progress,
        } = self;
        let mut clock = Clock {
            progress,
            timings: Vec::new(),
        };
        let started = clock.start(Stage::Load, None);
        let mut corpus = load(data)?;
        corpus.max_source_bytes = options.max_source_bytes;
        // The files' sizes together, before any is read: a build holds the
        // whole corpus and its graph in memory.
        let bytes = corpus
            .entries
            .iter()
            .filter_map(|(entry, _)| std::fs::metadata(&entry.file).ok())
            .map(|m| m.len())
            .sum::<u64>();
        if bytes > options.max_corpus_bytes {
            return Err(BuildError::CorpusTooLarge {
                manifest: data.manifest_path(),
                bytes,
                max_bytes: options.max_corpus_bytes,
            });
        }
        clock.finish(Stage::Load, started, corpus.ids.len());

        let started = clock.start(Stage::Parse, Some(corpus.entries.len()));
        // A strict build stops at the first document left out ([`parse`]).
        let (parsed, left_out) = if options.strict {
            (parse(&corpus, &mut clock.progress)?, Vec::new())
        } else {
            parse_each(&corpus, &mut clock.progress)
        };
        let mut skipped = corpus.skipped.clone();
        skipped.extend(left_out);
        skipped.sort_by_key(|s| corpus.position(&s.id));
        clock.finish(Stage::Parse, started, parsed.len());

        let started = clock.start(Stage::Link, Some(parsed.len()));
        let documents = link_each(&corpus.reference, parsed, &mut clock.progress);
        clock.finish(Stage::Link, started, documents.len());

        let messages = documents.iter().map(|d| d.extraction.messages.len()).sum();
        // The documents go into the target while the relations across
        // years are computed: relating leaves a core idle at times, and
        // the documents' graphs do not depend on it.
        let (relations, quads) = std::thread::scope(|scope| -> Result<_, BuildError> {
            let relating = scope.spawn(|| {
                let started = std::time::Instant::now();
                (relate(&documents, &options.relations), started.elapsed())
            });
            let started = clock.start(Stage::Insert, Some(documents.len()));
            let mut quads = insert_each(
                target,
                &corpus.reference,
                &documents,
                options.evidence,
                &mut clock.progress,
            )?;
            let mut inserting = started.elapsed();
            clock.start(Stage::Relate, Some(messages));
            let (relations, relating) = match relating.join() {
                Ok(related) => related,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            clock.finish_after(Stage::Relate, relating, messages);
            let started = clock.start(Stage::Insert, None);
            quads += target.insert_relations(&relations, options.evidence)?;
            inserting += started.elapsed();
            clock.finish_after(Stage::Insert, inserting, quads);
            Ok((relations, quads))
        })?;
        Ok(BuildReport {
            reference: corpus.reference,
            documents,
            relations,
            quads,
            skipped,
            timings: clock.timings,
        })
    }
}

/// Times the stages of a build and tells the progress callback.
struct Clock<P> {
    progress: P,
    timings: Vec<StageTime>,
}

impl<P: FnMut(Step<'_>)> Clock<P> {
    fn start(&mut self, stage: Stage, count: Option<usize>) -> std::time::Instant {
        (self.progress)(Step::Start { stage, count });
        std::time::Instant::now()
    }

    fn finish(&mut self, stage: Stage, started: std::time::Instant, items: usize) {
        self.finish_after(stage, started.elapsed(), items);
    }

    /// A stage finished after `elapsed` of work (which may have overlapped
    /// another stage's).
    fn finish_after(&mut self, stage: Stage, elapsed: std::time::Duration, items: usize) {
        let time = StageTime {
            stage,
            elapsed,
            items,
        };
        self.timings.push(time);
        (self.progress)(Step::Finish(time));
    }
}

/// What a build reads before parsing: the reference data and the
/// manifest's entries, each with its format checked.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The reference data.
    pub reference: ReferenceData,
    /// The manifest's entries, in manifest order, with their formats.
    pub entries: Vec<(ManifestEntry, Format)>,
    /// The entries whose format igfkg does not know.
    pub skipped: Vec<SkippedDocument>,
    /// Every manifest id, in manifest order.
    pub ids: Vec<String>,
    /// The largest source document read, in bytes
    /// ([`igfkg_sources::MAX_SOURCE_BYTES`] unless a build says otherwise).
    pub max_source_bytes: u64,
}

impl Corpus {
    /// The position of a document in the manifest.
    fn position(&self, id: &str) -> usize {
        self.ids.iter().position(|i| i == id).unwrap_or(usize::MAX)
    }
}

/// Stage 1: reads the reference data and the manifest, and checks every
/// entry's format; an entry whose format is unknown is in [`Corpus::skipped`].
///
/// # Errors
/// An unreadable or invalid manifest or reference file.
pub fn load(data: &DataDir) -> Result<Corpus, BuildError> {
    let reference = data.reference()?;
    let manifest = data.manifest()?;
    check_meetings(data, &reference, &manifest.entries)?;
    let ids = manifest
        .entries
        .iter()
        .map(|e| e.document.id.clone())
        .collect();
    // Check every format first: a typo in the last entry should not cost
    // parsing the others.
    let mut entries = Vec::with_capacity(manifest.entries.len());
    let mut skipped = Vec::new();
    for entry in manifest.entries {
        match entry.document.format.parse::<Format>() {
            Ok(format) => entries.push((entry, format)),
            Err(_) => skipped.push(SkippedDocument {
                id: entry.document.id.clone(),
                error: std::sync::Arc::new(BuildError::UnknownFormat {
                    location: entry.format_at.clone(),
                    format: entry.document.format.clone(),
                }),
            }),
        }
    }
    Ok(Corpus {
        reference,
        entries,
        skipped,
        ids,
        max_source_bytes: igfkg_sources::MAX_SOURCE_BYTES,
    })
}

/// Checks that every meeting the manifest names is one the reference data
/// lists: a document of a meeting `meetings.toml` does not know would hang
/// off a meeting node with no date, place or ordinal.
fn check_meetings(
    data: &DataDir,
    reference: &ReferenceData,
    entries: &[ManifestEntry],
) -> Result<(), SourceError> {
    for entry in entries {
        let (Some(year), Some(at)) = (entry.document.meeting, &entry.meeting_at) else {
            continue;
        };
        if reference.meetings.iter().all(|m| m.year != year) {
            return Err(SourceError::Invalid {
                path: at.path.clone(),
                line: at.line,
                column: at.column,
                message: format!(
                    "document {:?}: `meeting` {year} is not a meeting of {}; add the meeting there, or fix `meeting`",
                    entry.document.id,
                    data.reference_dir().join(igfkg_sources::MEETINGS).display()
                ),
            });
        }
    }
    Ok(())
}

/// A document parsed but not yet linked.
#[derive(Debug, Clone)]
pub struct ExtractedDocument {
    /// The document, with its checksum.
    pub document: SourceDocument,
    /// Its format.
    pub format: Format,
    /// The records and diagnostics.
    pub extraction: Extraction,
}

/// Stage 2: reads and parses every document of the corpus, in manifest
/// order, reporting a [`Step::Item`] before each.
///
/// # Errors
/// The first document that cannot be read or does not match its format
/// (an unknown format is [`Corpus::skipped`]'s first).
pub fn parse(
    corpus: &Corpus,
    progress: impl FnMut(Step<'_>),
) -> Result<Vec<ExtractedDocument>, BuildError> {
    if let Some(first) = corpus.skipped.first() {
        return Err(BuildError::Skipped(first.clone()));
    }
    let (parsed, skipped) = parse_each(corpus, progress);
    match skipped.into_iter().next() {
        Some(first) => Err(BuildError::Skipped(first)),
        None => Ok(parsed),
    }
}

/// Stage 2 going on past bad documents: the documents parsed, and those
/// that could not be read or do not match their format.
pub fn parse_each(
    corpus: &Corpus,
    mut progress: impl FnMut(Step<'_>),
) -> (Vec<ExtractedDocument>, Vec<SkippedDocument>) {
    let parsed = in_parallel(
        &corpus.entries,
        |(entry, format)| parse_one(corpus, entry, *format),
        |index, count| {
            progress(Step::Item {
                stage: Stage::Parse,
                document: &corpus.entries[index].0.document.id,
                index,
                count,
            })
        },
    );
    let mut documents = Vec::with_capacity(parsed.len());
    let mut skipped = Vec::new();
    for (result, (entry, _)) in parsed.into_iter().zip(&corpus.entries) {
        match result {
            Ok(document) => documents.push(document),
            Err(error) => skipped.push(SkippedDocument {
                id: entry.document.id.clone(),
                error: std::sync::Arc::new(error),
            }),
        }
    }
    (documents, skipped)
}

/// `work` done on every item, on the cores there are, with the results in
/// the items' order (so a build's output does not depend on which
/// document finished first); `started` is told, on the calling thread,
/// the index of each item as work on it begins, and the count.
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut started: impl FnMut(usize, usize),
) -> Vec<R> {
    use rayon::prelude::*;
    let count = items.len();
    let work = &work;
    std::thread::scope(|scope| {
        let (begun, begins) = std::sync::mpsc::channel();
        let worker = scope.spawn(move || {
            items
                .par_iter()
                .enumerate()
                .map_with(begun, |begun, (index, item)| {
                    // The receiver outlives the workers.
                    let _ = begun.send(index);
                    work(item)
                })
                .collect::<Vec<R>>()
        });
        for index in begins {
            started(index, count);
        }
        match worker.join() {
            Ok(results) => results,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

fn parse_one(
    corpus: &Corpus,
    entry: &ManifestEntry,
    format: Format,
) -> Result<ExtractedDocument, BuildError> {
    let (document, text) = entry.load(corpus.max_source_bytes)?;
    // The manifest's meeting is one meetings.toml lists: `load` checked it.
    let extraction = igfkg_ingest::parse(format, &document, &text, &corpus.reference.meetings)?;
    Ok(ExtractedDocument {
        document,
        format,
        extraction,
    })
}

/// Stage 3: links the records of every document to the reference data.
pub fn link(reference: &ReferenceData, documents: Vec<ExtractedDocument>) -> Vec<ParsedDocument> {
    link_each(reference, documents, |_| {})
}

/// [`link`], reporting a [`Step::Item`] before each document.
fn link_each(
    reference: &ReferenceData,
    documents: Vec<ExtractedDocument>,
    mut progress: impl FnMut(Step<'_>),
) -> Vec<ParsedDocument> {
    let linker = Linker::new(reference);
    let links = in_parallel(
        &documents,
        |d| linker.link(&d.extraction),
        |index, count| {
            progress(Step::Item {
                stage: Stage::Link,
                document: &documents[index].document.id,
                index,
                count,
            })
        },
    );
    documents
        .into_iter()
        .zip(links)
        .map(|(d, links)| ParsedDocument {
            links,
            document: d.document,
            format: d.format,
            extraction: d.extraction,
        })
        .collect()
}

/// Stage 4: message lineage and theme alignment across the years of the
/// documents.
pub fn relate(documents: &[ParsedDocument], config: &RelationsConfig) -> Relations {
    let inputs: Vec<_> = documents
        .iter()
        .map(|d| (&d.extraction, &d.links))
        .collect();
    igfkg_relate::relate(&inputs, config)
}

/// Stage 5: inserts the reference data, every document and the relations
/// into `graph`; returns the number of quads inserted.
///
/// # Errors
/// If the store fails.
pub fn insert(
    graph: &KnowledgeGraph,
    reference: &ReferenceData,
    documents: &[ParsedDocument],
    relations: &Relations,
    evidence: EvidenceLevel,
) -> Result<usize, BuildError> {
    let mut graph = graph;
    let quads = insert_each(&mut graph, reference, documents, evidence, |_| {})?;
    Ok(quads + graph.insert_relations(relations, evidence)?)
}

/// [`insert`] without the relations, reporting a [`Step::Item`] before
/// each document.
fn insert_each(
    graph: &mut impl GraphTarget,
    reference: &ReferenceData,
    documents: &[ParsedDocument],
    evidence: EvidenceLevel,
    mut progress: impl FnMut(Step<'_>),
) -> Result<usize, BuildError> {
    let mut quads = graph.insert_reference(reference)?;
    let count = documents.len();
    for (index, parsed) in documents.iter().enumerate() {
        progress(Step::Item {
            stage: Stage::Insert,
            document: &parsed.document.id,
            index,
            count,
        });
        quads += graph.insert_document(
            &parsed.document,
            &parsed.extraction,
            &parsed.links,
            evidence,
        )?;
    }
    Ok(quads)
}

/// Parses one file in a format without building a graph: what
/// `igfkg ingest` previews. The document gets its id from the file name and
/// its meeting year from `meeting`.
///
/// # Errors
/// If the file is not a regular file of at most `max_bytes`, cannot be
/// read, or does not match the format.
pub fn ingest_file(
    path: &Path,
    format: Format,
    meeting: u16,
    max_bytes: u64,
) -> Result<(SourceDocument, Extraction), BuildError> {
    let text = SourceText::read_as(path, igfkg_sources::Media::for_path(path), max_bytes)?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document");
    let document = SourceDocument {
        id: igfkg_model::slugify(stem),
        title: stem.to_owned(),
        publisher: String::new(),
        year: meeting,
        meeting: Some(meeting),
        kind: "preview".into(),
        format: format.name().into(),
        path: path.display().to_string(),
        url: None,
        licence: String::new(),
        sha256: text.digest().to_owned(),
        columns: None,
    };
    // Without a data directory no meetings are known: ordinals are not resolved.
    let extraction = igfkg_ingest::parse(format, &document, &text, &[])?;
    Ok((document, extraction))
}
