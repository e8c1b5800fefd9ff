#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod calls;
mod gazetteer;
mod links;
mod mask;
mod normalize;
mod parts;
mod sdg;
mod topics;

use gazetteer::{Gazetteer, Hit};
pub use igfkg_model::{DocumentLinks, Evidence, Link, Method, Relation, RollUp, Target};

use igfkg_model::{Extraction, Message, NodeId, Organization, Person, ReferenceData, Span};
use links::Links;
use normalize::{fold, normalize_masked};
use parts::{own_words, record_parts};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// Confidence of a link made from an alternative label.
const ALT_LABEL: f64 = 0.9;
/// Confidence of a link made from a weak label (with its support).
const WEAK_LABEL: f64 = 0.6;
/// Confidence of a stakeholder group taken from a person's organisation.
const FROM_ORGANIZATION: f64 = 0.8;
/// Confidence of a call on a stakeholder group read from a sentence.
const ADDRESSES: f64 = 0.8;

/// The United Nations, whose name other UN bodies' names may begin with.
static UNITED_NATIONS: LazyLock<NodeId> =
    LazyLock::new(|| Organization::gazetteer_id("united-nations"));

/// The names of the Sustainable Development Goals as a whole.
static SDGS_AS_A_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:Sustainable\s+Development\s+Goals?|SDGs?|(?:UN\s+)?2030\s+Agenda(?:\s+for\s+Sustainable\s+Development)?)\b",
    )
    .unwrap()
});

/// The end of a sentence.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?;]+(?:\s+|$)|\n\s*\n").unwrap());

/// Links records to SDGs, NRIs, stakeholder groups, organisations and topics.
#[derive(Debug, Clone)]
pub struct Linker {
    nris: Gazetteer<String>,
    organizations: Gazetteer<usize>,
    known_organizations: Vec<Organization>,
    groups: Gazetteer<String>,
    /// Folded label → group id, for people's groups as written.
    group_labels: BTreeMap<String, String>,
    topics: Gazetteer<String>,
    /// Topic ids whose preferred label matched (for confidence).
    preferred_topic_labels: BTreeMap<String, String>,
    /// Topic id → its broader topic's id (the neighbours that support a
    /// weak label).
    broader_topics: BTreeMap<String, String>,
}

impl Linker {
    /// Compiles the vocabularies of the reference data.
    pub fn new(reference: &ReferenceData) -> Self {
        let nris = Gazetteer::names(reference.nris.iter().flat_map(|nri| {
            std::iter::once(&nri.name)
                .chain(&nri.aliases)
                .flat_map(|label| nri_name_forms(label))
                .map(|label| (nri.id.clone(), label, false))
        }));
        let organizations = Gazetteer::names(reference.organizations.iter().enumerate().flat_map(
            |(i, org)| {
                std::iter::once(&org.name)
                    .chain(&org.aliases)
                    .map(move |label| (i, label.clone(), false))
            },
        ));
        let groups = Gazetteer::new(reference.stakeholder_groups.iter().flat_map(|group| {
            std::iter::once(&group.label)
                .chain(&group.alt_labels)
                .map(|label| (group.id.clone(), label.clone(), false))
        }));
        let group_labels = reference
            .stakeholder_groups
            .iter()
            .flat_map(|group| {
                std::iter::once(&group.label)
                    .chain(&group.alt_labels)
                    .map(|label| (fold(label), group.id.clone()))
            })
            .collect();
        let topics = Gazetteer::new(reference.topics.iter().filter(|t| !t.basket).flat_map(
            |topic| {
                std::iter::once((topic.id.clone(), topic.label.clone(), false))
                    .chain(
                        topic
                            .alt_labels
                            .iter()
                            .map(|l| (topic.id.clone(), l.clone(), false)),
                    )
                    .chain(
                        topic
                            .weak_labels
                            .iter()
                            .map(|l| (topic.id.clone(), l.clone(), true)),
                    )
            },
        ));
        let preferred_topic_labels = reference
            .topics
            .iter()
            .map(|t| (t.id.clone(), t.label.clone()))
            .collect();
        let broader_topics = reference
            .topics
            .iter()
            .filter_map(|t| Some((t.id.clone(), t.broader.clone()?)))
            .collect();
        Self {
            nris,
            organizations,
            known_organizations: reference.organizations.clone(),
            groups,
            group_labels,
            topics,
            preferred_topic_labels,
            broader_topics,
        }
    }

