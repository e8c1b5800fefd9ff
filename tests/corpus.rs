//! The bundled corpus, parsed: every expected value here was established by
//! reading the documents in data/sources/.

// The expected values are tables: one tuple per session, theme or person.
#![allow(clippy::type_complexity)]

use crate::util::{extraction, select, session_messages, theme_messages};
use igfkg::model::{FactKind, Figure, MessageKind, Qualifier, RoleKind, SessionType, Severity};

/// Checks a message's text by its opening and closing words.
fn assert_text(text: &str, start: &str, end: &str) {
    assert!(
        text.starts_with(start),
        "{text:?} should start with {start:?}"
    );
    assert!(text.ends_with(end), "{text:?} should end with {end:?}");
}

#[test]
fn igf2017_messages_sessions_and_messages() {
    let e = extraction("igf2017-messages");
    // (title, type as written, type, messages, first message, its line, last message, its line)
    let expected: [(&str, &str, SessionType, usize, &str, u32, &str, u32); 8] = [
        (
            "Local interventions, global impacts: How can international, multistakeholder cooperation address Internet disruptions, encryption and data flows",
            "Main session",
            SessionType::Main,
            6,
            "While there is increasing awareness of potential unintended impacts of Internet shutdowns",
            8,
            "The digital economy depends on the free flow of data",
            13,
        ),
        (
            "Shaping our future digital global governance",
            "High level thematic session",
            SessionType::HighLevelThematic,
            6,
            "There was broad support for the notion that as the Internet and digital technologies continue to evolve",
            18,
            "The IGF, as a multistakeholder and inclusive process, was broadly supported",
            23,
        ),
        (
            "The impact of digitisation on politics, public trust, and democracy",
            "High level thematic session",
            SessionType::HighLevelThematic,
            6,
            "Digitisation can empower citizens",
            28,
            "Finally, it was broadly agreed that multistakeholder cooperation is key",
            33,
        ),
        (
            "Empowering global cooperation on cybersecurity for sustainable development and peace",
            "Main session",
            SessionType::Main,
            6,
            "Cybersecurity and the preservation of a secure and reliable cyberspace",
            38,
            "While some called for new international treaties or convention",
            43,
        ),
        (
            "Dynamic Coalitions: Contribute to the digital future!",
            "Main session",
            SessionType::Main,
            5,
            "The digital divide remains a concern around the world",
            50,
            "As technologies continue to develop, new challenges need to be addressed.",
            54,
        ),
        (
            "NRIs Perspectives: Rights in the digital world",
            "Main session",
            SessionType::Main,
            7,
            "There was broad support for the view that the rights that people have offline",
            59,
            "There was a broad confidence that multistakeholder processes",
            65,
        ),
        (
            "Gender inclusion and the future of the Internet",
            "Main session",
            SessionType::Main,
            6,
            "There was strong recognition on the significance of the first main session on gender",
            70,
            "The important role played by civil society actors",
            75,
        ),
        (
            "Digital transformation: How do we shape its socio-economic and labour impacts for good?",
            "Main session",
            SessionType::Main,
            6,
            "The underlying message of the session was that digitisation brings benefits",
            80,
            "While it cannot be predicted how our digital future will look like",
            85,
        ),
    ];
    assert_eq!(e.sessions.len(), 8);
    assert_eq!(
        e.sessions
            .iter()
            .filter(|s| s.session_type == SessionType::Main)
            .count(),
        6
    );
    assert_eq!(
        e.sessions
            .iter()
            .filter(|s| s.session_type == SessionType::HighLevelThematic)
            .count(),
        2
    );
    assert_eq!(e.messages.len(), 48);
    for (session, (title, label, session_type, count, first, first_line, last, last_line)) in
        e.sessions.iter().zip(expected)
    {
        assert_eq!(session.title, title);
        assert_eq!(session.session_type_label, label, "{title}");
        assert_eq!(session.session_type, session_type, "{title}");
        let messages = session_messages(e, session);
        assert_eq!(messages.len(), count, "{title}");
        assert!(
            messages[0].text.starts_with(first),
            "{title}: {}",
            messages[0].text
        );
        assert_eq!(messages[0].span.start_line, first_line, "{title}");
        assert!(messages[count - 1].text.starts_with(last), "{title}");
        assert_eq!(messages[count - 1].span.start_line, last_line, "{title}");
        assert!(
            messages
                .iter()
                .all(|m| m.kind == MessageKind::KeyMessage && m.year == 2017)
        );
    }
    // The Dynamic Coalitions session's framing line is its description, not a message.
    let dc = &e.sessions[4];
    assert_eq!(
        dc.description.as_deref(),
        Some(
            "The following are points raised by Dynamic Coalitions, during the presentation of their work. They reflect the views of the DCs."
        )
    );
    assert!(
        !e.messages
            .iter()
            .any(|m| m.text.starts_with("The following are points"))
    );
    // Messages are in document order.
    let lines: Vec<u32> = e.messages.iter().map(|m| m.span.start_line).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]));
    // The title and date lines are statements of the document.
    let statements: Vec<&str> = e.statements.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(statements, ["IGF 2017 Messages", "November 2017"]);
    assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
}

