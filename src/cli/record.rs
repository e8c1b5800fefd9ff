//! The build record: a small JSON file, `igfkg.build.json`, that `igfkg
//! build` writes beside its dumps, so that the commands that read a dump
//! later know what it was built with — above all its data IRI base, without
//! which a graph built with `--base X` would answer nothing under the
//! default one.

use anyhow::Context;
use igfkg::graph::{EvidenceLevel, IriBase};
use std::path::{Path, PathBuf};

/// The record's file name, in the build's output folder.
pub const FILE_NAME: &str = "igfkg.build.json";

/// What a build records about itself.
pub struct BuildRecord {
    /// The data IRI base.
    pub base: IriBase,
    /// The evidence level.
    pub evidence: EvidenceLevel,
    /// The file names of the dumps written with it.
    pub files: Vec<String>,
}

impl BuildRecord {
    /// The record as JSON (no time or path, so that the same build writes
    /// the same bytes).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "igfkg": env!("CARGO_PKG_VERSION"),
            "base": self.base.as_str(),
            "evidence": self.evidence.to_string(),
            "files": self.files,
        })
    }

    /// The path of the record in `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }
}

/// The base that the build which wrote `graph` recorded, if a record beside
/// it names that file.
///
/// # Errors
/// A record that cannot be read or is not the JSON `igfkg build` writes.
pub fn recorded_base(graph: &Path) -> anyhow::Result<Option<IriBase>> {
    let Some(name) = graph.file_name().and_then(|n| n.to_str()) else {
        return Ok(None);
    };
    let path = BuildRecord::path(graph.parent().unwrap_or(Path::new("")));
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let bad = || {
        format!(
            "{}: not a build record of igfkg; delete it, or give the base with --base IRI",
            path.display()
        )
    };
    let json: serde_json::Value = serde_json::from_str(&text).with_context(bad)?;
    let names_graph = json["files"]
        .as_array()
        .is_some_and(|files| files.iter().any(|f| f.as_str() == Some(name)));
    if !names_graph {
        return Ok(None);
    }
    let base = json["base"].as_str().with_context(bad)?;
    Ok(Some(IriBase::new(base).with_context(bad)?))
}
