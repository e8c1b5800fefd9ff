//! HTTP plumbing: answers, request parameters and bodies, the bound on
//! concurrent queries, and the headers every answer gets.

use crate::App;
use igfkg_graph::{KnowledgeGraph, QueryError, QueryOutcome, QueryRequest, watched};
use oxhttp::model::header::{
    ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_TYPE, ETAG, HeaderValue, IF_NONE_MATCH, VARY,
};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use std::io::Read;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// A bound on how many queries run at once: the others wait their turn,
/// each at most its timeout.
#[derive(Debug, Clone)]
pub struct Limiter {
    places: Arc<Places>,
}

#[derive(Debug)]
struct Places {
    running: Mutex<usize>,
    freed: Condvar,
    max: usize,
}

/// A place taken, given back when dropped.
struct Place(Arc<Places>);

impl Drop for Place {
    fn drop(&mut self) {
        let mut running = self.0.running.lock().unwrap_or_else(|e| e.into_inner());
        *running -= 1;
        self.0.freed.notify_one();
    }
}

impl Limiter {
    /// A limiter letting `max` queries run at once.
    pub fn new(max: usize) -> Self {
        Self {
            places: Arc::new(Places {
                running: Mutex::new(0),
                freed: Condvar::new(),
                max,
            }),
        }
    }

    /// Evaluates `request` on `graph` once a place is free, waiting for a
    /// place at most the request's timeout and then for the answer at most
    /// the timeout again ([`watched`]). A query that Oxigraph does not stop
    /// at its deadline (it plans a long basic graph pattern without looking
    /// at it) is answered as stopped, and keeps its place until it ends, so
    /// such queries take at most every place, never more threads.
    ///
    /// # Errors
    /// [`QueryError::Busy`] when no place came free in time, and the errors
    /// of [`KnowledgeGraph::evaluate`].
    pub fn evaluate(
        &self,
        graph: &KnowledgeGraph,
        request: QueryRequest,
    ) -> Result<QueryOutcome, QueryError> {
        let place = self.take(request.timeout)?;
        let graph = graph.clone();
        watched(request.timeout, place, move || graph.evaluate(&request))?
    }

    /// Takes a place, waiting at most `wait` for one.
    fn take(&self, wait: Option<Duration>) -> Result<Place, QueryError> {
        let places = &self.places;
        let start = Instant::now();
        let mut running = places.running.lock().unwrap_or_else(|e| e.into_inner());
        while *running >= places.max {
            running = match wait {
                None => places
                    .freed
                    .wait(running)
                    .unwrap_or_else(|e| e.into_inner()),
                Some(wait) => {
                    let left = wait.checked_sub(start.elapsed()).ok_or(QueryError::Busy {
                        places: places.max,
                        waited: start.elapsed(),
                    })?;
                    places
                        .freed
                        .wait_timeout(running, left)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
            };
        }
        *running += 1;
        Ok(Place(Arc::clone(places)))
    }
}

/// An answer with a body of a media type.
pub(crate) fn answer(status: StatusCode, media: &str, body: impl Into<Body>) -> Response<Body> {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(media) {
        response.headers_mut().insert(CONTENT_TYPE, value);
    }
    response
}

/// A plain-text error answer, its body saying what is wrong and what to do.
pub(crate) fn error(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    let mut message = message.into();
    message.push('\n');
    answer(status, "text/plain; charset=utf-8", message)
}

/// Adds a header, ignoring values that are not valid header text.
pub(crate) fn set_header(
    response: &mut Response<Body>,
    name: oxhttp::model::header::HeaderName,
    value: &str,
) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers_mut().insert(name, value);
    }
}

/// The decoded `name=value` pairs of a query string or form body.
pub(crate) fn form(text: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(text.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The parameters of the request's query string.
pub(crate) fn query_params(request: &Request<Body>) -> Vec<(String, String)> {
    request.uri().query().map(form).unwrap_or_default()
}

/// The first value of a parameter.
pub(crate) fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A request header as text.
pub(crate) fn header<'a>(request: &'a Request<Body>, name: &str) -> Option<&'a str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

/// The media type of the request body, without parameters, lower-cased.
pub(crate) fn content_type(request: &Request<Body>) -> Option<String> {
    header(request, CONTENT_TYPE.as_str()).map(|v| {
        v.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    })
}

/// Reads the request body as UTF-8, at most `limit` bytes; the error is the
/// answer to send.
pub(crate) fn body_text(
    request: &mut Request<Body>,
    limit: usize,
) -> Result<String, Box<Response<Body>>> {
    let fail = |status, message: String| Box::new(error(status, message));
    let mut bytes = Vec::new();
    request
        .body_mut()
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            fail(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {e}"),
            )
        })?;
    if bytes.len() > limit {
        return Err(fail(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is over {limit} bytes; send a shorter query"),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        fail(
            StatusCode::BAD_REQUEST,
            format!("the request body is not UTF-8: {e}"),
        )
    })
}

/// What every answer gets: `Vary: Accept` where the body was negotiated,
/// CORS for reads, the release's `ETag` (with `304 Not Modified` when the
/// client has it), and no body for `HEAD`.
pub(crate) fn finish(app: &App, request: &Request<Body>, response: &mut Response<Body>) {
    let method = request.method();
    if method == Method::GET || method == Method::HEAD {
        set_header(response, ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }
    if !response.headers().contains_key(VARY) {
        set_header(response, VARY, "Accept");
    }
    if let Some(etag) = &app.options.etag
        && response.status().is_success()
    {
        let tag = format!("\"{etag}\"");
        if header(request, IF_NONE_MATCH.as_str())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == tag))
        {
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            *response.body_mut() = Body::empty();
        }
        set_header(response, ETAG, &tag);
    }
    if method == Method::HEAD {
        *response.body_mut() = Body::empty();
    }
}