#[test]
fn igf2018_paris_messages_themes_and_messages() {
    let e = extraction("igf2018-paris-messages");
    // (title, messages, first: start, end, line, headline; last: start, end, line)
    let expected: [(&str, usize, &str, &str, u32, Option<&str>, &str, &str, u32); 8] = [
        (
            "Emerging technologies",
            4,
            "Digital technologies and research are key",
            "empower citizens.",
            37,
            Some(
                "Digital technologies and research are key to drive innovation, unlock economic growth and empower citizens.",
            ),
            "The use of blockchain technology",
            "General Data Protection Regulation.",
            43,
        ),
        (
            "Media & content",
            11,
            "This year, the Internet community touched upon the information disorders issues",
            "political aggression around the world.",
            49,
            Some(
                "Specific focuses were given to potential risks of election meddling and political aggression around the world.",
            ),
            "Overall, all debates promoted",
            "in this field.",
            69,
        ),
        (
            "Cybersecurity, trust & privacy",
            8,
            "Seizing digital opportunities.",
            "including the right to privacy.",
            75,
            Some("Seizing digital opportunities."),
            "Regulating, when necessary, but smartly.",
            "fostered and not bridled.",
            89,
        ),
        (
            "Evolution of Internet governance",
            4,
            "The multi-stakeholder approach is vital",
            "SMEs globally.",
            95,
            Some(
                "The multi-stakeholder approach is vital to take into account the massive impact that Internet has on everyone.",
            ),
            "Participants are confident that the local approach",
            "designed at a local level.",
            101,
        ),
        (
            "Development, innovation & economic issues",
            6,
            "Internet and the digitization of the economy",
            "human beings should always come before the machine.",
            107,
            Some(
                "Internet and the digitization of the economy have brought both immense opportunities and great challenges to our societies.",
            ),
            "Regulation should adapt to these new objectives",
            "public and private sectors worldwide.",
            117,
        ),
        (
            "Human rights, gender & youth",
            4,
            "Human rights should be the same online and offline.",
            "protection of human rights.",
            123,
            Some("Human rights should be the same online and offline."),
            "The IGF, as a multi-stakeholder and inclusive process",
            "protection of vulnerable persons.",
            129,
        ),
        (
            "Technical & operational topics",
            7,
            "As a result of its evolution in the past 30 years",
            "redefine its architecture.",
            135,
            Some(
                "As a result of its evolution in the past 30 years, the future Internet should be able to adapt and support technological trends and upcoming innovations that will redefine its architecture.",
            ),
            "Beyond the way net neutrality is enforced today",
            "fully include innovation capacities.",
            147,
        ),
        (
            "Digital inclusion & accessibility",
            8,
            "Accessibility and inclusion are two major issues",
            "those who need it most.",
            155,
            None,
            "Finally, promising first results allow us to hope",
            "improve digital accessibility.",
            169,
        ),
    ];
    assert_eq!(e.themes.len(), 8);
    assert_eq!(e.messages.len(), 52);
    for (
        theme,
        (
            title,
            count,
            first_start,
            first_end,
            first_line,
            headline,
            last_start,
            last_end,
            last_line,
        ),
    ) in e.themes.iter().zip(expected)
    {
        assert_eq!(theme.title, title);
        assert_eq!(theme.year, 2018);
        let messages = theme_messages(e, theme);
        assert_eq!(messages.len(), count, "{title}");
        assert_text(&messages[0].text, first_start, first_end);
        assert_eq!(messages[0].span.start_line, first_line, "{title}");
        assert_eq!(messages[0].headline.as_deref(), headline, "{title}");
        assert_text(&messages[count - 1].text, last_start, last_end);
        assert_eq!(messages[count - 1].span.start_line, last_line, "{title}");
    }
    // Markdown is removed from texts and headlines, and kept in the quote.
    for m in &e.messages {
        assert!(
            !m.text.contains("**") && !m.text.contains("](#)"),
            "{}",
            m.text
        );
        assert!(m.headline.as_deref().is_none_or(|h| !h.contains('*')));
        assert!(
            m.text.contains(m.headline.as_deref().unwrap_or("")),
            "the headline is part of the text"
        );
    }
    let fake_news = &e.messages.iter().find(|m| m.span.start_line == 53).unwrap();
    assert_eq!(
        fake_news.headline.as_deref(),
        Some(
            "Getting to a tangible, workable, agreed upon definition of “fake news” is difficult but necessary"
        )
    );
    assert!(fake_news.span.exact.starts_with("**Getting to a tangible"));
    // The preamble and the WHEREAS statement are statements of the document.
    let preamble: Vec<&str> = e
        .statements
        .iter()
        .filter(|s| !s.heading)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(preamble.len(), 3);
    assert!(preamble[0].starts_with("During the Internet Governance Forum 2017, a number of key messages (the so-called “Geneva Messages”)"));
    assert!(preamble[1].starts_with("Following the spirit of the Geneva Messages, the following Paris Messages are presented as non-binding principles."));
    assert!(preamble[2].starts_with("WHEREAS: Digital is a set of sciences and technologies"));
    assert!(preamble[2].ends_with("must guide digital transformation."));
    assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
}

