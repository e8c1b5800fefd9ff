//! The command line as clap parses it: flags and values, unchecked.
//!
//! These are ripgrep's "low-level" arguments: each subcommand resolves its
//! own into validated options (`Options::from_args` in its module) before
//! doing any work, so the rest of the binary never sees a raw string where
//! it needs an IRI base, a threshold or a report format.

use clap::{Args, Parser, Subcommand};
use igfkg::graph::{EvidenceLevel, ExportFormat, IriBase};
use igfkg::ingest::Format;
use igfkg::push::StoreKind;
use std::path::PathBuf;

use super::query::QueryFormat;

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
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The most memory the command may use, in bytes or with a unit (MiB, GiB); past it the
    /// command stops with an error and removes its temporary files, instead of being killed by
    /// the system (default: 90% of the memory available as igfkg starts; 0: no limit)
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_memory)]
    pub max_memory: Option<u64>,
}

/// `--max-memory`: a size, or 0 for no limit.
fn parse_memory(text: &str) -> Result<u64, String> {
    if text.trim() == "0" {
        Ok(0)
    } else {
        parse_size(text)
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Builds the graph from a data directory and writes out/igfkg.ttl and out/igfkg.nq
    #[command(after_help = "Examples:
  igfkg build                              the bundled corpus in data/, into out/
  igfkg build --data ~/igf --out ~/igf-out a corpus of your own
  igfkg build --evidence lean --quiet      a third of the triples, no summary")]
    Build(BuildArgs),
    /// Runs a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over a built graph
    #[command(after_help = "Examples:
  igfkg query 'SELECT ?m ?text WHERE { ?m a igf:Message ; igf:text ?text } LIMIT 5'
  igfkg query questions.rq -o answers.csv      the format from the extension
  igfkg query --list                           the catalogue of cross-year questions
  igfkg query --named topic-timeline --param topic=encryption")]
    Query(QueryArgs),
    /// Writes a built graph in an RDF format
    #[command(after_help = "Examples:
  igfkg export -o igfkg.jsonld                 compacted JSON-LD, the format from the extension
  igfkg export --format trig > igfkg.trig")]
    Export(ExportArgs),
    /// Prints the counts of a built graph: triples, graphs, nodes per class and year
    #[command(after_help = "Examples:
  igfkg stats
  igfkg stats --format json | jq '.classes[] | select(.name == \"igf:Message\") | .perYear'")]
    Stats(StatsArgs),
    /// Previews what a document yields in a format, without building
    #[command(after_help = "Examples:
  igfkg ingest data/sources/igf2017-messages.txt --format messages-by-session
  igfkg ingest report.txt --format session-reports --json | jq '.messages | length'")]
    Ingest(IngestArgs),
    /// Writes a release folder for a linked-data portal: every RDF format, the canonical N-Quads and their SHA-256, the ontology, the shapes and a VoID + DCAT description
    #[command(after_help = "Examples:
  igfkg release public/ --download-base https://example.org/igfkg/
  igfkg release public/ --force                replaces an earlier release in one step")]
    Release(ReleaseArgs),
    /// Checks a built graph against the SHACL shapes; exits with 1 on any violation
    #[command(after_help = "Examples:
  igfkg validate
  igfkg validate --graph other.nq --shapes my-shapes.ttl")]
    Validate(ValidateArgs),
    /// Says what changed between two releases (or RDF files), by their canonical forms
    #[command(after_help = "Examples:
  igfkg diff old-release/ new-release/
  igfkg diff a.nq b.nq --exit-code             exit 1 when they differ, as diff(1)")]
    Diff(DiffArgs),
    /// Writes a synthetic corpus (documents, manifest, reference data) for benchmarks
    Gen(GenArgs),
    /// Publishes the graph into a triple store (Oxigraph, Virtuoso, Fuseki, GraphDB, Stardog, Neptune…) over the SPARQL 1.1 Graph Store Protocol, and checks each graph's count there
    #[command(after_help = "Examples:
  igfkg push --endpoint http://127.0.0.1:7878                       an Oxigraph server
  igfkg push --store fuseki --endpoint http://127.0.0.1:3030/igf    a Fuseki dataset
  igfkg push --endpoint http://127.0.0.1:7878 --dry-run             what would be sent")]
    Push(PushArgs),
    /// Serves a built graph: a SPARQL endpoint, dereferenceable IRIs, pages and a query UI
    #[command(after_help = "Examples:
  igfkg serve                                  http://127.0.0.1:7878/
  igfkg serve --bind 127.0.0.1:8080 --base-url https://kg.example.org/")]
    Serve(ServeArgs),
    /// Writes a shell's completion script to standard output
    #[command(after_help = "Examples:
  igfkg completions bash > ~/.local/share/bash-completion/completions/igfkg
  igfkg completions zsh > ~/.zfunc/_igfkg
  igfkg completions fish > ~/.config/fish/completions/igfkg.fish")]
    Completions(CompletionsArgs),
    /// Writes the man page (roff) to standard output
    #[command(after_help = "Examples:
  igfkg man > igfkg.1 && man ./igfkg.1
  igfkg man --subcommand query > igfkg-query.1")]
    Man(ManArgs),
}

impl Command {
    /// The subcommand's name, as it is typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Build(_) => "build",
            Command::Query(_) => "query",
            Command::Export(_) => "export",
            Command::Stats(_) => "stats",
            Command::Ingest(_) => "ingest",
            Command::Release(_) => "release",
            Command::Validate(_) => "validate",
            Command::Diff(_) => "diff",
            Command::Gen(_) => "gen",
            Command::Push(_) => "push",
            Command::Serve(_) => "serve",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
        }
    }
}

