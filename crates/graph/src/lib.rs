#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod error;
pub mod export;
mod iri;
mod limits;
mod mapping;
mod protocol;
mod results;
pub mod split;
mod store;
mod target;
pub mod temp;
pub mod vocab;

pub use error::{ExportError, QueryError, StoreError};
pub use export::{ExportFormat, JsonLdContext, Prefixes, UnknownFormat};
pub use iri::{IriBase, IriBaseError};
pub use limits::{
    MAX_QUERY_BYTES, MAX_QUERY_NESTING, QUERY_STACK_BYTES, TIMEOUT_GRACE, check_query_text, watched,
};
pub use mapping::{EvidenceLevel, UnknownEvidenceLevel};
pub use protocol::{NodeDescription, QueryRequest, check_query, is_update};
pub use results::{
    OutputFormat, QueryOutcome, Rows, Solution, Solutions, WriteResultsError, write_outcome,
};
pub use split::{GraphFile, SplitError, split_by_graph};
pub use store::{ClassCount, KnowledgeGraph, Stats};
pub use target::{GraphQuads, GraphTarget, GraphWriter};

/// The RDF model types igfkg's API uses, re-exported from Oxigraph so that
/// users get the same version of them, with the RDF formats that
/// [`KnowledgeGraph::load`] reads.
pub mod model {
    pub use oxigraph::io::{JsonLdProfile, JsonLdProfileSet, RdfFormat};
    pub use oxigraph::model::*;
}