#[test]
fn igf2019_reports_sessions_and_fields() {
    let e = extraction("igf2019-session-reports");
    let main = "Main Session";
    let hl = "Ceremonial/HL Session";
    let sssr = Some("Security, Safety, Stability and Resilience");
    // (title, type, updated, track, messages, empty fields)
    let expected: [(&str, &str, &str, Option<&str>, usize, &[u8]); 10] = [
        (
            "Concluding Breakout Session: Data Governance",
            hl,
            "2020-01-27",
            Some("Data Governance"),
            1,
            &[2, 3, 4, 5, 6, 7, 8],
        ),
        (
            "Concluding Breakout Session: Security, Safety, Stability & Resilience",
            hl,
            "2020-01-27",
            sssr,
            // Field 1's point (line 26), field 2's lead-in as its only
            // point (line 30), the 17 recommendations of lines 41-63 and
            // the gender reflection (line 80); fields 4 and 5 say they do
            // not apply (lines 66, 70) and field 8 only points to a
            // recording (line 84).
            20,
            &[],
        ),
        (
            "Introductory Breakout Session: Security, Safety, Stability & Resilience",
            hl,
            "2020-01-27",
            sssr,
            // Lines 93, 97-107 (6 paragraphs), 119, the 21 recommendations
            // under six sub-headings (lines 123-173) and line 191; lines
            // 177 and 181 say they do not apply, line 195 points to a
            // recording.
            30,
            &[],
        ),
        (
            "Introductory Breakout Session: Data Governance",
            hl,
            "2020-01-27",
            Some("Data Governance"),
            1,
            &[2, 3, 4, 5, 6, 7, 8],
        ),
        (
            "Digital Cooperation and Internet governance",
            main,
            "2019-11-28",
            None,
            0,
            &[1, 2, 3, 4, 5, 6, 7, 8],
        ),
        (
            "Dynamic Coalitions – Joint Efforts to achieve the SDGs",
            main,
            "2019-11-29",
            None,
            14,
            &[8],
        ),
        (
            "Emerging technologies and their interfaces with inclusion, security and human rights (NRIs)",
            main,
            "2020-08-19",
            None,
            // 4 questions (lines 280-283), 2 discussion points (286, 288),
            // 1 recommendation (292), progress (319) and gender (329): the
            // roster of 19 NRIs (lines 298-316) is not made of messages.
            9,
            &[8],
        ),
        (
            "Achieving the SDGs in the Digital Age",
            main,
            "2019-11-18",
            None,
            3,
            &[2, 3, 4, 5, 6, 7, 8],
        ),
        (
            "The Future of IoT : Toward More Secure and Human-Centered Devices",
            main,
            "2019-11-28",
            None,
            20,
            &[8],
        ),
        (
            "Applying human rights and ethics in responsible data governance and AI",
            main,
            "2019-12-21",
            None,
            39,
            &[],
        ),
    ];
    assert_eq!(e.sessions.len(), 10);
    assert_eq!(
        e.sessions
            .iter()
            .filter(|s| s.session_type == SessionType::CeremonialHighLevel)
            .count(),
        4
    );
    assert_eq!(
        e.sessions
            .iter()
            .filter(|s| s.session_type == SessionType::Main)
            .count(),
        6
    );
    let headings = [
        "Key Policy Questions and Expectations",
        "Discussion Areas",
        "Policy Recommendations or Suggestions for the Way Forward",
        "Other Initiatives Addressing the Session Issues",
        "Making Progress for Tackled Issues",
        "Estimated Participation",
        "Reflection to Gender Issues",
        "Session Outputs",
    ];
    for (session, (title, label, updated, track, messages, empty)) in
        e.sessions.iter().zip(expected)
    {
        assert_eq!(session.title, title);
        assert_eq!(session.session_type_label, label, "{title}");
        assert_eq!(session.updated.as_deref(), Some(updated), "{title}");
        assert_eq!(session.track.as_deref(), track, "{title}");
        assert_eq!(session_messages(e, session).len(), messages, "{title}");
        assert_eq!(session.fields.len(), 8, "{title}");
        for (field, heading) in session.fields.iter().zip(headings) {
            assert_eq!(field.heading, heading, "{title}");
            assert_eq!(
                field.text.is_empty(),
                empty.contains(&field.number),
                "{title}: field {}",
                field.number
            );
        }
    }
    // One warning per empty field: 32, counted above; and a note for each
    // field that says it does not apply (lines 66, 70, 177, 181) and each
    // pointer to a recording the text does not link (lines 84, 195).
    let warnings = e
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    assert_eq!(warnings, 32);
    let notes: Vec<u32> = e
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .map(|d| d.line)
        .collect();
    assert_eq!(notes, [66, 70, 84, 177, 181, 195]);
    assert_eq!(e.messages.len(), 137);
    for placeholder in [
        "This question does not apply",
        "is available here",
        "are available here",
    ] {
        assert!(
            !e.messages.iter().any(|m| m.text.contains(placeholder)),
            "{placeholder}"
        );
    }
}

