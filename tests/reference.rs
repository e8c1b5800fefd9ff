//! Reference data: the annual meetings, the 17 SDGs, the stakeholder groups.

use crate::util::{column, corpus, select};

/// The official short and long titles of the 17 goals (A/RES/70/1).
const GOALS: [(u8, &str, &str); 17] = [
    (1, "No Poverty", "End poverty in all its forms everywhere"),
    (
        2,
        "Zero Hunger",
        "End hunger, achieve food security and improved nutrition and promote sustainable agriculture",
    ),
    (
        3,
        "Good Health and Well-being",
        "Ensure healthy lives and promote well-being for all at all ages",
    ),
    (
        4,
        "Quality Education",
        "Ensure inclusive and equitable quality education and promote lifelong learning opportunities for all",
    ),
    (
        5,
        "Gender Equality",
        "Achieve gender equality and empower all women and girls",
    ),
    (
        6,
        "Clean Water and Sanitation",
        "Ensure availability and sustainable management of water and sanitation for all",
    ),
    (
        7,
        "Affordable and Clean Energy",
        "Ensure access to affordable, reliable, sustainable and modern energy for all",
    ),
    (
        8,
        "Decent Work and Economic Growth",
        "Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all",
    ),
    (
        9,
        "Industry, Innovation and Infrastructure",
        "Build resilient infrastructure, promote inclusive and sustainable industrialization and foster innovation",
    ),
    (
        10,
        "Reduced Inequalities",
        "Reduce inequality within and among countries",
    ),
    (
        11,
        "Sustainable Cities and Communities",
        "Make cities and human settlements inclusive, safe, resilient and sustainable",
    ),
    (
        12,
        "Responsible Consumption and Production",
        "Ensure sustainable consumption and production patterns",
    ),
    (
        13,
        "Climate Action",
        "Take urgent action to combat climate change and its impacts",
    ),
    (
        14,
        "Life Below Water",
        "Conserve and sustainably use the oceans, seas and marine resources for sustainable development",
    ),
    (
        15,
        "Life on Land",
        "Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably manage forests, combat desertification, and halt and reverse land degradation and halt biodiversity loss",
    ),
    (
        16,
        "Peace, Justice and Strong Institutions",
        "Promote peaceful and inclusive societies for sustainable development, provide access to justice for all and build effective, accountable and inclusive institutions at all levels",
    ),
    (
        17,
        "Partnerships for the Goals",
        "Strengthen the means of implementation and revitalize the Global Partnership for Sustainable Development",
    ),
];

#[test]
fn the_17_goals_carry_their_official_titles_and_kos_iris() {
    let rows = select(
        "SELECT ?goal ?notation ?long ?short WHERE {
           ?goal a sdgo:Goal ; skos:notation ?notation ; skos:prefLabel ?long ; skos:altLabel ?short
         } ORDER BY xsd:integer(?notation)",
    );
    assert_eq!(rows.len(), 17);
    for (row, (number, short, long)) in rows.iter().zip(GOALS) {
        assert_eq!(
            row.text("goal").unwrap(),
            format!("http://metadata.un.org/sdg/{number}")
        );
        assert_eq!(row.text("notation").unwrap(), number.to_string());
        assert_eq!(row.text("long").unwrap(), long, "goal {number}");
        assert_eq!(row.text("short").unwrap(), short, "goal {number}");
    }
}

#[test]
fn goal_titles_agree_with_the_wsis_input() {
    // The WSIS input (line 94) quotes goal 7's long title and goal 8's and
    // 17's short titles as the CENB Phase IV goals.
    let wsis = std::fs::read_to_string(
        crate::util::data_dir().join("sources/igf2018-wsis-report-input.md"),
    )
    .unwrap();
    for (number, short, long) in [GOALS[6], GOALS[7], GOALS[16]] {
        let quoted = if number == 7 { long } else { short };
        assert!(
            wsis.contains(&format!("Goal {number}: {quoted}")),
            "goal {number}"
        );
    }
}

#[test]
fn every_annual_meeting_2006_to_2025() {
    let years = column(
        "SELECT ?y WHERE { ?m a igf:Meeting ; igf:year ?y } ORDER BY ?y",
        "y",
    );
    let expected: Vec<String> = (2006..=2025).map(|y: u16| y.to_string()).collect();
    assert_eq!(years, expected);
    let ordinals = column(
        "SELECT ?o WHERE { ?m a igf:Meeting ; igf:ordinal ?o ; igf:year ?y } ORDER BY ?y",
        "o",
    );
    let expected: Vec<String> = (1..=20).map(|o: u16| o.to_string()).collect();
    assert_eq!(ordinals, expected);
}

