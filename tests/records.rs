//! The `records` and `programme` formats and the facts that name their
//! meeting, on the documents of `tests/data/formats/` (written in the
//! layouts of real IGF pages; see its README). Every expected value is read
//! from those files.

use crate::util::root;
use igfkg::Format;
use igfkg::model::{ColumnMapping, Extraction, FactKind, RoleKind, SessionType, SourceDocument};
use igfkg::sources::{SourceText, read_reference};

fn fixture(name: &str) -> std::path::PathBuf {
    root().join("tests/data/formats").join(name)
}

/// Parses a fixture in a format, with no default meeting unless given.
fn parse(
    name: &str,
    format: Format,
    meeting: Option<u16>,
    columns: Option<ColumnMapping>,
) -> Extraction {
    let reference = read_reference(&root().join("data/reference")).unwrap();
    let text = SourceText::read(&fixture(name)).unwrap();
    let document = SourceDocument {
        id: igfkg::model::slugify(name),
        title: name.to_owned(),
        publisher: "igfkg tests".to_owned(),
        year: 2024,
        meeting,
        kind: "test".to_owned(),
        format: format.name().to_owned(),
        path: format!("tests/data/formats/{name}"),
        url: None,
        licence: "MIT OR Apache-2.0".to_owned(),
        sha256: String::new(),
        columns,
    };
    igfkg::ingest::parse(format, &document, &text, &reference.meetings).unwrap()
}

fn warnings(e: &Extraction) -> Vec<(u32, String)> {
    e.diagnostics
        .iter()
        .map(|d| (d.line, d.message.clone()))
        .collect()
}

fn events() -> Extraction {
    let columns = crate::fuzzing::harness::events_columns();
    parse("events.csv", Format::Records, None, Some(columns))
}

