//! Compact `prefix:local` names: the one table of prefixes that exports,
//! result tables, the release's dataset description and the CLI use, and
//! the scan that finds which of them an export uses.

use crate::iri::IriBase;
use crate::vocab::{self, rdf, xsd};
use oxigraph::model::{GraphName, NamedNodeRef, NamedOrBlankNode, Quad, TermRef};
use std::collections::BTreeSet;

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

    /// The IRI that `prefix:local` stands for, or `None` if `prefix` is not
    /// one of these.
    ///
    /// ```
    /// use igfkg_graph::{IriBase, Prefixes};
    ///
    /// let prefixes = Prefixes::new(&IriBase::default());
    /// assert_eq!(
    ///     prefixes.expand("topic", "encryption").as_deref(),
    ///     Some("https://w3id.org/igfkg/id/topic/encryption")
    /// );
    /// assert_eq!(prefixes.expand("nope", "x"), None);
    /// ```
    pub fn expand(&self, prefix: &str, local: &str) -> Option<String> {
        self.entries
            .iter()
            .find(|(p, _)| p == prefix)
            .map(|(_, ns)| format!("{ns}{local}"))
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

/// Whether `local` can follow a prefix without escapes: ASCII letters,
/// digits, `_`, `-` and inner `.`, not starting with `-` or `.`.
fn is_plain_local_name(local: &str) -> bool {
    let bytes = local.as_bytes();
    !bytes.is_empty()
        && (bytes[0].is_ascii_alphanumeric() || bytes[0] == b'_')
        && bytes[bytes.len() - 1] != b'.'
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// The prefixes an export of `quads` uses: only those, so the output
/// declares nothing it does not use.
pub fn used_prefixes(base: &IriBase, quads: &[Quad]) -> Vec<(String, String)> {
    let mut scan = PrefixScan::new(base, true);
    for quad in quads {
        scan.visit(quad);
    }
    scan.finish()
}

/// Finds the prefixes a stream of quads uses, one quad at a time.
#[derive(Debug)]
pub struct PrefixScan {
    candidates: Prefixes,
    used: BTreeSet<usize>,
    graphs: bool,
}

impl PrefixScan {
    /// A scan over the prefixes igfkg may declare; graph names count only
    /// when `graphs` is true (the output format writes them).
    pub fn new(base: &IriBase, graphs: bool) -> Self {
        Self {
            candidates: Prefixes::new(base),
            used: BTreeSet::new(),
            graphs,
        }
    }

    fn visit_iri(&mut self, iri: NamedNodeRef<'_>) {
        if let Some((index, local)) = self.candidates.find(iri.as_str())
            && is_plain_local_name(local)
        {
            self.used.insert(index);
        }
    }

    /// Notes the IRIs of a term: an IRI, or a literal's datatype where the
    /// output writes it.
    pub fn visit_term(&mut self, term: TermRef<'_>) {
        match term {
            TermRef::NamedNode(n) => self.visit_iri(n),
            TermRef::Literal(l) if !is_written_without_datatype(l) => self.visit_iri(l.datatype()),
            _ => {}
        }
    }

    /// Notes the IRIs of a quad.
    pub fn visit(&mut self, quad: &Quad) {
        if let NamedOrBlankNode::NamedNode(n) = &quad.subject {
            self.visit_iri(n.as_ref());
        }
        self.visit_iri(quad.predicate.as_ref());
        match quad.object.as_ref() {
            TermRef::NamedNode(n) => self.visit_iri(n),
            TermRef::Literal(l) if !is_written_without_datatype(l) => self.visit_iri(l.datatype()),
            _ => {}
        }
        if let (true, GraphName::NamedNode(n)) = (self.graphs, &quad.graph_name) {
            self.visit_iri(n.as_ref());
        }
    }

    /// The prefixes used. Oxigraph's serialisers order the declarations
    /// themselves (longest namespace first, so `sdgo:` is tried before `sdg:`).
    pub fn finish(self) -> Vec<(String, String)> {
        self.used
            .into_iter()
            .map(|i| {
                let (prefix, namespace) = self.candidates.entry(i);
                (prefix.to_owned(), namespace.to_owned())
            })
            .collect()
    }
}

/// Whether Turtle writes a literal without its datatype: strings, language
/// strings, and integers, decimals, doubles and booleans in their short form.
fn is_written_without_datatype(literal: oxigraph::model::LiteralRef<'_>) -> bool {
    let value = literal.value();
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match literal.datatype() {
        d if d == xsd::STRING || d == rdf::LANG_STRING => true,
        d if d == xsd::INTEGER => digits(unsigned),
        d if d == xsd::BOOLEAN => value == "true" || value == "false",
        d if d == xsd::DECIMAL => unsigned
            .split_once('.')
            .is_some_and(|(int, frac)| (int.is_empty() || digits(int)) && digits(frac)),
        // Doubles are always written with their datatype here: deciding
        // whether the serialiser shortens one is not worth a wrong prefix.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_local_names() {
        for ok in ["Meeting", "2018", "6f1c-9a", "x_y", "9.c"] {
            assert!(is_plain_local_name(ok), "{ok}");
        }
        for bad in ["", "a/b", "a#b", "-a", "a.", ".a", "é"] {
            assert!(!is_plain_local_name(bad), "{bad}");
        }
    }

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
