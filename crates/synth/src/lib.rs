#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

use igfkg_sources::ReferenceData;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenOptions {
    /// Number of annual meetings, from 2006 on.
    pub years: u16,
    /// Sessions (or themes) per year.
    pub sessions: u32,
    /// Messages in the whole corpus, spread evenly over years and sessions.
    pub messages: u64,
    /// The seed: the same seed gives the same bytes.
    pub seed: u64,
}

/// The most messages a corpus may have: about 2 GB of documents, past what
/// one machine builds (a build holds the graph in memory). A mistyped size
/// is refused at once instead of filling the disk.
pub const MAX_MESSAGES: u64 = 10_000_000;

/// The most sessions (or themes) a year may have.
pub const MAX_SESSIONS: u32 = 100_000;

/// An error writing the corpus.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GenError {
    /// A file could not be written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The options cannot make a corpus.
    #[error("{0}")]
    Options(String),
}

/// What was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// Documents written.
    pub documents: usize,
    /// Messages written.
    pub messages: u64,
    /// Bytes of source text written.
    pub bytes: u64,
}

/// The words sentences are made of: the reference data's own vocabularies,
/// so that linking has real work to do.
struct Vocabulary {
    topics: Vec<String>,
    nris: Vec<String>,
    organizations: Vec<String>,
    groups: Vec<String>,
}

impl Vocabulary {
    fn new(reference: &ReferenceData) -> Self {
        Self {
            topics: reference
                .topics
                .iter()
                .filter(|t| !t.basket)
                .flat_map(|t| {
                    std::iter::once(t.label.to_lowercase())
                        .chain(t.alt_labels.iter().filter(|l| l.len() > 3).cloned())
                })
                .collect(),
            nris: reference.nris.iter().map(|n| n.name.clone()).collect(),
            organizations: reference
                .organizations
                .iter()
                .map(|o| o.name.clone())
                .collect(),
            groups: reference
                .stakeholder_groups
                .iter()
                .map(|g| g.label.clone())
                .collect(),
        }
    }
}

const FIRST_NAMES: [&str; 24] = [
    "Amina", "Lucas", "Mei", "Olga", "Rahul", "Sofia", "Kwame", "Elena", "Jonas", "Priya", "Mateo",
    "Yuki", "Fatima", "Tomás", "Ingrid", "Chidi", "Lea", "Omar", "Ana", "Hiroshi", "Nadia",
    "Pablo", "Zainab", "Erik",
];
const LAST_NAMES: [&str; 24] = [
    "Okafor", "Silva", "Chen", "Ivanova", "Sharma", "Rossi", "Mensah", "Petrova", "Berg", "Nair",
    "García", "Tanaka", "Haddad", "Müller", "Larsen", "Eze", "Dubois", "Khalil", "Costa", "Sato",
    "Aziz", "Moreno", "Bello", "Lind",
];
const COUNTRIES: [&str; 16] = [
    "Brazil",
    "Germany",
    "India",
    "Kenya",
    "France",
    "Japan",
    "Nigeria",
    "Mexico",
    "Norway",
    "Egypt",
    "Canada",
    "Indonesia",
    "Poland",
    "Chile",
    "Ghana",
    "Italy",
];
const VERBS: [&str; 10] = [
    "work together on",
    "invest in",
    "pay attention to",
    "build capacity on",
    "cooperate on",
    "strengthen",
    "develop policies on",
    "raise awareness of",
    "address",
    "protect",
];
const OPENINGS: [&str; 8] = [
    "Participants agreed that",
    "There was broad support for the view that",
    "Many stressed that",
    "Some warned that",
    "The session concluded that",
    "Speakers noted that",
    "It was underlined that",
    "Several discussants argued that",
];
const CLAIMS: [&str; 8] = [
    "needs a multistakeholder approach",
    "remains a concern around the world",
    "requires international cooperation",
    "should be grounded in human rights",
    "calls for clearer definitions",
    "depends on trust among stakeholders",
    "must be addressed at national and regional levels",
    "offers opportunities for development",
];
const SESSION_KINDS: [&str; 3] = [
    "Main session",
    "High level thematic session",
    "Main session",
];