#[test]
fn csv_rows_become_sessions_of_their_own_year() {
    let e = events();
    let sessions: Vec<(&str, u16, &SessionType, u32, u32)> = e
        .sessions
        .iter()
        .map(|s| {
            (
                s.title.as_str(),
                s.year,
                &s.session_type,
                s.span.start_line,
                s.span.end_line,
            )
        })
        .collect();
    // Rows 3 ("2013-14") and 6 ("20019") have no year and the manifest gives
    // no meeting: they are left out. Row 5's title runs over two lines.
    assert_eq!(
        sessions,
        [
            (
                "Annual symposium of the academic network",
                2019,
                &SessionType::DayZero,
                2,
                2
            ),
            (
                "Training on remote moderation",
                2010,
                &SessionType::Workshop,
                3,
                3
            ),
            ("", 2016, &SessionType::OpenForum, 5, 5),
            (
                "Regional stocktaking of the national initiatives",
                2019,
                &SessionType::Nri,
                6,
                7
            ),
        ]
    );
    let details: Vec<_> = e
        .details
        .iter()
        .map(|d| {
            (
                d.organisers.clone(),
                d.day.as_deref(),
                d.start_time.as_deref(),
                d.end_time.as_deref(),
                d.room.as_deref(),
                d.place.as_deref(),
                d.date_text.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        details,
        [
            (
                vec!["GigaNet".to_owned()],
                Some("2019-11-25"),
                Some("09:00"),
                Some("17:00"),
                Some("Saal Europa"),
                Some("Berlin, Germany"),
                None
            ),
            (
                vec!["DiploFoundation".to_owned()],
                Some("2010-09-14"),
                Some("17:00"),
                Some("18:00"),
                Some("Room 6"),
                Some("Vilnius, Lithuania"),
                Some("14 septembre 2010")
            ),
            (
                vec!["Council of Europe".to_owned()],
                Some("2016-12-07"),
                Some("10:00"),
                Some("11:30"),
                Some("Room 3"),
                Some("Guadalajara, Mexico"),
                None
            ),
            (
                vec![],
                Some("2019-11-25"),
                None,
                None,
                Some("Room 2"),
                Some("Berlin, Germany"),
                Some("25 de noviembre de 2019")
            ),
        ]
    );
    // Omar Haddad speaks in rows 1 and 5: one person, two roles.
    let people: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, ["Jane Doe", "Omar Haddad", "Ana Pérez"]);
    assert_eq!(e.roles.len(), 4);
    assert!(e.roles.iter().all(|r| r.kind == RoleKind::Speaker));
}

#[test]
fn unusual_csv_values_are_reported_by_row_and_column() {
    let e = events();
    assert_eq!(
        warnings(&e),
        [
            (
                3,
                "row 2, column \"Date\": \"14 septembre 2010\" writes its month in French; read as 2010-09-14".to_owned()
            ),
            (
                4,
                "row 3, column \"Year\": \"2013-14\" names more than one year; kept as written".to_owned()
            ),
            (
                4,
                "row 3: no year read from its date or year, and the manifest gives no `meeting`; the row is left out".to_owned()
            ),
            (5, "row 4, column \"Event\": the title is empty; kept empty".to_owned()),
            (
                6,
                "row 5, column \"Date\": \"25 de noviembre de 2019\" writes its month in Spanish; read as 2019-11-25".to_owned()
            ),
            (
                8,
                "row 6, column \"Year\": \"20019\" is not a possible year; kept as written".to_owned()
            ),
            (
                8,
                "row 6: no year read from its date or year, and the manifest gives no `meeting`; the row is left out".to_owned()
            ),
        ]
    );
}

#[test]
fn a_mapping_naming_a_missing_column_is_an_error_at_the_header() {
    let reference = read_reference(&root().join("data/reference")).unwrap();
    let text = SourceText::read(&fixture("events.csv")).unwrap();
    let mut document = SourceDocument {
        id: "events".into(),
        title: "events".into(),
        publisher: String::new(),
        year: 2024,
        meeting: None,
        kind: "test".into(),
        format: "records".into(),
        path: "events.csv".into(),
        url: None,
        licence: String::new(),
        sha256: String::new(),
        columns: None,
    };
    document.columns = Some(ColumnMapping {
        title: Some("Session title".into()),
        ..ColumnMapping::default()
    });
    let error = igfkg::ingest::parse(Format::Records, &document, &text, &reference.meetings)
        .unwrap_err()
        .to_string();
    assert!(error.contains("events.csv:1:1:"), "{error}");
    assert!(error.contains("title = \"Session title\""), "{error}");
    assert!(error.contains("\"Event\", \"Type\""), "{error}");
}

#[test]
fn json_records_under_a_pointer() {
    let columns = crate::fuzzing::harness::sessions_columns();
    let e = parse("sessions.json", Format::Records, None, Some(columns));
    let sessions: Vec<_> = e
        .sessions
        .iter()
        .map(|s| {
            (
                s.title.as_str(),
                s.year,
                s.session_type.clone(),
                s.span.start_line,
                s.span.end_line,
            )
        })
        .collect();
    assert_eq!(
        sessions,
        [
            (
                "Review of the previous meeting and the road to WSIS+20",
                2024,
                SessionType::OpenForum,
                5,
                15
            ),
            (
                "Data governance for smaller economies",
                2024,
                SessionType::Workshop,
                16,
                26
            ),
            (
                "Youth voices on digital inclusion",
                2024,
                SessionType::LightningTalk,
                27,
                35
            ),
        ]
    );
    assert_eq!(
        e.sessions[0].description.as_deref(),
        Some("A panel on what the last meeting achieved.")
    );
    let numbers: Vec<_> = e
        .details
        .iter()
        .map(|d| {
            (
                d.number,
                d.number_label.as_deref(),
                d.room.as_deref(),
                d.start_time.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        [
            (
                Some(27),
                Some("OF #27"),
                Some("Workshop Room 5"),
                Some("10:30")
            ),
            (
                Some(93),
                Some("WS #93"),
                Some("Workshop Room 2"),
                Some("14:00")
            ),
            (Some(4), Some("LT #4"), Some("Village Stage"), None),
        ]
    );
    assert_eq!(
        e.details[0].organisers,
        ["Ministry of Digital Affairs", "Regional Internet Registry"]
    );
    let people: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, ["Kenji Sato", "Lena Fischer", "Tariq Aziz"]);
    assert_eq!(e.roles.len(), 4);
    assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
}

#[test]
fn a_schedule_gives_types_numbers_organisers_days_slots_and_rooms() {
    let e = parse("schedule-2019.txt", Format::Programme, None, None);
    let sessions: Vec<_> = e
        .sessions
        .iter()
        .map(|s| (s.title.as_str(), s.year, s.session_type.clone()))
        .collect();
    assert_eq!(
        sessions,
        [
            ("Data stewardship in practice", 2019, SessionType::Workshop),
            ("Safer children online", 2019, SessionType::Workshop),
            (
                "Community networks and spectrum policy",
                2019,
                SessionType::Workshop
            ),
            (
                "Cybersecurity capacity in small states",
                2019,
                SessionType::OpenForum
            ),
            (
                "Academic symposium of the internet governance research network",
                2019,
                SessionType::DayZero
            ),
            ("Digital inclusion", 2019, SessionType::Main),
        ]
    );
    let details: Vec<_> = e
        .details
        .iter()
        .map(|d| {
            (
                d.number_label.as_deref(),
                d.number,
                d.day.as_deref(),
                d.start_time.as_deref(),
                d.end_time.as_deref(),
                d.room.as_deref(),
                d.organisers.join("; "),
            )
        })
        .collect();
    assert_eq!(
        details,
        [
            (
                None,
                None,
                Some("2019-11-27"),
                Some("10:15"),
                Some("11:45"),
                Some("Raum I"),
                "Open Data Collective; Public Interest Lab".to_owned()
            ),
            (
                None,
                None,
                Some("2019-11-27"),
                Some("15:00"),
                Some("16:30"),
                Some("Saal Europa"),
                String::new()
            ),
            (
                Some("WS #93"),
                Some(93),
                Some("2019-11-28"),
                Some("10:00"),
                Some("11:30"),
                Some("Raum III"),
                "Rural Connectivity Alliance".to_owned()
            ),
            (
                Some("Open Forum #12"),
                Some(12),
                Some("2019-11-28"),
                Some("12:00"),
                Some("13:00"),
                Some("Room 7"),
                "Ministry of Foreign Affairs of Estonia; Cyber Capacity Centre".to_owned()
            ),
            (
                Some("Day 0 Event #45"),
                Some(45),
                Some("2019-11-28"),
                None,
                None,
                Some("Raum V"),
                "GigaNet".to_owned()
            ),
            (
                None,
                None,
                Some("2019-11-28"),
                Some("15:00"),
                Some("18:00"),
                Some("Plenary Hall"),
                String::new()
            ),
        ]
    );
    assert_eq!(
        e.details[0].place.as_deref(),
        Some("Raum I, Estrel Congress Center, Berlin, Germany")
    );
    // The first entry runs from its title line to its venue line.
    assert_eq!(
        (e.sessions[0].span.start_line, e.sessions[0].span.end_line),
        (6, 11)
    );
    assert_eq!(
        e.sessions[1].description.as_deref(),
        Some("A debate between regulators and platforms.")
    );
    let roles: Vec<_> = e
        .roles
        .iter()
        .map(|r| {
            let person = e.people.iter().find(|p| p.id == r.person).unwrap();
            (person.name.as_str(), r.kind)
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("Maria Lopez", RoleKind::Speaker),
            ("Kwame Boateng", RoleKind::Speaker),
            ("Liis Tamm", RoleKind::Facilitator),
        ]
    );
}

/// Checks that `e`'s facts are `expected`, in any order.
fn assert_facts(e: &Extraction, expected: &[(u16, FactKind, &str)]) {
    let mut facts: Vec<_> = e
        .facts
        .iter()
        .map(|f| (f.meeting, f.kind, f.value.as_str()))
        .collect();
    facts.sort();
    let mut expected = expected.to_vec();
    expected.sort();
    assert_eq!(facts, expected);
}

#[test]
fn a_history_page_gives_facts_about_each_meeting() {
    use FactKind::*;
    let e = parse("history.md", Format::Narrative, None, None);
    let expected = [
        (2006, Dates, "2006-10-30/2006-11-02"),
        (2006, Venue, "Athens, Greece"),
        (2006, Ordinal, "1"),
        (
            2006,
            OverarchingTheme,
            "Internet Governance for Development",
        ),
        (2008, Venue, "Hyderabad, India"),
        (2008, OverarchingTheme, "Internet for All"),
        (2010, Venue, "Vilnius, Lithuania"),
        (2010, OverarchingTheme, "Developing the Future Together"),
        (2010, Ordinal, "5"),
        (2010, Dates, "2010-09-14/2010-09-17"),
        (2010, Participants, "1461"),
        (2014, Venue, "Istanbul, Turkey"),
        (
            2014,
            OverarchingTheme,
            "Connecting Continents for Enhanced Multistakeholder Internet Governance",
        ),
        (2015, Venue, "João Pessoa, Brazil"),
        (2015, Dates, "2015-11-10/2015-11-13"),
        (
            2015,
            OverarchingTheme,
            "Evolution of Internet Governance: Empowering Sustainable Development",
        ),
        (2015, Participants, "2400"),
        (2018, Ordinal, "13"),
        (2018, Venue, "Paris, France"),
        (2018, Dates, "2018-11-12/2018-11-14"),
    ];
    assert_facts(&e, &expected);
    // Each fact's span is its own words: the Vilnius dates on line 15.
    let dates = e
        .facts
        .iter()
        .find(|f| f.kind == Dates && f.meeting == 2010)
        .unwrap();
    assert_eq!(dates.span.exact, "September 14-17, 2010");
    assert_eq!(dates.span.start_line, 15);
    assert_eq!(
        warnings(&e),
        [(
            21,
            "\"25th IGF\" names the 25th IGF, which data/reference/meetings.toml does not list; its facts are left out".to_owned()
        )]
    );
}

#[test]
fn a_letter_of_invitation_gives_the_facts_of_its_meeting() {
    use FactKind::*;
    let e = parse("invitation-2014.txt", Format::Narrative, None, None);
    let expected = [
        (2014, Ordinal, "9"),
        (2014, Host, "Government of Turkey"),
        (2014, Venue, "Istanbul"),
        (2014, Dates, "2014-09-02/2014-09-05"),
        (
            2014,
            OverarchingTheme,
            "Connecting Continents for Enhanced Multi-stakeholder Internet Governance",
        ),
        (2014, Sessions, "100"),
    ];
    // The open consultations' dates and place (17-18 February, Geneva) are
    // no facts of the meeting.
    assert_facts(&e, &expected);
}

#[test]
fn a_venue_goes_to_the_year_its_sentence_names_not_the_manifests() {
    // The regression of issue 13: with the manifest's meeting 2018, the
    // 2015 venue of the history page was filed under 2018.
    let e = parse("history.md", Format::Narrative, Some(2018), None);
    let venues: Vec<_> = e
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Venue)
        .map(|f| (f.meeting, f.value.as_str()))
        .collect();
    assert!(
        venues.contains(&(2015, "João Pessoa, Brazil")),
        "{venues:?}"
    );
    assert!(
        !venues
            .iter()
            .any(|(y, v)| *y == 2018 && *v != "Paris, France"),
        "{venues:?}"
    );
}

/// A data directory with the bundled reference data, a good document, one
/// of an unknown format and one whose file is missing.
fn mixed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    std::fs::create_dir(&reference).unwrap();
    for file in std::fs::read_dir(root().join("data/reference")).unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(&file, reference.join(file.file_name().unwrap())).unwrap();
    }
    // Each entry has a file of its own: one file under two ids is refused
    // (issue 17).
    for name in ["invitation.txt", "invitation-typo.txt"] {
        std::fs::copy(fixture("invitation-2014.txt"), dir.path().join(name)).unwrap();
    }
    let entry = |id: &str, format: &str, path: &str| {
        format!(
            "[[document]]\nid = \"{id}\"\ntitle = \"T\"\npublisher = \"P\"\nyear = 2014\nkind = \"letter\"\nformat = \"{format}\"\npath = \"{path}\"\nlicence = \"test\"\n\n"
        )
    };
    let manifest = entry("letter", "narrative", "invitation.txt")
        + &entry("typo", "narative", "invitation-typo.txt")
        + &entry("gone", "outline", "missing.txt");
    std::fs::write(dir.path().join("corpus.toml"), manifest).unwrap();
    dir
}

