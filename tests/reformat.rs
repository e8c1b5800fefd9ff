//! Each parser reads a reformatted copy of its document — CRLF line
//! endings, other bullet characters, extra blank lines — into the same
//! records.

use crate::util::{data_dir, document};
use igfkg::ingest::{Format, parse};
use igfkg::model::Extraction;
use igfkg::sources::SourceText;

/// Everything a parser extracted except positions, which a reformatting
/// moves: what the records say and how they hang together.
fn signature(e: &Extraction) -> Vec<String> {
    let session = |id: &Option<igfkg::model::NodeId>| {
        id.as_ref()
            .and_then(|id| e.sessions.iter().position(|s| &s.id == id))
    };
    let theme = |id: &Option<igfkg::model::NodeId>| {
        id.as_ref()
            .and_then(|id| e.themes.iter().position(|t| &t.id == id))
    };
    let mut out = Vec::new();
    for s in &e.sessions {
        let fields: Vec<_> = s
            .fields
            .iter()
            .map(|f| (f.number, &f.heading, &f.text))
            .collect();
        out.push(format!(
            "session {:?} {:?} {:?} {:?} {:?} {:?} {fields:?}",
            s.title, s.session_type, s.session_type_label, s.description, s.updated, s.track
        ));
    }
    for t in &e.themes {
        out.push(format!("theme {:?} {}", t.title, t.position));
    }
    for m in &e.messages {
        out.push(format!(
            "message {:?} {:?} {:?} {:?} {:?} {:?}",
            m.kind,
            m.text,
            m.headline,
            m.group,
            session(&m.session),
            theme(&m.theme)
        ));
    }
    for s in &e.statements {
        out.push(format!(
            "statement {:?} {:?} {}",
            s.text, s.section, s.heading
        ));
    }
    for p in &e.people {
        out.push(format!(
            "person {:?} {:?} {:?} {:?} {:?}",
            p.name, p.position_title, p.affiliation, p.country, p.stakeholder_group
        ));
    }
    for r in &e.roles {
        out.push(format!("role {:?} {:?} {:?}", r.person, r.kind, r.subject));
    }
    for p in &e.participation {
        out.push(format!(
            "participation {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            p.onsite, p.remote, p.total, p.women, p.men, p.women_percent, p.text
        ));
    }
    for f in &e.facts {
        out.push(format!(
            "fact {:?} {} {:?} {:?} {:?}",
            f.kind, f.meeting, f.figure, f.value, f.qualifier_note
        ));
    }
    out.push(format!("diagnostics {}", e.diagnostics.len()));
    out
}

fn check(id: &str, format: Format, reformat: impl Fn(&str) -> String) {
    let parsed = document(id);
    let original = std::fs::read_to_string(data_dir().join(&parsed.document.path)).unwrap();
    let changed = reformat(&original);
    assert_ne!(changed, original, "{id}: the reformatting changed nothing");
    let text = SourceText::new(format!("{id}-reformatted"), changed);
    let meetings = &crate::util::corpus().1.reference.meetings;
    let extraction = parse(format, &parsed.document, &text, meetings).unwrap();
    let (expected, got) = (signature(&parsed.extraction), signature(&extraction));
    for (a, b) in expected.iter().zip(&got) {
        assert_eq!(a, b, "{id}");
    }
    assert_eq!(expected.len(), got.len(), "{id}");
}

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

fn extra_blank_lines(text: &str) -> String {
    format!("\n\n{}\n\n", text.replace("\n\n", "\n\n\n\n"))
}

#[test]
fn messages_by_session() {
    check("igf2017-messages", Format::MessagesBySession, |t| {
        crlf(&extra_blank_lines(&t.replace("  • ", "    - ")))
    });
    check("igf2017-messages", Format::MessagesBySession, |t| {
        t.replace("  • ", "* ").replace("\n\n\n", "\n\n")
    });
    check("igf2017-messages", Format::MessagesBySession, |t| {
        t.replace("  • ", "\t▪ ")
    });
}

#[test]
fn messages_by_theme() {
    check("igf2018-paris-messages", Format::MessagesByTheme, |t| {
        crlf(&extra_blank_lines(t))
    });
    check("igf2018-paris-messages", Format::MessagesByTheme, |t| {
        t.replace("### *Messages*", "#### Messages")
    });
}

#[test]
fn session_reports() {
    check("igf2019-session-reports", Format::SessionReports, |t| {
        crlf(&extra_blank_lines(&t.replace("  • ", "  ◦ ")))
    });
    check("igf2019-session-reports", Format::SessionReports, |t| {
        t.replace("\n- ", "\n* ").replace("  • ", "  - ")
    });
}

#[test]
fn narrative() {
    check("igf2018-wsis-report-input", Format::Narrative, |t| {
        crlf(&extra_blank_lines(t))
    });
    check("igf2018-opening-press-release", Format::Narrative, |t| {
        crlf(&extra_blank_lines(t))
    });
}
