//! Queries as the [SPARQL 1.1 Protocol](https://www.w3.org/TR/sparql11-protocol/)
//! asks them: with the dataset the request names, a deadline, and updates
//! refused; and the description of one node, as a linked-data server
//! answers a dereferenced IRI.

use crate::error::QueryError;
use crate::export::Prefixes;
use crate::iri::IriBase;
use crate::limits::{check_query_text, on_query_stack};
use crate::results::{QueryOutcome, Solutions};
use crate::store::KnowledgeGraph;
use crate::vocab;
use oxigraph::model::{
    GraphName, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef, Triple, Variable,
};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use std::collections::{BTreeSet, HashSet};
use std::sync::mpsc;
use std::time::Duration;

/// A SPARQL query with what the protocol may add to it.
#[derive(Debug, Clone, Default)]
pub struct QueryRequest {
    /// The query text.
    pub query: String,
    /// `default-graph-uri` parameters: the graphs whose merge is the default
    /// graph. Empty: the query's own `FROM` clauses, or else the union of
    /// every named graph.
    pub default_graphs: Vec<NamedNode>,
    /// `named-graph-uri` parameters: the named graphs the query may see.
    /// Empty: the query's own `FROM NAMED` clauses, or else every graph.
    pub named_graphs: Vec<NamedNode>,
    /// How long evaluation may take; `None` for no limit.
    pub timeout: Option<Duration>,
    /// Values bound to the query's variables before evaluation (never pasted
    /// into its text), as the catalogue's parameters are.
    pub bindings: Vec<(String, Term)>,
}

impl QueryRequest {
    /// A request for `query` over igfkg's default dataset, with no deadline.
    pub fn new(query: impl Into<String>) -> Self {
        Self {
            query: query.into(),
            ..Self::default()
        }
    }

    /// The same request with a deadline.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

/// The evaluator igfkg queries with: every prefix of [`Prefixes`] declared,
/// the vocabulary's (`igf:`, `skos:` …) and the data's under `base`
/// (`topic:`, `message:`, `document:` …), so a name a table prints can be
/// pasted into a query. (Oxigraph is built without its HTTP client, so
/// `SERVICE` never leaves the machine.)
pub(crate) fn evaluator(base: &IriBase) -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, namespace) in Prefixes::new(base).iter() {
        evaluator = evaluator
            .with_prefix(prefix, namespace)
            .expect("the prefixes' namespaces are valid IRIs");
    }
    evaluator
}

/// Whether `text` parses as a SPARQL 1.1 Update (and so is not a query);
/// a text past the limits of [`check_query_text`] is not one.
pub fn is_update(text: &str) -> bool {
    check_query_text(text).is_ok() && on_query_stack(|| Ok(parses_as_update(text))).unwrap_or(false)
}

/// [`is_update`] on the calling thread, for code already on the query stack.
fn parses_as_update(text: &str) -> bool {
    evaluator(&IriBase::default()).parse_update(text).is_ok()
}

/// Parses a query as [`KnowledgeGraph::query`] would, without a graph: for
/// a command line that reports a mistake before it loads any data.
///
/// ```
/// use igfkg_graph::{IriBase, check_query};
///
/// let base = IriBase::default();
/// // The prefixes tables print are declared.
/// check_query("SELECT * WHERE { topic:encryption ?p ?o }", &base)?;
/// assert!(check_query("SELECT * WHERE { ?s a }", &base).is_err());
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`QueryError::TooLarge`] and [`QueryError::TooDeep`] before parsing,
/// [`QueryError::Update`] for an update, [`QueryError::Syntax`] otherwise.
pub fn check_query(text: &str, base: &IriBase) -> Result<(), QueryError> {
    check_query_text(text)?;
    on_query_stack(|| match evaluator(base).parse_query(text) {
        Ok(_) => Ok(()),
        Err(_) if parses_as_update(text) => Err(QueryError::Update),
        Err(error) => Err(error.into()),
    })
}

/// Cancels a token when a deadline passes, unless dropped first.
struct Deadline {
    done: Option<mpsc::Sender<()>>,
}

impl Deadline {
    fn start(timeout: Duration, token: CancellationToken) -> Self {
        let (done, wait) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            // A message or a closed channel means the query ended in time.
            if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(timeout) {
                token.cancel();
            }
        });
        Self { done: Some(done) }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(done) = self.done.take() {
            let _ = done.send(());
        }
    }
}

impl KnowledgeGraph {
    /// Evaluates a query as the SPARQL 1.1 Protocol asks: the request's
    /// `default-graph-uri` and `named-graph-uri` first, then the query's own
    /// `FROM` and `FROM NAMED`, and otherwise the union of all named graphs
    /// as the default graph; stopped with [`QueryError::Timeout`] when the
    /// deadline passes.
    ///
    /// The query's text is checked against the limits of
    /// [`check_query_text`] before it is parsed, and it is parsed and
    /// evaluated on a thread of its own with a large stack, so that no
    /// query can overflow the caller's.
    ///
    /// # Errors
    /// [`QueryError::TooLarge`], [`QueryError::TooDeep`],
    /// [`QueryError::Update`] for an update, [`QueryError::Syntax`],
    /// [`QueryError::Timeout`] and [`QueryError::Evaluation`].
    pub fn evaluate(&self, request: &QueryRequest) -> Result<QueryOutcome, QueryError> {
        check_query_text(&request.query)?;
        on_query_stack(|| self.evaluate_here(request))
    }

