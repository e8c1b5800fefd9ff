//! A release folder: every serialisation of the graph, its canonical form
//! and checksum, the ontology and shapes, and a VoID + DCAT description.

use crate::canonical::{canonical_nquads, sha256sum_line};
pub use crate::release_error::ReleaseError;
use crate::swap::{MARKER, check_release_target, marker_text, swap_in};
use igfkg_graph::export::{
    JsonLdContext, canonical_order, used_prefixes, write_context, write_quads,
};
use igfkg_graph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use igfkg_graph::temp;
use igfkg_graph::vocab::{dcat, dcterms, rdf, rdfs, void, xsd};
use igfkg_graph::{ExportFormat, KnowledgeGraph, QueryOutcome};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The ontology igfkg's graph follows, as published in every release.
pub const ONTOLOGY: &str = include_str!("../../../ontology/igfkg.ttl");
/// The SHACL shapes every igfkg graph conforms to.
pub const SHAPES: &str = include_str!("../../../ontology/shapes.ttl");

/// The file names of a release.
pub mod files {
    /// Turtle (the union of all graphs).
    pub const TURTLE: &str = "igfkg.ttl";
    /// N-Triples (the union of all graphs).
    pub const NTRIPLES: &str = "igfkg.nt";
    /// JSON-LD (every named graph), referring to its context file.
    pub const JSONLD: &str = "igfkg.jsonld";
    /// The JSON-LD context.
    pub const CONTEXT: &str = "igfkg.context.jsonld";
    /// RDF/XML (the union of all graphs).
    pub const RDFXML: &str = "igfkg.rdf";
    /// The RDFC-1.0 canonical N-Quads (every named graph).
    pub const CANONICAL: &str = "igfkg.canonical.nq";
    /// The SHA-256 of the canonical N-Quads, in `sha256sum` format.
    pub const CHECKSUM: &str = "igfkg.canonical.nq.sha256";
    /// The ontology.
    pub const ONTOLOGY: &str = "ontology.ttl";
    /// The redirections for w3id.org, when a host is given.
    pub const HTACCESS: &str = ".htaccess";
    /// The SHACL shapes.
    pub const SHAPES: &str = "shapes.ttl";
    /// The VoID + DCAT description of the dataset.
    pub const DESCRIPTION: &str = "void.ttl";
}

/// What a release says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseOptions {
    /// Where the release's files will be published (a folder URL ending in
    /// `/`), for the distributions' download URLs.
    pub download_base: String,
    /// The SPARQL endpoint that serves the graph, if there is one.
    pub sparql_endpoint: Option<String>,
    /// The creation date (ISO 8601).
    pub created: String,
    /// The licence of the graph.
    pub license: String,
    /// The host that serves the graph (`https://igfkg.example.org/`): when
    /// given, the release holds the `.htaccess` that w3id.org needs to
    /// redirect the persistent IRIs to it.
    pub host: Option<String>,
    /// Replace an earlier release at the path (a folder with the
    /// [`MARKER`](crate::MARKER) file); without it, such a folder is an error.
    pub force: bool,
    /// The files the release is made from: a folder holding one of them is
    /// never replaced.
    pub inputs: Vec<PathBuf>,
}

impl Default for ReleaseOptions {
    fn default() -> Self {
        Self {
            download_base: "https://w3id.org/igfkg/release/latest/".to_owned(),
            sparql_endpoint: None,
            created: "1970-01-01".to_owned(),
            license: "https://creativecommons.org/licenses/by/4.0/".to_owned(),
            host: None,
            force: false,
            inputs: Vec::new(),
        }
    }
}

/// What a release wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// The release folder.
    pub dir: PathBuf,
    /// Each file with its size in bytes, in the order written.
    pub files: Vec<(String, u64)>,
    /// The SHA-256 of the canonical N-Quads.
    pub canonical_sha256: String,
    /// Distinct triples in the union of all graphs.
    pub triples: usize,
}

/// A distribution: file name, format name, media type.
const DISTRIBUTIONS: [(&str, &str, &str); 7] = [
    (files::TURTLE, "Turtle", "text/turtle"),
    (files::NTRIPLES, "N-Triples", "application/n-triples"),
    (files::JSONLD, "JSON-LD", "application/ld+json"),
    (files::RDFXML, "RDF/XML", "application/rdf+xml"),
    (
        files::CANONICAL,
        "N-Quads, RDFC-1.0 canonical form",
        "application/n-quads",
    ),
    (files::ONTOLOGY, "OWL ontology (Turtle)", "text/turtle"),
    (files::SHAPES, "SHACL shapes (Turtle)", "text/turtle"),
];

