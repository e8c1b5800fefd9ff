//! The out-of-sample evaluation of the entity linker: loading the labelled
//! passages of `tests/eval/`, checking the labels, running igfkg's linker
//! over the passages and scoring its links against the labels.
//!
//! Shared by the integration test (`tests/eval.rs`) and the report
//! (`examples/eval_report.rs`), so that both compute the same figures. The
//! rules are those of `tests/eval/README.md`.

use igfkg::link::{Linker, Relation, Target};
use igfkg::model::{Extraction, Message, MessageKind, NodeId, NodeKind, Span};
use igfkg::sources::ReferenceData;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// What a label names, in the order the report prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A National, Regional or Youth IGF initiative.
    Nri,
    /// An organisation.
    Organization,
    /// A stakeholder group that a sentence calls on.
    Addresses,
    /// A topic the passage is about.
    Topic,
    /// A Sustainable Development Goal or target named by its number.
    Sdg,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 5] = [
        Kind::Nri,
        Kind::Organization,
        Kind::Addresses,
        Kind::Topic,
        Kind::Sdg,
    ];

    /// The name used in `labels.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Nri => "nri",
            Kind::Organization => "organization",
            Kind::Addresses => "addresses",
            Kind::Topic => "topic",
            Kind::Sdg => "sdg",
        }
    }

    /// The linker's relation for this kind.
    fn relation(self) -> Relation {
        match self {
            Kind::Nri => Relation::Nri,
            Kind::Organization => Relation::Organization,
            Kind::Addresses => Relation::Addresses,
            Kind::Topic => Relation::Topic,
            Kind::Sdg => Relation::Sdg,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One labelled mention, as written in `labels.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// The passage's file stem.
    pub passage: String,
    /// What it names.
    pub kind: Kind,
    /// The words as written in the passage.
    pub text: String,
    /// Which occurrence of `text` in the passage's body, from 1.
    pub occurrence: usize,
    /// The entity: full name, group id, topic name or goal.
    pub entity: String,
    /// The acronym or short form of an NRI or organisation.
    #[serde(default)]
    pub acronym: Option<String>,
    /// A broader topic that is also accepted.
    #[serde(default)]
    pub broader: Option<String>,
}

/// Names of registry entries whose links are neither right nor wrong.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ignore {
    /// The Forum's own bodies, which passages are about rather than name.
    #[serde(default)]
    pub organization: Vec<String>,
    /// Topics every passage is about (Internet governance, the Forum).
    #[serde(default)]
    pub topic: Vec<String>,
}

/// The contents of `labels.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Links that are not scored.
    #[serde(default)]
    pub ignore: Ignore,
    /// The labelled mentions.
    #[serde(default)]
    pub mention: Vec<Mention>,
}

/// A passage: its file stem, its header lines and its body.
#[derive(Debug, Clone)]
pub struct Passage {
    /// The file stem (`09-katowice-2021-messages`).
    pub stem: String,
    /// The leading `#` lines, without the `#`.
    pub header: Vec<String>,
    /// Everything after the header: the text that is linked and labelled.
    pub body: String,
}

impl Passage {
    /// Splits a passage file into its leading `#` lines and its body.
    pub fn parse(stem: &str, text: &str) -> Self {
        let mut header = Vec::new();
        let mut rest = text;
        while let Some(line) = rest.strip_prefix('#') {
            let (line, after) = line.split_once('\n').unwrap_or((line, ""));
            header.push(line.trim().to_owned());
            rest = after;
        }
        Self {
            stem: stem.to_owned(),
            header,
            body: rest.to_owned(),
        }
    }

    /// The units the linker sees: one per non-blank line of the body, with
    /// the line's range in characters of the body.
    pub fn units(&self) -> Vec<(Range<u64>, &str)> {
        let mut units = Vec::new();
        let mut at = 0u64;
        for line in self.body.split('\n') {
            let len = line.chars().count() as u64;
            if !line.trim().is_empty() {
                units.push((at..at + len, line));
            }
            at += len + 1;
        }
        units
    }

    /// Where the `occurrence`-th of the non-overlapping occurrences of
    /// `text` stands in the body, in characters; `None` past the last one.
    pub fn find(&self, text: &str, occurrence: usize) -> Option<Range<u64>> {
        if text.is_empty() || occurrence == 0 {
            return None;
        }
        let (byte, _) = self.body.match_indices(text).nth(occurrence - 1)?;
        let start = self.body[..byte].chars().count() as u64;
        Some(start..start + text.chars().count() as u64)
    }
}

/// Why the evaluation set could not be read.
#[derive(Debug)]
pub enum EvalError {
    /// A file could not be read.
    Read(PathBuf, std::io::Error),
    /// `labels.toml` is not valid TOML of the expected shape.
    Labels(PathBuf, toml::de::Error),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Read(path, err) => write!(f, "{}: {err}", path.display()),
            EvalError::Labels(path, err) => write!(
                f,
                "{}: {err}(each [[mention]] takes passage, kind, text, occurrence, entity and, optionally, acronym or broader)",
                path.display()
            ),
        }
    }
}