    /// [`KnowledgeGraph::evaluate`] on the calling thread.
    fn evaluate_here(&self, request: &QueryRequest) -> Result<QueryOutcome, QueryError> {
        let token = CancellationToken::new();
        let mut prepared = match evaluator(self.base())
            .with_cancellation_token(token.clone())
            .parse_query(&request.query)
        {
            Ok(prepared) => prepared,
            Err(error) if parses_as_update(&request.query) => {
                drop(error);
                return Err(QueryError::Update);
            }
            Err(error) => return Err(error.into()),
        };
        let dataset = prepared.dataset_mut();
        if !request.default_graphs.is_empty() || !request.named_graphs.is_empty() {
            dataset.set_default_graph(
                request
                    .default_graphs
                    .iter()
                    .cloned()
                    .map(GraphName::from)
                    .collect(),
            );
            if !request.named_graphs.is_empty() {
                dataset.set_available_named_graphs(
                    request
                        .named_graphs
                        .iter()
                        .cloned()
                        .map(NamedOrBlankNode::from)
                        .collect(),
                );
            }
        } else if dataset.is_default_dataset() {
            dataset.set_default_graph_as_union();
        }
        let mut bound = prepared;
        for (name, value) in &request.bindings {
            let variable = Variable::new(name.as_str())
                .map_err(|_| QueryError::UnknownParameter(name.clone()))?;
            bound = bound.substitute_variable(variable, value.clone());
        }
        let _deadline = request.timeout.map(|t| Deadline::start(t, token.clone()));
        let timed_out = |error: QueryEvaluationError| match error {
            QueryEvaluationError::Cancelled => QueryError::Timeout(request.timeout),
            other => other.into(),
        };
        Ok(
            match bound.on_store(self.store()).execute().map_err(timed_out)? {
                QueryResults::Solutions(solutions) => {
                    let variables = solutions.variables().to_vec();
                    let mut rows = Vec::new();
                    for solution in solutions {
                        let solution = solution.map_err(timed_out)?;
                        rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
                    }
                    QueryOutcome::Solutions(Solutions::new(variables, rows))
                }
                QueryResults::Boolean(value) => QueryOutcome::Boolean(value),
                QueryResults::Graph(triples) => {
                    QueryOutcome::Graph(triples.collect::<Result<_, _>>().map_err(timed_out)?)
                }
            },
        )
    }

    /// What a linked-data server answers for a node: its own triples, those
    /// of its helper nodes (the IRIs minted from it, `{node}-…`: source span,
    /// selectors, report fields, figures, each followed to the end), and at
    /// most `incoming_limit` triples that point at it, after skipping
    /// `incoming_offset` of them (in a stable order).
    ///
    /// # Errors
    /// If the store fails.
    pub fn describe_node(
        &self,
        node: NamedNodeRef<'_>,
        incoming_offset: usize,
        incoming_limit: usize,
    ) -> Result<NodeDescription, QueryError> {
        let store = self.store();
        let helper_prefix = format!("{}-", node.as_str());
        let mut triples = HashSet::new();
        let mut todo = vec![NamedNode::from(node)];
        let mut seen = BTreeSet::new();
        while let Some(subject) = todo.pop() {
            if !seen.insert(subject.clone()) {
                continue;
            }
            for quad in store.quads_for_pattern(Some(subject.as_ref().into()), None, None, None) {
                let quad = quad?;
                if let Term::NamedNode(object) = &quad.object
                    && object.as_str().starts_with(&helper_prefix)
                {
                    todo.push(object.clone());
                }
                triples.insert(Triple::new(quad.subject, quad.predicate, quad.object));
            }
        }
        let mut incoming = HashSet::new();
        for quad in store.quads_for_pattern(None, None, Some(TermRef::from(node)), None) {
            let quad = quad?;
            // A helper node's link back to its node is part of the node.
            if let NamedOrBlankNode::NamedNode(s) = &quad.subject
                && s.as_str().starts_with(&helper_prefix)
            {
                continue;
            }
            incoming.insert(Triple::new(quad.subject, quad.predicate, quad.object));
        }
        let incoming_total = incoming.len();
        let incoming: Vec<Triple> = sorted(incoming)
            .into_iter()
            .skip(incoming_offset)
            .take(incoming_limit)
            .collect();
        Ok(NodeDescription {
            triples: sorted(triples),
            incoming,
            incoming_total,
        })
    }
}

