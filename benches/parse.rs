//! The parsing benchmark: one-line documents of 1, 2 and 5 MB (a page saved
//! flat, with no line break: the layout that made parsing quadratic),
//! parsed and built as `narrative` and as `transcript`, stage by stage.
//! It prints the seconds per MB of each size and the ratio of the largest
//! size's seconds per MB to the smallest's: about 1 when the cost is linear
//! in the document's size, about 5 when it is quadratic.
//!
//! Run it with `cargo bench --bench parse`; `IGFKG_BENCH_MB=1,2,5` picks the
//! sizes in MB.

use igfkg::KnowledgeGraph;
use igfkg::ingest::{Format, parse};
use igfkg::link::Linker;
use igfkg::model::SourceDocument;
use igfkg::sources::{DataDir, SourceText};
use std::path::Path;
use std::time::Instant;

/// Sentences of the kind IGF prose and transcripts are made of, with the
/// entities the linker finds (SDGs, NRIs, organisations, topics) and the
/// abbreviations the sentence splitter must not cut at.
const SENTENCES: [&str; 8] = [
    "The Internet Governance Forum discussed data governance and cybersecurity in Berlin, with more than 3,000 participants from 150 countries.",
    "Dr. Mensah said that e.g. SDG 9 and the Youth IGF Nigeria depend on affordable access.",
    "Speakers from ICANN and the U.S. Federal Communications Commission compared spectrum rules for community networks.",
    "Human rights online, including privacy and freedom of expression, must guide artificial intelligence policies.",
    "The multistakeholder model lets governments, the private sector and civil society shape digital cooperation together.",
    "Capacity building for small islands was raised by the Pacific IGF and by several parliamentarians.",
    "Encryption protects users, and law enforcement asked how lawful access could work without weakening it.",
    "The session closed with a call to fund local content and digital literacy in rural areas.",
];

/// A one-line document of about `bytes` bytes: prose, or speaker turns.
fn document(bytes: usize, turns: bool) -> String {
    let mut text = String::with_capacity(bytes + 256);
    if turns {
        text.push_str("IGF 2019 – Day 2 – Flat Session The following are the outputs of the real-time captioning taken during the Fourteenth Annual Meeting of the Internet Governance Forum (IGF) in Berlin, Germany, from 25 to 29 November 2019. ");
    }
    let speakers = ["ANJA GENGO", "MODERATOR", "KWAME MENSAH", "AUDIENCE"];
    let mut k = 0;
    while text.len() < bytes {
        if turns && k % 6 == 0 {
            text.push_str(">> ");
            text.push_str(speakers[(k / 6) % speakers.len()]);
            text.push_str(": ");
        }
        text.push_str(SENTENCES[k % SENTENCES.len()]);
        text.push(' ');
        k += 1;
    }
    text.push('\n');
    text
}

fn source_document(id: &str, format: Format) -> SourceDocument {
    SourceDocument {
        id: id.to_owned(),
        title: id.to_owned(),
        publisher: "bench".into(),
        year: 2019,
        meeting: Some(2019),
        kind: "bench".into(),
        format: format.name().into(),
        path: format!("sources/{id}.txt"),
        url: None,
        licence: "bench".into(),
        sha256: String::new(),
        columns: None,
    }
}

/// Copies the bundled reference data and writes a manifest of one document.
fn data_dir(dir: &Path, document: &SourceDocument, text: &str) -> std::io::Result<DataDir> {
    let reference = dir.join("reference");
    std::fs::create_dir_all(&reference)?;
    std::fs::create_dir_all(dir.join("sources"))?;
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reference"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), reference.join(entry.file_name()))?;
    }
    std::fs::write(dir.join(&document.path), text)?;
    std::fs::write(
        dir.join("corpus.toml"),
        format!(
            "[[document]]\nid = \"{}\"\ntitle = \"{}\"\npublisher = \"bench\"\nyear = 2019\nmeeting = 2019\nkind = \"bench\"\nformat = \"{}\"\npath = \"{}\"\nlicence = \"bench\"\n",
            document.id, document.title, document.format, document.path
        ),
    )?;
    Ok(DataDir::new(dir))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sizes: Vec<usize> = std::env::var("IGFKG_BENCH_MB")
        .unwrap_or_else(|_| "1,2,5".into())
        .split(',')
        .map(|s| s.trim().parse())
        .collect::<Result<_, _>>()?;
    let reference = DataDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).reference()?;
    let linker = Linker::new(&reference);
    println!("| format | MB | records | parse s | parse + link s | build s | build s/MB |");
    println!("|---|---|---|---|---|---|---|");
    for format in [Format::Narrative, Format::Transcript] {
        let mut per_mb = Vec::new();
        for &mb in &sizes {
            let text = document(mb * 1_000_000, format == Format::Transcript);
            let id = format!("flat-{}-{mb}mb", format.name());
            let document = source_document(&id, format);
            let source = SourceText::new(&document.path, text.clone());

            let started = Instant::now();
            let extraction = parse(format, &document, &source, &reference.meetings)?;
            let parsed = started.elapsed().as_secs_f64();

            let dir = tempfile::tempdir()?;
            let data = data_dir(dir.path(), &document, &text)?;
            let started = Instant::now();
            let links = linker.link(&parse(format, &document, &source, &reference.meetings)?);
            let linked = started.elapsed().as_secs_f64();

            let graph = KnowledgeGraph::new()?;
            let started = Instant::now();
            igfkg::build(&graph, &data)?;
            let built = started.elapsed().as_secs_f64();

            let records = extraction.statements.len() + extraction.utterances.len();
            let longest = extraction
                .statements
                .iter()
                .map(|s| s.text.chars().count())
                .chain(extraction.utterances.iter().map(|u| u.text.chars().count()))
                .max()
                .unwrap_or(0);
            assert!(longest <= 2000, "a record of {longest} characters");
            println!(
                "| {} | {mb} | {records} ({} links) | {parsed:.2} | {linked:.2} | {built:.2} | {:.2} |",
                format.name(),
                links.links.len(),
                built / mb as f64
            );
            per_mb.push(built / mb as f64);
        }
        if let (Some(first), Some(last)) = (per_mb.first(), per_mb.last()) {
            println!(
                "| {} | ratio of s/MB, {} MB to {} MB: {:.2} (1 is linear) | | | | | |",
                format.name(),
                sizes.last().unwrap_or(&0),
                sizes.first().unwrap_or(&0),
                last / first
            );
        }
    }
    Ok(())
}