#[test]
fn igf2019_points_take_the_kind_of_their_field() {
    let e = extraction("igf2019-session-reports");
    let dc = &e.sessions[5];
    let kinds: Vec<MessageKind> = session_messages(e, dc).iter().map(|m| m.kind).collect();
    use MessageKind::*;
    assert_eq!(
        kinds,
        [
            PolicyQuestion,
            PolicyQuestion,
            PolicyQuestion,
            DiscussionPoint,
            DiscussionPoint,
            DiscussionPoint,
            DiscussionPoint,
            DiscussionPoint,
            Recommendation,
            Recommendation,
            Recommendation,
            Initiative,
            Progress,
            GenderReflection
        ]
    );
    let dc_messages = session_messages(e, dc);
    assert_text(
        &dc_messages[0].text,
        "How can policies promoting internet connectivity",
        "responsive to local needs and input?",
    );
    assert_eq!(
        dc_messages[8].text,
        "Access cannot be discussed without addressing sustainability."
    );
    // The NRIs session lists its 19 NRIs under "Other Initiatives" (lines
    // 298-316, after "The list of participating NRIs is this session is:"
    // on line 296): a roster of participants, not 19 initiatives. It stays
    // in the field's text, where the linker reads the session's NRIs.
    let nris = &e.sessions[6];
    assert!(
        !session_messages(e, nris)
            .iter()
            .any(|m| m.kind == Initiative)
    );
    let field = &nris.fields[3];
    assert_eq!(field.text.lines().count(), 20);
    assert!(field.text.lines().nth(1) == Some("African IGF"));
    assert!(field.text.ends_with("Russian IGF"));
    // The concluding SSSR report's field 2 is one lead-in to three people
    // lines (lines 30-34): the lead-in is its discussion point.
    let concluding = &e.sessions[1];
    let points: Vec<&str> = session_messages(e, concluding)
        .into_iter()
        .filter(|m| m.kind == DiscussionPoint)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(points.len(), 1);
    assert!(points[0].starts_with("The group was divided in 3 grouping by 2 subthemes"));
    // A policy question with sub-items is one message over four lines.
    let sdgs = &e.sessions[7];
    let questions = session_messages(e, sdgs);
    assert_eq!(questions.len(), 3);
    assert_text(
        &questions[0].text,
        "How can Digital technologies and transformation help",
        "Prosperity: labour, trade, skills?",
    );
    assert_eq!(
        (questions[0].span.start_line, questions[0].span.end_line),
        (340, 343)
    );
    // Sub-headings group the recommendations of a breakout report.
    let concluding = &e.sessions[1];
    let groups: Vec<Option<&str>> = session_messages(e, concluding)
        .iter()
        .filter(|m| m.kind == Recommendation)
        .map(|m| m.group.as_deref())
        .collect();
    assert_eq!(groups.len(), 17);
    assert_eq!(
        groups[0],
        Some("Stability & resilience; Technology, Industry and Trade")
    );
    assert_eq!(groups[7], Some("Safety & Security"));
    assert_eq!(groups[16], Some("Internet Ethics & Human Rights"));
    // The introductory report's breakout groups (lines 121-173): each
    // recommendation keeps the sub-heading it stands under.
    let introductory = &e.sessions[2];
    let mut counts: Vec<(Option<&str>, usize)> = Vec::new();
    for m in session_messages(e, introductory)
        .into_iter()
        .filter(|m| m.kind == Recommendation)
    {
        match counts.last_mut() {
            Some((group, n)) if *group == m.group.as_deref() => *n += 1,
            _ => counts.push((m.group.as_deref(), 1)),
        }
    }
    assert_eq!(
        counts,
        [
            (None, 1),
            (Some("Human Rights"), 2),
            (Some("Security"), 5),
            (Some("Internet Ethics"), 3),
            (Some("Stability and Resilience"), 5),
            (Some("Technology, industry & trade"), 2),
            (Some("Safety"), 4),
        ]
    );
}

