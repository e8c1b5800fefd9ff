//! `programme`: schedules and session indexes saved as text.
//!
//! The layouts read are those of the IGF's own pages:
//!
//! - session indexes and session pages (intgovforum.org "IGF 2024 Open Forum
//!   #27 Title", "WS #93 Title", "Workshop 93: Title", a list of approved
//!   workshops "36 Title" under a "Workshops" heading), each entry followed by
//!   `Key: value` lines (`Organizer:`, `Room:`, `Speakers:`, `Moderator:`) or
//!   an "Organizers" heading whose lines name the organisers;
//! - sched.com lists (igf2019.sched.com): a day heading ("Wednesday,
//!   November 27"), then for each session its title with the room in
//!   brackets, its description, a line with its day and time slot
//!   ("Wednesday November 27, 2019 08:15 - 09:15") and a line with its venue;
//! - agendas: "10:00 – 11:30 Title" lines under a day heading ("Day 1 | 10
//!   July 2023"), and "Room 7, from 9:00 to 17:00" lines.
//!
//! A session's type comes from its entry ("Workshop", "WS", "Open Forum",
//! "OF", "Best Practice Forum", "Dynamic Coalition", "Main Session", "Day 0
//! Event", "Lightning Talk", "NRI Session", "Town Hall", "Networking
//! Session") or from the heading it is listed under; its year from the
//! manifest's meeting, or else the first meeting the page names.

use crate::blocks::{Builder, fold_spaces};
use crate::by_session::session_type;
use crate::dates::{self, Day};
use crate::reports::{add_person, add_role};
use igfkg_model::{
    Extraction, NodeId, Person, RoleKind, Session, SessionDetails, SessionType, SourceDocument,
};
use igfkg_sources::SourceText;
use regex::Regex;
use std::sync::LazyLock;

/// The session types as programmes write them; abbreviations only with a number.
const TYPE: &str = r"(?:Workshop|Open Forum|Best Practices? Forum|Dynamic Coalitions?(?: Session)?|Main Session|High[- ]Level Session|Day 0 Event|Day 0|Pre-Event|Lightning Talk|NRI (?:Collaborative )?Session|Town Hall|Networking Session|Launch (?:and|&) Award Event|Opening Ceremony|Closing Ceremony)";
const ABBREVIATION: &str = r"(?:WS|OF|BPF|DC|LT|TH|NS)";

/// An entry: optional "IGF YYYY" and time slot, a type, a number, the title.
static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:IGF\s+(?P<year>\d{{4}})\s*[-–]?\s*)?(?:(?P<type>{TYPE})(?:\s*#\s*(?P<n1>\d+)|\s+(?P<n2>\d+)\b)?|(?-i:(?P<abbr>{ABBREVIATION}))\s*(?:#\s*|\s+)(?P<n3>\d+)\b)\s*(?:(?P<sep>[:–—|-])\s*|\s+|$)(?P<title>.*)$"
    ))
    .unwrap()
});

/// A numbered entry of an index under a type heading: "36 Data-Driven Democracy".
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>\d{1,4})\s+(?P<title>\p{Lu}.*)$").unwrap());

/// A heading that names a session type for the entries under it:
/// "Workshops", "Approved Workshops", "Open Forum [clear filter]".
static TYPE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:approved |selected |list of )?(?P<type>{TYPE}|Other Session)s?(?:\s*\[clear filter\])?$"
    ))
    .unwrap()
});

static WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// A day heading: "Wednesday, November 27", "Day 1 | 10 July 2023", "Monday 9 October 2023".
static DAY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:Day\s*\d\s*[|:–—-]?\s*)?(?:{WEEKDAY},?\s+)?(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{m})|(?P<m2>{m})\s+(?P<d2>\d{{1,2}}))(?:,?\s+(?P<y>\d{{4}}))?(?P<rest>.*)$",
        m = dates::MONTH
    ))
    .unwrap()
});

/// `Key: value` lines of an entry.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<key>organi[sz]ers?|organi[sz]ed by|co-organi[sz]ers?|organi[sz]ing (?:team|institution)|rooms?|venue|location|speakers?|panell?ists?|moderators?|facilitators?)\s*[:：]\s*(?P<value>.+)$").unwrap()
});

/// Headings of a session page after which lines are not organisers.
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:organi[sz]ers|speakers|description|policy questions?|sdgs|targets|onsite moderator|online moderator|rapporteur|key takeaways|session report|format|duration.*)$").unwrap()
});

