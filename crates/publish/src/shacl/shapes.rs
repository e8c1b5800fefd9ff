//! Compiling a shapes graph into node shapes with their constraints,
//! refusing any SHACL term the checks do not implement.

use super::index::Index;
use super::{SH, ValidateError, display, number, sh};
use igfkg_graph::model::{NamedNode, Term};
use igfkg_graph::vocab::rdf;
use igfkg_graph::{ExportFormat, KnowledgeGraph};
use regex::Regex;

/// The constraints of a node or property shape.
#[derive(Debug, Clone, Default)]
pub(super) struct Constraints {
    pub(super) min_count: Option<usize>,
    pub(super) max_count: Option<usize>,
    pub(super) class: Vec<NamedNode>,
    pub(super) datatype: Option<NamedNode>,
    pub(super) node_kind: Option<NamedNode>,
    pub(super) pattern: Option<(String, Regex)>,
    pub(super) one_of: Option<Vec<Term>>,
    pub(super) min_inclusive: Option<f64>,
    pub(super) max_inclusive: Option<f64>,
    pub(super) unique_lang: bool,
    pub(super) or_classes: Option<Vec<NamedNode>>,
    pub(super) message: Option<String>,
}

/// A property shape on a predicate path.
#[derive(Debug, Clone)]
pub(super) struct PropertyShape {
    pub(super) id: String,
    pub(super) path: NamedNode,
    pub(super) constraints: Constraints,
}

/// What a node shape applies to.
#[derive(Debug, Clone)]
pub(super) enum Target {
    Class(NamedNode),
    SubjectsOf(NamedNode),
}

/// A node shape: its targets, its constraints and its property shapes.
#[derive(Debug, Clone)]
pub(super) struct NodeShape {
    pub(super) id: String,
    pub(super) targets: Vec<Target>,
    pub(super) constraints: Constraints,
    pub(super) properties: Vec<PropertyShape>,
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

/// Compiles the node shapes of a Turtle shapes graph, sorted by id.
pub(super) fn compile(turtle: &str) -> Result<Vec<NodeShape>, ValidateError> {
    let graph = KnowledgeGraph::new()?;
    graph
        .load_reader(
            ExportFormat::Turtle.rdf_format(),
            turtle.as_bytes(),
            "shapes.ttl".as_ref(),
        )
        .map_err(ValidateError::Syntax)?;
    let index = Index::new(graph.quads()?);
    for (subject, edges) in index.iter() {
        for (predicate, _) in edges {
            if let Some(local) = predicate.as_str().strip_prefix(SH)
                && !KNOWN.contains(&local)
            {
                return Err(ValidateError::Unsupported {
                    shape: display(subject),
                    term: local.to_owned(),
                });
            }
        }
    }
    let node_shape = sh("NodeShape");
    let mut shapes = Vec::new();
    let mut ids: Vec<&Term> = index
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
            let Some(Term::NamedNode(path)) = index.object(property, sh("path").as_ref()) else {
                return Err(ValidateError::PathNotPredicate {
                    shape: display(property),
                });
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
    Ok(shapes)
}

fn constraints(index: &Index, shape: &Term) -> Result<Constraints, ValidateError> {
    let get = |name: &str| index.object(shape, sh(name).as_ref());
    let count = |name: &str| get(name).and_then(number).map(|n| n as usize);
    let iri = |name: &str| match get(name) {
        Some(Term::NamedNode(n)) => Some(n.clone()),
        _ => None,
    };
    let pattern = match get("pattern") {
        Some(Term::Literal(l)) => Some((
            l.value().to_owned(),
            Regex::new(l.value()).map_err(|source| ValidateError::Pattern {
                shape: display(shape),
                pattern: l.value().to_owned(),
                source,
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
                        return Err(ValidateError::OrAlternative {
                            shape: display(shape),
                        });
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

#[cfg(test)]
mod tests {
    use super::*;

    const PREFIXES: &str =
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .\n";

    fn compile_error(shapes: &str) -> ValidateError {
        compile(&format!("{PREFIXES}{shapes}")).unwrap_err()
    }

    #[test]
    fn a_bad_pattern_is_named_with_its_shape() {
        let error = compile_error("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:pattern \"(\" .");
        assert!(
            matches!(&error, ValidateError::Pattern { shape, pattern, .. } if shape == "http://ex/S" && pattern == "("),
            "{error:?}"
        );
        assert!(
            error
                .to_string()
                .starts_with("http://ex/S: sh:pattern \"(\" is not a regular expression: "),
            "{error}"
        );
    }

    #[test]
    fn only_predicate_paths_and_class_alternatives_are_compiled() {
        let error = compile_error(
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:P . ex:P sh:path ( ex:a ex:b ) .",
        );
        assert!(
            matches!(&error, ValidateError::PathNotPredicate { shape } if shape == "http://ex/P"),
            "{error:?}"
        );
        let error = compile_error(
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:or ( [ sh:datatype ex:D ] ) .",
        );
        assert!(
            matches!(&error, ValidateError::OrAlternative { shape } if shape == "http://ex/S"),
            "{error:?}"
        );
    }

    #[test]
    fn a_syntax_error_keeps_its_position() {
        let error = compile("@prefix sh: <http://www.w3.org/ns/shacl#> .\nex:S a sh:NodeShape .")
            .unwrap_err();
        assert!(matches!(error, ValidateError::Syntax(_)), "{error:?}");
        assert!(
            error
                .to_string()
                .starts_with("invalid shapes: shapes.ttl:2:"),
            "{error}"
        );
    }
}
