//! `igfkg build`: the data directory into a graph, written as Turtle and
//! N-Quads, with a summary of what each document gave.

use super::args::{BuildArgs, SummaryFormat};
use super::io::{commit, create};
use super::record::{BuildRecord, RecordedFile};
use super::render::{NoNodes, TableOptions, write_class_table, write_diagnostic, write_table};
use anyhow::bail;
use igfkg::graph::export::{Snapshot, SnapshotBuilder};
use igfkg::graph::{ExportFormat, IriBase, Prefixes};
use igfkg::model::Severity;
use igfkg::output::Hashed;
use igfkg::sources::DataDir;
use igfkg::{Build, BuildOptions, BuildReport, Stage, StageTime, Stats, Step};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What to build, checked.
pub struct Options {
    data: PathBuf,
    out: PathBuf,
    base: IriBase,
    build: BuildOptions,
    #[cfg(feature = "rocksdb")]
    store: Option<PathBuf>,
    quiet: bool,
    format: SummaryFormat,
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
            format: args.format,
        })
    }

    /// Builds, and returns the graph's snapshot, from which the exports
    /// and the summary are written, with the time reading it took. With
    /// `--store`, the graphs go into the on-disk store, which is then read;
    /// without, they go straight into the snapshot and no store is made
    /// (an in-memory Oxigraph store would be written once and read once, at
    /// several times the memory: 7.1 GiB at 200,000 messages).
    fn build(
        &self,
        data: &DataDir,
        bar: &ProgressBar,
    ) -> anyhow::Result<(BuildReport, Snapshot, Duration)> {
        let build = Build::new(data)
            .options(self.build.clone())
            .progress(|step| show_step(bar, step));
        #[cfg(feature = "rocksdb")]
        if let Some(dir) = &self.store {
            // RocksDB makes the store's own folder but not its parents, and
            // `--store out/store` is the natural choice before `out` exists.
            use anyhow::Context as _;
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create the store's folder", dir.display()))?;
            let graph = igfkg::graph::KnowledgeGraph::open(dir, self.base.clone())?;
            let built = build.run(&graph)?;
            graph.flush()?;
            let reading = Instant::now();
            let snapshot = graph.snapshot()?;
            return Ok((built, snapshot, reading.elapsed()));
        }
        let mut snapshot = SnapshotBuilder::new(&self.base);
        let built = build.run_into(&mut snapshot)?;
        Ok((built, snapshot.finish(), Duration::ZERO))
    }
}

/// The files a build writes, with how long each took.
struct Exports {
    turtle: PathBuf,
    nquads: PathBuf,
    files: Vec<RecordedFile>,
    timings: Vec<ExportTime>,
    /// The distinct triples of the Turtle dump.
    triples: usize,
}

/// How long writing an export took.
struct ExportTime {
    /// `turtle` or `nquads`.
    name: &'static str,
    elapsed: Duration,
    bytes: u64,
}

/// Builds, writes the exports, and prints the summary unless asked not to.
pub fn run(options: Options) -> anyhow::Result<()> {
    let started = Instant::now();
    let data = DataDir::new(&options.data);
    let bar = ProgressBar::new(0);
    let (built, snapshot, read) = options.build(&data, &bar)?;
    // The summary's counts are read from the snapshot while the dumps are
    // written; its number of distinct triples is the Turtle dump's.
    let (exports, stats) = std::thread::scope(|scope| -> anyhow::Result<_> {
        let counting = (!options.quiet).then(|| scope.spawn(|| snapshot.stats_with_triples(0)));
        let exports = write_exports(
            &snapshot,
            &options.base,
            &options.out,
            options.build.evidence,
            &bar,
            read,
        )?;
        let stats = match counting.map(|counting| counting.join()) {
            None => None,
            Some(Ok(stats)) => Some(Stats {
                triples: exports.triples,
                ..stats?
            }),
            Some(Err(panic)) => std::panic::resume_unwind(panic),
        };
        Ok((exports, stats))
    })?;
    bar.finish_and_clear();
    let elapsed = started.elapsed();
    if let Some(stats) = &stats {
        let summary = Summary {
            built: &built,
            stats,
            base: &options.base,
            data: &data,
            exports: &exports,
            elapsed,
        };
        match options.format {
            SummaryFormat::Table => summary.write_table()?,
            SummaryFormat::Json => summary.write_json()?,
        }
    }
    let result = skipped(&built);
    // The process ends next, and the system takes its memory back at once;
    // freeing the records, links and snapshot one allocation at a time
    // first took seconds at 200,000 messages.
    std::mem::forget((built, snapshot));
    result
}