impl std::error::Error for EvalError {}

/// The passages and their labels.
#[derive(Debug, Clone)]
pub struct EvalSet {
    /// The passages, by file name.
    pub passages: Vec<Passage>,
    /// The labels.
    pub labels: Labels,
}

impl EvalSet {
    /// Reads `dir/passages/*.txt` and `dir/labels.toml`.
    pub fn load(dir: &Path) -> Result<Self, EvalError> {
        let passages_dir = dir.join("passages");
        let entries = std::fs::read_dir(&passages_dir)
            .map_err(|e| EvalError::Read(passages_dir.clone(), e))?;
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry
                .map_err(|e| EvalError::Read(passages_dir.clone(), e))?
                .path();
            if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
        paths.sort();
        let mut passages = Vec::new();
        for path in paths {
            let text =
                std::fs::read_to_string(&path).map_err(|e| EvalError::Read(path.clone(), e))?;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            passages.push(Passage::parse(stem, &text));
        }
        let labels_path = dir.join("labels.toml");
        let text = std::fs::read_to_string(&labels_path)
            .map_err(|e| EvalError::Read(labels_path.clone(), e))?;
        let labels = toml::from_str(&text).map_err(|e| EvalError::Labels(labels_path, e))?;
        Ok(Self { passages, labels })
    }

    /// The passage with this stem.
    pub fn passage(&self, stem: &str) -> Option<&Passage> {
        self.passages.iter().find(|p| p.stem == stem)
    }

    /// How many mentions of a kind are labelled.
    pub fn count(&self, kind: Kind) -> usize {
        self.labels
            .mention
            .iter()
            .filter(|m| m.kind == kind)
            .count()
    }

