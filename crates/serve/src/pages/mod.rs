//! Pages for people: server-rendered HTML (minijinja templates embedded in
//! the binary, no asset fetched from elsewhere).

use crate::App;
use crate::http::{answer, error};
use igfkg_graph::model::{NamedNode, NamedOrBlankNode, Term, Triple};
use igfkg_graph::vocab::{self, igf};
use igfkg_graph::{QueryOutcome, QueryRequest, Solutions};
use igfkg_query::{ParamKind, Question};
use minijinja::{Environment, Value, context};
use oxhttp::model::{Body, Response, StatusCode};
use std::collections::{BTreeMap, HashMap};

mod charts;
mod kinds;
mod node;

/// The stylesheet of every page.
pub(crate) const STYLE: &str = include_str!("../../templates/style.css");

/// The ontology, which its terms' IRIs dereference to.
pub(crate) const ONTOLOGY: &str = include_str!("../../../../ontology/igfkg.ttl");

/// YASGUI, vendored (see `assets/yasgui/README.md`).
pub(crate) const YASGUI_JS: &str = include_str!("../../assets/yasgui/yasgui.min.js");
/// YASGUI's stylesheet.
pub(crate) const YASGUI_CSS: &str = include_str!("../../assets/yasgui/yasgui.min.css");
/// YASGUI's licence, served beside it.
pub(crate) const YASGUI_LICENSE: &str = include_str!("../../assets/yasgui/LICENSE");

/// The templates, compiled once.
pub(crate) struct Pages {
    env: Environment<'static>,
}

impl Pages {
    pub(crate) fn new() -> Self {
        let mut env = Environment::new();
        for (name, source) in [
            ("layout.html", include_str!("../../templates/layout.html")),
            ("home.html", include_str!("../../templates/home.html")),
            ("node.html", include_str!("../../templates/node.html")),
            (
                "questions.html",
                include_str!("../../templates/questions.html"),
            ),
            ("results.html", include_str!("../../templates/results.html")),
            ("query.html", include_str!("../../templates/query.html")),
        ] {
            env.add_template(name, source)
                .expect("the embedded templates are valid");
        }
        Self { env }
    }

    fn render(&self, name: &str, context: Value) -> Response<Body> {
        match self
            .env
            .get_template(name)
            .and_then(|template| template.render(context))
        {
            Ok(html) => answer(StatusCode::OK, "text/html; charset=utf-8", html),
            Err(e) => error(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("cannot render the page {name}: {e}"),
            ),
        }
    }

    pub(crate) fn home(&self, app: &App) -> Response<Body> {
        let graph = app.graph();
        let count = |sparql: &str| match graph.evaluate(&QueryRequest::new(sparql)) {
            Ok(QueryOutcome::Solutions(s)) => {
                s.iter().next().and_then(|r| r.integer("n")).unwrap_or(0)
            }
            _ => 0,
        };
        let triples = count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
        let graphs = count("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g {} }");
        let classes: Vec<Value> = [
            ("Meetings", igf::Meeting),
            ("Documents", igf::SourceDocument),
            ("Themes", igf::Theme),
            ("Sessions", igf::Session),
            ("Messages", igf::Message),
            ("Statements", igf::Statement),
            ("People", vocab::foaf::Person),
            ("Organisations", vocab::org::Organization),
            ("NRIs", igf::NRI),
            ("Topics", igf::Topic),
            ("Facts", igf::Fact),
        ]
        .into_iter()
        .map(|(label, class)| {
            let n = count(&format!(
                "SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s a <{}> }}",
                class.as_str()
            ));
            context! { label, count => n }
        })
        .collect();
        let listed = |class: &str| -> Vec<Value> {
            let sparql =
                format!("SELECT ?s ?label {{ ?s a {class} ; rdfs:label ?label }} ORDER BY ?s");
            match graph.evaluate(&QueryRequest::new(sparql)) {
                Ok(QueryOutcome::Solutions(s)) => s
                    .iter()
                    .filter_map(|r| {
                        Some(
                            context! { href => href(app, r.text("s")?), label => r.text("label")? },
                        )
                    })
                    .collect(),
                _ => Vec::new(),
            }
        };
        self.render(
            "home.html",
            context! {
                title => "Home",
                triples, graphs, classes,
                meetings => listed("igf:Meeting"),
                documents => listed("igf:SourceDocument"),
                base => graph.base().as_str(),
            },
        )
    }

