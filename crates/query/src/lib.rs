#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod typed;

pub use typed::*;

use igfkg_graph::model::{Literal, NamedNode, Term};
use igfkg_graph::{IriBase, KnowledgeGraph, QueryError, QueryOutcome};
use igfkg_model::{NodeId, NodeKind, goal_iri, slugify};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

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
    /// A topic: its id (`encryption`) or IRI.
    Topic,
    /// A goal: its number (1 to 17) or UN SDG KOS IRI.
    Goal,
    /// A message: its IRI.
    Message,
    /// A source document: its manifest id or IRI.
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

/// The node of `kind` whose slug is `value`, if `value` is a slug (what
/// [`NodeId::slug`] makes of it is itself): `encryption` is a topic's id,
/// `https://…` is not.
fn slug_iri(base: &IriBase, kind: NodeKind, value: &str) -> Option<NamedNode> {
    (!value.is_empty() && slugify(value) == value).then(|| base.node(&NodeId::slug(kind, value)))
}

impl Param {
    /// The RDF term a value of this parameter stands for.
    ///
    /// # Errors
    /// [`CatalogueError::InvalidValue`] if the value is not of the kind.
    pub fn term(&self, base: &IriBase, value: &str) -> Result<Term, CatalogueError> {
        let invalid = |reason: &str| CatalogueError::InvalidValue {
            param: self.name.clone(),
            value: value.to_owned(),
            kind: self.kind,
            reason: reason.to_owned(),
        };
        let iri = |value: &str| NamedNode::new(value).map_err(|e| invalid(&e.to_string()));
        let term: Term = match self.kind {
            ParamKind::Text => Literal::new_simple_literal(value).into(),
            ParamKind::Year => Literal::from(
                value
                    .parse::<i64>()
                    .map_err(|_| invalid("give a year such as 2018"))?,
            )
            .into(),
            ParamKind::Goal => match value.parse::<u8>() {
                Ok(n @ 1..=17) => NamedNode::new_unchecked(goal_iri(&n.to_string())).into(),
                Ok(_) => return Err(invalid("a goal number is 1 to 17")),
                Err(_) => iri(value)?.into(),
            },
            ParamKind::Topic => match slug_iri(base, NodeKind::Topic, value) {
                Some(iri) => iri.into(),
                None => iri(value)?.into(),
            },
            ParamKind::Document => match slug_iri(base, NodeKind::Document, value) {
                Some(iri) => iri.into(),
                None => iri(value)?.into(),
            },
            ParamKind::Message => iri(value)?.into(),
        };
        Ok(term)
    }
}

impl Question {
    /// Binds parameter values (`name`, `value`) to RDF terms, checking that
    /// every parameter is given once and is of its kind.
    ///
    /// # Errors
    /// [`CatalogueError::UnknownParam`], [`CatalogueError::MissingParam`],
    /// [`CatalogueError::InvalidValue`].
    pub fn bind(
        &self,
        base: &IriBase,
        values: &[(&str, &str)],
    ) -> Result<Vec<(String, Term)>, CatalogueError> {
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
                Ok((param.name.clone(), param.term(base, value)?))
            })
            .collect()
    }

    /// Runs the question on a graph. The values are bound to the query's
    /// variables before evaluation — never pasted into its text — so no
    /// value can change what the query does.
    ///
    /// # Errors
    /// A binding error, or a [`QueryError`].
    pub fn run(
        &self,
        graph: &KnowledgeGraph,
        values: &[(&str, &str)],
    ) -> Result<QueryOutcome, CatalogueError> {
        let bindings = self.bind(graph.base(), values)?;
        let bindings: Vec<(&str, Term)> = bindings
            .iter()
            .map(|(n, t)| (n.as_str(), t.clone()))
            .collect();
        Ok(graph.query_with(self.sparql, &bindings)?)
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
            // Every question runs (on an empty graph) with valid values.
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
            question
                .run(&graph, &values)
                .unwrap_or_else(|e| panic!("{}: {e}", question.name));
        }
    }

    #[test]
    fn values_bind_by_kind() {
        let base = IriBase::default();
        let topic = &question("topic-timeline").unwrap().params[0];
        assert_eq!(
            topic.term(&base, "encryption").unwrap().to_string(),
            "<https://w3id.org/igfkg/id/topic/encryption>"
        );
        let goal = &question("sdg-nodes").unwrap().params[0];
        assert_eq!(
            goal.term(&base, "9").unwrap().to_string(),
            "<http://metadata.un.org/sdg/9>"
        );
        assert!(goal.term(&base, "18").is_err());
        let text = &question("search").unwrap().params[0];
        assert_eq!(
            text.term(&base, "a \"b\"").unwrap().to_string(),
            "\"a \\\"b\\\"\""
        );
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
        let error = q.bind(&base, &[("topic", "} ; DROP ALL ; {")]).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("parameter topic = \"} ; DROP ALL ; {\" is not a valid topic"),
            "{error}"
        );
        assert!(matches!(
            question("nope"),
            Err(CatalogueError::UnknownQuestion(_))
        ));
    }
}
