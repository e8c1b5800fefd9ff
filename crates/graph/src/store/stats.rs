//! [`KnowledgeGraph::stats`]: the counts of a graph, read from the store's
//! own indexes in a few linear scans.
//!
//! They were SPARQL queries once; the one that gave each node its year
//! (three alternatives, two `FILTER NOT EXISTS`) took more than half an
//! hour at 50,000 messages, because the evaluator joined it badly. Each
//! scan here reads the quads of one predicate once.

use super::KnowledgeGraph;
use crate::error::QueryError;
use crate::export::Snapshot;
use crate::vocab::{self, igf, prov, rdf};
use oxigraph::model::{NamedNodeRef, Term, TermRef};
use oxigraph::store::StorageError;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Counts of a graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Distinct triples in the union of all graphs.
    pub triples: usize,
    /// Quads in the store.
    pub quads: usize,
    /// Named graphs.
    pub graphs: usize,
    /// The years the source documents are about (of their meetings),
    /// ascending: the years worth a column.
    pub years: Vec<i64>,
    /// Nodes per class, by class IRI.
    pub classes: Vec<ClassCount>,
}

impl Stats {
    /// The count of a class, 0 if it has no node.
    pub fn count(&self, class: NamedNodeRef<'_>) -> u64 {
        self.classes
            .iter()
            .find(|c| c.class == class.as_str())
            .map_or(0, |c| c.total)
    }

    /// The count of a class in a year (see [`ClassCount::per_year`]), 0 if none.
    pub fn count_in_year(&self, class: NamedNodeRef<'_>, year: i64) -> u64 {
        self.classes
            .iter()
            .find(|c| c.class == class.as_str())
            .and_then(|c| c.per_year.get(&year).copied())
            .unwrap_or(0)
    }

    /// The classes that the summary table shows: igfkg's main classes and the
    /// reused ones that stand for people, organisations and SDGs.
    pub fn summary_classes() -> [NamedNodeRef<'static>; 12] {
        [
            igf::Meeting,
            igf::SourceDocument,
            igf::Theme,
            igf::Session,
            igf::Message,
            igf::Statement,
            igf::Fact,
            vocab::foaf::Person,
            vocab::org::Organization,
            igf::StakeholderGroup,
            igf::NRI,
            vocab::sdgo::Goal,
        ]
    }
}

/// How many nodes a class has, in all and per year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassCount {
    /// The class IRI.
    pub class: String,
    /// Nodes of the class.
    pub total: u64,
    /// Nodes of the class per year: a node's `igf:year`, else its
    /// meeting's (`igf:meeting`, `igf:about`), else its documents'.
    pub per_year: BTreeMap<i64, u64>,
}

/// Each subject of a predicate with its objects, each pair once however
/// many graphs hold it; `I` is what the source names a term by.
type Objects<I> = FxHashMap<I, FxHashSet<I>>;

impl KnowledgeGraph {
    /// The number of distinct triples in the union of all graphs.
    ///
    /// # Errors
    /// If the store fails.
    pub fn triple_count(&self) -> Result<usize, StorageError> {
        let mut subjects = HashSet::new();
        for quad in self.store.iter() {
            subjects.insert(quad?.subject);
        }
        let mut count = 0;
        for subject in subjects {
            let mut triples = HashSet::new();
            for quad in self
                .store
                .quads_for_pattern(Some(subject.as_ref()), None, None, None)
            {
                let quad = quad?;
                triples.insert((quad.predicate, quad.object));
            }
            count += triples.len();
        }
        Ok(count)
    }

    /// Counts of the graph: triples, graphs, and nodes per class and year.
    ///
    /// A node's year is its own `igf:year`; else the year of the meeting it
    /// is of or about (`igf:meeting`, `igf:about`: a statement, a fact); else,
    /// when it has neither, that of the source documents it was read from
    /// (`prov:wasDerivedFrom`: a person, an organisation of a people line),
    /// so a person named in the 2017 and 2019 documents counts in both.
    ///
    /// # Errors
    /// If the store fails.
    pub fn stats(&self) -> Result<Stats, QueryError> {
        self.stats_with_triples(self.triple_count()?)
    }

    /// [`KnowledgeGraph::stats`], with the number of distinct triples
    /// known already: the count that a Turtle export of this graph gives
    /// ([`crate::export::Snapshot::write`]), which `igfkg build` has when it
    /// prints its summary, so that the store is not read a third time.
    ///
    /// # Errors
    /// If the store fails.
    pub fn stats_with_triples(&self, triples: usize) -> Result<Stats, QueryError> {
        counts(self, triples)
    }
}

impl Snapshot {
    /// The counts of the quads of this snapshot, as
    /// [`KnowledgeGraph::stats_with_triples`] gives them for a store that
    /// holds the same quads: what `igfkg build` prints when it keeps no
    /// store ([`crate::export::SnapshotBuilder`]).
    ///
    /// # Errors
    /// None in fact; the type is that of a store's counts.
    pub fn stats_with_triples(&self, triples: usize) -> Result<Stats, QueryError> {
        counts(self, triples)
    }
}

