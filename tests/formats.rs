//! Documents of other layouts (`tests/data/formats/`, each written in the
//! layout of a real IGF page its README names): transcripts, saved web
//! pages, flattened pages; and line ends that must not change any record.

use crate::util::{data_dir, root};
use igfkg::ingest::{Format, parse};
use igfkg::model::{
    Extraction, FactKind, NodeId, RoleKind, Severity, SourceDocument, Span, Utterance,
};
use igfkg::sources::SourceText;
use proptest::prelude::*;
use std::path::PathBuf;

/// The annual meetings of the bundled reference data.
fn meetings() -> &'static [igfkg::model::Meeting] {
    static MEETINGS: std::sync::OnceLock<Vec<igfkg::model::Meeting>> = std::sync::OnceLock::new();
    MEETINGS.get_or_init(|| {
        igfkg::DataDir::new(data_dir())
            .reference()
            .unwrap()
            .meetings
    })
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/data/formats").join(name)
}

fn document(name: &str, format: Format, meeting: u16) -> SourceDocument {
    SourceDocument {
        id: igfkg::model::slugify(name.split('.').next().unwrap_or(name)),
        title: name.to_owned(),
        publisher: "igfkg tests".into(),
        year: meeting,
        meeting: Some(meeting),
        kind: "test".into(),
        format: format.name().into(),
        path: name.into(),
        url: None,
        licence: "test".into(),
        sha256: String::new(),
        columns: None,
    }
}

/// Reads a fixture as a file (a `.html` one as a saved web page) and parses it.
fn read(name: &str, format: Format, meeting: u16) -> (SourceText, Extraction) {
    let text = SourceText::read(&fixture(name)).unwrap();
    let extraction = parse(format, &document(name, format, meeting), &text, meetings()).unwrap();
    (text, extraction)
}

/// The span's words are the text between its character offsets.
fn assert_span_is_slice(text: &SourceText, span: &Span) {
    let slice: String = text
        .as_str()
        .chars()
        .skip(span.start as usize)
        .take((span.end - span.start) as usize)
        .collect();
    assert_eq!(slice, span.exact);
}

/// Utterances as (turn, label, speaker's name, first words).
fn turns(e: &Extraction) -> Vec<(u32, Option<&str>, Option<&str>, String)> {
    let name = |u: &Utterance| {
        u.speaker.as_ref().map(|id| {
            e.people
                .iter()
                .find(|p| &p.id == id)
                .map(|p| p.name.as_str())
                .unwrap_or("?")
        })
    };
    e.utterances
        .iter()
        .map(|u| {
            (
                u.turn,
                u.speaker_label.as_deref(),
                name(u),
                u.text.chars().take(24).collect(),
            )
        })
        .collect()
}

fn roles(e: &Extraction) -> Vec<(&str, RoleKind, Option<u8>, &str)> {
    e.roles
        .iter()
        .map(|r| {
            let person = e.people.iter().find(|p| p.id == r.person).unwrap();
            (
                person.name.as_str(),
                r.kind,
                r.confidence,
                r.span.exact.as_str(),
            )
        })
        .collect()
}

fn facts(e: &Extraction) -> Vec<(FactKind, u16, &str, &str)> {
    e.facts
        .iter()
        .map(|f| (f.kind, f.meeting, f.value.as_str(), f.span.exact.as_str()))
        .collect()
}

