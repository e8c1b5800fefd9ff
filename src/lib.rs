#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod output;
pub mod pipeline;

pub use igfkg_graph::{
    EvidenceLevel, ExportFormat, IriBase, KnowledgeGraph, OutputFormat, QueryOutcome, Solution,
    Solutions, Stats, vocab,
};
pub use igfkg_ingest::Format;
pub use igfkg_sources::DataDir;
pub use pipeline::{
    Build, BuildError, BuildOptions, Corpus, ExtractedDocument, ParsedDocument, SkippedDocument,
    Step, build, build_with, ingest_file,
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
