//! One HTTP exchange with a store, with its credentials, timeouts and
//! retries: the only module that knows the HTTP client.

use crate::auth::Credentials;
use crate::error::PushError;
use crate::push::Event;
use std::collections::HashSet;
use std::io::Read;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;
use ureq::http;

/// The most of an answer's body read: a count's results are a few hundred
/// bytes, and an error message is shown by its start.
const MAX_ANSWER: u64 = 1 << 20;
/// The most characters of an error answer quoted in a message.
const EXCERPT: usize = 300;

/// What a request sends.
pub(crate) enum Body<'a> {
    /// Nothing.
    Empty,
    /// Text held in memory (a query form, an update chunk).
    Text {
        text: &'a str,
        content_type: &'static str,
    },
    /// A file, streamed from disk with its length announced.
    File {
        path: &'a Path,
        content_type: &'static str,
    },
}

/// An answer with a success status (200, 201 or 204) that is not an HTML page.
pub(crate) struct Answer {
    pub(crate) body: String,
}

/// How often and how patiently to try again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Retry {
    /// Attempts after the first.
    pub(crate) retries: u32,
    /// The wait before the first retry; doubled after each, up to 30 s.
    pub(crate) first_delay: Duration,
}

pub(crate) struct Client {
    agent: ureq::Agent,
    timeout: Duration,
    credentials: Option<Credentials>,
    retry: Retry,
    /// Endpoints that answered a Digest client's unauthenticated probe
    /// without a challenge: they are public, so no probe is sent again.
    public: Mutex<HashSet<String>>,
}

/// Why an attempt failed.
enum Failure {
    /// Worth another attempt: the connection failed or the store answered 5xx.
    Transient(String, Option<PushError>),
    /// Final.
    Fatal(PushError),
}

impl Client {
    pub(crate) fn new(credentials: Option<Credentials>, timeout: Duration, retry: Retry) -> Self {
        let config = ureq::Agent::config_builder()
            // Statuses are read, not turned into errors: the message names
            // the URL and quotes the store.
            .http_status_as_error(false)
            .timeout_connect(Some(timeout.min(Duration::from_secs(30))))
            // Per read and per write rather than whole-request timeouts: a
            // large graph takes long to send, but a stalled store is noticed.
            .timeout_per_read(Some(timeout))
            .timeout_per_write(Some(timeout))
            // A redirect would turn a PUT into a GET of some page.
            .max_redirects(0)
            .user_agent(concat!("igfkg/", env!("CARGO_PKG_VERSION")))
            .build();
        Self {
            agent: config.new_agent(),
            timeout,
            credentials,
            retry,
            public: Mutex::new(HashSet::new()),
        }
    }