#[test]
fn transcript_with_header_turns_and_introductions() {
    let (text, e) = read("transcript-2019.txt", Format::Transcript, 2019);
    assert_eq!(e.sessions.len(), 1);
    assert_eq!(
        e.sessions[0].title,
        "IGF 2019 – Day 2 – Raum V – WS #101 Data Flows and Local Communities"
    );
    assert_eq!(e.sessions[0].session_type_label, "Workshop");
    // The header is a statement; "***" and the turns are not.
    assert_eq!(e.statements.len(), 1);
    assert!(
        e.statements[0]
            .text
            .starts_with("The following are the outputs")
    );
    assert_eq!(
        turns(&e),
        [
            (1, None, None, "We will begin in two min".into()),
            (
                2,
                Some("MARIA LÓPEZ"),
                Some("Maria López"),
                "Good morning, everyone. ".into()
            ),
            (
                3,
                Some("DR. KWAME MENSAH"),
                Some("Kwame Mensah"),
                "Thank you, Maria. Data g".into()
            ),
            (4, Some("AUDIENCE"), None, "A question for the panel".into()),
            (
                5,
                Some("Maria Lopez"),
                Some("Maria López"),
                "Thank you. We will take ".into()
            ),
            (
                6,
                Some("TANJA  WEBER, ICANN"),
                Some("Tanja Weber"),
                "Hello. I'm Tanja Weber f".into()
            ),
        ]
    );
    // A turn runs over its paragraphs and keeps the captioner's notes.
    assert!(
        e.utterances[1]
            .text
            .ends_with("time for the floor at the end.")
    );
    assert!(e.utterances[2].text.ends_with("[ Applause ]"));
    for u in &e.utterances {
        assert!(!u.text.contains(">>"), "{}", u.text);
        assert_span_is_slice(&text, &u.span);
    }
    assert_eq!(e.utterances[3].span.start_line, 17);
    // Three people: the label's capitals and the accentless spelling are
    // variants of one name; generic labels and the unlabelled turn are nobody.
    let people: Vec<_> = e
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.variants.clone(),
                p.position_title.as_deref(),
                p.affiliation.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                "Maria López",
                vec!["MARIA LÓPEZ".to_owned(), "Maria Lopez".to_owned()],
                None,
                Some("Latin American Digital Rights Network")
            ),
            (
                "Kwame Mensah",
                vec!["KWAME MENSAH".to_owned()],
                Some("Dr."),
                None
            ),
            (
                "Tanja Weber",
                vec!["TANJA WEBER".to_owned()],
                None,
                Some("ICANN")
            ),
        ]
    );
    assert_eq!(e.people[0].id, NodeId::person("maria lopez"));
    assert_eq!(
        roles(&e),
        [
            ("Maria López", RoleKind::Speaker, None, "MARIA LÓPEZ"),
            (
                "Maria López",
                RoleKind::Moderator,
                Some(90),
                "I will be moderating"
            ),
            ("Kwame Mensah", RoleKind::Speaker, None, "DR. KWAME MENSAH"),
            (
                "Tanja Weber",
                RoleKind::Speaker,
                None,
                "TANJA  WEBER, ICANN"
            ),
        ]
    );
    assert_eq!(
        facts(&e),
        [
            (
                FactKind::Ordinal,
                2019,
                "14",
                "Fourteenth Annual Meeting of the Internet Governance Forum"
            ),
            (
                FactKind::Dates,
                2019,
                "2019-11-25/2019-11-29",
                "25 to 29 November 2019"
            ),
            (FactKind::Venue, 2019, "Berlin, Germany", "Berlin, Germany"),
        ]
    );
    assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
}

#[test]
fn flattened_transcript_with_a_generic_moderator() {
    let (text, e) = read("transcript-2022-flat.txt", Format::Transcript, 2022);
    assert_eq!(text.lines().count(), 1);
    assert_eq!(
        e.sessions[0].title,
        "IGF 2022 Day 3 Workshop #77 Community Networks in Rural Ethiopia – RAW"
    );
    assert_eq!(
        turns(&e),
        [
            (
                1,
                Some("MODERATOR"),
                Some("Selamawit Bekele"),
                "Good afternoon and welco".into()
            ),
            (
                2,
                Some("YOHANNES TADESSE"),
                Some("Yohannes Tadesse"),
                "Thank you. Community net".into()
            ),
            (
                3,
                Some("PARTICIPANT"),
                None,
                "Is there a role for the ".into()
            ),
            (
                4,
                Some("YOHANNES TADESSE"),
                Some("Yohannes Tadesse"),
                "Yes, certainly. Young pe".into()
            ),
            (
                5,
                Some("Selamawit Bekele"),
                Some("Selamawit Bekele"),
                "Thank you all. We close ".into()
            ),
        ]
    );
    // The moderator names herself under the generic label: a person, with
    // the affiliation she gives and a moderator role read from her words.
    assert_eq!(e.people.len(), 2);
    assert_eq!(
        e.people[0].affiliation.as_deref(),
        Some("Ethiopian ICT Development Association")
    );
    assert_eq!(
        e.people[0].span.exact,
        "My name is Selamawit Bekele, I work at the Ethiopian ICT Development Association"
    );
    assert_eq!(
        roles(&e),
        [
            (
                "Selamawit Bekele",
                RoleKind::Moderator,
                Some(80),
                "My name is Selamawit Bekele, I work at the Ethiopian ICT Development Association"
            ),
            (
                "Yohannes Tadesse",
                RoleKind::Speaker,
                None,
                "YOHANNES TADESSE"
            ),
            (
                "Selamawit Bekele",
                RoleKind::Speaker,
                None,
                "Selamawit Bekele"
            ),
        ]
    );
    for u in &e.utterances {
        assert_span_is_slice(&text, &u.span);
    }
    // This header names no meeting, place or date: no fact is guessed.
    assert!(e.facts.is_empty(), "{:?}", e.facts);
}

