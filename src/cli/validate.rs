//! `igfkg validate`: a built graph against SHACL shapes.

use super::args::ValidateArgs;
use super::io::GraphSource;
use anyhow::{Context, bail};
use igfkg::publish::{Severity, ValidateError, Validator, Violation};
use std::io::Write;

/// How the violations are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Report {
    /// For people: each focus node, then what is wrong with it.
    Text,
    /// A JSON array of violations, for tools.
    Json,
}

/// The shapes, compiled, and the graph to check.
pub struct Options {
    validator: Validator,
    graph: GraphSource,
    report: Report,
}

impl Options {
    /// Reads and compiles the shapes before any graph is loaded.
    pub fn from_args(args: ValidateArgs) -> anyhow::Result<Self> {
        let validator = match &args.shapes {
            Some(path) => {
                let shapes = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read the shapes {}", path.display()))?;
                Validator::from_turtle(&shapes, path).map_err(|error| match error {
                    // A syntax error names the file, line and column itself.
                    ValidateError::Syntax(_) => anyhow::Error::from(error),
                    other => anyhow::Error::from(other)
                        .context(format!("{}: the shapes cannot be used", path.display())),
                })?
            }
            None => Validator::standard()?,
        };
        let report = match args.format.as_str() {
            "json" => Report::Json,
            // clap accepts only text and json.
            _ => Report::Text,
        };
        Ok(Self {
            validator,
            graph: GraphSource::from_args(args.graph)?,
            report,
        })
    }
}

/// Checks the graph and reports; any violation is an error.
pub fn run(options: Options) -> anyhow::Result<()> {
    let graph = options.graph.open()?;
    let violations = options.validator.validate(&graph)?;
    let mut out = std::io::stdout().lock();
    match options.report {
        Report::Json => write_json(&mut out, &violations)?,
        Report::Text => write_text(&mut out, &violations)?,
    }
    out.flush()?;
    if violations.is_empty() {
        Ok(())
    } else {
        bail!(
            "the graph does not conform to the shapes: {}",
            count(&violations)
        )
    }
}

/// `10 violations`, or with other severities `3 results (1 violation, 2
/// warnings)`: any result means the graph does not conform, as in SHACL.
fn count(results: &[Violation]) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let of = |severity| results.iter().filter(|r| r.severity == severity).count();
    let (violations, warnings, infos) = (
        of(Severity::Violation),
        of(Severity::Warning),
        of(Severity::Info),
    );
    if violations == results.len() {
        return plural(violations, "violation", "violations");
    }
    let parts: Vec<String> = [
        (violations, "violation", "violations"),
        (warnings, "warning", "warnings"),
        (infos, "info", "infos"),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    format!(
        "{} ({})",
        plural(results.len(), "result", "results"),
        parts.join(", ")
    )
}

fn write_json(out: &mut impl Write, violations: &[Violation]) -> anyhow::Result<()> {
    let json: Vec<serde_json::Value> = violations
        .iter()
        .map(|v| {
            serde_json::json!({
                "focus": v.focus, "path": v.path, "value": v.value,
                "component": v.component, "shape": v.shape, "message": v.message,
                "severity": v.severity.name(),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)?;
    Ok(())
}

fn write_text(out: &mut impl Write, violations: &[Violation]) -> std::io::Result<()> {
    if violations.is_empty() {
        return writeln!(out, "The graph conforms to the shapes.");
    }
    for v in violations {
        writeln!(out, "{}", v.focus)?;
        writeln!(
            out,
            "  {}{}{}: {}{}",
            match v.severity {
                Severity::Violation => String::new(),
                other => format!("{}: ", other.name()),
            },
            v.component,
            v.path
                .as_deref()
                .map(|p| format!(" on <{p}>"))
                .unwrap_or_default(),
            v.message,
            v.value
                .as_deref()
                .map(|x| format!(" (value: {x})"))
                .unwrap_or_default()
        )?;
    }
    writeln!(out, "{}", count(violations))
}
