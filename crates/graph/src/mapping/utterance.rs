//! A transcript's utterances: what was said in a session, turn by turn.

use super::document::Context;
use super::sink::{QuadSink, en, integer};
use crate::vocab::{igf, rdf};
use igfkg_model::{NodeId, Utterance};
use oxigraph::model::Literal;

/// An `igf:Utterance`: its words, its place in the session's order (its
/// position and the speaker turn it belongs to), the speaker's label as the
/// transcript writes it and the person, when one is named.
pub(super) fn add_utterance(sink: &mut QuadSink<'_>, cx: &Context, utterance: &Utterance) {
    let s = sink.iri(&utterance.id);
    sink.add(s.clone(), rdf::TYPE, igf::Utterance);
    sink.add(s.clone(), igf::text, en(&utterance.text));
    sink.add(s.clone(), igf::year, integer(utterance.year));
    let meeting = sink.iri(&NodeId::meeting(utterance.year));
    sink.add(s.clone(), igf::meeting, meeting);
    sink.add(s.clone(), igf::position, integer(utterance.position));
    sink.add(s.clone(), igf::turn, integer(utterance.turn));
    if let Some(label) = &utterance.speaker_label {
        sink.add(
            s.clone(),
            igf::speakerLabel,
            Literal::new_simple_literal(label),
        );
    }
    if let Some(speaker) = &utterance.speaker {
        let speaker = sink.iri(speaker);
        sink.add(s.clone(), igf::speaker, speaker);
    }
    if let Some(session) = &utterance.session {
        let session = sink.iri(session);
        sink.add(s.clone(), igf::session, session);
    }
    sink.add_provenance(&utterance.id, &cx.doc, &utterance.span);
}
