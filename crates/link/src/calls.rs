//! Whether a sentence calls on a stakeholder group it names: asks,
//! recommends, urges, invites or obliges it ("Governments … should work
//! together", "policymakers were encouraged to", "a concrete suggestion to
//! the social media platforms", "it is important that all of us
//! (government, private sector …) hold each other in check").
//!
//! A group that is only described ("Civil society has limited resources")
//! or that benefits ("shall benefit all: … governments … youth") is not
//! called on. The rules read the group's place around a cue:
//!
//! - **agent**: the group is the subject of a modal or of a passive call
//!   ("X should", "X need to", "X were called upon to"): between the group
//!   and the cue stand at most three words, then only other groups of the
//!   same list; a possessive ("platforms’ transparency … should") or a
//!   modal that describes ("should be of particular attention", "should
//!   benefit") is no call;
//! - **addressee**: the group follows a verb of calling within four words
//!   ("calls on", "urges", "invites", "encourages", "asks", "advise",
//!   "suggestion to", "recommend that", "requires … from");
//! - **clause**: the group is in the rest of the clause after "it is
//!   important (crucial, essential, key …) that" or after a passive modal
//!   with its agent ("need to be addressed by governments").

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Cues whose subject is called on.
static AGENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:should|must|shall|ought to|needs? to|ha(?:ve|s) to|(?:is|are|was|were|be|been) (?:called (?:up)?on|urged|invited|encouraged|asked|requested|required|expected|obliged) to)\b").unwrap()
});

/// What follows a modal that describes its subject rather than calling on
/// it: "should be of particular attention", "shall benefit".
static DESCRIBES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:be\s+(?:of|a|an|the|at|in|on|part)\b|(?:also\s+)?benefit)").unwrap()
});

/// Cues whose object, within a few words, is called on.
static ADDRESSEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:call(?:s|ed|ing)? (?:up)?on|urg(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|ask(?:s|ed|ing)?|advi[cs](?:e|es|ed|ing)|(?:suggestion|recommendation|appeal)s? (?:to|for)|recommend(?:s|ed|ing)? that|requir(?:e|es|ed|ing)|oblig(?:e|es|ed|ing))\b").unwrap()
});

/// Cues that call on the groups of the rest of their clause.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:it is (?:crucial|essential|important|critical|key|vital|necessary|paramount|imperative|urgent) that|(?:should|must|shall|ought to|needs? to|ha(?:ve|s) to)(?: \w+)? be [\w ,]{0,60}?\bby)\b").unwrap()
});

/// Where a clause ends within a sentence.
static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[;?!]|\b(?:so that|while|because|which|whereas|although|but)\b").unwrap()
});

/// Words that join the groups of a list ("Governments, private companies,
/// and civil society").
/// A resumptive "they" joins them too ("… and the technical community,
/// they must all work together").
const GLUE: [&str; 9] = [
    "and", "or", "the", "all", "both", "also", "as", "well", "they",
];

/// The most words between an agent and its cue ("are mainly responsible").
const AGENT_GAP: usize = 3;
/// The most words between a cue and its addressee ("to the social media").
const ADDRESSEE_GAP: usize = 4;

/// The cue that calls on the group written at `group` in `text`, within
/// the sentence `sentence`; `groups` are all the group mentions of the
/// sentence (the lists a group stands in). Byte ranges.
pub(crate) fn cue<'t>(
    text: &'t str,
    sentence: Range<usize>,
    group: Range<usize>,
    groups: &[Range<usize>],
) -> Option<&'t str> {
    let s = &text[sentence.clone()];
    let at = |r: &Range<usize>| (r.start - sentence.start)..(r.end - sentence.start);
    let group = at(&group);
    let groups: Vec<Range<usize>> = groups.iter().map(at).collect();
    agent(s, &group, &groups)
        .or_else(|| addressee(s, &group, &groups))
        .or_else(|| clause(s, &group))
}

/// The words of `gap` once the group mentions inside it are taken out.
fn words_without_groups(s: &str, gap: Range<usize>, groups: &[Range<usize>]) -> String {
    let mut out = String::new();
    let mut at = gap.start;
    for g in groups
        .iter()
        .filter(|g| g.start >= gap.start && g.end <= gap.end)
    {
        out.push_str(&s[at..g.start]);
        out.push_str(" , ");
        at = g.end;
    }
    out.push_str(&s[at..gap.end]);
    out
}

fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .count()
}

