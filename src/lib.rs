//! A knowledge graph of Internet Governance Forum outcomes.
//!
//! igfkg reads the documents the [IGF](https://www.intgovforum.org)
//! publishes — key messages, session reports, transcripts, programmes —
//! and builds an RDF graph of meetings, themes, sessions, messages, NRIs,
//! stakeholder groups, organisations, people, topics and the UN SDGs, each
//! node traced to the words it comes from. The graph lives in an
//! [Oxigraph](https://oxigraph.org) store ([`KnowledgeGraph`]), answers
//! SPARQL, and exports as Turtle, N-Quads, JSON-LD and the other RDF
//! formats. The repository's README covers the command-line tool, the data,
//! the ontology and the benchmarks; this page is the library's guide.
//!
//! # Build a graph
//!
//! A data directory holds `corpus.toml`, which lists the documents and the
//! parser of each, and the documents under it. Its `reference/` folder (the
//! meetings, the SDGs, the stakeholder groups, the topic scheme and the
//! registries of NRIs and organisations) is optional: without one, igfkg's
//! standard reference data, built into the library, is used. Here a corpus
//! of one document, the IGF 2017 messages, in a folder of its own:
//!
//! ```
//! use igfkg::{DataDir, KnowledgeGraph};
//!
//! let folder = tempfile::tempdir()?;
//! std::fs::create_dir(folder.path().join("sources"))?;
//! std::fs::copy(
//!     "data/sources/igf2017-messages.txt",
//!     folder.path().join("sources/igf2017-messages.txt"),
//! )?;
//! std::fs::write(
//!     folder.path().join("corpus.toml"),
//!     r#"
//! [[document]]
//! id = "igf2017-messages"
//! title = "IGF 2017 Messages"
//! publisher = "IGF Secretariat"
//! year = 2017
//! meeting = 2017
//! kind = "messages"
//! format = "messages-by-session"
//! path = "sources/igf2017-messages.txt"
//! licence = "IGF Secretariat"
//! "#,
//! )?;
//!
//! let graph = KnowledgeGraph::new()?;
//! let report = igfkg::build(&graph, &DataDir::new(folder.path()))?;
//! // The 2017 messages: 48 key messages under 8 session headings.
//! let document = &report.documents[0].extraction;
//! assert_eq!((document.sessions.len(), document.messages.len()), (8, 48));
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```
//!
//! [`Build`] takes options and a progress callback; [`BuildReport`] says
//! what each document gave, what was left out and how long each
//! [`Stage`] took.
//!
//! # Ask it questions
//!
//! [`KnowledgeGraph::query`] runs SPARQL, with igfkg's prefixes (`igf:`,
//! `skos:`, `topic:`, `message:` …) declared. The [`query`] module holds the
//! catalogue of cross-year questions, as SPARQL text and as typed functions:
//!
//! ```
//! use igfkg::{DataDir, KnowledgeGraph, QueryOutcome};
//!
//! let graph = KnowledgeGraph::new()?;
//! igfkg::build(&graph, &DataDir::new("data"))?;
//!
//! // How many key messages each year speaks of encryption.
//! let years: Vec<(i64, i64)> = igfkg::query::topic_timeline(&graph, "encryption")?
//!     .iter()
//!     .map(|year| (year.year, year.messages))
//!     .collect();
//! assert_eq!(years, [(2017, 1), (2018, 1), (2019, 1)]);
//!
//! let QueryOutcome::Solutions(rows) =
//!     graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?m a igf:Message ; igf:year 2018 }")?
//! else {
//!     unreachable!("a SELECT query gives solutions")
//! };
//! assert_eq!(rows.iter().next().and_then(|row| row.integer("n")), Some(52));
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```
//!
//! # Write it out
//!
//! [`KnowledgeGraph::export`] writes the graph in an [`ExportFormat`]; the
//! same graph always gives the same bytes. [`publish`] makes a release
//! (every format, a VoID description, SHACL validation), [`serve`] serves it
//! as a SPARQL endpoint and linked-data pages, and [`push`] loads it into a
//! triple store over the Graph Store Protocol.
//!
//! ```
//! use igfkg::{ExportFormat, KnowledgeGraph, rdf::RdfFormat};
//!
//! let graph = KnowledgeGraph::new()?;
//! graph.load(
//!     RdfFormat::Turtle,
//!     "<https://w3id.org/igfkg/id/meeting/2019> a <https://w3id.org/igfkg/ontology#Meeting> .".as_bytes(),
//! )?;
//! let turtle = String::from_utf8(graph.export(ExportFormat::Turtle, Vec::new())?)?;
//! assert!(turtle.contains("meeting:2019 a igf:Meeting"));
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

// The README's examples run as doctests too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub mod output;
pub mod pipeline;

pub use igfkg_graph::{
    EvidenceLevel, ExportFormat, IriBase, KnowledgeGraph, OutputFormat, QueryOutcome, Solution,
    Solutions, Stats, vocab,
};
pub use igfkg_ingest::Format;
pub use igfkg_sources::DataDir;
pub use pipeline::{
    Build, BuildError, BuildOptions, BuildReport, Corpus, ExtractedDocument, ParsedDocument,
    SkippedDocument, Stage, StageTime, Step, build, ingest_file,
};

/// The typed records: meetings, goals, stakeholder groups, themes,
/// sessions, messages, statements, people, roles, participation and facts.
pub mod model {
    pub use igfkg_model::*;
}

/// The RDF terms of igfkg's API (Oxigraph's), so users get one version of them.
pub mod rdf {
    pub use igfkg_graph::model::*;
}

/// Reading the data directory: manifest, source texts, reference data.
pub mod sources {
    pub use igfkg_sources::*;
}

/// The document parsers.
pub mod ingest {
    pub use igfkg_ingest::*;
}

/// The entity linker.
pub mod link {
    pub use igfkg_link::*;
}

/// Cross-year relations: message lineage and theme alignment.
pub mod relate {
    pub use igfkg_relate::*;
}

/// The catalogue of named cross-year questions.
pub mod query {
    pub use igfkg_query::*;
}

/// Releases, SHACL validation and diffs.
pub mod publish {
    pub use igfkg_publish::*;
}

/// The synthetic corpus of the scale benchmark.
pub mod synth {
    pub use igfkg_synth::*;
}

/// The linked-data server: SPARQL endpoint, Graph Store Protocol, dereferenceable IRIs, pages.
pub mod serve {
    pub use igfkg_serve::*;
}

/// The knowledge graph: RDF mapping, store, SPARQL, exports.
pub mod graph {
    pub use igfkg_graph::*;
}

/// Publishing the graph into a triple store over the SPARQL 1.1 Graph Store
/// Protocol: `igfkg push`.
pub mod push {
    pub use igfkg_push::*;
}
