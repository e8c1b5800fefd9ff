//! Compiling a shapes graph into node shapes with their constraints,
//! refusing any SHACL term the checks do not implement.

use super::index::Index;
use super::{SH, Severity, ValidateError, display, number, sh};
use igfkg_graph::model::{NamedNode, Term};
use igfkg_graph::vocab::rdf;
use igfkg_graph::{ExportFormat, KnowledgeGraph};
use regex::Regex;
use std::path::Path;

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
    pub(super) severity: Severity,
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

/// The node kinds of SHACL (`sh:nodeKind`'s values).
const NODE_KINDS: [&str; 6] = [
    "IRI",
    "Literal",
    "BlankNode",
    "BlankNodeOrIRI",
    "BlankNodeOrLiteral",
    "IRIOrLiteral",
];

/// Compiles the node shapes of a Turtle shapes graph, sorted by id;
/// `source` names the file in a syntax error. A shape with
/// `sh:deactivated true` is left out, as SHACL says.
pub(super) fn compile(turtle: &str, source: &Path) -> Result<Vec<NodeShape>, ValidateError> {
    let graph = KnowledgeGraph::new()?;
    graph
        .load_reader(ExportFormat::Turtle.rdf_format(), turtle.as_bytes(), source)
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
        let shape = Terms {
            index: &index,
            shape: id,
        };
        if shape.boolean("deactivated")? {
            continue;
        }
        let mut targets = Vec::new();
        for class in shape.iris("targetClass")? {
            targets.push(Target::Class(class));
        }
        for property in shape.iris("targetSubjectsOf")? {
            targets.push(Target::SubjectsOf(property));
        }
        let mut properties = Vec::new();
        for property in index.objects(id, sh("property").as_ref()) {
            let terms = Terms {
                index: &index,
                shape: property,
            };
            if terms.boolean("deactivated")? {
                continue;
            }
            let Some(Term::NamedNode(path)) = index.object(property, sh("path").as_ref()) else {
                return Err(ValidateError::PathNotPredicate {
                    shape: display(property),
                });
            };
            properties.push(PropertyShape {
                id: display(property),
                path: path.clone(),
                constraints: constraints(&terms)?,
            });
        }
        properties.sort_by(|a, b| (a.path.as_str(), &a.id).cmp(&(b.path.as_str(), &b.id)));
        shapes.push(NodeShape {
            id: display(id),
            targets,
            constraints: constraints(&shape)?,
            properties,
        });
    }
    Ok(shapes)
}

/// The values of the SHACL terms of one shape, each checked to be of the
/// kind SHACL gives it: a value of another kind is an error, never a
/// constraint silently dropped.
struct Terms<'a> {
    index: &'a Index,
    shape: &'a Term,
}

impl<'a> Terms<'a> {
    fn get(&self, name: &str) -> Option<&'a Term> {
        self.index.object(self.shape, sh(name).as_ref())
    }

    fn bad(&self, name: &str, value: &Term, expected: &str) -> ValidateError {
        ValidateError::BadValue {
            shape: display(self.shape),
            term: name.to_owned(),
            value: value.to_string(),
            expected: expected.to_owned(),
        }
    }

    /// `sh:minCount` and `sh:maxCount`: a non-negative integer.
    fn count(&self, name: &str) -> Result<Option<usize>, ValidateError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        match value {
            Term::Literal(l) if is_integer(l.datatype().as_str()) => l
                .value()
                .parse()
                .map(Some)
                .map_err(|_| self.bad(name, value, "a non-negative integer")),
            _ => Err(self.bad(name, value, "a non-negative integer")),
        }
    }

    /// `sh:minInclusive` and `sh:maxInclusive`: a number.
    fn number(&self, name: &str) -> Result<Option<f64>, ValidateError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        match value {
            Term::Literal(l) if is_number(l.datatype().as_str()) => number(value)
                .map(Some)
                .ok_or_else(|| self.bad(name, value, "a number")),
            _ => Err(self.bad(name, value, "a number")),
        }
    }

    /// Every value of a term that takes IRIs (`sh:class`, `sh:targetClass` …).
    fn iris(&self, name: &str) -> Result<Vec<NamedNode>, ValidateError> {
        self.index
            .objects(self.shape, sh(name).as_ref())
            .map(|value| match value {
                Term::NamedNode(n) => Ok(n.clone()),
                _ => Err(self.bad(name, value, "an IRI")),
            })
            .collect()
    }

    fn iri(&self, name: &str) -> Result<Option<NamedNode>, ValidateError> {
        Ok(self.iris(name)?.into_iter().next())
    }

    /// `sh:pattern` and `sh:message`: a string.
    fn text(&self, name: &str) -> Result<Option<&'a str>, ValidateError> {
        match self.get(name) {
            None => Ok(None),
            Some(Term::Literal(l)) if !is_number(l.datatype().as_str()) => Ok(Some(l.value())),
            Some(value) => Err(self.bad(name, value, "a string")),
        }
    }

    /// `sh:uniqueLang` and `sh:deactivated`: a boolean, false when absent.
    fn boolean(&self, name: &str) -> Result<bool, ValidateError> {
        match self.get(name) {
            None => Ok(false),
            Some(Term::Literal(l)) if l.value() == "true" || l.value() == "1" => Ok(true),
            Some(Term::Literal(l)) if l.value() == "false" || l.value() == "0" => Ok(false),
            Some(value) => Err(self.bad(name, value, "true or false")),
        }
    }

    /// `sh:severity`: sh:Violation (the default), sh:Warning or sh:Info.
    fn severity(&self) -> Result<Severity, ValidateError> {
        let Some(value) = self.get("severity") else {
            return Ok(Severity::Violation);
        };
        let local = match value {
            Term::NamedNode(n) => n.as_str().strip_prefix(SH),
            _ => None,
        };
        match local {
            Some("Violation") => Ok(Severity::Violation),
            Some("Warning") => Ok(Severity::Warning),
            Some("Info") => Ok(Severity::Info),
            _ => Err(self.bad("severity", value, "sh:Violation, sh:Warning or sh:Info")),
        }
    }
}

