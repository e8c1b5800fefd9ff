//! The registries of `data/reference/` that are tables: `nris.csv` and
//! `organizations.csv`, each row checked, each bad value an error at its
//! file and line.

use crate::error::SourceError;
use crate::text::SourceText;
use igfkg_model::{Nri, NriKind, NriStatus, Organization, StakeholderGroup, slugify};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

struct CsvTable {
    path: PathBuf,
    header: csv::StringRecord,
    rows: Vec<(u32, csv::StringRecord)>,
}

impl CsvTable {
    fn read(text: &SourceText) -> Result<Self, SourceError> {
        let path = text.path();
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
        Ok(Self {
            path: path.to_owned(),
            header,
            rows,
        })
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

/// A column that a row must fill: the name an NRI or an organisation is
/// known by (an empty one would be a node with an empty label, linked to
/// nothing).
fn required<'r>(
    path: &Path,
    line: u32,
    what: &str,
    id: &str,
    column: &str,
    value: &'r str,
) -> Result<&'r str, SourceError> {
    if value.is_empty() {
        return Err(invalid_row(
            path,
            line,
            format!("{what} {id:?}: {column} is empty; give the name the {what} is known by"),
        ));
    }
    Ok(value)
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

pub(super) fn read_nris(text: SourceText) -> Result<Vec<Nri>, SourceError> {
    let table = CsvTable::read(&text)?;
    let path = table.path.as_path();
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
            name: required(path, *line, "NRI", id, "name", get("name")?)?.to_owned(),
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
pub(super) fn is_wikidata_id(id: &str) -> bool {
    id.strip_prefix('Q').is_some_and(|digits| {
        !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

pub(super) fn read_organizations(
    text: SourceText,
    groups: &[StakeholderGroup],
) -> Result<Vec<Organization>, SourceError> {
    let table = CsvTable::read(&text)?;
    let path = table.path.as_path();
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
            name: required(path, *line, "organisation", id, "name", get("name")?)?.to_owned(),
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