/// A room written in brackets after a title, or at the start of a line.
static ROOM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:room|saal|hall|raum|annex|plenary|studio|auditorium|banquet|salon|sala|village|stage)\b").unwrap()
});

static ROOM_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<room>(?:room|saal|hall|raum|annex|plenary|studio|auditorium|banquet|salon|sala)\b[^,]*?)(?:,|\s+from\b|$)").unwrap()
});

static TITLE_ROOM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<title>.*?\S)\s*\(\s*(?P<inner>[^()]+?)\s*\)$").unwrap());

static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+").unwrap());

/// A session being read.
struct Open {
    index: usize,
    details: SessionDetails,
    /// Whether its day and slot line (sched's layout) has been read.
    closed: bool,
    /// Reading the lines under an "Organizers" heading.
    in_organisers: bool,
    description: Vec<String>,
    /// Byte offsets of its first line's start and its last line's end.
    start: usize,
    end: usize,
}

/// Parses a programme. Never fails: a page without entries is a warning.
pub(crate) fn parse(
    document: &SourceDocument,
    text: &SourceText,
    meetings: &[igfkg_model::Meeting],
) -> Extraction {
    let mut b = Builder::new(document, text).with_meetings(meetings);
    let year = document.meeting.or_else(|| {
        b.meetings()
            .mentions(text.as_str())
            .iter()
            .map(|m| m.year)
            .find(|y| *y != 0)
    });
    let Some(year) = year else {
        b.warn(
            0,
            "the programme names no meeting and the manifest gives no `meeting`; add `meeting = YYYY` to its entry",
        );
        return b.finish();
    };
    let mut state = State {
        year,
        day: None,
        heading_type: None,
        open: None,
        pending: Vec::new(),
        awaiting_place: false,
    };
    for line in text.lines() {
        if line.is_blank() {
            continue;
        }
        let (start, end, trimmed) = line.trimmed();
        let trimmed = fold_spaces(trimmed);
        state.line(&mut b, &trimmed, start, end);
    }
    state.close(&mut b);
    if b.out.sessions.is_empty() {
        b.warn(
            0,
            "no session entry found: a programme lists sessions as \"WS #93 Title\", \"Open Forum 12: Title\", a sched.com list or \"10:00-11:30 Title\" lines",
        );
    }
    b.finish()
}

struct State {
    year: u16,
    day: Option<Day>,
    heading_type: Option<String>,
    open: Option<Open>,
    /// Lines since the last session closed: a sched.com entry's title and description.
    pending: Vec<(String, usize, usize)>,
    /// The line after a sched.com day-and-slot line is the venue.
    awaiting_place: bool,
}

