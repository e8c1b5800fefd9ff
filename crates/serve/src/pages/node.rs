//! A node's page: its triples by name, its source quote, the panels of its
//! kind and the triples pointing at it.

use super::{App, Pages, cell, compact, href, kinds, labels, subject_term, triple_iris};
use igfkg_graph::NodeDescription;
use igfkg_graph::model::{NamedNode, NamedOrBlankNode, Term, Triple};
use igfkg_graph::vocab::{igf, oa, rdf};
use minijinja::{Value, context};
use oxhttp::model::{Body, Response};
use std::collections::{BTreeMap, HashMap};

impl Pages {
    pub(crate) fn node(
        &self,
        app: &App,
        iri: &NamedNode,
        description: &NodeDescription,
        page: usize,
    ) -> Response<Body> {
        let own: Vec<&Triple> = description
            .triples
            .iter()
            .filter(|t| matches!(&t.subject, NamedOrBlankNode::NamedNode(s) if s == iri))
            .collect();
        let labels = labels(app, description.all().flat_map(triple_iris));
        let mut classes = Vec::new();
        let mut class_nodes = Vec::new();
        let mut properties: BTreeMap<String, (String, Vec<Value>)> = BTreeMap::new();
        for triple in &own {
            if triple.predicate == rdf::TYPE {
                if let Term::NamedNode(class) = &triple.object {
                    class_nodes.push(class.clone());
                }
                classes.push(cell(app, Some(&triple.object), &labels));
                continue;
            }
            if triple.predicate == igf::sourceSpan {
                continue;
            }
            let name = compact(app, triple.predicate.as_str());
            properties
                .entry(name.clone())
                .or_insert_with(|| (href(app, triple.predicate.as_str()), Vec::new()))
                .1
                .push(cell(app, Some(&triple.object), &labels));
        }
        let properties: Vec<Value> = properties
            .into_iter()
            .map(|(text, (href, values))| context! { text, href, values })
            .collect();
        let mut incoming: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for triple in &description.incoming {
            incoming
                .entry(compact(app, triple.predicate.as_str()))
                .or_default()
                .push(cell(app, Some(&subject_term(&triple.subject)), &labels));
        }
        let incoming: Vec<Value> = incoming
            .into_iter()
            .map(|(text, values)| context! { text, values })
            .collect();
        let title = labels
            .get(iri.as_str())
            .cloned()
            .or_else(|| text_of(&own))
            .unwrap_or_else(|| compact(app, iri.as_str()));
        let local = format!(
            "{}{}",
            app.base_url(),
            href(app, iri.as_str()).trim_start_matches('/')
        );
        let alternates: Vec<Value> = [
            ("Turtle", "ttl", "text/turtle"),
            ("JSON-LD", "jsonld", "application/ld+json"),
            ("N-Triples", "nt", "application/n-triples"),
            ("RDF/XML", "rdf", "application/rdf+xml"),
        ]
        .into_iter()
        .map(|(name, ext, media)| context! { name, media, href => format!("{local}.{ext}") })
        .collect();
        let next = (page * app.options.incoming_page < description.incoming_total)
            .then(|| format!("{local}?page={}", page + 1));
        self.render(
            "node.html",
            context! {
                title, iri => iri.as_str(), classes, properties, incoming,
                incoming_total => description.incoming_total, next, alternates,
                quote => quote(app, iri, description, &labels),
                panels => kinds::panels(app, iri, &class_nodes),
            },
        )
    }
}

/// The text of a node without a label (a message's or statement's words).
fn text_of(own: &[&Triple]) -> Option<String> {
    own.iter()
        .find(|t| t.predicate == igf::headline || t.predicate == igf::text)
        .and_then(|t| match &t.object {
            Term::Literal(l) => {
                let text = l.value();
                Some(match text.char_indices().nth(90) {
                    Some((i, _)) => format!("{}…", &text[..i]),
                    None => text.to_owned(),
                })
            }
            _ => None,
        })
}

/// The exact source quote of a node, with its document and lines.
fn quote(
    app: &App,
    iri: &NamedNode,
    description: &NodeDescription,
    labels: &HashMap<String, String>,
) -> Option<Value> {
    let find = |subject: &str, predicate: igfkg_graph::model::NamedNodeRef<'_>| {
        description.triples.iter().find_map(|t| match &t.subject {
            NamedOrBlankNode::NamedNode(s) if s.as_str() == subject && t.predicate == predicate => {
                Some(t.object.clone())
            }
            _ => None,
        })
    };
    let Term::NamedNode(source) = find(iri.as_str(), igf::sourceSpan)? else {
        return None;
    };
    let exact = description
        .triples
        .iter()
        .find_map(|t| match (&t.subject, &t.object) {
            (NamedOrBlankNode::NamedNode(s), Term::Literal(l))
                if s.as_str()
                    .starts_with(source.as_str().trim_end_matches("source"))
                    && t.predicate == oa::exact =>
            {
                Some(l.value().to_owned())
            }
            _ => None,
        })?;
    let document = find(source.as_str(), oa::hasSource).map(|d| cell(app, Some(&d), labels));
    let line = |p| match find(source.as_str(), p) {
        Some(Term::Literal(l)) => Some(l.value().to_owned()),
        _ => None,
    };
    let lines = match (line(igf::startLine), line(igf::endLine)) {
        (Some(a), Some(b)) if a == b => Some(format!("line {a}")),
        (Some(a), Some(b)) => Some(format!("lines {a}–{b}")),
        _ => None,
    };
    Some(context! { exact, document, lines })
}
