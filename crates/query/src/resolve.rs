//! A parameter's value as a user writes it — an id (`encryption`), a name
//! as tables print it (`topic:encryption`), a full IRI, a label ("Net
//! neutrality"), `SDG9` — turned into the RDF term it stands for.
//!
//! It happens in two steps. [`Param::parse`] needs no graph: it reads the
//! value's form, so a malformed value is refused before any data is loaded.
//! [`Param::resolve`] then checks the node against the graph (and finds a
//! label's node), and an unknown value is an error that lists the closest
//! names the graph has.

use crate::{CatalogueError, Param, ParamKind};
use igfkg_graph::model::{Literal, NamedNode, Term};
use igfkg_graph::vocab::{igf, sdgo};
use igfkg_graph::{IriBase, KnowledgeGraph, Prefixes, QueryOutcome};
use igfkg_model::{NodeId, NodeKind, goal_iri, slugify};
use std::collections::BTreeMap;

/// A parameter's value as read without a graph.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Value {
    /// The term the value names: final for text and years, to be found in
    /// the graph for nodes.
    Term(Term),
    /// A label, whose node only the graph knows.
    Label(String),
}

/// How many of the closest names an unknown value's error lists.
const CLOSEST: usize = 3;

impl ParamKind {
    /// The class of the nodes a value of this kind names, if it names nodes.
    fn class(self) -> Option<NamedNode> {
        match self {
            Self::Topic => Some(igf::Topic.into_owned()),
            Self::Goal => Some(sdgo::Goal.into_owned()),
            Self::Message => Some(igf::Message.into_owned()),
            Self::Document => Some(igf::SourceDocument.into_owned()),
            Self::Text | Self::Year => None,
        }
    }

    /// The kind of node whose slug a bare id is.
    fn node_kind(self) -> Option<NodeKind> {
        match self {
            Self::Topic => Some(NodeKind::Topic),
            Self::Document => Some(NodeKind::Document),
            Self::Message => Some(NodeKind::Message),
            _ => None,
        }
    }
}

impl Param {
    fn invalid(&self, value: &str, reason: &str) -> CatalogueError {
        CatalogueError::InvalidValue {
            param: self.name.clone(),
            value: value.to_owned(),
            kind: self.kind,
            reason: reason.to_owned(),
        }
    }

