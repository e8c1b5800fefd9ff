//! Typed SPARQL results and their serialisations: the
//! [SPARQL 1.1 result formats](https://www.w3.org/TR/sparql11-results-json/)
//! (JSON, XML, CSV, TSV) and RDF for graph results. Tables for people are
//! the binary's: presentation is not the RDF crate's job.

use crate::error::ExportError;
use crate::export::{ExportFormat, canonical_triples, write_quads};
use crate::iri::IriBase;
use oxigraph::model::{Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::fmt;
use std::io::Write;
use std::str::FromStr;

/// The result of a SPARQL query, collected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryOutcome {
    /// Solutions of a SELECT query.
    Solutions(Solutions),
    /// The answer of an ASK query.
    Boolean(bool),
    /// Triples of a CONSTRUCT or DESCRIBE query.
    Graph(Vec<Triple>),
}

impl QueryOutcome {
    /// The solutions, if this is the result of a SELECT query.
    pub fn solutions(&self) -> Option<&Solutions> {
        match self {
            Self::Solutions(s) => Some(s),
            _ => None,
        }
    }
}

/// The solutions of a SELECT query: variables and rows of optional terms.
///
/// `for row in &solutions` reads the rows as [`Solution`]s, whose values
/// are read by variable name:
///
/// ```
/// use igfkg_graph::model::{Literal, Term, Variable};
/// use igfkg_graph::Solutions;
///
/// // The NRIs of the 2019 NRI session, two of the nineteen, one without a
/// // country.
/// let text = |value: &str| Term::from(Literal::new_simple_literal(value));
/// let solutions = Solutions::new(
///     vec![Variable::new("name")?, Variable::new("country")?],
///     vec![
///         vec![Some(text("Armenia IGF")), Some(text("AM"))],
///         vec![Some(text("African IGF")), None],
///     ],
/// );
/// let mut places = Vec::new();
/// for row in &solutions {
///     places.push((row.text("name"), row.text("country")));
/// }
/// assert_eq!(places, [(Some("Armenia IGF"), Some("AM")), (Some("African IGF"), None)]);
/// assert_eq!(solutions.column("country"), Some(1));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Solutions {
    variables: Vec<Variable>,
    rows: Vec<Vec<Option<Term>>>,
}

impl Solutions {
    /// Solutions from variables and rows (each row as long as `variables`).
    pub fn new(variables: Vec<Variable>, rows: Vec<Vec<Option<Term>>>) -> Self {
        Self { variables, rows }
    }

    /// The projected variables, in order.
    pub fn variables(&self) -> &[Variable] {
        &self.variables
    }

    /// The rows.
    pub fn rows(&self) -> &[Vec<Option<Term>>] {
        &self.rows
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The index of a variable, by name without `?`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.variables.iter().position(|v| v.as_str() == name)
    }

    /// The rows as [`Solution`]s.
    pub fn iter(&self) -> Rows<'_> {
        Rows {
            variables: &self.variables,
            rows: self.rows.iter(),
        }
    }
}

impl<'a> IntoIterator for &'a Solutions {
    type Item = Solution<'a>;
    type IntoIter = Rows<'a>;

    /// The rows as [`Solution`]s, so that `for row in &solutions` reads them.
    fn into_iter(self) -> Rows<'a> {
        self.iter()
    }
}

/// The rows of [`Solutions`], each a [`Solution`], in order.
#[derive(Debug, Clone)]
pub struct Rows<'a> {
    variables: &'a [Variable],
    rows: std::slice::Iter<'a, Vec<Option<Term>>>,
}

impl<'a> Iterator for Rows<'a> {
    type Item = Solution<'a>;

    fn next(&mut self) -> Option<Solution<'a>> {
        let values = self.rows.next()?;
        Some(Solution {
            variables: self.variables,
            values,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.rows.size_hint()
    }
}

impl ExactSizeIterator for Rows<'_> {}

/// One row of [`Solutions`].
#[derive(Debug, Clone, Copy)]
pub struct Solution<'a> {
    variables: &'a [Variable],
    values: &'a [Option<Term>],
}

impl<'a> Solution<'a> {
    /// The value of a variable (by name without `?`), if bound.
    pub fn get(&self, name: &str) -> Option<&'a Term> {
        let index = self.variables.iter().position(|v| v.as_str() == name)?;
        self.values[index].as_ref()
    }

    /// The lexical value of a bound literal or the IRI of a named node.
    pub fn text(&self, name: &str) -> Option<&'a str> {
        match self.get(name)? {
            Term::Literal(l) => Some(l.value()),
            Term::NamedNode(n) => Some(n.as_str()),
            Term::BlankNode(b) => Some(b.as_str()),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// A bound literal parsed as an integer.
    pub fn integer(&self, name: &str) -> Option<i64> {
        match self.get(name)? {
            Term::Literal(l) => l.value().parse().ok(),
            _ => None,
        }
    }

    /// A bound literal parsed as a number (integer, decimal or double).
    pub fn number(&self, name: &str) -> Option<f64> {
        match self.get(name)? {
            Term::Literal(l) => l.value().parse().ok(),
            _ => None,
        }
    }
}

