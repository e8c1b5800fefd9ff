#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod resolve;
mod typed;

pub use resolve::Value;
pub use typed::*;

use igfkg_graph::model::Term;
use igfkg_graph::{IriBase, KnowledgeGraph, QueryError, QueryOutcome, QueryRequest};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;
use std::time::Duration;

/// The text of every question, in the order `igfkg query --list` shows them.
const SOURCES: [&str; 18] = [
    include_str!("../queries/topic-timeline.rq"),
    include_str!("../queries/topic-sessions.rq"),
    include_str!("../queries/topic-lineage.rq"),
    include_str!("../queries/topics-every-year.rq"),
    include_str!("../queries/topic-trends.rq"),
    include_str!("../queries/theme-alignment.rq"),
    include_str!("../queries/echoes-of.rq"),
    include_str!("../queries/echoed-by.rq"),
    include_str!("../queries/sdg-coverage.rq"),
    include_str!("../queries/sdg-nodes.rq"),
    include_str!("../queries/nris-per-year.rq"),
    include_str!("../queries/nris-by-kind.rq"),
    include_str!("../queries/groups-addressed.rq"),
    include_str!("../queries/people.rq"),
    include_str!("../queries/organisations.rq"),
    include_str!("../queries/disagreeing-facts.rq"),
    include_str!("../queries/document-contents.rq"),
    include_str!("../queries/search.rq"),
];

/// What kind of value a parameter takes, and how it becomes an RDF term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A topic: its id (`encryption`), prefixed name (`topic:encryption`),
    /// IRI or label (`Net neutrality`).
    Topic,
    /// A goal: its number (`9`, `SDG9`, `Goal 9`), prefixed name (`sdg:9`),
    /// UN SDG KOS IRI or title.
    Goal,
    /// A message: its prefixed name (`message:…`, as tables print it) or IRI.
    Message,
    /// A source document: its manifest id, prefixed name
    /// (`document:igf2017-messages`), IRI or title.
    Document,
    /// Free text, bound as a string literal.
    Text,
    /// A year, bound as an integer.
    Year,
}

impl FromStr for ParamKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "topic" => Ok(Self::Topic),
            "goal" => Ok(Self::Goal),
            "message" => Ok(Self::Message),
            "document" => Ok(Self::Document),
            "text" => Ok(Self::Text),
            "year" => Ok(Self::Year),
            other => Err(format!("unknown parameter kind {other:?}")),
        }
    }
}

impl fmt::Display for ParamKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Topic => "topic",
            Self::Goal => "goal",
            Self::Message => "message",
            Self::Document => "document",
            Self::Text => "text",
            Self::Year => "year",
        })
    }
}

/// A parameter of a question: a variable the query projects, bound before
/// evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The variable name, without `?`.
    pub name: String,
    /// What kind of value it takes.
    pub kind: ParamKind,
    /// What it is.
    pub description: String,
}

/// A named question of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The name (`topic-timeline`).
    pub name: String,
    /// The question, as a sentence.
    pub question: String,
    /// Its parameters.
    pub params: Vec<Param>,
    /// The whole `.rq` file, comments included.
    pub sparql: &'static str,
}

/// An error of a catalogue question.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogueError {
    /// No question has this name.
    #[error("no question named {0:?}; `igfkg query --list` lists them")]
    UnknownQuestion(String),
    /// A parameter the question does not have.
    #[error("question {question:?} has no parameter {param:?}; it takes: {expected}")]
    UnknownParam {
        /// The question.
        question: String,
        /// The parameter given.
        param: String,
        /// The parameters it takes.
        expected: String,
    },
    /// A parameter the question needs was not given.
    #[error(
        "question {question:?} needs the parameter {param} ({description}); give it with --param {param}=VALUE"
    )]
    MissingParam {
        /// The question.
        question: String,
        /// The parameter.
        param: String,
        /// What it is.
        description: String,
    },
    /// A value that is not of its parameter's kind.
    #[error("parameter {param} = {value:?} is not a valid {kind}: {reason}")]
    InvalidValue {
        /// The parameter.
        param: String,
        /// The value given.
        value: String,
        /// The kind expected.
        kind: ParamKind,
        /// Why it is not.
        reason: String,
    },
    /// A well-formed value that names no node of its kind in the graph.
    #[error(
        "parameter {param} = {value:?}: the graph has no {kind} with this id, IRI or label; the closest are {closest}"
    )]
    UnknownValue {
        /// The parameter.
        param: String,
        /// The value given.
        value: String,
        /// The kind expected.
        kind: ParamKind,
        /// The closest names the graph has, as tables print them.
        closest: String,
    },
    /// A row of a question's answer whose value is not of the kind its
    /// typed field takes: a node the typed functions give as a
    /// [`NamedNode`](igfkg_graph::model::NamedNode) that is a blank node or
    /// a literal in this graph, or is missing.
    #[error(
        "question {question:?}: ?{variable} is {found}, not an IRI; the graph holds a node of an unexpected kind (run the question with `igfkg query --named {question}` to see the rows)"
    )]
    NotAnIri {
        /// The question.
        question: String,
        /// Its variable.
        variable: String,
        /// What the row holds there (`unbound`, or the term).
        found: String,
    },
    /// The query failed.
    #[error(transparent)]
    Query(#[from] QueryError),
}

