//! Splitting an RDF dataset file into one N-Triples file per named graph,
//! streaming: the form in which a named graph travels to another store
//! (the body of a SPARQL 1.1 Graph Store Protocol `PUT`), without ever
//! holding a whole graph in memory.

use crate::error::StoreError;
use crate::export::ExportFormat;
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode};
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

/// At most this many graph files are open at once; past it, all are
/// flushed and closed and reopened for appending when next written (an
/// N-Triples file has no header or footer, so appending is safe). It keeps
/// a dataset of thousands of graphs under the usual limit of 1024 open
/// files.
const MAX_OPEN_FILES: usize = 256;

/// One named graph of a dataset, written as N-Triples into a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphFile {
    /// The graph's name.
    pub graph: NamedNode,
    /// The N-Triples file that holds its triples.
    pub path: PathBuf,
    /// The number of triples written (the statements of the input in this
    /// graph, one line each).
    pub triples: u64,
    /// The size of the file in bytes.
    pub bytes: u64,
}

/// An error splitting a dataset into graph files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SplitError {
    /// The input could not be read or parsed.
    #[error(transparent)]
    Read(#[from] StoreError),
    /// The input's format has no named graphs.
    #[error("{}: {format} has no named graphs; give a dataset: the N-Quads dump `igfkg build` writes (out/igfkg.nq) or TriG", path.display())]
    NoGraphs {
        /// The input.
        path: PathBuf,
        /// Its format.
        format: ExportFormat,
    },
    /// A statement is in the default graph, which has no name to send.
    #[error("{}: statement {index} is in the default graph ({statement}); every statement must be in a named graph, as in the dumps `igfkg build` writes", path.display())]
    DefaultGraph {
        /// The input.
        path: PathBuf,
        /// The statement's position in the input, from 1.
        index: u64,
        /// The statement, in N-Quads.
        statement: String,
    },
    /// A statement is in a graph named by a blank node, which another store
    /// cannot name.
    #[error("{}: statement {index} is in a graph named by a blank node ({statement}); name the graph with an IRI", path.display())]
    BlankGraph {
        /// The input.
        path: PathBuf,
        /// The statement's position in the input, from 1.
        index: u64,
        /// The statement, in N-Quads.
        statement: String,
    },
    /// A graph file could not be written.
    #[error("{}: cannot write the graph file: {source}", path.display())]
    Write {
        /// The graph file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// The error of parsing an RDF file, with the file and the position.
pub(crate) fn parse_error(path: &Path, error: RdfParseError) -> StoreError {
    match error {
        RdfParseError::Io(source) => StoreError::Io {
            path: path.to_owned(),
            source,
        },
        RdfParseError::Syntax(error) => {
            let (line, column) = error
                .location()
                .map_or((0, 0), |l| (l.start.line + 1, l.start.column + 1));
            StoreError::Syntax {
                path: path.to_owned(),
                line,
                column,
                message: without_position(&error.to_string()).to_owned(),
            }
        }
    }
}

/// A parser's message without the position it starts with ("Parser error
/// at line 1 column 13: …"): the error names the position once, as
/// `path:line:column:`.
fn without_position(message: &str) -> &str {
    if message.starts_with("Parser error ")
        && let Some((_, rest)) = message.split_once(": ")
    {
        return rest;
    }
    message
}

struct Entry {
    graph: NamedNode,
    path: PathBuf,
    triples: u64,
    writer: Option<oxigraph::io::WriterQuadSerializer<BufWriter<File>>>,
}

impl Entry {
    fn close(&mut self) -> Result<(), SplitError> {
        if let Some(writer) = self.writer.take() {
            let write_error = |source| SplitError::Write {
                path: self.path.clone(),
                source,
            };
            writer
                .finish()
                .map_err(write_error)?
                .into_inner()
                .map_err(|e| write_error(e.into_error()))?;
        }
        Ok(())
    }
}

/// Reads a dataset (N-Quads, TriG or JSON-LD, by extension) statement by
/// statement and writes each named graph's triples as N-Triples into a file
/// of `dir` (`graph-00000.nt`, `graph-00001.nt`… in the order the graphs
/// first appear). Returns the files, sorted by graph name.
///
/// Memory stays small whatever the size of the input: statements are
/// written as they are read. The files are left in `dir` for the caller,
/// who owns the folder and removes it.
///
/// # Errors
/// [`SplitError::Read`] when the input cannot be read or parsed (with the
/// line and column), [`SplitError::NoGraphs`] for a format without named
/// graphs, [`SplitError::DefaultGraph`] or [`SplitError::BlankGraph`] for a
/// statement outside a named graph, [`SplitError::Write`] when `dir` cannot
/// be written.
pub fn split_by_graph(input: &Path, dir: &Path) -> Result<Vec<GraphFile>, SplitError> {
    let format = ExportFormat::from_path(input).ok_or_else(|| StoreError::UnknownFormat {
        path: input.to_owned(),
    })?;
    if !format.rdf_format().supports_datasets() {
        return Err(SplitError::NoGraphs {
            path: input.to_owned(),
            format,
        });
    }
    let file = File::open(input).map_err(|source| StoreError::Io {
        path: input.to_owned(),
        source,
    })?;
    let mut entries: Vec<Entry> = Vec::new();
    let mut index_of: HashMap<NamedNode, usize> = HashMap::new();
    let mut open = 0;
    let parser = RdfParser::from_format(format.rdf_format()).for_reader(BufReader::new(file));
    for (position, quad) in parser.enumerate() {
        let quad = quad.map_err(|e| parse_error(input, e))?;
        let graph = match &quad.graph_name {
            GraphName::NamedNode(graph) => graph,
            GraphName::DefaultGraph => {
                return Err(SplitError::DefaultGraph {
                    path: input.to_owned(),
                    index: position as u64 + 1,
                    statement: quad.to_string(),
                });
            }
            GraphName::BlankNode(_) => {
                return Err(SplitError::BlankGraph {
                    path: input.to_owned(),
                    index: position as u64 + 1,
                    statement: quad.to_string(),
                });
            }
        };
        let index = match index_of.get(graph) {
            Some(index) => *index,
            None => {
                let path = dir.join(format!("graph-{:05}.nt", entries.len()));
                entries.push(Entry {
                    graph: graph.clone(),
                    path,
                    triples: 0,
                    writer: None,
                });
                index_of.insert(graph.clone(), entries.len() - 1);
                entries.len() - 1
            }
        };
        if entries[index].writer.is_none() {
            if open == MAX_OPEN_FILES {
                for entry in &mut entries {
                    entry.close()?;
                }
                open = 0;
            }
            let entry = &mut entries[index];
            let file = File::options()
                .create(true)
                .append(true)
                .open(&entry.path)
                .map_err(|source| SplitError::Write {
                    path: entry.path.clone(),
                    source,
                })?;
            entry.writer = Some(
                RdfSerializer::from_format(RdfFormat::NTriples).for_writer(BufWriter::new(file)),
            );
            open += 1;
        }
        let entry = &mut entries[index];
        let writer = entry.writer.as_mut().expect("the writer was just opened");
        writer
            .serialize_triple(quad.as_ref())
            .map_err(|source| SplitError::Write {
                path: entry.path.clone(),
                source,
            })?;
        entry.triples += 1;
    }
    let mut files = Vec::with_capacity(entries.len());
    for mut entry in entries {
        entry.close()?;
        let bytes = std::fs::metadata(&entry.path)
            .map_err(|source| SplitError::Write {
                path: entry.path.clone(),
                source,
            })?
            .len();
        files.push(GraphFile {
            graph: entry.graph,
            path: entry.path,
            triples: entry.triples,
            bytes,
        });
    }
    files.sort_by(|a, b| a.graph.as_str().cmp(b.graph.as_str()));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(name: &str, text: &str) -> (tempfile::TempDir, Result<Vec<GraphFile>, SplitError>) {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join(name);
        std::fs::write(&input, text).unwrap();
        let out = dir.path().join("graphs");
        std::fs::create_dir(&out).unwrap();
        let result = split_by_graph(&input, &out);
        (dir, result)
    }

    #[test]
    fn each_graph_gets_its_triples_in_ntriples() {
        let (_dir, files) = split(
            "d.nq",
            "<http://e/s> <http://e/p> \"caf\\u00E9\"@fr <http://e/g2> .\n\
             <http://e/s> <http://e/p> <http://e/o> <http://e/g1> .\n\
             <http://e/s> <http://e/q> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://e/g2> .\n",
        );
        let files = files.unwrap();
        let names: Vec<_> = files.iter().map(|f| f.graph.as_str()).collect();
        assert_eq!(names, ["http://e/g1", "http://e/g2"]);
        assert_eq!(files[1].triples, 2);
        let g2 = std::fs::read_to_string(&files[1].path).unwrap();
        assert_eq!(
            g2,
            "<http://e/s> <http://e/p> \"café\"@fr .\n\
             <http://e/s> <http://e/q> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
        );
        assert_eq!(files[1].bytes, g2.len() as u64);
    }

    #[test]
    fn more_graphs_than_open_files_are_appended_to() {
        let text: String = (0..MAX_OPEN_FILES * 2 + 3)
            .flat_map(|round| {
                (0..2).map(move |g| {
                    format!(
                        "<http://e/s{round}> <http://e/p> <http://e/o> <http://e/g{}> .\n",
                        (round * 7 + g) % (MAX_OPEN_FILES + 5)
                    )
                })
            })
            .collect();
        let (_dir, files) = split("d.nq", &text);
        let files = files.unwrap();
        assert_eq!(files.len(), MAX_OPEN_FILES + 5);
        let total: u64 = files.iter().map(|f| f.triples).sum();
        assert_eq!(total as usize, text.lines().count());
        for file in &files {
            let lines = std::fs::read_to_string(&file.path).unwrap().lines().count();
            assert_eq!(lines as u64, file.triples, "{}", file.graph);
        }
    }

    #[test]
    fn statements_outside_named_graphs_are_refused() {
        let (_dir, result) = split(
            "d.nq",
            "<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n<http://e/s> <http://e/p> <http://e/o> .\n",
        );
        let message = result.unwrap_err().to_string();
        assert!(
            message.contains("statement 2 is in the default graph"),
            "{message}"
        );
        let (_dir, result) = split("d.ttl", "<http://e/s> <http://e/p> <http://e/o> .\n");
        assert!(matches!(result, Err(SplitError::NoGraphs { .. })));
        let (_dir, result) = split("d.nq", "<http://e/s> <http://e/p> <http://e/o> _:g .\n");
        assert!(matches!(
            result,
            Err(SplitError::BlankGraph { index: 1, .. })
        ));
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let (_dir, result) = split(
            "d.nq",
            "<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n<http://e/s> <http://e/p> .\n",
        );
        let message = result.unwrap_err().to_string();
        assert!(message.contains("d.nq:2:"), "{message}");
    }
}
