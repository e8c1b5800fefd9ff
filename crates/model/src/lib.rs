#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod document;
pub mod id;
pub mod programme;
pub mod reference;
pub mod span;

pub use document::{
    Extraction, Fact, FactKind, Figure, Message, MessageKind, Participation, Person, Qualifier,
    ReportField, Role, RoleKind, Session, SessionType, SourceDocument, Statement, Theme,
};
pub use programme::{ColumnMapping, RowKind, SessionDetails};
pub use id::{NodeId, NodeKind, normalize_key, slugify};
pub use reference::{
    Goal, Meeting, Nri, NriKind, Organization, StakeholderGroup, Topic, goal_iri, ordinal_word,
};
pub use span::{Diagnostic, Severity, Span};
