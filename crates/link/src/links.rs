//! The links found in a document, one per subject, relation and target.

use igfkg_model::{Evidence, Link, NodeId, NodeKind, Relation, Target};
use std::collections::BTreeMap;

/// Links collected for a document: one per subject, relation and target,
/// with the most confident evidence (the first, among equals).
#[derive(Default)]
pub(crate) struct Links(pub(crate) BTreeMap<(NodeId, Relation, String), Link>);

impl Links {
    /// The relations and targets of a subject's links.
    pub(crate) fn targets_of(&self, subject: &NodeId) -> Vec<(Relation, Target)> {
        self.0
            .range((subject.clone(), Relation::Sdg, String::new())..)
            .take_while(|((s, _, _), _)| s == subject)
            .map(|((_, relation, _), link)| (*relation, link.target.clone()))
            .collect()
    }

    pub(crate) fn add(
        &mut self,
        subject: &NodeId,
        relation: Relation,
        target: Target,
        evidence: Evidence,
    ) {
        let key = (subject.clone(), relation, target.key());
        let confidence = |e: &Evidence| e.confidence.unwrap_or(1.0);
        match self.0.get_mut(&key) {
            Some(link) if confidence(&evidence) > confidence(&link.evidence) => {
                link.evidence = evidence
            }
            Some(_) => {}
            None => {
                let id = NodeId::keyed(
                    NodeKind::Link,
                    &[subject.as_str(), &format!("{relation:?}"), &key.2],
                );
                self.0.insert(
                    key,
                    Link {
                        id,
                        subject: subject.clone(),
                        relation,
                        target,
                        evidence,
                    },
                );
            }
        }
    }
}