#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish
    pub shell: clap_complete::Shell,
}

#[derive(Args)]
pub struct ManArgs {
    /// The page of one subcommand (igfkg-query(1), …) instead of igfkg(1)
    #[arg(long, value_name = "NAME")]
    pub subcommand: Option<String>,
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// The address to listen on
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR")]
    pub bind: std::net::SocketAddr,
    /// The server's own base URL as clients reach it (default: http://ADDR/)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// How long a query may run, in seconds
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,
    /// How many queries run at once; more wait their turn, each at most --timeout
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub max_concurrent: usize,
}

#[derive(Args)]
pub struct GenArgs {
    /// The data directory to write
    pub out: PathBuf,
    /// Number of annual meetings, from 2006 on
    #[arg(long, default_value_t = 20)]
    pub years: u16,
    /// Sessions (or themes) per year
    #[arg(long, default_value_t = 40)]
    pub sessions: u32,
    /// Messages in the whole corpus
    #[arg(long, default_value_t = 10_000)]
    pub messages: u64,
    /// The seed: the same seed writes the same bytes
    #[arg(long, default_value_t = 2006)]
    pub seed: u64,
    /// The reference data to copy and draw the vocabulary from (default: igfkg's standard
    /// reference data, which a build of the corpus then uses too)
    #[arg(long, value_name = "DIR")]
    pub reference: Option<PathBuf>,
}

#[derive(Args)]
pub struct ReleaseArgs {
    /// The release folder to write: new, empty, or an earlier release (with --force), replaced
    /// in one step once everything is written
    pub dir: PathBuf,
    #[command(flatten)]
    pub graph: GraphArgs,
    /// Where the release's files will be published (a folder URL ending in /)
    #[arg(
        long,
        default_value = "https://w3id.org/igfkg/release/latest/",
        value_name = "URL"
    )]
    pub download_base: String,
    /// The SPARQL endpoint that will serve the graph, if any
    #[arg(long, value_name = "URL")]
    pub sparql_endpoint: Option<String>,
    /// The host that will serve the graph (`igfkg serve`): writes the .htaccess that redirects
    /// w3id.org/igfkg/… to it (303)
    #[arg(long, value_name = "URL")]
    pub host: Option<String>,
    /// The creation date to state (default: today, or SOURCE_DATE_EPOCH when set)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub created: Option<String>,
    /// Replace the earlier release in DIR (a folder igfkg release wrote, with its
    /// .igfkg-release file); a folder of anything else is never replaced
    #[arg(long)]
    pub force: bool,
}