/// Fails, after the others were built and written, when documents were left out.
fn skipped(built: &BuildReport) -> anyhow::Result<()> {
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

/// What a stage does, as the progress line says it.
fn doing(stage: Stage) -> &'static str {
    match stage {
        Stage::Load => "reading the reference data and the manifest",
        Stage::Parse => "parsing",
        Stage::Link => "linking",
        Stage::Relate => "relating messages and themes across years",
        Stage::Insert => "inserting into the graph",
        _ => "",
    }
}

/// A stage that goes document by document: its name, a bar, the documents
/// done, the time it has taken, its rate and an estimate of what is left.
fn counted_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{prefix:>7} [{bar:25}] {pos}/{len} documents, {elapsed} ({per_sec}, {eta} left) {wide_msg}",
    )
    .expect("the template is valid")
    .progress_chars("=> ")
}

/// A stage of one piece: its name, what it does and the time it has taken.
fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{prefix:>7} {spinner} {msg} {elapsed}")
        .expect("the template is valid")
}

/// An export: its name, the bytes written, the time and the rate.
fn bytes_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{prefix:>7} {spinner} {msg}: {binary_bytes} in {elapsed} ({binary_bytes_per_sec})",
    )
    .expect("the template is valid")
}

fn show_step(bar: &ProgressBar, step: Step<'_>) {
    match step {
        Step::Start { stage, count } => {
            bar.reset();
            bar.set_prefix(stage.name());
            match count {
                Some(count) if matches!(stage, Stage::Parse | Stage::Link | Stage::Insert) => {
                    bar.set_style(counted_style());
                    bar.set_length(count as u64);
                    bar.set_message("");
                }
                Some(count) => {
                    bar.set_style(spinner_style());
                    bar.set_message(format!("{} ({count} {})", doing(stage), stage.unit()));
                    bar.enable_steady_tick(Duration::from_millis(200));
                }
                None => {
                    bar.set_style(spinner_style());
                    bar.set_message(doing(stage));
                    bar.enable_steady_tick(Duration::from_millis(200));
                }
            }
        }
        Step::Item {
            document, index, ..
        } => {
            bar.set_position(index as u64);
            bar.set_message(document.to_owned());
        }
        Step::Finish(time) => {
            bar.disable_steady_tick();
            bar.println(format!("{:>7} {}", time.stage.name(), stage_line(&time)));
        }
        _ => {}
    }
}

/// `0.21 s, 5 documents (23.8/s)`: a stage's time, items and rate.
fn stage_line(time: &StageTime) -> String {
    format!(
        "{}, {} {} ({}/s)",
        seconds(time.elapsed),
        time.items,
        time.stage.unit(),
        rate(time.rate())
    )
}

fn seconds(elapsed: Duration) -> String {
    format!("{:.2} s", elapsed.as_secs_f64())
}

/// A rate with three significant digits or so.
fn rate(rate: f64) -> String {
    if rate >= 100.0 {
        format!("{rate:.0}")
    } else {
        format!("{rate:.1}")
    }
}