    /// Links every message, utterance, session, theme and statement of a document, and
    /// its people to their organisations and stakeholder groups.
    pub fn link(&self, extraction: &Extraction) -> DocumentLinks {
        let mut out = Links::default();
        // Alignment compares the topics of titles, and they support the
        // weak labels of the text under them; the linker records them so
        // that `igfkg-relate` needs no linker.
        let title_topics: BTreeMap<NodeId, Vec<String>> = (extraction.themes.iter())
            .map(|t| (&t.id, &t.title))
            .chain(extraction.sessions.iter().map(|s| (&s.id, &s.title)))
            .map(|(id, title)| (id.clone(), self.topics(title)))
            .filter(|(_, topics)| !topics.is_empty())
            .collect();
        let context = |units: &[Option<&NodeId>]| -> BTreeSet<String> {
            units
                .iter()
                .flatten()
                .filter_map(|id| title_topics.get(*id))
                .flatten()
                .cloned()
                .collect()
        };
        for message in &extraction.messages {
            let under = context(&[message.session.as_ref(), message.theme.as_ref()]);
            self.link_text(&mut out, &message.id, &message.span, true, &under);
        }
        for statement in &extraction.statements {
            self.link_text(
                &mut out,
                &statement.id,
                &statement.span,
                false,
                &BTreeSet::new(),
            );
        }
        // A transcript's utterances are linked as messages are: they are
        // what speakers said, and may call on stakeholder groups.
        for utterance in &extraction.utterances {
            let under = context(&[utterance.session.as_ref()]);
            self.link_text(&mut out, &utterance.id, &utterance.span, true, &under);
        }
        // A session or theme is linked on its own words — its span less the
        // records the parser made inside it — and takes the entities of its
        // messages as roll-ups, without repeating their evidence.
        let parts = record_parts(extraction);
        let units = extraction
            .sessions
            .iter()
            .map(|s| (&s.id, &s.span, true))
            .chain(extraction.themes.iter().map(|t| (&t.id, &t.span, false)));
        let mut rollups = BTreeSet::new();
        for (id, span, is_session) in units {
            let members: Vec<&Message> = extraction
                .messages
                .iter()
                .filter(|m| {
                    if is_session {
                        m.session.as_ref() == Some(id)
                    } else {
                        m.theme.as_ref() == Some(id)
                    }
                })
                .collect();
            let under = context(&[Some(id)]);
            for words in span.sub_spans(&own_words(span, &parts)) {
                self.link_text(&mut out, id, &words, false, &under);
            }
            for member in members {
                for (relation, target) in out.targets_of(&member.id) {
                    if matches!(
                        relation,
                        Relation::Sdg | Relation::Nri | Relation::Organization | Relation::Topic
                    ) {
                        rollups.insert(RollUp {
                            subject: id.clone(),
                            relation,
                            target,
                        });
                    }
                }
            }
        }
        let mut organizations = Vec::new();
        for person in &extraction.people {
            self.link_person(&mut out, &mut organizations, person);
        }
        let rollups = rollups
            .into_iter()
            .filter(|r| {
                !out.0
                    .contains_key(&(r.subject.clone(), r.relation, r.target.key()))
            })
            .collect();
        let mut links: Vec<Link> = out.0.into_values().collect();
        links.sort_by(|a, b| {
            (&a.subject, a.relation, &a.target).cmp(&(&b.subject, b.relation, &b.target))
        });
        DocumentLinks {
            links,
            rollups,
            organizations,
            title_topics,
        }
    }

