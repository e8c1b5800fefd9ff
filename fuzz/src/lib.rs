//! What each fuzz target does with its input, and where it starts from.
//! Shared by the targets in `fuzz_targets/`, by the integration test that
//! runs every seed and every input a fuzzer found (`tests/fuzzing.rs`), and
//! by the example that writes the seeds (`examples/fuzz_seeds.rs`), so a
//! crash found here is a regression test there with no second copy of the
//! harness.
//!
//! Every function reads arbitrary bytes the way igfkg reads a user's file
//! and must return, with an error or without, and never panic; where a
//! property can be checked cheaply it is asserted too.

use igfkg::ingest::Format;
use igfkg::link::Linker;
use igfkg::model::{ColumnMapping, ReferenceData, RowKind, SourceDocument};
use igfkg::query::{Question, catalogue};
use igfkg::rdf::RdfFormat;
use igfkg::sources::{Manifest, SourceText, read_reference, standard_reference};
use igfkg::{ExportFormat, IriBase, KnowledgeGraph};
use std::path::Path;
use std::sync::LazyLock;
use std::time::Duration;

/// A fuzz target: what its input is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A document of a format, as plain text, parsed and linked.
    Document(Format),
    /// A saved web page, its text extracted, then parsed as an outline and linked.
    Html,
    /// A CSV file read as records with the columns of `tests/data/formats/events.csv`.
    RecordsCsv,
    /// A JSON file read as records with the columns of `tests/data/formats/sessions.json`.
    RecordsJson,
    /// A `corpus.toml` manifest beside a `sources/` folder.
    Manifest,
    /// One file of a reference folder (the first byte says which), the
    /// others the standard ones.
    Reference,
    /// An N-Quads file loaded into a graph; what loads must export and
    /// load again to the same number of quads.
    NQuads,
    /// Values for a named question's parameters (the first byte says
    /// which question, lines are the values), bound, then resolved and run
    /// on the catalogue's example graph.
    Params,
}

