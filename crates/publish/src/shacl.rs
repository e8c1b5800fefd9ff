//! SHACL validation of a graph against `ontology/shapes.ttl`, natively.
//!
//! igfkg's validator implements the parts of [SHACL Core](https://www.w3.org/TR/shacl/)
//! its shapes use: node shapes targeting a class (`sh:targetClass`) or the
//! subjects of a property (`sh:targetSubjectsOf`), with `sh:class`,
//! `sh:nodeKind` and `sh:pattern` on the focus node, and property shapes on
//! a predicate path with `sh:minCount`, `sh:maxCount`, `sh:class`,
//! `sh:datatype`, `sh:nodeKind`, `sh:pattern`, `sh:in`, `sh:minInclusive`,
//! `sh:maxInclusive`, `sh:uniqueLang`, `sh:or` (of class constraints) and
//! `sh:message`. A shapes graph that uses anything else is refused, rather
//! than silently checked in part.

use crate::PublishError;
use igfkg_graph::model::{GraphName, NamedNode, NamedNodeRef, Quad, Term};
use igfkg_graph::vocab::{rdf, rdfs, xsd};
use igfkg_graph::{ExportFormat, KnowledgeGraph};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

const SH: &str = "http://www.w3.org/ns/shacl#";

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

/// A constraint that a node of the graph does not satisfy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// The focus node.
    pub focus: String,
    /// The path of the property shape, if the constraint is on a property.
    pub path: Option<String>,
    /// The value that violates the constraint, if there is one.
    pub value: Option<String>,
    /// The constraint component (`MinCountConstraintComponent` …).
    pub component: String,
    /// The shape the constraint belongs to.
    pub shape: String,
    /// What is wrong.
    pub message: String,
}

#[derive(Debug, Clone, Default)]
struct Constraints {
    min_count: Option<usize>,
    max_count: Option<usize>,
    class: Vec<NamedNode>,
    datatype: Option<NamedNode>,
    node_kind: Option<NamedNode>,
    pattern: Option<(String, Regex)>,
    one_of: Option<Vec<Term>>,
    min_inclusive: Option<f64>,
    max_inclusive: Option<f64>,
    unique_lang: bool,
    or_classes: Option<Vec<NamedNode>>,
    message: Option<String>,
}

#[derive(Debug, Clone)]
struct PropertyShape {
    id: String,
    path: NamedNode,
    constraints: Constraints,
}

#[derive(Debug, Clone)]
enum Target {
    Class(NamedNode),
    SubjectsOf(NamedNode),
}

#[derive(Debug, Clone)]
struct NodeShape {
    id: String,
    targets: Vec<Target>,
    constraints: Constraints,
    properties: Vec<PropertyShape>,
}

/// A compiled shapes graph.
#[derive(Debug, Clone)]
pub struct Validator {
    shapes: Vec<NodeShape>,
}

/// Triples indexed by subject.
struct Index(HashMap<Term, Vec<(NamedNode, Term)>>);

impl Index {
    fn new(quads: impl IntoIterator<Item = Quad>) -> Self {
        let mut index: HashMap<Term, Vec<(NamedNode, Term)>> = HashMap::new();
        let mut seen = HashSet::new();
        for quad in quads {
            let key = (
                quad.subject.clone(),
                quad.predicate.clone(),
                quad.object.clone(),
            );
            if seen.insert(key) {
                index
                    .entry(quad.subject.into())
                    .or_default()
                    .push((quad.predicate, quad.object));
            }
        }
        Self(index)
    }

    fn objects<'a>(
        &'a self,
        subject: &Term,
        predicate: NamedNodeRef<'_>,
    ) -> impl Iterator<Item = &'a Term> + 'a {
        let predicate = predicate.into_owned();
        self.0
            .get(subject)
            .into_iter()
            .flatten()
            .filter(move |(p, _)| *p == predicate)
            .map(|(_, o)| o)
    }

    fn object<'a>(&'a self, subject: &Term, predicate: NamedNodeRef<'_>) -> Option<&'a Term> {
        self.objects(subject, predicate).next()
    }

    /// The members of an RDF list.
    fn list(&self, head: &Term) -> Vec<Term> {
        let mut items = Vec::new();
        let mut current = head.clone();
        while current != Term::from(rdf::NIL) && items.len() < 10_000 {
            let Some(first) = self.object(&current, rdf::FIRST) else {
                break;
            };
            items.push(first.clone());
            let Some(rest) = self.object(&current, rdf::REST) else {
                break;
            };
            current = rest.clone();
        }
        items
    }
}