    /// The NRIs and organisations a text names. The longest name wins
    /// across both registries: "Ukraine IGF" is not named inside "Youth
    /// Ukraine IGF", nor the Internet Governance Forum inside "Kenya
    /// Internet Governance Forum". A one-word name ("UN", "EU", "CoE",
    /// "Orange", "Apple") is an acronym or a word of the language too, and
    /// matches only as the registry writes it, or, for an acronym, in other
    /// capitals that are still an acronym's ("AfriNIC" for "AFRINIC"): the
    /// folded match is checked against the case of the original words.
    fn names<'a>(
        &'a self,
        text: &str,
        folded: &normalize::Normalized,
    ) -> (Vec<Hit<'a, String>>, Vec<Hit<'a, usize>>) {
        let capitals = |word: &str| word.chars().filter(|c| c.is_uppercase()).count();
        let as_written = |label: &str, start: usize, end: usize| {
            text.get(start..end).is_some_and(|words| {
                words.contains(|c: char| c.is_whitespace() || c == '-')
                    || words.starts_with(label)
                    // An acronym in other capitals ("AfriNIC" for "AFRINIC"),
                    // never as a word ("un", "Un", "First").
                    || (capitals(label) >= 2 && capitals(words) >= 2)
            })
        };
        // "Youth" written before the name of a national IGF names a youth
        // initiative the registry does not know ("Youth IGF Ethiopia"), not
        // the national IGF.
        let after_youth = |start: usize| {
            text.get(..start).is_some_and(|before| {
                let before = before.trim_end();
                before.len() < start
                    && before.len() >= 5
                    && before.is_char_boundary(before.len() - 5)
                    && before[before.len() - 5..].eq_ignore_ascii_case("youth")
            })
        };
        let nris: Vec<_> = (self.nris.find(folded).into_iter())
            .filter(|h| as_written(&h.entry.label, h.start, h.end) && !after_youth(h.start))
            .collect();
        let organizations: Vec<_> = (self.organizations.find(folded).into_iter())
            .filter(|h| as_written(&h.entry.label, h.start, h.end))
            .collect();
        // A hit is kept unless a strictly longer hit of either registry
        // covers part of it.
        let spans: Vec<(usize, usize)> = (nris.iter().map(|h| (h.start, h.end)))
            .chain(organizations.iter().map(|h| (h.start, h.end)))
            .collect();
        let beaten = |start: usize, end: usize| {
            spans
                .iter()
                .any(|&(s, e)| e - s > end - start && s < end && start < e)
        };
        let organizations: Vec<_> = (organizations.into_iter())
            .filter(|h| !beaten(h.start, h.end))
            .collect();
        // "UN" or "United Nations" written before the name of a UN body is
        // a word of that name ("UN Committee on the Rights of the Child",
        // "UN High-level Advisory Body on Artificial Intelligence"), not a
        // second organisation.
        let prefixes = |h: &Hit<'a, usize>| {
            self.known_organizations[h.entry.key].id == *UNITED_NATIONS
                && organizations.iter().any(|next| {
                    next.start > h.end
                        && text
                            .get(h.end..next.start)
                            .is_some_and(|between| between.chars().all(char::is_whitespace))
                })
        };
        let kept = (organizations.iter())
            .filter(|h| !prefixes(h))
            .cloned()
            .collect();
        (
            nris.into_iter()
                .filter(|h| !beaten(h.start, h.end))
                .collect(),
            kept,
        )
    }

    /// Links a text to what it names; `context` holds the topics of the
    /// titles it stands under, which support its weak topic labels.
    fn link_text(
        &self,
        out: &mut Links,
        subject: &NodeId,
        span: &Span,
        is_message: bool,
        context: &BTreeSet<String>,
    ) {
        let text = span.exact.as_str();
        let addresses = mask::addresses(text);
        let in_address =
            |start: usize, end: usize| addresses.iter().any(|a| a.start < end && start < a.end);
        // The words that name an SDG, an NRI or an organisation name that
        // entity, not a topic: "SDG 5" is not the topic of sustainable
        // development, "Kenya IGF" not the topic of the NRIs, "World Summit
        // on the Information Society" not the topic of WSIS, "Partnership on
        // AI" not the topic of AI. A longer topic label keeps its topic ("UN
        // Charter" is international law).
        let mut named = Vec::new();
        for hit in sdg::find(text) {
            if in_address(hit.start, hit.end) {
                continue;
            }
            named.push(hit.start..hit.end);
            let evidence = Evidence {
                span: span.sub_span(hit.start, hit.end),
                method: Method::Pattern,
                confidence: None,
                rule: hit.rule.to_owned(),
            };
            if let Some(target) = &hit.target {
                out.add(
                    subject,
                    Relation::Sdg,
                    Target::GoalTarget(hit.goal, target.clone()),
                    evidence.clone(),
                );
            }
            out.add(subject, Relation::Sdg, Target::Goal(hit.goal), evidence);
        }
        // "The SDGs" and "the 2030 Agenda" name the goals as a whole, not
        // the topic of sustainable development.
        named.extend(SDGS_AS_A_WHOLE.find_iter(text).map(|m| m.start()..m.end()));
        let folded = normalize_masked(text, &addresses);
        let (nris, organizations) = self.names(text, &folded);
        for hit in nris {
            named.push(hit.start..hit.end);
            out.add(
                subject,
                Relation::Nri,
                Target::Nri(hit.entry.key.clone()),
                Evidence {
                    span: span.sub_span(hit.start, hit.end),
                    method: Method::Gazetteer,
                    confidence: None,
                    rule: hit.entry.label.clone(),
                },
            );
        }
        for hit in organizations {
            named.push(hit.start..hit.end);
            let organization = &self.known_organizations[hit.entry.key];
            out.add(
                subject,
                Relation::Organization,
                Target::Organization(organization.id.clone()),
                Evidence {
                    span: span.sub_span(hit.start, hit.end),
                    method: Method::Gazetteer,
                    confidence: None,
                    rule: hit.entry.label.clone(),
                },
            );
        }
        for (hit, confidence) in self.topic_hits(&folded, context) {
            if named
                .iter()
                .any(|n| n.start <= hit.start && hit.end <= n.end)
            {
                continue;
            }
            out.add(
                subject,
                Relation::Topic,
                Target::Topic(hit.entry.key.clone()),
                Evidence {
                    span: span.sub_span(hit.start, hit.end),
                    method: Method::Vocabulary,
                    confidence: Some(confidence),
                    rule: hit.entry.label.clone(),
                },
            );
        }
        if is_message {
            self.link_addressed_groups(out, subject, span, &folded);
        }
    }

    /// A message addresses the stakeholder groups a sentence calls on
    /// ("Governments, private companies, and civil society should work
    /// together"; see `calls`), the cue words recorded in the rule.
    fn link_addressed_groups(
        &self,
        out: &mut Links,
        subject: &NodeId,
        span: &Span,
        folded: &normalize::Normalized,
    ) {
        let text = span.exact.as_str();
        let mut sentences = Vec::new();
        let mut start = 0;
        for end in SENTENCE_END.find_iter(text) {
            sentences.push((start, end.start()));
            start = end.end();
        }
        sentences.push((start, text.len()));
        let hits = self.groups.find(folded);
        for hit in &hits {
            let Some(&(s, e)) = sentences
                .iter()
                .find(|(s, e)| *s <= hit.start && hit.start < (*e).max(*s + 1))
            else {
                continue;
            };
            let in_sentence: Vec<std::ops::Range<usize>> = hits
                .iter()
                .filter(|h| s <= h.start && h.end <= e)
                .map(|h| h.start..h.end)
                .collect();
            if let Some(cue) = calls::cue(text, s..e.max(hit.end), hit.start..hit.end, &in_sentence)
            {
                out.add(
                    subject,
                    Relation::Addresses,
                    Target::StakeholderGroup(hit.entry.key.clone()),
                    Evidence {
                        span: span.sub_span(hit.start, hit.end),
                        method: Method::Pattern,
                        confidence: Some(ADDRESSES),
                        rule: format!("{}, called on by \"{cue}\"", hit.entry.label),
                    },
                );
            }
        }
    }

    /// A person's organisation (from the gazetteer when it knows it) and
    /// stakeholder group (as written, or else their organisation's).
    fn link_person(&self, out: &mut Links, organizations: &mut Vec<Organization>, person: &Person) {
        let within = |words: &str| match find_words(&person.span.exact, words) {
            Some((start, end)) => person.span.sub_span(start, end),
            None => person.span.clone(),
        };
        let mut organization_group = None;
        if let Some(affiliation) = &person.affiliation {
            let folded_affiliation = fold(affiliation);
            let known = self.known_organizations.iter().find(|org| {
                std::iter::once(&org.name)
                    .chain(&org.aliases)
                    .any(|label| fold(label) == folded_affiliation)
            });
            let (id, rule, method) = match known {
                Some(org) => {
                    organization_group = org.stakeholder_group.clone();
                    (org.id.clone(), org.name.clone(), Method::Gazetteer)
                }
                None => {
                    let id = Organization::id_for(affiliation);
                    if !organizations.iter().any(|o: &Organization| o.id == id) {
                        organizations.push(Organization {
                            id: id.clone(),
                            name: affiliation.clone(),
                            aliases: Vec::new(),
                            stakeholder_group: None,
                            country: None,
                            source: None,
                            kind: None,
                            wikidata: None,
                        });
                    }
                    (id, "affiliation as written".to_owned(), Method::Pattern)
                }
            };
            out.add(
                &person.id,
                Relation::Affiliation,
                Target::Organization(id),
                Evidence {
                    span: within(affiliation),
                    method,
                    confidence: None,
                    rule,
                },
            );
        }
        let written = person
            .stakeholder_group
            .as_ref()
            .and_then(|label| Some((label, self.group_labels.get(&fold(label))?)));
        match (written, organization_group) {
            (Some((label, group)), _) => out.add(
                &person.id,
                Relation::StakeholderGroup,
                Target::StakeholderGroup(group.clone()),
                Evidence {
                    span: within(label),
                    method: Method::Vocabulary,
                    confidence: None,
                    rule: label.clone(),
                },
            ),
            (None, Some(group)) => out.add(
                &person.id,
                Relation::StakeholderGroup,
                Target::StakeholderGroup(group),
                Evidence {
                    span: within(person.affiliation.as_deref().unwrap_or("")),
                    method: Method::Gazetteer,
                    confidence: Some(FROM_ORGANIZATION),
                    rule: "the stakeholder group of the person's organisation".to_owned(),
                },
            ),
            (None, None) => {}
        }
    }
}