#[derive(Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// The SHACL shapes (default: the shapes igfkg ships, ontology/shapes.ttl)
    #[arg(long, value_name = "FILE")]
    pub shapes: Option<PathBuf>,
    /// Report format: text or json
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The older release folder, or an RDF file
    pub old: PathBuf,
    /// The newer release folder, or an RDF file
    pub new: PathBuf,
    /// The base of the data IRIs, for the prefixes of what is printed (default: the one the
    /// build recorded in igfkg.build.json beside NEW, else https://w3id.org/igfkg/)
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// Exit with 1 when the releases differ (as diff(1) does)
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Args)]
pub struct BuildArgs {
    /// The data directory: corpus.toml, sources/ and reference/
    #[arg(long, default_value = "data", value_name = "DIR")]
    pub data: PathBuf,
    /// Where to write igfkg.ttl and igfkg.nq
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// The base of the data IRIs
    #[arg(long, default_value = IriBase::DEFAULT, value_name = "IRI")]
    pub base: String,
    /// The least similarity for a message to echo an earlier one (0 to 1)
    #[arg(long, default_value_t = igfkg::relate::LineageConfig::default().threshold, value_name = "SCORE")]
    pub lineage_threshold: f64,
    /// The most earlier messages a message echoes
    #[arg(long, default_value_t = igfkg::relate::LineageConfig::default().top_k, value_name = "N")]
    pub lineage_top_k: usize,
    /// How much evidence to keep: full (each link's annotation of the matched words, and what
    /// echoes and alignments share), or lean (links, echoes and alignments without it: about a
    /// third of the triples). Every node keeps its source span either way
    #[arg(long, default_value_t = EvidenceLevel::Full, value_name = "LEVEL")]
    pub evidence: EvidenceLevel,
    /// Build into an on-disk Oxigraph store (RocksDB) in DIR as well
    #[cfg(feature = "rocksdb")]
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Print no summary
    #[arg(short, long)]
    pub quiet: bool,
    /// How to print the summary: a table, or JSON for programs (the counts of `igfkg stats
    /// --format json`, each document's records, the relations, every diagnostic with its file,
    /// line and column, the documents left out, the files written and each stage's time)
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,
    /// Stop at the first document that cannot be read, writing nothing (by default such a
    /// document is reported and left out, the others are built, and the exit status is 1)
    #[arg(long)]
    pub strict: bool,
    /// The largest source document read, in bytes or with a unit (KiB, MiB, GiB); a larger
    /// one is refused
    #[arg(long, default_value = "64MiB", value_name = "SIZE", value_parser = parse_size)]
    pub max_source_size: u64,
    /// The most bytes all the manifest's documents may hold together, in bytes or with a unit
    #[arg(long, default_value = "1GiB", value_name = "SIZE", value_parser = parse_size)]
    pub max_corpus_size: u64,
}

/// A size in bytes: a number, or a number with KiB, MiB or GiB (K, M, G and
/// KB, MB, GB are read as the same powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => {
            return Err(format!(
                "{text:?} is not a size; give bytes, or a number with KiB, MiB or GiB"
            ));
        }
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            format!("{text:?} is not a size above 0; give bytes, or a number with KiB, MiB or GiB")
        })
}

#[derive(Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// How to print the counts: a table, or JSON for programs (triples, quads, graphs, the
    /// documents' years, and each class's total and counts per year)
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,
}

/// How a summary is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    /// A table for people
    Table,
    /// JSON for programs
    Json,
}

#[derive(Args)]
pub struct GraphArgs {
    /// The graph to read: an RDF file such as the N-Quads dump `igfkg build` wrote
    #[arg(long, default_value = "out/igfkg.nq", value_name = "FILE")]
    pub graph: PathBuf,
    /// Read an on-disk Oxigraph store instead of a file
    #[cfg(feature = "rocksdb")]
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// The base of the data IRIs (default: the one the build recorded in igfkg.build.json beside
    /// the graph, else https://w3id.org/igfkg/id/)
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["query", "named", "list"])))]
pub struct QueryArgs {
    /// The SPARQL query: its text, the path of a .rq file, or - to read standard input.
    /// The prefixes igf:, rdfs:, skos:, schema:, foaf:, org:, dcterms:, prov:, oa:, sdgo: … are predeclared.
    pub query: Option<String>,
    /// Run a question of the catalogue by name (see --list)
    #[arg(long, value_name = "NAME", conflicts_with = "query")]
    pub named: Option<String>,
    /// A parameter of the named question, as NAME=VALUE (repeat for several). A node is given by
    /// id (encryption), by the name tables print (topic:encryption, message:…), by IRI or by label
    /// ("Net neutrality"); a goal also as 9, SDG9 or "Goal 9"
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// List the questions of the catalogue with their parameters
    #[arg(long, conflicts_with_all = ["query", "named"])]
    pub list: bool,
    #[command(flatten)]
    pub graph: GraphArgs,
    /// Result format: table (text), csv, tsv, json (srj) or xml (srx); for CONSTRUCT and DESCRIBE
    /// also turtle, ntriples, nquads, trig, rdfxml or jsonld; or a media type
    /// (application/sparql-results+json, text/turtle …). Default: from the extension of --output,
    /// else table
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<QueryFormat>,
    /// Write the results to FILE instead of standard output (.txt for a table)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// How long the query may run, in seconds; 0 for no limit
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    pub timeout: u64,
}

#[derive(Args)]
pub struct ExportArgs {
    /// The RDF format: turtle, ntriples, nquads, trig, rdfxml or jsonld, or a media type
    /// (text/turtle …). Default: from the extension of --output (.ttl, .nt, .nq, .trig, .rdf,
    /// .jsonld)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    #[command(flatten)]
    pub graph: GraphArgs,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args)]
