//! The RDF mapping of igfkg's records: which triples each record becomes.
//!
//! Every node extracted from a document gets `prov:wasDerivedFrom` its
//! `igf:SourceDocument` and an `igf:sourceSpan`: a W3C Web Annotation
//! [specific resource](https://www.w3.org/TR/annotation-model/#specific-resources)
//! with a text position selector, a text quote selector and the line range.
//! Helper nodes get IRIs derived from their node ([`NodeId::part`]), never
//! blank nodes, so the same records always give the same triples.

use crate::iri::IriBase;
use crate::vocab::{dcterms, foaf, igf, oa, org, prov, rdf, rdfs, schema, sdgo, skos, xsd};
use igfkg_model::Relations;
use igfkg_model::{Attribution, ReferenceData};
use igfkg_model::{DocumentLinks, Link, Method, Relation, RollUp, Target};
use igfkg_model::{
    Extraction, Fact, FactKind, Figure, Message, MessageKind, NodeId, NodeKind, NriKind,
    Organization, Participation, Person, Qualifier, Role, RoleKind, Session, SessionType,
    SourceDocument, Span, Statement, Theme, goal_iri,
};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::fmt;
use std::str::FromStr;

/// How much of the evidence behind links, echoes and alignments a graph
/// keeps. Every node keeps its provenance (`prov:wasDerivedFrom` and
/// `igf:sourceSpan`) at every level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EvidenceLevel {
    /// Every link with its `igf:Link` annotation (the matched words, the
    /// method, the confidence), and every echo and alignment with the terms
    /// and topics it shares. About 160 triples a message at scale.
    #[default]
    Full,
    /// Links as their triples only, the way session roll-ups are; echoes and
    /// alignments with their scores but not what they share. About a third
    /// of the triples of [`EvidenceLevel::Full`], for portals that publish
    /// the facts and large corpora.
    Lean,
}

impl EvidenceLevel {
    /// The name used on the command line (`full`, `lean`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Lean => "lean",
        }
    }
}

impl fmt::Display for EvidenceLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name is not an evidence level.
#[derive(Debug, thiserror::Error)]
#[error("unknown evidence level {0:?}; use full or lean")]
pub struct UnknownEvidenceLevel(pub String);

impl FromStr for EvidenceLevel {
    type Err = UnknownEvidenceLevel;

    fn from_str(name: &str) -> Result<Self, UnknownEvidenceLevel> {
        match name.to_ascii_lowercase().as_str() {
            "full" => Ok(Self::Full),
            "lean" => Ok(Self::Lean),
            _ => Err(UnknownEvidenceLevel(name.to_owned())),
        }
    }
}

/// Collects the quads of one named graph.
#[derive(Debug)]
pub struct QuadSink<'a> {
    base: &'a IriBase,
    graph: GraphName,
    evidence: EvidenceLevel,
    quads: Vec<Quad>,
}

impl<'a> QuadSink<'a> {
    /// An empty sink for the named graph `graph`, keeping all evidence.
    pub fn new(base: &'a IriBase, graph: NamedNode) -> Self {
        Self::with_evidence(base, graph, EvidenceLevel::Full)
    }

    /// An empty sink for the named graph `graph` that keeps `evidence`.
    pub fn with_evidence(base: &'a IriBase, graph: NamedNode, evidence: EvidenceLevel) -> Self {
        Self {
            base,
            graph: graph.into(),
            evidence,
            quads: Vec::new(),
        }
    }

    /// The quads collected.
    pub fn into_quads(self) -> Vec<Quad> {
        self.quads
    }

    /// The IRI of a node.
    pub fn iri(&self, id: &NodeId) -> NamedNode {
        self.base.node(id)
    }

    /// Adds one triple to the graph.
    pub fn add(
        &mut self,
        subject: impl Into<NamedOrBlankNode>,
        predicate: NamedNodeRef<'_>,
        object: impl Into<Term>,
    ) {
        self.quads
            .push(Quad::new(subject, predicate, object, self.graph.clone()));
    }