/// A name of an NRI and the forms IGF documents write the same name in:
/// "Canada IGF", "IGF Canada", "Canada Internet Governance Forum" and
/// "Internet Governance Forum Canada" are one initiative, as are "Youth IGF
/// Uruguay" and "Uruguay Youth IGF".
fn nri_name_forms(label: &str) -> Vec<String> {
    let mut forms = vec![label.to_owned()];
    let place = label
        .strip_suffix(" IGF")
        .or_else(|| label.strip_suffix(" Internet Governance Forum"))
        .or_else(|| label.strip_prefix("IGF "))
        .or_else(|| label.strip_prefix("Internet Governance Forum "));
    let (youth, place) = match place {
        Some(place) => (false, place),
        None => match label
            .strip_prefix("Youth IGF ")
            .or_else(|| label.strip_suffix(" Youth IGF"))
        {
            Some(place) => (true, place),
            None => return forms,
        },
    };
    if place.is_empty() || place == "Youth" {
        return forms;
    }
    let variants = if youth {
        vec![format!("Youth IGF {place}"), format!("{place} Youth IGF")]
    } else {
        vec![
            format!("{place} IGF"),
            format!("IGF {place}"),
            format!("{place} Internet Governance Forum"),
            format!("Internet Governance Forum {place}"),
        ]
    };
    forms.extend(variants.into_iter().filter(|v| v != label));
    forms
}

/// Where `words` are written in `text`, any run of white space (a no-break
/// space among them) matching any other.
fn find_words(text: &str, words: &str) -> Option<(usize, usize)> {
    let pattern = words
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    if pattern.is_empty() {
        return None;
    }
    let found = Regex::new(&pattern).ok()?.find(text)?;
    Some((found.start(), found.end()))
}