/// A standard format of query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// [SPARQL 1.1 CSV](https://www.w3.org/TR/sparql11-results-csv-tsv/).
    Csv,
    /// [SPARQL 1.1 TSV](https://www.w3.org/TR/sparql11-results-csv-tsv/).
    Tsv,
    /// [SPARQL 1.1 JSON](https://www.w3.org/TR/sparql11-results-json/).
    Json,
    /// [SPARQL 1.1 XML](https://www.w3.org/TR/rdf-sparql-XMLres/).
    Xml,
    /// An RDF format, for CONSTRUCT and DESCRIBE results.
    Rdf(ExportFormat),
}

impl OutputFormat {
    fn from_results_format(format: QueryResultsFormat) -> Self {
        match format {
            QueryResultsFormat::Csv => Self::Csv,
            QueryResultsFormat::Tsv => Self::Tsv,
            QueryResultsFormat::Xml => Self::Xml,
            _ => Self::Json,
        }
    }

    /// The format of a file extension, as Oxigraph's CLI infers it: `json`
    /// and `srj`, `xml` and `srx`, `csv`, `tsv`, then the RDF extensions
    /// (`ttl`, `nt`, `nq`, `trig`, `rdf`, `jsonld`) for CONSTRUCT results.
    /// (`txt` is the table of the command line, not one of these.)
    pub fn from_extension(extension: &str) -> Option<Self> {
        let extension = extension.to_ascii_lowercase();
        if extension == "txt" {
            return None;
        }
        QueryResultsFormat::from_extension(&extension)
            .map(Self::from_results_format)
            .or_else(|| ExportFormat::from_extension(&extension).map(Self::Rdf))
    }
}

impl FromStr for OutputFormat {
    type Err = String;

    /// A name (`json`; Jena's `srj`, `srx`), a media type
    /// (`application/sparql-results+json`), or an RDF format's name or
    /// media type for CONSTRUCT results.
    fn from_str(name: &str) -> Result<Self, String> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Ok(Self::Csv),
            "tsv" => Ok(Self::Tsv),
            "json" | "srj" => Ok(Self::Json),
            "xml" | "srx" => Ok(Self::Xml),
            other => QueryResultsFormat::from_media_type(other)
                .filter(|_| other.contains('/') && !other.starts_with("text/plain"))
                .map(Self::from_results_format)
                .map_or_else(|| other.parse().map(Self::Rdf), Ok)
                .map_err(|_| {
                    format!(
                        "unknown result format {name:?}; use csv, tsv, json (srj) or xml (srx) (or an RDF format for CONSTRUCT: turtle, ntriples, nquads, trig, rdfxml, jsonld), or a media type"
                    )
                }),
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Csv => f.write_str("csv"),
            Self::Tsv => f.write_str("tsv"),
            Self::Json => f.write_str("json"),
            Self::Xml => f.write_str("xml"),
            Self::Rdf(format) => format.fmt(f),
        }
    }
}

/// The outcome cannot be written in the format asked for.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteResultsError {
    /// A SELECT or ASK result asked for in an RDF format, or a graph in a
    /// result format.
    #[error("{kind} results cannot be written as {format}; use {fitting}")]
    Mismatch {
        /// What the query returned.
        kind: &'static str,
        /// The format asked for.
        format: OutputFormat,
        /// The formats that fit, as a list for a sentence (`csv, tsv, json or xml`).
        fitting: &'static str,
    },
    /// Writing failed.
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl From<std::io::Error> for WriteResultsError {
    fn from(error: std::io::Error) -> Self {
        Self::Export(ExportError::Io(error))
    }
}

/// Ends a JSON or XML document with a newline, as a file on a terminal and
/// in a diff should end (the serialisers stop at the closing brace or tag).
fn end_line<W: Write>(mut writer: W, format: OutputFormat) -> std::io::Result<W> {
    if matches!(format, OutputFormat::Json | OutputFormat::Xml) {
        writer.write_all(b"\n")?;
    }
    Ok(writer)
}

