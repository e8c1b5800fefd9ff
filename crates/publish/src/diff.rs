//! What changed between two releases: triples added and removed, grouped
//! by subject, compared in their RDFC-1.0 canonical form so that blank-node
//! labels never show as changes.

use crate::canonical::{CanonicalError, canonical_nquads};
use std::collections::{BTreeMap, BTreeSet};

/// The changes between two datasets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Canonical N-Quads lines only in the new dataset, by subject.
    pub added: BTreeMap<String, Vec<String>>,
    /// Canonical N-Quads lines only in the old dataset, by subject.
    pub removed: BTreeMap<String, Vec<String>>,
}

impl Diff {
    /// Whether the datasets are the same.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }

    /// Quads added.
    pub fn added_count(&self) -> usize {
        self.added.values().map(Vec::len).sum()
    }

    /// Quads removed.
    pub fn removed_count(&self) -> usize {
        self.removed.values().map(Vec::len).sum()
    }

    /// Subjects with a change, in order.
    pub fn subjects(&self) -> BTreeSet<&str> {
        self.added
            .keys()
            .chain(self.removed.keys())
            .map(String::as_str)
            .collect()
    }
}

/// The subject of an N-Quads line: its first term.
fn subject(line: &str) -> &str {
    if line.starts_with('<') {
        line.find('>').map_or(line, |end| &line[..=end])
    } else {
        line.split(' ').next().unwrap_or(line)
    }
}

/// Two datasets could not be compared.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DiffError {
    /// The old or the new dataset has no canonical form (it does not parse);
    /// the error names which.
    #[error(transparent)]
    Canonical(#[from] CanonicalError),
}

/// Compares two N-Quads documents by their canonical forms.
///
/// # Errors
/// [`DiffError::Canonical`] if either does not parse.
pub fn diff(old: &str, new: &str) -> Result<Diff, DiffError> {
    let old = canonical_nquads(old, "the old dataset")?;
    let new = canonical_nquads(new, "the new dataset")?;
    let old: BTreeSet<&str> = old.lines().collect();
    let new: BTreeSet<&str> = new.lines().collect();
    let group = |lines: Vec<&str>| {
        let mut grouped: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for line in lines {
            grouped
                .entry(subject(line).to_owned())
                .or_default()
                .push(line.to_owned());
        }
        grouped
    };
    Ok(Diff {
        added: group(new.difference(&old).copied().collect()),
        removed: group(old.difference(&new).copied().collect()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_grouped_by_subject_ignoring_blank_node_labels() {
        let old = "<http://ex/a> <http://ex/p> \"1\" .\n<http://ex/a> <http://ex/q> _:x .\n_:x <http://ex/r> \"k\" .\n";
        let new = "<http://ex/a> <http://ex/p> \"2\" .\n<http://ex/a> <http://ex/q> _:renamed .\n_:renamed <http://ex/r> \"k\" .\n<http://ex/b> <http://ex/p> \"3\" .\n";
        let diff = diff(old, new).unwrap();
        assert_eq!(diff.added_count(), 2);
        assert_eq!(diff.removed_count(), 1);
        assert_eq!(
            diff.subjects().into_iter().collect::<Vec<_>>(),
            ["<http://ex/a>", "<http://ex/b>"]
        );
        assert_eq!(
            diff.removed["<http://ex/a>"],
            ["<http://ex/a> <http://ex/p> \"1\" ."]
        );
        assert!(super::diff(old, old).unwrap().is_empty());
    }
}
