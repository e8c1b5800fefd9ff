//! A source document and the records extracted from it, in the
//! document's named graph.

use super::EvidenceLevel;
use super::details::add_details;
use super::links::{add_link, add_rollup};
use super::reference::add_organizations;
use super::sink::{QuadSink, date, decimal, en, integer};
use super::utterance::add_utterance;
use crate::iri::IriBase;
use crate::target::GraphWriter;
use crate::vocab::{dcterms, foaf, igf, rdf, rdfs, schema, skos, xsd};
use igfkg_model::DocumentLinks;
use igfkg_model::{
    Extraction, Fact, FactKind, Figure, Message, MessageKind, NodeId, Participation, Person,
    Qualifier, Role, RoleKind, Session, SessionType, SourceDocument, Statement, Theme, goal_iri,
};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef};

/// Writes the triples of one source document and everything extracted
/// from it (the document's named graph's) to `out`.
pub(crate) fn write_document(
    base: &IriBase,
    document: &SourceDocument,
    extraction: &Extraction,
    links: &DocumentLinks,
    evidence: EvidenceLevel,
    out: &mut dyn GraphWriter,
) {
    let mut sink = QuadSink::new(base, evidence, out);
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

    let context = Context {
        doc,
        meeting,
        document_id: document.id.clone(),
    };
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
    for utterance in &extraction.utterances {
        add_utterance(&mut sink, &context, utterance);
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
        add_details(&mut sink, &context.doc, details);
    }
    add_organizations(&mut sink, &links.organizations, Some(&context.doc));
    for link in &links.links {
        add_link(&mut sink, &context, link);
    }
    for rollup in &links.rollups {
        add_rollup(&mut sink, rollup);
    }
}

pub(super) struct Context {
    pub(super) doc: NamedNode,
    /// The document's meeting, when it is about one.
    pub(super) meeting: Option<NamedNode>,
    /// The document's manifest id.
    pub(super) document_id: String,
}

pub(super) fn add_theme(sink: &mut QuadSink<'_>, cx: &Context, theme: &Theme) {
    let s = sink.iri(&theme.id);
    sink.add(s.clone(), rdf::TYPE, igf::Theme);
    sink.add(s.clone(), rdfs::LABEL, en(&theme.title));
    sink.add(s.clone(), igf::year, integer(theme.year));
    let meeting = sink.iri(&NodeId::meeting(theme.year));
    sink.add(s.clone(), igf::meeting, meeting);
    sink.add(s, igf::position, integer(theme.position));
    sink.add_provenance(&theme.id, &cx.doc, &theme.span);
}

pub(super) fn session_type(session_type: &SessionType) -> NamedNodeRef<'static> {
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

