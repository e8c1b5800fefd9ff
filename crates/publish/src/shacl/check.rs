//! Checking each focus node of each shape against its constraints.

use super::index::{Index, Types};
use super::shapes::{Constraints, NodeShape, Target};
use super::{SH, Severity, Violation, display, number};
use igfkg_graph::model::{GraphName, NamedNode, Quad, Term};
use igfkg_graph::vocab::{rdf, xsd};
use std::collections::BTreeSet;

/// The violations of the data (its quads, graphs merged), sorted.
pub(super) fn violations(shapes: &[NodeShape], quads: Vec<Quad>) -> Vec<Violation> {
    let data = Index::new(
        quads
            .into_iter()
            .map(|q| Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)),
    );
    let types = Types::new(&data);
    let mut violations = BTreeSet::new();
    for shape in shapes {
        let mut focus_nodes: BTreeSet<String> = BTreeSet::new();
        let mut focus_terms: Vec<Term> = Vec::new();
        for target in &shape.targets {
            let found: Vec<Term> = match target {
                Target::Class(class) => types.instances(class),
                Target::SubjectsOf(property) => data
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
                              (shape_id, severity): (&str, Severity),
                              message: String| {
                violations.insert(Violation {
                    focus: display(focus),
                    path: path.map(|p| p.as_str().to_owned()),
                    value: value.map(display),
                    component: component.to_owned(),
                    shape: shape_id.to_owned(),
                    message,
                    severity,
                });
            };
            // Constraints on the focus node itself.
            check_values(
                &shape.constraints,
                std::slice::from_ref(focus),
                &types,
                &mut |value, component, message| {
                    report(
                        None,
                        value,
                        component,
                        (&shape.id, shape.constraints.severity),
                        message,
                    )
                },
            );
            for property in &shape.properties {
                let owner = (property.id.as_str(), property.constraints.severity);
                let values: Vec<Term> = data
                    .objects(focus, property.path.as_ref())
                    .cloned()
                    .collect();
                check_counts(
                    &property.constraints,
                    values.len(),
                    &mut |component, message| {
                        report(Some(&property.path), None, component, owner, message)
                    },
                );
                check_values(
                    &property.constraints,
                    &values,
                    &types,
                    &mut |value, component, message| {
                        report(Some(&property.path), value, component, owner, message)
                    },
                );
            }
        }
    }
    violations.into_iter().collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shacl::shapes::compile;
    use igfkg_graph::model::Literal;

    fn quad(s: &str, p: NamedNode, o: impl Into<Term>) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(format!("http://ex/{s}")),
            p,
            o,
            GraphName::DefaultGraph,
        )
    }

    fn ex(local: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("http://ex/{local}"))
    }

    #[test]
    fn counts_and_datatypes_are_checked_on_instances_of_subclasses_too() {
        let shapes = compile(
            "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
             @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
             ex:S a sh:NodeShape ; sh:targetClass ex:Meeting ;
                sh:property [ sh:path ex:year ; sh:minCount 1 ; sh:datatype xsd:integer ] .",
            "t.ttl".as_ref(),
        )
        .unwrap();
        let data = vec![
            quad("paris", rdf::TYPE.into(), ex("Meeting")),
            quad("paris", ex("year"), Literal::new_simple_literal("2018")),
            // An instance of a subclass is an instance of the class.
            quad("online", rdf::TYPE.into(), ex("VirtualMeeting")),
            quad("VirtualMeeting", rdfs_sub_class_of(), ex("Meeting")),
            quad("berlin", rdf::TYPE.into(), ex("Meeting")),
            quad(
                "berlin",
                ex("year"),
                Literal::new_typed_literal("2019", xsd::INTEGER),
            ),
        ];
        let found: Vec<(String, String, Option<String>)> = violations(&shapes, data)
            .into_iter()
            .map(|v| (v.focus, v.component, v.value))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "http://ex/online".to_owned(),
                    "MinCountConstraintComponent".to_owned(),
                    None
                ),
                (
                    "http://ex/paris".to_owned(),
                    "DatatypeConstraintComponent".to_owned(),
                    Some("\"2018\"".to_owned())
                ),
            ]
        );
    }

    fn rdfs_sub_class_of() -> NamedNode {
        igfkg_graph::vocab::rdfs::SUB_CLASS_OF.into_owned()
    }
}
