//! The canonical form of a dataset: [RDF Dataset Canonicalization
//! (RDFC-1.0)](https://www.w3.org/TR/rdf-canon/), through sophia's c14n crate.
//!
//! Isomorphic datasets have the same canonical N-Quads, byte for byte:
//! blank-node labels are replaced by canonical ones and quads are sorted,
//! so the SHA-256 of the canonical form identifies a release's content.

use sophia::api::prelude::*;
use sophia::c14n::rdfc10;
use sophia::inmem::dataset::LightDataset;
use sophia::turtle::parser::nq::NQuadsParser;

/// The canonical form of a dataset could not be computed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CanonicalError {
    /// The N-Quads do not parse.
    #[error("cannot canonicalise {name}: {source}")]
    Parse {
        /// What was canonicalised (`the old dataset` …).
        name: String,
        /// The parser's error, with its position.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The algorithm refused the dataset (its safeguards against
    /// pathological blank-node structures), or wrote bytes that are not UTF-8.
    #[error("cannot canonicalise {name}: {source}")]
    Normalize {
        /// What was canonicalised.
        name: String,
        /// Why not.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// The RDFC-1.0 canonical N-Quads of an N-Quads document; `name` says
/// which document in errors.
///
/// # Errors
/// [`CanonicalError`] if the N-Quads do not parse or the dataset is too
/// complex for the algorithm's safeguards.
pub fn canonical_nquads(nquads: &str, name: &str) -> Result<String, CanonicalError> {
    let dataset: LightDataset = NQuadsParser::new()
        .parse_str(nquads)
        .collect_quads()
        .map_err(|e| CanonicalError::Parse {
            name: name.to_owned(),
            source: e.into(),
        })?;
    let normalize = |source: Box<dyn std::error::Error + Send + Sync>| CanonicalError::Normalize {
        name: name.to_owned(),
        source,
    };
    let mut out = Vec::with_capacity(nquads.len());
    rdfc10::normalize(&dataset, &mut out).map_err(|e| normalize(e.into()))?;
    String::from_utf8(out).map_err(|e| normalize(e.into()))
}

pub use igfkg_model::sha256_hex;

/// The line of a `sha256sum` file for a file name.
pub fn sha256sum_line(bytes: &[u8], file_name: &str) -> String {
    format!("{}  {file_name}\n", sha256_hex(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_node_labels_do_not_change_the_canonical_form() {
        let a = "_:x <http://ex/p> \"1\" .\n<http://ex/s> <http://ex/q> _:x <http://ex/g> .\n";
        let b =
            "<http://ex/s> <http://ex/q> _:other <http://ex/g> .\n_:other <http://ex/p> \"1\" .\n";
        let (ca, cb) = (
            canonical_nquads(a, "a").unwrap(),
            canonical_nquads(b, "b").unwrap(),
        );
        assert_eq!(ca, cb);
        assert!(ca.contains("_:c14n0"), "{ca}");
        assert_eq!(sha256_hex(ca.as_bytes()), sha256_hex(cb.as_bytes()));
    }

    #[test]
    fn sha256sum_format() {
        // sha256("") is well known.
        assert_eq!(
            sha256sum_line(b"", "x.nq"),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  x.nq\n"
        );
    }
}
