#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod http;
mod negotiate;
mod pages;
mod routes;

use igfkg_graph::KnowledgeGraph;
use oxhttp::model::{Body, Request, Response};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use http::Limiter;

/// How the server runs: where it listens, how it names itself, its limits.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The address to listen on (loopback by default).
    pub bind: SocketAddr,
    /// The server's own base URL, as clients reach it (`http://127.0.0.1:7878/`);
    /// `None`: `http://{bind}/`. Node IRIs under the data base are answered
    /// under `{base_url}id/…`.
    pub base_url: Option<String>,
    /// How long a query may run.
    pub timeout: Duration,
    /// How many queries run at once; more wait their turn, each at most
    /// [`ServeOptions::timeout`].
    pub max_concurrent_queries: usize,
    /// The largest request body read, in bytes.
    pub max_body: usize,
    /// The most rows an HTML page shows.
    pub max_html_rows: usize,
    /// How many incoming triples a node's description holds per page.
    pub incoming_page: usize,
    /// The canonical SHA-256 of the release being served, if known: the
    /// `ETag` of every answer, since the graph never changes while served.
    pub etag: Option<String>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            base_url: None,
            timeout: Duration::from_secs(30),
            max_concurrent_queries: 8,
            max_body: 1 << 20,
            max_html_rows: 1_000,
            incoming_page: 500,
            etag: None,
        }
    }
}

/// One line of the request log.
#[derive(Debug, Clone)]
pub struct LogLine {
    /// The method (`GET`).
    pub method: String,
    /// The path and query string.
    pub target: String,
    /// The status code sent.
    pub status: u16,
    /// How long the answer took.
    pub elapsed: Duration,
}

impl std::fmt::Display for LogLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {} {:.1} ms",
            self.method,
            self.target,
            self.status,
            self.elapsed.as_secs_f64() * 1000.0
        )
    }
}

/// What the server calls once per request answered.
type Logger = Arc<dyn Fn(&LogLine) + Send + Sync>;

/// The application the server runs: the graph, the options, the pages.
pub struct App {
    graph: KnowledgeGraph,
    options: ServeOptions,
    base_url: String,
    limiter: Limiter,
    pages: pages::Pages,
    prefixes: igfkg_graph::Prefixes,
    log: Option<Logger>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("graph", &self.graph)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// The server could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The base URL is not an absolute http(s) URL ending in `/`.
    #[error(
        "invalid base URL {0:?}; give an absolute http(s) URL ending in '/', such as http://127.0.0.1:7878/"
    )]
    BaseUrl(String),
    /// The address could not be listened on.
    #[error("cannot listen on {bind}: {source}")]
    Bind {
        /// The address.
        bind: SocketAddr,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

impl App {
    /// The application for a loaded graph.
    ///
    /// # Errors
    /// [`ServeError::BaseUrl`] for a base URL that is not absolute or does
    /// not end in `/`.
    pub fn new(graph: KnowledgeGraph, options: ServeOptions) -> Result<Self, ServeError> {
        let base_url = options
            .base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}/", options.bind));
        let parsed =
            url::Url::parse(&base_url).map_err(|_| ServeError::BaseUrl(base_url.clone()))?;
        if !matches!(parsed.scheme(), "http" | "https") || !base_url.ends_with('/') {
            return Err(ServeError::BaseUrl(base_url));
        }
        Ok(Self {
            limiter: Limiter::new(options.max_concurrent_queries.max(1)),
            pages: pages::Pages::new(),
            prefixes: igfkg_graph::Prefixes::new(graph.base()),
            graph,
            options,
            base_url,
            log: None,
        })
    }

    /// The same application, calling `log` once per request answered.
    #[must_use]
    pub fn with_log(mut self, log: impl Fn(&LogLine) + Send + Sync + 'static) -> Self {
        self.log = Some(Arc::new(log));
        self
    }

    /// The graph served.
    pub fn graph(&self) -> &KnowledgeGraph {
        &self.graph
    }

    /// The server's base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Answers one request.
    pub fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        let start = Instant::now();
        let mut response = routes::route(self, request);
        http::finish(self, request, &mut response);
        if let Some(log) = &self.log {
            log(&LogLine {
                method: request.method().to_string(),
                target: request
                    .uri()
                    .path_and_query()
                    .map_or_else(|| "/".to_owned(), |p| p.to_string()),
                status: response.status().as_u16(),
                elapsed: start.elapsed(),
            });
        }
        response
    }

    /// Starts listening, each connection on its own thread (oxhttp's model,
    /// which fits Oxigraph's synchronous store); returns once listening.
    ///
    /// # Errors
    /// [`ServeError::Bind`] if the address cannot be listened on.
    pub fn spawn(self) -> Result<oxhttp::ListeningServer, ServeError> {
        let bind = self.options.bind;
        // Fail here, with the address, rather than in oxhttp's thread.
        drop(
            std::net::TcpListener::bind(bind)
                .map_err(|source| ServeError::Bind { bind, source })?,
        );
        let app = Arc::new(self);
        let connections = app.options.max_concurrent_queries.max(1) * 8;
        let timeout = app.options.timeout + Duration::from_secs(30);
        oxhttp::Server::new(move |request| app.handle(request))
            .bind(bind)
            .with_global_timeout(timeout)
            .with_max_concurrent_connections(connections)
            .spawn()
            .map_err(|source| ServeError::Bind { bind, source })
    }
}
