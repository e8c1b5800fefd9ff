//! `igfkg`: builds, queries and exports a knowledge graph of Internet
//! Governance Forum outcomes.

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use igfkg::graph::{
    EvidenceLevel, ExportFormat, IriBase, KnowledgeGraph, OutputFormat, TableOptions,
    write_outcome, write_table,
};
use igfkg::ingest::Format;
use igfkg::model::{Extraction, Severity};
use igfkg::output::AtomicFile;
use igfkg::pipeline::{self, Step};
use igfkg::sources::DataDir;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "igfkg",
    version,
    about = "Builds and queries a knowledge graph of Internet Governance Forum outcomes",
    long_about = "igfkg turns Internet Governance Forum (IGF) outcome documents into an RDF knowledge graph: \
meetings, themes, sessions, key messages, people, stakeholder groups and UN SDGs, stored in Oxigraph, \
queried with SPARQL and exported as Turtle and the other RDF formats.\n\n\
Start with `igfkg build` in the repository: it reads data/ and writes out/igfkg.ttl and out/igfkg.nq.",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Builds the graph from a data directory and writes out/igfkg.ttl and out/igfkg.nq
    Build(BuildArgs),
    /// Runs a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over a built graph
    Query(QueryArgs),
    /// Writes a built graph in an RDF format
    Export(ExportArgs),
    /// Prints the counts of a built graph: triples, graphs, nodes per class and year
    Stats(GraphArgs),
    /// Previews what a document yields in a format, without building
    Ingest(IngestArgs),
    /// Writes a release folder for a linked-data portal: every RDF format, the canonical N-Quads and their SHA-256, the ontology, the shapes and a VoID + DCAT description
    Release(ReleaseArgs),
    /// Checks a built graph against the SHACL shapes; exits with 1 on any violation
    Validate(ValidateArgs),
    /// Says what changed between two releases (or RDF files), by their canonical forms
    Diff(DiffArgs),
    /// Writes a synthetic corpus (documents, manifest, reference data) for benchmarks
    Gen(GenArgs),
}

#[derive(Args)]
struct GenArgs {
    /// The data directory to write
    out: PathBuf,
    /// Number of annual meetings, from 2006 on
    #[arg(long, default_value_t = 20)]
    years: u16,
    /// Sessions (or themes) per year
    #[arg(long, default_value_t = 40)]
    sessions: u32,
    /// Messages in the whole corpus
    #[arg(long, default_value_t = 10_000)]
    messages: u64,
    /// The seed: the same seed writes the same bytes
    #[arg(long, default_value_t = 2006)]
    seed: u64,
    /// The reference data to copy and draw the vocabulary from
    #[arg(long, default_value = "data/reference", value_name = "DIR")]
    reference: PathBuf,
}

#[derive(Args)]
struct ReleaseArgs {
    /// The release folder to write (replaced whole, once everything is written)
    dir: PathBuf,
    #[command(flatten)]
    graph: GraphArgs,
    /// Where the release's files will be published (a folder URL ending in /)
    #[arg(
        long,
        default_value = "https://w3id.org/igfkg/release/latest/",
        value_name = "URL"
    )]
    download_base: String,
    /// The SPARQL endpoint that will serve the graph, if any
    #[arg(long, value_name = "URL")]
    sparql_endpoint: Option<String>,
    /// The creation date to state (default: today, or SOURCE_DATE_EPOCH when set)
    #[arg(long, value_name = "YYYY-MM-DD")]
    created: Option<String>,
}

#[derive(Args)]
struct ValidateArgs {
    #[command(flatten)]
    graph: GraphArgs,
    /// The SHACL shapes (default: the shapes igfkg ships, ontology/shapes.ttl)
    #[arg(long, value_name = "FILE")]
    shapes: Option<PathBuf>,
    /// Report format: text or json
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    format: String,
}

#[derive(Args)]
struct DiffArgs {
    /// The older release folder, or an RDF file
    old: PathBuf,
    /// The newer release folder, or an RDF file
    new: PathBuf,
    /// The base of the data IRIs (for prefixes)
    #[arg(long, default_value = IriBase::DEFAULT, value_name = "IRI")]
    base: String,
    /// Exit with 1 when the releases differ (as diff(1) does)
    #[arg(long)]
    exit_code: bool,
}