    fn add_opt_text(
        &mut self,
        subject: &NamedNode,
        predicate: NamedNodeRef<'_>,
        text: Option<&str>,
    ) {
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            self.add(subject.clone(), predicate, en(text));
        }
    }

    /// Adds `prov:wasDerivedFrom` and the `igf:sourceSpan` of a node.
    pub fn add_provenance(&mut self, node: &NodeId, document: &NamedNode, span: &Span) {
        let subject = self.iri(node);
        let source = self.add_specific_resource(node, document, span, true);
        self.add(subject.clone(), prov::wasDerivedFrom, document.clone());
        self.add(subject, igf::sourceSpan, source);
    }

    /// Adds the Web Annotation specific resource `{node}-source` that
    /// selects a span of a document — a text position selector and a text
    /// quote selector (with its context when `context`), and the lines —
    /// and returns it.
    pub fn add_specific_resource(
        &mut self,
        node: &NodeId,
        document: &NamedNode,
        span: &Span,
        context: bool,
    ) -> NamedNode {
        let source = self.iri(&node.part("source"));
        let position = self.iri(&node.part("position"));
        let quote = self.iri(&node.part("quote"));
        self.add(source.clone(), rdf::TYPE, oa::SpecificResource);
        self.add(source.clone(), oa::hasSource, document.clone());
        self.add(source.clone(), oa::hasSelector, position.clone());
        self.add(source.clone(), oa::hasSelector, quote.clone());
        self.add(source.clone(), igf::startLine, integer(span.start_line));
        self.add(source.clone(), igf::endLine, integer(span.end_line));
        self.add(position.clone(), rdf::TYPE, oa::TextPositionSelector);
        self.add(position.clone(), oa::start, offset(span.start));
        self.add(position, oa::end, offset(span.end));
        self.add(quote.clone(), rdf::TYPE, oa::TextQuoteSelector);
        self.add(
            quote.clone(),
            oa::exact,
            Literal::new_simple_literal(&span.exact),
        );
        if context && !span.prefix.is_empty() {
            self.add(
                quote.clone(),
                oa::prefix,
                Literal::new_simple_literal(&span.prefix),
            );
        }
        if context && !span.suffix.is_empty() {
            self.add(quote, oa::suffix, Literal::new_simple_literal(&span.suffix));
        }
        source
    }
}

/// An English text literal.
pub fn en(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "en")
}

/// An `xsd:integer` literal.
pub fn integer(value: impl Into<i64>) -> Literal {
    Literal::from(value.into())
}

/// An offset. The Web Annotation model types offsets as
/// xsd:nonNegativeInteger, but Oxigraph stores every integer subtype as
/// xsd:integer; writing xsd:integer keeps what goes in equal to what comes out.
fn offset(value: u64) -> Literal {
    Literal::from(value as i64)
}

fn date(value: &str) -> Literal {
    Literal::new_typed_literal(value, xsd::DATE)
}

/// The quads of the reference data, in the reference graph.
pub fn reference_quads(base: &IriBase, reference: &ReferenceData) -> Vec<Quad> {
    let mut sink = QuadSink::new(base, base.reference_graph());
    let meetings_source = source_node(&reference.meetings_source);
    for meeting in &reference.meetings {
        let s = sink.iri(&meeting.id());
        sink.add(s.clone(), rdf::TYPE, igf::Meeting);
        sink.add(s.clone(), rdfs::LABEL, en(&meeting.label()));
        sink.add(s.clone(), igf::year, integer(meeting.year));
        sink.add(s.clone(), igf::ordinal, integer(meeting.ordinal));
        sink.add(s.clone(), schema::startDate, date(&meeting.start));
        sink.add(s.clone(), schema::endDate, date(&meeting.end));
        sink.add(s.clone(), igf::overarchingTheme, en(&meeting.theme));
        sink.add_opt_text(&s, igf::hostCity, meeting.city.as_deref());
        sink.add_opt_text(&s, igf::hostCountry, meeting.country.as_deref());
        if let Some(code) = &meeting.country_code {
            sink.add(
                s.clone(),
                igf::hostCountryCode,
                Literal::new_simple_literal(code),
            );
        }
        sink.add(s.clone(), igf::online, Literal::from(meeting.online));
        sink.add(s, dcterms::source, meetings_source.clone());
    }

    let goals_source = source_node(&reference.goals_source);
    for goal in &reference.goals {
        let s = NamedNode::new_unchecked(goal.iri());
        sink.add(s.clone(), rdf::TYPE, sdgo::Goal);
        sink.add(s.clone(), rdf::TYPE, skos::Concept);
        sink.add(s.clone(), skos::prefLabel, en(&goal.title));
        sink.add(s.clone(), skos::altLabel, en(&goal.short_title));
        sink.add(
            s.clone(),
            rdfs::LABEL,
            en(&format!("Goal {}: {}", goal.number, goal.short_title)),
        );
        sink.add(
            s.clone(),
            skos::notation,
            Literal::new_simple_literal(goal.number.to_string()),
        );
        sink.add(s, dcterms::source, goals_source.clone());
    }

    let scheme = add_scheme(
        &mut sink,
        "stakeholder-groups",
        "IGF stakeholder groups",
        &reference.stakeholder_groups_source,
    );
    for group in &reference.stakeholder_groups {
        let s = sink.iri(&group.node_id());
        sink.add(s.clone(), rdf::TYPE, igf::StakeholderGroup);
        sink.add(s.clone(), rdf::TYPE, skos::Concept);
        sink.add(s.clone(), rdfs::LABEL, en(&group.label));
        sink.add(s.clone(), skos::prefLabel, en(&group.label));
        for alt in &group.alt_labels {
            sink.add(s.clone(), skos::altLabel, en(alt));
        }
        sink.add(s.clone(), skos::definition, en(&group.definition));
        add_in_scheme(
            &mut sink,
            s,
            &scheme,
            NodeKind::StakeholderGroup,
            group.broader.as_deref(),
        );
    }
    add_nris(&mut sink, reference);
    add_organizations(&mut sink, &reference.organizations, None);
    add_topics(&mut sink, reference);
    sink.into_quads()
}