    /// Sends a request, retrying connection failures and 5xx answers with
    /// exponential backoff; returns the answer of a 200, 201 or 204 that is
    /// not an HTML page.
    pub(crate) fn send(
        &self,
        method: &'static str,
        url: &str,
        accept: Option<&str>,
        body: &Body<'_>,
        progress: &mut dyn FnMut(Event<'_>),
    ) -> Result<Answer, PushError> {
        let mut delay = self.retry.first_delay;
        let attempts = self.retry.retries + 1;
        let mut attempt = 1;
        loop {
            let mut sent = 0;
            let outcome = self.attempt(method, url, accept, body, &mut |n| {
                sent += n;
                progress(Event::Sent(n));
            });
            match outcome {
                Ok(answer) => return Ok(answer),
                Err(Failure::Fatal(error)) => return Err(error),
                Err(Failure::Transient(reason, last)) => {
                    // A store that refuses credentials may answer and close
                    // while the body is still going, which leaves only a
                    // broken pipe: the same request without a body hears
                    // its answer (the retry replaces the graph whole anyway).
                    if self.credentials.is_some()
                        && matches!(body, Body::File { .. })
                        && (reason.contains("Broken pipe") || reason.contains("reset"))
                        && let Err(Failure::Fatal(error @ PushError::Unauthorized { .. })) =
                            self.attempt(method, url, accept, &Body::Empty, &mut |_| {})
                    {
                        return Err(error);
                    }
                    if attempt == attempts {
                        return Err(last.unwrap_or(PushError::Unreachable {
                            method,
                            url: url.to_owned(),
                            attempts,
                            reason,
                        }));
                    }
                    progress(Event::Retry {
                        url,
                        attempt,
                        delay,
                        reason: &reason,
                        unsent: sent,
                    });
                    std::thread::sleep(delay);
                    delay = (delay * 2).min(Duration::from_secs(30));
                    attempt += 1;
                }
            }
        }
    }

    fn attempt(
        &self,
        method: &'static str,
        url: &str,
        accept: Option<&str>,
        body: &Body<'_>,
        sent: &mut dyn FnMut(u64),
    ) -> Result<Answer, Failure> {
        let authorization = self.authorization(method, url)?;
        let mut request = http::Request::builder().method(method).uri(url);
        if let Some(accept) = accept {
            request = request.header("Accept", accept);
        }
        if let Some(value) = &authorization {
            request = request.header("Authorization", value.as_str());
        }
        let response = match body {
            Body::Empty => self.run(request.body(()), url),
            Body::Text { text, content_type } => {
                sent(text.len() as u64);
                self.run(
                    request
                        .header("Content-Type", *content_type)
                        .body(text.as_bytes()),
                    url,
                )
            }
            Body::File { path, content_type } => {
                let file = std::fs::File::open(path).map_err(|source| {
                    Failure::Fatal(PushError::Io {
                        path: path.to_path_buf(),
                        source,
                    })
                })?;
                let length = file
                    .metadata()
                    .map_err(|source| {
                        Failure::Fatal(PushError::Io {
                            path: path.to_path_buf(),
                            source,
                        })
                    })?
                    .len();
                // Some stores (Virtuoso among them) take no chunked request
                // bodies, so the length is announced. `Expect: 100-continue`
                // lets a store refuse the request (bad credentials, a wrong
                // path) before the graph is sent: one that answers and closes
                // while the body is still going would leave only a broken
                // pipe to report.
                let mut reader = Counting {
                    inner: std::io::BufReader::with_capacity(1 << 16, file),
                    sent,
                };
                self.run(
                    request
                        .header("Content-Type", *content_type)
                        .header("Content-Length", length)
                        .header("Expect", "100-continue")
                        .body(ureq::SendBody::from_reader(&mut reader)),
                    url,
                )
            }
        }?;
        self.check(method, url, response)
    }

    fn run<B: ureq::AsSendBody>(
        &self,
        request: Result<http::Request<B>, http::Error>,
        url: &str,
    ) -> Result<http::Response<ureq::Body>, Failure> {
        let request = request.map_err(|error| {
            Failure::Fatal(PushError::BadEndpoint {
                url: url.to_owned(),
                reason: error.to_string(),
            })
        })?;
        self.agent.run(request).map_err(|error| match error {
            ureq::Error::BadUri(reason) => Failure::Fatal(PushError::BadEndpoint {
                url: url.to_owned(),
                reason,
            }),
            ureq::Error::Timeout(_) => Failure::Transient(
                format!(
                    "the store did not answer within {} s (--timeout)",
                    self.timeout.as_secs_f64()
                ),
                None,
            ),
            other => Failure::Transient(other.to_string(), None),
        })
    }

    /// Turns a response into an answer or a failure.
    fn check(
        &self,
        method: &'static str,
        url: &str,
        mut response: http::Response<ureq::Body>,
    ) -> Result<Answer, Failure> {
        let status = response.status().as_u16();
        let html_type = response
            .headers()
            .get("Content-Type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("html"));
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER)
            .read_to_vec()
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default();
        match status {
            200 | 201 | 204 => {
                // Virtuoso answers its error pages and query form with 200
                // and text/html; an empty body is its plain success.
                if looks_like_html(&body, html_type) {
                    Err(Failure::Fatal(PushError::HtmlAnswer {
                        method,
                        url: url.to_owned(),
                        status,
                    }))
                } else {
                    Ok(Answer { body })
                }
            }
            401 | 403 => Err(Failure::Fatal(PushError::Unauthorized {
                method,
                url: url.to_owned(),
                status,
                hint: match &self.credentials {
                    None => {
                        "give the store's credentials (--user with IGFKG_PUSH_PASSWORD or --password-file, or IGFKG_PUSH_TOKEN)"
                    }
                    Some(_) => {
                        "check the user, the password or token, the scheme (--auth) and the user's rights to write (Virtuoso: the SPARQL_UPDATE role)"
                    }
                },
            })),
            _ => {
                let error = PushError::Status {
                    method,
                    url: url.to_owned(),
                    status,
                    excerpt: excerpt(&body, html_type),
                };
                if status >= 500 {
                    Err(Failure::Transient(format!("status {status}"), Some(error)))
                } else {
                    Err(Failure::Fatal(error))
                }
            }
        }
    }

    /// The `Authorization` header of a request, if it needs one. Digest
    /// needs the store's challenge first, so an empty GET of the same URL
    /// asks for it: the body (a whole graph) is sent once, answered.
    fn authorization(&self, method: &'static str, url: &str) -> Result<Option<String>, Failure> {
        match &self.credentials {
            None => Ok(None),
            Some(Credentials::Basic { user, password }) => {
                use base64::Engine;
                let pair = format!("{user}:{}", password.expose());
                Ok(Some(format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(pair)
                )))
            }
            Some(Credentials::Bearer(token)) => Ok(Some(format!("Bearer {}", token.expose()))),
            Some(Credentials::Digest { user, password }) => {
                let endpoint = url.split('?').next().unwrap_or(url).to_owned();
                if self
                    .public
                    .lock()
                    .expect("not poisoned")
                    .contains(&endpoint)
                {
                    return Ok(None);
                }
                let probe = self.run(
                    http::Request::builder().method("GET").uri(url).body(()),
                    url,
                )?;
                let challenge = probe
                    .headers()
                    .get_all("WWW-Authenticate")
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .find(|v| v.len() >= 6 && v[..6].eq_ignore_ascii_case("digest"))
                    .map(str::to_owned);
                let Some(challenge) = challenge else {
                    self.public.lock().expect("not poisoned").insert(endpoint);
                    return Ok(None);
                };
                let mut header = digest_auth::parse(&challenge).map_err(|error| {
                    Failure::Fatal(PushError::BadEndpoint {
                        url: url.to_owned(),
                        reason: format!("the store's Digest challenge cannot be read: {error}"),
                    })
                })?;
                // The URI the digest covers is the request target: path and query.
                let target = url
                    .find("://")
                    .and_then(|scheme| url[scheme + 3..].find('/').map(|p| &url[scheme + 3 + p..]))
                    .unwrap_or("/");
                let context = digest_auth::AuthContext::new_with_method(
                    user.as_str(),
                    password.expose(),
                    target,
                    None::<&[u8]>,
                    digest_auth::HttpMethod(method.into()),
                );
                let answer = header.respond(&context).map_err(|error| {
                    Failure::Fatal(PushError::BadEndpoint {
                        url: url.to_owned(),
                        reason: format!("cannot answer the store's Digest challenge: {error}"),
                    })
                })?;
                Ok(Some(answer.to_header_string()))
            }
        }
    }
}