fn sentence(rng: &mut ChaCha8Rng, v: &Vocabulary) -> String {
    let topic = v.topics.choose(rng).map_or("the Internet", String::as_str);
    let other = v.topics.choose(rng).map_or("the Internet", String::as_str);
    let mut text = match rng.random_range(0..4) {
        0 => format!(
            "{} {topic} {}.",
            OPENINGS.choose(rng).unwrap(),
            CLAIMS.choose(rng).unwrap()
        ),
        1 => {
            let group = v.groups.choose(rng).map_or("Governments", String::as_str);
            let verb = VERBS.choose(rng).unwrap();
            let also = if rng.random_bool(0.3) {
                format!(" and {other}")
            } else {
                String::new()
            };
            format!("{group} should {verb} {topic}{also}.")
        }
        2 => format!(
            "{} the debate on {topic} {}.",
            OPENINGS.choose(rng).unwrap(),
            CLAIMS.choose(rng).unwrap()
        ),
        _ => format!(
            "The link between {topic} and {other} {}, and {} should {} it.",
            CLAIMS.choose(rng).unwrap(),
            v.groups
                .choose(rng)
                .map_or("all stakeholders", |g| g.as_str())
                .to_lowercase(),
            VERBS.choose(rng).unwrap()
        ),
    };
    // Rates close to those of the real documents.
    if rng.random_bool(0.05) {
        let goal = rng.random_range(1..=17);
        if rng.random_bool(0.5) {
            let _ = write!(text, " This contributes to SDG {goal}.");
        } else {
            let _ = write!(
                text,
                " It was linked to SDGs {goal} and {}.",
                rng.random_range(1..=17)
            );
        }
    }
    if rng.random_bool(0.03)
        && let Some(nri) = v.nris.choose(rng)
    {
        let _ = write!(text, " The {nri} reported similar discussions.");
    }
    if rng.random_bool(0.05)
        && let Some(org) = v.organizations.choose(rng)
    {
        let _ = write!(text, " {org} presented its work on {other}.");
    }
    text
}

fn message(rng: &mut ChaCha8Rng, v: &Vocabulary) -> String {
    let sentences = rng.random_range(1..=2);
    (0..sentences)
        .map(|_| sentence(rng, v))
        .collect::<Vec<_>>()
        .join(" ")
}

fn title(rng: &mut ChaCha8Rng, v: &Vocabulary, position: u32) -> String {
    let topic = v.topics.choose(rng).map_or("the Internet", String::as_str);
    let mut title = format!("{topic} and the digital future, part {position}");
    if let Some(first) = title.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    title
}

fn person(rng: &mut ChaCha8Rng, v: &Vocabulary) -> String {
    format!(
        "{} {}. {}. {}. {}.",
        FIRST_NAMES.choose(rng).unwrap(),
        LAST_NAMES.choose(rng).unwrap(),
        v.organizations
            .choose(rng)
            .map_or("Internet Society", String::as_str),
        COUNTRIES.choose(rng).unwrap(),
        v.groups.choose(rng).map_or("Civil society", String::as_str)
    )
}

/// The number of messages of each of `parts` parts of `total`, spread evenly.
fn spread(total: u64, parts: u64) -> Vec<u64> {
    (0..parts)
        .map(|i| total / parts + u64::from(i < total % parts))
        .collect()
}

fn messages_by_session(rng: &mut ChaCha8Rng, v: &Vocabulary, year: u16, counts: &[u64]) -> String {
    let mut doc = format!("IGF {year} Messages\n\nDecember {year}\n\n");
    for (i, count) in counts.iter().enumerate() {
        let kind = SESSION_KINDS[i % SESSION_KINDS.len()];
        let title = title(rng, v, i as u32 + 1);
        if kind.starts_with("High") {
            let _ = write!(doc, "{kind} ‘{title}’\n\n\n");
        } else {
            let _ = write!(doc, "{kind}: {title}\n\n\n");
        }
        for _ in 0..*count {
            let _ = writeln!(doc, "  • {}", message(rng, v));
        }
        doc.push('\n');
    }
    doc
}