fn nri_kind(kind: NriKind) -> NamedNodeRef<'static> {
    match kind {
        NriKind::National => igf::NationalNri,
        NriKind::Regional => igf::RegionalNri,
        NriKind::SubRegional => igf::SubRegionalNri,
        NriKind::Youth => igf::YouthNri,
    }
}

fn add_nris(sink: &mut QuadSink<'_>, reference: &ReferenceData) {
    for nri in &reference.nris {
        let s = sink.iri(&nri.node_id());
        sink.add(s.clone(), rdf::TYPE, igf::NRI);
        sink.add(s.clone(), rdf::TYPE, org::Organization);
        sink.add(s.clone(), rdfs::LABEL, en(&nri.name));
        for alias in &nri.aliases {
            sink.add(s.clone(), skos::altLabel, en(alias));
        }
        sink.add(s.clone(), igf::nriKind, nri_kind(nri.kind));
        if let Some(country) = &nri.country {
            sink.add(
                s.clone(),
                igf::countryCode,
                Literal::new_simple_literal(country),
            );
        }
        if let Some(region) = &nri.region {
            sink.add(s.clone(), igf::region, Literal::new_simple_literal(region));
        }
        sink.add(s, dcterms::source, Literal::new_simple_literal(&nri.source));
    }
}

/// Organisations: those of the gazetteer in the reference graph, and those
/// named in a document's people lines in the document's graph (`document`).
fn add_organizations(
    sink: &mut QuadSink<'_>,
    organizations: &[Organization],
    document: Option<&NamedNode>,
) {
    for organization in organizations {
        let s = sink.iri(&organization.id);
        sink.add(s.clone(), rdf::TYPE, org::Organization);
        sink.add(s.clone(), rdfs::LABEL, en(&organization.name));
        for alias in &organization.aliases {
            sink.add(s.clone(), skos::altLabel, en(alias));
        }
        if let Some(group) = &organization.stakeholder_group {
            let group = sink.iri(&NodeId::slug(NodeKind::StakeholderGroup, group));
            sink.add(s.clone(), igf::stakeholderGroup, group);
        }
        if let Some(country) = &organization.country {
            sink.add(
                s.clone(),
                igf::countryCode,
                Literal::new_simple_literal(country),
            );
        }
        if let Some(source) = &organization.source {
            sink.add(
                s.clone(),
                dcterms::source,
                Literal::new_simple_literal(source),
            );
        }
        if let Some(document) = document {
            sink.add(s, prov::wasDerivedFrom, document.clone());
        }
    }
}

fn add_topics(sink: &mut QuadSink<'_>, reference: &ReferenceData) {
    let scheme = add_scheme(
        sink,
        "topics",
        "Digital-policy topics",
        &reference.topics_source,
    );
    for topic in &reference.topics {
        let s = sink.iri(&topic.node_id());
        sink.add(s.clone(), rdf::TYPE, igf::Topic);
        sink.add(s.clone(), rdf::TYPE, skos::Concept);
        sink.add(s.clone(), rdfs::LABEL, en(&topic.label));
        sink.add(s.clone(), skos::prefLabel, en(&topic.label));
        for alt in topic.alt_labels.iter().chain(&topic.weak_labels) {
            sink.add(s.clone(), skos::altLabel, en(alt));
        }
        add_in_scheme(sink, s, &scheme, NodeKind::Topic, topic.broader.as_deref());
    }
}

/// A SKOS concept scheme of the reference data, `name` under the base.
fn add_scheme(sink: &mut QuadSink<'_>, name: &str, label: &str, source: &Attribution) -> NamedNode {
    let scheme = sink.base.scheme(name);
    sink.add(scheme.clone(), rdf::TYPE, skos::ConceptScheme);
    sink.add(scheme.clone(), rdfs::LABEL, en(label));
    sink.add(scheme.clone(), skos::prefLabel, en(label));
    sink.add(scheme.clone(), dcterms::source, source_node(source));
    scheme
}

