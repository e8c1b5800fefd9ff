//! The data graph indexed for checking: triples by subject, and the
//! classes of each node with `rdfs:subClassOf` followed.

use super::display;
use igfkg_graph::model::{NamedNode, NamedNodeRef, Quad, Term};
use igfkg_graph::vocab::{rdf, rdfs};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Triples indexed by subject.
pub(super) struct Index(HashMap<Term, Vec<(NamedNode, Term)>>);

impl Index {
    pub(super) fn new(quads: impl IntoIterator<Item = Quad>) -> Self {
        let mut index: HashMap<Term, Vec<(NamedNode, Term)>> = HashMap::new();
        let mut seen = HashSet::new();
        for quad in quads {
            let key = (
                quad.subject.clone(),
                quad.predicate.clone(),
                quad.object.clone(),
            );
            if seen.insert(key) {
                index
                    .entry(quad.subject.into())
                    .or_default()
                    .push((quad.predicate, quad.object));
            }
        }
        Self(index)
    }

    /// Every subject with its (predicate, object) edges.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&Term, &Vec<(NamedNode, Term)>)> {
        self.0.iter()
    }

    pub(super) fn objects<'a>(
        &'a self,
        subject: &Term,
        predicate: NamedNodeRef<'_>,
    ) -> impl Iterator<Item = &'a Term> + 'a {
        let predicate = predicate.into_owned();
        self.0
            .get(subject)
            .into_iter()
            .flatten()
            .filter(move |(p, _)| *p == predicate)
            .map(|(_, o)| o)
    }

    pub(super) fn object<'a>(
        &'a self,
        subject: &Term,
        predicate: NamedNodeRef<'_>,
    ) -> Option<&'a Term> {
        self.objects(subject, predicate).next()
    }

    /// The members of an RDF list; `None` if `head` is not a well-formed
    /// list (a node without `rdf:first` and `rdf:rest`, or a list that does
    /// not end in `rdf:nil`, within 10,000 members).
    pub(super) fn list(&self, head: &Term) -> Option<Vec<Term>> {
        let mut items = Vec::new();
        let mut current = head;
        while *current != Term::from(rdf::NIL) {
            if items.len() == 10_000 {
                return None;
            }
            items.push(self.object(current, rdf::FIRST)?.clone());
            current = self.object(current, rdf::REST)?;
        }
        Some(items)
    }
}

/// Instances of classes, with `rdfs:subClassOf` followed in the data graph.
pub(super) struct Types {
    of: HashMap<Term, BTreeSet<String>>,
}

impl Types {
    pub(super) fn new(data: &Index) -> Self {
        let mut superclasses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (subject, edges) in &data.0 {
            for (p, o) in edges {
                if p.as_ref() == rdfs::SUB_CLASS_OF {
                    superclasses
                        .entry(display(subject))
                        .or_default()
                        .insert(display(o));
                }
            }
        }
        let close = |class: &str| {
            let mut all = BTreeSet::from([class.to_owned()]);
            let mut todo = vec![class.to_owned()];
            while let Some(c) = todo.pop() {
                for s in superclasses.get(&c).into_iter().flatten() {
                    if all.insert(s.clone()) {
                        todo.push(s.clone());
                    }
                }
            }
            all
        };
        let mut of: HashMap<Term, BTreeSet<String>> = HashMap::new();
        for (subject, edges) in &data.0 {
            for (p, o) in edges {
                if p.as_ref() == rdf::TYPE {
                    of.entry(subject.clone())
                        .or_default()
                        .extend(close(&display(o)));
                }
            }
        }
        Self { of }
    }

    pub(super) fn has(&self, node: &Term, class: &NamedNode) -> bool {
        self.of
            .get(node)
            .is_some_and(|t| t.contains(class.as_str()))
    }

    pub(super) fn instances(&self, class: &NamedNode) -> Vec<Term> {
        let mut found: Vec<Term> = self
            .of
            .iter()
            .filter(|(_, t)| t.contains(class.as_str()))
            .map(|(n, _)| n.clone())
            .collect();
        found.sort_by_key(|t| t.to_string());
        found
    }
}
