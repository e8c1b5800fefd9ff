//! RDF exports: Turtle, N-Triples, N-Quads, TriG, RDF/XML and JSON-LD, all
//! deterministic.
//!
//! Statements are sorted — by graph, then subject, then predicate (`rdf:type`
//! first, then labels, then by IRI), then object — so the same graph gives
//! the same bytes on every machine, and the Turtle groups each subject's
//! statements in one block that a person can review and diff. Only the
//! prefixes that the output uses are declared.

use crate::error::ExportError;
use crate::iri::IriBase;
use crate::prefixes::Prefixes;
use crate::vocab::{rdf, rdfs, skos, xsd};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, QuadRef,
    Term, TermRef,
};
use rayon::slice::ParallelSliceMut;
use rustc_hash::FxBuildHasher;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::io::Write;
use std::rc::Rc;
use std::str::FromStr;

/// An RDF serialisation that igfkg exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExportFormat {
    /// [Turtle](https://www.w3.org/TR/turtle/): the union of all graphs.
    Turtle,
    /// [N-Triples](https://www.w3.org/TR/n-triples/): the union of all graphs.
    NTriples,
    /// [N-Quads](https://www.w3.org/TR/n-quads/): every named graph.
    NQuads,
    /// [TriG](https://www.w3.org/TR/trig/): every named graph.
    TriG,
    /// [RDF/XML](https://www.w3.org/TR/rdf-syntax-grammar/): the union of all graphs.
    RdfXml,
    /// [JSON-LD](https://www.w3.org/TR/json-ld11/): every named graph.
    JsonLd,
}

impl ExportFormat {
    /// Every format, in a fixed order.
    pub const ALL: [Self; 6] = [
        Self::Turtle,
        Self::NTriples,
        Self::NQuads,
        Self::TriG,
        Self::RdfXml,
        Self::JsonLd,
    ];

    /// The name used on the command line (`turtle`, `ntriples` …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Turtle => "turtle",
            Self::NTriples => "ntriples",
            Self::NQuads => "nquads",
            Self::TriG => "trig",
            Self::RdfXml => "rdfxml",
            Self::JsonLd => "jsonld",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        self.rdf_format().file_extension()
    }

    /// The IANA media type.
    pub fn media_type(self) -> &'static str {
        self.rdf_format().media_type()
    }

    /// Whether the format keeps named graphs (otherwise the export is the
    /// union of all graphs).
    pub fn keeps_graphs(self) -> bool {
        matches!(self, Self::NQuads | Self::TriG | Self::JsonLd)
    }

    /// Oxigraph's format.
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::NQuads => RdfFormat::NQuads,
            Self::TriG => RdfFormat::TriG,
            Self::RdfXml => RdfFormat::RdfXml,
            Self::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }

    /// The format of a file extension (`ttl`, `nt`, `nq`, `trig`, `rdf`, `jsonld`).
    pub fn from_extension(extension: &str) -> Option<Self> {
        let extension = extension.to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|f| f.extension() == extension)
            .or(match extension.as_str() {
                "owl" | "xml" => Some(Self::RdfXml),
                "json" => Some(Self::JsonLd),
                _ => None,
            })
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The format name is not one igfkg exports.
#[derive(Debug, thiserror::Error)]
#[error("unknown RDF format {0:?}; use one of turtle, ntriples, nquads, trig, rdfxml, jsonld")]
pub struct UnknownFormat(pub String);

impl FromStr for ExportFormat {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, UnknownFormat> {
        match name.to_ascii_lowercase().as_str() {
            "turtle" | "ttl" => Ok(Self::Turtle),
            "ntriples" | "n-triples" | "nt" => Ok(Self::NTriples),
            "nquads" | "n-quads" | "nq" => Ok(Self::NQuads),
            "trig" => Ok(Self::TriG),
            "rdfxml" | "rdf/xml" | "rdf" | "xml" => Ok(Self::RdfXml),
            "jsonld" | "json-ld" => Ok(Self::JsonLd),
            _ => Err(UnknownFormat(name.to_owned())),
        }
    }
}

/// Sort keys that read like the Turtle a person sees: terms in their
/// prefixed form, numbers in natural order (`sdg:2` before `sdg:10`).
///
/// The keys of the first [`SortKeys::CACHED`] IRIs seen are kept: those are
/// the predicates and classes that every subject repeats.
#[derive(Debug)]
struct SortKeys {
    prefixes: Prefixes,
    cache: RefCell<HashMap<Box<str>, Rc<str>>>,
}

impl SortKeys {
    const CACHED: usize = 1 << 16;

    fn new(base: &IriBase) -> Self {
        Self {
            prefixes: Prefixes::new(base),
            cache: RefCell::default(),
        }
    }

