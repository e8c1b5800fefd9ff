//! [JSON-LD 1.1](https://www.w3.org/TR/json-ld11/) in compacted form, with
//! igfkg's context: the one writer of `export --format jsonld` and of a
//! release's `igfkg.jsonld`.
//!
//! Oxigraph's JSON-LD serialiser (0.5) declares prefixes in `@context` but
//! writes every IRI in full and `rdf:type` as a property rather than
//! `@type`, so igfkg compacts here, from quads already in export order:
//!
//! - the context maps each prefix the document uses to its namespace (every
//!   namespace ends in `/` or `#`, so each is a prefix in JSON-LD 1.1's
//!   sense and `prefix:local` expands back);
//! - IRIs are written `prefix:local` where a known namespace starts them,
//!   whole otherwise; `rdf:type` becomes `@type`;
//! - a string is a JSON string, a language string `{"@value", "@language"}`,
//!   any other literal `{"@value", "@type"}` with its lexical form kept;
//! - one value is written alone, several as an array (the compaction
//!   algorithm's `compactArrays`);
//! - named graphs are `{"@id": graph, "@graph": [nodes]}` in the top-level
//!   `@graph`, after the default graph's nodes.
//!
//! Keys are written in a fixed order (`@id`, `@type`, then the predicates in
//! export order), so the bytes do not depend on how `serde_json` orders maps.

use super::prefixes::Prefixes;
use crate::error::ExportError;
use crate::iri::IriBase;
use crate::vocab::{rdf, xsd};
use oxigraph::model::{GraphNameRef, NamedOrBlankNodeRef, QuadRef, TermRef};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::collections::BTreeSet;
use std::io::Write;

/// Where a JSON-LD document's `@context` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonLdContext<'a> {
    /// Written in the document (`igfkg export --format jsonld`).
    Inline,
    /// A reference to a context file, resolved against the document's own
    /// IRI (a release's `igfkg.context.jsonld`, beside `igfkg.jsonld`).
    Reference(&'a str),
}

/// Writes `quads`, in export order with graphs kept, as a compacted JSON-LD
/// document, pretty-printed and ending in a newline. Returns the writer and
/// the context's prefixes (prefix, namespace), which a
/// [`JsonLdContext::Reference`] caller writes with [`write_context`].
///
/// # Errors
/// [`ExportError::Io`] if writing fails.
pub fn write_jsonld<W: Write>(
    base: &IriBase,
    quads: &[QuadRef<'_>],
    context: JsonLdContext<'_>,
    writer: W,
) -> Result<(W, Vec<(String, String)>), ExportError> {
    let prefixes = Prefixes::new(base);
    let used = used_prefixes(&prefixes, quads);
    let document = Document {
        names: Names { prefixes },
        context,
        used: &used,
        quads,
    };
    let writer = write_pretty(writer, &document)?;
    Ok((writer, used))
}

/// Writes a JSON-LD context file: `{"@context": {prefix: namespace…}}`,
/// pretty-printed and ending in a newline.
///
/// # Errors
/// [`ExportError::Io`] if writing fails.
pub fn write_context<W: Write>(prefixes: &[(String, String)], writer: W) -> Result<W, ExportError> {
    struct ContextFile<'a>(&'a [(String, String)]);
    impl Serialize for ContextFile<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(1))?;
            map.serialize_entry("@context", &PrefixMap(self.0))?;
            map.end()
        }
    }
    write_pretty(writer, &ContextFile(prefixes))
}

fn write_pretty<W: Write, T: Serialize>(writer: W, value: &T) -> Result<W, ExportError> {
    // serde_json writes a token at a time: through a buffer, the writer
    // (and a hash or progress bar around it) sees large writes.
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, writer);
    serde_json::to_writer_pretty(&mut buffered, value).map_err(std::io::Error::from)?;
    buffered.write_all(b"\n")?;
    Ok(buffered
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?)
}

