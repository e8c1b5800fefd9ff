//! The RDF of a session's place in a programme or a row of records: its
//! number, its organisers, its day and time slot, its room and place.

use super::sink::QuadSink;
use crate::vocab::{igf, org, rdf, rdfs, schema, skos, xsd};
use igfkg_model::{Organization, SessionDetails};
use oxigraph::model::{Literal, NamedNode};

/// Adds the details of a session to the session's node. An organiser is an
/// `org:Organization` node minted from its normalised name, the node an
/// affiliation of the same name gets.
pub(super) fn add_details(sink: &mut QuadSink<'_>, doc: &NamedNode, details: &SessionDetails) {
    let s = sink.iri(&details.session);
    if let Some(number) = details.number {
        sink.add(
            s.clone(),
            igf::sessionNumber,
            Literal::from(i64::from(number)),
        );
    }
    if let Some(label) = &details.number_label {
        sink.add(
            s.clone(),
            skos::notation,
            Literal::new_simple_literal(label),
        );
    }
    for name in &details.organisers {
        let id = Organization::id_for(name);
        let o = sink.iri(&id);
        sink.add(o.clone(), rdf::TYPE, org::Organization);
        sink.add(
            o.clone(),
            rdfs::LABEL,
            Literal::new_language_tagged_literal_unchecked(name, "en"),
        );
        sink.add(o.clone(), crate::vocab::prov::wasDerivedFrom, doc.clone());
        sink.add(s.clone(), igf::organizer, o);
    }
    // schema:startDate and schema:endDate are xsd:dateTime when the slot is
    // known (local time of the meeting, without a zone the programme does
    // not state), xsd:date when only the day is.
    if let Some(day) = &details.day {
        let at = |time: &Option<String>| match time {
            Some(time) => Literal::new_typed_literal(format!("{day}T{time}:00"), xsd::DATE_TIME),
            None => Literal::new_typed_literal(day.as_str(), xsd::DATE),
        };
        sink.add(s.clone(), schema::startDate, at(&details.start_time));
        sink.add(s.clone(), schema::endDate, at(&details.end_time));
    }
    if let Some(room) = &details.room {
        sink.add(
            s.clone(),
            schema::location,
            Literal::new_simple_literal(room),
        );
    }
    if let Some(place) = &details.place {
        sink.add(s.clone(), igf::place, Literal::new_simple_literal(place));
    }
    if let Some(written) = &details.date_text {
        sink.add(s, igf::dateAsWritten, Literal::new_simple_literal(written));
    }
}