impl State {
    fn line(&mut self, b: &mut Builder<'_>, line: &str, start: usize, end: usize) {
        if self.awaiting_place {
            self.awaiting_place = false;
            if let Some(open) = &mut self.open {
                open.details.place = Some(line.to_owned());
                open.end = end;
                return;
            }
        }
        if let Some(c) = TYPE_HEADING.captures(line) {
            self.close(b);
            self.pending.clear();
            self.heading_type = Some(c["type"].to_owned());
            return;
        }
        if let Some((day, rest)) = self.day_heading(line) {
            match dates::slot(&rest) {
                // sched.com's "Wednesday November 27, 2019 08:15 - 09:15".
                Some((_, _, from, to)) if rest.trim_start().starts_with(char::is_numeric) => {
                    self.slot_line(b, day, from, to, end);
                }
                _ => {
                    self.close(b);
                    self.pending.clear();
                    self.day = Some(day);
                }
            }
            return;
        }
        if let Some(c) = ENTRY.captures(line) {
            let label = c.name("type").or(c.name("abbr")).map_or("", |m| m.as_str());
            let number = c.name("n1").or(c.name("n2")).or(c.name("n3"));
            let title = c["title"].trim();
            // "Workshop Room 3", a bare type and a sentence ("Workshop
            // proposals are due") are no entries.
            let titled = number.is_some()
                || c.name("sep").is_some()
                || title.starts_with(|ch: char| ch.is_uppercase() || "\"“‘'".contains(ch));
            if titled
                && !(title.is_empty() && number.is_none())
                && !ROOM.is_match(label_tail(title))
            {
                let number_label = number.map(|n| line[..n.end()].trim().to_owned());
                let slot = None;
                self.open_session(b, label, number_label, title, slot, (start, end));
                return;
            }
        }
        if let Some((s, e, from, to)) = dates::slot(line) {
            let rest = line[e..]
                .trim_start_matches([' ', '|', '-', '–', ':'])
                .trim();
            let before = line[..s].trim();
            if before.is_empty() && !rest.is_empty() {
                let title = rest.to_owned();
                let (label, number_label, title) = match ENTRY.captures(&title) {
                    Some(c) => {
                        let label = c.name("type").or(c.name("abbr")).map_or("", |m| m.as_str());
                        let number = c.name("n1").or(c.name("n2")).or(c.name("n3"));
                        (
                            label.to_owned(),
                            number.map(|n| title[..n.end()].trim().to_owned()),
                            c["title"].trim().to_owned(),
                        )
                    }
                    None => (String::new(), None, title.clone()),
                };
                self.open_session(
                    b,
                    &label,
                    number_label,
                    &title,
                    Some((from, to)),
                    (start, end),
                );
                return;
            }
            if let Some(open) = &mut self.open
                && open.details.start_time.is_none()
            {
                open.details.start_time = Some(from);
                open.details.end_time = Some(to);
                if let Some(c) = ROOM_LINE.captures(line) {
                    open.details.room = Some(c["room"].trim().to_owned());
                }
                open.end = end;
                return;
            }
        }
        if let Some(heading) = &self.heading_type
            && let Some(c) = NUMBERED.captures(line)
        {
            let heading = heading.clone();
            let label = format!("{heading} {}", &c["n"]);
            self.open_session(b, &heading, Some(label), &c["title"], None, (start, end));
            return;
        }
        let Some(open) = &mut self.open else {
            self.pending.push((line.to_owned(), start, end));
            return;
        };
        if open.closed {
            // A sched.com entry ends with its venue: what follows is the next one's.
            self.close(b);
            self.pending.push((line.to_owned(), start, end));
            return;
        }
        open.end = end;
        if let Some(c) = FIELD.captures(line) {
            open.in_organisers = false;
            let value = c["value"].trim();
            let key = c["key"].to_lowercase();
            if key.starts_with("organi") || key.starts_with("co-organi") {
                open.details.organisers.extend(split_names(value));
            } else if key.starts_with("room") || key == "venue" || key == "location" {
                open.details.room = Some(value.to_owned());
            } else {
                let kind = if key.starts_with("moderator") || key.starts_with("facilitator") {
                    RoleKind::Facilitator
                } else {
                    RoleKind::Speaker
                };
                let session = b.out.sessions[open.index].id.clone();
                for name in split_names(value) {
                    add_speaker(b, &session, &name, kind, (start, end));
                }
            }
            return;
        }
        if SECTION.is_match(line) {
            open.in_organisers = line.to_lowercase().starts_with("organi");
            return;
        }
        if open.in_organisers {
            if !line.contains(':') {
                open.details.organisers.push(line.to_owned());
            }
            return;
        }
        if let Some(c) = ROOM_LINE.captures(line) {
            open.details.room = Some(c["room"].trim().to_owned());
            return;
        }
        open.description.push(line.to_owned());
    }

    /// A day heading's day and what follows it on its line.
    fn day_heading(&self, line: &str) -> Option<(Day, String)> {
        let c = DAY_HEADING.captures(line)?;
        let (d, m) = match (c.name("d1"), c.name("m1")) {
            (Some(d), Some(m)) => (d, m),
            _ => (c.name("d2")?, c.name("m2")?),
        };
        let rest = c["rest"].to_owned();
        // A day heading is the date alone, or the date and a slot.
        if !(rest.trim().is_empty() || dates::slot(&rest).is_some()) {
            return None;
        }
        let year = c
            .name("y")
            .and_then(|y| y.as_str().parse().ok())
            .unwrap_or(self.year);
        let (month, _) = dates::month(m.as_str())?;
        Some((Day::new(year, month, d.as_str().parse().ok()?)?, rest))
    }

