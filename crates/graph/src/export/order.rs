//! The export order: quads sorted by graph, subject, predicate and object,
//! each term compared in its prefixed form with numbers in natural order.

use super::format::ExportFormat;
use super::jsonld::{JsonLdContext, write_jsonld};
use super::prefixes::{PrefixScan, Prefixes};
use super::{finish_serializer, open_serializer};
use crate::error::ExportError;
use crate::iri::IriBase;
use crate::target::GraphWriter;
use crate::vocab::{rdf, rdfs, skos};
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    QuadRef, Term, TermRef, Triple,
};
use rayon::slice::ParallelSliceMut;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;
use std::io::Write;
use std::rc::Rc;

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

/// The triples of a CONSTRUCT or DESCRIBE answer in export order, each in
/// the default graph: what a result writer or a table prints.
pub fn canonical_triples(base: &IriBase, triples: &[Triple]) -> Vec<Quad> {
    canonical_order(
        base,
        triples
            .iter()
            .cloned()
            .map(|t| t.in_graph(GraphName::DefaultGraph)),
        false,
    )
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
            let mut interner = Interner::default();
            let encoded: Vec<EncodedQuad> = quads
                .iter()
                .map(|q| {
                    let graph = match &q.graph_name {
                        GraphName::DefaultGraph => None,
                        GraphName::NamedNode(n) => Some(TermRef::NamedNode(n.as_ref())),
                        GraphName::BlankNode(b) => Some(TermRef::BlankNode(b.as_ref())),
                    };
                    interner.quad(
                        graph,
                        q.subject.as_ref().into(),
                        q.predicate.as_ref().into(),
                        q.object.as_ref(),
                    )
                })
                .collect();
            let terms = interner.into_terms();
            self.order(&terms[..], &encoded, true).quads
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
    ///
    /// With `keep_graphs` false every quad is taken as in the default graph.
    fn order(
        &self,
        terms: &(impl TermTable + ?Sized),
        encoded: &[EncodedQuad],
        keep_graphs: bool,
    ) -> Sorted {
        let keys = &self.keys;
        let by_key = |a: &(Rc<str>, u32), b: &(Rc<str>, u32)| {
            a.0.cmp(&b.0).then_with(|| {
                terms
                    .term(a.1)
                    .to_string()
                    .cmp(&terms.term(b.1).to_string())
            })
        };
        let graph_of = |q: &EncodedQuad| q.graph.filter(|_| keep_graphs);
        let mut is_head = vec![false; terms.len()];
        for q in encoded {
            if let Some(g) = graph_of(q) {
                is_head[g as usize] = true;
            }
            is_head[q.subject as usize] = true;
            is_head[q.predicate as usize] = true;
        }
        let mut keyed: Vec<(Rc<str>, u32)> = (0..terms.len() as u32)
            .filter(|id| is_head[*id as usize])
            .map(|id| (keys.term(terms.term(id)), id))
            .collect();
        drop(is_head);
        keyed.sort_unstable_by(by_key);
        let mut rank = vec![0u32; terms.len()];
        let heads: Vec<u32> = keyed.iter().map(|(_, id)| *id).collect();
        for (position, id) in heads.iter().enumerate() {
            rank[*id as usize] = position as u32;
        }
        drop(keyed);
        let predicate_ranks: HashMap<u32, u8> = encoded
            .iter()
            .map(|q| q.predicate)
            .collect::<BTreeSet<u32>>()
            .into_iter()
            .map(|p| {
                let prank = match terms.term(p) {
                    TermRef::NamedNode(n) => predicate_rank(n),
                    _ => 3,
                };
                (p, prank)
            })
            .collect();
        let mut sorted: Vec<Ordered> = encoded
            .iter()
            .enumerate()
            .map(|(index, q)| Ordered {
                graph: graph_of(q).map_or(0, |g| rank[g as usize] + 1),
                subject: rank[q.subject as usize],
                predicate_rank: predicate_ranks[&q.predicate],
                predicate: rank[q.predicate as usize],
                object: q.object,
                index: index as u32,
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
                            .or_insert_with(|| keys.term(terms.term(q.object)));
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
        Sorted {
            quads: sorted,
            heads,
        }
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
        self,
        base: &IriBase,
        quads: impl IntoIterator<Item = Result<Quad, E>>,
        format: ExportFormat,
        writer: W,
    ) -> Result<W, ExportError>
    where
        ExportError: From<E>,
    {
        Ok(self.read(base, quads)?.write(format, writer)?.0)
    }

    /// Writes every quad of `quads` (a store's, in any order), graphs kept,
    /// as compacted JSON-LD in export order ([`write_jsonld`]); returns the
    /// writer and the context's prefixes.
    ///
    /// # Errors
    /// If reading a quad or writing fails.
    pub fn write_all_jsonld<W: Write, E>(
        self,
        base: &IriBase,
        quads: impl IntoIterator<Item = Result<Quad, E>>,
        context: JsonLdContext<'_>,
        writer: W,
    ) -> Result<(W, Vec<(String, String)>), ExportError>
    where
        ExportError: From<E>,
    {
        self.read(base, quads)?.write_jsonld(context, writer)
    }

    /// Reads `quads` (a store's, in any order) once into a [`Snapshot`]
    /// to be written in this order: a table of distinct terms and each
    /// quad as ids of that table.
    ///
    /// # Errors
    /// If reading a quad fails.
    pub fn read<E>(
        self,
        base: &IriBase,
        quads: impl IntoIterator<Item = Result<Quad, E>>,
    ) -> Result<Snapshot, ExportError>
    where
        ExportError: From<E>,
    {
        let (table, encoded) = intern(quads)?;
        Ok(Snapshot {
            base: base.clone(),
            table,
            encoded,
        })
    }
}

/// Reads `quads` into a table of distinct terms and the quads as ids of
/// that table, graphs kept.
fn intern<E>(
    quads: impl IntoIterator<Item = Result<Quad, E>>,
) -> Result<(Vec<Term>, Vec<EncodedQuad>), ExportError>
where
    ExportError: From<E>,
{
    let mut interner = Interner::default();
    let mut encoded = Vec::new();
    for quad in quads {
        encoded.push(interner.owned_quad(quad?));
    }
    Ok((interner.into_terms(), encoded))
}

/// Quads gathered graph by graph into a [`Snapshot`], with no store in
/// between: what a build that keeps no store writes its exports from
/// ([`crate::GraphTarget`]). Its snapshot holds what
/// [`crate::KnowledgeGraph::snapshot`] reads from a store given the same
/// graphs (each distinct quad once, a graph put twice replaced), so its
/// exports are the same bytes.
///
/// ```
/// use igfkg_graph::export::SnapshotBuilder;
/// use igfkg_graph::model::{Literal, NamedNode, Quad};
/// use igfkg_graph::{ExportFormat, IriBase, KnowledgeGraph};
///
/// let base = IriBase::default();
/// let graph = NamedNode::new("https://w3id.org/igfkg/id/graph/a")?;
/// let meeting = NamedNode::new("https://w3id.org/igfkg/id/meeting/2018")?;
/// let label = NamedNode::new("http://www.w3.org/2000/01/rdf-schema#label")?;
/// let quad = Quad::new(meeting, label, Literal::from("IGF 2018"), graph.clone());
/// let mut builder = SnapshotBuilder::new(&base);
/// assert_eq!(builder.replace_graph(&graph, vec![quad.clone(), quad.clone()]), 2);
/// let store = KnowledgeGraph::in_memory(base)?;
/// store.replace_graph(&graph, vec![quad.clone(), quad])?;
/// let (built, quads) = builder.finish().write(ExportFormat::NQuads, Vec::new())?;
/// assert_eq!(quads, 1);
/// assert_eq!(built, store.export(ExportFormat::NQuads, Vec::new())?);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct SnapshotBuilder {
    base: IriBase,
    interner: Interner<Term>,
    /// The ids of the predicates seen, by IRI: a predicate is looked up
    /// without being copied into a term.
    predicates: FxHashMap<Box<str>, u32>,
    encoded: Vec<EncodedQuad>,
    graphs: FxHashSet<u32>,
}

impl SnapshotBuilder {
    /// An empty snapshot of data under `base`.
    pub fn new(base: &IriBase) -> Self {
        Self {
            base: base.clone(),
            interner: Interner::default(),
            predicates: FxHashMap::default(),
            encoded: Vec::new(),
            graphs: FxHashSet::default(),
        }
    }

    /// The data IRI base.
    pub fn base(&self) -> &IriBase {
        &self.base
    }

    /// Replaces the content of the named graph `graph` with `quads` (whose
    /// graph name is ignored), as a store's [`crate::KnowledgeGraph::replace_graph`]
    /// does. Returns the number of quads given.
    pub fn replace_graph(&mut self, graph: &NamedNode, quads: Vec<Quad>) -> usize {
        let mut quads = Some(quads);
        self.put_graph(graph, &mut |out| {
            for quad in quads.take().into_iter().flatten() {
                out.triple(quad.subject, quad.predicate.as_ref(), quad.object);
            }
        })
    }

    /// Replaces the content of the named graph `graph` with the triples
    /// `write` writes, each interned as it comes. Returns the number of
    /// triples written.
    pub fn put_graph(
        &mut self,
        graph: &NamedNode,
        write: &mut dyn FnMut(&mut dyn GraphWriter),
    ) -> usize {
        let id = self.interner.intern(Term::NamedNode(graph.clone()));
        if !self.graphs.insert(id) {
            self.encoded.retain(|q| q.graph != Some(id));
        }
        let mut encoder = Encoder {
            graph: id,
            interner: &mut self.interner,
            predicates: &mut self.predicates,
            added: Vec::new(),
        };
        write(&mut encoder);
        let mut added = encoder.added;
        let count = added.len();
        // A store holds each distinct quad of a graph once.
        added.par_sort_unstable_by_key(|q| (q.subject, q.predicate, q.object));
        added.dedup_by_key(|q| (q.subject, q.predicate, q.object));
        self.encoded.append(&mut added);
        count
    }

    /// The snapshot of every graph put, to write the exports from.
    pub fn finish(self) -> Snapshot {
        Snapshot {
            base: self.base,
            table: self.interner.into_terms(),
            encoded: self.encoded,
        }
    }
}

/// Interns the triples of one graph as they are written.
struct Encoder<'a> {
    graph: u32,
    interner: &'a mut Interner<Term>,
    predicates: &'a mut FxHashMap<Box<str>, u32>,
    added: Vec<EncodedQuad>,
}