/// Writes a release of `graph` into `dir`.
///
/// Nothing is written when `dir` is a file, a folder that is neither empty
/// nor an igfkg release, a folder holding one of `options.inputs`, or an
/// earlier release without `options.force`. Every file is written into a
/// temporary folder beside `dir`, which then trades places with `dir` in
/// one step (see [`MARKER`](crate::MARKER) and the `swap` module): a
/// failure leaves any earlier release as it was.
///
/// # Errors
/// [`ReleaseError`] if the graph cannot be read or a file cannot be written.
pub fn write_release(
    graph: &KnowledgeGraph,
    dir: &Path,
    options: &ReleaseOptions,
) -> Result<Release, ReleaseError> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(ReleaseError::io(&parent))?;
    check_release_target(dir, options)?;
    temp::remove_stale(&parent);
    let staging = temp::builder(true)
        .tempdir_in(&parent)
        .map_err(ReleaseError::io(&parent))?;
    let _registration = temp::register(staging.path());
    let mut written: Vec<(String, u64)> = Vec::new();
    let folder = staging.path().to_owned();
    let write =
        |written: &mut Vec<(String, u64)>, name: &str, bytes: &[u8]| -> Result<(), ReleaseError> {
            let path = folder.join(name);
            std::fs::write(&path, bytes).map_err(ReleaseError::io(&path))?;
            written.push((name.to_owned(), bytes.len() as u64));
            Ok(())
        };
    let base = graph.base();
    for (name, format) in [
        (files::TURTLE, ExportFormat::Turtle),
        (files::NTRIPLES, ExportFormat::NTriples),
        (files::RDFXML, ExportFormat::RdfXml),
    ] {
        write(&mut written, name, &graph.export(format, Vec::new())?)?;
    }
    // JSON-LD: the dataset compacted with igfkg's context, which is a file
    // of its own that the document names (resolved beside it).
    let (jsonld, context) =
        graph.export_jsonld(JsonLdContext::Reference(files::CONTEXT), Vec::new())?;
    write(
        &mut written,
        files::CONTEXT,
        &write_context(&context, Vec::new())?,
    )?;
    write(&mut written, files::JSONLD, &jsonld)?;
    // The canonical form and its checksum.
    let nquads = String::from_utf8(graph.export(ExportFormat::NQuads, Vec::new())?)
        .map_err(ReleaseError::NotUtf8)?;
    let canonical = canonical_nquads(&nquads, "the graph")?;
    write(&mut written, files::CANONICAL, canonical.as_bytes())?;
    write(
        &mut written,
        files::CHECKSUM,
        sha256sum_line(canonical.as_bytes(), files::CANONICAL).as_bytes(),
    )?;
    let canonical_sha256 = crate::canonical::sha256_hex(canonical.as_bytes());
    if let Some(host) = &options.host {
        write(
            &mut written,
            files::HTACCESS,
            crate::htaccess::htaccess(host).as_bytes(),
        )?;
    }
    write(&mut written, files::ONTOLOGY, ONTOLOGY.as_bytes())?;
    write(&mut written, files::SHAPES, SHAPES.as_bytes())?;
    // The description, last: it states the other files' sizes.
    let union = canonical_order(base, graph.quads()?, false);
    let sizes: BTreeMap<String, u64> = written.iter().cloned().collect();
    let description = describe(graph, &union, &sizes, options)?;
    let description_quads = canonical_order(base, description, false);
    write(
        &mut written,
        files::DESCRIPTION,
        &write_quads(base, &description_quads, ExportFormat::Turtle, Vec::new())?,
    )?;

    // The marker, then the swap.
    write(&mut written, MARKER, marker_text().as_bytes())?;
    swap_in(&staging.keep(), dir)?;
    Ok(Release {
        dir: dir.to_owned(),
        files: written,
        canonical_sha256,
        triples: union.len(),
    })
}

