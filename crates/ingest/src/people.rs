//! People as session reports name them: `Subject: Name. Organisation.
//! Country. Stakeholder group.`, and keynote speakers.

use regex::Regex;
use std::sync::LazyLock;

/// A person line, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonLine {
    /// The subject or sub-theme before the colon.
    pub(crate) subject: Option<String>,
    /// Whether the line says the person presented (`… presented by Name`).
    pub(crate) presented: bool,
    pub(crate) name: String,
    pub(crate) position_title: Option<String>,
    pub(crate) affiliation: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) stakeholder_group: Option<String>,
}

static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<subject>[^:]{1,100}):\s+)?(?P<presented>(?:Report of the discussion )?presented by\s+)?(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\.\s+(?P<rest>.+?)\.?\s*$",
    )
    .unwrap()
});

static PART_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\.\s+").unwrap());

static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(civil society|technical community|private sector|business|government|intergovernmental organi[sz]ations?|academia|academic community|youth)$").unwrap()
});

static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:The )?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}$").unwrap()
});

/// Words that make the part before a comma a job title, not an organisation.
static JOB_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(officer|director|head|coordinator|manager|chair|president|ambassador|minister|advis[eo]r|professor|researcher|founder|ceo|cto|cio|lead|secretary|counsel|fellow|member|expert|analyst|editor|engineer)\b").unwrap()
});

/// Parses `Subject: [Report … presented by] Name. [Position.] Organisation. Country. [Group.]`.
pub(crate) fn parse_line(text: &str) -> Option<PersonLine> {
    let c = LINE.captures(text.trim())?;
    let mut parts: Vec<String> = PART_SEPARATOR
        .split(&c["rest"])
        .map(|p| p.trim().trim_end_matches('.').trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let stakeholder_group = match parts.last() {
        Some(last) if GROUP.is_match(last) => parts.pop(),
        _ => None,
    };
    let country = match parts.last() {
        Some(last) if PLACE.is_match(last) && (parts.len() > 1 || stakeholder_group.is_some()) => {
            parts.pop()
        }
        _ => None,
    };
    // A person line names at least an organisation and a country or group.
    if country.is_none() && stakeholder_group.is_none() {
        return None;
    }
    let (position_title, affiliation) = match parts.as_slice() {
        [] => (None, None),
        [one] => split_position(one),
        [position, organisation] => (Some(position.clone()), Some(organisation.clone())),
        _ => return None,
    };
    Some(PersonLine {
        subject: c.name("subject").map(|s| s.as_str().trim().to_owned()),
        presented: c.name("presented").is_some(),
        name: c["name"].to_owned(),
        position_title,
        affiliation,
        country,
        stakeholder_group,
    })
}

/// `Chief Information Officer, RIPE NCC` → position and organisation;
/// `Coordinator … at the Regional Center …` → the same; otherwise all organisation.
fn split_position(part: &str) -> (Option<String>, Option<String>) {
    if let Some((position, organisation)) = part
        .split_once(" at the ")
        .or_else(|| part.split_once(" at "))
        && JOB_TITLE.is_match(position)
    {
        return (
            Some(position.trim().to_owned()),
            Some(organisation.trim().to_owned()),
        );
    }
    if let Some((position, organisation)) = part.rsplit_once(", ")
        && JOB_TITLE.is_match(position)
    {
        return (
            Some(position.trim().to_owned()),
            Some(organisation.trim().to_owned()),
        );
    }
    (None, Some(part.to_owned()))
}

/// A keynote speaker as a report names them: `… with Cyber Ambassador
/// Tobias Feakin keynote`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Keynote {
    pub(crate) title: Option<String>,
    pub(crate) name: String,
    /// Byte range of the name in the text searched.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

static KEYNOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<title>(?:\p{Lu}\p{L}+\s+){0,3}?)(?P<name>\p{Lu}\p{L}+\s+\p{Lu}[\p{L}-]+)(?:'s)?\s+keynote\b").unwrap()
});

static TITLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Cyber|Digital|Tech|Special|Deputy|Vice|Under-Secretary-General|Secretary-General|Former|Chief|Ambassador|Minister|President|Professor|Prof|Dr|Mr|Mrs|Ms|Commissioner|Director|Envoy|Senator|Representative)\s*)+$").unwrap()
});

/// Finds a keynote speaker in a paragraph.
pub(crate) fn keynote(text: &str) -> Option<Keynote> {
    let c = KEYNOTE.captures(text)?;
    let title = c
        .name("title")
        .map(|t| t.as_str().trim().to_owned())
        .filter(|t| !t.is_empty());
    // Words before the name must be a title ("Cyber Ambassador"), not the
    // start of a sentence.
    let title = match title {
        Some(t) if TITLE_WORDS.is_match(&t) => Some(t),
        Some(_) => None,
        None => None,
    };
    let name = c.name("name").unwrap();
    Some(Keynote {
        title,
        name: name.as_str().to_owned(),
        start: name.start(),
        end: name.end(),
    })
}