#[test]
fn igf2019_people_with_affiliation_country_group_and_role() {
    let e = extraction("igf2019-session-reports");
    // (name, position, affiliation, country, stakeholder group)
    let expected: [(&str, Option<&str>, &str, &str, Option<&str>); 9] = [
        (
            "Alexander Isavnin",
            None,
            "RosKomSvoboda",
            "Russia",
            Some("Civil Society"),
        ),
        (
            "Amit Ashkenazi",
            None,
            "Israel National Cyber Directorate",
            "Israel",
            None,
        ),
        (
            "Christopher Treshan Perera",
            None,
            "Worldacquire",
            "United Kingdom",
            None,
        ),
        (
            "Tobias Feakin",
            Some("Cyber Ambassador"),
            "Australian Government",
            "Australia",
            Some("Government"),
        ),
        (
            "Ana Laura Martínez",
            Some("Coordinator of International Cooperation Networks"),
            "Regional Center for the Development of the Information Society (Cetic.br/NIC.br)",
            "Brazil",
            Some("Technical community"),
        ),
        (
            "Kaveh Ranjbar",
            Some("Chief Information Officer"),
            "RIPE NCC",
            "The Netherlands",
            Some("Technical Community"),
        ),
        (
            "Peter Koch",
            None,
            "DENIC",
            "Germany",
            Some("Technical Community"),
        ),
        (
            "Amrita Choudhury",
            None,
            "CCAOI",
            "India",
            Some("Civil Society"),
        ),
        (
            "Charlotte Altenhöner-Dion",
            Some("Head of Internet Governance Unit"),
            "Council of Europe",
            "France",
            Some("Intergovernmental Organization"),
        ),
    ];
    assert_eq!(e.people.len(), 9);
    for (person, (name, position, affiliation, country, group)) in e.people.iter().zip(expected) {
        assert_eq!(person.name, name);
        assert_eq!(person.position_title.as_deref(), position, "{name}");
        assert_eq!(person.affiliation.as_deref(), Some(affiliation), "{name}");
        assert_eq!(person.country.as_deref(), Some(country), "{name}");
        assert_eq!(person.stakeholder_group.as_deref(), group, "{name}");
    }
    let name =
        |id: &igfkg::model::NodeId| e.people.iter().find(|p| &p.id == id).unwrap().name.as_str();
    let session = |id: &igfkg::model::NodeId| e.sessions.iter().position(|s| &s.id == id).unwrap();
    let mut roles: Vec<(usize, &str, RoleKind, Option<&str>)> = e
        .roles
        .iter()
        .map(|r| {
            (
                session(&r.session),
                name(&r.person),
                r.kind,
                r.subject.as_deref(),
            )
        })
        .collect();
    roles.sort();
    use RoleKind::*;
    let mut expected = vec![
        // The concluding session: "breakout discussions were facilitated by 3 people …,
        // and reports from the discussion were shared by the facilitators".
        (1, "Alexander Isavnin", Presenter, Some("Safety, Security")),
        (
            1,
            "Alexander Isavnin",
            Facilitator,
            Some("Safety, Security"),
        ),
        (
            1,
            "Amit Ashkenazi",
            Presenter,
            Some("Stability & resilience; Technology, Industry and Trade"),
        ),
        (
            1,
            "Amit Ashkenazi",
            Facilitator,
            Some("Stability & resilience; Technology, Industry and Trade"),
        ),
        (
            1,
            "Christopher Treshan Perera",
            Presenter,
            Some("Internet ethics, Human rights"),
        ),
        (
            1,
            "Christopher Treshan Perera",
            Facilitator,
            Some("Internet ethics, Human rights"),
        ),
        // The introductory session: the keynote and "the facilitaors for the 6 subthemes".
        (2, "Tobias Feakin", Keynote, None),
        (2, "Ana Laura Martínez", Facilitator, Some("Safety")),
        (2, "Alexander Isavnin", Facilitator, Some("Security")),
        (
            2,
            "Kaveh Ranjbar",
            Facilitator,
            Some("Stability & resilience"),
        ),
        (
            2,
            "Peter Koch",
            Facilitator,
            Some("Technology, Industry and Trade"),
        ),
        (2, "Amrita Choudhury", Facilitator, Some("Internet ethics")),
        (
            2,
            "Charlotte Altenhöner-Dion",
            Facilitator,
            Some("Human rights"),
        ),
    ];
    expected.sort();
    assert_eq!(roles, expected);
    // The person lines are not messages.
    assert!(!e.messages.iter().any(|m| m.text.contains("presented by")));
}

