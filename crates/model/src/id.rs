//! Deterministic node identifiers.
//!
//! Every node of the graph has a [`NodeId`]: a path relative to the data IRI
//! base (`https://w3id.org/igfkg/id/` by default), such as `meeting/2018` or
//! `message/5b0c…`. The same input gives the same identifier on every run and
//! every machine, because an identifier is either a readable slug of a
//! natural key or a [UUID version 5](https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-5)
//! over a documented natural key. The natural keys are:
//!
//! | kind | identifier | natural key |
//! |---|---|---|
//! | meeting | `meeting/{year}` | the year of the annual IGF |
//! | document | `document/{id}` | the manifest id of the source document |
//! | stakeholder group | `stakeholder-group/{id}` | the id in `stakeholder-groups.toml` |
//! | NRI | `nri/{id}` | the id in `nris.csv` |
//! | topic | `topic/{id}` | the id in `topics.toml` |
//! | organisation of the gazetteer | `organization/{id}` | the id in `organizations.csv` |
//! | theme | `theme/{uuid}` | document id, theme title (normalised) |
//! | session | `session/{uuid}` | document id, session title (normalised), position |
//! | message | `message/{uuid}` | document id, position of the message in the document |
//! | statement | `statement/{uuid}` | document id, position of the statement in the document |
//! | person | `person/{uuid}` | the person's name (folded by [`person_key`]: case, accents, spacing) |
//! | utterance | `utterance/{uuid}` | document id, position of the utterance in the document |
//! | other organisation | `organization/{uuid}` | the organisation's name (normalised) |
//! | link | `link/{uuid}` | linked node, relation, target |
//! | echo | `echo/{uuid}` | later message, earlier message |
//! | alignment | `alignment/{uuid}` | later theme or session, earlier one |
//! | fact | `fact/{uuid}` | document id, fact kind, position in the document |
//! | participation | `participation/{uuid}` | session id |
//! | role | `role/{uuid}` | session id, person id, role |
//!
//! "Normalised" means Unicode-trimmed, whitespace runs folded to one space and
//! lower-cased (see [`normalize_key`]), so that a title written twice with
//! different spacing or capitals names the same node.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// The namespace of every UUID v5 that igfkg mints.
///
/// It is itself the UUID v5 of the ontology IRI in the URL namespace, so it
/// never changes with the data IRI base: a graph built under another base
/// keeps the same local identifiers.
pub fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://w3id.org/igfkg/ontology#")
}

/// The kinds of node that igfkg mints identifiers for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// An annual IGF meeting.
    Meeting,
    /// A source document of the corpus.
    Document,
    /// A stakeholder group concept.
    StakeholderGroup,
    /// A year's theme or track.
    Theme,
    /// A session of a meeting.
    Session,
    /// A key message, takeaway, recommendation or policy question.
    Message,
    /// A paragraph or statement of a document that is not a message.
    Statement,
    /// A person named in a document.
    Person,
    /// An organisation.
    Organization,
    /// A National, Regional or Youth IGF initiative.
    Nri,
    /// A digital-policy topic concept.
    Topic,
    /// A figure or fact about a meeting, as one source states it.
    Fact,
    /// The participation figures of a session.
    Participation,
    /// A person's role in a session.
    Role,
    /// A link from a node to an entity, with its evidence.
    Link,
    /// A message's echo of an earlier year's message.
    Echo,
    /// A speaker turn of a transcript.
    Utterance,
    /// An alignment of two themes or sessions of different years.
    Alignment,
}

impl NodeKind {
    /// The first path segment of identifiers of this kind.
    pub fn segment(self) -> &'static str {
        match self {
            Self::Meeting => "meeting",
            Self::Document => "document",
            Self::StakeholderGroup => "stakeholder-group",
            Self::Theme => "theme",
            Self::Session => "session",
            Self::Message => "message",
            Self::Statement => "statement",
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Nri => "nri",
            Self::Topic => "topic",
            Self::Fact => "fact",
            Self::Participation => "participation",
            Self::Role => "role",
            Self::Link => "link",
            Self::Echo => "echo",
            Self::Utterance => "utterance",
            Self::Alignment => "alignment",
        }
    }
}

/// The identifier of a node: a path relative to the data IRI base.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NodeId(String);

impl NodeId {
    /// A readable identifier `{kind}/{slug}`; the slug is made with [`slugify`].
    pub fn slug(kind: NodeKind, natural_key: &str) -> Self {
        Self(format!("{}/{}", kind.segment(), slugify(natural_key)))
    }