/// Places the concept `s` in `scheme`: under its `broader` concept (of
/// `kind`, by id) both ways, or at the top of the scheme both ways.
fn add_in_scheme(
    sink: &mut QuadSink<'_>,
    s: NamedNode,
    scheme: &NamedNode,
    kind: NodeKind,
    broader: Option<&str>,
) {
    sink.add(s.clone(), skos::inScheme, scheme.clone());
    match broader {
        Some(broader) => {
            let broader = sink.iri(&NodeId::slug(kind, broader));
            sink.add(s.clone(), skos::broader, broader.clone());
            sink.add(broader, skos::narrower, s);
        }
        None => {
            sink.add(s.clone(), skos::topConceptOf, scheme.clone());
            sink.add(scheme.clone(), skos::hasTopConcept, s);
        }
    }
}

fn source_node(attribution: &Attribution) -> Term {
    match NamedNode::new(attribution.url.as_str()) {
        Ok(iri) => iri.into(),
        Err(_) => Literal::new_simple_literal(&attribution.url).into(),
    }
}

/// The quads of one source document and everything extracted from it, in
/// the document's named graph.
pub fn document_quads(
    base: &IriBase,
    document: &SourceDocument,
    extraction: &Extraction,
    links: &DocumentLinks,
    evidence: EvidenceLevel,
) -> Vec<Quad> {
    let mut sink = QuadSink::with_evidence(base, base.document_graph(&document.id), evidence);
    let doc = sink.iri(&document.node_id());
    // A document about many meetings has none of its own; its records name theirs.
    let meeting = document
        .meeting
        .map(|year| sink.iri(&NodeId::meeting(year)));
    sink.add(doc.clone(), rdf::TYPE, igf::SourceDocument);
    sink.add(doc.clone(), rdfs::LABEL, en(&document.title));
    sink.add(doc.clone(), dcterms::title, en(&document.title));
    sink.add(doc.clone(), dcterms::publisher, en(&document.publisher));
    sink.add(
        doc.clone(),
        dcterms::issued,
        Literal::new_typed_literal(document.year.to_string(), xsd::G_YEAR),
    );
    if let Some(meeting) = &meeting {
        sink.add(doc.clone(), igf::meeting, meeting.clone());
    }
    sink.add(
        doc.clone(),
        igf::documentKind,
        Literal::new_simple_literal(&document.kind),
    );
    sink.add(
        doc.clone(),
        igf::format,
        Literal::new_simple_literal(&document.format),
    );
    sink.add(
        doc.clone(),
        igf::path,
        Literal::new_simple_literal(&document.path),
    );
    sink.add(doc.clone(), dcterms::rights, en(&document.licence));
    if !document.sha256.is_empty() {
        sink.add(
            doc.clone(),
            igf::sha256,
            Literal::new_simple_literal(&document.sha256),
        );
    }
    if let Some(url) = document.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
        sink.add(doc.clone(), schema::url, url);
    }

    let context = Context { doc, meeting };
    for theme in &extraction.themes {
        add_theme(&mut sink, &context, theme);
    }
    for session in &extraction.sessions {
        add_session(&mut sink, &context, session);
    }
    for message in &extraction.messages {
        add_message(&mut sink, &context, message);
    }
    for statement in &extraction.statements {
        add_statement(&mut sink, &context, statement);
    }
    for person in &extraction.people {
        add_person(&mut sink, &context, person);
    }
    for role in &extraction.roles {
        add_role(&mut sink, &context, role);
    }
    for participation in &extraction.participation {
        add_participation(&mut sink, &context, participation);
    }
    for fact in &extraction.facts {
        add_fact(&mut sink, &context, fact);
    }
    for details in &extraction.details {
        crate::details::add_details(&mut sink, &context.doc, details);
    }
    add_organizations(&mut sink, &links.organizations, Some(&context.doc));
    for link in &links.links {
        add_link(&mut sink, &context, link);
    }
    for rollup in &links.rollups {
        add_rollup(&mut sink, rollup);
    }
    sink.into_quads()
}

struct Context {
    doc: NamedNode,
    /// The document's meeting, when it is about one.
    meeting: Option<NamedNode>,
}

fn add_theme(sink: &mut QuadSink<'_>, cx: &Context, theme: &Theme) {
    let s = sink.iri(&theme.id);
    sink.add(s.clone(), rdf::TYPE, igf::Theme);
    sink.add(s.clone(), rdfs::LABEL, en(&theme.title));
    sink.add(s.clone(), igf::year, integer(theme.year));
    let meeting = sink.iri(&NodeId::meeting(theme.year));
    sink.add(s.clone(), igf::meeting, meeting);
    sink.add(s, igf::position, integer(theme.position));
    sink.add_provenance(&theme.id, &cx.doc, &theme.span);
}

