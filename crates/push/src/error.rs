//! The errors of a push. Each names the URL and, for an answer, the HTTP
//! status; none holds a password or a token.

use crate::auth::CredentialError;
use igfkg_graph::SplitError;
use std::path::PathBuf;

/// A push failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PushError {
    /// The dataset could not be split into graph files.
    #[error(transparent)]
    Split(#[from] SplitError),
    /// The credentials could not be read.
    #[error(transparent)]
    Credentials(#[from] CredentialError),
    /// The folder of graph files could not be made or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// An endpoint URL is not one igfkg can send to.
    #[error("{url}: {reason}")]
    BadEndpoint {
        /// The URL as given (without any credentials it held).
        url: String,
        /// What is wrong.
        reason: String,
    },
    /// A store kind has no endpoint of a kind the push needs.
    #[error("the {store} preset has no {what} endpoint; give it with {option}")]
    MissingEndpoint {
        /// The store kind.
        store: String,
        /// query or update.
        what: &'static str,
        /// The option that gives it.
        option: &'static str,
    },
    /// A graph's new name is not an IRI.
    #[error("graph <{graph}>: renamed to <{renamed}>, which is not a valid IRI: {reason}")]
    GraphName {
        /// The graph's name in the dataset.
        graph: String,
        /// Its name after `--graph-prefix`.
        renamed: String,
        /// Why it is not an IRI.
        reason: String,
    },
    /// A graph is not under the namespace that `--graph-prefix` replaces.
    #[error(
        "graph <{graph}> is not under <{namespace}>, the namespace --graph-prefix replaces; give the data IRI base the graph was built with (--base)"
    )]
    OutsideNamespace {
        /// The graph's name.
        graph: String,
        /// The namespace.
        namespace: String,
    },
    /// The store could not be reached, after every retry.
    #[error("{method} {url}: cannot reach the store ({}): {reason}", count_attempts(*attempts))]
    Unreachable {
        /// The request's method.
        method: &'static str,
        /// The URL.
        url: String,
        /// How many attempts were made.
        attempts: u32,
        /// The last connection error.
        reason: String,
    },
    /// The store refused the credentials (or asked for some).
    #[error("{method} {url}: the store answered {status}: {}; {hint}", if *status == 401 { "not authorised" } else { "forbidden" })]
    Unauthorized {
        /// The request's method.
        method: &'static str,
        /// The URL.
        url: String,
        /// 401 or 403.
        status: u16,
        /// What to check.
        hint: &'static str,
    },
    /// The store answered with an error status.
    #[error(
        "{method} {url}: the store answered {status}{}",
        excerpt_suffix(excerpt)
    )]
    Status {
        /// The request's method.
        method: &'static str,
        /// The URL.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The beginning of the store's answer, if it said anything.
        excerpt: String,
    },
    /// The store answered with a success status and an HTML page: a query
    /// form or an error page, not the outcome of the request.
    #[error(
        "{method} {url}: the store answered {status} with an HTML page, not the outcome of the request; check that the URL is the store's endpoint (see --store)"
    )]
    HtmlAnswer {
        /// The request's method.
        method: &'static str,
        /// The URL.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The query endpoint's answer is not SPARQL JSON results with a count.
    #[error("{url}: the answer to the count is not SPARQL JSON results: {reason}")]
    BadResults {
        /// The query endpoint.
        url: String,
        /// What is wrong.
        reason: String,
    },
    /// After the push, graphs in the store do not hold what was sent.
    #[error("after the push, {} of {graphs} graphs differ in the store at {url}: {}", mismatches.len(), describe(mismatches))]
    CountMismatch {
        /// The query endpoint asked.
        url: String,
        /// The graphs pushed.
        graphs: usize,
        /// The graphs whose count differs.
        mismatches: Vec<Mismatch>,
    },
}

/// A graph whose triple count in the store is not the count sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The graph's name in the store.
    pub graph: String,
    /// The triples igfkg sent.
    pub sent: u64,
    /// The triples the store holds.
    pub found: u64,
}

fn count_attempts(attempts: u32) -> String {
    match attempts {
        1 => "1 attempt".to_owned(),
        n => format!("{n} attempts"),
    }
}

fn excerpt_suffix(excerpt: &str) -> String {
    if excerpt.is_empty() {
        String::new()
    } else {
        format!(": {excerpt}")
    }
}

fn describe(mismatches: &[Mismatch]) -> String {
    const SHOWN: usize = 5;
    let mut text: Vec<String> = mismatches
        .iter()
        .take(SHOWN)
        .map(|m| {
            format!(
                "<{}> holds {} triples, igfkg sent {}",
                m.graph, m.found, m.sent
            )
        })
        .collect();
    if mismatches.len() > SHOWN {
        text.push(format!("and {} more", mismatches.len() - SHOWN));
    }
    text.join("; ")
}
