#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod document;
pub mod id;
pub mod reference;
pub mod span;
pub mod utterance;

pub use document::{
    Extraction, Fact, FactKind, Figure, Message, MessageKind, Participation, Person, Qualifier,
    ReportField, Role, RoleKind, Session, SessionType, SourceDocument, Statement, Theme,
};
pub use id::{NodeId, NodeKind, normalize_key, person_key, slugify};
pub use reference::{
    Goal, Meeting, Nri, NriKind, Organization, StakeholderGroup, Topic, goal_iri, ordinal_word,
};
pub use span::{Diagnostic, Severity, Span};
pub use utterance::Utterance;