#[test]
fn saved_web_page_of_a_transcript() {
    let (text, e) = read("transcript-2014.html", Format::Transcript, 2014);
    let html = std::fs::read_to_string(fixture("transcript-2014.html")).unwrap();
    // Banner, menu, share links, sidebar, footer and scripts are dropped.
    for furniture in [
        "Welcome to the United Nations",
        "Home",
        "Transcripts",
        "Share",
        "Latest News",
        "Copyright",
        "NOT A TURN",
        "_gaq",
    ] {
        assert!(!text.as_str().contains(furniture), "{furniture}");
    }
    assert_eq!(
        e.sessions[0].title,
        "2014-09-02 Orientation Session – Room 4"
    );
    assert_eq!(
        turns(&e),
        [
            (
                1,
                Some("LEILA HAMDAN"),
                Some("Leila Hamdan"),
                "Good morning, ladies and".into()
            ),
            (
                2,
                Some("PAVEL NOVÁK"),
                Some("Pavel Novák"),
                "Thank you, Leila. Capaci".into()
            ),
        ]
    );
    // A turn goes on over the paragraphs after it.
    assert!(e.utterances[0].text.ends_with("take part remotely."));
    assert_eq!(
        roles(&e)[1],
        (
            "Leila Hamdan",
            RoleKind::Moderator,
            Some(90),
            "I am the moderator"
        )
    );
    assert_eq!(
        e.people[0].affiliation.as_deref(),
        Some("Arab IGF Secretariat")
    );
    assert_eq!(
        facts(&e),
        [(
            FactKind::Venue,
            2014,
            "Istanbul, Turkey",
            "Istanbul, Turkey"
        )]
    );
    // Spans count characters of the extracted text and keep the HTML's
    // bytes: exact for words written verbatim, the whole text node where a
    // character reference (`&amp;`) stands.
    for u in &e.utterances {
        assert_span_is_slice(&text, &u.span);
    }
    let (s, end) = e.facts[0].span.source_bytes.unwrap();
    assert_eq!(&html[s as usize..end as usize], "Istanbul, Turkey");
    let (s, end) = e.utterances[1].span.source_bytes.unwrap();
    let source = &html[s as usize..end as usize];
    assert!(source.starts_with("Thank you, Leila."), "{source}");
    assert!(
        source.ends_with(
            "Capacity building &amp; remote participation are what newcomers ask about most."
        ),
        "{source}"
    );
    // The same page read through the manifest's media type gives the same records.
    let again = SourceText::read_as(
        &fixture("transcript-2014.html"),
        igfkg::sources::Media::Html,
        igfkg::sources::MAX_SOURCE_BYTES,
    )
    .unwrap();
    assert_eq!(again.as_str(), text.as_str());
}

#[test]
fn flattened_page_yields_its_sentences_without_furniture() {
    let (text, e) = read("flattened-page.txt", Format::Outline, 2020);
    let sentences: Vec<&str> = e.statements.iter().map(|s| s.text.as_str()).collect();
    // Three runs of the ten sentences of the flattened line.
    assert_eq!(sentences.len(), 30);
    assert_eq!(
        sentences[1],
        "Participants from Dr. Amara Okafor's research group at the University of Lagos described how villages in Nigeria built their own wireless links."
    );
    assert_eq!(
        sentences[3],
        "Speakers from the U.S. Federal Communications Commission and from regulators in Kenya compared licence fees."
    );
    assert_eq!(
        sentences[7],
        "Mr. John K. Mwangi of the Kenya ICT Action Network explained that shared towers lower the cost of each link."
    );
    assert_eq!(
        sentences[29],
        "The session closed with a call to include community networks in national broadband plans."
    );
    for s in &e.statements {
        assert!(s.text.chars().count() <= 2000);
        assert_eq!(s.span.start_line, 8);
        assert_span_is_slice(&text, &s.span);
    }
    let diagnostics: Vec<_> = e
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        diagnostics,
        [
            (
                Severity::Info,
                1,
                "dropped a web archive's capture header (line 1)"
            ),
            (
                Severity::Info,
                2,
                "dropped a skip link or cookie banner (line 2)"
            ),
            (Severity::Info, 3, "dropped a navigation menu (lines 3-7)"),
            (
                Severity::Info,
                9,
                "dropped a \"last updated\" stamp (line 9)"
            ),
            (
                Severity::Warning,
                8,
                "a block of 3165 characters has no structure (no headings, list items or paragraph breaks); read as its 30 sentences"
            ),
        ]
    );
}