    /// Reads a value without a graph: what term it names, or the label to
    /// look up.
    ///
    /// ```
    /// use igfkg_graph::IriBase;
    /// use igfkg_query::{Value, question};
    ///
    /// let base = IriBase::default();
    /// let topic = &question("topic-timeline")?.params[0];
    /// let iri = "<https://w3id.org/igfkg/id/topic/encryption>";
    /// for form in ["encryption", "topic:encryption", &iri[1..iri.len() - 1], iri] {
    ///     assert!(matches!(topic.parse(&base, form)?, Value::Term(t) if t.to_string() == iri));
    /// }
    /// assert_eq!(topic.parse(&base, "Net neutrality")?, Value::Label("Net neutrality".into()));
    /// let goal = &question("sdg-nodes")?.params[0];
    /// for form in ["9", "SDG9", "SDG 9", "Goal 9", "sdg:9"] {
    ///     assert!(matches!(goal.parse(&base, form)?, Value::Term(t) if t.to_string() == "<http://metadata.un.org/sdg/9>"));
    /// }
    /// assert!(goal.parse(&base, "SDG18").is_err());
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`CatalogueError::InvalidValue`] if the value cannot be of the kind
    /// (a year that is not a number, a goal outside 1 to 17, a prefix that
    /// is not declared, an IRI that is not valid).
    pub fn parse(&self, base: &IriBase, value: &str) -> Result<Value, CatalogueError> {
        let value = value.trim();
        match self.kind {
            ParamKind::Text => Ok(Value::Term(Literal::new_simple_literal(value).into())),
            ParamKind::Year => value
                .parse::<i64>()
                .map(|year| Value::Term(Literal::from(year).into()))
                .map_err(|_| self.invalid(value, "give a year such as 2018")),
            ParamKind::Goal => {
                if let Some(number) = goal_number(value) {
                    return match number.parse::<u8>() {
                        Ok(n @ 1..=17) => Ok(Value::Term(
                            NamedNode::new_unchecked(goal_iri(&n.to_string())).into(),
                        )),
                        _ => Err(self.invalid(value, "a goal number is 1 to 17")),
                    };
                }
                self.node(base, value)
            }
            ParamKind::Topic | ParamKind::Document | ParamKind::Message => self.node(base, value),
        }
    }

    /// A node's value: `<IRI>`, `prefix:local`, an absolute IRI, an id, or
    /// else a label.
    fn node(&self, base: &IriBase, value: &str) -> Result<Value, CatalogueError> {
        if value.is_empty() {
            return Err(self.invalid(value, "the value is empty"));
        }
        let iri = |text: &str| {
            NamedNode::new(text)
                .map(|n| Value::Term(n.into()))
                .map_err(|e| self.invalid(value, &e.to_string()))
        };
        if let Some(inner) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
            return iri(inner);
        }
        let prefixes = Prefixes::new(base);
        if let Some((prefix, local)) = value.split_once(':')
            && !local.starts_with("//")
            && !value.contains(char::is_whitespace)
        {
            // Otherwise `prefix` is a scheme (urn:, tag:) and the value an
            // absolute IRI, or a typo that the graph will not know.
            return match prefixes.expand(prefix, local) {
                Some(expanded) => iri(&expanded),
                None => iri(value),
            };
        }
        if value.contains("://") {
            return iri(value);
        }
        if let Some(kind) = self.kind.node_kind()
            && slugify(value) == value
        {
            return Ok(Value::Term(base.node(&NodeId::slug(kind, value)).into()));
        }
        Ok(Value::Label(value.to_owned()))
    }

    /// The term a value stands for in `graph`: a node of the kind's class
    /// that the graph has, found by IRI or by label.
    ///
    /// # Errors
    /// As [`Param::parse`]; [`CatalogueError::UnknownValue`] with the
    /// closest names when the graph has no such node, and
    /// [`CatalogueError::Query`] if the store fails.
    pub fn resolve(&self, graph: &KnowledgeGraph, value: &str) -> Result<Term, CatalogueError> {
        let parsed = self.parse(graph.base(), value)?;
        let Some(class) = self.kind.class() else {
            return match parsed {
                Value::Term(term) => Ok(term),
                Value::Label(label) => Ok(Literal::new_simple_literal(label).into()),
            };
        };
        if let Value::Term(Term::NamedNode(node)) = &parsed {
            let ask = format!("ASK {{ {node} a {class} }}");
            if let QueryOutcome::Boolean(true) = graph.query(&ask)? {
                return Ok(node.clone().into());
            }
        }
        let candidates = Candidates::of(graph, &class)?;
        if let Value::Label(label) = &parsed {
            let found = candidates.with_label(label);
            match found.as_slice() {
                [node] => return Ok((*node).clone().into()),
                [] => {}
                several => {
                    return Err(self.invalid(
                        value,
                        &format!(
                            "several {}s have this label: {}; give one by its id",
                            self.kind,
                            candidates.describe(several.iter().copied())
                        ),
                    ));
                }
            }
        }
        Err(CatalogueError::UnknownValue {
            param: self.name.clone(),
            value: value.to_owned(),
            kind: self.kind,
            closest: candidates.describe(candidates.closest(value)),
        })
    }
}

/// `9` of `9`, `SDG9`, `SDG 9`, `sdg-9`, `Goal 9`: the number of a goal as
/// people write it.
fn goal_number(value: &str) -> Option<&str> {
    let lower = value.to_ascii_lowercase();
    let rest = ["sdg", "goal"]
        .iter()
        .find_map(|word| lower.strip_prefix(word))
        .unwrap_or(&lower);
    let digits = rest.trim_start_matches([' ', '-', '_', '#']);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| &value[value.len() - digits.len()..])
}

/// The nodes of a class with their labels, for finding a label and the
/// closest names to a value.
struct Candidates {
    prefixes: Prefixes,
    /// Node IRI → its labels (rdfs:label first, then SKOS labels), in order.
    nodes: BTreeMap<NamedNode, Vec<String>>,
}