    fn term(&self, term: TermRef<'_>) -> Rc<str> {
        let TermRef::NamedNode(n) = term else {
            let text = term.to_string();
            let mut key = String::with_capacity(text.len() + 12);
            natural_into(&text, &mut key);
            return key.into();
        };
        let iri = n.as_str();
        if let Some(key) = self.cache.borrow().get(iri) {
            return Rc::clone(key);
        }
        let mut key = String::with_capacity(iri.len() + 24);
        match self.prefixes.split(iri) {
            Some((prefix, local)) => {
                natural_into(prefix, &mut key);
                key.push(':');
                natural_into(local, &mut key);
            }
            None => {
                key.push('<');
                natural_into(iri, &mut key);
                key.push('>');
            }
        }
        let key: Rc<str> = key.into();
        let mut cache = self.cache.borrow_mut();
        if cache.len() < Self::CACHED {
            cache.insert(iri.into(), Rc::clone(&key));
        }
        key
    }
}

/// The rank of a predicate among those of a subject: `rdf:type`, then
/// labels, then the others.
fn predicate_rank(predicate: NamedNodeRef<'_>) -> u8 {
    match predicate {
        p if p == rdf::TYPE => 0,
        p if p == rdfs::LABEL => 1,
        p if p == skos::prefLabel => 2,
        _ => 3,
    }
}

/// Appends `text` to `out` with every run of ASCII digits padded to 12
/// digits, so that string order is natural order for numbers up to a
/// trillion.
fn natural_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..start]);
        let digits = &rest[start..];
        let len = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        for _ in len..12 {
            out.push('0');
        }
        out.push_str(&digits[..len]);
        rest = &digits[len..];
    }
    out.push_str(rest);
}

/// Sorts quads into export order — by graph, subject, predicate (`rdf:type`
/// and labels first) and object, each compared in its prefixed form with
/// numbers in natural order — and removes duplicates. For a format that
/// does not keep graphs, every quad moves to the default graph first.
///
/// Each distinct term gets its sort key once and a rank; quads are then
/// sorted by their terms' ranks, so the cost of building keys grows with
/// the number of distinct terms, not of quads.
pub fn canonical_order(
    base: &IriBase,
    quads: impl IntoIterator<Item = Quad>,
    keep_graphs: bool,
) -> Vec<Quad> {
    CanonicalOrder::new(base).sort(quads, keep_graphs)
}

/// The export order of [`canonical_order`], made once and applied to a
/// batch of quads or to a whole store ([`CanonicalOrder::write_all`]).
#[derive(Debug)]
pub struct CanonicalOrder {
    keys: SortKeys,
}

impl CanonicalOrder {
    /// The order for data under `base`.
    pub fn new(base: &IriBase) -> Self {
        Self {
            keys: SortKeys::new(base),
        }
    }