#[derive(Args)]
struct BuildArgs {
    /// The data directory: corpus.toml, sources/ and reference/
    #[arg(long, default_value = "data", value_name = "DIR")]
    data: PathBuf,
    /// Where to write igfkg.ttl and igfkg.nq
    #[arg(long, default_value = "out", value_name = "DIR")]
    out: PathBuf,
    /// The base of the data IRIs
    #[arg(long, default_value = IriBase::DEFAULT, value_name = "IRI")]
    base: String,
    /// The least similarity for a message to echo an earlier one (0 to 1)
    #[arg(long, default_value_t = igfkg::relate::LineageConfig::default().threshold, value_name = "SCORE")]
    lineage_threshold: f64,
    /// The most earlier messages a message echoes
    #[arg(long, default_value_t = igfkg::relate::LineageConfig::default().top_k, value_name = "N")]
    lineage_top_k: usize,
    /// How much evidence to keep: full (each link's annotation of the matched words, and what
    /// echoes and alignments share), or lean (links, echoes and alignments without it: about a
    /// third of the triples). Every node keeps its source span either way
    #[arg(long, default_value_t = EvidenceLevel::Full, value_name = "LEVEL")]
    evidence: EvidenceLevel,
    /// Build into an on-disk Oxigraph store (RocksDB) in DIR as well
    #[cfg(feature = "rocksdb")]
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
    /// Print no summary
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Args)]
struct GraphArgs {
    /// The graph to read: an RDF file such as the N-Quads dump `igfkg build` wrote
    #[arg(long, default_value = "out/igfkg.nq", value_name = "FILE")]
    graph: PathBuf,
    /// Read an on-disk Oxigraph store instead of a file
    #[cfg(feature = "rocksdb")]
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
    /// The base of the data IRIs (for prefixes in tables and exports)
    #[arg(long, default_value = IriBase::DEFAULT, value_name = "IRI")]
    base: String,
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["query", "named", "list"])))]
struct QueryArgs {
    /// The SPARQL query: its text, the path of a .rq file, or - to read standard input.
    /// The prefixes igf:, rdfs:, skos:, schema:, foaf:, org:, dcterms:, prov:, oa:, sdgo: … are predeclared.
    query: Option<String>,
    /// Run a question of the catalogue by name (see --list)
    #[arg(long, value_name = "NAME", conflicts_with = "query")]
    named: Option<String>,
    /// A parameter of the named question, as NAME=VALUE (repeat for several)
    #[arg(long = "param", value_name = "NAME=VALUE", requires = "named")]
    params: Vec<String>,
    /// List the questions of the catalogue with their parameters
    #[arg(long, conflicts_with_all = ["query", "named"])]
    list: bool,
    #[command(flatten)]
    graph: GraphArgs,
    /// Result format: table, csv, tsv, json or xml; for CONSTRUCT and DESCRIBE also turtle, ntriples, nquads, trig, rdfxml or jsonld
    #[arg(short, long, default_value = "table", value_name = "FORMAT")]
    format: OutputFormat,
    /// Write the results to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct ExportArgs {
    /// The RDF format: turtle, ntriples, nquads, trig, rdfxml or jsonld
    #[arg(short, long, value_name = "FORMAT")]
    format: ExportFormat,
    #[command(flatten)]
    graph: GraphArgs,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct IngestArgs {
    /// The document to read
    file: PathBuf,
    /// Its format, one of:
    ///   messages-by-session  key messages under session headings (the IGF 2017 Messages)
    ///   messages-by-theme    Markdown messages under theme headings (the IGF 2018 Paris Messages)
    ///   session-reports      session reports with eight numbered fields (the IGF 2019 Reports)
    ///   narrative            prose cut into statements, with meeting facts (reports, press releases)
    ///   outline              any text: headings, paragraphs and list items; long blocks cut into sentences
    ///   records              CSV or JSON rows through the manifest's column mapping (events, sessions, NRI lists)
    ///   programme            schedules and session indexes: type, number, organisers, day, time slot, room
    ///   transcript           real-time captioning: a title, a header, `>> NAME:` speaker turns
    /// A .html file is read as a saved web page: the text of its main content.
    #[arg(long, value_name = "FORMAT", verbatim_doc_comment)]
    format: Format,
    /// The year of the meeting it is about (default: the first year in the file name)
    #[arg(long, value_name = "YEAR")]
    meeting: Option<u16>,
    /// Print the records as JSON instead of a summary
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "igfkg: error: {}", message(&error));
            if let Some(hint) = hint(&error) {
                let _ = writeln!(stderr, "igfkg: hint: {hint}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes, each once: many of our errors already name
/// their cause in their own message.
fn message(error: &anyhow::Error) -> String {
    let mut message = error.to_string();
    for cause in error.chain().skip(1) {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
    }
    message
}

/// A reader who pipes our output into `head` is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// A hint that says how to fix the most common errors.
fn hint(error: &anyhow::Error) -> Option<&'static str> {
    for cause in error.chain() {
        if let Some(igfkg::graph::StoreError::Io { source, .. }) = cause.downcast_ref() {
            if source.kind() == std::io::ErrorKind::NotFound {
                return Some(
                    "run `igfkg build` first, or give the graph to read with --graph FILE",
                );
            }
        }
        if let Some(igfkg::graph::QueryError::Syntax(_)) = cause.downcast_ref() {
            return Some(
                "check the query against SPARQL 1.1; the prefixes igf:, rdfs:, skos:, schema:, foaf:, org:, dcterms:, prov: and oa: need no PREFIX line",
            );
        }
        let source_error = cause
            .downcast_ref::<igfkg::sources::SourceError>()
            .or_else(|| match cause.downcast_ref() {
                Some(igfkg::BuildError::Source(e)) => Some(e),
                _ => None,
            });
        if let Some(igfkg::sources::SourceError::Io { source, .. }) = source_error
            && source.kind() == std::io::ErrorKind::NotFound
        {
            return Some(
                "run igfkg from the repository root, or give the data directory with --data DIR",
            );
        }
    }
    None
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Build(args) => build(args),
        Command::Query(args) => query(args),
        Command::Export(args) => export(args),
        Command::Stats(args) => stats(args),
        Command::Ingest(args) => ingest(args),
        Command::Release(args) => release(args),
        Command::Validate(args) => validate(args),
        Command::Diff(args) => diff(args),
        Command::Gen(args) => gen_corpus(args),
    }
}

fn spinner(message: impl Into<std::borrow::Cow<'static, str>>) -> ProgressBar {
    let bar = ProgressBar::new_spinner().with_message(message);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn build(args: BuildArgs) -> anyhow::Result<()> {
    let base = IriBase::new(args.base)?;
    #[cfg(feature = "rocksdb")]
    let graph = match &args.store {
        Some(dir) => KnowledgeGraph::open(dir, base)?,
        None => KnowledgeGraph::in_memory(base)?,
    };
    #[cfg(not(feature = "rocksdb"))]
    let graph = KnowledgeGraph::in_memory(base)?;

    let data = DataDir::new(&args.data);
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}")
            .expect("the template is valid")
            .progress_chars("=> "),
    );
    if !(0.0..=1.0).contains(&args.lineage_threshold) {
        bail!(
            "--lineage-threshold {} is outside 0 to 1",
            args.lineage_threshold
        );
    }
    let mut options = igfkg::BuildOptions::default();
    options.relations.lineage.threshold = args.lineage_threshold;
    options.relations.lineage.top_k = args.lineage_top_k;
    options.evidence = args.evidence;
    let built = pipeline::build_with(&graph, &data, &options, |step| match step {
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
    })?;
    bar.set_message("writing exports");
    let ttl_path = args.out.join("igfkg.ttl");
    let nq_path = args.out.join("igfkg.nq");
    // Both files are written to temporary files first and renamed only when
    // both are complete, so a failure leaves the previous build in place.
    let mut ttl = AtomicFile::create(&ttl_path)
        .with_context(|| format!("cannot write {}", ttl_path.display()))?;
    graph.export(ExportFormat::Turtle, &mut ttl)?;
    let mut nq = AtomicFile::create(&nq_path)
        .with_context(|| format!("cannot write {}", nq_path.display()))?;
    graph.export(ExportFormat::NQuads, &mut nq)?;
    ttl.commit()
        .with_context(|| format!("cannot write {}", ttl_path.display()))?;
    nq.commit()
        .with_context(|| format!("cannot write {}", nq_path.display()))?;
    bar.finish_and_clear();
    if args.quiet {
        return Ok(());
    }
    let stats = graph.stats()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Built {} documents into {} triples ({} named graphs); wrote {} and {}",
        built.documents.len(),
        stats.triples,
        stats.graphs,
        ttl_path.display(),
        nq_path.display()
    )?;
    writeln!(out)?;
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
    write_table(&mut out, &header, &rows, TableOptions::default())?;
    let relations = &built.relations;
    writeln!(
        out,
        "\nAcross years: {} echoes from messages to earlier messages; {} alignments of themes and sessions ({} close matches)",
        relations.echoes.len(),
        relations.alignments.len(),
        relations.alignments.iter().filter(|a| a.close).count()
    )?;
    writeln!(out)?;
    let mut years: Vec<i64> = built
        .documents
        .iter()
        .filter_map(|d| d.document.meeting.map(i64::from))
        .collect();
    years.sort_unstable();
    years.dedup();
    let header: Vec<String> = std::iter::once("class".to_owned())
        .chain(std::iter::once("total".to_owned()))
        .chain(years.iter().map(i64::to_string))
        .collect();
    let rows: Vec<Vec<String>> = igfkg::Stats::summary_classes()
        .iter()
        .map(|class| {
            let name = igfkg::vocab::PREFIXES
                .iter()
                .find_map(|(p, ns)| class.as_str().strip_prefix(ns).map(|l| format!("{p}:{l}")))
                .unwrap_or_else(|| class.as_str().to_owned());
            std::iter::once(name)
                .chain(std::iter::once(stats.count(*class).to_string()))
                .chain(
                    years
                        .iter()
                        .map(|y| stats.count_in_year(*class, *y).to_string()),
                )
                .collect()
        })
        .collect();
    write_table(&mut out, &header, &rows, TableOptions::default())?;
    let warnings: Vec<_> = built.diagnostics().collect();
    if !warnings.is_empty() {
        writeln!(out)?;
        writeln!(out, "{} warnings:", warnings.len())?;
        for d in warnings {
            let path = built
                .documents
                .iter()
                .find(|p| p.document.id == d.document)
                .map(|p| data.root().join(&p.document.path))
                .unwrap_or_else(|| PathBuf::from(&d.document));
            writeln!(
                out,
                "  {}:{}:{}: {}",
                path.display(),
                d.line,
                d.column,
                d.message
            )?;
        }
    }
    Ok(())
}

