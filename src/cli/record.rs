//! The build record: a small JSON file, `igfkg.build.json`, that `igfkg
//! build` writes beside its dumps, last, so that the commands that read a
//! dump later know what it was built with — its data IRI base, without
//! which a graph built with `--base X` would answer nothing under the
//! default one — and that it is the dump of that build: the record holds
//! each dump's size and SHA-256, so that the Turtle of one build is never
//! read as if it went with the record (or the N-Quads) of another.

use anyhow::Context;
use igfkg::graph::{EvidenceLevel, IriBase};
use std::path::{Path, PathBuf};

/// The record's file name, in the build's output folder.
pub const FILE_NAME: &str = "igfkg.build.json";

/// A dump as the record states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedFile {
    /// The file name, in the record's folder.
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// The lower-case hexadecimal SHA-256 of its bytes.
    pub sha256: String,
}

/// What a build records about itself.
pub struct BuildRecord {
    /// The data IRI base.
    pub base: IriBase,
    /// The evidence level.
    pub evidence: EvidenceLevel,
    /// The dumps written with it.
    pub files: Vec<RecordedFile>,
}

impl BuildRecord {
    /// The record as JSON (no time or path, so that the same build writes
    /// the same bytes).
    pub fn to_json(&self) -> serde_json::Value {
        let files: Vec<_> = self
            .files
            .iter()
            .map(|f| serde_json::json!({ "name": f.name, "bytes": f.bytes, "sha256": f.sha256 }))
            .collect();
        serde_json::json!({
            "igfkg": env!("CARGO_PKG_VERSION"),
            "base": self.base.as_str(),
            "evidence": self.evidence.to_string(),
            "files": files,
        })
    }

    /// The path of the record in `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }
}

/// What the record beside a graph file says of it.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The record's path.
    pub path: PathBuf,
    /// The base the build used.
    pub base: IriBase,
    /// The file's size and hash; `None` in a record of an igfkg that did
    /// not write them, which names its files only.
    pub file: Option<RecordedFile>,
}

/// The base of the data IRIs of a graph file: the one given, else the one
/// the build recorded beside it, else the default.
///
/// # Errors
/// An invalid base.
pub fn base_for(given: Option<String>, recorded: Option<&Recorded>) -> anyhow::Result<IriBase> {
    Ok(match given {
        Some(base) => IriBase::new(base)?,
        None => recorded.map(|r| r.base.clone()).unwrap_or_default(),
    })
}

/// What the build which wrote `graph` recorded of it, if a record beside it
/// names that file.
///
/// # Errors
/// A record that cannot be read or is not the JSON `igfkg build` writes.
pub fn recorded(graph: &Path) -> anyhow::Result<Option<Recorded>> {
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
            "{}: not a build record of igfkg; rebuild with `igfkg build`, or delete it and give the base with --base IRI",
            path.display()
        )
    };
    let json: serde_json::Value = serde_json::from_str(&text).with_context(bad)?;
    let files = json["files"].as_array().with_context(bad)?;
    let mut file = None;
    let mut named = false;
    for entry in files {
        // An earlier igfkg wrote the names alone.
        if entry.as_str() == Some(name) {
            named = true;
        } else if entry["name"].as_str() == Some(name) {
            named = true;
            let (Some(bytes), Some(sha256)) = (entry["bytes"].as_u64(), entry["sha256"].as_str())
            else {
                anyhow::bail!(bad());
            };
            file = Some(RecordedFile {
                name: name.to_owned(),
                bytes,
                sha256: sha256.to_owned(),
            });
        }
    }
    if !named {
        return Ok(None);
    }
    let base = json["base"].as_str().with_context(bad)?;
    Ok(Some(Recorded {
        base: IriBase::new(base).with_context(bad)?,
        path,
        file,
    }))
}

impl Recorded {
    /// Checks that `graph`, whose size is `bytes` and SHA-256 `sha256`, is
    /// the file this record states.
    ///
    /// # Errors
    /// When the size or the hash differs: the file comes from another build
    /// (a build killed between its renames, or a file copied in), or was
    /// changed since.
    pub fn check(&self, graph: &Path, bytes: u64, sha256: Option<&str>) -> anyhow::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let differs = if file.bytes != bytes {
            format!("it has {bytes} bytes, the record says {}", file.bytes)
        } else {
            match sha256 {
                Some(sha256) if sha256 != file.sha256 => {
                    format!("its SHA-256 is {sha256}, the record says {}", file.sha256)
                }
                _ => return Ok(()),
            }
        };
        anyhow::bail!(
            "{} does not belong to the build recorded in {}: {differs} (it was written by another build, or changed since); rebuild with `igfkg build`",
            graph.display(),
            self.path.display()
        )
    }
}