    /// sched.com's day-and-slot line: it completes the open entry, or makes
    /// one of the lines read since the last.
    fn slot_line(&mut self, b: &mut Builder<'_>, day: Day, from: String, to: String, end: usize) {
        let untyped = self.open.as_ref().is_none_or(|o| o.closed);
        if untyped {
            self.close(b);
            let pending = std::mem::take(&mut self.pending);
            let Some((title, start, _)) = pending.first().cloned() else {
                return;
            };
            let label = self.heading_type.clone().unwrap_or_default();
            self.open_session(b, &label, None, &title, None, (start, end));
            // The lines between the title and this line are the entry's own.
            for (line, line_start, line_end) in &pending[1..] {
                self.line(b, line, *line_start, *line_end);
            }
        }
        if let Some(open) = &mut self.open {
            open.details.day = Some(day.iso());
            open.details.start_time = Some(from);
            open.details.end_time = Some(to);
            open.closed = true;
            open.end = end;
            self.awaiting_place = true;
        }
    }

    fn open_session(
        &mut self,
        b: &mut Builder<'_>,
        label: &str,
        number_label: Option<String>,
        title: &str,
        slot: Option<(String, String)>,
        (start, end): (usize, usize),
    ) {
        self.close(b);
        self.pending.clear();
        let label = if label.is_empty() {
            self.heading_type.clone().unwrap_or_default()
        } else {
            label.to_owned()
        };
        let (title, bracket) = match TITLE_ROOM.captures(title) {
            Some(c) => (c["title"].to_owned(), Some(c["inner"].to_owned())),
            None => (title.to_owned(), None),
        };
        let title = title
            .trim_start_matches([':', '-', '–', '|', ' '])
            .to_owned();
        let kind = if label.is_empty() {
            SessionType::Other(String::new())
        } else {
            session_type(&label)
        };
        let position = b.out.sessions.len() as u32 + 1;
        let id = b.session_id(&title, position);
        let mut details = SessionDetails::new(id.clone(), b.span(start, end));
        details.number = number_label
            .as_deref()
            .and_then(|l| NUMBER.find_iter(l).last())
            .and_then(|n| n.as_str().parse().ok());
        details.number_label = number_label;
        details.day = self.day.map(Day::iso);
        if let Some((from, to)) = slot {
            details.start_time = Some(from);
            details.end_time = Some(to);
        }
        match bracket {
            Some(inner) if ROOM.is_match(&inner) => details.room = Some(inner),
            Some(inner) => details.organisers.extend(split_names(&inner)),
            None => {}
        }
        b.out.sessions.push(Session {
            id,
            title,
            session_type: kind,
            session_type_label: label,
            year: self.year,
            position,
            description: None,
            updated: None,
            track: None,
            theme: None,
            fields: Vec::new(),
            span: b.span(start, end),
        });
        self.open = Some(Open {
            index: b.out.sessions.len() - 1,
            details,
            closed: false,
            in_organisers: false,
            description: Vec::new(),
            start,
            end,
        });
    }

    fn close(&mut self, b: &mut Builder<'_>) {
        let Some(mut open) = self.open.take() else {
            return;
        };
        self.awaiting_place = false;
        let span = b.span(open.start, open.end);
        let session = &mut b.out.sessions[open.index];
        session.span = span;
        if !open.description.is_empty() {
            session.description = Some(open.description.join("\n"));
        }
        open.details.span = session.span.clone();
        if !open.details.is_empty() {
            b.out.details.push(open.details);
        }
    }
}

/// The last words of a title, where "Workshop Room 3" would name a room.
fn label_tail(title: &str) -> &str {
    title.split_whitespace().next().unwrap_or("")
}

/// Names separated by `;`, `,` (when every part is a name of a few words), or " and ".
pub(crate) fn split_names(value: &str) -> Vec<String> {
    value
        .split([';', '|', '\n'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.trim().trim_end_matches('.').trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

/// Adds a person (one node per normalised name across the corpus, as the
/// session reports mint them) and their role in a session.
pub(crate) fn add_speaker(
    b: &mut Builder<'_>,
    session: &NodeId,
    name: &str,
    kind: RoleKind,
    (start, end): (usize, usize),
) {
    // One helper for people and roles across formats (reports.rs): the
    // person's id folds case, accents and spacing, and variants are kept.
    let span = b.span(start, end);
    let person = add_person(
        b,
        Person {
            id: NodeId::person(name),
            name: name.to_owned(),
            variants: Vec::new(),
            position_title: None,
            affiliation: None,
            country: None,
            stakeholder_group: None,
            span,
        },
    );
    add_role(b, session, &person, kind, None, (start, end));
}