    /// Every problem of the labels, as `mention N (passage): what is wrong`,
    /// given the stakeholder groups a call may name. Empty when the labels
    /// are well formed.
    pub fn problems(&self, groups: &BTreeSet<String>) -> Vec<String> {
        let mut problems = Vec::new();
        let mut topics = BTreeSet::new();
        for (i, m) in self.labels.mention.iter().enumerate() {
            let mut problem =
                |what: String| problems.push(format!("mention {} ({}): {what}", i + 1, m.passage));
            let Some(passage) = self.passage(&m.passage) else {
                problem(format!(
                    "no passage {:?} in passages/ (give the file stem)",
                    m.passage
                ));
                continue;
            };
            if passage.find(&m.text, m.occurrence).is_none() {
                let times = if m.text.is_empty() {
                    0
                } else {
                    passage.body.matches(m.text.as_str()).count()
                };
                problem(format!(
                    "text {:?} occurs {times} time(s) in the passage's body, occurrence {} was asked",
                    m.text, m.occurrence
                ));
            }
            if m.entity.trim().is_empty() {
                problem("empty entity".to_owned());
            }
            if m.acronym.is_some() && !matches!(m.kind, Kind::Nri | Kind::Organization) {
                problem(format!(
                    "an acronym is for nri and organization, not {}",
                    m.kind
                ));
            }
            if m.broader.is_some() && m.kind != Kind::Topic {
                problem(format!("broader is for topic, not {}", m.kind));
            }
            match m.kind {
                Kind::Addresses if !groups.contains(&m.entity) => problem(format!(
                    "{:?} is not a stakeholder group of data/reference/stakeholder-groups.toml",
                    m.entity
                )),
                Kind::Sdg if parse_goal(&m.entity).is_none() => problem(format!(
                    "{:?} is not a goal (1 to 17) or a target (\"9.c\", \"16.10\")",
                    m.entity
                )),
                Kind::Topic if !topics.insert((m.passage.as_str(), fold(&m.entity))) => problem(
                    format!("topic {:?} is labelled twice in the passage", m.entity),
                ),
                _ => {}
            }
        }
        problems
    }
}

/// A goal or target written as `9` or `9.c`.
pub fn parse_goal(text: &str) -> Option<(u8, Option<&str>)> {
    let (goal, target) = match text.split_once('.') {
        Some((goal, target)) => (goal, Some(target)),
        None => (text, None),
    };
    let goal: u8 = goal.parse().ok().filter(|n| (1..=17).contains(n))?;
    match target {
        Some(t)
            if !t.is_empty()
                && t.len() <= 2
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()) =>
        {
            Some((goal, Some(t)))
        }
        Some(_) => None,
        None => Some((goal, None)),
    }
}

/// A name compared case- and accent-insensitively, with runs of spaces as one.
pub fn fold(text: &str) -> String {
    let stripped: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a link points to, with the names the scoring compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// An NRI or organisation: its registry key and every name it goes by, folded.
    Named {
        /// The registry id.
        key: String,
        /// Name and aliases, folded.
        names: BTreeSet<String>,
    },
    /// A stakeholder group, by id.
    Group(String),
    /// A goal, and a target of it if the link names one.
    Goal(u8, Option<String>),
    /// A topic: its id, its own labels and those of its broader topics, folded.
    Topic {
        /// The topic id.
        key: String,
        /// Preferred and alternative labels.
        labels: BTreeSet<String>,
        /// Labels of every broader topic up the scheme.
        ancestors: BTreeSet<String>,
    },
}

impl Found {
    /// A short text form for the report.
    fn describe(&self) -> String {
        match self {
            Found::Named { key, .. } | Found::Topic { key, .. } | Found::Group(key) => key.clone(),
            Found::Goal(n, None) => format!("SDG {n}"),
            Found::Goal(n, Some(t)) => format!("target {n}.{t}"),
        }
    }
}

/// One link of the linker, reduced to what the scoring needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundLink {
    /// The passage's stem.
    pub passage: String,
    /// The unit (line) of the passage the link is on, from 0.
    pub unit: usize,
    /// What kind of link it is.
    pub kind: Kind,
    /// What it points to.
    pub target: Found,
    /// Its evidence, in characters of the passage's body.
    pub span: Range<u64>,
    /// Its evidence's words.
    pub words: String,
}

