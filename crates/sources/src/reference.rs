//! Reference data, `data/reference/`: the annual meetings, the 17 SDGs and
//! the stakeholder groups, each file saying where its facts come from.

use crate::error::SourceError;
use crate::text::SourceText;
use crate::toml_file::TomlFile;
use igfkg_model::{
    Attribution, Goal, Meeting, Nri, NriKind, NriStatus, Organization, ReferenceData,
    StakeholderGroup, Topic, slugify,
};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use std::path::Path;
use toml::Spanned;

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
    let (meetings_source, meetings) = read_meetings(&dir.join(MEETINGS))?;
    let (goals_source, goals) = read_goals(&dir.join(GOALS))?;
    let (stakeholder_groups_source, stakeholder_groups) =
        read_groups(&dir.join(STAKEHOLDER_GROUPS))?;
    let nris = read_nris(&dir.join(NRIS))?;
    let organizations = read_organizations(&dir.join(ORGANIZATIONS), &stakeholder_groups)?;
    let (topics_source, topics) = read_topics(&dir.join(TOPICS))?;
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
    path: &Path,
) -> Result<(TomlFile, Attribution, Vec<Spanned<T>>), SourceError> {
    let file = TomlFile::read(path)?;
    let raw: RawFile<T> = file.parse()?;
    Ok((file, raw.source, raw.entries))
}

fn read_meetings(path: &Path) -> Result<(Attribution, Vec<Meeting>), SourceError> {
    let (file, source, entries) = read_file::<Meeting>(path)?;
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

fn read_goals(path: &Path) -> Result<(Attribution, Vec<Goal>), SourceError> {
    let (file, source, entries) = read_file::<Goal>(path)?;
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

fn read_groups(path: &Path) -> Result<(Attribution, Vec<StakeholderGroup>), SourceError> {
    let (file, source, entries) = read_file::<StakeholderGroup>(path)?;
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

fn read_topics(path: &Path) -> Result<(Attribution, Vec<Topic>), SourceError> {
    let (file, source, entries) = read_file::<Topic>(path)?;
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
struct CsvTable<'p> {
    path: &'p Path,
    header: csv::StringRecord,
    rows: Vec<(u32, csv::StringRecord)>,
}

impl<'p> CsvTable<'p> {
    fn read(path: &'p Path) -> Result<Self, SourceError> {
        let text = SourceText::read(path)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(text.as_str().as_bytes());
        let header = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, &e))?;
            let line = record.position().map_or(0, |p| p.line() as u32);
            rows.push((line, record));
        }
        Ok(Self { path, header, rows })
    }

    /// The value of a column of a row; fails if the header lacks the column.
    fn get<'r>(&self, row: &'r csv::StringRecord, name: &str) -> Result<&'r str, SourceError> {
        let index =
            self.header
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| SourceError::Invalid {
                    path: self.path.to_owned(),
                    line: 1,
                    column: 1,
                    message: format!("the header has no column {name:?}"),
                })?;
        Ok(row.get(index).unwrap_or("").trim())
    }
}

fn csv_error(path: &Path, error: &csv::Error) -> SourceError {
    let line = error.position().map_or(1, |p| p.line() as u32);
    SourceError::Invalid {
        path: path.to_owned(),
        line,
        column: 1,
        message: format!("invalid CSV: {error}"),
    }
}

fn invalid_row(path: &Path, line: u32, message: String) -> SourceError {
    SourceError::Invalid {
        path: path.to_owned(),
        line,
        column: 1,
        message,
    }
}

