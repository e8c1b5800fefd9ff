//! Reference data, `data/reference/`: the annual meetings, the 17 SDGs and
//! the stakeholder groups, each file saying where its facts come from.

use crate::error::SourceError;
use crate::text::SourceText;
use crate::toml_file::TomlFile;
use igfkg_model::{Attribution, Goal, Meeting, ReferenceData, StakeholderGroup, Topic, slugify};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use std::path::Path;
use toml::Spanned;

mod registries;
#[cfg(test)]
mod tests;

use registries::{read_nris, read_organizations};

/// The name of the meetings file under the reference directory.
pub const MEETINGS: &str = "meetings.toml";
/// See [`MEETINGS`].
pub const GOALS: &str = "sdgs.toml";
/// See [`MEETINGS`].
pub const STAKEHOLDER_GROUPS: &str = "stakeholder-groups.toml";
/// See [`MEETINGS`].
pub const NRIS: &str = "nris.csv";
/// See [`MEETINGS`].
pub const ORGANIZATIONS: &str = "organizations.csv";
/// See [`MEETINGS`].
pub const TOPICS: &str = "topics.toml";

/// Reads and checks the reference directory.
///
/// # Errors
/// A TOML error, or a fact that cannot be right (a duplicate year, a goal
/// number outside 1–17 or missing, a date that is not `YYYY-MM-DD`, a
/// broader group or topic that does not exist, an unknown NRI kind, an
/// identifier used twice), with its file, line and column.
pub fn read_reference(dir: &Path) -> Result<ReferenceData, SourceError> {
    read_from(Files::Dir(dir))
}

/// igfkg's standard reference data, built into the library: the files of
/// the repository's `data/reference/` as they were when it was compiled, so
/// that a corpus needs no `reference/` folder of its own.
///
/// # Errors
/// None in a released igfkg (a test reads them); the errors of
/// [`read_reference`] otherwise.
pub fn standard_reference() -> Result<ReferenceData, SourceError> {
    read_from(Files::Standard)
}

/// Where the standard reference files appear in error messages.
pub const STANDARD_REFERENCE: &str = "(igfkg's standard reference data)";

/// The folder reference files are read from: one on disk, or the standard
/// files built into the library.
#[derive(Debug, Clone, Copy)]
enum Files<'a> {
    Dir(&'a Path),
    Standard,
}

impl Files<'_> {
    fn read(self, name: &str) -> Result<SourceText, SourceError> {
        match self {
            Files::Dir(dir) => SourceText::read(&dir.join(name)),
            Files::Standard => {
                let path = Path::new(STANDARD_REFERENCE).join(name);
                let text = match name {
                    MEETINGS => include_str!("../../../../data/reference/meetings.toml"),
                    GOALS => include_str!("../../../../data/reference/sdgs.toml"),
                    STAKEHOLDER_GROUPS => {
                        include_str!("../../../../data/reference/stakeholder-groups.toml")
                    }
                    NRIS => include_str!("../../../../data/reference/nris.csv"),
                    ORGANIZATIONS => include_str!("../../../../data/reference/organizations.csv"),
                    TOPICS => include_str!("../../../../data/reference/topics.toml"),
                    _ => {
                        return Err(SourceError::Io {
                            path,
                            source: std::io::ErrorKind::NotFound.into(),
                        });
                    }
                };
                SourceText::from_bytes(&path, text.as_bytes().to_vec())
            }
        }
    }
}