/// Runs the linker over every passage, one message per non-blank line, and
/// keeps the links of the five evaluated kinds.
pub fn run_linker(linker: &Linker, reference: &ReferenceData, set: &EvalSet) -> Vec<FoundLink> {
    let mut found = Vec::new();
    for passage in &set.passages {
        let units = passage.units();
        let mut by_id = BTreeMap::new();
        let mut extraction = Extraction {
            document: passage.stem.clone(),
            ..Extraction::default()
        };
        for (i, (range, line)) in units.iter().enumerate() {
            let id = NodeId::keyed(NodeKind::Message, &["eval", &passage.stem, &i.to_string()]);
            by_id.insert(id.clone(), i);
            let line_number = (i + 1) as u32;
            extraction.messages.push(Message {
                id,
                kind: MessageKind::KeyMessage,
                text: (*line).to_owned(),
                headline: None,
                year: 0,
                position: line_number,
                session: None,
                theme: None,
                group: None,
                span: Span {
                    start_line: line_number,
                    end_line: line_number,
                    start: range.start,
                    end: range.end,
                    exact: (*line).to_owned(),
                    prefix: String::new(),
                    suffix: String::new(),
                    source_bytes: None,
                },
            });
        }
        for link in linker.link(&extraction).links {
            let Some(&unit) = by_id.get(&link.subject) else {
                continue;
            };
            let Some(kind) = Kind::ALL
                .into_iter()
                .find(|k| k.relation() == link.relation)
            else {
                continue;
            };
            let target = describe_target(reference, &link.target);
            found.push(FoundLink {
                passage: passage.stem.clone(),
                unit,
                kind,
                target,
                span: link.evidence.span.start..link.evidence.span.end,
                words: link.evidence.span.exact.clone(),
            });
        }
    }
    found
}

/// The registry entry behind a link's target.
fn describe_target(reference: &ReferenceData, target: &Target) -> Found {
    let folded = |names: &mut dyn Iterator<Item = &String>| names.map(|n| fold(n)).collect();
    match target {
        Target::Nri(id) => {
            let nri = reference.nris.iter().find(|n| &n.id == id);
            Found::Named {
                key: id.clone(),
                names: nri.map_or_else(BTreeSet::new, |n| {
                    folded(&mut std::iter::once(&n.name).chain(&n.aliases))
                }),
            }
        }
        Target::Organization(id) => {
            let org = reference.organizations.iter().find(|o| &o.id == id);
            Found::Named {
                key: id.to_string(),
                names: org.map_or_else(BTreeSet::new, |o| {
                    folded(&mut std::iter::once(&o.name).chain(&o.aliases))
                }),
            }
        }
        Target::StakeholderGroup(id) => Found::Group(id.clone()),
        Target::Goal(n) => Found::Goal(*n, None),
        Target::GoalTarget(n, t) => Found::Goal(*n, Some(t.clone())),
        Target::Topic(id) => {
            let labels_of = |topic: &igfkg::model::Topic| -> BTreeSet<String> {
                folded(
                    &mut std::iter::once(&topic.label)
                        .chain(&topic.alt_labels)
                        .chain(&topic.weak_labels),
                )
            };
            let topic = reference.topics.iter().find(|t| &t.id == id);
            let mut ancestors = BTreeSet::new();
            let mut seen = BTreeSet::new();
            let mut next = topic.and_then(|t| t.broader.clone());
            // The scheme is a tree, but a cycle in a file being edited must
            // not hang the report.
            while let Some(up) = next.filter(|up| seen.insert(up.clone())) {
                let broader = reference.topics.iter().find(|t| t.id == up);
                ancestors.extend(broader.map(labels_of).unwrap_or_default());
                next = broader.and_then(|t| t.broader.clone());
            }
            Found::Topic {
                key: id.clone(),
                labels: topic.map(labels_of).unwrap_or_default(),
                ancestors,
            }
        }
    }
}

/// Whether a link's target is the entity a mention names.
pub fn names_entity(target: &Found, mention: &Mention) -> bool {
    match target {
        Found::Named { names, .. } => {
            names.contains(&fold(&mention.entity))
                || mention
                    .acronym
                    .as_deref()
                    .is_some_and(|a| names.contains(&fold(a)))
        }
        Found::Group(id) => *id == mention.entity,
        Found::Goal(n, t) => parse_goal(&mention.entity) == Some((*n, t.as_deref())),
        Found::Topic {
            labels, ancestors, ..
        } => {
            let name = fold(&mention.entity);
            labels.contains(&name)
                || labels.contains(&fold(&mention.text))
                || ancestors.contains(&name)
                || mention
                    .broader
                    .as_deref()
                    .is_some_and(|b| labels.contains(&fold(b)))
        }
    }
}

