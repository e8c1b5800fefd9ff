//! Reading RDF into the graph and writing it out: `insert`, `load`,
//! `load_file`, `export`.

use super::KnowledgeGraph;
use crate::error::{ExportError, StoreError};
use crate::export::{CanonicalOrder, ExportFormat, JsonLdContext, Snapshot};
use crate::split::parse_error;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, QuadRef};
use std::io::{Read, Write};
use std::path::Path;

impl KnowledgeGraph {
    /// Adds one quad (a quad already there is kept once). A quad in the default
    /// graph is seen by queries as the named graphs' are (queries read the
    /// union of all graphs).
    ///
    /// ```
    /// use igfkg_graph::KnowledgeGraph;
    /// use igfkg_graph::model::{GraphNameRef, LiteralRef, NamedNodeRef, QuadRef};
    ///
    /// let graph = KnowledgeGraph::new()?;
    /// let igf2018 = NamedNodeRef::new("https://w3id.org/igfkg/id/meeting/2018")?;
    /// let label = NamedNodeRef::new("http://www.w3.org/2000/01/rdf-schema#label")?;
    /// let quad = QuadRef::new(igf2018, label, LiteralRef::new_simple_literal("IGF 2018"), GraphNameRef::DefaultGraph);
    /// graph.insert(quad)?;
    /// graph.insert(quad)?; // already there: kept once
    /// assert_eq!(graph.len()?, 1);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// If the store fails.
    pub fn insert<'a>(&self, quad: impl Into<QuadRef<'a>>) -> Result<(), StoreError> {
        Ok(self.store.insert(quad)?)
    }

    /// Adds quads, in one transaction.
    ///
    /// # Errors
    /// If the store fails.
    pub fn extend(
        &self,
        quads: impl IntoIterator<Item = impl Into<Quad>>,
    ) -> Result<(), StoreError> {
        Ok(self.store.extend(quads)?)
    }

    /// Loads RDF in `format` from a reader (parsed whole before anything is
    /// inserted, so a syntax error leaves the graph as it was). Returns the
    /// number of quads read; triples of formats without graphs go to the
    /// default graph.
    ///
    /// ```
    /// use igfkg_graph::KnowledgeGraph;
    /// use igfkg_graph::model::RdfFormat;
    ///
    /// let graph = KnowledgeGraph::new()?;
    /// let turtle = r#"<https://w3id.org/igfkg/id/meeting/2018> <http://www.w3.org/2000/01/rdf-schema#label> "IGF 2018" ."#;
    /// assert_eq!(graph.load(RdfFormat::Turtle, turtle.as_bytes())?, 1);
    /// // A syntax error says where it is, and loads nothing.
    /// let error = graph.load(RdfFormat::Turtle, "<a> <b> .".as_bytes()).unwrap_err();
    /// assert!(error.to_string().starts_with("<input>:1:"), "{error}");
    /// assert_eq!(graph.len()?, 1);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`StoreError::Syntax`] with the line and column of the error, or a
    /// failure of the store or the reader.
    pub fn load(&self, format: RdfFormat, reader: impl Read) -> Result<usize, StoreError> {
        self.load_reader(format, reader, Path::new("<input>"))
    }

    /// Loads an RDF file (N-Quads, TriG, Turtle, N-Triples, RDF/XML or
    /// JSON-LD, by extension), such as the dump `igfkg build` writes. Triples
    /// of formats without graphs go to the default graph. Returns the number
    /// of quads read.
    ///
    /// # Errors
    /// [`StoreError::UnknownFormat`], [`StoreError::Io`], or
    /// [`StoreError::Syntax`] with the line and column of the error.
    pub fn load_file(&self, path: &Path) -> Result<usize, StoreError> {
        let format = ExportFormat::from_path(path).ok_or_else(|| StoreError::UnknownFormat {
            path: path.to_owned(),
        })?;
        let file = std::fs::File::open(path).map_err(|source| StoreError::Io {
            path: path.to_owned(),
            source,
        })?;
        self.load_reader(format.rdf_format(), std::io::BufReader::new(file), path)
    }

    /// Loads RDF from a reader; `path` names it in error messages.
    ///
    /// The quads stream from the parser into Oxigraph's bulk loader, in
    /// batches, and are committed together at the end: a syntax error
    /// leaves the graph as it was, and the whole input is never held as a
    /// list besides the store.
    ///
    /// # Errors
    /// See [`KnowledgeGraph::load_file`].
    pub fn load_reader(
        &self,
        format: RdfFormat,
        reader: impl Read,
        path: &Path,
    ) -> Result<usize, StoreError> {
        let mut count = 0;
        let mut loader = self.store.bulk_loader();
        let quads = RdfParser::from_format(format)
            .for_reader(reader)
            .inspect(|_| count += 1)
            .map(|quad| quad.map_err(|error| parse_error(path, error)));
        // Dropped uncommitted on an error, the loader rolls back.
        loader.load_ok_quads::<StoreError, StoreError>(quads)?;
        loader.commit()?;
        Ok(count)
    }

    /// Writes the whole graph in an RDF format, deterministically (see
    /// [`crate::export`]). Formats without named graphs get the union of all
    /// graphs.
    ///
    /// Each quad is read from the store once; besides the store, an export
    /// holds the distinct terms and about 50 bytes a quad while it sorts
    /// them ([`CanonicalOrder::write_all`]).
    ///
    /// # Errors
    /// If reading the store or writing fails.
    pub fn export<W: Write>(&self, format: ExportFormat, writer: W) -> Result<W, ExportError> {
        CanonicalOrder::new(&self.base).write_all(&self.base, self.store.iter(), format, writer)
    }

    /// Reads every quad of the store once into a [`Snapshot`], from which
    /// several exports are written as [`KnowledgeGraph::export`] writes
    /// each ([`Snapshot::write`]) without reading the store again.
    ///
    /// ```
    /// use igfkg_graph::{ExportFormat, KnowledgeGraph};
    /// use igfkg_graph::model::RdfFormat;
    ///
    /// let graph = KnowledgeGraph::new()?;
    /// let nquads = "<https://w3id.org/igfkg/id/meeting/2018> <http://www.w3.org/2000/01/rdf-schema#label> \"IGF 2018\" <https://w3id.org/igfkg/id/graph/a> .
    /// <https://w3id.org/igfkg/id/meeting/2018> <http://www.w3.org/2000/01/rdf-schema#label> \"IGF 2018\" <https://w3id.org/igfkg/id/graph/b> .";
    /// graph.load(RdfFormat::NQuads, nquads.as_bytes())?;
    /// let snapshot = graph.snapshot()?;
    /// let (_, quads) = snapshot.write(ExportFormat::NQuads, Vec::new())?;
    /// let (turtle, triples) = snapshot.write(ExportFormat::Turtle, Vec::new())?;
    /// assert_eq!((quads, triples), (2, 1));
    /// assert_eq!(turtle, graph.export(ExportFormat::Turtle, Vec::new())?);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// If reading the store fails.
    pub fn snapshot(&self) -> Result<Snapshot, ExportError> {
        CanonicalOrder::new(&self.base).read(&self.base, self.store.iter())
    }

    /// Writes the whole graph, named graphs kept, as compacted JSON-LD with
    /// igfkg's context ([`crate::export::write_jsonld`]): inline, as
    /// [`KnowledgeGraph::export`] does for [`ExportFormat::JsonLd`], or as a
    /// reference to a context file, as a release does. Returns the writer
    /// and the context's (prefix, namespace) pairs, for
    /// [`crate::export::write_context`].
    ///
    /// ```
    /// use igfkg_graph::KnowledgeGraph;
    /// use igfkg_graph::export::JsonLdContext;
    /// use igfkg_graph::model::RdfFormat;
    ///
    /// let graph = KnowledgeGraph::new()?;
    /// let nquads = "<https://w3id.org/igfkg/id/meeting/2018> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/igfkg/ontology#Meeting> <https://w3id.org/igfkg/id/graph/reference> .";
    /// graph.load(RdfFormat::NQuads, nquads.as_bytes())?;
    /// let (bytes, context) = graph.export_jsonld(JsonLdContext::Reference("igfkg.context.jsonld"), Vec::new())?;
    /// let text = String::from_utf8(bytes)?;
    /// assert!(text.contains(r#""@id": "meeting:2018""#) && text.contains(r#""@type": "igf:Meeting""#));
    /// assert_eq!(context[0], ("graph".to_owned(), "https://w3id.org/igfkg/id/graph/".to_owned()));
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// If reading the store or writing fails.
    pub fn export_jsonld<W: Write>(
        &self,
        context: JsonLdContext<'_>,
        writer: W,
    ) -> Result<(W, Vec<(String, String)>), ExportError> {
        CanonicalOrder::new(&self.base).write_all_jsonld(
            &self.base,
            self.store.iter(),
            context,
            writer,
        )
    }
}