impl Target {
    /// Every target, with the name of its file in `fuzz_targets/`.
    pub const ALL: [(&'static str, Target); 15] = [
        (
            "messages_by_session",
            Target::Document(Format::MessagesBySession),
        ),
        (
            "messages_by_theme",
            Target::Document(Format::MessagesByTheme),
        ),
        ("session_reports", Target::Document(Format::SessionReports)),
        ("narrative", Target::Document(Format::Narrative)),
        ("outline", Target::Document(Format::Outline)),
        ("records", Target::Document(Format::Records)),
        ("programme", Target::Document(Format::Programme)),
        ("transcript", Target::Document(Format::Transcript)),
        ("html", Target::Html),
        ("records_csv", Target::RecordsCsv),
        ("records_json", Target::RecordsJson),
        ("manifest", Target::Manifest),
        ("reference", Target::Reference),
        ("nquads", Target::NQuads),
        ("params", Target::Params),
    ];

    /// The target of a name.
    pub fn named(name: &str) -> Option<Target> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// Reads `data` as this target's input.
    pub fn run(self, data: &[u8]) {
        match self {
            Target::Document(format) => document(format, "document.txt", None, data),
            Target::Html => html(data),
            Target::RecordsCsv => {
                document(Format::Records, "rows.csv", Some(events_columns()), data)
            }
            Target::RecordsJson => {
                document(Format::Records, "rows.json", Some(sessions_columns()), data)
            }
            Target::Manifest => manifest(data),
            Target::Reference => reference(data),
            Target::NQuads => nquads(data),
            Target::Params => params(data),
        }
    }
}

static REFERENCE: LazyLock<ReferenceData> =
    LazyLock::new(|| standard_reference().expect("igfkg's standard reference data reads"));
static LINKER: LazyLock<Linker> = LazyLock::new(|| Linker::new(&REFERENCE));

fn source_document(format: Format, path: &str, columns: Option<ColumnMapping>) -> SourceDocument {
    SourceDocument {
        id: "fuzzed".to_owned(),
        title: "A fuzzed document".to_owned(),
        publisher: "igfkg fuzzing".to_owned(),
        year: 2019,
        // The formats that file every record under one meeting need it.
        meeting: format.needs_meeting().then_some(2019),
        kind: "fuzz".to_owned(),
        format: format.name().to_owned(),
        path: path.to_owned(),
        url: None,
        licence: "MIT OR Apache-2.0".to_owned(),
        sha256: String::new(),
        columns,
    }
}

fn parse_and_link(format: Format, document: &SourceDocument, text: &SourceText) {
    if let Ok(extraction) = igfkg::ingest::parse(format, document, text, &REFERENCE.meetings) {
        LINKER.link(&extraction);
    }
}

fn document(format: Format, path: &str, columns: Option<ColumnMapping>, data: &[u8]) {
    let document = source_document(format, path, columns);
    if let Ok(text) = SourceText::from_bytes(Path::new(path), data.to_vec()) {
        parse_and_link(format, &document, &text);
    }
}

fn html(data: &[u8]) {
    let document = source_document(Format::Outline, "page.html", None);
    if let Ok(text) = SourceText::from_html_bytes(Path::new("page.html"), data.to_vec()) {
        parse_and_link(Format::Outline, &document, &text);
    }
}

/// The columns of `tests/data/formats/events.csv`, as the tests map them
/// (`tests/records.rs` uses this one mapping too).
pub fn events_columns() -> ColumnMapping {
    ColumnMapping {
        title: Some("Event".into()),
        session_type: Some("Type".into()),
        organization: Some("Organizer".into()),
        date: Some("Date".into()),
        year: Some("Year".into()),
        place: Some("Venue".into()),
        room: Some("Room".into()),
        time: Some("Time".into()),
        speakers: Some("Speakers".into()),
        nri: Some("NRI".into()),
        ..ColumnMapping::default()
    }
}

/// The columns of `tests/data/formats/sessions.json`, as the tests map them
/// (`tests/records.rs` uses this one mapping too).
pub fn sessions_columns() -> ColumnMapping {
    ColumnMapping {
        kind: RowKind::Session,
        pointer: Some("/data/sessions".into()),
        title: Some("title".into()),
        session_type: Some("type".into()),
        number: Some("number".into()),
        date: Some("date".into()),
        time: Some("time".into()),
        room: Some("room".into()),
        organization: Some("organizers".into()),
        speakers: Some("speakers".into()),
        text: Some("description".into()),
        ..ColumnMapping::default()
    }
}

fn manifest(data: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(dir.path().join("sources")).expect("sources/");
    std::fs::write(dir.path().join("sources/a.txt"), "A document.\n").expect("sources/a.txt");
    let path = dir.path().join("corpus.toml");
    std::fs::write(&path, data).expect("corpus.toml");
    let _ = Manifest::read(&path);
}

/// The files of a reference folder and igfkg's standard text of each.
const REFERENCE_FILES: [(&str, &str); 6] = [
    (
        "meetings.toml",
        include_str!("../../data/reference/meetings.toml"),
    ),
    ("sdgs.toml", include_str!("../../data/reference/sdgs.toml")),
    (
        "stakeholder-groups.toml",
        include_str!("../../data/reference/stakeholder-groups.toml"),
    ),
    ("nris.csv", include_str!("../../data/reference/nris.csv")),
    (
        "organizations.csv",
        include_str!("../../data/reference/organizations.csv"),
    ),
    (
        "topics.toml",
        include_str!("../../data/reference/topics.toml"),
    ),
];

fn reference(data: &[u8]) {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let replaced = usize::from(which) % REFERENCE_FILES.len();
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (index, (name, text)) in REFERENCE_FILES.iter().enumerate() {
        let path = dir.path().join(name);
        let bytes = if index == replaced {
            bytes
        } else {
            text.as_bytes()
        };
        std::fs::write(path, bytes).expect("a reference file");
    }
    if let Ok(reference) = read_reference(dir.path()) {
        Linker::new(&reference);
    }
}

fn nquads(data: &[u8]) {
    let graph = KnowledgeGraph::new().expect("an in-memory graph");
    let Ok(loaded) = graph.load(RdfFormat::NQuads, data) else {
        return;
    };
    let len = graph.len().expect("the graph's size");
    assert!(len <= loaded, "{len} quads in the graph from {loaded} read");
    let dump = graph
        .export(ExportFormat::NQuads, Vec::new())
        .expect("a loaded graph exports");
    let again = KnowledgeGraph::new().expect("an in-memory graph");
    again
        .load(RdfFormat::NQuads, dump.as_slice())
        .expect("igfkg's own N-Quads load");
    assert_eq!(
        again.len().expect("the graph's size"),
        len,
        "export then load changed the graph"
    );
}

/// The catalogue's example graph (`crates/query/fixtures/security.ttl`,
/// cut from the bundled build), where parameters are resolved.
static EXAMPLE: LazyLock<KnowledgeGraph> = LazyLock::new(|| {
    let graph = KnowledgeGraph::new().expect("an in-memory graph");
    graph
        .load(
            RdfFormat::Turtle,
            include_str!("../../crates/query/fixtures/security.ttl").as_bytes(),
        )
        .expect("the catalogue's example graph loads");
    graph
});

/// The questions of the catalogue that take parameters, in its order: the
/// first byte of a `params` input chooses one.
fn questions_with_params() -> Vec<&'static Question> {
    catalogue()
        .iter()
        .filter(|q| !q.params.is_empty())
        .collect()
}