/// Writes `igfkg.ttl`, `igfkg.nq` and the build record into `out`. All go
/// to temporary files first and are renamed only when all are complete, so
/// a failure leaves the previous build in place.
fn write_exports(
    snapshot: &Snapshot,
    base: &IriBase,
    out: &std::path::Path,
    evidence: igfkg::graph::EvidenceLevel,
    bar: &ProgressBar,
    read: Duration,
) -> anyhow::Result<Exports> {
    let mut exports = Exports {
        turtle: out.join("igfkg.ttl"),
        nquads: out.join("igfkg.nq"),
        files: Vec::new(),
        timings: Vec::new(),
        triples: 0,
    };
    // Each dump is hashed as it is written; the record, which states
    // their sizes and hashes, is put in place last, so that a reader never
    // takes a dump of another build for this one's. Both dumps are written
    // from one snapshot at the same time, each ordering the quads on its
    // own core; the time of each includes reading the store, when there is
    // one.
    bar.reset();
    bar.set_style(bytes_style());
    bar.set_prefix("exports");
    bar.set_message(format!(
        "writing {} and {}",
        exports.turtle.display(),
        exports.nquads.display()
    ));
    bar.enable_steady_tick(Duration::from_millis(200));
    let dumps = [
        ("turtle", &exports.turtle, ExportFormat::Turtle),
        ("nquads", &exports.nquads, ExportFormat::NQuads),
    ];
    let written: Vec<anyhow::Result<_>> = std::thread::scope(|scope| {
        let writers: Vec<_> = dumps
            .iter()
            .map(|&(name, path, format)| {
                scope.spawn(move || -> anyhow::Result<_> {
                    let started = Instant::now();
                    let mut file = Hashed::new(create(path)?);
                    let (_, statements) = snapshot.write(format, bar.wrap_write(&mut file))?;
                    let (file, bytes, sha256) = file.finish();
                    let time = ExportTime {
                        name,
                        elapsed: started.elapsed() + read,
                        bytes,
                    };
                    bar.println(format!("{name:>7} {}", time.line()));
                    Ok((time, statements, file, sha256))
                })
            })
            .collect();
        writers
            .into_iter()
            .map(|writer| match writer.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    bar.disable_steady_tick();
    let mut pending = Vec::new();
    for (result, (_, path, format)) in written.into_iter().zip(dumps) {
        let (time, statements, file, sha256) = result?;
        if format == ExportFormat::Turtle {
            exports.triples = statements;
        }
        exports.files.push(RecordedFile {
            name: file_name(path),
            bytes: time.bytes,
            sha256,
        });
        exports.timings.push(time);
        pending.push(file);
    }
    let record = BuildRecord {
        base: base.clone(),
        evidence,
        files: exports.files.clone(),
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

impl ExportTime {
    /// `0.12 s, 1.2 MiB (10.1 MiB/s)`.
    fn line(&self) -> String {
        let seconds_taken = self.elapsed.as_secs_f64();
        let mib = self.bytes as f64 / f64::from(1 << 20);
        let per_second = if seconds_taken > 0.0 {
            mib / seconds_taken
        } else {
            0.0
        };
        format!(
            "{}, {mib:.1} MiB ({} MiB/s)",
            seconds(self.elapsed),
            rate(per_second)
        )
    }
}

/// The file name of a path this module made (always UTF-8).
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The summary: what each document gave, the relations across years, the
/// main classes per year, every warning with its place, and the stages'
/// times.
struct Summary<'a> {
    built: &'a BuildReport,
    stats: &'a Stats,
    base: &'a IriBase,
    data: &'a DataDir,
    exports: &'a Exports,
    elapsed: Duration,
}

/// The columns of a document's row after its id and format: what it gave.
const COUNTED: [&str; 9] = [
    "themes",
    "sessions",
    "messages",
    "statements",
    "people",
    "roles",
    "facts",
    "links",
    "warnings",
];

/// What a document gave, in the order of [`COUNTED`].
fn counts(d: &igfkg::ParsedDocument) -> [usize; 9] {
    let e = &d.extraction;
    [
        e.themes.len(),
        e.sessions.len(),
        e.messages.len(),
        e.statements.len(),
        e.people.len(),
        e.roles.len(),
        e.facts.len(),
        d.links.links.len(),
        e.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count(),
    ]
}

impl Summary<'_> {
    fn write_table(&self) -> anyhow::Result<()> {
        let Summary {
            built,
            stats,
            base,
            data,
            exports,
            ..
        } = self;
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
        if !data.has_own_reference() {
            writeln!(
                out,
                "{} has no reference/ folder: igfkg's standard reference data was used",
                data.root().display()
            )?;
        }
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
        let prefixes = Prefixes::new(base);
        write_class_table(
            &mut out,
            stats,
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
        writeln!(out)?;
        let mut stages: Vec<String> = built
            .timings
            .iter()
            .map(|t| format!("{} {}", t.stage, seconds(t.elapsed)))
            .collect();
        stages.extend(
            exports
                .timings
                .iter()
                .map(|t| format!("{} {}", t.name, seconds(t.elapsed))),
        );
        let peak = super::memory::peak()
            .map(|bytes| format!(", at most {} of memory", super::memory::size(bytes)))
            .unwrap_or_default();
        writeln!(
            out,
            "Took {}{peak}: {}",
            seconds(self.elapsed),
            stages.join(", ")
        )?;
        Ok(())
    }

    /// The summary as one JSON object: the graph's counts as `igfkg stats
    /// --format json` gives them, and the build's own: documents, relations,
    /// diagnostics, documents left out, files written and stage times.
    fn write_json(&self) -> anyhow::Result<()> {
        use serde_json::{Value, json};
        let Summary {
            built,
            stats,
            base,
            data,
            exports,
            ..
        } = self;
        let prefixes = Prefixes::new(base);
        let mut summary = super::stats::to_json(stats, &prefixes);
        let documents: Vec<Value> = built
            .documents
            .iter()
            .map(|d| {
                let mut row = serde_json::Map::new();
                row.insert("id".into(), d.document.id.clone().into());
                row.insert("format".into(), d.format.to_string().into());
                row.insert(
                    "path".into(),
                    data.root()
                        .join(&d.document.path)
                        .display()
                        .to_string()
                        .into(),
                );
                for (name, count) in COUNTED.iter().zip(counts(d)) {
                    row.insert((*name).into(), count.into());
                }
                Value::Object(row)
            })
            .collect();
        let diagnostics: Vec<Value> = built
            .diagnostics()
            .map(|d| {
                json!({
                    "severity": match d.severity {
                        Severity::Warning => "warning",
                        _ => "info",
                    },
                    "document": d.document,
                    "path": document_path(built, data, &d.document).display().to_string(),
                    "line": d.line,
                    "column": d.column,
                    "message": d.message,
                })
            })
            .collect();
        let skipped: Vec<Value> = built
            .skipped
            .iter()
            .map(|s| json!({ "id": s.id, "error": s.error.to_string() }))
            .collect();
        let mut stages: Vec<Value> = built
            .timings
            .iter()
            .map(|t| {
                json!({
                    "stage": t.stage.name(),
                    "seconds": t.elapsed.as_secs_f64(),
                    "items": t.items,
                    "unit": t.stage.unit(),
                })
            })
            .collect();
        stages.extend(exports.timings.iter().map(|t| {
            json!({
                "stage": t.name,
                "seconds": t.elapsed.as_secs_f64(),
                "items": t.bytes,
                "unit": "bytes",
            })
        }));
        let files: Vec<Value> = exports
            .files
            .iter()
            .map(|f| json!({ "name": f.name, "bytes": f.bytes, "sha256": f.sha256 }))
            .collect();
        let relations = &built.relations;
        let own = json!({
            "documents": documents,
            "reference": if data.has_own_reference() {
                Value::from(data.reference_dir().display().to_string())
            } else {
                Value::from("standard")
            },
            "relations": {
                "echoes": relations.echoes.len(),
                "alignments": relations.alignments.len(),
                "closeMatches": relations.alignments.iter().filter(|a| a.close).count(),
            },
            "diagnostics": diagnostics,
            "skipped": skipped,
            "files": files,
            "stages": stages,
            "seconds": self.elapsed.as_secs_f64(),
            // The most resident memory used (VmHWM), null where the system
            // does not say.
            "peakMemoryBytes": super::memory::peak(),
        });
        if let (Value::Object(summary), Value::Object(own)) = (&mut summary, own) {
            summary.extend(own);
        }
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &summary)?;
        writeln!(out)?;
        Ok(())
    }
}

/// One row per document: its format and the records of each kind.
fn write_documents(out: &mut impl Write, built: &BuildReport) -> std::io::Result<()> {
    let header: Vec<String> = ["document", "format"]
        .into_iter()
        .chain(COUNTED)
        .map(String::from)
        .collect();
    let rows: Vec<Vec<String>> = built
        .documents
        .iter()
        .map(|d| {
            [d.document.id.clone(), d.format.to_string()]
                .into_iter()
                .chain(counts(d).map(|c| c.to_string()))
                .collect()
        })
        .collect();
    write_table(out, &header, &rows, TableOptions::default())
}

/// The path of a document of the build in the data directory (its id when
/// it is not one of the build's).
fn document_path(built: &BuildReport, data: &DataDir, id: &str) -> PathBuf {
    built
        .documents
        .iter()
        .find(|p| p.document.id == id)
        .map(|p| data.root().join(&p.document.path))
        .unwrap_or_else(|| PathBuf::from(id))
}

/// Every diagnostic of the build, at its document's path in the data
/// directory.
fn write_warnings(
    out: &mut impl Write,
    built: &BuildReport,
    data: &DataDir,
) -> std::io::Result<()> {
    let warnings: Vec<_> = built.diagnostics().collect();
    if warnings.is_empty() {
        return Ok(());
    }
    // The table's column counts warnings; the notes (a field that says it
    // does not apply, a recording the text does not link) are listed too.
    let notes = warnings
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .count();
    let plural = |n: usize, word: &str| match n {
        1 => format!("1 {word}"),
        n => format!("{n} {word}s"),
    };
    writeln!(out)?;
    match notes {
        0 => writeln!(out, "{}:", plural(warnings.len(), "warning"))?,
        _ => writeln!(
            out,
            "{} and {}:",
            plural(warnings.len() - notes, "warning"),
            plural(notes, "note")
        )?,
    }
    for d in warnings {
        let path = document_path(built, data, &d.document);
        write_diagnostic(out, "  ", &path, d)?;
    }
    Ok(())
}