fn session_type(session_type: &SessionType) -> NamedNodeRef<'static> {
    match session_type {
        SessionType::Main => igf::MainSession,
        SessionType::HighLevelThematic => igf::HighLevelThematicSession,
        SessionType::CeremonialHighLevel => igf::CeremonialHighLevelSession,
        SessionType::Workshop => igf::WorkshopSession,
        SessionType::OpenForum => igf::OpenForumSession,
        SessionType::BestPracticeForum => igf::BestPracticeForumSession,
        SessionType::DynamicCoalition => igf::DynamicCoalitionSession,
        SessionType::DayZero => igf::DayZeroEvent,
        SessionType::LightningTalk => igf::LightningTalk,
        SessionType::Nri => igf::NriSession,
        SessionType::TownHall => igf::TownHall,
        SessionType::Networking => igf::NetworkingSession,
        SessionType::Other(_) => igf::OtherSession,
    }
}

fn add_session(sink: &mut QuadSink<'_>, cx: &Context, session: &Session) {
    let s = sink.iri(&session.id);
    sink.add(s.clone(), rdf::TYPE, igf::Session);
    sink.add(s.clone(), rdfs::LABEL, en(&session.title));
    sink.add(s.clone(), igf::year, integer(session.year));
    let meeting = sink.iri(&NodeId::meeting(session.year));
    sink.add(s.clone(), igf::meeting, meeting);
    sink.add(s.clone(), igf::position, integer(session.position));
    sink.add(
        s.clone(),
        igf::sessionType,
        session_type(&session.session_type),
    );
    sink.add(
        s.clone(),
        igf::sessionTypeLabel,
        Literal::new_simple_literal(&session.session_type_label),
    );
    sink.add_opt_text(&s, dcterms::description, session.description.as_deref());
    sink.add_opt_text(&s, igf::track, session.track.as_deref());
    if let Some(theme) = &session.theme {
        let theme = sink.iri(theme);
        sink.add(s.clone(), igf::theme, theme);
    }
    if let Some(updated) = &session.updated {
        sink.add(s.clone(), dcterms::modified, date(updated));
    }
    for field in &session.fields {
        let field_id = session.id.part(&format!("field-{}", field.number));
        let f = sink.iri(&field_id);
        sink.add(s.clone(), igf::reportField, f.clone());
        sink.add(f.clone(), rdf::TYPE, igf::ReportField);
        sink.add(f.clone(), rdfs::LABEL, en(&field.heading));
        sink.add(f.clone(), igf::fieldNumber, integer(field.number));
        sink.add(f.clone(), igf::session, s.clone());
        // An empty field is recorded as empty text, never left out: the
        // report had the field and said nothing in it.
        sink.add(f, igf::text, en(&field.text));
        sink.add_provenance(&field_id, &cx.doc, &field.span);
    }
    sink.add_provenance(&session.id, &cx.doc, &session.span);
}

/// The class of a message kind.
pub fn message_class(kind: MessageKind) -> NamedNodeRef<'static> {
    match kind {
        MessageKind::KeyMessage => igf::KeyMessage,
        MessageKind::PolicyQuestion => igf::PolicyQuestion,
        MessageKind::DiscussionPoint => igf::DiscussionPoint,
        MessageKind::Recommendation => igf::Recommendation,
        MessageKind::Initiative => igf::Initiative,
        MessageKind::Progress => igf::ProgressNote,
        MessageKind::GenderReflection => igf::GenderReflection,
        MessageKind::Output => igf::SessionOutput,
    }
}

fn add_message(sink: &mut QuadSink<'_>, cx: &Context, message: &Message) {
    let s = sink.iri(&message.id);
    sink.add(s.clone(), rdf::TYPE, igf::Message);
    sink.add(s.clone(), rdf::TYPE, message_class(message.kind));
    sink.add(s.clone(), igf::text, en(&message.text));
    sink.add_opt_text(&s, igf::headline, message.headline.as_deref());
    sink.add_opt_text(&s, igf::group, message.group.as_deref());
    sink.add(s.clone(), igf::year, integer(message.year));
    let meeting = sink.iri(&NodeId::meeting(message.year));
    sink.add(s.clone(), igf::meeting, meeting);
    sink.add(s.clone(), igf::position, integer(message.position));
    if let Some(session) = &message.session {
        let session = sink.iri(session);
        sink.add(s.clone(), igf::session, session);
    }
    if let Some(theme) = &message.theme {
        let theme = sink.iri(theme);
        sink.add(s.clone(), igf::theme, theme);
    }
    sink.add_provenance(&message.id, &cx.doc, &message.span);
}