impl GraphWriter for Encoder<'_> {
    fn triple(&mut self, subject: NamedOrBlankNode, predicate: NamedNodeRef<'_>, object: Term) {
        let predicate = match self.predicates.get(predicate.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.interner.intern(predicate.into_owned().into());
                self.predicates.insert(predicate.as_str().into(), id);
                id
            }
        };
        self.added.push(EncodedQuad {
            graph: Some(self.graph),
            subject: self.interner.intern(subject.into()),
            predicate,
            object: self.interner.intern(object),
        });
    }
}

/// Quads read once from a store ([`CanonicalOrder::read`]), from which
/// several exports are written without reading the store again: a build
/// writes its Turtle and its N-Quads from one snapshot, both at once (a
/// snapshot is `Sync`: each export orders the quads on its own). It holds
/// the distinct terms and 16 bytes a quad.
#[derive(Debug)]
pub struct Snapshot {
    base: IriBase,
    table: Vec<Term>,
    encoded: Vec<EncodedQuad>,
}

impl Snapshot {
    /// The quads, each distinct one once (a triple in two graphs twice).
    pub(crate) fn quad_count(&self) -> usize {
        self.encoded.len()
    }

    /// The named graphs that hold quads.
    pub(crate) fn graph_count(&self) -> usize {
        let graphs: FxHashSet<u32> = self.encoded.iter().filter_map(|q| q.graph).collect();
        graphs.len()
    }

