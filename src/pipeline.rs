//! The build pipeline: data directory → parsed documents → knowledge graph.

use igfkg_graph::{EvidenceLevel, KnowledgeGraph, StoreError};
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

/// What a build read and inserted.
#[derive(Debug, Clone)]
pub struct Build {
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

impl Build {
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

/// A step of a build, for progress reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step<'a> {
    /// Reading the reference data.
    Reference,
    /// Parsing and linking a document (index from 0, count).
    Parse {
        /// The document's id.
        document: &'a str,
        /// Its index in the manifest.
        index: usize,
        /// The number of documents.
        count: usize,
    },
    /// Computing message lineage and theme alignment across years.
    Relate,
    /// Inserting everything into the graph.
    Insert,
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

/// Reads the data directory and inserts everything into `graph`.
///
/// Everything is read and parsed before anything is inserted. A document
/// whose format is unknown, whose file is missing or unreadable, or that
/// does not have its format's structure is left out and listed in
/// [`Build::skipped`]; with [`BuildOptions::strict`] it stops the build
/// instead, and the graph stays as it was.
///
/// # Errors
/// An unreadable or invalid manifest or reference file, a store failure,
/// or, in a strict build, the first document that cannot be read.
pub fn build(
    graph: &KnowledgeGraph,
    data: &DataDir,
    progress: impl FnMut(Step<'_>),
) -> Result<Build, BuildError> {
    build_with(graph, data, &BuildOptions::default(), progress)
}

/// [`build`] with options: the stages [`load`], [`parse`], [`link`],
/// [`relate`] and [`insert`], one after the other.
///
/// # Errors
/// See [`build`].
pub fn build_with(
    graph: &KnowledgeGraph,
    data: &DataDir,
    options: &BuildOptions,
    mut progress: impl FnMut(Step<'_>),
) -> Result<Build, BuildError> {
    progress(Step::Reference);
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
    let mut skipped = corpus.skipped.clone();
    let parsed = if options.strict {
        if let Some(first) = skipped.first() {
            return Err(BuildError::Skipped(first.clone()));
        }
        parse(&corpus, &mut progress)?
    } else {
        let (parsed, left_out) = parse_each(&corpus, &mut progress);
        skipped.extend(left_out);
        skipped.sort_by_key(|s| corpus.position(&s.id));
        parsed
    };
    let documents = link(&corpus.reference, parsed);
    progress(Step::Relate);
    let relations = relate(&documents, &options.relations);
    progress(Step::Insert);
    let quads = insert(
        graph,
        &corpus.reference,
        &documents,
        &relations,
        options.evidence,
    )?;
    Ok(Build {
        reference: corpus.reference,
        documents,
        relations,
        quads,
        skipped,
    })
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
/// order, reporting [`Step::Parse`] before each.
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
    let count = corpus.entries.len();
    let mut documents = Vec::with_capacity(count);
    let mut skipped = Vec::new();
    for (index, (entry, format)) in corpus.entries.iter().enumerate() {
        progress(Step::Parse {
            document: &entry.document.id,
            index,
            count,
        });
        match parse_one(corpus, entry, *format) {
            Ok(document) => documents.push(document),
            Err(error) => skipped.push(SkippedDocument {
                id: entry.document.id.clone(),
                error: std::sync::Arc::new(error),
            }),
        }
    }
    (documents, skipped)
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
    let linker = Linker::new(reference);
    documents
        .into_iter()
        .map(|d| ParsedDocument {
            links: linker.link(&d.extraction),
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
    let mut quads = graph.insert_reference(reference)?;
    for parsed in documents {
        quads += graph.insert_document(
            &parsed.document,
            &parsed.extraction,
            &parsed.links,
            evidence,
        )?;
    }
    quads += graph.insert_relations(relations, evidence)?;
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
