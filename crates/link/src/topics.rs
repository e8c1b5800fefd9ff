//! The topics a text names: the labels of the topic scheme, where a weak
//! label counts only with support.

use crate::gazetteer::Hit;
use crate::normalize::{self, normalize};
use crate::{ALT_LABEL, Linker, WEAK_LABEL};
use std::collections::BTreeSet;

impl Linker {
    /// The topics a title names, by id, sorted. A title names its subject
    /// in a few words, so its weak labels count without support: the 2019
    /// track "Security, Safety, Stability and Resilience" is about
    /// cybersecurity and online safety, and "… Human-Centered Devices" about
    /// the Internet of Things.
    pub fn topics(&self, title: &str) -> Vec<String> {
        let mut topics: Vec<String> = (self.topics.find(&normalize(title)).into_iter())
            .map(|hit| hit.entry.key.clone())
            .collect();
        topics.sort();
        topics.dedup();
        topics
    }

    /// Whether `broader` is up the scheme from `topic`.
    fn is_broader(&self, broader: &str, topic: &str) -> bool {
        let mut at = topic;
        // The scheme is a tree of a few levels; the bound keeps a cycle in a
        // user's scheme from looping.
        for _ in 0..32 {
            match self.broader_topics.get(at) {
                Some(up) if up == broader => return true,
                Some(up) => at = up,
                None => return false,
            }
        }
        false
    }

    /// The topic labels of a folded text with the confidence of each.
    ///
    /// A weak label only usually means its topic ("health", "water",
    /// "security"), so it needs support: another label of the same topic in
    /// the text, a label that is not weak of a topic next to it (under the
    /// same broader topic), or its topic among `context`, the topics the
    /// titles of the text's session and theme name. "People: hunger, health
    /// … Planet: water, sanitation" is sustainable development; "physical
    /// and mental health" alone is not; "do not connect your devices", in a
    /// session on the Internet of Things, speaks of it.
    pub(crate) fn topic_hits<'a>(
        &'a self,
        folded: &normalize::Normalized,
        context: &BTreeSet<String>,
    ) -> Vec<(Hit<'a, String>, f64)> {
        let hits = self.topics.find(folded);
        let supported = |weak: &Hit<'a, String>| {
            let broader = self.broader_topics.get(&weak.entry.key);
            context.contains(&weak.entry.key)
                || hits.iter().any(|h| {
                    (h.entry.key == weak.entry.key && h.entry.label != weak.entry.label)
                        || (!h.entry.weak
                            && h.entry.key != weak.entry.key
                            && broader.is_some()
                            && self.broader_topics.get(&h.entry.key) == broader)
                })
        };
        // A label inside a longer label of another topic is a word of that
        // label when it is weak ("sustainability" in "environmental
        // sustainability") or names a broader topic, which the narrower
        // one implies ("domain names" in "internationalized domain names");
        // otherwise both are named ("gender digital divide").
        let inside = |hit: &Hit<'a, String>| {
            hits.iter().any(|h| {
                h.entry.key != hit.entry.key
                    && h.start <= hit.start
                    && hit.end <= h.end
                    && h.end - h.start > hit.end - hit.start
                    && (hit.entry.weak || self.is_broader(&hit.entry.key, &h.entry.key))
            })
        };
        hits.iter()
            .filter(|hit| (!hit.entry.weak || supported(hit)) && !inside(hit))
            .map(|hit| {
                let preferred =
                    self.preferred_topic_labels.get(&hit.entry.key) == Some(&hit.entry.label);
                let confidence = match (hit.entry.weak, preferred) {
                    (true, _) => WEAK_LABEL,
                    (false, true) => 1.0,
                    (false, false) => ALT_LABEL,
                };
                (hit.clone(), confidence)
            })
            .collect()
    }
}