    /// The ids of the subject and object of every quad of `predicate`, in
    /// any order.
    pub(crate) fn of_predicate(
        &self,
        predicate: NamedNodeRef<'_>,
    ) -> impl Iterator<Item = (u32, u32)> + '_ {
        let id = self.id(predicate.into());
        self.encoded
            .iter()
            .filter(move |q| Some(q.predicate) == id)
            .map(|q| (q.subject, q.object))
    }

    /// The id of a term in the table, if a quad uses it.
    pub(crate) fn id(&self, term: TermRef<'_>) -> Option<u32> {
        self.table
            .iter()
            .position(|t| t.as_ref() == term)
            .map(|id| id as u32)
    }

    /// The term of an id.
    pub(crate) fn term(&self, id: u32) -> TermRef<'_> {
        self.table[id as usize].as_ref()
    }

    /// The quads in export order, each distinct one once; with
    /// `keep_graphs` false, the distinct triples of their union.
    fn sorted(&self, keep_graphs: bool) -> Sorted {
        CanonicalOrder::new(&self.base).order(&self.table[..], &self.encoded, keep_graphs)
    }

    /// Writes the quads, graphs kept, as compacted JSON-LD in export order
    /// ([`write_jsonld`]); returns the writer and the context's prefixes.
    ///
    /// # Errors
    /// If writing fails.
    pub fn write_jsonld<W: Write>(
        &self,
        context: JsonLdContext<'_>,
        writer: W,
    ) -> Result<(W, Vec<(String, String)>), ExportError> {
        self.jsonld(&self.sorted(true), context, writer)
    }

    /// Writes `order` (quads of this snapshot, graphs kept) as JSON-LD.
    fn jsonld<W: Write>(
        &self,
        order: &Sorted,
        context: JsonLdContext<'_>,
        writer: W,
    ) -> Result<(W, Vec<(String, String)>), ExportError> {
        let quads: Vec<QuadRef<'_>> = order.iter(&self.table[..]).collect();
        write_jsonld(&self.base, &quads, context, writer)
    }

    /// Writes the quads in `format`, in export order, declaring only the
    /// prefixes used (JSON-LD with its context inline); returns the writer and the number
    /// of statements written: quads, or for a format without graphs the
    /// distinct triples of their union.
    ///
    /// # Errors
    /// If writing fails.
    pub fn write<W: Write>(
        &self,
        format: ExportFormat,
        writer: W,
    ) -> Result<(W, usize), ExportError> {
        if format == ExportFormat::JsonLd {
            let order = self.sorted(true);
            let writer = self.jsonld(&order, JsonLdContext::Inline, writer)?.0;
            return Ok((writer, order.quads.len()));
        }
        let keep_graphs = format.keeps_graphs();
        let base = &self.base;
        let order = self.sorted(keep_graphs);
        // Each term the quads use, once.
        let mut used = vec![false; self.table.len()];
        for q in &order.quads {
            let (graph, subject, predicate) = order.ids(q);
            for id in graph.into_iter().chain([subject, predicate, q.object]) {
                used[id as usize] = true;
            }
        }
        let mut scan = PrefixScan::new(base, keep_graphs);
        for (term, _) in self.table.iter().zip(&used).filter(|(_, used)| **used) {
            scan.visit_term(term.as_ref());
        }
        drop(used);
        let mut serializer = open_serializer(&scan.finish(), format, writer)?;
        for quad in order.iter(&self.table[..]) {
            serializer.serialize_quad(quad)?;
        }
        Ok((finish_serializer(serializer)?, order.quads.len()))
    }
}