/// The figures of one kind.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Links made (for topics: distinct topics per passage).
    pub links: usize,
    /// Links that name a labelled mention.
    pub correct: usize,
    /// Links left out of the scoring (the Forum's own bodies, the goal of a labelled target).
    pub ignored: usize,
    /// Labelled mentions.
    pub mentions: usize,
    /// Labelled mentions that a link found.
    pub found: usize,
    /// The wrong links: `passage: words → target`.
    pub false_links: Vec<String>,
    /// The missed mentions: `passage: words (entity)`.
    pub missed: Vec<String>,
}

impl Score {
    /// Correct links over links made; `None` when no link was made.
    pub fn precision(&self) -> Option<f64> {
        (self.links > 0).then(|| self.correct as f64 / self.links as f64)
    }

    /// Found mentions over labelled mentions; `None` when none is labelled.
    pub fn recall(&self) -> Option<f64> {
        (self.mentions > 0).then(|| self.found as f64 / self.mentions as f64)
    }
}

/// The figures of every kind.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// By kind.
    pub scores: BTreeMap<Kind, Score>,
}

impl Report {
    /// The figures of a kind.
    pub fn score(&self, kind: Kind) -> &Score {
        &self.scores[&kind]
    }
}

/// A labelled mention with its place in the passage.
#[derive(Debug)]
struct Placed<'a> {
    /// Its index in `labels.toml`.
    index: usize,
    mention: &'a Mention,
    unit: usize,
    span: Range<u64>,
}

