//! Compact `prefix:local` names: the one table of prefixes that exports,
//! result tables, the release's dataset description and the CLI use.

use crate::iri::IriBase;
use crate::vocab;

/// Every prefix igfkg may declare — the vocabulary's ([`vocab::PREFIXES`])
/// and the data's ([`IriBase::prefixes`]) — longest namespace first, so the
/// first namespace that starts an IRI is the most specific one (`sdgo:`
/// before `sdg:`, `meeting:` before the base itself).
///
/// ```
/// use igfkg_graph::{IriBase, Prefixes};
///
/// let prefixes = Prefixes::new(&IriBase::default());
/// let iri = "http://www.w3.org/2004/02/skos/core#prefLabel";
/// assert_eq!(prefixes.split(iri), Some(("skos", "prefLabel")));
/// assert_eq!(prefixes.compact(iri).as_deref(), Some("skos:prefLabel"));
/// assert_eq!(prefixes.compact("urn:x-unknown:1"), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefixes {
    /// (prefix, namespace), longest namespace first, then by prefix.
    entries: Vec<(String, String)>,
}

impl Prefixes {
    /// The prefixes of the vocabulary and of data under `base`.
    pub fn new(base: &IriBase) -> Self {
        let mut entries: Vec<(String, String)> = vocab::PREFIXES
            .iter()
            .map(|(p, ns)| ((*p).to_owned(), (*ns).to_owned()))
            .chain(base.prefixes())
            .collect();
        entries.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        Self { entries }
    }

    /// The prefix and local name of `iri`, for the most specific namespace
    /// that starts it; `None` if no known namespace does. The local name is
    /// not checked against Turtle's grammar (see `PrefixScan` for that).
    pub fn split<'a>(&self, iri: &'a str) -> Option<(&str, &'a str)> {
        self.find(iri)
            .map(|(index, local)| (self.entries[index].0.as_str(), local))
    }

    /// `iri` as `prefix:local`, or `None` if no known namespace starts it.
    pub fn compact(&self, iri: &str) -> Option<String> {
        self.split(iri)
            .map(|(prefix, local)| format!("{prefix}:{local}"))
    }

    /// Every (prefix, namespace), longest namespace first.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(p, ns)| (p.as_str(), ns.as_str()))
    }

    /// The position of the namespace that [`Prefixes::split`] picks, and the
    /// local name.
    pub(crate) fn find<'a>(&self, iri: &'a str) -> Option<(usize, &'a str)> {
        self.entries
            .iter()
            .enumerate()
            .find_map(|(index, (_, ns))| Some((index, iri.strip_prefix(ns.as_str())?)))
    }

    /// The (prefix, namespace) at `index` of [`Prefixes::iter`].
    pub(crate) fn entry(&self, index: usize) -> (&str, &str) {
        let (p, ns) = &self.entries[index];
        (p, ns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_specific_namespace_wins() {
        let base = IriBase::new("https://example.org/igf/").unwrap();
        let prefixes = Prefixes::new(&base);
        // sdgo's namespace starts with sdg's: the longer one must be tried first.
        let sdgo = format!("{}Goal", vocab::sdgo::NAMESPACE);
        assert_eq!(prefixes.split(&sdgo), Some(("sdgo", "Goal")));
        assert_eq!(
            prefixes.split("http://metadata.un.org/sdg/9.c"),
            Some(("sdg", "9.c"))
        );
        assert_eq!(
            prefixes
                .compact("https://example.org/igf/meeting/2018")
                .as_deref(),
            Some("meeting:2018")
        );
        assert_eq!(prefixes.split("https://example.org/other"), None);
    }

    #[test]
    fn namespaces_are_longest_first() {
        let prefixes = Prefixes::new(&IriBase::default());
        let lengths: Vec<usize> = prefixes.iter().map(|(_, ns)| ns.len()).collect();
        assert!(lengths.windows(2).all(|w| w[0] >= w[1]), "{lengths:?}");
        assert!(prefixes.iter().any(|(p, _)| p == "rdf"));
        assert!(prefixes.iter().any(|(p, _)| p == "message"));
    }
}