fn messages_by_theme(rng: &mut ChaCha8Rng, v: &Vocabulary, year: u16, counts: &[u64]) -> String {
    let titles: Vec<String> = (0..counts.len())
        .map(|i| title(rng, v, i as u32 + 1))
        .collect();
    let mut doc = format!(
        "## Internet Governance Forum - IGF{year} Messages\n\n{}\n\n### IGF {year} Themes\n\n",
        message(rng, v)
    );
    for title in &titles {
        let _ = write!(doc, "[{title}](#)\n\n");
    }
    let _ = write!(doc, "## IGF {year} THEMES\n\n---\n\n");
    for (title, count) in titles.iter().zip(counts) {
        let _ = write!(doc, "### {}\n\n#### *Messages*\n\n", title.to_uppercase());
        for _ in 0..*count {
            let text = message(rng, v);
            match text.split_once(". ") {
                Some((headline, rest)) => {
                    let _ = write!(doc, "**{headline}.** {rest}\n\n");
                }
                None => {
                    let _ = write!(doc, "**{text}**\n\n");
                }
            }
        }
    }
    doc
}

const FIELDS: [&str; 8] = [
    "1. Key Policy Questions and Expectations",
    "2. Discussion Areas:",
    "3. Policy Recommendations or Suggestions for the Way Forward:",
    "4. Other Initiatives Addressing the Session Issues:",
    "5. Making Progress for Tackled Issues:",
    "6. Estimated Participation:",
    "7. Reflection to Gender Issues:",
    "8. Session Outputs:",
];

fn session_reports(rng: &mut ChaCha8Rng, v: &Vocabulary, year: u16, counts: &[u64]) -> String {
    let mut doc = format!("IGF {year} Reports\n\n");
    for (i, count) in counts.iter().enumerate() {
        let kind = if i % 4 == 0 {
            "Ceremonial/HL Session"
        } else {
            "Main Session"
        };
        let _ = write!(
            doc,
            "{}\n\n{kind}\nUpdated: Mon, 27/01/{} - 13:09\n",
            title(rng, v, i as u32 + 1),
            year + 1
        );
        // The messages of a report go to fields 1, 2, 3, 4, 5, 7 and 8.
        let per_field = spread(*count, 7);
        let mut next = per_field.iter();
        for (f, heading) in FIELDS.iter().enumerate() {
            let _ = write!(doc, "{heading}\n\n");
            if f == 5 {
                let people = rng.random_range(20..400);
                let _ = write!(
                    doc,
                    "{people} people, including {} women.\n\n",
                    rng.random_range(5..people)
                );
                continue;
            }
            if f == 1 {
                let _ = write!(
                    doc,
                    "Breakout discussions were facilitated by the following people, as listed below:\n\n"
                );
                for _ in 0..rng.random_range(0..3) {
                    let topic = v.topics.choose(rng).map_or("Security", String::as_str);
                    let _ = writeln!(doc, "  • {topic}: {}", person(rng, v));
                }
                doc.push('\n');
            }
            for _ in 0..*next.next().unwrap_or(&0) {
                if f == 0 {
                    let _ = writeln!(doc, "  • {}", message(rng, v));
                } else {
                    let _ = write!(doc, "{}\n\n", message(rng, v));
                }
            }
            doc.push('\n');
        }
    }
    doc
}

/// The formats the generator writes, in the order years take them.
pub const FORMATS: [&str; 3] = [
    "messages-by-session",
    "messages-by-theme",
    "session-reports",
];