/// A table of terms by id: a snapshot's owned terms, or a batch's
/// borrowed ones.
trait TermTable {
    fn len(&self) -> usize;
    fn term(&self, id: u32) -> TermRef<'_>;
}

impl TermTable for [Term] {
    fn len(&self) -> usize {
        <[Term]>::len(self)
    }

    fn term(&self, id: u32) -> TermRef<'_> {
        self[id as usize].as_ref()
    }
}

impl TermTable for [TermRef<'_>] {
    fn len(&self) -> usize {
        <[TermRef<'_>]>::len(self)
    }

    fn term(&self, id: u32) -> TermRef<'_> {
        self[id as usize]
    }
}

/// Quads in export order, and the term of each rank they name graphs,
/// subjects and predicates by.
struct Sorted {
    quads: Vec<Ordered>,
    /// The id of the term of each rank.
    heads: Vec<u32>,
}

impl Sorted {
    /// The ids of a quad's graph, subject and predicate.
    fn ids(&self, q: &Ordered) -> (Option<u32>, u32, u32) {
        let graph = q.graph.checked_sub(1).map(|g| self.heads[g as usize]);
        (
            graph,
            self.heads[q.subject as usize],
            self.heads[q.predicate as usize],
        )
    }

    /// The quads, their terms looked up in `terms`.
    fn iter<'a>(&'a self, terms: &'a [Term]) -> impl Iterator<Item = QuadRef<'a>> + 'a {
        self.quads.iter().map(move |q| {
            let (graph, subject, predicate) = self.ids(q);
            let graph = match graph.map(|g| terms[g as usize].as_ref()) {
                None => GraphNameRef::DefaultGraph,
                Some(TermRef::NamedNode(n)) => GraphNameRef::NamedNode(n),
                Some(TermRef::BlankNode(b)) => GraphNameRef::BlankNode(b),
                Some(_) => unreachable!("a graph name is an IRI or a blank node"),
            };
            let subject = match terms[subject as usize].as_ref() {
                TermRef::NamedNode(n) => NamedOrBlankNodeRef::NamedNode(n),
                TermRef::BlankNode(b) => NamedOrBlankNodeRef::BlankNode(b),
                _ => unreachable!("a subject is an IRI or a blank node"),
            };
            let TermRef::NamedNode(predicate) = terms[predicate as usize].as_ref() else {
                unreachable!("a predicate is an IRI")
            };
            QuadRef::new(subject, predicate, terms[q.object as usize].as_ref(), graph)
        })
    }
}

