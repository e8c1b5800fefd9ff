#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod canonical;
mod diff;
mod release;
mod shacl;

pub use canonical::{canonical_nquads, sha256_hex, sha256sum_line};
pub use diff::{Diff, diff};
pub use release::{ONTOLOGY, Release, ReleaseOptions, SHAPES, files, write_release};
pub use shacl::{Validator, Violation};

use std::path::PathBuf;

/// An error of publishing, validating or comparing releases.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PublishError {
    /// A file could not be written or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The canonical form could not be computed.
    #[error("cannot canonicalise {name}: {message}")]
    Canonical {
        /// What was canonicalised.
        name: String,
        /// Why not.
        message: String,
    },
    /// The shapes graph is not one igfkg's validator reads.
    #[error("invalid shapes: {0}")]
    Shapes(String),
    /// A value meant to be an IRI is not one.
    #[error("{0:?} is not a valid IRI: {1}")]
    Iri(String, String),
    /// JSON could not be processed.
    #[error("JSON-LD: {0}")]
    Json(String),
    /// The graph failed.
    #[error(transparent)]
    Store(#[from] igfkg_graph::StoreError),
    /// A query failed.
    #[error(transparent)]
    Query(#[from] igfkg_graph::QueryError),
    /// An export failed.
    #[error(transparent)]
    Export(#[from] igfkg_graph::ExportError),
}