/// The prefixes the compacted document writes: those of its IRIs and of
/// its literals' datatypes, except what `@type`, `@language` and plain
/// strings stand for.
fn used_prefixes(prefixes: &Prefixes, quads: &[QuadRef<'_>]) -> Vec<(String, String)> {
    let mut used = BTreeSet::new();
    let mut visit = |iri: &str| {
        if let Some((index, local)) = prefixes.find(iri)
            && compactable(local)
        {
            used.insert(index);
        }
    };
    for quad in quads {
        if let GraphNameRef::NamedNode(g) = quad.graph_name {
            visit(g.as_str());
        }
        if let NamedOrBlankNodeRef::NamedNode(s) = quad.subject {
            visit(s.as_str());
        }
        if quad.predicate != rdf::TYPE || !matches!(quad.object, TermRef::NamedNode(_)) {
            visit(quad.predicate.as_str());
        }
        match quad.object {
            TermRef::NamedNode(o) => visit(o.as_str()),
            TermRef::Literal(l) if !is_plain(l.datatype().as_str()) => visit(l.datatype().as_str()),
            _ => {}
        }
    }
    let mut used: Vec<(String, String)> = used
        .into_iter()
        .map(|i| {
            let (p, ns) = prefixes.entry(i);
            (p.to_owned(), ns.to_owned())
        })
        .collect();
    used.sort();
    used
}

/// Whether a literal of this datatype is written without it: a string is a
/// JSON string, a language string carries `@language`.
fn is_plain(datatype: &str) -> bool {
    datatype == xsd::STRING.as_str() || datatype == rdf::LANG_STRING.as_str()
}

/// Whether `prefix:local` reads back as the IRI: JSON-LD takes a value
/// whose suffix starts with `//` for an absolute IRI.
fn compactable(local: &str) -> bool {
    !local.starts_with("//")
}

/// Compacts IRIs with igfkg's prefixes.
struct Names {
    prefixes: Prefixes,
}

impl Names {
    fn iri<'a>(&self, iri: &'a str) -> std::borrow::Cow<'a, str> {
        match self.prefixes.split(iri) {
            Some((prefix, local)) if compactable(local) => format!("{prefix}:{local}").into(),
            _ => iri.into(),
        }
    }

    fn node<'a>(&self, node: NamedOrBlankNodeRef<'a>) -> std::borrow::Cow<'a, str> {
        match node {
            NamedOrBlankNodeRef::NamedNode(n) => self.iri(n.as_str()),
            NamedOrBlankNodeRef::BlankNode(b) => format!("_:{}", b.as_str()).into(),
        }
    }
}

/// `{prefix: namespace…}`, in prefix order.
struct PrefixMap<'a>(&'a [(String, String)]);

impl Serialize for PrefixMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (prefix, namespace) in self.0 {
            map.serialize_entry(prefix, namespace)?;
        }
        map.end()
    }
}

struct Document<'a> {
    names: Names,
    context: JsonLdContext<'a>,
    used: &'a [(String, String)],
    quads: &'a [QuadRef<'a>],
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        match self.context {
            JsonLdContext::Inline => map.serialize_entry("@context", &PrefixMap(self.used))?,
            JsonLdContext::Reference(file) => map.serialize_entry("@context", file)?,
        }
        map.serialize_entry("@graph", &TopLevel(self))?;
        map.end()
    }
}

/// The top-level `@graph`: the default graph's nodes, then one object per
/// named graph.
struct TopLevel<'a>(&'a Document<'a>);

impl Serialize for TopLevel<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let names = &self.0.names;
        let mut seq = serializer.serialize_seq(None)?;
        for graph in self.0.quads.chunk_by(|a, b| a.graph_name == b.graph_name) {
            match graph[0].graph_name {
                GraphNameRef::DefaultGraph => {
                    for node in graph.chunk_by(|a, b| a.subject == b.subject) {
                        seq.serialize_element(&Node { names, quads: node })?;
                    }
                }
                GraphNameRef::NamedNode(n) => seq.serialize_element(&NamedGraph {
                    names,
                    name: n.into(),
                    quads: graph,
                })?,
                GraphNameRef::BlankNode(b) => seq.serialize_element(&NamedGraph {
                    names,
                    name: b.into(),
                    quads: graph,
                })?,
            }
        }
        seq.end()
    }
}

struct NamedGraph<'a> {
    names: &'a Names,
    name: NamedOrBlankNodeRef<'a>,
    quads: &'a [QuadRef<'a>],
}

