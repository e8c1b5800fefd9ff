//! `igfkg build`: the data directory into a graph, written as Turtle and
//! N-Quads, with a summary of what each document gave.

use super::args::BuildArgs;
use super::io::{commit, create};
use super::record::{BuildRecord, RecordedFile};
use super::render::{NoNodes, TableOptions, write_class_table, write_diagnostic, write_table};
use anyhow::bail;
use igfkg::graph::{ExportFormat, IriBase, KnowledgeGraph, Prefixes};
use igfkg::model::Severity;
use igfkg::output::Hashed;
use igfkg::pipeline::{self, Build, Step};
use igfkg::sources::DataDir;
use igfkg::{BuildOptions, Stats};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Write;
use std::path::PathBuf;

/// What to build, checked.
pub struct Options {
    data: PathBuf,
    out: PathBuf,
    base: IriBase,
    build: BuildOptions,
    #[cfg(feature = "rocksdb")]
    store: Option<PathBuf>,
    quiet: bool,
}

impl Options {
    /// Checks the IRI base and the lineage threshold.
    pub fn from_args(args: BuildArgs) -> anyhow::Result<Self> {
        let base = IriBase::new(args.base)?;
        if !(0.0..=1.0).contains(&args.lineage_threshold) {
            bail!(
                "--lineage-threshold {} is outside 0 to 1",
                args.lineage_threshold
            );
        }
        let mut build = BuildOptions::default();
        build.relations.lineage.threshold = args.lineage_threshold;
        build.relations.lineage.top_k = args.lineage_top_k;
        build.evidence = args.evidence;
        build.strict = args.strict;
        build.max_source_bytes = args.max_source_size;
        build.max_corpus_bytes = args.max_corpus_size;
        Ok(Self {
            data: args.data,
            out: args.out,
            base,
            build,
            #[cfg(feature = "rocksdb")]
            store: args.store,
            quiet: args.quiet,
        })
    }

    /// The graph to build into: an on-disk store if one was given.
    fn graph(&self) -> anyhow::Result<KnowledgeGraph> {
        #[cfg(feature = "rocksdb")]
        if let Some(dir) = &self.store {
            return Ok(KnowledgeGraph::open(dir, self.base.clone())?);
        }
        Ok(KnowledgeGraph::in_memory(self.base.clone())?)
    }
}

/// The files a build writes.
struct Exports {
    turtle: PathBuf,
    nquads: PathBuf,
}

/// Builds, writes the exports, and prints the summary unless asked not to.
pub fn run(options: Options) -> anyhow::Result<()> {
    let graph = options.graph()?;
    let data = DataDir::new(&options.data);
    let bar = progress_bar();
    let built = pipeline::build_with(&graph, &data, &options.build, |step| {
        show_step(&bar, step);
    })?;
    bar.set_message("writing exports");
    let exports = write_exports(&graph, &options.out, options.build.evidence)?;
    bar.finish_and_clear();
    if !options.quiet {
        summarise(&built, &graph, &data, &exports)?;
    }
    skipped(&built)
}

/// Fails, after the others were built and written, when documents were left out.
fn skipped(built: &Build) -> anyhow::Result<()> {
    if built.skipped.is_empty() {
        return Ok(());
    }
    let mut message = format!(
        "{} of {} documents were left out (use --strict to stop at the first):",
        built.skipped.len(),
        built.skipped.len() + built.documents.len()
    );
    for skipped in &built.skipped {
        message.push_str(&format!("\n  {}: {}", skipped.id, skipped.error));
    }
    bail!(message)
}

fn progress_bar() -> ProgressBar {
    ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}")
            .expect("the template is valid")
            .progress_chars("=> "),
    )
}

fn show_step(bar: &ProgressBar, step: Step<'_>) {
    match step {
        Step::Reference => bar.set_message("reading reference data"),
        Step::Parse {
            document,
            index,
            count,
        } => {
            bar.set_length(count as u64);
            bar.set_position(index as u64);
            bar.set_message(format!("parsing {document}"));
        }
        Step::Relate => bar.set_message("relating messages and themes across years"),
        Step::Insert => {
            bar.set_position(bar.length().unwrap_or(0));
            bar.set_message("inserting into the graph");
        }
        _ => {}
    }
}