    /// An identifier `{kind}/{uuid}`, the UUID v5 of the natural key parts.
    ///
    /// The parts are joined with the unit separator (U+001F), which cannot
    /// occur in them, so `["ab", "c"]` and `["a", "bc"]` differ.
    pub fn keyed(kind: NodeKind, parts: &[&str]) -> Self {
        let mut key = String::from(kind.segment());
        for part in parts {
            key.push('\u{1f}');
            key.push_str(part);
        }
        Self(format!(
            "{}/{}",
            kind.segment(),
            Uuid::new_v5(&namespace(), key.as_bytes())
        ))
    }

    /// The identifier of a person: one node for the person across the
    /// corpus, whatever the case, accents or spacing of the name as written
    /// (see [`person_key`]).
    pub fn person(name: &str) -> Self {
        Self::keyed(NodeKind::Person, &[&person_key(name)])
    }

    /// The identifier of the annual meeting of `year`.
    pub fn meeting(year: u16) -> Self {
        Self(format!("meeting/{year}"))
    }

    /// The path relative to the data IRI base.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The identifier of a part of this node, such as `message/…-position`.
    ///
    /// Helper nodes (source spans, selectors, report fields, figures) get
    /// such identifiers instead of blank nodes, so that exports stay
    /// deterministic and sort next to the node they belong to. A dash rather
    /// than a `#` keeps them writable as prefixed names (`message:…-quote`).
    pub fn part(&self, name: &str) -> Self {
        Self(format!("{}-{}", self.0, name))
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Trims, folds whitespace runs to one space and lower-cases: the form in
/// which natural keys are compared.
pub fn normalize_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The natural key of a person's name: [`normalize_key`] after folding
/// accents (Unicode compatibility decomposition without its combining marks,
/// and the letters that have no decomposition: ø, ł, đ, ß, æ, œ, ı), so that
/// `DOROTHEE BÄR`, `Dorothee Bär` and `Dorothee  Bar` are one person.
/// Different spellings of one name (`Chengetai`, `Chengatai`) stay apart.
pub fn person_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let folded: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .flat_map(|c| {
            let pair = match c {
                'ø' => "o",
                'ł' => "l",
                'đ' => "d",
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ı' => "i",
                _ => "",
            };
            let mut out: Vec<char> = pair.chars().collect();
            if out.is_empty() {
                out.push(c);
            }
            out
        })
        .collect();
    normalize_key(&folded)
}

/// A readable path segment: lower-case ASCII letters and digits, other runs
/// turned into one `-`. Letters with accents keep their base letter where
/// they have a simple one (é → e); others are dropped.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            slug.push(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    slug
}

/// The base letter of the common Latin letters with diacritics.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_ids_are_stable_uuid_v5() {
        let id = NodeId::keyed(NodeKind::Message, &["igf2017-messages", "1"]);
        // Computed independently: uuid5(uuid5(URL, ontology IRI), "message\x1figf2017-messages\x1f1").
        let ns = Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://w3id.org/igfkg/ontology#");
        let expected = Uuid::new_v5(&ns, "message\u{1f}igf2017-messages\u{1f}1".as_bytes());
        assert_eq!(id.as_str(), format!("message/{expected}"));
        assert_eq!(expected.get_version_num(), 5);
    }

    #[test]
    fn key_parts_are_separated() {
        assert_ne!(
            NodeId::keyed(NodeKind::Theme, &["ab", "c"]),
            NodeId::keyed(NodeKind::Theme, &["a", "bc"])
        );
    }

    #[test]
    fn slugs_are_readable() {
        for (input, expected) in [
            ("igf2017-messages", "igf2017-messages"),
            ("Civil Society", "civil-society"),
            ("  Technical   community ", "technical-community"),
            (
                "Intergovernmental Organization",
                "intergovernmental-organization",
            ),
            ("Lillestrøm", "lillestrom"),
            ("João Pessoa", "joao-pessoa"),
        ] {
            assert_eq!(slugify(input), expected, "{input:?}");
        }
    }

    #[test]
    fn person_keys_fold_case_accents_and_spacing() {
        let key = person_key("Dorothee Bär");
        for variant in [
            "DOROTHEE BÄR",
            "Dorothee  Bar",
            " dorothee bär ",
            "Dorothee Ba\u{308}r",
        ] {
            assert_eq!(person_key(variant), key, "{variant:?}");
        }
        assert_eq!(key, "dorothee bar");
        assert_eq!(person_key("Bjørn Ødegård"), "bjorn odegard");
        assert_ne!(
            person_key("Chengetai Masango"),
            person_key("Chengatai Masango")
        );
        assert_eq!(
            NodeId::person("CHENGETAI MASANGO"),
            NodeId::person("Chengetai Masango")
        );
    }

    #[test]
    fn normalised_keys_ignore_spacing_and_case() {
        assert_eq!(
            normalize_key("  Main session:\tGender  Inclusion "),
            "main session: gender inclusion"
        );
    }
}