fn overlaps(a: &Range<u64>, b: &Range<u64>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Scores links against the labels, by the rules of `tests/eval/README.md`.
///
/// For NRIs, organisations, calls and SDGs a link is correct when its
/// evidence overlaps a labelled mention of its entity on the same line. The
/// linker keeps one link per line and entity, so a labelled mention is found
/// when its line has a correct link to its entity, whichever of the line's
/// mentions of that entity the evidence points at. Topics are scored per
/// passage: each distinct topic linked is one link, correct when it names a
/// topic labelled for the passage — by the label's name, by the labelled
/// words, as a narrower topic of it, or as the label's `broader` — and a
/// labelled topic is found when any such link exists.
pub fn score(set: &EvalSet, links: &[FoundLink]) -> Report {
    let folded = |names: &[String]| -> BTreeSet<String> { names.iter().map(|n| fold(n)).collect() };
    let ignored_names = folded(&set.labels.ignore.organization);
    let ignored_topics = folded(&set.labels.ignore.topic);
    let mut placed: BTreeMap<&str, Vec<Placed>> = BTreeMap::new();
    for (index, mention) in set.labels.mention.iter().enumerate() {
        let Some(passage) = set.passage(&mention.passage) else {
            continue;
        };
        let Some(span) = passage.find(&mention.text, mention.occurrence) else {
            continue;
        };
        let unit = passage
            .units()
            .iter()
            .position(|(range, _)| range.start <= span.start && span.start < range.end)
            .unwrap_or(usize::MAX);
        placed.entry(&mention.passage).or_default().push(Placed {
            index,
            mention,
            unit,
            span,
        });
    }
    let mut report = Report::default();
    for kind in Kind::ALL {
        let score = report.scores.entry(kind).or_default();
        score.mentions = set.count(kind);
        let mut found_mentions = BTreeSet::new();
        let of_kind = |passage: &str| -> Vec<&Placed> {
            placed
                .get(passage)
                .map(|p| p.iter().filter(|p| p.mention.kind == kind).collect())
                .unwrap_or_default()
        };
        if kind == Kind::Topic {
            // One link per passage and topic, with the words of its first evidence.
            let mut distinct: BTreeMap<(&str, String), &FoundLink> = BTreeMap::new();
            for link in links.iter().filter(|l| l.kind == kind) {
                distinct
                    .entry((link.passage.as_str(), link.target.describe()))
                    .or_insert(link);
            }
            for ((passage, key), link) in distinct {
                let labelled = of_kind(passage);
                let named: Vec<&&Placed> = labelled
                    .iter()
                    .filter(|p| names_entity(&link.target, p.mention))
                    .collect();
                if !named.is_empty() {
                    score.links += 1;
                    score.correct += 1;
                    found_mentions.extend(named.iter().map(|p| p.index));
                } else if matches!(&link.target, Found::Topic { labels, .. } if !labels.is_disjoint(&ignored_topics))
                {
                    score.ignored += 1;
                } else {
                    score.links += 1;
                    score
                        .false_links
                        .push(format!("{passage}: {:?} → topic {key}", link.words));
                }
            }
        } else {
            for link in links.iter().filter(|l| l.kind == kind) {
                let on_line: Vec<&Placed> = of_kind(&link.passage)
                    .into_iter()
                    .filter(|p| p.unit == link.unit)
                    .collect();
                let named: Vec<&&Placed> = on_line
                    .iter()
                    .filter(|p| names_entity(&link.target, p.mention))
                    .collect();
                if named.iter().any(|p| overlaps(&p.span, &link.span)) {
                    score.links += 1;
                    score.correct += 1;
                    found_mentions.extend(named.iter().map(|p| p.index));
                    continue;
                }
                let ignored = match &link.target {
                    Found::Named { names, .. } => {
                        kind == Kind::Organization && !names.is_disjoint(&ignored_names)
                    }
                    // "target 9.c" names goal 9 too: the goal's link is implied
                    // by the labelled target, neither right nor wrong.
                    Found::Goal(n, None) => on_line.iter().any(|p| {
                        overlaps(&p.span, &link.span)
                            && parse_goal(&p.mention.entity)
                                .is_some_and(|(goal, t)| goal == *n && t.is_some())
                    }),
                    _ => false,
                };
                if ignored {
                    score.ignored += 1;
                } else {
                    score.links += 1;
                    score.false_links.push(format!(
                        "{}: {:?} → {}",
                        link.passage,
                        link.words,
                        link.target.describe()
                    ));
                }
            }
        }
        for placed in placed.values().flatten().filter(|p| p.mention.kind == kind) {
            if found_mentions.contains(&placed.index) {
                score.found += 1;
            } else {
                score.missed.push(format!(
                    "{}: {:?} ({})",
                    placed.mention.passage, placed.mention.text, placed.mention.entity
                ));
            }
        }
    }
    report
}

/// The report as text: one row per kind, and with `verbose` the false links
/// and the missed mentions.
pub fn render(report: &Report, verbose: bool) -> String {
    let percent =
        |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| format!("{:.1}%", x * 100.0));
    let mut out = String::from(
        "kind          links  correct  false  ignored  precision  mentions  found  missed  recall\n",
    );
    for (kind, s) in &report.scores {
        out.push_str(&format!(
            "{:<12} {:>6} {:>8} {:>6} {:>8} {:>10} {:>9} {:>6} {:>7} {:>7}\n",
            kind.name(),
            s.links,
            s.correct,
            s.false_links.len(),
            s.ignored,
            percent(s.precision()),
            s.mentions,
            s.found,
            s.missed.len(),
            percent(s.recall())
        ));
    }
    if verbose {
        for (kind, s) in &report.scores {
            out.push_str(&format!(
                "\n{kind}: false links ({})\n",
                s.false_links.len()
            ));
            for line in &s.false_links {
                out.push_str(&format!("  {line}\n"));
            }
            out.push_str(&format!("{kind}: missed mentions ({})\n", s.missed.len()));
            for line in &s.missed {
                out.push_str(&format!("  {line}\n"));
            }
        }
    }
    out
}