/// The affiliation a text gives to a government official: `the Australian
/// Government`, with the country the adjective names.
pub(crate) fn government_affiliation(text: &str) -> Option<(String, Option<String>)> {
    static GOVERNMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bthe (?P<adj>\p{Lu}\p{L}+) Government\b|\bthe Government of (?P<country>\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)*)").unwrap()
    });
    let c = GOVERNMENT.captures(text)?;
    if let Some(adj) = c.name("adj") {
        Some((
            format!("{} Government", adj.as_str()),
            country_of_demonym(adj.as_str()).map(str::to_owned),
        ))
    } else {
        let country = c["country"].to_owned();
        Some((format!("Government of {country}"), Some(country)))
    }
}

/// The country an English demonym names, for the adjectives IGF reports use
/// of governments.
fn country_of_demonym(adjective: &str) -> Option<&'static str> {
    const DEMONYMS: [(&str, &str); 24] = [
        ("Australian", "Australia"),
        ("Brazilian", "Brazil"),
        ("British", "United Kingdom"),
        ("Canadian", "Canada"),
        ("Chinese", "China"),
        ("Dutch", "The Netherlands"),
        ("Egyptian", "Egypt"),
        ("Estonian", "Estonia"),
        ("Ethiopian", "Ethiopia"),
        ("French", "France"),
        ("German", "Germany"),
        ("Indian", "India"),
        ("Indonesian", "Indonesia"),
        ("Israeli", "Israel"),
        ("Italian", "Italy"),
        ("Japanese", "Japan"),
        ("Kenyan", "Kenya"),
        ("Mexican", "Mexico"),
        ("Norwegian", "Norway"),
        ("Polish", "Poland"),
        ("Russian", "Russia"),
        ("Saudi", "Saudi Arabia"),
        ("Swiss", "Switzerland"),
        ("American", "United States"),
    ];
    DEMONYMS
        .iter()
        .find(|(d, _)| *d == adjective)
        .map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> PersonLine {
        parse_line(text).unwrap_or_else(|| panic!("not a person line: {text}"))
    }

    #[test]
    fn person_lines_of_the_2019_reports() {
        let p = line(
            "Safety, Security: Report of the discussion presented by Alexander Isavnin. RosKomSvoboda. Russia. Civil Society.",
        );
        assert_eq!(p.subject.as_deref(), Some("Safety, Security"));
        assert!(p.presented);
        assert_eq!(p.name, "Alexander Isavnin");
        assert_eq!(p.affiliation.as_deref(), Some("RosKomSvoboda"));
        assert_eq!(p.country.as_deref(), Some("Russia"));
        assert_eq!(p.stakeholder_group.as_deref(), Some("Civil Society"));

        let p = line(
            "Stability & resilience: Kaveh Ranjbar. Chief Information Officer, RIPE NCC. The Netherlands. Technical Community.",
        );
        assert_eq!(
            p.position_title.as_deref(),
            Some("Chief Information Officer")
        );
        assert_eq!(p.affiliation.as_deref(), Some("RIPE NCC"));
        assert_eq!(p.country.as_deref(), Some("The Netherlands"));

        let p = line(
            "Human rights: Charlotte Altenhöner-Dion. Head of Internet Governance Unit. Council of Europe. France. Intergovernmental Organization.",
        );
        assert_eq!(p.name, "Charlotte Altenhöner-Dion");
        assert_eq!(
            p.position_title.as_deref(),
            Some("Head of Internet Governance Unit")
        );
        assert_eq!(p.affiliation.as_deref(), Some("Council of Europe"));

        let p = line(
            "Stability & resilience; Technology, Industry and Trade: Report of the discussion presented by Amit Ashkenazi. Israel National Cyber Directorate. Israel.",
        );
        assert_eq!(p.country.as_deref(), Some("Israel"));
        assert_eq!(p.stakeholder_group, None);

        let p = line(
            "Safety: Ana Laura Martínez. Coordinator of International Cooperation Networks at the Regional Center for the Development of the Information Society (Cetic.br/NIC.br). Brazil. Technical community.",
        );
        assert_eq!(p.name, "Ana Laura Martínez");
        assert_eq!(
            p.position_title.as_deref(),
            Some("Coordinator of International Cooperation Networks")
        );
        assert_eq!(
            p.affiliation.as_deref(),
            Some(
                "Regional Center for the Development of the Information Society (Cetic.br/NIC.br)"
            )
        );
    }

    #[test]
    fn sentences_are_not_person_lines() {
        for text in [
            "Put people first: The group discussed about the difficulty to put human rights into practice.",
            "Multistakeholder dialogue is key to understand norms in cyberspace and their impact.",
            "Smart city project in Indonesia: that is meant for traffic management, pollution control and criminal prevention.",
        ] {
            assert_eq!(parse_line(text), None, "{text}");
        }
    }

    #[test]
    fn keynote_speaker() {
        let k = keynote("The session started with Cyber Ambassador Tobias Feakin keynote, followed by breakout discussions").unwrap();
        assert_eq!(k.title.as_deref(), Some("Cyber Ambassador"));
        assert_eq!(k.name, "Tobias Feakin");
        assert_eq!(
            government_affiliation(
                "highlighted the efforts of the Australian Government to be transparent"
            ),
            Some(("Australian Government".into(), Some("Australia".into())))
        );
    }
}
