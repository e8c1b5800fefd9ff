//! RDF exports: Turtle, N-Triples, N-Quads, TriG, RDF/XML and JSON-LD, all
//! deterministic.
//!
//! Statements are sorted — by graph, then subject, then predicate (`rdf:type`
//! first, then labels, then by IRI), then object — so the same graph gives
//! the same bytes on every machine, and the Turtle groups each subject's
//! statements in one block that a person can review and diff. Only the
//! prefixes that the output uses are declared.

mod format;
mod jsonld;
mod layout;
mod order;
mod prefixes;

pub use format::{ExportFormat, UnknownFormat};
pub use jsonld::{JsonLdContext, write_context, write_jsonld};
pub use order::{CanonicalOrder, Snapshot, SnapshotBuilder, canonical_order, canonical_triples};
pub use prefixes::{PrefixScan, Prefixes, used_prefixes};

use crate::error::ExportError;
use crate::iri::IriBase;
use layout::Layout;
use oxigraph::io::{RdfSerializer, WriterQuadSerializer};
use oxigraph::model::{Quad, QuadRef};
use std::io::{BufWriter, Write};

/// Writes quads, already in [`canonical_order`], in `format`.
///
/// # Errors
/// [`ExportError::Io`] if writing fails.
pub fn write_quads<W: Write>(
    base: &IriBase,
    quads: &[Quad],
    format: ExportFormat,
    writer: W,
) -> Result<W, ExportError> {
    if format == ExportFormat::JsonLd {
        let quads: Vec<QuadRef<'_>> = quads.iter().map(Quad::as_ref).collect();
        return Ok(write_jsonld(base, &quads, JsonLdContext::Inline, writer)?.0);
    }
    let mut serializer = open_serializer(&used_prefixes(base, quads), format, writer)?;
    for quad in quads {
        serializer.serialize_quad(quad)?;
    }
    finish_serializer(serializer)
}

/// A serialiser of `format` that declares `prefixes` (where the format has
/// prefixes), and lays out Turtle and TriG (see `layout`); end it with
/// [`finish_serializer`].
///
/// The serialiser writes a term in many small pieces (a literal character
/// by character), so it writes into a buffer: `writer` and whatever wraps
/// it (a hash, a progress bar) see large writes.
pub(crate) fn open_serializer<W: Write>(
    prefixes: &[(String, String)],
    format: ExportFormat,
    writer: W,
) -> Result<WriterQuadSerializer<BufWriter<Layout<W>>>, ExportError> {
    let mut serializer = RdfSerializer::from_format(format.rdf_format());
    if !matches!(format, ExportFormat::NTriples | ExportFormat::NQuads) {
        for (prefix, namespace) in prefixes {
            serializer = serializer
                .with_prefix(prefix.clone(), namespace.clone())
                .map_err(|e| ExportError::Prefix(e.to_string()))?;
        }
    }
    let terse = matches!(format, ExportFormat::Turtle | ExportFormat::TriG);
    Ok(serializer.for_writer(BufWriter::with_capacity(
        1 << 16,
        Layout::new(writer, terse),
    )))
}

/// Ends a serialiser of [`open_serializer`]: writes what it holds back and
/// returns its writer, flushed.
pub(crate) fn finish_serializer<W: Write>(
    serializer: WriterQuadSerializer<BufWriter<Layout<W>>>,
) -> Result<W, ExportError> {
    let layout = serializer
        .finish()?
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    Ok(layout.finish()?)
}