/// The documents whose line ends are varied: the fixtures and the bundled
/// sources, each with its format.
fn documents() -> Vec<(PathBuf, Format, u16)> {
    let mut out = vec![
        (fixture("transcript-2019.txt"), Format::Transcript, 2019),
        (
            fixture("transcript-2022-flat.txt"),
            Format::Transcript,
            2022,
        ),
        (fixture("flattened-page.txt"), Format::Outline, 2020),
    ];
    for (file, format, meeting) in [
        ("igf2017-messages.txt", Format::MessagesBySession, 2017),
        ("igf2018-paris-messages.md", Format::MessagesByTheme, 2018),
        ("igf2018-wsis-report-input.md", Format::Narrative, 2018),
        ("igf2018-opening-press-release.txt", Format::Narrative, 2018),
        ("igf2019-session-reports.txt", Format::SessionReports, 2019),
    ] {
        out.push((data_dir().join("sources").join(file), format, meeting));
    }
    out
}

fn parse_bytes(path: &std::path::Path, format: Format, meeting: u16, bytes: Vec<u8>) -> Extraction {
    let name = path.file_name().unwrap().to_str().unwrap();
    let text = SourceText::from_bytes(path, bytes).unwrap();
    parse(format, &document(name, format, meeting), &text, meetings()).unwrap()
}

