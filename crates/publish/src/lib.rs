#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod canonical;
mod diff;
mod htaccess;
mod release;
mod release_error;
mod shacl;
mod swap;

pub use canonical::{CanonicalError, canonical_nquads, sha256_hex, sha256sum_line};
pub use diff::{Diff, DiffError, diff};
pub use release::{ONTOLOGY, Release, ReleaseError, ReleaseOptions, SHAPES, files, write_release};
pub use shacl::{Severity, ValidateError, Validator, Violation};
pub use swap::{MARKER, check_release_target};