    /// Sorts quads into export order and removes duplicates, as
    /// [`canonical_order`] does.
    pub fn sort(&self, quads: impl IntoIterator<Item = Quad>, keep_graphs: bool) -> Vec<Quad> {
        let quads: Vec<Quad> = quads
            .into_iter()
            .map(|mut quad| {
                if !keep_graphs {
                    quad.graph_name = GraphName::DefaultGraph;
                }
                quad
            })
            .collect();
        let order = {
            // Intern every distinct term.
            let mut ids: HashMap<TermRef<'_>, u32> = HashMap::new();
            let mut terms: Vec<TermRef<'_>> = Vec::new();
            fn intern<'a>(
                ids: &mut HashMap<TermRef<'a>, u32>,
                terms: &mut Vec<TermRef<'a>>,
                term: TermRef<'a>,
            ) -> u32 {
                *ids.entry(term).or_insert_with(|| {
                    terms.push(term);
                    terms.len() as u32 - 1
                })
            }
            let encoded: Vec<EncodedQuad> = quads
                .iter()
                .map(|q| EncodedQuad {
                    graph: match &q.graph_name {
                        GraphName::DefaultGraph => None,
                        GraphName::NamedNode(n) => {
                            Some(intern(&mut ids, &mut terms, TermRef::NamedNode(n.as_ref())))
                        }
                        GraphName::BlankNode(b) => {
                            Some(intern(&mut ids, &mut terms, TermRef::BlankNode(b.as_ref())))
                        }
                    },
                    subject: intern(&mut ids, &mut terms, q.subject.as_ref().into()),
                    predicate: intern(&mut ids, &mut terms, q.predicate.as_ref().into()),
                    object: intern(&mut ids, &mut terms, q.object.as_ref()),
                })
                .collect();
            self.order(&terms, encoded)
        };
        let mut slots: Vec<Option<Quad>> = quads.into_iter().map(Some).collect();
        order
            .into_iter()
            .filter_map(|q| slots[q.index as usize].take())
            .collect()
    }

    /// The export order of quads given as ids of `terms`: the quads sorted,
    /// each distinct one once.
    ///
    /// Graph names, subjects and predicates are ranked by their keys, the
    /// full term breaking ties. Objects get a key only where a subject has
    /// several for one predicate: most have one (a text, a year, a label),
    /// and a literal's key is its whole text.
    fn order(&self, terms: &[TermRef<'_>], encoded: Vec<EncodedQuad>) -> Vec<Ordered> {
        let keys = &self.keys;
        let by_key = |a: &(Rc<str>, u32), b: &(Rc<str>, u32)| {
            a.0.cmp(&b.0).then_with(|| {
                terms[a.1 as usize]
                    .to_string()
                    .cmp(&terms[b.1 as usize].to_string())
            })
        };
        let mut heads = vec![false; terms.len()];
        for q in &encoded {
            if let Some(g) = q.graph {
                heads[g as usize] = true;
            }
            heads[q.subject as usize] = true;
            heads[q.predicate as usize] = true;
        }
        let mut keyed: Vec<(Rc<str>, u32)> = (0..terms.len() as u32)
            .filter(|id| heads[*id as usize])
            .map(|id| (keys.term(terms[id as usize]), id))
            .collect();
        drop(heads);
        keyed.sort_unstable_by(by_key);
        let mut rank = vec![0u32; terms.len()];
        for (position, (_, id)) in keyed.iter().enumerate() {
            rank[*id as usize] = position as u32;
        }
        drop(keyed);
        let predicate_ranks: HashMap<u32, u8> = encoded
            .iter()
            .map(|q| q.predicate)
            .collect::<BTreeSet<u32>>()
            .into_iter()
            .map(|p| {
                let prank = match terms[p as usize] {
                    TermRef::NamedNode(n) => predicate_rank(n),
                    _ => 3,
                };
                (p, prank)
            })
            .collect();
        let mut sorted: Vec<Ordered> = encoded
            .into_iter()
            .enumerate()
            .map(|(index, q)| Ordered {
                graph: q.graph.map(|g| rank[g as usize]),
                subject: rank[q.subject as usize],
                predicate_rank: predicate_ranks[&q.predicate],
                predicate: rank[q.predicate as usize],
                object: q.object,
                index: index as u32,
                ids: (q.graph, q.subject, q.predicate),
            })
            .collect();
        drop(rank);
        sorted.par_sort_unstable_by_key(Ordered::key);
        // Equal ids are equal terms: drop duplicate quads.
        sorted.dedup_by_key(|q| q.key());
        // Order the objects of each (graph, subject, predicate).
        let mut object_keys: HashMap<u32, Rc<str>> = HashMap::new();
        let mut start = 0;
        while start < sorted.len() {
            let head = sorted[start].head();
            let end = start
                + sorted[start..]
                    .iter()
                    .take_while(|q| q.head() == head)
                    .count();
            if end - start > 1 {
                let mut run: Vec<(Rc<str>, u32)> = sorted[start..end]
                    .iter()
                    .map(|q| {
                        let key = object_keys
                            .entry(q.object)
                            .or_insert_with(|| keys.term(terms[q.object as usize]));
                        (Rc::clone(key), q.object)
                    })
                    .collect();
                run.sort_unstable_by(by_key);
                let order: HashMap<u32, usize> = run
                    .iter()
                    .enumerate()
                    .map(|(i, (_, id))| (*id, i))
                    .collect();
                sorted[start..end].sort_unstable_by_key(|q| order[&q.object]);
            }
            start = end;
        }
        sorted
    }

    /// Writes every quad of `quads` (a store's, in any order) in `format`,
    /// in export order, declaring only the prefixes used.
    ///
    /// Each quad is read once: its terms go into a table of distinct terms
    /// and the quad becomes four ids, which are sorted by the terms' ranks.
    /// Besides the store, an export holds the distinct terms and about 50
    /// bytes a quad.
    ///
    /// # Errors
    /// If reading a quad or writing fails.
    pub fn write_all<W: Write, E>(
        &self,
        base: &IriBase,
        quads: impl IntoIterator<Item = Result<Quad, E>>,
        format: ExportFormat,
        writer: W,
    ) -> Result<W, ExportError>
    where
        ExportError: From<E>,
    {
        let keep_graphs = format.keeps_graphs();
        let mut ids: HashMap<Term, u32, FxBuildHasher> = HashMap::default();
        let mut intern = |term: Term| -> u32 {
            let next = ids.len() as u32;
            *ids.entry(term).or_insert(next)
        };
        let mut encoded = Vec::new();
        for quad in quads {
            let quad = quad?;
            let graph = match (quad.graph_name, keep_graphs) {
                (GraphName::NamedNode(n), true) => Some(intern(n.into())),
                (GraphName::BlankNode(b), true) => Some(intern(b.into())),
                _ => None,
            };
            encoded.push(EncodedQuad {
                graph,
                subject: intern(quad.subject.into()),
                predicate: intern(quad.predicate.into()),
                object: intern(quad.object),
            });
        }
        let mut table: Vec<Option<Term>> = vec![None; ids.len()];
        for (term, id) in ids {
            table[id as usize] = Some(term);
        }
        let terms: Vec<TermRef<'_>> = table
            .iter()
            .map(|t| t.as_ref().expect("every id has its term").as_ref())
            .collect();
        let mut scan = PrefixScan::new(base, keep_graphs);
        for term in &terms {
            scan.visit_term(*term);
        }
        let order = self.order(&terms, encoded);
        let mut serializer = open_serializer(&scan.finish(), format, writer)?;
        for q in order {
            let (graph, subject, predicate) = q.ids;
            let graph = match graph.map(|g| terms[g as usize]) {
                None => GraphNameRef::DefaultGraph,
                Some(TermRef::NamedNode(n)) => GraphNameRef::NamedNode(n),
                Some(TermRef::BlankNode(b)) => GraphNameRef::BlankNode(b),
                Some(_) => unreachable!("a graph name is an IRI or a blank node"),
            };
            let subject = match terms[subject as usize] {
                TermRef::NamedNode(n) => NamedOrBlankNodeRef::NamedNode(n),
                TermRef::BlankNode(b) => NamedOrBlankNodeRef::BlankNode(b),
                _ => unreachable!("a subject is an IRI or a blank node"),
            };
            let TermRef::NamedNode(predicate) = terms[predicate as usize] else {
                unreachable!("a predicate is an IRI")
            };
            serializer.serialize_quad(QuadRef::new(
                subject,
                predicate,
                terms[q.object as usize],
                graph,
            ))?;
        }
        Ok(serializer.finish()?)
    }
}