/// Gives each distinct term an id, in the order first seen: owned terms
/// when reading a store, borrowed ones when sorting a batch of quads.
#[derive(Debug)]
struct Interner<T> {
    ids: HashMap<T, u32, FxBuildHasher>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Self {
            ids: HashMap::default(),
        }
    }
}

impl<T: Hash + Eq> Interner<T> {
    fn intern(&mut self, term: T) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(term).or_insert(next)
    }

    /// A quad as the ids of its terms (graph first, as the order ranks it).
    fn quad(&mut self, graph: Option<T>, subject: T, predicate: T, object: T) -> EncodedQuad {
        EncodedQuad {
            graph: graph.map(|g| self.intern(g)),
            subject: self.intern(subject),
            predicate: self.intern(predicate),
            object: self.intern(object),
        }
    }

    /// The terms, indexed by id; each term is held once, by the table.
    fn into_terms(self) -> Vec<T> {
        let mut table: Vec<Option<T>> = std::iter::repeat_with(|| None)
            .take(self.ids.len())
            .collect();
        for (term, id) in self.ids {
            table[id as usize] = Some(term);
        }
        table
            .into_iter()
            .map(|t| t.expect("every id has its term"))
            .collect()
    }
}

impl Interner<Term> {
    /// An owned quad (a store's) as the ids of its terms.
    fn owned_quad(&mut self, quad: Quad) -> EncodedQuad {
        let graph = match quad.graph_name {
            GraphName::NamedNode(n) => Some(n.into()),
            GraphName::BlankNode(b) => Some(b.into()),
            GraphName::DefaultGraph => None,
        };
        self.quad(
            graph,
            quad.subject.into(),
            quad.predicate.into(),
            quad.object,
        )
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

/// A quad in export order: the ranks of its graph (0 for the default
/// graph, else its rank + 1), subject and predicate, the id of its object,
/// and its position among the quads sorted. 24 bytes.
#[derive(Debug, Clone, Copy)]
struct Ordered {
    graph: u32,
    subject: u32,
    predicate_rank: u8,
    predicate: u32,
    object: u32,
    index: u32,
}

impl Ordered {
    fn key(&self) -> (u32, u32, u8, u32, u32) {
        (
            self.graph,
            self.subject,
            self.predicate_rank,
            self.predicate,
            self.object,
        )
    }

    fn head(&self) -> (u32, u32, u32) {
        (self.graph, self.subject, self.predicate)
    }
}