fn is_integer(datatype: &str) -> bool {
    datatype
        .strip_prefix("http://www.w3.org/2001/XMLSchema#")
        .is_some_and(|local| {
            matches!(
                local,
                "integer"
                    | "nonNegativeInteger"
                    | "positiveInteger"
                    | "long"
                    | "int"
                    | "short"
                    | "byte"
                    | "unsignedLong"
                    | "unsignedInt"
                    | "unsignedShort"
                    | "unsignedByte"
            )
        })
}

fn is_number(datatype: &str) -> bool {
    is_integer(datatype)
        || matches!(
            datatype.strip_prefix("http://www.w3.org/2001/XMLSchema#"),
            Some("decimal" | "double" | "float" | "negativeInteger" | "nonPositiveInteger")
        )
}

fn constraints(shape: &Terms<'_>) -> Result<Constraints, ValidateError> {
    let pattern = match shape.text("pattern")? {
        Some(pattern) => Some((
            pattern.to_owned(),
            Regex::new(pattern).map_err(|source| ValidateError::Pattern {
                shape: display(shape.shape),
                pattern: pattern.to_owned(),
                source,
            })?,
        )),
        None => None,
    };
    let list = |name: &str| match shape.get(name) {
        None => Ok(None),
        Some(head) => match shape.index.list(head) {
            Some(members) => Ok(Some(members)),
            None => Err(shape.bad(name, head, "an RDF list such as ( ex:a ex:b )")),
        },
    };
    let or_classes = match list("or")? {
        Some(alternatives) => {
            let mut classes = Vec::new();
            for alternative in alternatives {
                match shape.index.object(&alternative, sh("class").as_ref()) {
                    Some(Term::NamedNode(class)) => classes.push(class.clone()),
                    _ => {
                        return Err(ValidateError::OrAlternative {
                            shape: display(shape.shape),
                        });
                    }
                }
            }
            Some(classes)
        }
        None => None,
    };
    let node_kind = shape.iri("nodeKind")?;
    if let Some(kind) = &node_kind
        && !kind
            .as_str()
            .strip_prefix(SH)
            .is_some_and(|local| NODE_KINDS.contains(&local))
    {
        return Err(shape.bad(
            "nodeKind",
            &kind.clone().into(),
            "one of sh:IRI, sh:Literal, sh:BlankNode, sh:BlankNodeOrIRI, sh:BlankNodeOrLiteral, sh:IRIOrLiteral",
        ));
    }
    Ok(Constraints {
        min_count: shape.count("minCount")?,
        max_count: shape.count("maxCount")?,
        class: shape.iris("class")?,
        datatype: shape.iri("datatype")?,
        node_kind,
        pattern,
        one_of: list("in")?,
        min_inclusive: shape.number("minInclusive")?,
        max_inclusive: shape.number("maxInclusive")?,
        unique_lang: shape.boolean("uniqueLang")?,
        or_classes,
        message: shape.text("message")?.map(str::to_owned),
        severity: shape.severity()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREFIXES: &str =
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .\n";

    fn compile_error(shapes: &str) -> ValidateError {
        compile(&format!("{PREFIXES}{shapes}"), "my-shapes.ttl".as_ref()).unwrap_err()
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
        let error = compile(
            "@prefix sh: <http://www.w3.org/ns/shacl#> .\nex:S a sh:NodeShape .",
            "my-shapes.ttl".as_ref(),
        )
        .unwrap_err();
        assert!(matches!(error, ValidateError::Syntax(_)), "{error:?}");
        assert!(
            error
                .to_string()
                .starts_with("invalid shapes: my-shapes.ttl:2:"),
            "{error}"
        );
    }

    #[test]
    fn a_term_with_a_value_of_the_wrong_kind_is_refused() {
        let cases = [
            (
                "sh:property [ sh:path ex:p ; sh:minCount \"many\" ]",
                "sh:minCount \"many\" is not a non-negative integer",
            ),
            (
                "sh:property [ sh:path ex:p ; sh:maxCount -1 ]",
                "sh:maxCount \"-1\"^^<http://www.w3.org/2001/XMLSchema#integer> is not a non-negative integer",
            ),
            (
                "sh:property [ sh:path ex:p ; sh:datatype 42 ]",
                "sh:datatype \"42\"^^<http://www.w3.org/2001/XMLSchema#integer> is not an IRI",
            ),
            (
                "sh:property [ sh:path ex:p ; sh:class \"ex:C\" ]",
                "sh:class \"ex:C\" is not an IRI",
            ),
            (
                "sh:nodeKind ex:Iri",
                "sh:nodeKind <http://ex/Iri> is not one of sh:IRI",
            ),
            (
                "sh:property [ sh:path ex:p ; sh:minInclusive \"low\" ]",
                "sh:minInclusive \"low\" is not a number",
            ),
            (
                "sh:pattern 7",
                "sh:pattern \"7\"^^<http://www.w3.org/2001/XMLSchema#integer> is not a string",
            ),
            ("sh:in ex:a", "sh:in <http://ex/a> is not an RDF list"),
            (
                "sh:deactivated \"yes\"",
                "sh:deactivated \"yes\" is not true or false",
            ),
            (
                "sh:severity \"high\"",
                "sh:severity \"high\" is not sh:Violation, sh:Warning or sh:Info",
            ),
            (
                "sh:severity sh:Fatal",
                "sh:severity <http://www.w3.org/ns/shacl#Fatal> is not",
            ),
            (
                "sh:targetClass \"ex:C\"",
                "sh:targetClass \"ex:C\" is not an IRI",
            ),
        ];
        for (terms, expected) in cases {
            let error = compile_error(&format!(
                "ex:S a sh:NodeShape ; sh:targetClass ex:C ; {terms} ."
            ));
            assert!(
                matches!(error, ValidateError::BadValue { .. })
                    && error.to_string().contains(expected),
                "{terms}: {error}"
            );
        }
    }

    #[test]
    fn deactivated_shapes_are_left_out_and_severities_are_read() {
        let shapes = compile(
            &format!(
                "{PREFIXES}ex:Off a sh:NodeShape ; sh:targetClass ex:C ; sh:deactivated true ; \
                   sh:property [ sh:path ex:p ; sh:minCount 1 ] .
                 ex:On a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Warning ;
                   sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:severity sh:Info ] ,
                     [ sh:path ex:q ; sh:minCount 1 ; sh:deactivated true ] ,
                     [ sh:path ex:r ; sh:minCount 1 ] ."
            ),
            "my-shapes.ttl".as_ref(),
        )
        .unwrap();
        let ids: Vec<&str> = shapes.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["http://ex/On"]);
        let on = &shapes[0];
        assert_eq!(on.constraints.severity, Severity::Warning);
        let properties: Vec<(&str, Severity)> = on
            .properties
            .iter()
            .map(|p| (p.path.as_str(), p.constraints.severity))
            .collect();
        // A property shape has its own severity: sh:Violation unless it says.
        assert_eq!(
            properties,
            [
                ("http://ex/p", Severity::Info),
                ("http://ex/r", Severity::Violation)
            ]
        );
    }
}
