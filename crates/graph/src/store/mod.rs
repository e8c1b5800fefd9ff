//! [`KnowledgeGraph`]: igfkg's records in an Oxigraph store.

use crate::error::{QueryError, StoreError};
use crate::iri::IriBase;
use crate::results::{QueryOutcome, Solutions};
use oxigraph::model::{GraphNameRef, NamedNode, Quad, QuadRef, Term, Variable};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
#[cfg(feature = "rocksdb")]
use std::path::Path;

mod io;
mod stats;

pub use stats::{ClassCount, Stats};

/// The knowledge graph: an Oxigraph store with one named graph per source
/// document and one for the reference data.
///
/// SPARQL queries see the union of all named graphs as their default graph,
/// so a query needs no `GRAPH` clause unless it asks where a statement comes
/// from.
#[derive(Clone)]
pub struct KnowledgeGraph {
    store: Store,
    base: IriBase,
}

impl std::fmt::Debug for KnowledgeGraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KnowledgeGraph")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl KnowledgeGraph {
    /// An empty graph in memory, with the default data IRI base.
    ///
    /// # Errors
    /// If the store cannot be created.
    pub fn new() -> Result<Self, StoreError> {
        Self::in_memory(IriBase::default())
    }

    /// An empty graph in memory, with a data IRI base.
    ///
    /// # Errors
    /// If the store cannot be created.
    pub fn in_memory(base: IriBase) -> Result<Self, StoreError> {
        Ok(Self {
            store: Store::new()?,
            base,
        })
    }

    /// A graph stored on disk (RocksDB) in `path`, created if missing.
    ///
    /// # Errors
    /// If the store cannot be opened, for example because another process holds it.
    #[cfg(feature = "rocksdb")]
    pub fn open(path: &Path, base: IriBase) -> Result<Self, StoreError> {
        Ok(Self {
            store: Store::open(path)?,
            base,
        })
    }

    /// A graph stored on disk, opened read-only. No other process may
    /// write the store meanwhile (Oxigraph leaves that undefined).
    ///
    /// # Errors
    /// If the store cannot be opened.
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(path: &Path, base: IriBase) -> Result<Self, StoreError> {
        Ok(Self {
            store: Store::open_read_only(path)?,
            base,
        })
    }

    /// Writes what an on-disk store still holds in memory to its files.
    /// Until then, RocksDB keeps recent writes in its log, and every later
    /// open replays the log: at 1,000 messages, 2 s per `query --store`.
    ///
    /// # Errors
    /// If the store cannot write its files.
    #[cfg(feature = "rocksdb")]
    pub fn flush(&self) -> Result<(), StoreError> {
        Ok(self.store.flush()?)
    }

    /// The data IRI base.
    pub fn base(&self) -> &IriBase {
        &self.base
    }

    /// The underlying Oxigraph store, for what this type does not offer.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Replaces the content of a named graph with `quads` (whose graph name
    /// is ignored). Returns the number of quads given.
    ///
    /// # Errors
    /// If the store fails.
    pub fn replace_graph(&self, graph: &NamedNode, quads: Vec<Quad>) -> Result<usize, StoreError> {
        let count = quads.len();
        // One transaction: a reader, or a store reopened after a crash, sees
        // the old graph or the new one, never the graph empty.
        let mut transaction = self.store.start_transaction()?;
        transaction.clear_graph(graph.as_ref())?;
        for q in &quads {
            transaction.insert(QuadRef::new(
                &q.subject,
                &q.predicate,
                &q.object,
                graph.as_ref(),
            ));
        }
        transaction.commit()?;
        Ok(count)
    }

    /// The number of quads in the store (a triple in two graphs counts twice).
    ///
    /// # Errors
    /// If the store fails.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    /// Whether the store is empty.
    ///
    /// # Errors
    /// If the store fails.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// Every quad, in no particular order.
    ///
    /// # Errors
    /// If the store fails.
    pub fn quads(&self) -> Result<Vec<Quad>, StoreError> {
        Ok(self.store.iter().collect::<Result<_, _>>()?)
    }

    /// Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE).
    ///
    /// The default graph is the union of all named graphs, and the prefixes
    /// of [`crate::Prefixes`] are declared, so `igf:`, `skos:`, `rdfs:` and
    /// the data's `topic:`, `message:`, `document:` … work without `PREFIX`
    /// lines.
    ///
    /// As [`KnowledgeGraph::evaluate`], the text is checked against
    /// [`crate::check_query_text`] first, and the query runs on a thread
    /// with a large stack.
    ///
    /// ```
    /// use igfkg_graph::model::RdfFormat;
    /// use igfkg_graph::{KnowledgeGraph, QueryOutcome};
    ///
    /// // The 2018 Paris Messages name the theme "Media & content".
    /// let trig = r#"
    ///     @prefix igf: <https://w3id.org/igfkg/ontology#> .
    ///     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ///     <https://w3id.org/igfkg/id/graph/igf2018-paris-messages> {
    ///         <https://w3id.org/igfkg/id/theme/t1> a igf:Theme ; igf:year 2018 ;
    ///             rdfs:label "Media & content"@en .
    ///     }
    /// "#;
    /// let graph = KnowledgeGraph::new()?;
    /// graph.load(RdfFormat::TriG, trig.as_bytes())?;
    ///
    /// // No PREFIX lines and no GRAPH clause needed.
    /// let select = "SELECT ?label WHERE { ?t a igf:Theme ; igf:year 2018 ; rdfs:label ?label }";
    /// let QueryOutcome::Solutions(themes) = graph.query(select)? else {
    ///     unreachable!("a SELECT query gives solutions")
    /// };
    /// let labels: Vec<_> = themes.iter().map(|row| row.text("label")).collect();
    /// assert_eq!(labels, [Some("Media & content")]);
    ///
    /// // GRAPH tells which document a statement comes from.
    /// let QueryOutcome::Boolean(from_paris) =
    ///     graph.query("ASK { GRAPH graph:igf2018-paris-messages { ?t a igf:Theme } }")?
    /// else {
    ///     unreachable!("an ASK query gives a boolean")
    /// };
    /// assert!(from_paris);
    ///
    /// // A syntax error says where it is.
    /// let error = graph.query("SELECT ?t WHERE { ?t a }").unwrap_err();
    /// assert!(error.to_string().contains("at 1:25"), "{error}");
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`QueryError::TooLarge`] or [`QueryError::TooDeep`],
    /// [`QueryError::Syntax`] with the line and column of a syntax error, or
    /// [`QueryError::Evaluation`].
    pub fn query(&self, sparql: &str) -> Result<QueryOutcome, QueryError> {
        self.query_with(sparql, &[])
    }

    /// Runs a SPARQL query with variables bound to values before evaluation.
    ///
    /// The values are substituted into the parsed query, never pasted into
    /// its text, so no value can change the query's structure.
    ///
    /// # Errors
    /// As [`KnowledgeGraph::query`]; [`QueryError::UnknownParameter`] for a
    /// name that is not a variable name; and an evaluation error for a
    /// variable that a SELECT query does not project.
    pub fn query_with(
        &self,
        sparql: &str,
        bindings: &[(&str, Term)],
    ) -> Result<QueryOutcome, QueryError> {
        crate::limits::check_query_text(sparql)?;
        crate::limits::on_query_stack(|| self.query_here(sparql, bindings))
    }

    /// [`KnowledgeGraph::query_with`] on the calling thread.
    fn query_here(
        &self,
        sparql: &str,
        bindings: &[(&str, Term)],
    ) -> Result<QueryOutcome, QueryError> {
        let mut prepared = crate::protocol::evaluator(&self.base).parse_query(sparql)?;
        prepared.dataset_mut().set_default_graph_as_union();
        let mut bound = prepared.on_store(&self.store);
        for (name, value) in bindings {
            let variable = Variable::new(*name)
                .map_err(|_| QueryError::UnknownParameter((*name).to_owned()))?;
            bound = bound.substitute_variable(variable, value.clone());
        }
        Ok(match bound.execute()? {
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution = solution?;
                    rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
                }
                QueryOutcome::Solutions(Solutions::new(variables, rows))
            }
            QueryResults::Boolean(value) => QueryOutcome::Boolean(value),
            QueryResults::Graph(triples) => QueryOutcome::Graph(triples.collect::<Result<_, _>>()?),
        })
    }

    /// Whether a named graph holds anything.
    ///
    /// # Errors
    /// If the store fails.
    pub fn has_graph(&self, graph: &NamedNode) -> Result<bool, StoreError> {
        Ok(self
            .store
            .quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            )
            .next()
            .is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab;
    use oxigraph::model::{GraphName, Literal};
    use std::collections::BTreeMap;

    /// `n` statements of one subject, numbered.
    fn statements(graph: &KnowledgeGraph, n: i64) -> Vec<Quad> {
        let subject = graph.base().node(&igfkg_model::NodeId::meeting(2018));
        (0..n)
            .map(|i| {
                Quad::new(
                    subject.clone(),
                    vocab::rdfs::LABEL,
                    Literal::from(i),
                    GraphName::DefaultGraph,
                )
            })
            .collect()
    }

    // Regression: replace_graph cleared the graph and filled it in two
    // operations, so a reader in between saw the document's graph empty.
    #[test]
    fn readers_never_see_a_replaced_graph_empty() {
        let graph = KnowledgeGraph::new().unwrap();
        let name = graph.base().document_graph("igf-2018");
        let (three, five) = (statements(&graph, 3), statements(&graph, 5));
        graph.replace_graph(&name, three.clone()).unwrap();
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            let reader = scope.spawn(|| {
                let mut seen = BTreeMap::<usize, usize>::new();
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    let n = graph
                        .store
                        .quads_for_pattern(None, None, None, Some(name.as_ref().into()))
                        .count();
                    *seen.entry(n).or_default() += 1;
                }
                seen
            });
            for round in 0..300 {
                let quads = if round % 2 == 0 { &five } else { &three };
                graph.replace_graph(&name, quads.clone()).unwrap();
            }
            done.store(true, std::sync::atomic::Ordering::Relaxed);
            let seen = reader.join().unwrap();
            assert!(
                seen.keys().all(|n| *n == 3 || *n == 5),
                "a reader saw graph sizes {seen:?}"
            );
        });
        // The last round (299, odd) left three statements, in the graph named.
        assert_eq!(graph.len().unwrap(), 3);
    }
}