fn add_statement(sink: &mut QuadSink<'_>, cx: &Context, statement: &Statement) {
    let s = sink.iri(&statement.id);
    sink.add(s.clone(), rdf::TYPE, igf::Statement);
    sink.add(s.clone(), igf::text, en(&statement.text));
    sink.add(s.clone(), igf::position, integer(statement.position));
    if let Some(meeting) = &cx.meeting {
        sink.add(s.clone(), igf::meeting, meeting.clone());
    }
    sink.add_opt_text(&s, igf::section, statement.section.as_deref());
    if statement.heading {
        sink.add(s.clone(), igf::isHeading, Literal::from(true));
    }
    sink.add_provenance(&statement.id, &cx.doc, &statement.span);
}

fn add_person(sink: &mut QuadSink<'_>, cx: &Context, person: &Person) {
    let s = sink.iri(&person.id);
    sink.add(s.clone(), rdf::TYPE, foaf::Person);
    sink.add(s.clone(), rdfs::LABEL, en(&person.name));
    sink.add(
        s.clone(),
        foaf::name,
        Literal::new_simple_literal(&person.name),
    );
    sink.add_opt_text(&s, schema::jobTitle, person.position_title.as_deref());
    sink.add_opt_text(&s, igf::country, person.country.as_deref());
    sink.add_opt_text(
        &s,
        igf::stakeholderGroupLabel,
        person.stakeholder_group.as_deref(),
    );
    sink.add_provenance(&person.id, &cx.doc, &person.span);
}

fn add_role(sink: &mut QuadSink<'_>, cx: &Context, role: &Role) {
    let s = sink.iri(&role.id);
    let kind = match role.kind {
        RoleKind::Facilitator => igf::Facilitator,
        RoleKind::Presenter => igf::Presenter,
        RoleKind::Keynote => igf::Keynote,
        RoleKind::Speaker => igf::Speaker,
    };
    sink.add(s.clone(), rdf::TYPE, igf::SessionRole);
    let person = sink.iri(&role.person);
    let session = sink.iri(&role.session);
    sink.add(s.clone(), igf::person, person);
    sink.add(s.clone(), igf::session, session);
    sink.add(s.clone(), igf::roleKind, kind);
    sink.add_opt_text(&s, igf::subject, role.subject.as_deref());
    sink.add_provenance(&role.id, &cx.doc, &role.span);
}

fn qualifier(qualifier: Qualifier) -> NamedNodeRef<'static> {
    match qualifier {
        Qualifier::Exact => igf::Exact,
        Qualifier::AtLeast => igf::AtLeast,
        Qualifier::MoreThan => igf::MoreThan,
        Qualifier::About => igf::About,
    }
}

fn add_participation(sink: &mut QuadSink<'_>, cx: &Context, participation: &Participation) {
    let s = sink.iri(&participation.id);
    let session = sink.iri(&participation.session);
    sink.add(session.clone(), igf::participation, s.clone());
    sink.add(s.clone(), rdf::TYPE, igf::Participation);
    sink.add(s.clone(), igf::session, session);
    sink.add(s.clone(), igf::text, en(&participation.text));
    let figures = [
        ("onsite", igf::Onsite, participation.onsite),
        ("remote", igf::Remote, participation.remote),
        ("total", igf::Total, participation.total),
        ("women", igf::Women, participation.women),
        ("men", igf::Men, participation.men),
        (
            "women-percent",
            igf::WomenPercent,
            participation.women_percent,
        ),
    ];
    for (name, measure, figure) in figures {
        if let Some(figure) = figure {
            let f = sink.iri(&participation.id.part(name));
            sink.add(s.clone(), igf::figure, f.clone());
            add_figure(sink, &f, figure);
            sink.add(f, igf::measure, measure);
        }
    }
    sink.add_provenance(&participation.id, &cx.doc, &participation.span);
}

fn add_figure(sink: &mut QuadSink<'_>, node: &NamedNode, figure: Figure) {
    sink.add(node.clone(), rdf::TYPE, igf::Figure);
    sink.add(node.clone(), rdf::VALUE, Literal::from(figure.value as i64));
    sink.add(node.clone(), igf::qualifier, qualifier(figure.qualifier));
}