fn parse_question(sparql: &'static str) -> Question {
    let mut name = String::new();
    let mut question = String::new();
    let mut params = Vec::new();
    for line in sparql.lines().take_while(|l| l.starts_with('#')) {
        let line = line.trim_start_matches('#').trim();
        if let Some(value) = line.strip_prefix("name:") {
            name = value.trim().to_owned();
        } else if let Some(value) = line.strip_prefix("question:") {
            question = value.trim().to_owned();
        } else if let Some(value) = line.strip_prefix("param:") {
            let mut parts = value.trim().splitn(3, ' ');
            let (Some(param), Some(kind), Some(description)) =
                (parts.next(), parts.next(), parts.next())
            else {
                panic!("{name}: a param line is `param: NAME KIND DESCRIPTION`");
            };
            params.push(Param {
                name: param.to_owned(),
                kind: kind.parse().expect("a known parameter kind"),
                description: description.trim().to_owned(),
            });
        }
    }
    assert!(
        !name.is_empty() && !question.is_empty(),
        "a question file opens with `# name:` and `# question:`"
    );
    Question {
        name,
        question,
        params,
        sparql,
    }
}

static CATALOGUE: LazyLock<Vec<Question>> =
    LazyLock::new(|| SOURCES.iter().map(|s| parse_question(s)).collect());

/// Every question of the catalogue.
pub fn catalogue() -> &'static [Question] {
    &CATALOGUE
}

/// The question of a name.
///
/// # Errors
/// [`CatalogueError::UnknownQuestion`].
pub fn question(name: &str) -> Result<&'static Question, CatalogueError> {
    catalogue()
        .iter()
        .find(|q| q.name == name)
        .ok_or_else(|| CatalogueError::UnknownQuestion(name.to_owned()))
}

impl Question {
    /// Reads parameter values (`name`, `value`) without a graph, checking
    /// that every parameter is given once and that each value has a form
    /// of its kind ([`Param::parse`]): what a command line checks before
    /// it loads any data.
    ///
    /// # Errors
    /// [`CatalogueError::UnknownParam`], [`CatalogueError::MissingParam`],
    /// [`CatalogueError::InvalidValue`].
    pub fn bind(
        &self,
        base: &IriBase,
        values: &[(&str, &str)],
    ) -> Result<Vec<(String, Value)>, CatalogueError> {
        self.each_value(values, |param, value| param.parse(base, value))
    }

