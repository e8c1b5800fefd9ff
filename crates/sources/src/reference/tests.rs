//! Tests of the reference readers.

use super::*;
use igfkg_model::NriStatus;
use registries::is_wikidata_id;

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
        format!(
            "[source]\npublisher = \"p\"\nurl = \"u\"\nchecked = \"2026-11-24\"\n{meeting}{meeting}"
        ),
    )
    .unwrap();
    let error = read_meetings(SourceText::read(&path).unwrap())
        .unwrap_err()
        .to_string();
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
        format!("id,name,aliases,kind,country,region,established,status,successor,source\n{rows}"),
    )
    .unwrap();
    read_nris(SourceText::read(&path).unwrap())
        .unwrap_err()
        .to_string()
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
        // A name of spaces only is empty too (cells are trimmed).
        (
            format!("{NETTHING}auigf,  ,,national,AU,,2012,renamed,netthing,s\n"),
            "nris.csv:3:1: NRI \"auigf\": name is empty; give the name the NRI is known by",
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
    let nris = read_nris(SourceText::read(&path).unwrap()).unwrap();
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

/// The standard reference data is the repository's `data/reference/`, read
/// as a folder on disk would be.
#[test]
fn the_standard_reference_data_is_the_bundled_folder() {
    let standard = standard_reference().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference");
    assert_eq!(standard, read_reference(&dir).unwrap());
    // What data/reference/README.md says the files hold.
    assert_eq!(standard.goals.len(), 17);
    assert_eq!(
        standard.meetings.iter().map(|m| m.year).collect::<Vec<_>>(),
        (2006..=2025).collect::<Vec<_>>()
    );
    assert!(standard.nris.iter().any(|n| n.id == "seedig"));
}

#[test]
fn a_data_directory_without_reference_folder_gets_the_standard_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = crate::DataDir::new(dir.path());
    assert!(!data.has_own_reference());
    assert_eq!(data.reference().unwrap(), standard_reference().unwrap());
    // A folder of its own is read, and its errors are its own.
    std::fs::create_dir(data.reference_dir()).unwrap();
    let error = data.reference().unwrap_err().to_string();
    assert!(error.contains("meetings.toml"), "{error}");
}

#[test]
fn an_organisation_needs_a_name() {
    // The header of data/reference/organizations.csv, and the row of the
    // UN GGE (IGF 2019 Reports) with its name left out.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("organizations.csv");
    std::fs::write(
        &path,
        "id,name,aliases,kind,stakeholder_group,country,wikidata,source\n\
         un-gge,,GGE,un-body,,,,s\n",
    )
    .unwrap();
    let error = read_organizations(SourceText::read(&path).unwrap(), &[])
        .unwrap_err()
        .to_string();
    assert!(
        error.contains(
            "organizations.csv:2:1: organisation \"un-gge\": name is empty; give the name the organisation is known by"
        ),
        "{error}"
    );
}