/// A quad as the ids of its terms; `graph` is `None` for the default graph.
#[derive(Debug, Clone, Copy)]
struct EncodedQuad {
    graph: Option<u32>,
    subject: u32,
    predicate: u32,
    object: u32,
}

/// A quad in export order: the ranks of its graph, subject and predicate,
/// the id of its object, its position among the quads sorted, and the ids
/// of its graph, subject and predicate.
#[derive(Debug, Clone, Copy)]
struct Ordered {
    graph: Option<u32>,
    subject: u32,
    predicate_rank: u8,
    predicate: u32,
    object: u32,
    index: u32,
    ids: (Option<u32>, u32, u32),
}

impl Ordered {
    fn key(&self) -> (Option<u32>, u32, u8, u32, u32) {
        (
            self.graph,
            self.subject,
            self.predicate_rank,
            self.predicate,
            self.object,
        )
    }

    fn head(&self) -> (Option<u32>, u32, u32) {
        (self.graph, self.subject, self.predicate)
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

/// Writes quads, already in [`canonical_order`], in `format`.
///
/// # Errors
/// [`ExportError::Io`] if writing fails.
pub fn write_quads<W: Write>(
    base: &IriBase,
    quads: &[Quad],
    format: ExportFormat,
    writer: W,
) -> Result<W, ExportError> {
    let mut serializer = open_serializer(&used_prefixes(base, quads), format, writer)?;
    for quad in quads {
        serializer.serialize_quad(quad)?;
    }
    Ok(serializer.finish()?)
}

/// A serialiser of `format` that declares `prefixes` (where the format has
/// prefixes).
pub fn open_serializer<W: Write>(
    prefixes: &[(String, String)],
    format: ExportFormat,
    writer: W,
) -> Result<oxigraph::io::WriterQuadSerializer<W>, ExportError> {
    let mut serializer = RdfSerializer::from_format(format.rdf_format());
    if !matches!(format, ExportFormat::NTriples | ExportFormat::NQuads) {
        for (prefix, namespace) in prefixes {
            serializer = serializer
                .with_prefix(prefix.clone(), namespace.clone())
                .map_err(|e| ExportError::Prefix(e.to_string()))?;
        }
    }
    Ok(serializer.for_writer(writer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in ExportFormat::ALL {
            assert_eq!(format.name().parse::<ExportFormat>().unwrap(), format);
            assert_eq!(
                ExportFormat::from_extension(format.extension()),
                Some(format)
            );
        }
        assert!("yaml".parse::<ExportFormat>().is_err());
    }

    #[test]
    fn plain_local_names() {
        for ok in ["Meeting", "2018", "6f1c-9a", "x_y", "9.c"] {
            assert!(is_plain_local_name(ok), "{ok}");
        }
        for bad in ["", "a/b", "a#b", "-a", "a.", ".a", "é"] {
            assert!(!is_plain_local_name(bad), "{bad}");
        }
    }
}