/// Opens the graph that a command reads: an on-disk store, or a dump
/// loaded into memory.
fn open_graph(args: &GraphArgs) -> anyhow::Result<KnowledgeGraph> {
    let base = IriBase::new(args.base.clone())?;
    #[cfg(feature = "rocksdb")]
    if let Some(dir) = &args.store {
        return Ok(KnowledgeGraph::open_read_only(dir, base)?);
    }
    let graph = KnowledgeGraph::in_memory(base)?;
    let bar = spinner(format!("loading {}", args.graph.display()));
    let result = graph.load_file(&args.graph);
    bar.finish_and_clear();
    result?;
    Ok(graph)
}

/// Writes to a file atomically, or to standard output.
fn with_output(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            let mut file = AtomicFile::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            write(&mut file)?;
            file.commit()
                .with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            write(&mut stdout)?;
            stdout.flush()?;
            Ok(())
        }
    }
}

fn read_query(query: &str) -> anyhow::Result<String> {
    if query == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read the query from standard input")?;
        return Ok(text);
    }
    let path = Path::new(query);
    if path.is_file() {
        return std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the query file {}", path.display()));
    }
    if query.ends_with(".rq") || query.ends_with(".sparql") {
        bail!("{query}: no such query file");
    }
    Ok(query.to_owned())
}

