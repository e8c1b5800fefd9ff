#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod error;
pub mod html;
mod manifest;
mod reference;
mod text;
mod toml_file;

pub use error::SourceError;
pub use manifest::{Location, Manifest, ManifestEntry, sha256_hex};
pub use reference::{Attribution, ReferenceData};
pub use text::{Line, Media, SourceText};

use std::path::{Path, PathBuf};

/// The layout of a data directory: `corpus.toml`, `sources/`, `reference/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// A data directory rooted at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The corpus manifest, `corpus.toml`.
    pub fn manifest_path(&self) -> PathBuf {
        self.root.join("corpus.toml")
    }

    /// The reference data folder, `reference/`.
    pub fn reference_dir(&self) -> PathBuf {
        self.root.join("reference")
    }

    /// Reads the manifest.
    ///
    /// # Errors
    /// See [`Manifest::read`].
    pub fn manifest(&self) -> Result<Manifest, SourceError> {
        Manifest::read(&self.manifest_path())
    }

    /// Reads the reference data.
    ///
    /// # Errors
    /// See [`ReferenceData::read`].
    pub fn reference(&self) -> Result<ReferenceData, SourceError> {
        ReferenceData::read(&self.reference_dir())
    }
}
