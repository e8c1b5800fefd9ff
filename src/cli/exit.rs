//! The one place that turns how a command went into igfkg's exit status
//! and, for a failure, into the message and hint on standard error.

use std::io::Write;
use std::process::ExitCode;

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// It did its job.
    Success,
    /// `diff --exit-code` found differences: not an error (nothing is
    /// printed on standard error), but the status says so, as diff(1)'s does.
    Differences,
}

/// The exit status of a run: 0 for success (and for a reader who closed
/// our output early, such as `head`), 1 for differences and errors, and
/// clap's own status for a usage error or `--help`.
pub fn code(result: anyhow::Result<Status>) -> ExitCode {
    let error = match result {
        Ok(Status::Success) => return ExitCode::SUCCESS,
        Ok(Status::Differences) => return ExitCode::from(1),
        Err(error) => error,
    };
    if let Some(usage) = error.downcast_ref::<clap::Error>() {
        // What `Parser::parse` would do, without leaving past this function:
        // help and version go to standard output, usage errors to standard
        // error with their own status (2).
        let _ = usage.print();
        return ExitCode::from(u8::try_from(usage.exit_code()).unwrap_or(2));
    }
    if is_broken_pipe(&error) {
        return ExitCode::SUCCESS;
    }
    report(&message(&error), hint(&error));
    ExitCode::FAILURE
}

/// Writes an error and its hint on standard error, as igfkg words every
/// failure.
fn report(message: &str, hint: Option<&str>) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "igfkg: error: {message}");
    if let Some(hint) = hint {
        let _ = writeln!(stderr, "igfkg: hint: {hint}");
    }
}

/// Ends the process that SIGINT, SIGTERM or SIGHUP stopped, after its
/// temporaries were removed: 128 + the signal's number, as a shell reports
/// a process a signal killed (130 for Ctrl-C, 143 for SIGTERM). With
/// [`stopped_with`], the only exits outside [`code`], because the command
/// is still running on another thread and cannot return.
pub fn stopped_by(signal: i32) -> ! {
    let name = match signal {
        signal_hook::consts::SIGINT => "SIGINT",
        signal_hook::consts::SIGTERM => "SIGTERM",
        signal_hook::consts::SIGHUP => "SIGHUP",
        _ => "a signal",
    };
    let _ = writeln!(
        std::io::stderr().lock(),
        "igfkg: stopped by {name}; its temporary files were removed"
    );
    std::process::exit(128 + signal)
}

/// Ends the process that a watcher thread stopped with an error while the
/// command still runs on another thread ([`super::memory`], past its
/// memory limit), after its temporaries were removed: the message and hint
/// as [`code`] prints them, and status 1.
pub fn stopped_with(message: &str, hint: &str) -> ! {
    report(message, Some(hint));
    std::process::exit(1)
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
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            // serde_json keeps the I/O error inside its own, not as a source.
            .or_else(|| cause.downcast_ref::<serde_json::Error>()?.io_error_kind());
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// A hint that says how to fix the most common errors.
fn hint(error: &anyhow::Error) -> Option<&'static str> {
    for cause in error.chain() {
        if let Some(igfkg::graph::StoreError::Io { source, .. }) = cause.downcast_ref()
            && source.kind() == std::io::ErrorKind::NotFound
        {
            return Some("run `igfkg build` first, or give the graph to read with --graph FILE");
        }
        if let Some(igfkg::graph::QueryError::Timeout(_)) = cause.downcast_ref() {
            return Some("give the query more time with --timeout SECONDS (0: no limit)");
        }
        if let Some(igfkg::graph::QueryError::Syntax(_)) = cause.downcast_ref() {
            return Some(
                "check the query against SPARQL 1.1; the prefixes of `igfkg query --help` (igf:, rdfs:, skos:, topic:, message:, document: …) need no PREFIX line",
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
