//! The preamble before the first turn: the session title and type, and the header statement with its meeting facts.

use super::*;

/// Reads what stands before the first turn: the title (the session) and
/// the header (a statement, with its meeting facts). Returns the session.
pub(super) fn preamble(b: &mut Builder<'_>, first_turn: usize) -> NodeId {
    let source = b.text.as_str();
    let before = &source[..first_turn];
    let header = HEADER.find(before).map(|m| {
        // The header runs to the end of its paragraph, or to the first turn.
        let rest = &before[m.start()..];
        let end = rest.find("\n\n").map_or(before.len(), |i| m.start() + i);
        let end = m.start() + source[m.start()..end].trim_end().len();
        (m.start(), end)
    });
    // The title: the first line before the header, or before the first turn.
    let title_zone_end = header.map_or(first_turn, |(s, _)| s);
    let zone = &source[..title_zone_end];
    let title = zone
        .lines()
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| !line.trim().is_empty() && line.trim() != "***")
        .map(|(start, line)| {
            let lead = line.len() - line.trim_start().len();
            (start + lead, start + lead + line.trim().len())
        });
    let (title_text, span_range) = match title {
        Some((s, e)) => (fold_spaces(&source[s..e]), (s, e)),
        None => match header {
            Some(range) => (b.document.title.clone(), range),
            None => (b.document.title.clone(), (first_turn, first_turn)),
        },
    };
    let id = b.session_id(&title_text, 1);
    let (session_type, session_type_label) = session_type(&title_text);
    let span = b.span(span_range.0, span_range.1);
    b.out.sessions.push(Session {
        id: id.clone(),
        title: title_text.clone(),
        session_type,
        session_type_label,
        year: b.meeting_year(),
        position: 1,
        description: None,
        updated: None,
        track: None,
        theme: None,
        fields: Vec::new(),
        span,
    });
    if let Some((s, e)) = header {
        let statement = fold_spaces(&source[s..e]);
        b.statement(statement, Some(&title_text), false, (s, e));
        header_facts(b, (s, e));
    }
    id
}

/// Session numbers as programmes abbreviate them: `WS #101`, `OF10`.
pub(super) static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<kind>WS|OF|DC|BPF|LT|NS)\s?#?\s?\d+\b").unwrap());

/// The session's type as its title names it: the words of the title that
/// name a type ("Workshop", "WS #101", "Open Forum", "Main Session"), read
/// as the other formats read a type label.
pub(super) fn session_type(title: &str) -> (SessionType, String) {
    let label = match NUMBERED.captures(title) {
        Some(c) => match &c["kind"] {
            "WS" => "Workshop",
            "OF" => "Open Forum",
            "DC" => "Dynamic Coalition",
            "BPF" => "Best Practice Forum",
            "LT" => "Lightning Talk",
            _ => "Networking Session",
        }
        .to_owned(),
        None => {
            const KINDS: [&str; 14] = [
                "main session",
                "high-level",
                "opening ceremony",
                "closing ceremony",
                "workshop",
                "open forum",
                "best practice forum",
                "dynamic coalition",
                "day 0",
                "lightning talk",
                "town hall",
                "networking session",
                "open mic",
                "newcomers",
            ];
            let lower = title.to_lowercase();
            match KINDS.iter().find(|k| lower.contains(*k)) {
                Some(kind) => usual_case(&kind.to_uppercase()),
                None => "Session".to_owned(),
            }
        }
    };
    (by_session::session_type(&label), label)
}

/// The meeting facts a header states: its ordinal, venue and dates.
pub(super) fn header_facts(b: &mut Builder<'_>, (start, end): (usize, usize)) {
    facts::extract(b, start, end);
    let source = b.text.as_str();
    let header = &source[start..end];
    if let Some(c) = HEADER_MEETING.captures(header) {
        let year: u16 = c["year"].parse().unwrap_or(b.meeting_year());
        let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        let at = |m: regex::Match<'_>| (start + m.start(), start + m.end());
        if let Some(ord) = c.name("ord")
            && let Some(ordinal) = numbers::ordinal_value(ord.as_str())
        {
            // The evidence: "Fourteenth Annual Meeting of the Internet Governance Forum".
            const FORUM: &str = "Internet Governance Forum";
            let end = header[ord.end()..]
                .find(FORUM)
                .map_or(ord.end(), |i| ord.end() + i + FORUM.len());
            b.fact(
                FactKind::Ordinal,
                year,
                Some(Figure {
                    value: ordinal,
                    qualifier: Qualifier::Exact,
                }),
                ordinal.to_string(),
                (start + ord.start(), start + end),
            );
        }
        if let Some(place) = c.name("place") {
            b.fact(
                FactKind::Venue,
                year,
                None,
                place.as_str().trim().to_owned(),
                at(place),
            );
        }
        let m2 = month_number(&c["m2"]);
        let m1 = c.name("m1").map_or(m2, |m| month_number(m.as_str()));
        let (d1, d2): (u8, u8) = (c["d1"].parse().unwrap_or(0), c["d2"].parse().unwrap_or(0));
        // A range over a year's end ("from 28 December to 2 January 2020")
        // starts in the year before.
        let y1 = if m1 > m2 { year - 1 } else { year };
        let dates = c.name("d1").map_or(whole, |m| (m.start(), whole.1));
        b.fact(
            FactKind::Dates,
            year,
            None,
            format!("{y1}-{m1:02}-{d1:02}/{year}-{m2:02}-{d2:02}"),
            (start + dates.0, start + dates.1),
        );
    } else if let Some(c) = HEADER_OLD.captures(header) {
        let year: u16 = c["year"].parse().unwrap_or(b.meeting_year());
        let place = c.name("place").map_or((0, 0), |m| (m.start(), m.end()));
        b.fact(
            FactKind::Venue,
            year,
            None,
            c["place"].trim().to_owned(),
            (start + place.0, start + place.1),
        );
    }
}

pub(super) fn month_number(month: &str) -> u8 {
    MONTH
        .split('|')
        .position(|m| m.eq_ignore_ascii_case(month))
        .map_or(0, |i| i as u8 + 1)
}