/// Regression for the line-end bug: a byte-order mark stayed in 14 literals,
/// CRLF left `\r` in 84 quotes, and CR alone read the file as one line.
#[test]
fn crlf_cr_and_bom_give_exactly_the_records_of_lf() {
    for (path, format, meeting) in documents() {
        let lf = std::fs::read_to_string(&path).unwrap();
        let expected = parse_bytes(&path, format, meeting, lf.clone().into_bytes());
        for variant in [
            lf.replace('\n', "\r\n"),
            lf.replace('\n', "\r"),
            format!("\u{feff}{lf}"),
            format!("\u{feff}{}", lf.replace('\n', "\r\n")),
        ] {
            let got = parse_bytes(&path, format, meeting, variant.into_bytes());
            assert_eq!(got, expected, "{}", path.display());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any mix of line ends, line by line, with or without a byte-order
    /// mark, gives the records of the LF text.
    #[test]
    fn mixed_line_ends_give_the_records_of_lf(
        document in 0usize..3,
        ends in proptest::collection::vec(0u8..3, 1..64),
        bom in any::<bool>(),
    ) {
        let (path, format, meeting) = documents().swap_remove(document);
        let lf = std::fs::read_to_string(&path).unwrap();
        let expected = parse_bytes(&path, format, meeting, lf.clone().into_bytes());
        let mut mixed = String::from(if bom { "\u{feff}" } else { "" });
        for (k, line) in lf.split_inclusive('\n').enumerate() {
            match line.strip_suffix('\n') {
                Some(body) => {
                    // A CR then an LF that ends an empty line would read as
                    // one CRLF: that LF is written as CR too.
                    let mut end = ["\n", "\r\n", "\r"][usize::from(ends[k % ends.len()])];
                    if body.is_empty() && end == "\n" && mixed.ends_with('\r') {
                        end = "\r";
                    }
                    mixed.push_str(body);
                    mixed.push_str(end);
                }
                None => mixed.push_str(line),
            }
        }
        let got = parse_bytes(&path, format, meeting, mixed.into_bytes());
        prop_assert_eq!(got, expected);
    }
}

/// Every span of an extraction (any record's, found through its JSON
/// form), checked against the text the parser read: its words are the
/// characters between its offsets, its context the characters around them,
/// its lines those the offsets fall on.
fn assert_spans_quote(text: &str, extraction: &Extraction) -> usize {
    fn walk(value: &serde_json::Value, found: &mut Vec<Span>) {
        match value {
            serde_json::Value::Object(map) => {
                if map.contains_key("exact") && map.contains_key("start_line") {
                    found.push(serde_json::from_value(value.clone()).unwrap());
                } else {
                    map.values().for_each(|v| walk(v, found));
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut spans = Vec::new();
    walk(&serde_json::to_value(extraction).unwrap(), &mut spans);
    let chars: Vec<char> = text.chars().collect();
    let slice = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let line_of = |offset: usize| 1 + chars[..offset].iter().filter(|c| **c == '\n').count();
    for span in &spans {
        let (start, end) = (span.start as usize, span.end as usize);
        assert!(start <= end && end <= chars.len(), "{span:?}");
        assert_eq!(slice(start, end), span.exact, "{span:?}");
        assert!(slice(0, start).ends_with(&span.prefix), "{span:?}");
        assert!(
            slice(end, chars.len()).starts_with(&span.suffix),
            "{span:?}"
        );
        assert_eq!(line_of(start), span.start_line as usize, "{span:?}");
        assert_eq!(
            line_of(end.max(start + 1) - 1),
            span.end_line as usize,
            "{span:?}"
        );
    }
    spans.len()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Lines of any text (accented, CJK, emoji, tabs, markup characters)
    /// added anywhere in a document: whatever the parser makes of them,
    /// every span it gives quotes exactly the text it points at.
    #[test]
    fn every_span_quotes_the_text_it_points_at(
        which in 0usize..8,
        added in proptest::collection::vec((0usize..10_000, "[ \\t]{0,2}[a-zé中🙂•*#\\-:|. ]{0,40}"), 0..12),
    ) {
        let (path, format, meeting) = documents().swap_remove(which);
        let original = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<&str> = original.lines().collect();
        for (at, line) in &added {
            lines.insert(at % (lines.len() + 1), line);
        }
        let edited = lines.join("\n") + "\n";
        let text = SourceText::from_bytes(&path, edited.into_bytes()).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        // A document whose layout the edits broke may be refused; one that
        // is read has true spans.
        if let Ok(extraction) = parse(format, &document(name, format, meeting), &text, meetings()) {
            assert_spans_quote(text.as_str(), &extraction);
        }
    }
}

#[test]
fn every_span_of_every_bundled_document_and_fixture_quotes_its_text() {
    for (path, format, meeting) in documents() {
        let text = SourceText::read(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let extraction =
            parse(format, &document(name, format, meeting), &text, meetings()).unwrap();
        let spans = assert_spans_quote(text.as_str(), &extraction);
        assert!(spans > 0, "{}", path.display());
    }
}

#[test]
fn ingest_previews_a_saved_transcript_page_and_lists_every_format() {
    let output = crate::util::igfkg(
        root(),
        &[
            "ingest",
            "tests/data/formats/transcript-2014.html",
            "--format",
            "transcript",
            "--meeting",
            "2014",
        ],
    );
    let out = crate::util::stdout(&output);
    assert!(output.status.success(), "{}", crate::util::stderr(&output));
    assert!(
        out.starts_with(
            "tests/data/formats/transcript-2014.html: 0 themes, 1 sessions, 0 messages, 1 statements, 2 utterances, 2 people, 3 roles, 0 participation records, 1 facts"
        ),
        "{out}"
    );
    assert!(
        out.contains("  person (line 5): Leila Hamdan, Arab IGF Secretariat"),
        "{out}"
    );
    let help = crate::util::stdout(&crate::util::igfkg(root(), &["ingest", "--help"]));
    for format in Format::ALL {
        assert!(
            help.contains(&format!("  {} ", format.name())),
            "{format}: {help}"
        );
    }
    assert!(
        help.contains("real-time captioning: a title, a header"),
        "{help}"
    );
}

/// A corpus of the bundled data plus the transcripts: the whole pipeline,
/// into the graph.
fn transcript_corpus() -> (tempfile::TempDir, igfkg::KnowledgeGraph) {
    let dir = crate::util::workspace();
    let data = dir.path().join("data");
    for (name, saved_as) in [
        (
            "transcript-2019-report-speaker.txt",
            "transcript-2019-report-speaker.txt",
        ),
        // A saved page without the .html extension: the manifest's media
        // type says what it is.
        ("transcript-2014.html", "transcript-2014.page"),
        ("transcript-2022-flat.txt", "transcript-2022-flat.txt"),
    ] {
        std::fs::copy(fixture(name), data.join("sources").join(saved_as)).unwrap();
    }
    let mut manifest = std::fs::read_to_string(data.join("corpus.toml")).unwrap();
    for (id, year, path, media) in [
        (
            "transcript-2019",
            2019,
            "transcript-2019-report-speaker.txt",
            "",
        ),
        (
            "transcript-2014",
            2014,
            "transcript-2014.page",
            "media = \"text/html\"\n",
        ),
        ("transcript-2022", 2022, "transcript-2022-flat.txt", ""),
    ] {
        manifest.push_str(&format!(
            "\n[[document]]\nid = \"{id}\"\ntitle = \"Transcript {year}\"\npublisher = \"IGF Secretariat\"\nyear = {year}\nmeeting = {year}\nkind = \"transcript\"\nformat = \"transcript\"\npath = \"sources/{path}\"\nlicence = \"test\"\n{media}"
        ));
    }
    std::fs::write(data.join("corpus.toml"), manifest).unwrap();
    let graph = igfkg::KnowledgeGraph::new().unwrap();
    igfkg::build(&graph, &igfkg::DataDir::new(&data)).unwrap();
    (dir, graph)
}

fn values(graph: &igfkg::KnowledgeGraph, sparql: &str, variable: &str) -> Vec<String> {
    match graph.query(sparql).unwrap() {
        igfkg::QueryOutcome::Solutions(rows) => rows
            .iter()
            .map(|row| row.text(variable).unwrap_or("").to_owned())
            .collect(),
        other => panic!("not a SELECT result: {other:?}"),
    }
}

#[test]
fn transcripts_in_the_graph_share_people_with_session_reports() {
    let (_dir, graph) = transcript_corpus();
    // The speaker of the 2019 transcript is the person of the 2019 session
    // reports: one node, derived from both documents.
    let documents = values(
        &graph,
        "SELECT DISTINCT ?doc WHERE { ?p a foaf:Person ; skos:altLabel \"KAVEH RANJBAR\" ; prov:wasDerivedFrom ?doc } ORDER BY ?doc",
        "doc",
    );
    assert_eq!(documents.len(), 2, "{documents:?}");
    assert!(
        documents[0].ends_with("document/igf2019-session-reports"),
        "{documents:?}"
    );
    assert!(
        documents[1].ends_with("document/transcript-2019"),
        "{documents:?}"
    );
    let people = values(
        &graph,
        "SELECT DISTINCT ?p WHERE { ?p a foaf:Person ; foaf:name \"Kaveh Ranjbar\" }",
        "p",
    );
    assert_eq!(people.len(), 1);
    // Its utterances, in order, with the speaker and the session.
    let turns = values(
        &graph,
        "SELECT DISTINCT ?n ?label WHERE { ?u a igf:Utterance ; prov:wasDerivedFrom <https://w3id.org/igfkg/id/document/transcript-2019> ;
            igf:position ?n ; igf:speakerLabel ?label ; igf:session ?s . ?s a igf:Session } ORDER BY ?n",
        "label",
    );
    assert_eq!(turns, ["KAVEH RANJBAR", "AUDIENCE"]);
    let speaker = values(
        &graph,
        "SELECT DISTINCT ?p WHERE { ?u igf:speakerLabel \"KAVEH RANJBAR\" ; igf:speaker ?p }",
        "p",
    );
    assert_eq!(speaker, people);
    // Roles read from speech carry their confidence.
    let roles = values(
        &graph,
        "SELECT DISTINCT ?c WHERE { ?r a igf:SessionRole ; igf:roleKind igf:Moderator ; igf:confidence ?c ; igf:person/foaf:name \"Leila Hamdan\" }",
        "c",
    );
    assert_eq!(roles, ["0.9"]);
    // Utterances are linked like messages: the HTML page's second turn is
    // about capacity building, and its span keeps the page's bytes.
    let topics = values(
        &graph,
        "SELECT DISTINCT ?t WHERE { ?u igf:speakerLabel \"PAVEL NOVÁK\" ; igf:topic ?t }",
        "t",
    );
    assert!(
        topics
            .iter()
            .any(|t| t.ends_with("topic/capacity-building")),
        "{topics:?}"
    );
    let bytes = values(
        &graph,
        "SELECT DISTINCT ?b WHERE { ?u igf:speakerLabel \"PAVEL NOVÁK\" ; igf:sourceSpan/igf:sourceByteStart ?b }",
        "b",
    );
    let html = std::fs::read_to_string(fixture("transcript-2014.html")).unwrap();
    let start: usize = bytes[0].parse().unwrap();
    assert!(html[start..].starts_with("Thank you, Leila."));
    // The graph conforms to the shapes, utterances and roles included.
    let validator = igfkg::publish::Validator::standard().unwrap();
    assert_eq!(validator.validate(&graph).unwrap(), []);
}
