//! `igfkg query`: a SPARQL query, or a named question of the catalogue,
//! over a built graph.

use super::args::QueryArgs;
use super::io::{GraphSource, with_output};
use super::render::{TableOptions, write_outcome_table};
use anyhow::{Context, bail};
use igfkg::graph::{
    KnowledgeGraph, OutputFormat, QueryOutcome, QueryRequest, WriteResultsError, watched,
    write_outcome,
};
use igfkg::query::Question;
use std::fmt;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// How `igfkg query` writes results: the table for people, or one of the
/// standard formats igfkg-graph writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryFormat {
    /// An aligned table, with IRIs as `prefix:local`.
    Table,
    /// A SPARQL result format, or RDF for CONSTRUCT and DESCRIBE.
    Standard(OutputFormat),
}

impl QueryFormat {
    /// The format of an output file's extension: a standard one as
    /// Oxigraph's CLI infers it, or the table for `txt` and `text`.
    fn from_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        if extension == "txt" || extension == "text" {
            return Some(Self::Table);
        }
        OutputFormat::from_extension(&extension).map(Self::Standard)
    }
}

impl FromStr for QueryFormat {
    type Err = String;

    /// `table`, or Jena's `text`, or a standard format by name or media type.
    fn from_str(name: &str) -> Result<Self, String> {
        let lower = name.to_ascii_lowercase();
        if ["table", "text", "txt"].contains(&lower.as_str()) || lower.starts_with("text/plain") {
            return Ok(Self::Table);
        }
        name.parse().map(Self::Standard).map_err(|_| {
            format!(
                "unknown result format {name:?}; use table (text), csv, tsv, json (srj) or xml (srx) (or an RDF format for CONSTRUCT: turtle, ntriples, nquads, trig, rdfxml, jsonld), or a media type"
            )
        })
    }
}

impl fmt::Display for QueryFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Table => f.write_str("table"),
            Self::Standard(format) => format.fmt(f),
        }
    }
}

/// What to ask.
pub enum Ask {
    /// A named question with its parameters (checked).
    Named {
        question: &'static Question,
        params: Vec<(String, String)>,
    },
    /// SPARQL text.
    Sparql(String),
}

/// A query, checked and read, with where its results go.
pub enum Options {
    /// Print the catalogue of questions.
    List,
    /// Ask a graph.
    Ask {
        ask: Ask,
        graph: Box<GraphSource>,
        format: QueryFormat,
        output: Option<PathBuf>,
        /// How long evaluation may take; `None` for no limit.
        timeout: Option<Duration>,
    },
}

impl Options {
    /// Finds the named question and reads its parameters' values, or reads
    /// and parses the query text, before any graph is loaded: a typo is
    /// reported at once, not after a large dump is read.
    pub fn from_args(args: QueryArgs) -> anyhow::Result<Self> {
        if args.list {
            return Ok(Self::List);
        }
        if args.named.is_none() && !args.params.is_empty() {
            bail!(
                "--param gives a value to a named question's parameter; name the question with --named NAME (`igfkg query --list` lists them), or write the value into the SPARQL query"
            );
        }
        let format = match (args.format, &args.output) {
            (Some(format), _) => format,
            (None, None) => QueryFormat::Table,
            (None, Some(path)) => QueryFormat::from_extension(path).with_context(|| {
                format!(
                    "{}: cannot tell the result format from the extension; use .txt (a table), .json or .srj, .xml or .srx, .csv, .tsv, an RDF extension (.ttl, .nt, .nq, .trig, .rdf, .jsonld), or give --format",
                    path.display()
                )
            })?,
        };
        let graph = GraphSource::from_args(args.graph)?;
        let ask = match (&args.named, &args.query) {
            (Some(name), _) => {
                let question = igfkg::query::question(name)?;
                let params = args
                    .params
                    .iter()
                    .map(|p| {
                        p.split_once('=')
                            .map(|(k, v)| (k.to_owned(), v.to_owned()))
                            .ok_or_else(|| anyhow::anyhow!("parameter {p:?} is not NAME=VALUE"))
                    })
                    .collect::<anyhow::Result<Vec<_>>>()?;
                question.bind(&graph.base, &pairs(&params))?;
                Ask::Named { question, params }
            }
            (None, Some(query)) => {
                let text = read_query(query)?;
                igfkg::graph::check_query(&text, &graph.base)?;
                Ask::Sparql(text)
            }
            (None, None) => unreachable!("clap requires a query, --named or --list"),
        };
        Ok(Self::Ask {
            ask,
            graph: Box::new(graph),
            format,
            output: args.output,
            timeout: (args.timeout > 0).then(|| Duration::from_secs(args.timeout)),
        })
    }
}

fn pairs(params: &[(String, String)]) -> Vec<(&str, &str)> {
    params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// Runs the query and writes its results.
pub fn run(options: Options) -> anyhow::Result<()> {
    let Options::Ask {
        ask,
        graph,
        format,
        output,
        timeout,
    } = options
    else {
        return list_questions();
    };
    let (graph, outcome) = answer(graph.open()?, ask, timeout)?;
    // Cells are cut only for a person reading a terminal.
    let table = TableOptions {
        max_cell_width: (output.is_none() && std::io::stdout().is_terminal()).then_some(60),
    };
    with_output(output.as_deref(), |w| {
        match format {
            QueryFormat::Table => write_outcome_table(w, &outcome, graph.base(), table)?,
            QueryFormat::Standard(format) => {
                write_outcome(&outcome, format, graph.base(), w).map_err(with_table)?;
            }
        }
        Ok(())
    })
}

/// Runs the query, waiting for it at most `timeout` ([`watched`]: Oxigraph
/// does not look at the deadline while it plans a long basic graph pattern,
/// so the command stops waiting by itself and the thread ends with the
/// process). Returns the graph with the outcome, for the prefixes the
/// results are written with.
fn answer(
    graph: KnowledgeGraph,
    ask: Ask,
    timeout: Option<Duration>,
) -> anyhow::Result<(KnowledgeGraph, QueryOutcome)> {
    let (graph, outcome) = watched(timeout, (), move || {
        let outcome: anyhow::Result<QueryOutcome> = match &ask {
            Ask::Named { question, params } => question
                .run_within(&graph, &pairs(params), timeout)
                .map_err(Into::into),
            Ask::Sparql(text) => graph
                .evaluate(&QueryRequest {
                    timeout,
                    ..QueryRequest::new(text.as_str())
                })
                .map_err(Into::into),
        };
        (graph, outcome)
    })?;
    Ok((graph, outcome?))
}

/// The formats that fit a result, as the command line offers them: the
/// table as well as the standard ones.
fn with_table(error: WriteResultsError) -> anyhow::Error {
    match error {
        WriteResultsError::Mismatch {
            kind,
            format,
            fitting,
        } => anyhow::anyhow!("{kind} results cannot be written as {format}; use table, {fitting}"),
        other => other.into(),
    }
}

/// The query text: standard input for `-`, a file's text, or the argument.
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