    /// The query page: YASGUI on this endpoint, igfkg's prefixes declared,
    /// the catalogue's questions as examples.
    pub(crate) fn query(&self, app: &App) -> Response<Body> {
        let prefixes: BTreeMap<&str, &str> = app.prefixes.iter().collect();
        let examples: Vec<Value> = igfkg_query::catalogue()
            .iter()
            .map(|q| context! { question => q.question.clone(), sparql => q.sparql })
            .collect();
        self.render(
            "query.html",
            context! { title => "SPARQL", endpoint => format!("{}sparql", app.base_url()), prefixes, examples },
        )
    }

    pub(crate) fn questions(&self, app: &App) -> Response<Body> {
        let questions: Vec<Value> = igfkg_query::catalogue()
            .iter()
            .map(|q| question_context(app, q))
            .collect();
        self.render(
            "questions.html",
            context! { title => "Questions", questions },
        )
    }

    pub(crate) fn question_form(&self, app: &App, question: &Question) -> Response<Body> {
        self.render(
            "questions.html",
            context! { title => question.question.clone(), questions => vec![question_context(app, question)] },
        )
    }

    pub(crate) fn question_results(
        &self,
        app: &App,
        question: &Question,
        values: &[(&str, &str)],
        outcome: &QueryOutcome,
    ) -> Response<Body> {
        let query: String = values
            .iter()
            .map(|(k, v)| format!("{}={}&", encode(k), encode(v)))
            .collect();
        let downloads: Vec<Value> = [("JSON", "json"), ("XML", "xml"), ("CSV", "csv"), ("TSV", "tsv")]
            .into_iter()
            .map(|(name, format)| {
                context! { name, href => format!("/questions/{}?{query}format={format}", question.name) }
            })
            .collect();
        let params: Vec<Value> = values
            .iter()
            .map(|(name, value)| context! { name, value })
            .collect();
        self.render_outcome(app, question.question.clone(), outcome, params, downloads)
    }

    pub(crate) fn results(&self, app: &App, outcome: &QueryOutcome) -> Response<Body> {
        self.render_outcome(
            app,
            "Query results".to_owned(),
            outcome,
            Vec::new(),
            Vec::new(),
        )
    }

    fn render_outcome(
        &self,
        app: &App,
        title: String,
        outcome: &QueryOutcome,
        params: Vec<Value>,
        downloads: Vec<Value>,
    ) -> Response<Body> {
        let limit = app.options.max_html_rows;
        let (header, rows, count, boolean) = match outcome {
            QueryOutcome::Solutions(solutions) => {
                let (header, rows) = solutions_table(app, solutions);
                (header, rows, solutions.len(), None)
            }
            QueryOutcome::Boolean(b) => (Vec::new(), Vec::new(), 0, Some(*b)),
            QueryOutcome::Graph(triples) => {
                let labels = labels(app, triples.iter().flat_map(triple_iris));
                let rows: Vec<Vec<Value>> = triples
                    .iter()
                    .take(limit)
                    .map(|t| {
                        vec![
                            cell(app, Some(&subject_term(&t.subject)), &labels),
                            cell(app, Some(&Term::NamedNode(t.predicate.clone())), &labels),
                            cell(app, Some(&t.object), &labels),
                        ]
                    })
                    .collect();
                (
                    ["subject", "predicate", "object"]
                        .map(String::from)
                        .to_vec(),
                    rows,
                    triples.len(),
                    None,
                )
            }
        };
        let cut = count > rows.len();
        self.render(
            "results.html",
            context! { title, params, header, rows, count, cut, boolean, downloads },
        )
    }