/// The concept of a fact kind.
pub fn fact_kind(kind: FactKind) -> NamedNodeRef<'static> {
    match kind {
        FactKind::Dates => igf::Dates,
        FactKind::Venue => igf::Venue,
        FactKind::Participants => igf::Participants,
        FactKind::Countries => igf::Countries,
        FactKind::Sessions => igf::Sessions,
        FactKind::Workshops => igf::Workshops,
        FactKind::OpenSessions => igf::OpenSessions,
        FactKind::LightningSessions => igf::LightningSessions,
        FactKind::Journalists => igf::Journalists,
        FactKind::OverarchingTheme => igf::ThemeOfMeeting,
        FactKind::NriCount => igf::NriCount,
        FactKind::BestPracticeForum => igf::BestPracticeForum,
        FactKind::CenbGoal => igf::CenbGoal,
        FactKind::WsisActionLine => igf::WsisActionLine,
        FactKind::Host => igf::Host,
        FactKind::MagSize => igf::MagSize,
        FactKind::Ordinal => igf::Ordinal,
    }
}

fn add_fact(sink: &mut QuadSink<'_>, cx: &Context, fact: &Fact) {
    let s = sink.iri(&fact.id);
    let meeting = sink.iri(&NodeId::meeting(fact.meeting));
    sink.add(s.clone(), rdf::TYPE, igf::Fact);
    sink.add(
        s.clone(),
        rdfs::LABEL,
        en(&format!("{}: {}", fact.kind.label(), fact.value)),
    );
    sink.add(s.clone(), igf::about, meeting);
    sink.add(s.clone(), igf::factKind, fact_kind(fact.kind));
    sink.add(s.clone(), igf::valueText, en(&fact.value));
    sink.add_opt_text(&s, igf::note, fact.qualifier_note.as_deref());
    if let Some(figure) = fact.figure {
        sink.add(s.clone(), rdf::VALUE, Literal::from(figure.value as i64));
        sink.add(s.clone(), igf::qualifier, qualifier(figure.qualifier));
    }
    if fact.kind == FactKind::CenbGoal
        && let Ok(number) = fact.value.parse::<u8>()
    {
        sink.add(
            s.clone(),
            igf::sdg,
            NamedNode::new_unchecked(goal_iri(&number.to_string())),
        );
    }
    sink.add_provenance(&fact.id, &cx.doc, &fact.span);
}

/// The property a relation states.
pub fn relation_property(relation: Relation) -> NamedNodeRef<'static> {
    match relation {
        Relation::Sdg => igf::sdg,
        Relation::Nri => igf::nri,
        Relation::StakeholderGroup => igf::stakeholderGroup,
        Relation::Addresses => igf::addresses,
        Relation::Organization => igf::organization,
        Relation::Affiliation => igf::affiliation,
        Relation::Topic => igf::topic,
    }
}

fn method(method: Method) -> NamedNodeRef<'static> {
    match method {
        Method::Pattern => igf::Pattern,
        Method::Gazetteer => igf::Gazetteer,
        Method::Vocabulary => igf::Vocabulary,
    }
}

/// The IRI a link points to; adds the node of an SDG target.
fn link_target(sink: &mut QuadSink<'_>, target: &Target) -> NamedNode {
    match target {
        Target::Goal(n) => NamedNode::new_unchecked(goal_iri(&n.to_string())),
        Target::GoalTarget(n, t) => {
            let notation = format!("{n}.{t}");
            let iri = NamedNode::new_unchecked(goal_iri(&notation));
            sink.add(iri.clone(), rdf::TYPE, sdgo::Target);
            sink.add(iri.clone(), rdf::TYPE, skos::Concept);
            sink.add(
                iri.clone(),
                skos::notation,
                Literal::new_simple_literal(&notation),
            );
            sink.add(
                iri.clone(),
                skos::broader,
                NamedNode::new_unchecked(goal_iri(&n.to_string())),
            );
            iri
        }
        Target::Nri(id) => sink.iri(&NodeId::slug(NodeKind::Nri, id)),
        Target::StakeholderGroup(id) => sink.iri(&NodeId::slug(NodeKind::StakeholderGroup, id)),
        Target::Organization(id) => sink.iri(id),
        Target::Topic(id) => sink.iri(&NodeId::slug(NodeKind::Topic, id)),
    }
}

/// A link: the triple it states, and (at [`EvidenceLevel::Full`]) a Web
/// Annotation of its evidence (`igf:Link`, a subclass of `oa:Annotation`)
/// whose target selects the matched words in the source.
fn add_link(sink: &mut QuadSink<'_>, cx: &Context, link: &Link) {
    let subject = sink.iri(&link.subject);
    let property = relation_property(link.relation);
    let target = link_target(sink, &link.target);
    sink.add(subject.clone(), property, target.clone());
    if sink.evidence == EvidenceLevel::Lean {
        return;
    }
    let s = sink.iri(&link.id);
    sink.add(s.clone(), rdf::TYPE, igf::Link);
    sink.add(s.clone(), igf::linkSubject, subject);
    sink.add(s.clone(), igf::linkProperty, property);
    sink.add(s.clone(), oa::hasBody, target);
    sink.add(s.clone(), igf::method, method(link.evidence.method));
    sink.add(
        s.clone(),
        igf::matchedLabel,
        Literal::new_simple_literal(&link.evidence.rule),
    );
    if let Some(confidence) = link.evidence.confidence {
        // Two decimals: confidences are coarse, and a fixed form keeps the
        // export stable.
        sink.add(
            s.clone(),
            igf::confidence,
            Literal::new_typed_literal(format!("{confidence:.2}"), xsd::DECIMAL),
        );
    }
    let source = sink.add_specific_resource(&link.id, &cx.doc, &link.evidence.span, false);
    sink.add(s, oa::hasTarget, source);
}

