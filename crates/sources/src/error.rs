//! Errors of reading the data directory.

use std::path::PathBuf;

/// An error reading the corpus manifest, a source document or reference data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The path is a device, a pipe, a socket or a folder, not a file.
    #[error("{}: not a regular file (a device, pipe or folder); give igfkg a text file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The file is larger than a source may be.
    #[error("{}: the file is larger than the {max_bytes} bytes a source may have; split it, or raise the limit with --max-source-size BYTES", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        max_bytes: u64,
    },
    /// The file holds nothing but white space.
    #[error("{}: the file is empty; a source document must hold text", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file holds a NUL byte or many control characters: it is not text.
    #[error("{}:{line}:{column}: the file is binary, not text; give igfkg a UTF-8 text or Markdown file", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Line of the first byte that shows it, from 1.
        line: u32,
        /// Column of that byte, from 1.
        column: u32,
    },
    /// The file is not valid UTF-8.
    #[error("{}:{line}:{column}: invalid UTF-8; convert the file to UTF-8 (for example with iconv)", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first invalid byte, from 1.
        line: u32,
        /// Column of the first invalid byte, from 1.
        column: u32,
    },
    /// A TOML file has a syntax error or does not have the expected fields.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Toml {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: u32,
        /// Column, from 1.
        column: u32,
        /// What is wrong, as the TOML parser says it.
        message: String,
    },
    /// A value in a data file is well-formed but not acceptable.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: u32,
        /// Column, from 1.
        column: u32,
        /// What is wrong and what to do.
        message: String,
    },
}