fn list_questions() -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    for question in igfkg::query::catalogue() {
        writeln!(out, "{}", question.name)?;
        writeln!(out, "    {}", question.question)?;
        for param in &question.params {
            writeln!(
                out,
                "    --param {}=…  ({}) {}",
                param.name, param.kind, param.description
            )?;
        }
    }
    Ok(())
}

fn query(args: QueryArgs) -> anyhow::Result<()> {
    if args.list {
        return list_questions();
    }
    let outcome = match (&args.named, &args.query) {
        (Some(name), _) => {
            let question = igfkg::query::question(name)?;
            let params = args
                .params
                .iter()
                .map(|p| {
                    p.split_once('=')
                        .ok_or_else(|| anyhow::anyhow!("parameter {p:?} is not NAME=VALUE"))
                })
                .collect::<anyhow::Result<Vec<(&str, &str)>>>()?;
            // Check the parameters before loading the graph.
            question.bind(&IriBase::new(args.graph.base.clone())?, &params)?;
            let graph = open_graph(&args.graph)?;
            (question.run(&graph, &params)?, graph)
        }
        (None, Some(query)) => {
            let text = read_query(query)?;
            let graph = open_graph(&args.graph)?;
            (graph.query(&text)?, graph)
        }
        (None, None) => unreachable!("clap requires a query, --named or --list"),
    };
    let (outcome, graph) = outcome;
    let table = TableOptions {
        max_cell_width: (args.output.is_none() && std::io::stdout().is_terminal()).then_some(60),
    };
    with_output(args.output.as_deref(), |w| {
        write_outcome(&outcome, args.format, graph.base(), table, w)?;
        Ok(())
    })
}