impl KnowledgeGraph {
    /// The label of each node that has one (`rdfs:label`, else
    /// `skos:prefLabel`, else `foaf:name`; English first), for pages that
    /// show nodes by name.
    ///
    /// # Errors
    /// If the store fails.
    pub fn labels<'a>(
        &self,
        nodes: impl IntoIterator<Item = NamedNodeRef<'a>>,
    ) -> Result<std::collections::HashMap<String, String>, QueryError> {
        let mut labels = std::collections::HashMap::new();
        for node in nodes {
            if labels.contains_key(node.as_str()) {
                continue;
            }
            for predicate in [
                vocab::rdfs::LABEL,
                vocab::skos::prefLabel,
                vocab::foaf::name,
            ] {
                let mut best: Option<(bool, String)> = None;
                for quad in
                    self.store()
                        .quads_for_pattern(Some(node.into()), Some(predicate), None, None)
                {
                    if let Term::Literal(literal) = quad?.object {
                        let english = literal.language().is_none_or(|l| l.starts_with("en"));
                        if best.as_ref().is_none_or(|(e, v)| {
                            (english && !e) || (english == *e && literal.value() < v.as_str())
                        }) {
                            best = Some((english, literal.value().to_owned()));
                        }
                    }
                }
                if let Some((_, label)) = best {
                    labels.insert(node.as_str().to_owned(), label);
                    break;
                }
            }
        }
        Ok(labels)
    }
}

/// Triples in the order of their N-Triples form: stable, so that pages of
/// incoming triples do not overlap.
fn sorted(triples: HashSet<Triple>) -> Vec<Triple> {
    let mut triples: Vec<(String, Triple)> =
        triples.into_iter().map(|t| (t.to_string(), t)).collect();
    triples.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    triples.into_iter().map(|(_, t)| t).collect()
}

/// The triples that describe one node (see [`KnowledgeGraph::describe_node`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NodeDescription {
    /// The node's triples and its helper nodes' triples.
    pub triples: Vec<Triple>,
    /// A page of the triples that point at it.
    pub incoming: Vec<Triple>,
    /// How many triples point at it in all.
    pub incoming_total: usize,
}

impl NodeDescription {
    /// Whether the graph says nothing of the node.
    pub fn is_empty(&self) -> bool {
        self.triples.is_empty() && self.incoming_total == 0
    }

    /// Every triple of the description: its own, then the page of incoming ones.
    pub fn all(&self) -> impl Iterator<Item = &Triple> + '_ {
        self.triples.iter().chain(&self.incoming)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iri::IriBase;
    use oxigraph::model::{Literal, Quad};

    fn graph() -> KnowledgeGraph {
        let graph = KnowledgeGraph::in_memory(IriBase::default()).unwrap();
        let ex = |s: &str| NamedNode::new(format!("https://w3id.org/igfkg/id/{s}")).unwrap();
        let g1 = ex("graph/one");
        let g2 = ex("graph/two");
        let quads = [
            Quad::new(ex("message/a"), ex("p"), Literal::from(1), g1.clone()),
            Quad::new(
                ex("message/a"),
                ex("src"),
                ex("message/a-source"),
                g1.clone(),
            ),
            Quad::new(
                ex("message/a-source"),
                ex("q"),
                ex("message/a-quote"),
                g1.clone(),
            ),
            Quad::new(
                ex("message/a-quote"),
                ex("exact"),
                Literal::from("x"),
                g1.clone(),
            ),
            Quad::new(ex("message/b"), ex("echoes"), ex("message/a"), g2.clone()),
        ];
        graph.store().extend(quads).unwrap();
        graph
    }

    #[test]
    fn the_default_graph_is_the_union_unless_the_request_or_query_names_one() {
        let graph = graph();
        let count = |request: QueryRequest| match graph.evaluate(&request).unwrap() {
            QueryOutcome::Solutions(s) => s.len(),
            other => panic!("{other:?}"),
        };
        assert_eq!(count(QueryRequest::new("SELECT * { ?s ?p ?o }")), 5);
        assert_eq!(
            count(QueryRequest::new(
                "SELECT * FROM <https://w3id.org/igfkg/id/graph/two> { ?s ?p ?o }"
            )),
            1
        );
        let mut request = QueryRequest::new("SELECT * { ?s ?p ?o }");
        request.default_graphs =
            vec![NamedNode::new("https://w3id.org/igfkg/id/graph/one").unwrap()];
        assert_eq!(count(request), 4);
    }

    #[test]
    fn updates_are_not_queries() {
        let error = graph()
            .evaluate(&QueryRequest::new("INSERT DATA { <a:b> <a:c> <a:d> }"))
            .unwrap_err();
        assert!(matches!(error, QueryError::Update), "{error}");
    }

    #[test]
    fn a_node_is_described_with_its_helpers_and_incoming_links() {
        let node = NamedNode::new("https://w3id.org/igfkg/id/message/a").unwrap();
        let description = graph().describe_node(node.as_ref(), 0, 10).unwrap();
        assert_eq!(description.triples.len(), 4, "{description:?}");
        assert_eq!(description.incoming.len(), 1);
        assert_eq!(description.incoming_total, 1);
        let none = NamedNode::new("https://w3id.org/igfkg/id/message/zzz").unwrap();
        assert!(
            graph()
                .describe_node(none.as_ref(), 0, 10)
                .unwrap()
                .is_empty()
        );
    }
}