#[test]
fn igf2019_participation_figures() {
    let e = extraction("igf2019-session-reports");
    let exact = |value| {
        Some(Figure {
            value,
            qualifier: Qualifier::Exact,
        })
    };
    let over = |value| {
        Some(Figure {
            value,
            qualifier: Qualifier::MoreThan,
        })
    };
    // (session, onsite, remote, total, women, men, women %, original text start)
    let expected = [
        (
            1,
            None,
            exact(2),
            exact(25),
            exact(6),
            None,
            None,
            "25 people, including 6 women.",
        ),
        (
            2,
            None,
            exact(5),
            exact(30),
            exact(10),
            None,
            None,
            "30 people, including 10 women.",
        ),
        (
            5,
            None,
            None,
            None,
            exact(50),
            exact(50),
            None,
            "onsite: 50 women / 50 men",
        ),
        (
            6,
            None,
            None,
            over(450),
            over(250),
            None,
            None,
            "Online and onsite participants: over 450",
        ),
        (
            8,
            Some(Figure {
                value: 100,
                qualifier: Qualifier::AtLeast,
            }),
            exact(300),
            None,
            None,
            None,
            exact(40),
            "Onsite participants: 100 and +",
        ),
        (
            9,
            exact(170),
            exact(15),
            None,
            None,
            None,
            None,
            "170 present participants and 15 remote participants",
        ),
    ];
    assert_eq!(e.participation.len(), expected.len());
    for (p, (session, onsite, remote, total, women, men, percent, text)) in
        e.participation.iter().zip(expected)
    {
        assert_eq!(p.session, e.sessions[session].id);
        assert_eq!(
            (p.onsite, p.remote, p.total, p.women, p.men, p.women_percent),
            (onsite, remote, total, women, men, percent),
            "{text}"
        );
        assert!(p.text.starts_with(text), "{}", p.text);
    }
    assert!(
        e.participation[2].text.ends_with("online: not known yet"),
        "the original sentence is kept whole"
    );
}