/// Whether an answer is an HTML page rather than the outcome of a request.
fn looks_like_html(body: &str, html_type: bool) -> bool {
    let start = body.trim_start().get(..200).unwrap_or(body.trim_start());
    let start = start.to_ascii_lowercase();
    (html_type && !body.trim().is_empty())
        || start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with("<?xml") && start.contains("<!doctype html"))
}

/// The start of an error answer, as text: HTML tags dropped, white space
/// folded, at most [`EXCERPT`] characters.
fn excerpt(body: &str, html: bool) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' if html || looks_like_html(body, false) => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if in_tag => {}
            _ => text.push(c),
        }
    }
    let folded: Vec<&str> = text.split_whitespace().collect();
    let folded = folded.join(" ");
    match folded.char_indices().nth(EXCERPT) {
        Some((end, _)) => format!("{}…", &folded[..end]),
        None => folded,
    }
}

/// A reader that reports how many bytes have been read from it.
struct Counting<'a, R> {
    inner: R,
    sent: &'a mut dyn FnMut(u64),
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        (self.sent)(n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pages_are_told_from_outcomes() {
        // Virtuoso's query form, which it answers with 200.
        let form = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" \"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n<html version=\"-//W3C//DTD XHTML 1.1//EN\">";
        assert!(looks_like_html(form, true));
        assert!(looks_like_html(form, false));
        assert!(looks_like_html(
            "<!DOCTYPE html><title>Log in</title>",
            false
        ));
        // Virtuoso's success: 201 with text/html and nothing in it.
        assert!(!looks_like_html("", true));
        assert!(!looks_like_html("{\"head\":{\"vars\":[\"n\"]}}", false));
    }

    #[test]
    fn excerpts_drop_markup_and_stop_early() {
        let page = "<html>\n  <title>SPARQL Graph Protocol request failed</title>\n<body><p>Bad\n graph</p></body></html>";
        assert_eq!(
            excerpt(page, true),
            "SPARQL Graph Protocol request failed Bad graph"
        );
        let long = "x".repeat(1000);
        assert_eq!(excerpt(&long, false).chars().count(), EXCERPT + 1);
    }
}