/// Writes `igfkg.ttl`, `igfkg.nq` and the build record into `out`. All go
/// to temporary files first and are renamed only when all are complete, so
/// a failure leaves the previous build in place.
fn write_exports(
    graph: &KnowledgeGraph,
    out: &std::path::Path,
    evidence: igfkg::graph::EvidenceLevel,
) -> anyhow::Result<Exports> {
    let exports = Exports {
        turtle: out.join("igfkg.ttl"),
        nquads: out.join("igfkg.nq"),
    };
    // Each dump is hashed as it is written; the record, which states
    // their sizes and hashes, is put in place last, so that a reader never
    // takes a dump of another build for this one's.
    let mut files = Vec::new();
    let mut pending = Vec::new();
    for (path, format) in [
        (&exports.turtle, ExportFormat::Turtle),
        (&exports.nquads, ExportFormat::NQuads),
    ] {
        let mut file = Hashed::new(create(path)?);
        graph.export(format, &mut file)?;
        let (file, bytes, sha256) = file.finish();
        files.push(RecordedFile {
            name: file_name(path),
            bytes,
            sha256,
        });
        pending.push(file);
    }
    let record = BuildRecord {
        base: graph.base().clone(),
        evidence,
        files,
    };
    let mut json = create(&BuildRecord::path(out))?;
    serde_json::to_writer_pretty(&mut json, &record.to_json())?;
    writeln!(json)?;
    for file in pending {
        commit(file)?;
    }
    commit(json)?;
    Ok(exports)
}

/// The file name of a path this module made (always UTF-8).
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The summary: what each document gave, the relations across years, the
/// main classes per year, and every warning with its place.
fn summarise(
    built: &Build,
    graph: &KnowledgeGraph,
    data: &DataDir,
    exports: &Exports,
) -> anyhow::Result<()> {
    let stats = graph.stats()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Built {} into {} triples ({} named graphs); wrote {} and {}",
        match built.documents.len() {
            1 => "1 document".to_owned(),
            n => format!("{n} documents"),
        },
        stats.triples,
        stats.graphs,
        exports.turtle.display(),
        exports.nquads.display()
    )?;
    writeln!(out)?;
    write_documents(&mut out, built)?;
    let relations = &built.relations;
    writeln!(
        out,
        "\nAcross years: {} echoes from messages to earlier messages; {} alignments of themes and sessions ({} close matches)",
        relations.echoes.len(),
        relations.alignments.len(),
        relations.alignments.iter().filter(|a| a.close).count()
    )?;
    writeln!(out)?;
    let classes = Stats::summary_classes().map(|class| class.as_str());
    let prefixes = Prefixes::new(graph.base());
    write_class_table(
        &mut out,
        &stats,
        &classes,
        &stats.years,
        NoNodes::Zero,
        &prefixes,
    )?;
    write_warnings(&mut out, built, data)?;
    if !built.skipped.is_empty() {
        let ids: Vec<&str> = built.skipped.iter().map(|s| s.id.as_str()).collect();
        writeln!(out, "skipped: {}", ids.join(", "))?;
    }
    Ok(())
}

/// One row per document: its format and the records of each kind.
fn write_documents(out: &mut impl Write, built: &Build) -> std::io::Result<()> {
    let header: Vec<String> = [
        "document",
        "format",
        "themes",
        "sessions",
        "messages",
        "statements",
        "people",
        "roles",
        "facts",
        "links",
        "warnings",
    ]
    .map(String::from)
    .to_vec();
    let rows: Vec<Vec<String>> = built
        .documents
        .iter()
        .map(|d| {
            let e = &d.extraction;
            vec![
                d.document.id.clone(),
                d.format.to_string(),
                e.themes.len().to_string(),
                e.sessions.len().to_string(),
                e.messages.len().to_string(),
                e.statements.len().to_string(),
                e.people.len().to_string(),
                e.roles.len().to_string(),
                e.facts.len().to_string(),
                d.links.links.len().to_string(),
                e.diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Warning)
                    .count()
                    .to_string(),
            ]
        })
        .collect();
    write_table(out, &header, &rows, TableOptions::default())
}

/// Every diagnostic of the build, at its document's path in the data
/// directory.
fn write_warnings(out: &mut impl Write, built: &Build, data: &DataDir) -> std::io::Result<()> {
    let warnings: Vec<_> = built.diagnostics().collect();
    if warnings.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{} warnings:", warnings.len())?;
    for d in warnings {
        let path = built
            .documents
            .iter()
            .find(|p| p.document.id == d.document)
            .map(|p| data.root().join(&p.document.path))
            .unwrap_or_else(|| PathBuf::from(&d.document));
        write_diagnostic(out, "  ", &path, d)?;
    }
    Ok(())
}
