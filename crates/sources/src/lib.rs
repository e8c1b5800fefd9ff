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
    GOALS, MEETINGS, NRIS, ORGANIZATIONS, STAKEHOLDER_GROUPS, STANDARD_REFERENCE, TOPICS,
    read_reference, standard_reference,
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

    /// Whether the directory has reference data of its own: a `reference/`
    /// folder. Without one, [`DataDir::reference`] gives igfkg's standard
    /// reference data.
    pub fn has_own_reference(&self) -> bool {
        self.reference_dir().is_dir()
    }

    /// Reads the manifest.
    ///
    /// # Errors
    /// See [`Manifest::read`].
    pub fn manifest(&self) -> Result<Manifest, SourceError> {
        Manifest::read(&self.manifest_path())
    }

    /// Reads the reference data: the directory's `reference/` folder if it
    /// has one ([`read_reference`]), igfkg's standard reference data
    /// otherwise ([`standard_reference`]), so that a folder with only
    /// `corpus.toml` and its sources builds.
    ///
    /// # Errors
    /// See [`read_reference`].
    pub fn reference(&self) -> Result<ReferenceData, SourceError> {
        if self.has_own_reference() {
            read_reference(&self.reference_dir())
        } else {
            standard_reference()
        }
    }
}