#[test]
fn narrative_statements_and_meeting_facts() {
    let wsis = extraction("igf2018-wsis-report-input");
    let facts: Vec<(&str, &str, Option<&str>, u32)> = wsis
        .facts
        .iter()
        .map(|f| {
            (
                f.kind.label(),
                f.value.as_str(),
                f.qualifier_note.as_deref(),
                f.span.start_line,
            )
        })
        .collect();
    let expected = [
        ("ordinal", "13", None, 10),
        (
            "venue",
            "headquarters of the UN Educational, Scientific and Cultural Organization (UNESCO), Paris, France",
            None,
            10,
        ),
        ("dates", "2018-11-12/2018-11-14", None, 10),
        ("overarching theme", "The Internet of Trust", None, 10),
        ("participants", "3000", None, 12),
        ("countries", "143", None, 12),
        ("sessions", "150", None, 12),
        (
            "WSIS action line",
            "C1",
            Some(
                "The role of public governance authorities and all stakeholders in the promotion of ICTs for development",
            ),
            26,
        ),
        ("WSIS action line", "C4", Some("Capacity building"), 26),
        (
            "WSIS action line",
            "C11",
            Some("International and regional cooperation"),
            26,
        ),
        ("journalists", "80", None, 34),
        // "Since the 10th IGF, the number of NRIs has grown": the 10th IGF
        // is named, a fact about IGF 2015 (checked below).
        ("ordinal", "10", None, 90),
        ("NRI count", "43", Some("at the end of 2015"), 90),
        ("NRI count", "100", Some("current record"), 90),
        (
            "CENB Phase IV goal",
            "7",
            Some("Ensure access to affordable, reliable, sustainable and modern energy for all"),
            94,
        ),
        (
            "CENB Phase IV goal",
            "8",
            Some("Decent Work and Economic Growth"),
            94,
        ),
        (
            "CENB Phase IV goal",
            "9",
            Some(
                "Build resilient infrastructure, promote sustainable industrialization and foster innovation",
            ),
            94,
        ),
        (
            "CENB Phase IV goal",
            "17",
            Some("Partnerships for the Goals"),
            94,
        ),
        ("Best Practice Forum", "Internet of Things", None, 104),
        (
            "Best Practice Forum",
            "Big Data and Artificial Intelligence",
            None,
            104,
        ),
        ("Best Practice Forum", "Cybersecurity", None, 104),
        ("Best Practice Forum", "Gender and Access", None, 104),
        ("Best Practice Forum", "Local Content", None, 104),
        ("lightning sessions", "23", None, 112),
    ];
    assert_eq!(facts, expected);
    // "… more than doubled from 43 NRIs at the end of 2015 to a current
    // record of more than 100 recognized NRIs" (line 90): the first figure
    // is of 2015's meeting, the second of 2018's, the year of the report.
    let nri_years: Vec<u16> = wsis
        .facts
        .iter()
        .filter(|f| f.kind.label() == "NRI count")
        .map(|f| f.meeting)
        .collect();
    assert_eq!(nri_years, [2015, 2018]);
    let tenth = wsis
        .facts
        .iter()
        .find(|f| f.kind == FactKind::Ordinal && f.value == "10")
        .unwrap();
    assert_eq!(tenth.meeting, 2015);
    let qualifiers: Vec<Option<Qualifier>> = wsis
        .facts
        .iter()
        .filter_map(|f| f.figure)
        .map(|f| Some(f.qualifier))
        .collect();
    // 13th, more than 3000, 143, over 150, more than eighty, 10th, 43, more than 100, 23
    use Qualifier::*;
    assert_eq!(
        qualifiers,
        [
            Some(Exact),
            Some(MoreThan),
            Some(Exact),
            Some(MoreThan),
            Some(MoreThan),
            Some(Exact),
            Some(Exact),
            Some(MoreThan),
            Some(Exact)
        ]
    );
    let headings: Vec<&str> = wsis
        .statements
        .iter()
        .filter(|s| s.heading)
        .map(|s| s.text.as_str())
        .collect();
    assert!(headings.contains(&"I. Executive Summary"));
    assert!(headings.contains(&"II. Analytical Overview"));
    assert!(headings.contains(&"Capacity Building"));
    let lightning = wsis
        .statements
        .iter()
        .find(|s| s.text.contains("23 lightning sessions"))
        .unwrap();
    assert_eq!(
        lightning.section.as_deref(),
        Some(
            "III. Brief Description of Innovative Policies, Programmes and Projects, plus Future Actions with regard to Issues Raised in Part 2"
        )
    );
    assert_eq!(lightning.span.start_line, 112);

    let press = extraction("igf2018-opening-press-release");
    let facts: Vec<(&str, u16, &str, u32)> = press
        .facts
        .iter()
        .map(|f| {
            (
                f.kind.label(),
                f.meeting,
                f.value.as_str(),
                f.span.start_line,
            )
        })
        .collect();
    assert_eq!(
        facts,
        [
            ("ordinal", 2018, "13", 3),
            ("dates", 2018, "2018-11-12/2018-11-14", 11),
            ("participants", 2018, "3000", 11),
            ("countries", 2018, "99", 11),
            // "The 2019 … MAG has also been renewed … 52 members will advise on …
            // the 14th IGF annual meeting to be hosted by the Government of Germany in 2019."
            ("MAG size", 2019, "52", 23),
            // Line 23 names "the 14th IGF annual meeting to be hosted by the
            // Government of Germany in 2019": its ordinal and its host.
            ("ordinal", 2019, "14", 23),
            ("host", 2019, "Government of Germany", 23),
            ("workshops", 2018, "70", 31),
            ("open sessions", 2018, "20", 31),
            ("venue", 2018, "Paris, France", 39),
            ("overarching theme", 2018, "Internet of Trust", 39),
        ]
    );
    // The stray sentence about Jalisco, Mexico is not a venue.
    assert!(!press.facts.iter().any(|f| f.value.contains("Jalisco")));
    assert_eq!(
        press.statements.first().unwrap().text,
        "Leaders call for stronger measures to turn the negative uses of the Internet into opportunities."
    );
}