/// The VoID + DCAT description of a release.
fn describe(
    graph: &KnowledgeGraph,
    union: &[Quad],
    sizes: &BTreeMap<String, u64>,
    options: &ReleaseOptions,
) -> Result<Vec<Quad>, ReleaseError> {
    let base = graph.base();
    let dataset = NamedNode::new_unchecked(format!("{}dataset", base.as_str()));
    let node = |path: &str| NamedNode::new_unchecked(format!("{}dataset/{path}", base.as_str()));
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: igfkg_graph::model::NamedNodeRef<'_>, o: Term| {
        quads.push(Quad::new(s.clone(), p, o, GraphName::DefaultGraph));
    };
    let text = |t: &str| -> Term { Literal::new_language_tagged_literal_unchecked(t, "en").into() };
    let integer =
        |n: u64| -> Term { Literal::new_typed_literal(n.to_string(), xsd::INTEGER).into() };
    let iri = |what: &'static str, value: &str| -> Result<Term, ReleaseError> {
        NamedNode::new(value)
            .map(Term::from)
            .map_err(|source| ReleaseError::Iri {
                what,
                value: value.to_owned(),
                source,
            })
    };

    add(&dataset, rdf::TYPE, void::Dataset.into());
    add(&dataset, rdf::TYPE, dcat::Dataset.into());
    add(
        &dataset,
        dcterms::title,
        text("igfkg: a knowledge graph of Internet Governance Forum outcomes"),
    );
    add(&dataset, rdfs::LABEL, text("igfkg"));
    add(
        &dataset,
        dcterms::description,
        text(
            "Meetings, themes, sessions, key messages, people, organisations, NRIs, stakeholder groups, topics and UN Sustainable Development Goals of the Internet Governance Forum, extracted from IGF outcome documents, with the provenance of every node and the relations between years.",
        ),
    );
    add(
        &dataset,
        dcterms::license,
        iri("the licence", &options.license)?,
    );
    add(
        &dataset,
        dcterms::created,
        Literal::new_typed_literal(&options.created, xsd::DATE).into(),
    );
    add(
        &dataset,
        void::uriSpace,
        Literal::new_simple_literal(base.as_str()).into(),
    );
    for keyword in [
        "Internet governance",
        "IGF",
        "Sustainable Development Goals",
        "linked data",
    ] {
        add(&dataset, dcat::keyword, text(keyword));
    }
    if let Some(endpoint) = &options.sparql_endpoint {
        add(
            &dataset,
            void::sparqlEndpoint,
            iri("the SPARQL endpoint", endpoint)?,
        );
    }

    // Size: triples, entities, classes and properties.
    let subjects: BTreeSet<String> = union.iter().map(|q| q.subject.to_string()).collect();
    let entities = union
        .iter()
        .filter_map(|q| match &q.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
            _ => None,
        })
        .collect::<BTreeSet<_>>()
        .len();
    add(&dataset, void::triples, integer(union.len() as u64));
    add(&dataset, void::entities, integer(entities as u64));
    add(
        &dataset,
        void::distinctSubjects,
        integer(subjects.len() as u64),
    );
    let mut classes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut properties: BTreeMap<String, u64> = BTreeMap::new();
    for quad in union {
        *properties
            .entry(quad.predicate.as_str().to_owned())
            .or_default() += 1;
        if quad.predicate == rdf::TYPE
            && let Term::NamedNode(class) = &quad.object
        {
            classes
                .entry(class.as_str().to_owned())
                .or_default()
                .insert(quad.subject.to_string());
        }
    }
    let local = |iri: &str| {
        iri.trim_end_matches(['#', '/'])
            .rsplit(['#', '/'])
            .next()
            .unwrap_or("")
            .to_owned()
    };
    let prefixes = igfkg_graph::Prefixes::new(base);
    let namespace_prefix = |iri: &str| prefixes.split(iri).map_or("other", |(p, _)| p);
    for (class, members) in &classes {
        let partition = node(&format!(
            "classes/{}-{}",
            namespace_prefix(class),
            local(class)
        ));
        add(&dataset, void::classPartition, partition.clone().into());
        add(&partition, void::class, iri("a class", class)?);
        add(&partition, void::entities, integer(members.len() as u64));
    }
    for (property, count) in &properties {
        let partition = node(&format!(
            "properties/{}-{}",
            namespace_prefix(property),
            local(property)
        ));
        add(&dataset, void::propertyPartition, partition.clone().into());
        add(&partition, void::property, iri("a property", property)?);
        add(&partition, void::triples, integer(*count));
    }
    for (_, namespace) in used_prefixes(base, union) {
        if !namespace.starts_with(base.as_str()) {
            add(
                &dataset,
                void::vocabulary,
                iri("a vocabulary namespace", &namespace)?,
            );
        }
    }

    // The source documents.
    if let QueryOutcome::Solutions(rows) = graph.query("SELECT DISTINCT ?document ?url WHERE { ?document a igf:SourceDocument OPTIONAL { ?document schema:url ?url } } ORDER BY ?document")? {
        for row in rows.iter() {
            if let Some(document) = row.get("document") {
                add(&dataset, dcterms::source, document.clone());
            }
            if let Some(url) = row.get("url") {
                add(&dataset, dcterms::source, url.clone());
            }
        }
    }

    // The distributions.
    for (file, title, media_type) in DISTRIBUTIONS {
        let distribution = node(&format!("distribution/{file}"));
        add(&dataset, dcat::distribution, distribution.clone().into());
        add(&distribution, rdf::TYPE, dcat::Distribution.into());
        add(&distribution, dcterms::title, text(title));
        add(
            &distribution,
            dcat::downloadURL,
            iri(
                "a download URL",
                &format!("{}{file}", options.download_base),
            )?,
        );
        add(
            &distribution,
            dcat::mediaType,
            iri(
                "a media type",
                &format!("https://www.iana.org/assignments/media-types/{media_type}"),
            )?,
        );
        if let Some(size) = sizes.get(file) {
            add(
                &distribution,
                dcat::byteSize,
                Literal::new_typed_literal(size.to_string(), xsd::NON_NEGATIVE_INTEGER).into(),
            );
        }
        if matches!(file, files::TURTLE | files::NTRIPLES) {
            add(
                &dataset,
                void::dataDump,
                iri(
                    "a download URL",
                    &format!("{}{file}", options.download_base),
                )?,
            );
        }
    }
    Ok(quads)
}