pub struct IngestArgs {
    /// The document to read
    pub file: PathBuf,
    /// Its format, one of:
    ///   messages-by-session  key messages under session headings (the IGF 2017 Messages)
    ///   messages-by-theme    Markdown messages under theme headings (the IGF 2018 Paris Messages)
    ///   session-reports      session reports with eight numbered fields (the IGF 2019 Reports)
    ///   narrative            prose cut into statements, with meeting facts (reports, press releases)
    ///   outline              any text: headings, paragraphs and list items; long blocks cut into sentences
    ///   transcript           real-time captioning: a title, a header, `>> NAME:` speaker turns
    ///   records              CSV rows or a JSON array of objects; without a manifest, the columns
    ///                        named like fields (title, date, year, type, room, speakers …) are read
    ///   programme            schedules and session indexes: "WS #93 Title", sched.com lists,
    ///                        "10:00-11:30 Title" lines; type, number, organisers, day, slot, room
    /// A .html file is read as a saved web page: the text of its main content.
    #[arg(long, value_name = "FORMAT", verbatim_doc_comment)]
    pub format: Format,
    /// The year of the meeting it is about (default: the first year in the file name)
    #[arg(long, value_name = "YEAR")]
    pub meeting: Option<u16>,
    /// Print the records as JSON instead of a summary
    #[arg(long)]
    pub json: bool,
    /// The largest document read, in bytes or with a unit (KiB, MiB, GiB)
    #[arg(long, default_value = "64MiB", value_name = "SIZE", value_parser = parse_size)]
    pub max_source_size: u64,
}

#[derive(Args)]
pub struct PushArgs {
    /// The store's URL: the server for oxigraph, virtuoso and neptune; the dataset for fuseki
    /// (http://HOST:3030/DATASET); the repository for graphdb (http://HOST:7200/repositories/ID);
    /// the database for stardog (http://HOST:5820/DB); the Graph Store Protocol endpoint for generic
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    /// The kind of store, for where it serves the protocol and how it authenticates: oxigraph,
    /// virtuoso, fuseki, graphdb, stardog, neptune or generic
    #[arg(long, default_value = "oxigraph", value_name = "STORE")]
    pub store: StoreKind,
    /// The dataset to push: an N-Quads (or TriG) file such as the dump `igfkg build` wrote
    #[arg(long, default_value = "out/igfkg.nq", value_name = "FILE")]
    pub graph: PathBuf,
    /// Push a release folder (its canonical N-Quads) instead of --graph
    #[arg(long, value_name = "DIR", conflicts_with = "graph")]
    pub release: Option<PathBuf>,
    /// How the graphs travel: gsp (one Graph Store Protocol PUT per graph, replacing it) or
    /// update (SPARQL Update: DROP SILENT GRAPH, then INSERT DATA in chunks)
    #[arg(long, default_value = "gsp", value_name = "METHOD", value_parser = ["gsp", "update"])]
    pub method: String,
    /// Place the graphs under another namespace: BASE graph/NAME becomes PREFIX NAME
    #[arg(long, value_name = "IRI")]
    pub graph_prefix: Option<String>,
    /// The base of the data IRIs the graph was built with (--graph-prefix replaces BASE graph/;
    /// default: the one the build recorded in igfkg.build.json beside --graph, else
    /// https://w3id.org/igfkg/)
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// The Graph Store Protocol endpoint, instead of the preset's
    #[arg(long, value_name = "URL")]
    pub graph_store_endpoint: Option<String>,
    /// The SPARQL query endpoint that checks the counts, instead of the preset's
    #[arg(long, value_name = "URL")]
    pub query_endpoint: Option<String>,
    /// The SPARQL update endpoint (for --method update), instead of the preset's
    #[arg(long, value_name = "URL")]
    pub update_endpoint: Option<String>,
    /// The user name (default: the IGFKG_PUSH_USER environment variable); the password is read
    /// from IGFKG_PUSH_PASSWORD or --password-file, never from the command line
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// A file whose first line is the password (instead of IGFKG_PUSH_PASSWORD)
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// A file whose first line is the bearer token (instead of IGFKG_PUSH_TOKEN)
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// The authentication scheme (default: bearer when a token is given; with a user, digest
    /// for virtuoso and basic for the others)
    #[arg(long, value_name = "SCHEME", value_parser = ["none", "basic", "digest", "bearer"])]
    pub auth: Option<String>,
    /// The longest wait, in seconds, for a connection, a read or a write
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    pub timeout: u64,
    /// How many times a request that cannot connect or gets a 5xx answer is sent again
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub retries: u32,
    /// Triples per INSERT DATA request with --method update
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub chunk_triples: usize,
    /// Do not check each graph's count on the query endpoint after the push
    #[arg(long)]
    pub no_verify: bool,
    /// List the graphs and the requests that would send them, and send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print no progress and no summary
    #[arg(short, long)]
    pub quiet: bool,
}