pub(super) fn add_session(sink: &mut QuadSink<'_>, cx: &Context, session: &Session) {
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
pub(crate) fn message_class(kind: MessageKind) -> NamedNodeRef<'static> {
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

pub(super) fn add_message(sink: &mut QuadSink<'_>, cx: &Context, message: &Message) {
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

pub(super) fn add_statement(sink: &mut QuadSink<'_>, cx: &Context, statement: &Statement) {
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

pub(super) fn add_person(sink: &mut QuadSink<'_>, cx: &Context, person: &Person) {
    let s = sink.iri(&person.id);
    sink.add(s.clone(), rdf::TYPE, foaf::Person);
    sink.add(s.clone(), rdfs::LABEL, en(&person.name));
    sink.add(
        s.clone(),
        foaf::name,
        Literal::new_simple_literal(&person.name),
    );
    // The other ways the document writes the name (capitals, no accents).
    for variant in &person.variants {
        sink.add(
            s.clone(),
            skos::altLabel,
            Literal::new_simple_literal(variant),
        );
    }
    sink.add_opt_text(&s, schema::jobTitle, person.position_title.as_deref());
    sink.add_opt_text(&s, igf::country, person.country.as_deref());
    sink.add_opt_text(
        &s,
        igf::stakeholderGroupLabel,
        person.stakeholder_group.as_deref(),
    );
    sink.add_shared_provenance(&person.id, &cx.document_id, &cx.doc, &person.span);
}

pub(super) fn add_role(sink: &mut QuadSink<'_>, cx: &Context, role: &Role) {
    let s = sink.iri(&role.id);
    let kind = match role.kind {
        RoleKind::Facilitator => igf::Facilitator,
        RoleKind::Presenter => igf::Presenter,
        RoleKind::Keynote => igf::Keynote,
        RoleKind::Moderator => igf::Moderator,
        RoleKind::Speaker => igf::Speaker,
    };
    sink.add(s.clone(), rdf::TYPE, igf::SessionRole);
    let person = sink.iri(&role.person);
    let session = sink.iri(&role.session);
    sink.add(s.clone(), igf::person, person);
    sink.add(s.clone(), igf::session, session);
    sink.add(s.clone(), igf::roleKind, kind);
    sink.add_opt_text(&s, igf::subject, role.subject.as_deref());
    if let Some(percent) = role.confidence {
        // A role read from what a speaker said, not stated by the layout.
        sink.add(
            s.clone(),
            igf::confidence,
            decimal(f64::from(percent) / 100.0, 4),
        );
    }
    sink.add_provenance(&role.id, &cx.doc, &role.span);
}

pub(super) fn qualifier(qualifier: Qualifier) -> NamedNodeRef<'static> {
    match qualifier {
        Qualifier::Exact => igf::Exact,
        Qualifier::AtLeast => igf::AtLeast,
        Qualifier::MoreThan => igf::MoreThan,
        Qualifier::About => igf::About,
    }
}

pub(super) fn add_participation(
    sink: &mut QuadSink<'_>,
    cx: &Context,
    participation: &Participation,
) {
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

pub(super) fn add_figure(sink: &mut QuadSink<'_>, node: &NamedNode, figure: Figure) {
    sink.add(node.clone(), rdf::TYPE, igf::Figure);
    sink.add(node.clone(), rdf::VALUE, Literal::from(figure.value as i64));
    sink.add(node.clone(), igf::qualifier, qualifier(figure.qualifier));
}

/// The concept of a fact kind.
pub(crate) fn fact_kind(kind: FactKind) -> NamedNodeRef<'static> {
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

pub(super) fn add_fact(sink: &mut QuadSink<'_>, cx: &Context, fact: &Fact) {
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

#[cfg(test)]
mod tests {
    use super::super::sink::testing::{has, quads_of, span};
    use super::*;
    use crate::vocab::prov;
    use igfkg_model::NodeKind;

    #[test]
    fn a_theme_is_typed_labelled_and_derived_from_its_document() {
        let base = IriBase::default();
        let document = SourceDocument {
            id: "igf-2018-messages".to_owned(),
            title: "IGF 2018 Messages".to_owned(),
            publisher: "IGF Secretariat".to_owned(),
            year: 2018,
            meeting: Some(2018),
            kind: "messages".to_owned(),
            format: "messages-by-theme".to_owned(),
            path: "sources/igf-2018-messages.md".to_owned(),
            url: None,
            licence: "UN terms of use".to_owned(),
            sha256: String::new(),
            columns: None,
        };
        let theme = Theme {
            id: NodeId::slug(NodeKind::Theme, "2018 cybersecurity, trust and privacy"),
            title: "Cybersecurity, Trust and Privacy".to_owned(),
            year: 2018,
            position: 1,
            span: span("Cybersecurity, Trust and Privacy"),
        };
        let extraction = Extraction {
            themes: vec![theme.clone()],
            ..Extraction::default()
        };
        let graph = base.document_graph(&document.id);
        let quads = quads_of(&graph, |out| {
            write_document(
                &base,
                &document,
                &extraction,
                &DocumentLinks::default(),
                EvidenceLevel::Full,
                out,
            )
        });
        let doc = base.node(&document.node_id());
        let s = base.node(&theme.id);
        assert!(has(&quads, &doc, rdf::TYPE, igf::SourceDocument));
        assert!(has(
            &quads,
            &doc,
            igf::meeting,
            base.node(&NodeId::meeting(2018))
        ));
        // No checksum, no igf:sha256.
        assert!(!quads.iter().any(|q| q.predicate == igf::sha256));
        assert!(has(&quads, &s, rdf::TYPE, igf::Theme));
        assert!(has(
            &quads,
            &s,
            rdfs::LABEL,
            en("Cybersecurity, Trust and Privacy")
        ));
        assert!(has(&quads, &s, igf::position, integer(1)));
        assert!(has(&quads, &s, prov::wasDerivedFrom, doc));
    }
}
