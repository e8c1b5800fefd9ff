//! The errors of [`write_release`](crate::write_release).

use crate::canonical::CanonicalError;
use crate::swap::MARKER;
use igfkg_graph::model::IriParseError;
use std::path::{Path, PathBuf};

/// A release could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReleaseError {
    /// A file or folder of the release could not be written, renamed or
    /// removed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Something other than a folder is at the release path.
    #[error("{} is {kind}, not a release folder; give a new or empty folder", path.display())]
    NotAFolder {
        /// The path.
        path: PathBuf,
        /// What is there.
        kind: &'static str,
    },
    /// The path is a folder of other things, which a release never replaces.
    #[error("{} is not empty and is not an igfkg release (it has no {MARKER} file), so igfkg will not replace it; give a new or empty folder", path.display())]
    NotARelease {
        /// The folder.
        path: PathBuf,
    },
    /// The path holds an earlier release and replacing it was not asked for.
    #[error("{} holds an earlier release; pass --force to replace it", path.display())]
    Exists {
        /// The folder.
        path: PathBuf,
    },
    /// The folder holds the graph the release is made from.
    #[error("{} holds {}, the graph this release is made from; write the release to another folder", path.display(), input.display())]
    HoldsInput {
        /// The folder.
        path: PathBuf,
        /// The input file inside it.
        input: PathBuf,
    },
    /// The graph's N-Quads export is not UTF-8 (a bug of the serialiser).
    #[error("the graph's N-Quads export is not UTF-8: {0}")]
    NotUtf8(#[source] std::string::FromUtf8Error),
    /// A value the description states as an IRI is not one.
    #[error("{what} {value:?} is not a valid IRI: {source}")]
    Iri {
        /// What the value is (`the SPARQL endpoint`, `a download URL` …).
        what: &'static str,
        /// The value.
        value: String,
        /// What is wrong with it.
        #[source]
        source: IriParseError,
    },
    /// The canonical form could not be computed.
    #[error(transparent)]
    Canonical(#[from] CanonicalError),
    /// The graph could not be read.
    #[error(transparent)]
    Store(#[from] igfkg_graph::StoreError),
    /// The query for the source documents failed.
    #[error(transparent)]
    Query(#[from] igfkg_graph::QueryError),
    /// An export of the graph failed.
    #[error(transparent)]
    Export(#[from] igfkg_graph::ExportError),
}

impl ReleaseError {
    /// The [`ReleaseError::Io`] of a failed operation on `path`, for
    /// `map_err`.
    pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.to_owned();
        move |source| Self::Io { path, source }
    }
}
