//! `igfkg ingest`: what one document yields in a format, without building.

use super::args::IngestArgs;
use super::render::write_diagnostic;
use anyhow::bail;
use igfkg::ingest::Format;
use igfkg::model::{Extraction, Severity};
use igfkg::pipeline;
use igfkg::sources::SourceError;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The document to preview, with its meeting year known.
pub struct Options {
    file: PathBuf,
    format: Format,
    meeting: u16,
    json: bool,
    max_bytes: u64,
}

impl Options {
    /// Takes the meeting year from `--meeting` or from the file name.
    pub fn from_args(args: IngestArgs) -> anyhow::Result<Self> {
        // The file first: a missing file or a device is what is wrong, not
        // the meeting year its name lacks.
        let path = args.file.clone();
        match std::fs::metadata(&args.file) {
            Ok(metadata) if !metadata.is_file() => bail!(SourceError::NotAFile { path }),
            Ok(_) => {}
            Err(source) => bail!(SourceError::Io { path, source }),
        }
        let Some(meeting) = args.meeting.or_else(|| year_in_name(&args.file)) else {
            bail!(
                "{}: cannot tell the meeting year from the file name; give it with --meeting YEAR",
                args.file.display()
            );
        };
        Ok(Self {
            file: args.file,
            format: args.format,
            meeting,
            json: args.json,
            max_bytes: args.max_source_size,
        })
    }
}

/// The first four-digit year from 2006 on in a file name.
fn year_in_name(path: &Path) -> Option<u16> {
    let name = path.file_name()?.to_str()?;
    let digits: Vec<char> = name.chars().collect();
    digits.windows(4).find_map(|w| {
        let s: String = w.iter().collect();
        s.parse::<u16>().ok().filter(|y| (2006..=2100).contains(y))
    })
}

/// Parses the document and prints its records, as JSON or as a summary.
pub fn run(options: Options) -> anyhow::Result<()> {
    let (_, extraction) = pipeline::ingest_file(
        &options.file,
        options.format,
        options.meeting,
        options.max_bytes,
    )?;
    let mut out = std::io::stdout().lock();
    if options.json {
        serde_json::to_writer_pretty(&mut out, &extraction)?;
        writeln!(out)?;
        return Ok(());
    }
    write_preview(&mut out, &options.file, &extraction)?;
    Ok(())
}

fn write_preview(out: &mut impl Write, path: &Path, e: &Extraction) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: {} themes, {} sessions, {} messages, {} statements, {} utterances, {} people, {} roles, {} participation records, {} facts",
        path.display(),
        e.themes.len(),
        e.sessions.len(),
        e.messages.len(),
        e.statements.len(),
        e.utterances.len(),
        e.people.len(),
        e.roles.len(),
        e.participation.len(),
        e.facts.len()
    )?;
    for theme in &e.themes {
        let count = e
            .messages
            .iter()
            .filter(|m| m.theme.as_ref() == Some(&theme.id))
            .count();
        writeln!(
            out,
            "  theme {} (line {}): {} — {count} messages",
            theme.position, theme.span.start_line, theme.title
        )?;
    }
    for session in &e.sessions {
        let count = e
            .messages
            .iter()
            .filter(|m| m.session.as_ref() == Some(&session.id))
            .count();
        writeln!(
            out,
            "  session {} (line {}): {} [{}] — {count} messages",
            session.position, session.span.start_line, session.title, session.session_type_label
        )?;
    }
    for person in &e.people {
        let detail = |value: Option<&str>| value.map(|v| format!(", {v}")).unwrap_or_default();
        writeln!(
            out,
            "  person (line {}): {}{}{}",
            person.span.start_line,
            person.name,
            detail(person.affiliation.as_deref()),
            detail(person.country.as_deref())
        )?;
    }
    for fact in &e.facts {
        writeln!(
            out,
            "  fact (line {}): {} = {}",
            fact.span.start_line,
            fact.kind.label(),
            fact.value
        )?;
    }
    for d in &e.diagnostics {
        let lead = match d.severity {
            Severity::Info => "  info: ",
            _ => "  warning: ",
        };
        write_diagnostic(out, lead, path, d)?;
    }
    Ok(())
}