fn agent<'t>(s: &'t str, group: &Range<usize>, groups: &[Range<usize>]) -> Option<&'t str> {
    let rest = &s[group.end..];
    if rest.starts_with(['’', '\'']) {
        return None;
    }
    // A group inside parentheses is an apposition: the gap starts after them
    // ("the regulators (government), the manufacturers … must").
    let mut gap_start = group.end;
    if s[..group.start].rfind('(') > s[..group.start].rfind(')')
        && let Some(close) = rest.find(')')
    {
        gap_start = group.end + close + 1;
    }
    let found = AGENT.find_at(s, gap_start)?;
    if DESCRIBES.is_match(&s[found.end()..]) {
        return None;
    }
    let gap = words_without_groups(s, gap_start..found.start(), groups);
    let mut segments = gap.split(',');
    let first = segments.next().unwrap_or("");
    if first.contains(['.', ';', ':', '?', '!']) || word_count(first) > AGENT_GAP {
        return None;
    }
    let rest_is_glue = segments.all(|segment| {
        segment
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| GLUE.contains(&w.to_lowercase().as_str()))
    });
    rest_is_glue.then_some(found.as_str())
}

fn addressee<'t>(s: &'t str, group: &Range<usize>, groups: &[Range<usize>]) -> Option<&'t str> {
    let found = ADDRESSEE
        .find_iter(&s[..group.start])
        .last()
        .filter(|cue| {
            let gap = words_without_groups(s, cue.end()..group.start, groups);
            !gap.contains(['.', ';', ':', '?', '!']) && word_count(&gap) <= ADDRESSEE_GAP
        })?;
    Some(found.as_str())
}

fn clause<'t>(s: &'t str, group: &Range<usize>) -> Option<&'t str> {
    CLAUSE
        .find_iter(&s[..group.start])
        .filter(|cue| CLAUSE_END.find(&s[cue.end()..group.start]).is_none())
        .last()
        .map(|cue| cue.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cue for each group (written between brackets) of a sentence.
    fn cues(marked: &str) -> Vec<Option<String>> {
        let mut text = String::new();
        let mut groups = Vec::new();
        let mut open = 0;
        for c in marked.chars() {
            match c {
                '[' => open = text.len(),
                ']' => groups.push(open..text.len()),
                _ => text.push(c),
            }
        }
        groups
            .iter()
            .map(|g| cue(&text, 0..text.len(), g.clone(), &groups).map(str::to_owned))
            .collect()
    }

    fn called(cue: &str) -> Option<String> {
        Some(cue.to_owned())
    }

    #[test]
    fn agents_of_a_modal_are_called_on() {
        // 2017 Messages line 13.
        assert_eq!(
            cues("[Governments], [private companies], and [civil society] should work together."),
            [called("should"), called("should"), called("should")]
        );
        // 2019 reports line 380: an apposition in parentheses.
        assert_eq!(
            cues(
                "the [regulators] ([government]), the [manufacturers], and the [retailers] must work together"
            ),
            [
                called("must"),
                called("must"),
                called("must"),
                called("must")
            ]
        );
        // 2017 Messages line 30.
        assert_eq!(
            cues(
                "Some noted that [governments] are mainly responsible, and should invest in education."
            ),
            [called("should")]
        );
        assert_eq!(
            cues("[Governments] were called upon to abstain from content regulation."),
            [called("were called upon to")]
        );
    }

    #[test]
    fn groups_described_or_benefiting_are_not_called_on() {
        // 2019 reports lines 46 and 497, Paris Messages lines 65 and 111.
        assert_eq!(
            cues(
                "[Civil society] has limited resources to participate and therefore it is important not to create multiple parallel discussions."
            ),
            [None]
        );
        assert_eq!(
            cues(
                "The AI advancements shall benefit all: AI data producers, users, [governments], vulnerable communities (women, children, [youth], disabled persons)."
            ),
            [None, None]
        );
        assert_eq!(
            cues("To that end, [platforms]’ transparency and fairness should be encouraged."),
            [None]
        );
        assert_eq!(
            cues("[The youth] should be of particular attention in this digital training process."),
            [None]
        );
        // 2019 reports line 513: another subject stands before the modal.
        assert_eq!(
            cues(
                "From a governmental perspective and/or [business] perspective, AI shall benefit the new ecosystem."
            ),
            [None]
        );
        // 2019 reports line 461: the group is the object.
        assert_eq!(
            cues("Who should fund the role of [civil society organisations] and journalists?"),
            [None]
        );
    }

    #[test]
    fn addressees_of_a_call_and_clauses_that_oblige() {
        // 2019 reports lines 62, 374 and 400, 2017 Messages line 21.
        assert_eq!(
            cues(
                "A concrete suggestion to the social media [platforms], to use a similar mechanism."
            ),
            [called("suggestion to")]
        );
        assert_eq!(
            cues("Advice technical [companies] on how to build trust in connected devices."),
            [called("Advice")]
        );
        assert_eq!(
            cues(
                "It is important that all of us ([government], [private sector]) hold each other in check."
            ),
            [
                called("It is important that"),
                called("It is important that")
            ]
        );
        assert_eq!(
            cues(
                "the challenges of the digital world also need to be addressed by [governments] and [intergovernmental organisations], through laws."
            ),
            [
                called("need to be addressed by"),
                called("need to be addressed by")
            ]
        );
        // 2019 reports line 105: too far from the cue.
        assert_eq!(
            cues(
                "inviting people to question, to challenge and engage their [governments] on the issues."
            ),
            [None]
        );
    }
}