fn export(args: ExportArgs) -> anyhow::Result<()> {
    let graph = open_graph(&args.graph)?;
    with_output(args.output.as_deref(), |w| {
        graph.export(args.format, w)?;
        Ok(())
    })
}

fn stats(args: GraphArgs) -> anyhow::Result<()> {
    let graph = open_graph(&args)?;
    let stats = graph.stats()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} triples, {} quads, {} named graphs",
        stats.triples, stats.quads, stats.graphs
    )?;
    writeln!(out)?;
    let mut years: Vec<i64> = stats
        .classes
        .iter()
        .flat_map(|c| c.per_year.keys().copied())
        .collect();
    years.sort_unstable();
    years.dedup();
    let header: Vec<String> = ["class".to_owned(), "total".to_owned()]
        .into_iter()
        .chain(years.iter().map(i64::to_string))
        .collect();
    let prefixes = igfkg::vocab::PREFIXES;
    let rows: Vec<Vec<String>> = stats
        .classes
        .iter()
        .map(|c| {
            let name = prefixes
                .iter()
                .find_map(|(p, ns)| c.class.strip_prefix(ns).map(|l| format!("{p}:{l}")))
                .unwrap_or_else(|| c.class.clone());
            [name, c.total.to_string()]
                .into_iter()
                .chain(
                    years
                        .iter()
                        .map(|y| c.per_year.get(y).map_or(String::new(), u64::to_string)),
                )
                .collect()
        })
        .collect();
    write_table(&mut out, &header, &rows, TableOptions::default())?;
    Ok(())
}

/// The first four-digit year from 2006 on in a file name.
fn year_in_name(path: &Path) -> Option<u16> {
    let name = path.file_name()?.to_str()?;
    let digits: Vec<char> = name.chars().collect();
    digits.windows(4).find_map(|w| {
        let s: String = w.iter().collect();
        s.parse::<u16>().ok().filter(|y| (2006..=2100).contains(y))
    })
}

fn ingest(args: IngestArgs) -> anyhow::Result<()> {
    let Some(meeting) = args.meeting.or_else(|| year_in_name(&args.file)) else {
        bail!(
            "{}: cannot tell the meeting year from the file name; give it with --meeting YEAR",
            args.file.display()
        );
    };
    let (_, extraction) = pipeline::ingest_file(&args.file, args.format, meeting)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &extraction)?;
        writeln!(out)?;
        return Ok(());
    }
    write_preview(&mut out, &args.file, &extraction)?;
    Ok(())
}

fn write_preview(out: &mut impl Write, path: &Path, e: &Extraction) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: {} themes, {} sessions, {} messages, {} statements, {} utterances, {} people, {} roles, {} participation records, {} facts",
        path.display(),
        e.themes.len(),
        e.sessions.len(),
        e.messages.len(),
        e.statements.len(),
        e.utterances.len(),
        e.people.len(),
        e.roles.len(),
        e.participation.len(),
        e.facts.len()
    )?;
    for theme in &e.themes {
        let count = e
            .messages
            .iter()
            .filter(|m| m.theme.as_ref() == Some(&theme.id))
            .count();
        writeln!(
            out,
            "  theme {} (line {}): {} — {count} messages",
            theme.position, theme.span.start_line, theme.title
        )?;
    }
    for session in &e.sessions {
        let count = e
            .messages
            .iter()
            .filter(|m| m.session.as_ref() == Some(&session.id))
            .count();
        writeln!(
            out,
            "  session {} (line {}): {} [{}] — {count} messages",
            session.position, session.span.start_line, session.title, session.session_type_label
        )?;
    }
    for person in &e.people {
        writeln!(
            out,
            "  person (line {}): {}{}{}",
            person.span.start_line,
            person.name,
            person
                .affiliation
                .as_deref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
            person
                .country
                .as_deref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default()
        )?;
    }
    for fact in &e.facts {
        writeln!(
            out,
            "  fact (line {}): {} = {}",
            fact.span.start_line,
            fact.kind.label(),
            fact.value
        )?;
    }
    for d in &e.diagnostics {
        let severity = match d.severity {
            Severity::Info => "info",
            _ => "warning",
        };
        writeln!(
            out,
            "  {severity}: {}:{}:{}: {}",
            path.display(),
            d.line,
            d.column,
            d.message
        )?;
    }
    Ok(())
}

