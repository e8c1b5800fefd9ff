//! Numbers and ordinals as documents write them, in digits or in words.

/// The value of a number written in digits (with thousands commas) or words.
pub(crate) fn number_value(text: &str) -> Option<u64> {
    let text = text.to_lowercase();
    if let Ok(n) = text.replace(',', "").parse() {
        return Some(n);
    }
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if text == "a hundred" || text == "one hundred" {
        return Some(100);
    }
    if let Some(n) = UNITS.iter().position(|u| *u == text) {
        return Some(n as u64);
    }
    let (tens, unit) = text.split_once('-').unwrap_or((&text, "zero"));
    let tens = TENS.iter().position(|t| *t == tens)? as u64 * 10 + 20;
    let unit = UNITS.iter().position(|u| *u == unit)? as u64;
    Some(tens + unit)
}

/// The value of an ordinal written in digits (`13th`) or words (`thirteenth`).
pub(crate) fn ordinal_value(text: &str) -> Option<u64> {
    const WORDS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let text = text.to_lowercase();
    // "The Inaugural Meeting of the IGF" is the first.
    if text == "inaugural" {
        return Some(1);
    }
    if let Some(i) = WORDS.iter().position(|w| *w == text) {
        return Some(i as u64 + 1);
    }
    text.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(number_value("3,000"), Some(3000));
        assert_eq!(number_value("3000"), Some(3000));
        assert_eq!(number_value("eighty"), Some(80));
        assert_eq!(number_value("Eighty-two"), Some(82));
        assert_eq!(number_value("a hundred"), Some(100));
        assert_eq!(ordinal_value("thirteenth"), Some(13));
        assert_eq!(ordinal_value("Twelfth"), Some(12));
        assert_eq!(ordinal_value("13th"), Some(13));
        assert_eq!(ordinal_value("22nd"), Some(22));
        assert_eq!(ordinal_value("inaugural"), Some(1));
    }
}