/// What the counts are read from: a store's indexes, or a snapshot's
/// quads. A store names a term by the term, a snapshot by its id in the
/// snapshot's table: counting a snapshot copies no term.
trait Counted {
    /// What a term is named by; a subject and an object that are the same
    /// term have the same name.
    type Id: Clone + Eq + std::hash::Hash;
    /// Distinct quads.
    fn quad_count(&self) -> Result<usize, StorageError>;
    /// Named graphs.
    fn graph_count(&self) -> usize;
    /// Each subject of `predicate` with its objects, from every graph.
    fn objects(&self, predicate: NamedNodeRef<'_>) -> Result<Objects<Self::Id>, StorageError>;
    /// The name of a term, if the source holds it.
    fn id(&self, term: TermRef<'_>) -> Option<Self::Id>;
    /// The term named.
    fn term<'a>(&'a self, id: &'a Self::Id) -> TermRef<'a>;
}

impl Counted for KnowledgeGraph {
    type Id = Term;

    fn quad_count(&self) -> Result<usize, StorageError> {
        self.store.len()
    }

    fn graph_count(&self) -> usize {
        self.store.named_graphs().count()
    }

    fn objects(&self, predicate: NamedNodeRef<'_>) -> Result<Objects<Term>, StorageError> {
        let mut objects = Objects::default();
        for quad in self
            .store
            .quads_for_pattern(None, Some(predicate), None, None)
        {
            let quad = quad?;
            objects
                .entry(quad.subject.into())
                .or_default()
                .insert(quad.object);
        }
        Ok(objects)
    }

    fn id(&self, term: TermRef<'_>) -> Option<Term> {
        Some(term.into_owned())
    }

    fn term<'a>(&'a self, id: &'a Term) -> TermRef<'a> {
        id.as_ref()
    }
}

impl Counted for Snapshot {
    type Id = u32;

    fn quad_count(&self) -> Result<usize, StorageError> {
        Ok(Snapshot::quad_count(self))
    }

    fn graph_count(&self) -> usize {
        Snapshot::graph_count(self)
    }

    fn objects(&self, predicate: NamedNodeRef<'_>) -> Result<Objects<u32>, StorageError> {
        let mut objects = Objects::default();
        for (subject, object) in self.of_predicate(predicate) {
            objects.entry(subject).or_default().insert(object);
        }
        Ok(objects)
    }

    fn id(&self, term: TermRef<'_>) -> Option<u32> {
        Snapshot::id(self, term)
    }

    fn term<'a>(&'a self, id: &'a u32) -> TermRef<'a> {
        Snapshot::term(self, *id)
    }
}

/// Counts of a graph: triples, graphs, and nodes per class and year (see
/// [`KnowledgeGraph::stats`]).
fn counts<C: Counted>(source: &C, triples: usize) -> Result<Stats, QueryError> {
    let quads = source.quad_count()?;
    let graphs = source.graph_count();
    let types = source.objects(rdf::TYPE)?;
    let own_years = source.objects(igf::year)?;
    let integer = |id: &C::Id| match source.term(id) {
        TermRef::Literal(l) => l.value().parse::<i64>().ok(),
        _ => None,
    };
    let year_of = |node: &C::Id| -> BTreeSet<i64> {
        own_years.get(node).map_or_else(BTreeSet::new, |years| {
            years.iter().filter_map(integer).collect()
        })
    };
    let meetings = source.objects(igf::meeting)?;
    let about = source.objects(igf::about)?;
    // The years of the meetings a node is of (and, if `about` is given,
    // about).
    let meeting_years = |node: &C::Id, about: Option<&Objects<C::Id>>| -> BTreeSet<i64> {
        [Some(&meetings), about]
            .into_iter()
            .flatten()
            .filter_map(|map| map.get(node))
            .flatten()
            .flat_map(year_of)
            .collect()
    };
    let document_class = source.id(igf::SourceDocument.into());
    let is_document = |node: &C::Id| {
        document_class
            .as_ref()
            .is_some_and(|class| types.get(node).is_some_and(|t| t.contains(class)))
    };
    let document_year = |node: &C::Id| -> BTreeSet<i64> {
        if is_document(node) {
            meeting_years(node, None)
        } else {
            BTreeSet::new()
        }
    };
    let sources = source.objects(prov::wasDerivedFrom)?;
    let years_of = |node: &C::Id| -> BTreeSet<i64> {
        if own_years.contains_key(node) {
            year_of(node)
        } else if meetings.contains_key(node) || about.contains_key(node) {
            meeting_years(node, Some(&about))
        } else {
            sources.get(node).map_or_else(BTreeSet::new, |ds| {
                ds.iter().flat_map(document_year).collect()
            })
        }
    };
    let mut classes: BTreeMap<String, ClassCount> = BTreeMap::new();
    let mut years = BTreeSet::new();
    for (node, node_classes) in &types {
        let node_years = years_of(node);
        if is_document(node) {
            years.extend(meeting_years(node, None));
        }
        for class in node_classes {
            let name = match source.term(class) {
                TermRef::NamedNode(n) => n.as_str(),
                TermRef::BlankNode(b) => b.as_str(),
                TermRef::Literal(l) => l.value(),
                #[allow(unreachable_patterns)]
                _ => continue,
            };
            let count = classes
                .entry(name.to_owned())
                .or_insert_with(|| ClassCount {
                    class: name.to_owned(),
                    total: 0,
                    per_year: BTreeMap::new(),
                });
            count.total += 1;
            for year in &node_years {
                *count.per_year.entry(*year).or_default() += 1;
            }
        }
    }
    Ok(Stats {
        triples,
        quads,
        graphs,
        years: years.into_iter().collect(),
        classes: classes.into_values().collect(),
    })
}
