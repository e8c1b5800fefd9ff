//! SHACL validation of a graph against `ontology/shapes.ttl`, natively.
//!
//! igfkg's validator implements the parts of [SHACL Core](https://www.w3.org/TR/shacl/)
//! its shapes use: node shapes targeting a class (`sh:targetClass`) or the
//! subjects of a property (`sh:targetSubjectsOf`), with `sh:class`,
//! `sh:nodeKind` and `sh:pattern` on the focus node, and property shapes on
//! a predicate path with `sh:minCount`, `sh:maxCount`, `sh:class`,
//! `sh:datatype`, `sh:nodeKind`, `sh:pattern`, `sh:in`, `sh:minInclusive`,
//! `sh:maxInclusive`, `sh:uniqueLang`, `sh:or` (of class constraints),
//! `sh:message` and `sh:severity`; a shape with `sh:deactivated true` is
//! not checked. A shapes graph that uses anything else, or gives one of
//! these a value of the wrong kind (`sh:minCount "many"`, `sh:datatype 42`),
//! is refused, rather than silently checked in part.
//!
//! Compiling the shapes ([`shapes`]), indexing the data graph ([`index`])
//! and checking each focus node ([`check`]) are apart, so that each can be
//! read, and tested, on its own.

mod check;
mod index;
mod shapes;

use igfkg_graph::model::{NamedNode, Term};
use igfkg_graph::{KnowledgeGraph, StoreError};
use std::path::Path;

const SH: &str = "http://www.w3.org/ns/shacl#";

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

fn display(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

fn number(term: &Term) -> Option<f64> {
    match term {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}

/// How serious a result is: the `sh:severity` of the shape whose
/// constraint it breaks (`sh:Violation` where the shape says none). Any
/// result, whatever its severity, means the graph does not conform.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// `sh:Violation`.
    #[default]
    Violation,
    /// `sh:Warning`.
    Warning,
    /// `sh:Info`.
    Info,
}

impl Severity {
    /// The local name of its SHACL IRI: `Violation`, `Warning` or `Info`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Violation => "Violation",
            Self::Warning => "Warning",
            Self::Info => "Info",
        }
    }
}

/// A constraint that a node of the graph does not satisfy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// The focus node.
    pub focus: String,
    /// The path of the property shape, if the constraint is on a property.
    pub path: Option<String>,
    /// The value that violates the constraint, if there is one.
    pub value: Option<String>,
    /// The constraint component (`MinCountConstraintComponent` …).
    pub component: String,
    /// The shape the constraint belongs to.
    pub shape: String,
    /// What is wrong.
    pub message: String,
    /// How serious it is.
    pub severity: Severity,
}

/// A compiled shapes graph.
#[derive(Debug, Clone)]
pub struct Validator {
    shapes: Vec<shapes::NodeShape>,
}

impl Validator {
    /// The shapes igfkg ships ([`crate::SHAPES`], `ontology/shapes.ttl`).
    ///
    /// # Errors
    /// As [`Validator::from_turtle`]; never for the shapes as shipped, which
    /// a test compiles.
    pub fn standard() -> Result<Self, ValidateError> {
        Self::from_turtle(crate::SHAPES, Path::new("ontology/shapes.ttl"))
    }

    /// Compiles a shapes graph written in Turtle, read from `source` (the
    /// name a syntax error gives).
    ///
    /// ```
    /// use igfkg_publish::{SHAPES, ValidateError, Validator};
    ///
    /// assert!(Validator::from_turtle(SHAPES, "ontology/shapes.ttl".as_ref()).is_ok());
    /// // The same as the shapes igfkg ships:
    /// assert!(Validator::standard().is_ok());
    /// let shapes = r#"@prefix sh: <http://www.w3.org/ns/shacl#> .
    ///     <http://ex/MeetingShape> a sh:NodeShape ; sh:targetClass <http://ex/Meeting> ;
    ///         sh:property [ sh:path <http://ex/year> ; sh:minCount "many" ] ."#;
    /// let error = Validator::from_turtle(shapes, "my-shapes.ttl".as_ref()).unwrap_err();
    /// assert!(matches!(error, ValidateError::BadValue { ref term, .. } if term == "minCount"));
    /// let error = Validator::from_turtle("<http://ex/s> a", "my-shapes.ttl".as_ref()).unwrap_err();
    /// assert!(error.to_string().starts_with("invalid shapes: my-shapes.ttl:1:"), "{error}");
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`ValidateError`] if the Turtle does not parse, or the shapes use a
    /// SHACL feature the validator does not implement or give a SHACL term
    /// a value of the wrong kind.
    pub fn from_turtle(turtle: &str, source: &Path) -> Result<Self, ValidateError> {
        Ok(Self {
            shapes: shapes::compile(turtle, source)?,
        })
    }

    /// The violations of a graph, sorted.
    ///
    /// # Errors
    /// [`ValidateError::Store`] if the graph cannot be read.
    pub fn validate(&self, graph: &KnowledgeGraph) -> Result<Vec<Violation>, ValidateError> {
        Ok(check::violations(&self.shapes, graph.quads()?))
    }
}

/// An error of compiling a shapes graph or of reading the graph to check.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ValidateError {
    /// The shapes are not valid Turtle.
    #[error("invalid shapes: {0}")]
    Syntax(#[source] StoreError),
    /// A shape uses a SHACL term the validator does not implement.
    #[error("{shape}: sh:{term} is not supported by igfkg's validator")]
    Unsupported {
        /// The shape (its IRI or blank node).
        shape: String,
        /// The local name of the SHACL term.
        term: String,
    },
    /// A property shape's `sh:path` is not a single predicate.
    #[error("{shape}: only predicate paths (an IRI as sh:path) are supported")]
    PathNotPredicate {
        /// The property shape.
        shape: String,
    },
    /// A `sh:pattern` is not a regular expression.
    #[error("{shape}: sh:pattern {pattern:?} is not a regular expression: {source}")]
    Pattern {
        /// The shape.
        shape: String,
        /// The pattern as written.
        pattern: String,
        /// What the regular expression parser says.
        #[source]
        source: regex::Error,
    },
    /// A SHACL term has a value of the wrong kind (`sh:minCount "many"`,
    /// `sh:datatype 42`, `sh:severity "high"`).
    #[error("{shape}: sh:{term} {value} is not {expected}")]
    BadValue {
        /// The shape.
        shape: String,
        /// The local name of the SHACL term.
        term: String,
        /// The value, as N-Triples writes it.
        value: String,
        /// What the term takes.
        expected: String,
    },
    /// An alternative of a `sh:or` is not one `sh:class`.
    #[error("{shape}: sh:or is supported with alternatives of one sh:class each")]
    OrAlternative {
        /// The shape.
        shape: String,
    },
    /// The graph (or the store holding the shapes) could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
}