fn params(data: &[u8]) {
    let with_params = questions_with_params();
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let question = with_params[usize::from(which) % with_params.len()];
    let text = String::from_utf8_lossy(rest);
    let mut lines = text.split('\n');
    let values: Vec<(&str, &str)> = question
        .params
        .iter()
        .map(|p| (p.name.as_str(), lines.next().unwrap_or("")))
        .collect();
    if question.bind(&IriBase::default(), &values).is_err() {
        return;
    }
    if question.resolve(&EXAMPLE, &values).is_ok() {
        // A resolved value is bound, never pasted into the text: the
        // question runs whatever the value was.
        question
            .run_within(&EXAMPLE, &values, Some(Duration::from_secs(10)))
            .expect("a question with resolved values runs");
    }
}

impl Target {
    /// The inputs a fuzzer starts from, taken from the bundled data: the
    /// documents of `data/sources/` and `tests/data/formats/` for the
    /// document targets, `data/corpus.toml`, each file of
    /// `data/reference/` (after the byte that selects it), the N-Quads of
    /// the catalogue's example graph, and each question's parameters with
    /// values of the example graph. `repo` is the repository's root.
    pub fn seeds(self, repo: &Path) -> Vec<(String, Vec<u8>)> {
        let files = |folder: &str, keep: &dyn Fn(&str) -> bool| -> Vec<(String, Vec<u8>)> {
            let mut paths: Vec<_> = std::fs::read_dir(repo.join(folder))
                .expect("a folder of the repository")
                .map(|e| e.expect("a folder entry").path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| keep(n) && n != "README.md")
                })
                .collect();
            paths.sort();
            paths
                .into_iter()
                .map(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    (name, std::fs::read(&p).expect("a seed file"))
                })
                .collect()
        };
        let documents = || {
            let mut all = files("data/sources", &|n| {
                n.ends_with(".txt") || n.ends_with(".md")
            });
            all.extend(files("tests/data/formats", &|n| {
                n.ends_with(".txt") || n.ends_with(".md")
            }));
            all
        };
        match self {
            Target::Document(Format::Records) => {
                let mut all = files("tests/data/formats", &|n| {
                    n.ends_with(".csv") || n.ends_with(".json")
                });
                all.extend(documents());
                all
            }
            Target::Document(_) => documents(),
            Target::Html => files("tests/data/formats", &|n| n.ends_with(".html")),
            Target::RecordsCsv => files("tests/data/formats", &|n| n.ends_with(".csv")),
            Target::RecordsJson => files("tests/data/formats", &|n| n.ends_with(".json")),
            Target::Manifest => {
                vec![(
                    "corpus.toml".to_owned(),
                    std::fs::read(repo.join("data/corpus.toml")).expect("data/corpus.toml"),
                )]
            }
            Target::Reference => REFERENCE_FILES
                .iter()
                .enumerate()
                .map(|(index, (name, text))| {
                    let mut bytes = vec![u8::try_from(index).expect("six files")];
                    bytes.extend_from_slice(text.as_bytes());
                    ((*name).to_owned(), bytes)
                })
                .collect(),
            Target::NQuads => vec![(
                "security.nq".to_owned(),
                EXAMPLE
                    .export(ExportFormat::NQuads, Vec::new())
                    .expect("the example graph exports"),
            )],
            Target::Params => questions_with_params()
                .iter()
                .enumerate()
                .map(|(index, question)| {
                    let mut bytes = vec![u8::try_from(index).expect("fewer than 256 questions")];
                    let values: Vec<&str> = question
                        .params
                        .iter()
                        .map(|p| example_value(&p.name))
                        .collect();
                    bytes.extend_from_slice(values.join("\n").as_bytes());
                    (question.name.clone(), bytes)
                })
                .collect(),
        }
    }
}

/// A value of the example graph for a parameter of a name.
fn example_value(param: &str) -> &'static str {
    match param {
        "topic" => "encryption",
        "goal" => "16",
        "document" => "igf2017-messages",
        "message" => "message:5f40383d-6d88-50c7-bec9-22a08d2c7ab1",
        _ => "encryption",
    }
}