fn split_aliases(aliases: &str) -> Vec<String> {
    aliases
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

fn optional(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Checks that a row's id is a slug no earlier row has.
fn unique_slug(
    path: &Path,
    line: u32,
    what: &str,
    id: &str,
    ids: &mut BTreeSet<String>,
) -> Result<(), SourceError> {
    if slugify(id) != id || !ids.insert(id.to_owned()) {
        return Err(invalid_row(
            path,
            line,
            format!("{what} id {id:?} must be a unique slug"),
        ));
    }
    Ok(())
}

fn read_nris(path: &Path) -> Result<Vec<Nri>, SourceError> {
    let table = CsvTable::read(path)?;
    let mut ids = BTreeSet::new();
    let mut nris = Vec::with_capacity(table.rows.len());
    let mut lines = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let get = |name| table.get(row, name);
        let id = get("id")?;
        unique_slug(path, *line, "NRI", id, &mut ids)?;
        let kind = match get("kind")? {
            "national" => NriKind::National,
            "regional" => NriKind::Regional,
            "sub-regional" => NriKind::SubRegional,
            "youth" => NriKind::Youth,
            other => {
                return Err(invalid_row(
                    path,
                    *line,
                    format!(
                        "NRI {id:?}: kind {other:?} is not national, regional, sub-regional or youth"
                    ),
                ));
            }
        };
        let country = optional(get("country")?);
        let regions = split_aliases(get("region")?);
        if country.as_deref().is_some_and(|c| !is_country_code(c)) {
            return Err(invalid_row(
                path,
                *line,
                format!("NRI {id:?}: country must be an ISO 3166-1 alpha-2 code such as FR"),
            ));
        }
        if let Some(bad) = regions
            .iter()
            .find(|r| r.len() != 3 || !r.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(invalid_row(
                path,
                *line,
                format!(
                    "NRI {id:?}: region {bad:?} must be three-digit UN M49 codes separated by | such as 142|009"
                ),
            ));
        }
        if country.is_some() != regions.is_empty() {
            return Err(invalid_row(
                path,
                *line,
                format!("NRI {id:?}: give either a country or a region, not both"),
            ));
        }
        let established = match get("established")? {
            "" => None,
            year => match year.parse::<u16>() {
                Ok(y) if (FIRST_NRI_YEAR..=LAST_PLAUSIBLE_YEAR).contains(&y) => Some(y),
                _ => {
                    return Err(invalid_row(
                        path,
                        *line,
                        format!(
                            "NRI {id:?}: established {year:?} must be a year from {FIRST_NRI_YEAR} to {LAST_PLAUSIBLE_YEAR}, or empty"
                        ),
                    ));
                }
            },
        };
        let status = get("status")?;
        let Some(status) = NriStatus::parse(status) else {
            return Err(invalid_row(
                path,
                *line,
                format!("NRI {id:?}: status {status:?} is not active, renamed, merged or inactive"),
            ));
        };
        let successor = optional(get("successor")?);
        if successor.is_some() != matches!(status, NriStatus::Renamed | NriStatus::Merged) {
            return Err(invalid_row(
                path,
                *line,
                format!(
                    "NRI {id:?}: a successor is given exactly for a renamed or merged initiative"
                ),
            ));
        }
        nris.push(Nri {
            id: id.to_owned(),
            name: get("name")?.to_owned(),
            aliases: split_aliases(get("aliases")?),
            kind,
            country,
            regions,
            established,
            status,
            successor,
            source: get("source")?.to_owned(),
        });
        lines.push(*line);
    }
    // Successors may come later in the file: checked once all ids are read.
    for (nri, line) in nris.iter().zip(lines) {
        if let Some(successor) = &nri.successor
            && !ids.contains(successor)
        {
            return Err(invalid_row(
                path,
                line,
                format!(
                    "NRI {:?}: successor {successor:?} is not an id of nris.csv",
                    nri.id
                ),
            ));
        }
    }
    Ok(nris)
}

/// The IGF was convened in 2006 and no NRI predates the WSIS years; a year
/// before this is a typing error.
const FIRST_NRI_YEAR: u16 = 2000;
/// A year past this is a typing error in a registry written in 2026.
const LAST_PLAUSIBLE_YEAR: u16 = 2100;

/// A Wikidata item id: `Q` and digits, no leading zero.
fn is_wikidata_id(id: &str) -> bool {
    id.strip_prefix('Q').is_some_and(|digits| {
        !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

fn read_organizations(
    path: &Path,
    groups: &[StakeholderGroup],
) -> Result<Vec<Organization>, SourceError> {
    let table = CsvTable::read(path)?;
    let mut ids = BTreeSet::new();
    let mut organizations = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let get = |name| table.get(row, name);
        let id = get("id")?;
        unique_slug(path, *line, "organisation", id, &mut ids)?;
        let group = optional(get("stakeholder_group")?);
        if let Some(group) = &group
            && !groups.iter().any(|g| &g.id == group)
        {
            return Err(invalid_row(
                path,
                *line,
                format!(
                    "organisation {id:?}: stakeholder group {group:?} is not in stakeholder-groups.toml"
                ),
            ));
        }
        let country = optional(get("country")?);
        if country.as_deref().is_some_and(|c| !is_country_code(c)) {
            return Err(invalid_row(
                path,
                *line,
                format!("organisation {id:?}: country must be an ISO 3166-1 alpha-2 code"),
            ));
        }
        let wikidata = optional(get("wikidata")?);
        if let Some(q) = wikidata.as_deref().filter(|q| !is_wikidata_id(q)) {
            return Err(invalid_row(
                path,
                *line,
                format!("organisation {id:?}: wikidata {q:?} must be a bare Q-id such as Q1065"),
            ));
        }
        organizations.push(Organization {
            id: Organization::gazetteer_id(id),
            name: get("name")?.to_owned(),
            aliases: split_aliases(get("aliases")?),
            stakeholder_group: group,
            country,
            source: optional(get("source")?),
            kind: optional(get("kind")?),
            wikidata,
        });
    }
    Ok(organizations)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2018-11-12"));
        for bad in ["2018-13-01", "2018-1-12", "12/11/2018", "2018-11-32"] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn duplicate_meeting_year_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let meeting = "[[meeting]]\nordinal = 1\nyear = 2006\ncity = \"Athens\"\ncountry = \"Greece\"\ncountry_code = \"GR\"\nstart = \"2006-10-30\"\nend = \"2006-11-02\"\ntheme = \"T\"\n";
        let path = dir.path().join("meetings.toml");
        std::fs::write(
            &path,
            format!("[source]\npublisher = \"p\"\nurl = \"u\"\nchecked = \"2026-11-24\"\n{meeting}{meeting}"),
        )
        .unwrap();
        let error = read_meetings(&path).unwrap_err().to_string();
        assert!(
            error.contains("meetings.toml:14:1: meeting year 2006 is listed twice"),
            "{error}"
        );
    }

    /// Writes `nris.csv` with the registry's header and these rows.
    fn nris_error(rows: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nris.csv");
        std::fs::write(
            &path,
            format!(
                "id,name,aliases,kind,country,region,established,status,successor,source\n{rows}"
            ),
        )
        .unwrap();
        read_nris(&path).unwrap_err().to_string()
    }

    // Rows after data/reference/README.md: auIGF (2012-2016) renamed to NetThing.
    const NETTHING: &str = "netthing,NetThing,,national,AU,,2019,active,,s\n";

    #[test]
    fn bad_nri_values_name_their_line() {
        let cases = [
            (
                format!("{NETTHING}auigf,auIGF,,national,AU,,2012,closed,,s\n"),
                "nris.csv:3:1: NRI \"auigf\": status \"closed\" is not active, renamed, merged or inactive",
            ),
            (
                format!("{NETTHING}auigf,auIGF,,national,AU,,2012,renamed,net-thing,s\n"),
                "nris.csv:3:1: NRI \"auigf\": successor \"net-thing\" is not an id of nris.csv",
            ),
            (
                "auigf,auIGF,,national,AU,,212,active,,s\n".to_owned(),
                "nris.csv:2:1: NRI \"auigf\": established \"212\" must be a year",
            ),
            (
                "aprigf,APrIGF,,regional,,142|9,2010,active,,s\n".to_owned(),
                "nris.csv:2:1: NRI \"aprigf\": region \"9\" must be three-digit UN M49 codes",
            ),
        ];
        for (rows, expected) in cases {
            let error = nris_error(&rows);
            assert!(error.contains(expected), "{error}");
        }
    }

    #[test]
    fn several_regions_and_a_successor_later_in_the_file_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nris.csv");
        std::fs::write(
            &path,
            format!(
                "id,name,aliases,kind,country,region,established,status,successor,source\n\
                 auigf,auIGF,,national,AU,,2012,renamed,netthing,s\n\
                 aprigf,APrIGF,,regional,,142|009,2010,active,,s\n{NETTHING}"
            ),
        )
        .unwrap();
        let nris = read_nris(&path).unwrap();
        assert_eq!(nris[0].successor.as_deref(), Some("netthing"));
        assert_eq!(nris[0].status, NriStatus::Renamed);
        assert_eq!(nris[1].regions, ["142", "009"]);
        assert_eq!(nris[1].established, Some(2010));
    }

    #[test]
    fn a_wikidata_id_is_a_bare_q_id() {
        assert!(is_wikidata_id("Q1065"));
        for bad in [
            "Q",
            "q1065",
            "Q01",
            "http://www.wikidata.org/entity/Q1065",
            "Q12a",
        ] {
            assert!(!is_wikidata_id(bad), "{bad}");
        }
    }
}