    /// Each parameter with its value, mapped; every given name checked.
    fn each_value<T>(
        &self,
        values: &[(&str, &str)],
        mut map: impl FnMut(&Param, &str) -> Result<T, CatalogueError>,
    ) -> Result<Vec<(String, T)>, CatalogueError> {
        for (name, _) in values {
            if !self.params.iter().any(|p| p.name == *name) {
                return Err(CatalogueError::UnknownParam {
                    question: self.name.clone(),
                    param: (*name).to_owned(),
                    expected: if self.params.is_empty() {
                        "no parameter".to_owned()
                    } else {
                        self.params
                            .iter()
                            .map(|p| p.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                });
            }
        }
        self.params
            .iter()
            .map(|param| {
                let value = values
                    .iter()
                    .find(|(name, _)| *name == param.name)
                    .map(|(_, v)| *v)
                    .ok_or_else(|| CatalogueError::MissingParam {
                        question: self.name.clone(),
                        param: param.name.clone(),
                        description: param.description.clone(),
                    })?;
                Ok((param.name.clone(), map(param, value)?))
            })
            .collect()
    }

    /// Each parameter's value resolved to the term it stands for in
    /// `graph` ([`Param::resolve`]).
    ///
    /// # Errors
    /// As [`Question::bind`], and [`CatalogueError::UnknownValue`] for a
    /// value that names no node of its kind in the graph.
    pub fn resolve(
        &self,
        graph: &KnowledgeGraph,
        values: &[(&str, &str)],
    ) -> Result<Vec<(String, Term)>, CatalogueError> {
        self.each_value(values, |param, value| param.resolve(graph, value))
    }

    /// Runs the question on a graph. Each value is resolved to a node the
    /// graph has ([`Param::resolve`]: an unknown one is an error naming the
    /// closest), then bound to the query's variable before evaluation —
    /// never pasted into its text — so no value can change what the query
    /// does.
    ///
    /// # Errors
    /// A binding error, [`CatalogueError::UnknownValue`], or a [`QueryError`].
    pub fn run(
        &self,
        graph: &KnowledgeGraph,
        values: &[(&str, &str)],
    ) -> Result<QueryOutcome, CatalogueError> {
        self.run_within(graph, values, None)
    }

    /// [`Question::run`], stopped with [`QueryError::Timeout`] once
    /// `timeout` has passed (`None`: no limit).
    ///
    /// # Errors
    /// As [`Question::run`].
    pub fn run_within(
        &self,
        graph: &KnowledgeGraph,
        values: &[(&str, &str)],
        timeout: Option<Duration>,
    ) -> Result<QueryOutcome, CatalogueError> {
        let request = QueryRequest {
            timeout,
            bindings: self.resolve(graph, values)?,
            ..QueryRequest::new(self.sparql)
        };
        Ok(graph.evaluate(&request)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_parses_and_projects_its_parameters() {
        assert_eq!(catalogue().len(), SOURCES.len());
        let graph = KnowledgeGraph::new().unwrap();
        for question in catalogue() {
            assert!(question.question.ends_with('?'), "{}", question.name);
            for param in &question.params {
                assert!(
                    question
                        .sparql
                        .contains(&format!("SELECT ?{} ", param.name)),
                    "{}: parameter ?{} must be the first projected variable",
                    question.name,
                    param.name
                );
            }
            // Every question runs (on an empty graph, so without resolving
            // its nodes) with values of valid forms.
            let values: Vec<(&str, &str)> = question
                .params
                .iter()
                .map(|p| {
                    let value = match p.kind {
                        ParamKind::Topic => "encryption",
                        ParamKind::Goal => "9",
                        ParamKind::Message => "https://w3id.org/igfkg/id/message/x",
                        ParamKind::Document => "igf2017-messages",
                        ParamKind::Text => "encryption",
                        ParamKind::Year => "2018",
                    };
                    (p.name.as_str(), value)
                })
                .collect();
            let bindings: Vec<(String, Term)> = question
                .bind(graph.base(), &values)
                .unwrap_or_else(|e| panic!("{}: {e}", question.name))
                .into_iter()
                .map(|(name, value)| match value {
                    Value::Term(term) => (name, term),
                    Value::Label(label) => panic!("{}: {label:?} read as a label", question.name),
                })
                .collect();
            let bindings: Vec<(&str, Term)> = bindings
                .iter()
                .map(|(n, t)| (n.as_str(), t.clone()))
                .collect();
            graph
                .query_with(question.sparql, &bindings)
                .unwrap_or_else(|e| panic!("{}: {e}", question.name));
        }
    }

    #[test]
    fn values_bind_by_kind() {
        let base = IriBase::default();
        let term = |param: &Param, value: &str| match param.parse(&base, value).unwrap() {
            Value::Term(term) => term,
            Value::Label(label) => panic!("{label:?} read as a label"),
        };
        let topic = &question("topic-timeline").unwrap().params[0];
        assert_eq!(
            term(topic, "encryption").to_string(),
            "<https://w3id.org/igfkg/id/topic/encryption>"
        );
        let goal = &question("sdg-nodes").unwrap().params[0];
        assert_eq!(
            term(goal, "9").to_string(),
            "<http://metadata.un.org/sdg/9>"
        );
        assert!(goal.parse(&base, "18").is_err());
        let text = &question("search").unwrap().params[0];
        assert_eq!(term(text, "a \"b\"").to_string(), "\"a \\\"b\\\"\"");
    }

    #[test]
    fn bad_parameters_are_refused() {
        let base = IriBase::default();
        let q = question("topic-timeline").unwrap();
        assert!(matches!(
            q.bind(&base, &[]),
            Err(CatalogueError::MissingParam { .. })
        ));
        assert!(matches!(
            q.bind(&base, &[("year", "2018")]),
            Err(CatalogueError::UnknownParam { .. })
        ));
        // A value is never pasted into the query: this one is read as a
        // label, and on a graph that has no such topic it is an error that
        // names the closest (none, in an empty graph).
        assert!(matches!(
            q.bind(&base, &[("topic", "} ; DROP ALL ; {")]).unwrap()[0].1,
            Value::Label(_)
        ));
        let graph = KnowledgeGraph::new().unwrap();
        let error = q.run(&graph, &[("topic", "} ; DROP ALL ; {")]).unwrap_err();
        assert!(
            error.to_string().starts_with(
                "parameter topic = \"} ; DROP ALL ; {\": the graph has no topic with this id"
            ),
            "{error}"
        );
        assert!(matches!(
            question("nope"),
            Err(CatalogueError::UnknownQuestion(_))
        ));
    }
}