/// Today's date, or the date of SOURCE_DATE_EPOCH for reproducible releases.
fn today() -> anyhow::Result<String> {
    let now = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => time::OffsetDateTime::from_unix_timestamp(
            epoch
                .trim()
                .parse()
                .context("SOURCE_DATE_EPOCH must be a number of seconds")?,
        )?,
        Err(_) => time::OffsetDateTime::now_utc(),
    };
    Ok(now.date().to_string())
}

fn release(args: ReleaseArgs) -> anyhow::Result<()> {
    let graph = open_graph(&args.graph)?;
    let created = match args.created {
        Some(date) => date,
        None => today()?,
    };
    if !args.download_base.ends_with('/') {
        bail!("--download-base {:?} must end in '/'", args.download_base);
    }
    let options = igfkg::publish::ReleaseOptions {
        download_base: args.download_base,
        sparql_endpoint: args.sparql_endpoint,
        created,
        ..igfkg::publish::ReleaseOptions::default()
    };
    let bar = spinner(format!("writing the release {}", args.dir.display()));
    let result = igfkg::publish::write_release(&graph, &args.dir, &options);
    bar.finish_and_clear();
    let release = result?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Released {} triples into {}",
        release.triples,
        release.dir.display()
    )?;
    let rows: Vec<Vec<String>> = release
        .files
        .iter()
        .map(|(name, size)| vec![name.clone(), size.to_string()])
        .collect();
    write_table(
        &mut out,
        &["file".to_owned(), "bytes".to_owned()],
        &rows,
        TableOptions::default(),
    )?;
    writeln!(out, "canonical SHA-256: {}", release.canonical_sha256)?;
    Ok(())
}

fn validate(args: ValidateArgs) -> anyhow::Result<()> {
    let shapes = match &args.shapes {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the shapes {}", path.display()))?,
        None => igfkg::publish::SHAPES.to_owned(),
    };
    let validator = igfkg::publish::Validator::from_turtle(&shapes)?;
    let graph = open_graph(&args.graph)?;
    let violations = validator.validate(&graph)?;
    let mut out = std::io::stdout().lock();
    if args.format == "json" {
        let json: Vec<serde_json::Value> = violations
            .iter()
            .map(|v| {
                serde_json::json!({
                    "focus": v.focus, "path": v.path, "value": v.value,
                    "component": v.component, "shape": v.shape, "message": v.message,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    } else if violations.is_empty() {
        writeln!(out, "The graph conforms to the shapes.")?;
    } else {
        for v in &violations {
            writeln!(out, "{}", v.focus)?;
            writeln!(
                out,
                "  {}{}: {}{}",
                v.component,
                v.path
                    .as_deref()
                    .map(|p| format!(" on <{p}>"))
                    .unwrap_or_default(),
                v.message,
                v.value
                    .as_deref()
                    .map(|x| format!(" (value: {x})"))
                    .unwrap_or_default()
            )?;
        }
        writeln!(out, "{} violations", violations.len())?;
    }
    out.flush()?;
    if violations.is_empty() {
        Ok(())
    } else {
        bail!(
            "the graph does not conform to the shapes: {} violations",
            violations.len()
        )
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

fn diff(args: DiffArgs) -> anyhow::Result<()> {
    let base = IriBase::new(args.base)?;
    let old = nquads_of(&args.old, &base)?;
    let new = nquads_of(&args.new, &base)?;
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
    if args.exit_code && !diff.is_empty() {
        // Like diff(1): differences are not an error, but the status says so.
        drop(out);
        std::process::exit(1);
    }
    Ok(())
}

fn gen_corpus(args: GenArgs) -> anyhow::Result<()> {
    let reference = igfkg::sources::read_reference(&args.reference)?;
    let options = igfkg::synth::GenOptions {
        years: args.years,
        sessions: args.sessions,
        messages: args.messages,
        seed: args.seed,
    };
    let generated = igfkg::synth::generate(&options, &reference, &args.reference, &args.out)?;
    writeln!(
        std::io::stdout().lock(),
        "Wrote {} documents with {} messages ({} bytes) into {}; build it with `igfkg build --data {}`",
        generated.documents,
        generated.messages,
        generated.bytes,
        args.out.display(),
        args.out.display()
    )?;
    Ok(())
}