/// A session's or theme's link taken from its messages: the triple only,
/// its evidence being the messages' links.
fn add_rollup(sink: &mut QuadSink<'_>, rollup: &RollUp) {
    let subject = sink.iri(&rollup.subject);
    let target = link_target(sink, &rollup.target);
    sink.add(subject, relation_property(rollup.relation), target);
}

fn decimal(value: f64) -> Literal {
    // Four decimals: enough to rank, and a fixed form keeps exports stable.
    Literal::new_typed_literal(format!("{value:.4}"), xsd::DECIMAL)
}

/// The quads of the relations across years, in the relations graph.
pub fn relation_quads(base: &IriBase, relations: &Relations, evidence: EvidenceLevel) -> Vec<Quad> {
    let mut sink = QuadSink::with_evidence(base, base.relations_graph(), evidence);
    for echo in &relations.echoes {
        let later = sink.iri(&echo.later);
        let earlier = sink.iri(&echo.earlier);
        sink.add(later.clone(), igf::echoes, earlier.clone());
        let s = sink.iri(&echo.id);
        sink.add(s.clone(), rdf::TYPE, igf::Echo);
        sink.add(s.clone(), igf::later, later.clone());
        sink.add(s.clone(), igf::earlier, earlier.clone());
        sink.add(s.clone(), igf::rank, integer(echo.rank));
        sink.add(s.clone(), igf::score, decimal(echo.score));
        sink.add(s.clone(), igf::textScore, decimal(echo.text_score));
        sink.add(s.clone(), igf::topicScore, decimal(echo.topic_score));
        sink.add(s.clone(), igf::method, igf::Similarity);
        similarity_evidence(
            &mut sink,
            s,
            later,
            earlier,
            &echo.shared_terms,
            &echo.shared_topics,
        );
    }
    for alignment in &relations.alignments {
        let later = sink.iri(&alignment.later);
        let earlier = sink.iri(&alignment.earlier);
        let property = if alignment.close {
            skos::closeMatch
        } else {
            skos::relatedMatch
        };
        // Both SKOS mapping properties are symmetric: state both directions
        // so that queries need no reasoner.
        sink.add(later.clone(), property, earlier.clone());
        sink.add(earlier.clone(), property, later.clone());
        let s = sink.iri(&alignment.id);
        sink.add(s.clone(), rdf::TYPE, igf::Alignment);
        sink.add(s.clone(), igf::later, later.clone());
        sink.add(s.clone(), igf::earlier, earlier.clone());
        sink.add(s.clone(), igf::matchType, property);
        sink.add(s.clone(), igf::score, decimal(alignment.score));
        sink.add(s.clone(), igf::textScore, decimal(alignment.text_score));
        sink.add(s.clone(), igf::topicScore, decimal(alignment.topic_score));
        sink.add(s.clone(), igf::titleScore, decimal(alignment.title_score));
        sink.add(s.clone(), igf::method, igf::Similarity);
        similarity_evidence(
            &mut sink,
            s,
            later,
            earlier,
            &alignment.shared_terms,
            &alignment.shared_topics,
        );
    }
    sink.into_quads()
}

/// What an echo or an alignment `s` shares, and the two nodes it relates
/// (at [`EvidenceLevel::Full`]).
fn similarity_evidence(
    sink: &mut QuadSink<'_>,
    s: NamedNode,
    later: NamedNode,
    earlier: NamedNode,
    shared_terms: &[String],
    shared_topics: &[String],
) {
    if sink.evidence == EvidenceLevel::Lean {
        return;
    }
    for term in shared_terms {
        sink.add(
            s.clone(),
            igf::sharedTerm,
            Literal::new_simple_literal(term),
        );
    }
    for id in shared_topics {
        let topic = sink.iri(&NodeId::slug(NodeKind::Topic, id));
        sink.add(s.clone(), igf::sharedTopic, topic);
    }
    sink.add(s.clone(), prov::wasDerivedFrom, later);
    sink.add(s, prov::wasDerivedFrom, earlier);
}
