//! Errors of the graph: storing, querying and exporting.

use std::path::PathBuf;

/// An error of the Oxigraph store or of loading RDF into it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The store failed (I/O, corruption, a lock held by another process).
    #[error("the graph store failed: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// An RDF file could not be parsed.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: u64,
        /// Column, from 1.
        column: u64,
        /// What the parser says is wrong.
        message: String,
    },
    /// An RDF file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file's extension names no RDF format igfkg reads.
    #[error("{}: cannot tell the RDF format from the file name; use .nq, .trig, .ttl, .nt, .rdf or .jsonld", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
}

/// An error of a SPARQL query.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query is not valid SPARQL 1.1.
    #[error("invalid SPARQL query: {}", readable_syntax_error(&.0.to_string()))]
    // Not a `#[source]`: the message already says what the parser's does,
    // more readably, and an error chain would repeat it.
    Syntax(oxigraph::sparql::SparqlSyntaxError),
    /// The query could not be evaluated.
    #[error("the SPARQL query failed: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// The store failed while answering.
    #[error("the graph store failed: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// A parameter names a variable that the query does not have.
    #[error("the query has no variable ?{0}; parameters bind the query's own variables")]
    UnknownParameter(String),
    /// The text is a SPARQL Update, where a query was expected.
    #[error(
        "this is a SPARQL Update, and the graph is read-only here; send a query (SELECT, ASK, CONSTRUCT or DESCRIBE)"
    )]
    Update,
    /// The query text is longer than [`crate::MAX_QUERY_BYTES`].
    #[error("the query is {bytes} bytes, more than the {max} a query may have; shorten it")]
    TooLarge {
        /// The text's length.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// The query's brackets nest deeper than [`crate::MAX_QUERY_NESTING`].
    #[error("{line}:{column}: the query nests brackets more than {max} deep; flatten it")]
    TooDeep {
        /// Line of the bracket that goes too deep, from 1.
        line: usize,
        /// Its column, from 1.
        column: usize,
        /// The limit.
        max: usize,
    },
    /// The thread that runs queries could not be started.
    #[error("cannot start the thread that runs the query: {0}")]
    Thread(#[source] std::io::Error),
    /// Evaluation took longer than allowed.
    #[error("the query was stopped after {}; simplify it or allow more time", .0.map_or_else(|| "its deadline".to_owned(), |t| format!("{:.1} s", t.as_secs_f64())))]
    Timeout(Option<std::time::Duration>),
    /// Every place for a query (of a server's limit of concurrent queries)
    /// stayed taken while the query waited for one.
    #[error(
        "the server is busy: {}, and none ended in the {:.1} s this one waited; try again later",
        at_once(*.places),
        .waited.as_secs_f64()
    )]
    Busy {
        /// How many queries may run at once.
        places: usize,
        /// How long the query waited.
        waited: std::time::Duration,
    },
}

/// How many queries a server runs at once, in words.
fn at_once(places: usize) -> String {
    match places {
        1 => "it runs one query at a time".to_owned(),
        n => format!("it runs at most {n} queries at once"),
    }
}

/// An error writing an export.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// Reading the store failed.
    #[error("cannot read the graph store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// A prefix could not be declared.
    #[error("invalid prefix: {0}")]
    Prefix(String),
}

impl From<oxigraph::sparql::SparqlSyntaxError> for QueryError {
    fn from(error: oxigraph::sparql::SparqlSyntaxError) -> Self {
        Self::Syntax(error)
    }
}

/// A SPARQL parser's message without the character classes of the grammar
/// it lists (`['A' ..= 'Z' | 'a' ..= 'z' | '\u{00C0}'..='\u{00D6}' …]`,
/// several lines for a name): each such class is said as "a name
/// character", and an undeclared prefix is said plainly.
fn readable_syntax_error(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find(']') else {
            rest = &rest[start..];
            break;
        };
        let class = &rest[start..start + end + 1];
        if class.contains("\\u{") {
            if !out.ends_with("a name character, ") {
                out.push_str("a name character");
            } else {
                out.truncate(out.len() - 2);
                rest = rest[start + end + 1..].trim_start_matches(", ");
                out.push_str(", ");
                continue;
            }
        } else {
            out.push_str(class);
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.contains("Prefix not found") {
        return format!(
            "{}: a prefix that is not declared; declare it with PREFIX, or use one igfkg declares",
            out.split(": expected").next().unwrap_or(&out)
        );
    }
    out
}
