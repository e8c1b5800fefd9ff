#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod confine;
mod error;
pub mod html;
mod manifest;
mod reference;
mod text;
mod toml_file;

pub use error::SourceError;
pub use igfkg_model::sha256_hex;
/// The reference records live in `igfkg-model`; re-exported here, where
/// they are read.
pub use igfkg_model::{Attribution, ReferenceData};
pub use manifest::{Location, Manifest, ManifestEntry};
pub use reference::{
    GOALS, MEETINGS, NRIS, ORGANIZATIONS, STAKEHOLDER_GROUPS, TOPICS, read_reference,
};
pub use text::{Line, MAX_SOURCE_BYTES, Media, SourceText};

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
    /// See [`read_reference`].
    pub fn reference(&self) -> Result<ReferenceData, SourceError> {
        read_reference(&self.reference_dir())
    }
}