/// Writes a query outcome in a format.
///
/// # Errors
/// [`WriteResultsError::Mismatch`] when the format does not fit the kind of
/// result, and I/O errors.
pub fn write_outcome<W: Write>(
    outcome: &QueryOutcome,
    format: OutputFormat,
    base: &IriBase,
    writer: W,
) -> Result<W, WriteResultsError> {
    let results_format = match format {
        OutputFormat::Csv => Some(QueryResultsFormat::Csv),
        OutputFormat::Tsv => Some(QueryResultsFormat::Tsv),
        OutputFormat::Json => Some(QueryResultsFormat::Json),
        OutputFormat::Xml => Some(QueryResultsFormat::Xml),
        OutputFormat::Rdf(_) => None,
    };
    match (outcome, format) {
        (QueryOutcome::Solutions(solutions), _) => {
            let Some(results_format) = results_format else {
                return Err(WriteResultsError::Mismatch {
                    kind: "SELECT",
                    format,
                    fitting: "csv, tsv, json or xml",
                });
            };
            let mut serializer = QueryResultsSerializer::from_format(results_format)
                .serialize_solutions_to_writer(writer, solutions.variables.clone())?;
            for row in &solutions.rows {
                serializer.serialize(
                    solutions
                        .variables
                        .iter()
                        .zip(row)
                        .filter_map(|(v, t)| Some((v.as_ref(), t.as_ref()?.as_ref()))),
                )?;
            }
            Ok(end_line(serializer.finish()?, format)?)
        }
        (QueryOutcome::Boolean(value), _) => {
            let Some(results_format) = results_format else {
                return Err(WriteResultsError::Mismatch {
                    kind: "ASK",
                    format,
                    fitting: "csv, tsv, json or xml",
                });
            };
            let writer = QueryResultsSerializer::from_format(results_format)
                .serialize_boolean_to_writer(writer, *value)?;
            Ok(end_line(writer, format)?)
        }
        (QueryOutcome::Graph(triples), OutputFormat::Rdf(rdf)) => Ok(write_quads(
            base,
            &canonical_triples(base, triples),
            rdf,
            writer,
        )?),
        (QueryOutcome::Graph(_), _) => Err(WriteResultsError::Mismatch {
            kind: "CONSTRUCT and DESCRIBE",
            format,
            fitting: "turtle, ntriples, nquads, trig, rdfxml or jsonld",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    fn solutions() -> QueryOutcome {
        QueryOutcome::Solutions(Solutions::new(
            vec![
                Variable::new_unchecked("meeting"),
                Variable::new_unchecked("city"),
            ],
            vec![
                vec![
                    Some(NamedNode::new_unchecked("https://w3id.org/igfkg/id/meeting/2018").into()),
                    Some(Literal::new_language_tagged_literal_unchecked("Paris", "en").into()),
                ],
                vec![
                    Some(NamedNode::new_unchecked("https://w3id.org/igfkg/id/meeting/2020").into()),
                    None,
                ],
            ],
        ))
    }

    fn write(outcome: &QueryOutcome, format: OutputFormat) -> Result<String, WriteResultsError> {
        let bytes = write_outcome(outcome, format, &IriBase::default(), Vec::new())?;
        Ok(String::from_utf8(bytes).unwrap())
    }

    #[test]
    fn csv_and_json_follow_the_sparql_formats() {
        assert_eq!(
            write(&solutions(), OutputFormat::Csv).unwrap(),
            "meeting,city\r\nhttps://w3id.org/igfkg/id/meeting/2018,Paris\r\nhttps://w3id.org/igfkg/id/meeting/2020,\r\n"
        );
        let json = write(&solutions(), OutputFormat::Json).unwrap();
        assert!(
            json.starts_with(r#"{"head":{"vars":["meeting","city"]}"#) && json.ends_with("}\n"),
            "{json}"
        );
        assert_eq!(
            write(&QueryOutcome::Boolean(true), OutputFormat::Tsv).unwrap(),
            "true"
        );
    }

    #[test]
    fn mismatched_formats_are_refused_with_the_formats_that_fit() {
        let error = write(&solutions(), OutputFormat::Rdf(ExportFormat::Turtle)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "SELECT results cannot be written as turtle; use csv, tsv, json or xml"
        );
        let error = write(&QueryOutcome::Graph(vec![]), OutputFormat::Csv).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("use turtle, ntriples, nquads, trig, rdfxml or jsonld")
        );
    }

    #[test]
    fn a_table_is_not_a_standard_format() {
        assert!("table".parse::<OutputFormat>().is_err());
        for (name, format) in [
            ("srj", OutputFormat::Json),
            ("srx", OutputFormat::Xml),
            ("application/sparql-results+json", OutputFormat::Json),
            ("application/sparql-results+xml", OutputFormat::Xml),
            ("text/csv", OutputFormat::Csv),
            ("text/tab-separated-values", OutputFormat::Tsv),
            ("text/turtle", OutputFormat::Rdf(ExportFormat::Turtle)),
            (
                "application/ld+json",
                OutputFormat::Rdf(ExportFormat::JsonLd),
            ),
        ] {
            assert_eq!(name.parse::<OutputFormat>().unwrap(), format, "{name}");
        }
        for (extension, format) in [
            ("json", Some(OutputFormat::Json)),
            ("srj", Some(OutputFormat::Json)),
            ("srx", Some(OutputFormat::Xml)),
            ("xml", Some(OutputFormat::Xml)),
            ("tsv", Some(OutputFormat::Tsv)),
            ("ttl", Some(OutputFormat::Rdf(ExportFormat::Turtle))),
            ("jsonld", Some(OutputFormat::Rdf(ExportFormat::JsonLd))),
            ("txt", None),
            ("docx", None),
        ] {
            assert_eq!(
                OutputFormat::from_extension(extension),
                format,
                "{extension}"
            );
        }
    }
}
