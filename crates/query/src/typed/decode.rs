//! Reading a question's rows into typed values.

use crate::{CatalogueError, question};
use igfkg_graph::model::{NamedNode, Term};
use igfkg_graph::{KnowledgeGraph, QueryOutcome, Solution};

/// Runs a question and reads each row as a `T`.
pub(super) fn rows<T: FromRow>(
    graph: &KnowledgeGraph,
    name: &str,
    values: &[(&str, &str)],
) -> Result<Vec<T>, CatalogueError> {
    rows_with(graph, name, values, T::from_row)
}

/// Runs a question and maps each row: for the row types that are not read
/// field for field from variables of the same names everywhere.
pub(super) fn rows_with<T>(
    graph: &KnowledgeGraph,
    name: &str,
    values: &[(&str, &str)],
    map: impl Fn(&Solution<'_>) -> Result<T, NotAnIri>,
) -> Result<Vec<T>, CatalogueError> {
    match question(name)?.run(graph, values)? {
        QueryOutcome::Solutions(solutions) => solutions
            .iter()
            .map(|row| {
                map(&row).map_err(|e| CatalogueError::NotAnIri {
                    question: name.to_owned(),
                    variable: e.variable,
                    found: e.found,
                })
            })
            .collect(),
        // Every catalogue question is a SELECT query.
        _ => Ok(Vec::new()),
    }
}

/// A variable that holds no IRI where a field takes one; the question's
/// name is added by [`rows_with`].
#[derive(Debug)]
pub(super) struct NotAnIri {
    variable: String,
    found: String,
}

/// A row type of a question.
pub(super) trait FromRow: Sized {
    fn from_row(row: &Solution<'_>) -> Result<Self, NotAnIri>;
}

/// A value read from a variable of a row; unbound reads as empty or zero,
/// except for an IRI, which must be there.
pub(super) trait Decode: Sized {
    fn decode(row: &Solution<'_>, name: &str) -> Result<Self, NotAnIri>;
}

impl Decode for NamedNode {
    fn decode(row: &Solution<'_>, name: &str) -> Result<Self, NotAnIri> {
        match row.get(name) {
            Some(Term::NamedNode(node)) => Ok(node.clone()),
            other => Err(NotAnIri {
                variable: name.to_owned(),
                found: other.map_or_else(|| "unbound".to_owned(), ToString::to_string),
            }),
        }
    }
}

impl Decode for String {
    fn decode(row: &Solution<'_>, name: &str) -> Result<Self, NotAnIri> {
        Ok(row.text(name).unwrap_or_default().to_owned())
    }
}

impl Decode for Option<String> {
    fn decode(row: &Solution<'_>, name: &str) -> Result<Self, NotAnIri> {
        Ok(row.text(name).filter(|t| !t.is_empty()).map(str::to_owned))
    }
}

impl Decode for i64 {
    fn decode(row: &Solution<'_>, name: &str) -> Result<Self, NotAnIri> {
        Ok(row.integer(name).unwrap_or_default())
    }
}

impl Decode for Option<i64> {
    fn decode(row: &Solution<'_>, name: &str) -> Result<Self, NotAnIri> {
        Ok(row.integer(name))
    }
}

impl Decode for Option<f64> {
    fn decode(row: &Solution<'_>, name: &str) -> Result<Self, NotAnIri> {
        Ok(row.number(name))
    }
}

impl Decode for f64 {
    fn decode(row: &Solution<'_>, name: &str) -> Result<Self, NotAnIri> {
        Ok(row.number(name).unwrap_or_default())
    }
}

/// Declares a row type — each field `name: Type = "variable"` — and how it
/// is read from a solution, so a question's decoding is stated once, with
/// its type.
macro_rules! row {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident : $ty:ty = $var:literal, )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $ty, )*
        }

        impl FromRow for $name {
            fn from_row(row: &Solution<'_>) -> Result<Self, NotAnIri> {
                Ok(Self { $( $field: Decode::decode(row, $var)?, )* })
            }
        }
    };
}