#[test]
fn disagreeing_sources_keep_every_figure_with_its_source() {
    let rows = select(
        "SELECT ?kind ?value ?qualifier ?doc WHERE {
           ?f a igf:Fact ; igf:about <https://w3id.org/igfkg/id/meeting/2018> ; igf:factKind ?kind ;
              rdf:value ?value ; igf:qualifier ?qualifier ; prov:wasDerivedFrom ?doc .
           VALUES ?kind { igf:Countries igf:Workshops }
         } ORDER BY ?kind ?doc",
    );
    let got: Vec<(String, i64, String, String)> = rows
        .iter()
        .map(|r| {
            let local = |v: &str| {
                r.text(v)
                    .unwrap()
                    .rsplit(['#', '/'])
                    .next()
                    .unwrap()
                    .to_owned()
            };
            (
                local("kind"),
                r.integer("value").unwrap(),
                local("qualifier"),
                local("doc"),
            )
        })
        .collect();
    let s = |a: &str, v: i64, q: &str, d: &str| (a.to_owned(), v, q.to_owned(), d.to_owned());
    assert_eq!(
        got,
        [
            s("Countries", 99, "MoreThan", "igf2018-opening-press-release"),
            s("Countries", 143, "Exact", "igf2018-wsis-report-input"),
            s("Workshops", 70, "MoreThan", "igf2018-opening-press-release"),
            s("Workshops", 71, "Exact", "igf2018-paris-messages"),
        ]
    );
}

#[test]
fn a_message_leads_back_to_its_words_in_the_source() {
    // The 2017 message on encryption is the third bullet, line 10.
    let rows = select(
        "SELECT ?start ?end ?first ?last ?exact ?path WHERE {
           ?m a igf:Message ; igf:year 2017 ; igf:text ?t ; igf:sourceSpan ?s .
           FILTER(STRSTARTS(STR(?t), \"Encryption helps promote public security\"))
           ?s igf:startLine ?first ; igf:endLine ?last ; oa:hasSource/igf:path ?path ;
              oa:hasSelector ?p , ?q .
           ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact
         }",
    );
    assert_eq!(rows.len(), 1);
    let row = rows.iter().next().unwrap();
    assert_eq!(
        (row.integer("first"), row.integer("last")),
        (Some(10), Some(10))
    );
    let path = crate::util::data_dir().join(row.text("path").unwrap());
    let source: Vec<char> = std::fs::read_to_string(path).unwrap().chars().collect();
    let (start, end) = (
        row.integer("start").unwrap() as usize,
        row.integer("end").unwrap() as usize,
    );
    let words: String = source[start..end].iter().collect();
    assert_eq!(words, row.text("exact").unwrap());
    assert!(words.starts_with("Encryption helps promote public security"));
    assert!(words.ends_with("should be reported to the vendors."));
}