impl Candidates {
    fn of(graph: &KnowledgeGraph, class: &NamedNode) -> Result<Self, CatalogueError> {
        // rdfs:label, then skos:prefLabel, then the alternative labels: the
        // first is the name an error shows ("Encryption", not "E2EE").
        let select = format!(
            "SELECT ?node ?label WHERE {{ ?node a {class} . \
             OPTIONAL {{ {{ ?node rdfs:label ?label BIND(0 AS ?rank) }} \
               UNION {{ ?node skos:prefLabel ?label BIND(1 AS ?rank) }} \
               UNION {{ ?node skos:altLabel ?label BIND(2 AS ?rank) }} }} }} \
             ORDER BY ?node ?rank ?label"
        );
        let mut nodes: BTreeMap<NamedNode, Vec<String>> = BTreeMap::new();
        if let QueryOutcome::Solutions(rows) = graph.query(&select)? {
            for row in rows.iter() {
                let Some(Term::NamedNode(node)) = row.get("node") else {
                    continue;
                };
                let labels = nodes.entry(node.clone()).or_default();
                if let Some(label) = row.text("label")
                    && !labels.iter().any(|l| l == label)
                {
                    labels.push(label.to_owned());
                }
            }
        }
        Ok(Self {
            prefixes: Prefixes::new(graph.base()),
            nodes,
        })
    }

    /// The nodes with a label equal to `label`, ignoring case and spacing.
    fn with_label(&self, label: &str) -> Vec<&NamedNode> {
        let wanted = fold(label);
        self.nodes
            .iter()
            .filter(|(_, labels)| labels.iter().any(|l| fold(l) == wanted))
            .map(|(node, _)| node)
            .collect()
    }

    /// The names that a value is closest to, by Jaro-Winkler similarity
    /// between the value and each node's local name and labels.
    fn closest(&self, value: &str) -> impl Iterator<Item = &NamedNode> {
        let wanted = fold(value);
        let mut scored: Vec<(f64, &NamedNode)> = self
            .nodes
            .iter()
            .map(|(node, labels)| {
                let name = self.name(node);
                let local = name.rsplit(':').next().unwrap_or(&name).to_owned();
                let score = [name, local]
                    .iter()
                    .chain(labels)
                    .map(|n| strsim::jaro_winkler(&wanted, &fold(n)))
                    .fold(0.0, f64::max);
                (score, node)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored.into_iter().take(CLOSEST).map(|(_, node)| node)
    }

    /// A node as a table prints it.
    fn name(&self, node: &NamedNode) -> String {
        self.prefixes
            .compact(node.as_str())
            .unwrap_or_else(|| node.to_string())
    }

    /// `topic:encryption ("Encryption"), …`, or a note that there is none.
    fn describe<'a>(&self, nodes: impl Iterator<Item = &'a NamedNode>) -> String {
        let described: Vec<String> = nodes
            .map(|node| match self.nodes.get(node).and_then(|l| l.first()) {
                Some(label) => format!("{} ({label:?})", self.name(node)),
                None => self.name(node),
            })
            .collect();
        if described.is_empty() {
            "the graph has none".to_owned()
        } else {
            described.join(", ")
        }
    }
}

/// Text folded for comparing names: lower case, single spaces.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question;

    #[test]
    fn goal_numbers_as_people_write_them() {
        for (form, number) in [
            ("9", Some("9")),
            ("SDG9", Some("9")),
            ("sdg 17", Some("17")),
            ("SDG-4", Some("4")),
            ("Goal 9", Some("9")),
            ("Goal", None),
            ("SDG9.c", None),
            ("industry", None),
        ] {
            assert_eq!(goal_number(form), number, "{form}");
        }
    }

    #[test]
    fn malformed_values_are_refused_without_a_graph() {
        let base = IriBase::default();
        let topic = &question("topic-timeline").unwrap().params[0];
        assert!(topic.parse(&base, "").is_err());
        assert!(topic.parse(&base, "<not an iri>").is_err());
        // A message given by the prefixed name a table prints.
        let message = &question("echoes-of").unwrap().params[0];
        assert_eq!(
            message.parse(&base, "message:abc").unwrap(),
            Value::Term(NamedNode::new_unchecked("https://w3id.org/igfkg/id/message/abc").into())
        );
        let year = &question("topics-every-year")
            .unwrap()
            .params
            .iter()
            .find(|p| p.kind == ParamKind::Year)
            .cloned();
        if let Some(year) = year {
            assert!(year.parse(&base, "twenty").is_err());
        }
    }
}
