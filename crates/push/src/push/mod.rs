//! Pushing a dataset's named graphs into a store, and checking that the
//! store holds them.

use crate::auth::Credentials;
use crate::error::{Mismatch, PushError};
use crate::http::{Body, Client, Retry};
use crate::store::{Endpoints, StoreKind};
use igfkg_graph::model::NamedNode;
use igfkg_graph::{split_by_graph, temp};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod send;
mod update;
mod verify;

/// What a query-string value may hold unescaped: RFC 3986's unreserved
/// characters.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The media type of the graph files.
const NTRIPLES: &str = "application/n-triples";
/// The media type of SPARQL JSON results.
const SPARQL_JSON: &str = "application/sparql-results+json";

/// How the graphs travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Method {
    /// One [Graph Store Protocol](https://www.w3.org/TR/sparql11-http-rdf-update/#http-put)
    /// `PUT` per graph, replacing it whole.
    #[default]
    GraphStore,
    /// [SPARQL 1.1 Update](https://www.w3.org/TR/sparql11-update/): `DROP
    /// SILENT GRAPH`, then `INSERT DATA` in chunks, for stores without the
    /// Graph Store Protocol.
    Update,
}

/// Renames graphs: a graph under `from` is placed under `to` instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphPrefix {
    /// The namespace replaced (igfkg's graphs are under `{base}graph/`).
    pub from: String,
    /// The namespace put in its place.
    pub to: String,
}

/// One graph to send: its name in the store and its N-Triples file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphPush {
    /// The graph's name in the dataset.
    pub source: NamedNode,
    /// The graph's name in the store.
    pub target: NamedNode,
    /// The N-Triples file.
    pub path: PathBuf,
    /// Its triples.
    pub triples: u64,
    /// Its size in bytes.
    pub bytes: u64,
}

/// A dataset split into graph files in a temporary folder of its own,
/// removed when this is dropped.
#[derive(Debug)]
pub struct Prepared {
    graphs: Vec<GraphPush>,
    dir: tempfile::TempDir,
    /// Declared after `dir`, so the folder is gone before it is forgotten.
    _registration: temp::Registration,
}

impl Prepared {
    /// Splits a dataset file (N-Quads, TriG, JSON-LD) into one N-Triples
    /// file per named graph in a new temporary folder (an
    /// [`igfkg_graph::temp`] folder in the system's temporary folder, which
    /// a signal handler removes), renaming graphs by `prefix`.
    ///
    /// # Errors
    /// If the input cannot be read or parsed, holds statements outside
    /// named graphs, or a renamed graph is not an IRI.
    pub fn split(input: &Path, prefix: Option<&GraphPrefix>) -> Result<Self, PushError> {
        let parent = std::env::temp_dir();
        temp::remove_stale(&parent);
        let dir = temp::builder(true)
            .tempdir_in(&parent)
            .map_err(|source| PushError::Io {
                path: parent.clone(),
                source,
            })?;
        let registration = temp::register(dir.path());
        let files = split_by_graph(input, dir.path())?;
        let mut graphs = Vec::with_capacity(files.len());
        for file in files {
            let target = match prefix {
                None => file.graph.clone(),
                Some(prefix) => rename(&file.graph, prefix)?,
            };
            graphs.push(GraphPush {
                source: file.graph,
                target,
                path: file.path,
                triples: file.triples,
                bytes: file.bytes,
            });
        }
        Ok(Self {
            graphs,
            dir,
            _registration: registration,
        })
    }

    /// The graphs, by name in the dataset.
    pub fn graphs(&self) -> &[GraphPush] {
        &self.graphs
    }

    /// The folder of the graph files.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Triples in all graphs.
    pub fn triples(&self) -> u64 {
        self.graphs.iter().map(|g| g.triples).sum()
    }

    /// Bytes of all graph files.
    pub fn bytes(&self) -> u64 {
        self.graphs.iter().map(|g| g.bytes).sum()
    }
}

fn rename(graph: &NamedNode, prefix: &GraphPrefix) -> Result<NamedNode, PushError> {
    let rest =
        graph
            .as_str()
            .strip_prefix(&prefix.from)
            .ok_or_else(|| PushError::OutsideNamespace {
                graph: graph.as_str().to_owned(),
                namespace: prefix.from.clone(),
            })?;
    let renamed = format!("{}{rest}", prefix.to);
    NamedNode::new(&renamed).map_err(|error| PushError::GraphName {
        graph: graph.as_str().to_owned(),
        renamed,
        reason: error.to_string(),
    })
}

/// What a push is doing, for a progress display.
#[derive(Debug)]
#[non_exhaustive]
pub enum Event<'a> {
    /// A graph starts being sent.
    Graph {
        /// The graph.
        graph: &'a GraphPush,
        /// Its position, from 1.
        index: usize,
        /// The number of graphs.
        count: usize,
    },
    /// Bytes of graph data were sent.
    Sent(u64),
    /// A request failed and is sent again: `unsent` bytes of it count no
    /// more.
    Retry {
        /// The URL.
        url: &'a str,
        /// The attempt that failed, from 1.
        attempt: u32,
        /// The wait before the next.
        delay: Duration,
        /// Why it failed.
        reason: &'a str,
        /// Bytes of the failed attempt already reported as sent.
        unsent: u64,
    },
    /// The store's counts are being checked.
    Verify,
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Graphs sent.
    pub graphs: usize,
    /// Triples sent.
    pub triples: u64,
    /// Bytes of graph data sent (retries not counted).
    pub bytes: u64,
    /// Requests that were sent again.
    pub retries: u32,
    /// Wall time.
    pub elapsed: Duration,
    /// Whether the store's counts were checked.
    pub verified: bool,
}