impl Serialize for NamedGraph<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Nodes<'a>(&'a Names, &'a [QuadRef<'a>]);
        impl Serialize for Nodes<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut seq = serializer.serialize_seq(None)?;
                for node in self.1.chunk_by(|a, b| a.subject == b.subject) {
                    seq.serialize_element(&Node {
                        names: self.0,
                        quads: node,
                    })?;
                }
                seq.end()
            }
        }
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("@id", &self.names.node(self.name))?;
        map.serialize_entry("@graph", &Nodes(self.names, self.quads))?;
        map.end()
    }
}

/// A node object: the statements of one subject in one graph.
struct Node<'a> {
    names: &'a Names,
    quads: &'a [QuadRef<'a>],
}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let names = self.names;
        let is_type =
            |q: &QuadRef<'_>| q.predicate == rdf::TYPE && !matches!(q.object, TermRef::Literal(_));
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("@id", &names.node(self.quads[0].subject))?;
        let types: Vec<&QuadRef<'_>> = self.quads.iter().filter(|q| is_type(q)).collect();
        if !types.is_empty() {
            let iris: Vec<_> = types
                .iter()
                .map(|q| match q.object {
                    TermRef::NamedNode(n) => names.iri(n.as_str()),
                    TermRef::BlankNode(b) => format!("_:{}", b.as_str()).into(),
                    TermRef::Literal(_) => unreachable!("filtered out"),
                })
                .collect();
            match iris.as_slice() {
                [one] => map.serialize_entry("@type", one)?,
                many => map.serialize_entry("@type", many)?,
            }
        }
        let rest: Vec<QuadRef<'_>> = self.quads.iter().copied().filter(|q| !is_type(q)).collect();
        for values in rest.chunk_by(|a, b| a.predicate == b.predicate) {
            let key = names.iri(values[0].predicate.as_str());
            let objects: Vec<Object<'_>> = values
                .iter()
                .map(|q| Object {
                    names,
                    term: q.object,
                })
                .collect();
            match objects.as_slice() {
                [one] => map.serialize_entry(&key, one)?,
                many => map.serialize_entry(&key, many)?,
            }
        }
        map.end()
    }
}

