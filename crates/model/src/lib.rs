#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod document;
pub mod id;
pub mod link;
pub mod programme;
pub mod reference;
pub mod relation;
pub mod span;
pub mod utterance;

pub use document::{
    Extraction, Fact, FactKind, Figure, Message, MessageKind, Participation, Person, Qualifier,
    ReportField, Role, RoleKind, Session, SessionType, SourceDocument, Statement, Theme,
    sha256_hex,
};
pub use id::{NodeId, NodeKind, normalize_key, person_key, slugify};
pub use link::{DocumentLinks, Evidence, Link, Method, Relation, RollUp, Target};
pub use programme::{ColumnMapping, RowKind, SessionDetails};
pub use reference::{
    Attribution, Goal, Meeting, Nri, NriKind, NriStatus, Organization, ReferenceData,
    SDG_NAMESPACE, StakeholderGroup, Topic, goal_iri, ordinal_word,
};
pub use relation::{Alignment, Echo, Relations};
pub use span::{Diagnostic, Severity, Span};
pub use utterance::Utterance;
