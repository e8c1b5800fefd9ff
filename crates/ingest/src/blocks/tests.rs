//! Unit tests for the shared building blocks: cutting documents into blocks, stripping inline Markdown and the record builder.

use super::*;

fn cut(text: &str, markdown: bool) -> Vec<(BlockKind, u32, String)> {
    let text = SourceText::new("t", text.to_owned());
    blocks(
        &text,
        BlockOptions {
            markdown,
            numbered_at_margin: true,
        },
    )
    .into_iter()
    .map(|b| (b.kind, b.line, b.text))
    .collect()
}

#[test]
fn bullets_and_paragraphs() {
    let blocks = cut(
        "Title line\n\n  • one\n  • two\n    more\n\nA para\ngraph.\n- dash\n",
        false,
    );
    let texts: Vec<_> = blocks.iter().map(|b| (b.1, b.2.as_str())).collect();
    assert_eq!(
        texts,
        vec![
            (1, "Title line"),
            (3, "one"),
            (4, "two more"),
            (7, "A para graph."),
            (9, "dash")
        ]
    );
    assert!(matches!(&blocks[1].0, BlockKind::Bullet { marker, indent: 2 } if marker == "•"));
}

#[test]
fn markdown_headings_rules_and_bold_lines() {
    let blocks = cut("## MEDIA\n\n---\n\n**Bold** text.\n", true);
    assert_eq!(blocks[0].0, BlockKind::Heading(2));
    assert_eq!(blocks[1].0, BlockKind::Rule);
    assert_eq!(blocks[2].0, BlockKind::Paragraph);
}

#[test]
fn markdown_is_stripped() {
    assert_eq!(
        strip_markdown(
            "During the IGF 2017, the so-called “[Geneva Messages](#)”) **were** *elaborated*. Policy Options \\(CENB\\)"
        ),
        "During the IGF 2017, the so-called “Geneva Messages”) were elaborated. Policy Options (CENB)"
    );
    assert_eq!(strip_markdown("#### *Messages*"), "#### Messages");
}

#[test]
fn headline_is_the_first_strong_span() {
    assert_eq!(
        headline("**This ambition must be done in the respect of net neutrality,** which"),
        Some("This ambition must be done in the respect of net neutrality".into())
    );
    assert_eq!(headline("No bold here."), None);
}
