//! Unit tests for transcript parsing: labels, turns, speakers and header facts.

use super::*;

#[test]
fn labels_name_people_titles_organisations_and_roles() {
    let read = read_label("DR. RUDOLF GRIDL");
    assert_eq!(read.name.as_deref(), Some("Rudolf Gridl"));
    assert_eq!(read.title.as_deref(), Some("Dr."));
    let read = read_label("JANE DOE, ICANN");
    assert_eq!(read.name.as_deref(), Some("Jane Doe"));
    assert_eq!(read.organisation.as_deref(), Some("ICANN"));
    let read = read_label("MODERATOR (Anja Gengo)");
    assert_eq!(read.name.as_deref(), Some("Anja Gengo"));
    assert_eq!(read.generic.as_deref(), Some("MODERATOR"));
    for generic in [
        "MODERATOR",
        "AUDIENCE",
        "SPEAKER 2",
        "PARTICIPANT",
        "INTERPRETER",
        "CHAIR",
    ] {
        let read = read_label(generic);
        assert_eq!(read.name, None, "{generic}");
        assert_eq!(read.generic.as_deref(), Some(generic));
    }
    assert_eq!(
        read_label("DOROTHEE BÄR").name.as_deref(),
        Some("Dorothee Bär")
    );
}

fn document() -> SourceDocument {
    SourceDocument {
        id: "t".into(),
        title: "T".into(),
        publisher: String::new(),
        year: 2019,
        meeting: Some(2019),
        kind: "transcript".into(),
        format: "transcript".into(),
        path: "t.txt".into(),
        url: None,
        licence: String::new(),
        sha256: String::new(),
        columns: None,
    }
}

#[test]
fn a_long_turn_is_cut_at_sentences_into_parts_of_one_turn() {
    // Forty sentences of 99 characters each, in one turn of a flat page.
    let sentence = "Community networks in rural areas need spectrum, local skills and funding that lasts for years now.";
    assert_eq!(sentence.len(), 99);
    let speech = vec![sentence; 40].join(" ");
    let text = format!("Session title >> ANJA GENGO: {speech} >> AUDIENCE: Thank you.");
    let text = SourceText::new("t.txt", text);
    let e = parse(&document(), &text, &[]).unwrap();
    let turns: Vec<(u32, usize)> = e
        .utterances
        .iter()
        .map(|u| (u.turn, u.text.chars().count()))
        .collect();
    // Twenty sentences and their spaces make 1,999 characters: two parts.
    assert_eq!(turns, [(1, 1999), (1, 1999), (2, 10)]);
    assert!(
        e.utterances[..2]
            .iter()
            .all(|u| u.speaker == e.utterances[0].speaker)
    );
    assert_eq!(e.utterances[1].position, 2);
}

#[test]
fn a_document_without_turns_is_an_error() {
    let text = SourceText::new("t.txt", "Just a page\n\nwith no turns.\n".into());
    let error = parse(&document(), &text, &[]).unwrap_err().to_string();
    assert!(error.starts_with("t.txt:1:1: no speaker turn"), "{error}");
}

#[test]
fn markers_inline_and_anonymous() {
    let text = "Title >> ANJA GENGO: Good morning. >> Thank you: all. >>CHENGETAI MASANGO:Yes.";
    let found = markers(text);
    let labels: Vec<_> = found
        .iter()
        .map(|m| m.label.as_ref().map(|l| l.0.as_str()))
        .collect();
    assert_eq!(
        labels,
        [Some("ANJA GENGO"), None, Some("CHENGETAI MASANGO")]
    );
    assert_eq!(&text[found[2].content..], "Yes.");
}
