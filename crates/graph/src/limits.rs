//! What a query may be before it is parsed, and the stack it runs on.
//!
//! Oxigraph's SPARQL parser and evaluator recurse: a query of deeply
//! nested brackets, or a basic graph pattern of tens of thousands of
//! triple patterns, overflowed the 8 MiB of the main thread and aborted the
//! process (exit 134). So a query's text is held to [`MAX_QUERY_BYTES`] and
//! its brackets to [`MAX_QUERY_NESTING`] levels before it is parsed, and
//! parsing and evaluation run on a thread with a stack of
//! [`QUERY_STACK_BYTES`] (reserved, not used: the system gives a thread's
//! stack pages as they are touched), enough for any query within the two
//! limits.

use crate::error::QueryError;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// The longest query text, in bytes: 1 MiB, some thousand times the
/// catalogue's longest question.
pub const MAX_QUERY_BYTES: usize = 1 << 20;

/// The deepest nesting of brackets (`{`, `(`, `[`) a query may have.
pub const MAX_QUERY_NESTING: usize = 200;

/// The stack of the thread a query is parsed and evaluated on.
pub const QUERY_STACK_BYTES: usize = 256 << 20;

/// Checks a query's size and the nesting of its brackets, outside strings,
/// IRIs and comments, without parsing it.
///
/// # Errors
/// [`QueryError::TooLarge`] or [`QueryError::TooDeep`], the latter at the
/// line and column of the bracket that goes too deep.
pub fn check_query_text(text: &str) -> Result<(), QueryError> {
    if text.len() > MAX_QUERY_BYTES {
        return Err(QueryError::TooLarge {
            bytes: text.len(),
            max: MAX_QUERY_BYTES,
        });
    }
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'(' | b'[' => {
                depth += 1;
                if depth > MAX_QUERY_NESTING {
                    let (line, column) = position(text, i);
                    return Err(QueryError::TooDeep {
                        line,
                        column,
                        max: MAX_QUERY_NESTING,
                    });
                }
            }
            b'}' | b')' | b']' => depth = depth.saturating_sub(1),
            b'#' => {
                i = find_from(bytes, i, |b| b == b'\n');
                continue;
            }
            quote @ (b'"' | b'\'') => {
                i = string_end(bytes, i, quote);
                continue;
            }
            b'<' => {
                // An IRI runs to `>` through characters an IRI may hold; a
                // `<` that meets anything else is the comparison.
                let end = find_from(bytes, i + 1, |b| !iri_byte(b));
                if bytes.get(end) == Some(&b'>') {
                    i = end + 1;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Runs a query's parsing and evaluation on a thread with a stack of
/// [`QUERY_STACK_BYTES`], and returns what it returned.
///
/// # Errors
/// [`QueryError::Thread`] if the system cannot start the thread; a panic of
/// `run` goes on in the caller.
pub(crate) fn on_query_stack<T: Send>(
    run: impl FnOnce() -> Result<T, QueryError> + Send,
) -> Result<T, QueryError> {
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .name("sparql".into())
            .stack_size(QUERY_STACK_BYTES)
            .spawn_scoped(scope, run)
            .map_err(QueryError::Thread)?;
        thread
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// How long past its timeout a query is waited for by [`watched`]:
/// Oxigraph, which checks the deadline as it evaluates, has stopped the
/// query by then.
pub const TIMEOUT_GRACE: Duration = Duration::from_secs(1);

/// Runs `work` (a query) on a thread of its own and waits for it at most
/// `timeout` and [`TIMEOUT_GRACE`]; with no timeout, runs it here.
///
/// Oxigraph checks a query's deadline while it evaluates, but not while it
/// plans the joins of a long basic graph pattern (300 patterns took
/// minutes). So the caller stops waiting by itself, with
/// [`QueryError::Timeout`], and the thread is left to end on its own.
/// `held` goes with the work and is dropped when the thread ends, not when
/// the waiting stops: a place in a limit of concurrent queries stays taken
/// while an abandoned query still plans, so such queries cannot pile up.
///
/// ```
/// use igfkg_graph::{QueryError, watched};
/// use std::time::Duration;
///
/// let answer = watched(Some(Duration::from_secs(5)), (), || 6 * 7)?;
/// assert_eq!(answer, 42);
/// let stopped = watched(Some(Duration::from_millis(10)), (), || {
///     std::thread::sleep(Duration::from_secs(3));
/// });
/// assert!(matches!(stopped, Err(QueryError::Timeout(_))));
/// # Ok::<_, QueryError>(())
/// ```
///
/// # Errors
/// [`QueryError::Timeout`] once the time is up, [`QueryError::Thread`] if
/// the system cannot start the thread; a panic of `work` goes on in the
/// caller.
pub fn watched<T: Send + 'static>(
    timeout: Option<Duration>,
    held: impl Send + 'static,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, QueryError> {
    let Some(timeout) = timeout else {
        let _held = held;
        return Ok(work());
    };
    let (send, receive) = mpsc::sync_channel(1);
    let thread = std::thread::Builder::new()
        .name("query".into())
        .spawn(move || {
            let _held = held;
            let _ = send.send(work());
        })
        .map_err(QueryError::Thread)?;
    match receive.recv_timeout(timeout + TIMEOUT_GRACE) {
        Ok(answer) => Ok(answer),
        Err(RecvTimeoutError::Timeout) => Err(QueryError::Timeout(Some(timeout))),
        // The work panicked: its thread has ended.
        Err(RecvTimeoutError::Disconnected) => match thread.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the thread sends its answer before it ends"),
        },
    }
}

/// The index of the first byte from `start` on that `stop` accepts, or the
/// end.
fn find_from(bytes: &[u8], start: usize, stop: impl Fn(u8) -> bool) -> usize {
    bytes[start.min(bytes.len())..]
        .iter()
        .position(|&b| stop(b))
        .map_or(bytes.len(), |p| start + p)
}

/// Whether a byte may be in an IRI between `<` and `>` (SPARQL's IRIREF).
fn iri_byte(b: u8) -> bool {
    b > b' '
        && !matches!(
            b,
            b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\'
        )
}

/// The index just past the string literal that opens at `start` with
/// `quote`, long (`"""`) or short, with its backslash escapes.
fn string_end(bytes: &[u8], start: usize, quote: u8) -> usize {
    let long = bytes.get(start..start + 3) == Some(&[quote; 3]);
    let mut i = start + if long { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote && !long => return i + 1,
            b if b == quote && bytes.get(i..i + 3) == Some(&[quote; 3]) => return i + 3,
            b'\n' if !long => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The line and column (from 1, in characters) of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_count_outside_strings_iris_and_comments() {
        let deep = |n: usize| format!("SELECT * {{ {}?s{} }}", "(".repeat(n), ")".repeat(n));
        assert!(check_query_text(&deep(MAX_QUERY_NESTING - 1)).is_ok());
        let error = check_query_text(&deep(MAX_QUERY_NESTING)).unwrap_err();
        assert!(
            matches!(error, QueryError::TooDeep { line: 1, column, .. } if column == 12 + MAX_QUERY_NESTING - 1),
            "{error:?}"
        );
        let many = "(".repeat(MAX_QUERY_NESTING + 1);
        for hidden in [
            format!("SELECT * {{ ?s ?p \"{many}\" }}"),
            format!("SELECT * {{ ?s ?p '''{many}\n''' }}"),
            format!("# {many}\nSELECT * {{ ?s ?p ?o }}"),
            format!("SELECT * {{ ?s ?p <http://example.org/{many}> }}"),
        ] {
            assert!(check_query_text(&hidden).is_ok(), "{hidden}");
        }
        // A comparison is not an IRI: what follows it counts.
        let compared = format!("SELECT * {{ FILTER(?a <?b && {many}?c) }}");
        assert!(check_query_text(&compared).is_err());
    }

    #[test]
    fn long_texts_are_refused_before_they_are_read() {
        let long = format!("SELECT * {{ ?s ?p ?o }} #{}", "x".repeat(MAX_QUERY_BYTES));
        assert!(matches!(
            check_query_text(&long),
            Err(QueryError::TooLarge {
                max: MAX_QUERY_BYTES,
                ..
            })
        ));
    }
}