fn display(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

/// The SHACL terms the validator understands on a shape.
const KNOWN: [&str; 22] = [
    "targetClass",
    "targetSubjectsOf",
    "property",
    "path",
    "minCount",
    "maxCount",
    "class",
    "datatype",
    "nodeKind",
    "pattern",
    "in",
    "minInclusive",
    "maxInclusive",
    "uniqueLang",
    "or",
    "message",
    "severity",
    "name",
    "description",
    "order",
    "group",
    "deactivated",
];

impl Validator {
    /// Compiles a shapes graph written in Turtle.
    ///
    /// # Errors
    /// [`PublishError::Shapes`] if the Turtle does not parse or the shapes
    /// use a SHACL feature the validator does not implement.
    pub fn from_turtle(turtle: &str) -> Result<Self, PublishError> {
        let graph = KnowledgeGraph::new()?;
        graph
            .load_reader(
                ExportFormat::Turtle.rdf_format(),
                turtle.as_bytes(),
                "shapes.ttl".as_ref(),
            )
            .map_err(|e| PublishError::Shapes(e.to_string()))?;
        let index = Index::new(graph.quads()?);
        for (subject, edges) in &index.0 {
            for (predicate, _) in edges {
                if let Some(local) = predicate.as_str().strip_prefix(SH)
                    && !KNOWN.contains(&local)
                {
                    return Err(PublishError::Shapes(format!(
                        "{}: sh:{local} is not supported by igfkg's validator",
                        display(subject)
                    )));
                }
            }
        }
        let node_shape = sh("NodeShape");
        let mut shapes = Vec::new();
        let mut ids: Vec<&Term> = index
            .0
            .iter()
            .filter(|(_, edges)| {
                edges
                    .iter()
                    .any(|(p, o)| p.as_ref() == rdf::TYPE && *o == Term::from(node_shape.clone()))
            })
            .map(|(s, _)| s)
            .collect();
        ids.sort_by_key(|t| t.to_string());
        for id in ids {
            let targets: Vec<Target> = index
                .objects(id, sh("targetClass").as_ref())
                .filter_map(|t| match t {
                    Term::NamedNode(n) => Some(Target::Class(n.clone())),
                    _ => None,
                })
                .chain(
                    index
                        .objects(id, sh("targetSubjectsOf").as_ref())
                        .filter_map(|t| match t {
                            Term::NamedNode(n) => Some(Target::SubjectsOf(n.clone())),
                            _ => None,
                        }),
                )
                .collect();
            let mut properties = Vec::new();
            for property in index.objects(id, sh("property").as_ref()) {
                let Some(Term::NamedNode(path)) = index.object(property, sh("path").as_ref())
                else {
                    return Err(PublishError::Shapes(format!(
                        "{}: only predicate paths (an IRI as sh:path) are supported",
                        display(property)
                    )));
                };
                properties.push(PropertyShape {
                    id: display(property),
                    path: path.clone(),
                    constraints: constraints(&index, property)?,
                });
            }
            properties.sort_by(|a, b| (a.path.as_str(), &a.id).cmp(&(b.path.as_str(), &b.id)));
            shapes.push(NodeShape {
                id: display(id),
                targets,
                constraints: constraints(&index, id)?,
                properties,
            });
        }
        Ok(Self { shapes })
    }

    /// The violations of a graph, sorted.
    ///
    /// # Errors
    /// If the graph cannot be read.
    pub fn validate(&self, graph: &KnowledgeGraph) -> Result<Vec<Violation>, PublishError> {
        let data = Index::new(
            graph
                .quads()?
                .into_iter()
                .map(|q| Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)),
        );
        let types = Types::new(&data);
        let mut violations = BTreeSet::new();
        for shape in &self.shapes {
            let mut focus_nodes: BTreeSet<String> = BTreeSet::new();
            let mut focus_terms: Vec<Term> = Vec::new();
            for target in &shape.targets {
                let found: Vec<Term> = match target {
                    Target::Class(class) => types.instances(class),
                    Target::SubjectsOf(property) => data
                        .0
                        .iter()
                        .filter(|(_, edges)| edges.iter().any(|(p, _)| p == property))
                        .map(|(s, _)| s.clone())
                        .collect(),
                };
                for term in found {
                    if focus_nodes.insert(term.to_string()) {
                        focus_terms.push(term);
                    }
                }
            }
            for focus in &focus_terms {
                let mut report = |path: Option<&NamedNode>,
                                  value: Option<&Term>,
                                  component: &str,
                                  shape_id: &str,
                                  message: String| {
                    violations.insert(Violation {
                        focus: display(focus),
                        path: path.map(|p| p.as_str().to_owned()),
                        value: value.map(display),
                        component: component.to_owned(),
                        shape: shape_id.to_owned(),
                        message,
                    });
                };
                // Constraints on the focus node itself.
                check_values(
                    &shape.constraints,
                    std::slice::from_ref(focus),
                    &types,
                    &mut |value, component, message| {
                        report(None, value, component, &shape.id, message)
                    },
                );
                for property in &shape.properties {
                    let values: Vec<Term> = data
                        .objects(focus, property.path.as_ref())
                        .cloned()
                        .collect();
                    check_counts(
                        &property.constraints,
                        values.len(),
                        &mut |component, message| {
                            report(Some(&property.path), None, component, &property.id, message)
                        },
                    );
                    check_values(
                        &property.constraints,
                        &values,
                        &types,
                        &mut |value, component, message| {
                            report(
                                Some(&property.path),
                                value,
                                component,
                                &property.id,
                                message,
                            )
                        },
                    );
                }
            }
        }
        Ok(violations.into_iter().collect())
    }
}