fn read_from(files: Files<'_>) -> Result<ReferenceData, SourceError> {
    let (meetings_source, meetings) = read_meetings(files.read(MEETINGS)?)?;
    let (goals_source, goals) = read_goals(files.read(GOALS)?)?;
    let (stakeholder_groups_source, stakeholder_groups) =
        read_groups(files.read(STAKEHOLDER_GROUPS)?)?;
    let nris = read_nris(files.read(NRIS)?)?;
    let organizations = read_organizations(files.read(ORGANIZATIONS)?, &stakeholder_groups)?;
    let (topics_source, topics) = read_topics(files.read(TOPICS)?)?;
    Ok(ReferenceData {
        meetings,
        meetings_source,
        goals,
        goals_source,
        stakeholder_groups,
        stakeholder_groups_source,
        nris,
        organizations,
        topics,
        topics_source,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile<T> {
    source: Attribution,
    #[serde(alias = "meeting", alias = "goal", alias = "group", alias = "topic")]
    entries: Vec<Spanned<T>>,
}

fn read_file<T: DeserializeOwned>(
    text: SourceText,
) -> Result<(TomlFile, Attribution, Vec<Spanned<T>>), SourceError> {
    let file = TomlFile { text };
    let raw: RawFile<T> = file.parse()?;
    Ok((file, raw.source, raw.entries))
}

fn read_meetings(text: SourceText) -> Result<(Attribution, Vec<Meeting>), SourceError> {
    let (file, source, entries) = read_file::<Meeting>(text)?;
    let mut years = BTreeSet::new();
    let mut meetings = Vec::with_capacity(entries.len());
    for entry in entries {
        let at = entry.span().start;
        let meeting = entry.into_inner();
        if !years.insert(meeting.year) {
            return Err(file.invalid(at, format!("meeting year {} is listed twice", meeting.year)));
        }
        for date in [&meeting.start, &meeting.end] {
            if !is_iso_date(date) {
                return Err(file.invalid(
                    at,
                    format!("meeting {}: date {date:?} is not YYYY-MM-DD", meeting.year),
                ));
            }
        }
        if meeting.start > meeting.end || !meeting.start.starts_with(&meeting.year.to_string()) {
            return Err(file.invalid(
                at,
                format!(
                    "meeting {}: dates {} to {} do not fall in its year in order",
                    meeting.year, meeting.start, meeting.end
                ),
            ));
        }
        if meeting.online != meeting.city.is_none() {
            return Err(file.invalid(
                at,
                format!(
                    "meeting {}: give a city, or `online = true` and no city",
                    meeting.year
                ),
            ));
        }
        meetings.push(meeting);
    }
    meetings.sort_by_key(|m| m.year);
    Ok((source, meetings))
}

fn read_goals(text: SourceText) -> Result<(Attribution, Vec<Goal>), SourceError> {
    let (file, source, entries) = read_file::<Goal>(text)?;
    let mut goals: Vec<Goal> = Vec::with_capacity(17);
    for entry in entries {
        let at = entry.span().start;
        let goal = entry.into_inner();
        if !(1..=17).contains(&goal.number) || goals.iter().any(|g| g.number == goal.number) {
            return Err(file.invalid(
                at,
                format!(
                    "goal number {} is outside 1–17 or listed twice",
                    goal.number
                ),
            ));
        }
        goals.push(goal);
    }
    if goals.len() != 17 {
        return Err(file.invalid(
            0,
            format!("the file lists {} goals; the SDGs are 17", goals.len()),
        ));
    }
    goals.sort_by_key(|g| g.number);
    Ok((source, goals))
}

fn read_groups(text: SourceText) -> Result<(Attribution, Vec<StakeholderGroup>), SourceError> {
    let (file, source, entries) = read_file::<StakeholderGroup>(text)?;
    let ids: BTreeSet<String> = entries.iter().map(|e| e.get_ref().id.clone()).collect();
    let mut groups = Vec::with_capacity(entries.len());
    for entry in entries {
        let at = entry.span().start;
        let group = entry.into_inner();
        if slugify(&group.id) != group.id {
            return Err(file.invalid(
                at,
                format!(
                    "group id {:?} must be lower-case letters, digits and dashes",
                    group.id
                ),
            ));
        }
        if let Some(broader) = &group.broader
            && !ids.contains(broader)
        {
            return Err(file.invalid(
                at,
                format!(
                    "group {:?}: broader group {broader:?} is not defined",
                    group.id
                ),
            ));
        }
        groups.push(group);
    }
    Ok((source, groups))
}

fn read_topics(text: SourceText) -> Result<(Attribution, Vec<Topic>), SourceError> {
    let (file, source, entries) = read_file::<Topic>(text)?;
    let ids: BTreeSet<String> = entries.iter().map(|e| e.get_ref().id.clone()).collect();
    let mut seen = BTreeSet::new();
    let mut topics = Vec::with_capacity(entries.len());
    for entry in entries {
        let at = entry.span().start;
        let topic = entry.into_inner();
        if slugify(&topic.id) != topic.id || !seen.insert(topic.id.clone()) {
            return Err(file.invalid(
                at,
                format!(
                    "topic id {:?} must be a unique slug of lower-case letters, digits and dashes",
                    topic.id
                ),
            ));
        }
        match &topic.broader {
            Some(broader) if !ids.contains(broader) => {
                return Err(file.invalid(
                    at,
                    format!(
                        "topic {:?}: broader topic {broader:?} is not defined",
                        topic.id
                    ),
                ));
            }
            None if !topic.basket => {
                return Err(file.invalid(
                    at,
                    format!("topic {:?} needs a broader topic or basket", topic.id),
                ));
            }
            _ => {}
        }
        topics.push(topic);
    }
    // A broader chain must end at a basket, never loop.
    for topic in &topics {
        let mut current = topic;
        for _ in 0..=topics.len() {
            match current
                .broader
                .as_ref()
                .and_then(|b| topics.iter().find(|t| &t.id == b))
            {
                Some(next) => current = next,
                None => break,
            }
        }
        if !current.basket {
            return Err(file.invalid(0, format!("topic {:?}: its broader topics loop", topic.id)));
        }
    }
    Ok((source, topics))
}

/// A CSV file with a header: its rows as string records with their line.
fn is_iso_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
        && matches!(date[5..7].parse::<u8>(), Ok(1..=12))
        && matches!(date[8..10].parse::<u8>(), Ok(1..=31))
}