/// An object: a node reference or a value object, in compacted form.
struct Object<'a> {
    names: &'a Names,
    term: TermRef<'a>,
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.term {
            TermRef::NamedNode(n) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("@id", &self.names.iri(n.as_str()))?;
                map.end()
            }
            TermRef::BlankNode(b) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("@id", &format!("_:{}", b.as_str()))?;
                map.end()
            }
            TermRef::Literal(l) => {
                if let Some(language) = l.language() {
                    let mut map = serializer.serialize_map(Some(2))?;
                    map.serialize_entry("@value", l.value())?;
                    map.serialize_entry("@language", language)?;
                    map.end()
                } else if l.datatype() == xsd::STRING {
                    serializer.serialize_str(l.value())
                } else {
                    let mut map = serializer.serialize_map(Some(2))?;
                    map.serialize_entry("@value", l.value())?;
                    map.serialize_entry("@type", &self.names.iri(l.datatype().as_str()))?;
                    map.end()
                }
            }
            #[allow(unreachable_patterns)]
            _ => Err(serde::ser::Error::custom(
                "JSON-LD 1.1 has no form for RDF 1.2 triple terms",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::dataset::CanonicalizationAlgorithm;
    use oxigraph::model::{Dataset, GraphName, Literal, NamedNode, Quad};

    fn sample() -> Vec<Quad> {
        let base = IriBase::default();
        let node =
            |kind: &str, id: &str| NamedNode::new(format!("{}{kind}/{id}", base.as_str())).unwrap();
        let graph = GraphName::NamedNode(base.document_graph("igf2017-messages"));
        let m = node("message", "m1");
        vec![
            Quad::new(m.clone(), rdf::TYPE, vocab::igf::Message, graph.clone()),
            Quad::new(m.clone(), rdf::TYPE, vocab::prov::Entity, graph.clone()),
            Quad::new(
                m.clone(),
                vocab::rdfs::LABEL,
                Literal::new_language_tagged_literal("Cybersecurity", "en").unwrap(),
                graph.clone(),
            ),
            Quad::new(
                m.clone(),
                vocab::igf::text,
                Literal::new_simple_literal("Text"),
                graph.clone(),
            ),
            Quad::new(
                m.clone(),
                vocab::igf::year,
                Literal::new_typed_literal("2017", xsd::G_YEAR),
                graph.clone(),
            ),
            Quad::new(
                m.clone(),
                vocab::igf::topic,
                node("topic", "a"),
                graph.clone(),
            ),
            Quad::new(
                m.clone(),
                vocab::igf::topic,
                node("topic", "b"),
                graph.clone(),
            ),
            Quad::new(
                NamedNode::new("urn:x-other:1").unwrap(),
                vocab::rdfs::LABEL,
                Literal::new_simple_literal("other"),
                GraphName::DefaultGraph,
            ),
        ]
    }

    fn write(quads: &[Quad]) -> (String, Vec<(String, String)>) {
        let base = IriBase::default();
        let ordered = super::super::canonical_order(&base, quads.iter().cloned(), true);
        let refs: Vec<QuadRef<'_>> = ordered.iter().map(Quad::as_ref).collect();
        let (bytes, used) = write_jsonld(&base, &refs, JsonLdContext::Inline, Vec::new()).unwrap();
        (String::from_utf8(bytes).unwrap(), used)
    }

    #[test]
    fn compacts_with_the_prefixes_it_uses() {
        let (text, used) = write(&sample());
        assert!(text.ends_with("}\n"), "{text}");
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let context = json["@context"].as_object().unwrap();
        let prefixes: Vec<&str> = used.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            context.keys().map(String::as_str).collect::<Vec<_>>(),
            prefixes
        );
        // rdf: is not used: rdf:type is @type, the language string @language.
        assert_eq!(
            prefixes,
            ["graph", "igf", "message", "prov", "rdfs", "topic", "xsd"]
        );
        let graphs = json["@graph"].as_array().unwrap();
        assert_eq!(graphs[0]["@id"], "urn:x-other:1");
        assert_eq!(graphs[0]["rdfs:label"], "other");
        assert_eq!(graphs[1]["@id"], "graph:igf2017-messages");
        let node = &graphs[1]["@graph"][0];
        assert_eq!(node["@id"], "message:m1");
        assert_eq!(
            node["@type"],
            serde_json::json!(["igf:Message", "prov:Entity"])
        );
        assert_eq!(
            node["rdfs:label"],
            serde_json::json!({"@value": "Cybersecurity", "@language": "en"})
        );
        assert_eq!(node["igf:text"], "Text");
        assert_eq!(
            node["igf:year"],
            serde_json::json!({"@value": "2017", "@type": "xsd:gYear"})
        );
        assert_eq!(
            node["igf:topic"],
            serde_json::json!([{"@id": "topic:a"}, {"@id": "topic:b"}])
        );
    }

    #[test]
    fn reads_back_as_the_same_dataset() {
        let quads = sample();
        let (text, _) = write(&quads);
        let parsed: Dataset = RdfParser::from_format(RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        })
        .for_slice(text.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
        let mut parsed = parsed;
        let mut expected = Dataset::from_iter(quads);
        parsed.canonicalize(CanonicalizationAlgorithm::Unstable);
        expected.canonicalize(CanonicalizationAlgorithm::Unstable);
        assert_eq!(parsed, expected);
    }

    #[test]
    fn every_namespace_is_a_json_ld_prefix() {
        // JSON-LD 1.1 expands `p:x` only where p's IRI ends in a gen-delim.
        for (prefix, namespace) in Prefixes::new(&IriBase::default()).iter() {
            assert!(
                namespace.ends_with(['/', '#', ':', '?', '@', '[', ']']),
                "{prefix}: {namespace}"
            );
        }
    }

    #[test]
    fn a_reference_context_is_written_as_given() {
        let quads = sample();
        let refs: Vec<QuadRef<'_>> = quads.iter().map(Quad::as_ref).collect();
        let (bytes, used) = write_jsonld(
            &IriBase::default(),
            &refs,
            JsonLdContext::Reference("igfkg.context.jsonld"),
            Vec::new(),
        )
        .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["@context"], "igfkg.context.jsonld");
        let context: serde_json::Value =
            serde_json::from_slice(&write_context(&used, Vec::new()).unwrap()).unwrap();
        assert_eq!(context["@context"]["igf"], vocab::igf::NAMESPACE);
    }
}