#[test]
fn a_build_leaves_out_the_documents_it_cannot_read() {
    let dir = mixed_corpus();
    let graph = igfkg::KnowledgeGraph::new().unwrap();
    let data = igfkg::DataDir::new(dir.path());
    let built = igfkg::build(&graph, &data).unwrap();
    let ids: Vec<&str> = built
        .documents
        .iter()
        .map(|d| d.document.id.as_str())
        .collect();
    assert_eq!(ids, ["letter"]);
    let skipped: Vec<(&str, String)> = built
        .skipped
        .iter()
        .map(|s| (s.id.as_str(), s.error.to_string()))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(skipped[0].0, "typo");
    assert!(
        skipped[0]
            .1
            .contains("corpus.toml:17:10: unknown document format \"narative\""),
        "{}",
        skipped[0].1
    );
    assert_eq!(skipped[1].0, "gone");
    assert!(
        skipped[1]
            .1
            .contains("corpus.toml:28:8: document \"gone\": file"),
        "{}",
        skipped[1].1
    );
    assert!(
        skipped[1].1.contains("missing.txt does not exist"),
        "{}",
        skipped[1].1
    );

    let error = igfkg::Build::new(&data)
        .strict(true)
        .run(&graph)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("unknown document format \"narative\""),
        "{error}"
    );
}

#[test]
fn the_binary_builds_the_others_and_exits_1_unless_strict() {
    let dir = mixed_corpus();
    let out = dir.path().join("out");
    let run = crate::util::igfkg(
        dir.path(),
        &["build", "--data", ".", "--out", out.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stdout.contains("skipped: typo, gone"), "{stdout}");
    assert!(
        stderr.contains("2 of 3 documents were left out"),
        "{stderr}"
    );
    assert!(out.join("igfkg.ttl").is_file());

    let strict_out = dir.path().join("strict");
    let run = crate::util::igfkg(
        dir.path(),
        &[
            "build",
            "--strict",
            "--data",
            ".",
            "--out",
            strict_out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(!strict_out.join("igfkg.ttl").exists());
}