    pub(crate) fn ontology(&self, app: &App) -> Response<Body> {
        let _ = app;
        answer(
            StatusCode::OK,
            "text/html; charset=utf-8",
            format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>igfkg ontology</title><link rel=\"stylesheet\" href=\"/assets/style.css\"></head><body><main><h1>The igfkg ontology</h1><pre>{}</pre></main></body></html>",
                escape(ONTOLOGY)
            ),
        )
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The header and the first rows (at most the HTML limit) of solutions,
/// their IRIs shown by label and linked.
pub(crate) fn solutions_table(app: &App, solutions: &Solutions) -> (Vec<String>, Vec<Vec<Value>>) {
    let limit = app.options.max_html_rows;
    let shown = &solutions.rows()[..solutions.len().min(limit)];
    let labels = labels(
        app,
        shown.iter().flatten().flatten().filter_map(|t| match t {
            Term::NamedNode(n) => Some(n.clone()),
            _ => None,
        }),
    );
    let header = solutions
        .variables()
        .iter()
        .map(|v| v.as_str().to_owned())
        .collect();
    let rows = shown
        .iter()
        .map(|row| row.iter().map(|t| cell(app, t.as_ref(), &labels)).collect())
        .collect();
    (header, rows)
}

/// The parameters of a question, with the values to choose from where the
/// graph can list them (topics, years, goals, documents), never typed IRIs.
fn question_context(app: &App, question: &Question) -> Value {
    let params: Vec<Value> = question
        .params
        .iter()
        .map(|p| {
            let sparql = match p.kind {
                ParamKind::Topic => Some("SELECT ?value ?text { ?t a igf:Topic ; skos:prefLabel ?text . BIND(REPLACE(STR(?t), \"^.*/\", \"\") AS ?value) } ORDER BY LCASE(STR(?text))"),
                ParamKind::Year => Some("SELECT DISTINCT ?value ?text { ?m a igf:Meeting ; igf:year ?value ; rdfs:label ?text } ORDER BY ?value"),
                ParamKind::Goal => Some("SELECT ?value ?text { ?g a sdgo:Goal ; skos:notation ?value ; rdfs:label ?text } ORDER BY xsd:integer(?value)"),
                ParamKind::Document => Some("SELECT ?value ?text { ?d a igf:SourceDocument ; rdfs:label ?text . BIND(REPLACE(STR(?d), \"^.*/\", \"\") AS ?value) } ORDER BY ?value"),
                ParamKind::Message | ParamKind::Text => None,
            };
            let choices: Option<Vec<Value>> = sparql.map(|sparql| match app.graph().evaluate(&QueryRequest::new(sparql)) {
                Ok(QueryOutcome::Solutions(s)) => s
                    .iter()
                    .filter_map(|r| Some(context! { value => r.text("value")?, text => r.text("text")? }))
                    .collect(),
                _ => Vec::new(),
            });
            context! { name => p.name.clone(), kind => p.kind.to_string(), description => p.description.clone(), choices }
        })
        .collect();
    context! { name => question.name.clone(), question => question.question.clone(), params }
}

fn subject_term(subject: &NamedOrBlankNode) -> Term {
    match subject {
        NamedOrBlankNode::NamedNode(n) => Term::NamedNode(n.clone()),
        NamedOrBlankNode::BlankNode(b) => Term::BlankNode(b.clone()),
    }
}

fn triple_iris(triple: &Triple) -> impl Iterator<Item = NamedNode> + '_ {
    let subject = match &triple.subject {
        NamedOrBlankNode::NamedNode(n) => Some(n.clone()),
        NamedOrBlankNode::BlankNode(_) => None,
    };
    let object = match &triple.object {
        Term::NamedNode(n) => Some(n.clone()),
        _ => None,
    };
    subject.into_iter().chain(object)
}

fn labels(app: &App, iris: impl IntoIterator<Item = NamedNode>) -> HashMap<String, String> {
    let iris: Vec<NamedNode> = iris.into_iter().collect();
    app.graph()
        .labels(iris.iter().map(NamedNode::as_ref))
        .unwrap_or_default()
}

/// A value as a table cell: a labelled link for an IRI, the text of a literal.
fn cell(app: &App, term: Option<&Term>, labels: &HashMap<String, String>) -> Value {
    match term {
        None => context! { text => "" },
        Some(Term::NamedNode(n)) => context! {
            text => labels.get(n.as_str()).cloned().unwrap_or_else(|| compact(app, n.as_str())),
            href => href(app, n.as_str()),
        },
        Some(Term::Literal(l)) => context! {
            text => l.value(),
            note => l.language().map(|l| format!("@{l}")),
        },
        Some(other) => context! { text => other.to_string() },
    }
}

/// Where a page links an IRI: our own `/id/…` page for the data, the
/// ontology page for its terms, the IRI itself elsewhere.
fn href(app: &App, iri: &str) -> String {
    if let Some(rest) = iri.strip_prefix(app.graph().base().as_str()) {
        format!("/id/{rest}")
    } else if let Some(goal) = iri.strip_prefix(vocab::SDG_NAMESPACE)
        && !goal.contains(['/', '#'])
    {
        format!("/sdg/{goal}")
    } else if iri.starts_with(igf::NAMESPACE) {
        "/ontology".to_owned()
    } else {
        iri.to_owned()
    }
}

/// `prefix:local` for the IRIs of known namespaces.
fn compact(app: &App, iri: &str) -> String {
    app.prefixes.compact(iri).unwrap_or_else(|| iri.to_owned())
}