/// Writes a synthetic corpus — documents, `corpus.toml` and a copy of the
/// reference data — into `out`, as a data directory `igfkg build --data`
/// reads. `reference` was read from `reference_dir`, which is copied; with
/// no folder (`reference` is igfkg's standard reference data), nothing is
/// copied and a build of the corpus uses the standard data too.
///
/// # Errors
/// [`GenError`] if the options make no corpus or a file cannot be written.
pub fn generate(
    options: &GenOptions,
    reference: &ReferenceData,
    reference_dir: Option<&Path>,
    out: &Path,
) -> Result<Generated, GenError> {
    if options.years == 0 || options.sessions == 0 {
        return Err(GenError::Options(
            "give at least one year and one session".into(),
        ));
    }
    if options.messages > MAX_MESSAGES {
        return Err(GenError::Options(format!(
            "--messages {} is more than the {MAX_MESSAGES} a corpus may have; give fewer",
            options.messages
        )));
    }
    if options.sessions > MAX_SESSIONS {
        return Err(GenError::Options(format!(
            "--sessions {} is more than the {MAX_SESSIONS} a year may have; give fewer",
            options.sessions
        )));
    }
    // Every year is a meeting of the reference data, as a build requires.
    let last = 2006 + u32::from(options.years) - 1;
    if let Some(missing) =
        (2006..=last).find(|y| reference.meetings.iter().all(|m| u32::from(m.year) != *y))
    {
        return Err(GenError::Options(format!(
            "--years {} reaches {last}, but the reference data has no meeting in {missing}; give fewer years, or add the meetings to {}",
            options.years,
            reference_dir
                .unwrap_or(Path::new(igfkg_sources::STANDARD_REFERENCE))
                .join(igfkg_sources::MEETINGS)
                .display()
        )));
    }
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| GenError::Io { path, source }
    };
    let sources = out.join("sources");
    std::fs::create_dir_all(&sources).map_err(io(&sources))?;
    if let Some(reference_dir) = reference_dir {
        let references = out.join("reference");
        std::fs::create_dir_all(&references).map_err(io(&references))?;
        for entry in std::fs::read_dir(reference_dir).map_err(io(reference_dir))? {
            let entry = entry.map_err(io(reference_dir))?;
            std::fs::copy(entry.path(), references.join(entry.file_name()))
                .map_err(io(&entry.path()))?;
        }
    }
    let vocabulary = Vocabulary::new(reference);
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let mut manifest =
        String::from("# A synthetic corpus written by `igfkg gen`: not real IGF documents.\n");
    let mut bytes = 0;
    for (i, per_year) in spread(options.messages, u64::from(options.years))
        .into_iter()
        .enumerate()
    {
        let year = 2006 + i as u16;
        let format = FORMATS[i % FORMATS.len()];
        let counts = spread(per_year, u64::from(options.sessions));
        let (text, extension) = match format {
            "messages-by-session" => (
                messages_by_session(&mut rng, &vocabulary, year, &counts),
                "txt",
            ),
            "messages-by-theme" => (
                messages_by_theme(&mut rng, &vocabulary, year, &counts),
                "md",
            ),
            _ => (session_reports(&mut rng, &vocabulary, year, &counts), "txt"),
        };
        let id = format!("synthetic-{year}");
        let path = sources.join(format!("{id}.{extension}"));
        std::fs::write(&path, &text).map_err(io(&path))?;
        bytes += text.len() as u64;
        let _ = write!(
            manifest,
            "\n[[document]]\nid = \"{id}\"\ntitle = \"Synthetic IGF {year} document\"\npublisher = \"igfkg gen (seed {})\"\nyear = {year}\nmeeting = {year}\nkind = \"synthetic\"\nformat = \"{format}\"\npath = \"sources/{id}.{extension}\"\nlicence = \"Generated test data\"\n",
            options.seed
        );
    }
    let path = out.join("corpus.toml");
    std::fs::write(&path, manifest).map_err(io(&path))?;
    Ok(Generated {
        documents: usize::from(options.years),
        messages: options.messages,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_evenly() {
        assert_eq!(spread(10, 3), [4, 3, 3]);
        assert_eq!(spread(2, 4), [1, 1, 0, 0]);
    }
}