fn number(term: &Term) -> Option<f64> {
    match term {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}

fn constraints(index: &Index, shape: &Term) -> Result<Constraints, PublishError> {
    let get = |name: &str| index.object(shape, sh(name).as_ref());
    let count = |name: &str| get(name).and_then(number).map(|n| n as usize);
    let iri = |name: &str| match get(name) {
        Some(Term::NamedNode(n)) => Some(n.clone()),
        _ => None,
    };
    let pattern = match get("pattern") {
        Some(Term::Literal(l)) => Some((
            l.value().to_owned(),
            Regex::new(l.value()).map_err(|e| {
                PublishError::Shapes(format!("{}: sh:pattern: {e}", display(shape)))
            })?,
        )),
        _ => None,
    };
    let or_classes = match get("or") {
        Some(list) => {
            let mut classes = Vec::new();
            for alternative in index.list(list) {
                match index.object(&alternative, sh("class").as_ref()) {
                    Some(Term::NamedNode(class)) => classes.push(class.clone()),
                    _ => {
                        return Err(PublishError::Shapes(format!(
                            "{}: sh:or is supported with alternatives of one sh:class each",
                            display(shape)
                        )));
                    }
                }
            }
            Some(classes)
        }
        None => None,
    };
    Ok(Constraints {
        min_count: count("minCount"),
        max_count: count("maxCount"),
        class: index
            .objects(shape, sh("class").as_ref())
            .filter_map(|t| match t {
                Term::NamedNode(n) => Some(n.clone()),
                _ => None,
            })
            .collect(),
        datatype: iri("datatype"),
        node_kind: iri("nodeKind"),
        pattern,
        one_of: get("in").map(|list| index.list(list)),
        min_inclusive: get("minInclusive").and_then(number),
        max_inclusive: get("maxInclusive").and_then(number),
        unique_lang: matches!(get("uniqueLang"), Some(Term::Literal(l)) if l.value() == "true"),
        or_classes,
        message: match get("message") {
            Some(Term::Literal(l)) => Some(l.value().to_owned()),
            _ => None,
        },
    })
}

/// Instances of classes, with `rdfs:subClassOf` followed in the data graph.
struct Types {
    of: HashMap<Term, BTreeSet<String>>,
}

impl Types {
    fn new(data: &Index) -> Self {
        let mut superclasses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (subject, edges) in &data.0 {
            for (p, o) in edges {
                if p.as_ref() == rdfs::SUB_CLASS_OF {
                    superclasses
                        .entry(display(subject))
                        .or_default()
                        .insert(display(o));
                }
            }
        }
        let close = |class: &str| {
            let mut all = BTreeSet::from([class.to_owned()]);
            let mut todo = vec![class.to_owned()];
            while let Some(c) = todo.pop() {
                for s in superclasses.get(&c).into_iter().flatten() {
                    if all.insert(s.clone()) {
                        todo.push(s.clone());
                    }
                }
            }
            all
        };
        let mut of: HashMap<Term, BTreeSet<String>> = HashMap::new();
        for (subject, edges) in &data.0 {
            for (p, o) in edges {
                if p.as_ref() == rdf::TYPE {
                    of.entry(subject.clone())
                        .or_default()
                        .extend(close(&display(o)));
                }
            }
        }
        Self { of }
    }

    fn has(&self, node: &Term, class: &NamedNode) -> bool {
        self.of
            .get(node)
            .is_some_and(|t| t.contains(class.as_str()))
    }

    fn instances(&self, class: &NamedNode) -> Vec<Term> {
        let mut found: Vec<Term> = self
            .of
            .iter()
            .filter(|(_, t)| t.contains(class.as_str()))
            .map(|(n, _)| n.clone())
            .collect();
        found.sort_by_key(|t| t.to_string());
        found
    }
}

fn check_counts(c: &Constraints, count: usize, report: &mut impl FnMut(&str, String)) {
    if let Some(min) = c.min_count
        && count < min
    {
        report(
            "MinCountConstraintComponent",
            c.message
                .clone()
                .unwrap_or_else(|| format!("fewer than {min} values ({count})")),
        );
    }
    if let Some(max) = c.max_count
        && count > max
    {
        report(
            "MaxCountConstraintComponent",
            c.message
                .clone()
                .unwrap_or_else(|| format!("more than {max} values ({count})")),
        );
    }
}

fn check_values(
    c: &Constraints,
    values: &[Term],
    types: &Types,
    report: &mut impl FnMut(Option<&Term>, &str, String),
) {
    let message = |default: String| c.message.clone().unwrap_or(default);
    for value in values {
        for class in &c.class {
            if !types.has(value, class) {
                report(
                    Some(value),
                    "ClassConstraintComponent",
                    message(format!("value is not an instance of <{}>", class.as_str())),
                );
            }
        }
        if let Some(datatype) = &c.datatype {
            let ok = match value {
                Term::Literal(l) => {
                    if datatype.as_ref() == rdf::LANG_STRING {
                        l.language().is_some()
                    } else if datatype.as_ref() == xsd::STRING {
                        l.language().is_none() && l.datatype() == xsd::STRING
                    } else {
                        l.datatype() == datatype.as_ref()
                    }
                }
                _ => false,
            };
            if !ok {
                report(
                    Some(value),
                    "DatatypeConstraintComponent",
                    message(format!(
                        "value does not have datatype <{}>",
                        datatype.as_str()
                    )),
                );
            }
        }
        if let Some(kind) = &c.node_kind {
            let ok = match kind.as_str().strip_prefix(SH).unwrap_or("") {
                "IRI" => matches!(value, Term::NamedNode(_)),
                "Literal" => matches!(value, Term::Literal(_)),
                "BlankNode" => matches!(value, Term::BlankNode(_)),
                "BlankNodeOrIRI" => !matches!(value, Term::Literal(_)),
                "BlankNodeOrLiteral" => !matches!(value, Term::NamedNode(_)),
                "IRIOrLiteral" => !matches!(value, Term::BlankNode(_)),
                _ => true,
            };
            if !ok {
                report(
                    Some(value),
                    "NodeKindConstraintComponent",
                    message(format!("value is not of node kind <{}>", kind.as_str())),
                );
            }
        }
        if let Some((pattern, regex)) = &c.pattern {
            let text = match value {
                Term::NamedNode(n) => Some(n.as_str()),
                Term::Literal(l) => Some(l.value()),
                _ => None,
            };
            if !text.is_some_and(|t| regex.is_match(t)) {
                report(
                    Some(value),
                    "PatternConstraintComponent",
                    message(format!("value does not match {pattern:?}")),
                );
            }
        }
        if let Some(allowed) = &c.one_of
            && !allowed.contains(value)
        {
            report(
                Some(value),
                "InConstraintComponent",
                message("value is not one of the allowed values".to_owned()),
            );
        }
        if let Some(min) = c.min_inclusive
            && !number(value).is_some_and(|n| n >= min)
        {
            report(
                Some(value),
                "MinInclusiveConstraintComponent",
                message(format!("value is not at least {min}")),
            );
        }
        if let Some(max) = c.max_inclusive
            && !number(value).is_some_and(|n| n <= max)
        {
            report(
                Some(value),
                "MaxInclusiveConstraintComponent",
                message(format!("value is not at most {max}")),
            );
        }
        if let Some(classes) = &c.or_classes
            && !classes.iter().any(|class| types.has(value, class))
        {
            report(
                Some(value),
                "OrConstraintComponent",
                message("value conforms to none of the alternatives".to_owned()),
            );
        }
    }
    if c.unique_lang {
        let mut seen = BTreeSet::new();
        for value in values {
            if let Term::Literal(l) = value
                && let Some(language) = l.language()
                && !seen.insert(language.to_owned())
            {
                report(
                    None,
                    "UniqueLangConstraintComponent",
                    message(format!("more than one value in language {language:?}")),
                );
            }
        }
    }
}
