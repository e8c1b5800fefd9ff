//! Sentences: Unicode's sentence boundaries ([UAX #29](https://www.unicode.org/reports/tr29/#Sentence_Boundaries),
//! through `unicode-segmentation`), joined again where a boundary falls
//! after an abbreviation or an initial ("Dr. Abiy", "the U.S. Government",
//! "John F. Kennedy"), which UAX #29 cannot tell from a sentence's end.

use unicode_segmentation::UnicodeSegmentation;

/// The longest statement or utterance, in characters, that a parser makes
/// without cutting it into sentences.
pub(crate) const MAX_CHARS: usize = 2000;

/// Abbreviations written with a full stop that do not end a sentence, in
/// lower case.
const ABBREVIATIONS: [&str; 44] = [
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "no.", "nos.", "e.g.", "i.e.", "u.s.", "u.k.",
    "u.n.", "vs.", "jr.", "sr.", "inc.", "ltd.", "co.", "corp.", "art.", "para.", "paras.", "vol.",
    "pp.", "cf.", "approx.", "h.e.", "amb.", "gen.", "sen.", "rep.", "hon.", "rev.", "fig.",
    "dept.", "univ.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
];

/// Whether the text ends with an abbreviation or an initial, given the
/// text that follows ("No." abbreviates only before a number: "said no.").
fn ends_with_abbreviation(text: &str, next: &str) -> bool {
    let Some(word) = text.split_whitespace().last() else {
        return false;
    };
    let word = word.trim_start_matches(['(', '[', '“', '"', '‘', '\'']);
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "no." | "nos.") {
        return next.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // An initial ("F.") or letters with dots ("U.S.", "A.B.C.").
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase());
    initial
        || (word.len() >= 4
            && word.ends_with('.')
            && word
                .split('.')
                .filter(|part| !part.is_empty())
                .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic)))
}

/// The sentences of `text`, as byte ranges without surrounding white space.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (at, piece) in text.split_sentence_bound_indices() {
        let start = at + (piece.len() - piece.trim_start().len());
        let end = at + piece.trim_end().len();
        if end <= start {
            continue;
        }
        match out.last_mut() {
            Some(last) if ends_with_abbreviation(&text[last.0..last.1], &text[start..]) => {
                last.1 = end;
            }
            _ => out.push((start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split(
                "Welcome, Dr. Abiy Ahmed. The U.S. Government, e.g. its agencies, spoke. John F. Kennedy said no.  Next?  Yes!"
            ),
            [
                "Welcome, Dr. Abiy Ahmed.",
                "The U.S. Government, e.g. its agencies, spoke.",
                "John F. Kennedy said no.",
                "Next?",
                "Yes!"
            ]
        );
        assert_eq!(
            split("See No. 5 and St. Petersburg. Done."),
            ["See No. 5 and St. Petersburg.", "Done."]
        );
    }

    #[test]
    fn text_without_stops_is_one_sentence() {
        assert_eq!(
            split("  a heading without a stop "),
            ["a heading without a stop"]
        );
        assert!(split("   ").is_empty());
    }
}