/// Sends graphs to a store.
#[derive(Debug)]
pub struct Pusher {
    store: StoreKind,
    endpoints: Endpoints,
    method: Method,
    credentials: Option<Credentials>,
    timeout: Duration,
    retry: Retry,
    chunk_triples: usize,
    verify: bool,
}

impl Pusher {
    /// A pusher to a store of a kind whose data root is `endpoint` (see
    /// [`StoreKind`]).
    ///
    /// # Errors
    /// [`PushError::BadEndpoint`] if `endpoint` is not an `http://` or
    /// `https://` URL, or holds credentials (which belong in the
    /// environment or a file, not in a command line that `ps` shows).
    pub fn new(store: StoreKind, endpoint: &str) -> Result<Self, PushError> {
        check_url(endpoint)?;
        Ok(Self {
            store,
            endpoints: store.endpoints(endpoint),
            method: Method::GraphStore,
            credentials: None,
            timeout: Duration::from_secs(300),
            retry: Retry {
                retries: 4,
                first_delay: Duration::from_millis(500),
            },
            chunk_triples: 10_000,
            verify: true,
        })
    }

    /// The Graph Store Protocol endpoint, instead of the preset's.
    ///
    /// # Errors
    /// As [`Pusher::new`].
    pub fn with_graph_store_endpoint(mut self, url: &str) -> Result<Self, PushError> {
        check_url(url)?;
        self.endpoints.graph_store = url.to_owned();
        Ok(self)
    }

    /// The query endpoint, instead of the preset's.
    ///
    /// # Errors
    /// As [`Pusher::new`].
    pub fn with_query_endpoint(mut self, url: &str) -> Result<Self, PushError> {
        check_url(url)?;
        self.endpoints.query = Some(url.to_owned());
        Ok(self)
    }

    /// The update endpoint, instead of the preset's.
    ///
    /// # Errors
    /// As [`Pusher::new`].
    pub fn with_update_endpoint(mut self, url: &str) -> Result<Self, PushError> {
        check_url(url)?;
        self.endpoints.update = Some(url.to_owned());
        Ok(self)
    }

    /// How the graphs travel (default: the Graph Store Protocol).
    #[must_use]
    pub fn with_method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// The credentials sent to every endpoint.
    #[must_use]
    pub fn with_credentials(mut self, credentials: Option<Credentials>) -> Self {
        self.credentials = credentials;
        self
    }

    /// The longest wait for a connection, a read or a write (default 300 s).
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How many times a request that failed to connect or got a 5xx answer
    /// is sent again (default 4), and the wait before the first retry
    /// (default 0.5 s, doubled each time).
    #[must_use]
    pub fn with_retries(mut self, retries: u32, first_delay: Duration) -> Self {
        self.retry = Retry {
            retries,
            first_delay,
        };
        self
    }

    /// Triples per `INSERT DATA` request with [`Method::Update`] (default
    /// 10 000).
    #[must_use]
    pub fn with_chunk_triples(mut self, triples: usize) -> Self {
        self.chunk_triples = triples.max(1);
        self
    }

    /// Whether to check each graph's count in the store after the push
    /// (default: yes).
    #[must_use]
    pub fn with_verify(mut self, verify: bool) -> Self {
        self.verify = verify;
        self
    }

    /// The store kind.
    pub fn store(&self) -> StoreKind {
        self.store
    }

    /// The endpoints used.
    pub fn endpoints(&self) -> &Endpoints {
        &self.endpoints
    }

    /// The method and URL of the request that sends a graph (for
    /// [`Method::Update`], the update endpoint's).
    ///
    /// # Errors
    /// [`PushError::MissingEndpoint`] when the update endpoint is unknown.
    pub fn request_for(&self, graph: &GraphPush) -> Result<(&'static str, String), PushError> {
        Ok(match self.method {
            Method::GraphStore => ("PUT", self.graph_url(&graph.target)),
            Method::Update => ("POST", self.update_endpoint()?.to_owned()),
        })
    }
}

/// Refuses a URL that is not HTTP(S) or holds credentials, without quoting
/// the credentials.
fn check_url(url: &str) -> Result<(), PushError> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(PushError::BadEndpoint {
            url: url.to_owned(),
            reason: "not a URL; give http://HOST:PORT/…".to_owned(),
        });
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if let Some((_, host)) = authority.rsplit_once('@') {
        return Err(PushError::BadEndpoint {
            url: format!("{scheme}://…@{host}"),
            reason: "the URL holds credentials; give them with --user and IGFKG_PUSH_PASSWORD (or --password-file), or IGFKG_PUSH_TOKEN, so that they show in no command line".to_owned(),
        });
    }
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(PushError::BadEndpoint {
            url: url.to_owned(),
            reason: format!("the scheme {scheme} is not http or https"),
        });
    }
    if authority.is_empty() {
        return Err(PushError::BadEndpoint {
            url: url.to_owned(),
            reason: "the URL names no host".to_owned(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