#[test]
fn meetings_carry_hosts_dates_and_themes() {
    let reference = &corpus().1.reference;
    for (year, ordinal, city, country, start, end, theme) in [
        (
            2006,
            1,
            Some("Athens"),
            Some("Greece"),
            "2006-10-30",
            "2006-11-02",
            "Internet Governance for Development",
        ),
        (
            2016,
            11,
            Some("Guadalajara"),
            Some("Mexico"),
            "2016-12-06",
            "2016-12-09",
            "Enabling Inclusive and Sustainable Growth",
        ),
        (
            2017,
            12,
            Some("Geneva"),
            Some("Switzerland"),
            "2017-12-18",
            "2017-12-21",
            "Shape Your Digital Future!",
        ),
        // The WSIS input: "The 13th IGF was held from 12 to 14 November 2018 … in Paris, France",
        // "Under the overarching theme, 'The Internet of Trust'".
        (
            2018,
            13,
            Some("Paris"),
            Some("France"),
            "2018-11-12",
            "2018-11-14",
            "Internet of Trust",
        ),
        // The press release: "the 14th IGF annual meeting to be hosted by the Government of Germany in 2019".
        (
            2019,
            14,
            Some("Berlin"),
            Some("Germany"),
            "2019-11-25",
            "2019-11-29",
            "One World. One Net. One Vision.",
        ),
        (
            2020,
            15,
            None,
            None,
            "2020-11-02",
            "2020-11-17",
            "Internet for human resilience and solidarity",
        ),
        (
            2025,
            20,
            Some("Lillestrøm"),
            Some("Norway"),
            "2025-06-23",
            "2025-06-27",
            "Building Digital Governance Together",
        ),
    ] {
        let m = reference.meeting(year).unwrap();
        assert_eq!(m.ordinal, ordinal, "{year}");
        assert_eq!(m.city.as_deref(), city, "{year}");
        assert_eq!(m.country.as_deref(), country, "{year}");
        assert_eq!((m.start.as_str(), m.end.as_str()), (start, end), "{year}");
        assert_eq!(m.theme, theme, "{year}");
        assert_eq!(m.online, city.is_none(), "{year}");
    }
    let rows = select(
        "SELECT ?city ?start WHERE { ?m igf:year 2018 ; igf:hostCity ?city ; schema:startDate ?start }",
    );
    assert_eq!(rows.iter().next().unwrap().text("city"), Some("Paris"));
    assert_eq!(
        rows.iter().next().unwrap().text("start"),
        Some("2018-11-12")
    );
}

#[test]
fn stakeholder_groups_form_a_skos_scheme() {
    let labels = column(
        "SELECT ?label WHERE {
           ?g a igf:StakeholderGroup , skos:Concept ; skos:prefLabel ?label ; skos:inScheme ?s .
           ?s a skos:ConceptScheme ; skos:hasTopConcept ?g
         } ORDER BY ?label",
        "label",
    );
    assert_eq!(
        labels,
        [
            "Academia",
            "Civil society",
            "Government",
            "Intergovernmental organisation",
            "Private sector",
            "Technical community",
            "Youth"
        ]
    );
}

#[test]
fn every_reference_file_says_where_its_facts_come_from() {
    let reference = &corpus().1.reference;
    for source in [
        &reference.meetings_source,
        &reference.goals_source,
        &reference.stakeholder_groups_source,
    ] {
        assert!(source.url.starts_with("http"), "{source:?}");
        assert!(!source.publisher.is_empty());
    }
}

#[test]
fn registry_rows_carry_their_years_status_successor_kind_and_wikidata_item() {
    // nris.csv: "australia-igf,auIGF,…,2012,renamed,netthing,…" (auIGF ran
    // 2012-2016 and NetThing renewed it), and "african-igf,…,002,2012,active".
    let rows = select(
        "SELECT ?nri ?established ?status ?successor WHERE {
           VALUES ?nri { <https://w3id.org/igfkg/id/nri/australia-igf> <https://w3id.org/igfkg/id/nri/african-igf> }
           ?nri igf:established ?established ; igf:nriStatus ?status
           OPTIONAL { ?nri dcterms:isReplacedBy ?successor } } ORDER BY ?nri",
    );
    let got: Vec<(String, String, String, Option<String>)> = rows
        .iter()
        .map(|r| {
            (
                r.text("nri")
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned(),
                r.text("established").unwrap().to_owned(),
                r.text("status").unwrap().to_owned(),
                r.text("successor")
                    .map(|s| s.rsplit('/').next().unwrap().to_owned()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("african-igf".into(), "2012".into(), "active".into(), None),
            (
                "australia-igf".into(),
                "2012".into(),
                "renamed".into(),
                Some("netthing".into())
            ),
        ]
    );
    // organizations.csv: "united-nations,United Nations,…,un-body,…,Q1065".
    let un = select(
        "SELECT ?kind ?item WHERE { <https://w3id.org/igfkg/id/organization/united-nations>
           igf:organizationKind ?kind ; owl:sameAs ?item }",
    );
    let row = un.iter().next().unwrap();
    assert_eq!(row.text("kind"), Some("un-body"));
    assert_eq!(
        row.text("item"),
        Some("http://www.wikidata.org/entity/Q1065")
    );
    // topics.toml gives each topic a definition: Internet governance's is
    // the WGIG's of 2005.
    let definition = column(
        "SELECT ?d WHERE { <https://w3id.org/igfkg/id/topic/internet-governance> skos:definition ?d }",
        "d",
    );
    assert_eq!(definition.len(), 1);
    assert!(definition[0].contains("(WGIG, 2005)"), "{definition:?}");
}
