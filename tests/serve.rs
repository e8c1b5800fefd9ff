//! `igfkg serve`'s HTTP interface, against the bundled corpus: the SPARQL
//! 1.1 Protocol, the Graph Store Protocol's read side, dereferenced IRIs and
//! the catalogue's questions, over a real socket on loopback.

use crate::net::{free_addr, url_encode};
use crate::util::corpus;
use igfkg::serve::{App, ServeOptions};
use std::sync::OnceLock;
use std::time::Duration;

fn start(options: ServeOptions) -> String {
    let bind = free_addr();
    let app = App::new(corpus().0.clone(), ServeOptions { bind, ..options }).unwrap();
    let url = app.base_url().to_owned();
    let server = app.spawn().unwrap();
    // The server runs until the test binary exits.
    std::mem::forget(server);
    url
}

/// The server of these tests, started once.
fn server() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| start(ServeOptions::default()))
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn read(mut response: ureq::http::Response<ureq::Body>) -> Answer {
    Answer {
        status: response.status().as_u16(),
        headers: response
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
            .collect(),
        body: response.body_mut().read_to_string().unwrap_or_default(),
    }
}

fn get(path: &str, accept: &str) -> Answer {
    read(
        agent()
            .get(format!("{}{}", server(), path.trim_start_matches('/')))
            .header("Accept", accept)
            .call()
            .unwrap(),
    )
}

fn sparql_get(query: &str, accept: &str) -> Answer {
    let encoded: String = url_encode(query);
    get(&format!("sparql?query={encoded}"), accept)
}

fn json(answer: &Answer) -> serde_json::Value {
    serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("{e}: {}", answer.body))
}

/// The single integer a `SELECT (COUNT(…) AS ?n)` answers, in SPARQL JSON.
fn count(answer: &Answer) -> i64 {
    assert_eq!(answer.status, 200, "{}", answer.body);
    json(answer)["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

const JSON: &str = "application/sparql-results+json";

#[test]
fn queries_by_get_post_form_and_post_body_agree() {
    // 48 messages in the 2017 Messages, 52 in the Paris Messages and 137 in
    // the 2019 reports, once its roster of NRIs, placeholders and pointers
    // to recordings are no longer messages (tests/corpus.rs reads each
    // document).
    let query = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a igf:Message }";
    assert_eq!(count(&sparql_get(query, JSON)), 48 + 52 + 137);
    let form = read(
        agent()
            .post(format!("{}sparql", server()))
            .header("Accept", JSON)
            .content_type("application/x-www-form-urlencoded")
            .send(format!("query={}", url_encode(query)))
            .unwrap(),
    );
    assert_eq!(count(&form), 237);
    let direct = read(
        agent()
            .post(format!("{}sparql", server()))
            .header("Accept", JSON)
            .content_type("application/sparql-query")
            .send(query)
            .unwrap(),
    );
    assert_eq!(count(&direct), 237);
    assert_eq!(
        direct.header("content-type"),
        Some("application/sparql-results+json; charset=utf-8")
    );
    assert_eq!(direct.header("vary"), Some("Accept"));
}

#[test]
fn from_and_the_dataset_parameters_choose_the_default_graph() {
    let graph = "https://w3id.org/igfkg/id/graph/igf2017-messages";
    let from = format!("SELECT (COUNT(?m) AS ?n) FROM <{graph}> WHERE {{ ?m a igf:Message }}");
    assert_eq!(count(&sparql_get(&from, JSON)), 48);
    let query = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a igf:Message }";
    let answer = get(
        &format!(
            "sparql?query={}&default-graph-uri={}",
            url_encode(query),
            url_encode(graph)
        ),
        JSON,
    );
    assert_eq!(count(&answer), 48);
    let named = format!(
        "SELECT (COUNT(?m) AS ?n) FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?m a igf:Message }} }}"
    );
    assert_eq!(count(&sparql_get(&named, JSON)), 48);
}

#[test]
fn every_result_format_is_given_by_accept_or_format() {
    let ask = "ASK { <https://w3id.org/igfkg/id/meeting/2018> igf:year 2018 }";
    let answer = sparql_get(ask, JSON);
    assert_eq!(json(&answer)["boolean"], true);
    let xml = sparql_get(ask, "application/sparql-results+xml");
    assert!(xml.body.contains("<boolean>true</boolean>"), "{}", xml.body);
    let select = "SELECT ?year WHERE { <https://w3id.org/igfkg/id/meeting/2018> igf:year ?year }";
    assert_eq!(sparql_get(select, "text/csv").body, "year\r\n2018\r\n");
    assert_eq!(
        sparql_get(select, "text/tab-separated-values").body,
        "?year\n2018\n"
    );
    let by_name = get(
        &format!("sparql?query={}&format=csv", url_encode(select)),
        JSON,
    );
    assert_eq!(by_name.body, "year\r\n2018\r\n");
    let construct =
        "CONSTRUCT { ?m igf:year ?y } WHERE { ?m a igf:Meeting ; igf:year ?y FILTER(?y = 2018) }";
    let turtle = sparql_get(construct, "text/turtle");
    assert_eq!(
        turtle.header("content-type"),
        Some("text/turtle; charset=utf-8")
    );
    assert!(turtle.body.contains("2018"), "{}", turtle.body);
    let nt = sparql_get(construct, "application/n-triples");
    assert_eq!(
        nt.body.trim(),
        "<https://w3id.org/igfkg/id/meeting/2018> <https://w3id.org/igfkg/ontology#year> \"2018\"^^<http://www.w3.org/2001/XMLSchema#integer> ."
    );
    assert_eq!(sparql_get(select, "image/png").status, 406);
    assert_eq!(sparql_get("SELEKT * {}", JSON).status, 400);
}

#[test]
fn updates_are_refused_with_a_clear_answer() {
    let update = "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }";
    for answer in [
        read(
            agent()
                .post(format!("{}sparql", server()))
                .content_type("application/sparql-update")
                .send(update)
                .unwrap(),
        ),
        read(
            agent()
                .post(format!("{}sparql", server()))
                .content_type("application/x-www-form-urlencoded")
                .send(format!("update={}", url_encode(update)))
                .unwrap(),
        ),
        read(
            agent()
                .post(format!("{}sparql", server()))
                .content_type("application/sparql-query")
                .send(update)
                .unwrap(),
        ),
    ] {
        assert_eq!(answer.status, 403, "{}", answer.body);
        assert!(answer.body.contains("read-only"), "{}", answer.body);
    }
    let ask = "ASK { <http://example.org/a> ?p ?o }";
    assert_eq!(json(&sparql_get(ask, JSON))["boolean"], false);
}

#[test]
fn a_query_past_its_deadline_is_stopped() {
    let url = start(ServeOptions {
        timeout: Duration::from_millis(200),
        ..ServeOptions::default()
    });
    // Every pair of triples of the corpus (billions of rows), each tested
    // with a lookup: Oxigraph checks the deadline as it reads the store, so
    // the query reads it all the time (a plain cross product of two
    // patterns read once runs on from memory and cannot be stopped).
    let query =
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . FILTER NOT EXISTS { ?a ?x ?d } }";
    let started = std::time::Instant::now();
    let answer = read(
        agent()
            .get(format!("{url}sparql?query={}", url_encode(query)))
            .header("Accept", JSON)
            .call()
            .unwrap(),
    );
    assert_eq!(answer.status, 503, "{}", answer.body);
    assert!(answer.body.contains("stopped"), "{}", answer.body);
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn the_service_description_names_the_endpoint_and_its_graphs() {
    let answer = get("sparql", "text/turtle");
    assert_eq!(answer.status, 200);
    assert!(
        answer.body.contains("sd:UnionDefaultGraph"),
        "{}",
        answer.body
    );
    assert!(answer.body.contains(&format!("<{}sparql>", server())));
    // One named graph per document and the reference and relations graphs.
    assert_eq!(answer.body.matches("sd:NamedGraph").count(), 7);
}

#[test]
fn the_graph_store_protocol_reads_one_graph_or_the_union() {
    let graph = "https://w3id.org/igfkg/id/graph/reference";
    let answer = get(
        &format!("store?graph={}", url_encode(graph)),
        "application/n-triples",
    );
    assert_eq!(answer.status, 200);
    // meetings.toml lists the annual meetings from 2006 (Athens) on; the
    // 2018 one is in the reference graph and no document's node is.
    assert!(
        answer
            .body
            .contains("<https://w3id.org/igfkg/id/meeting/2018>")
    );
    assert!(!answer.body.contains("/id/message/"));
    let missing = get(
        &format!(
            "store?graph={}",
            url_encode("https://w3id.org/igfkg/id/graph/nope")
        ),
        "text/turtle",
    );
    assert_eq!(missing.status, 404);
    let put = read(
        agent()
            .put(format!("{}store?default", server()))
            .content_type("application/n-triples")
            .send("")
            .unwrap(),
    );
    assert_eq!(put.status, 405);
    assert_eq!(put.header("allow"), Some("GET, HEAD"));
}

#[test]
fn node_iris_dereference_in_every_format() {
    let turtle = get("id/meeting/2018", "text/turtle");
    assert_eq!(turtle.status, 200);
    assert_eq!(turtle.header("vary"), Some("Accept"));
    let link = turtle.header("link").unwrap();
    for ext in ["html", "ttl", "jsonld", "nt", "rdf"] {
        assert!(
            link.contains(&format!("id/meeting/2018.{ext}>; rel=\"alternate\"")),
            "{link}"
        );
    }
    assert!(turtle.body.contains("Paris"), "{}", turtle.body);
    for (accept, media) in [
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
        ("application/rdf+xml", "application/rdf+xml"),
        (
            "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
            "text/html",
        ),
    ] {
        let answer = get("id/meeting/2018", accept);
        assert_eq!(answer.status, 200, "{accept}");
        assert!(
            answer.header("content-type").unwrap().starts_with(media),
            "{accept}"
        );
    }
    let explicit = get("id/meeting/2018.nt", "text/html");
    assert!(
        explicit
            .header("content-type")
            .unwrap()
            .starts_with("application/n-triples")
    );
    assert!(explicit.body.contains("<https://w3id.org/igfkg/id/meeting/2018> <https://w3id.org/igfkg/ontology#hostCity> \"Paris\"@en ."));
    assert_eq!(get("id/meeting/2018", "image/png").status, 406);
    assert_eq!(get("id/meeting/1999", "text/turtle").status, 404);
}

#[test]
fn a_message_page_quotes_its_source() {
    // The 2017 message that opens "The motivations behind Internet shutdowns
    // vary" (its second message, tests/data/topic-labels.toml).
    let rows = crate::util::select(
        "SELECT ?m ?line WHERE { ?m a igf:Message ; igf:text ?t ; igf:sourceSpan/igf:startLine ?line FILTER(STRSTARTS(?t, \"The motivations behind Internet shutdowns vary\")) }",
    );
    let row = rows.iter().next().unwrap();
    let iri = row.text("m").unwrap();
    let path = iri.strip_prefix("https://w3id.org/igfkg/id/").unwrap();
    let page = get(&format!("id/{path}"), "text/html");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("The motivations behind Internet shutdowns vary")
    );
    assert!(
        page.body
            .contains(&format!("line {}", row.integer("line").unwrap())),
        "{}",
        page.body
    );
    // Its node description holds its helper nodes (the span's selectors).
    let nt = get(&format!("id/{path}.nt"), "*/*");
    assert!(nt.body.contains(&format!("<{iri}-quote>")), "{}", nt.body);
}

#[test]
fn questions_answer_as_the_library_does() {
    let answer = get("questions/topic-timeline?topic=encryption", JSON);
    assert_eq!(answer.status, 200, "{}", answer.body);
    let served = json(&answer)["results"]["bindings"]
        .as_array()
        .unwrap()
        .len();
    let question = igfkg::query::question("topic-timeline").unwrap();
    let local = question
        .run(&corpus().0, &[("topic", "encryption")])
        .unwrap();
    assert_eq!(served, local.solutions().unwrap().len());
    assert!(served > 0);
    let html = get("questions/topic-timeline?topic=encryption", "text/html");
    assert!(
        html.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    assert!(html.body.contains("<table class=\"results\">"));
    let form = get("questions/topic-timeline", "text/html");
    assert!(
        form.body.contains("<select name=\"topic\">"),
        "{}",
        form.body
    );
    assert!(form.body.contains("value=\"encryption\""));
    assert_eq!(get("questions/no-such-question", JSON).status, 404);
    assert_eq!(get("questions/topic-timeline?topic=", JSON).status, 400);
}

#[test]
fn the_home_page_says_what_the_dataset_holds() {
    let mut home = get("", "text/html");
    assert_eq!(home.status, 200);
    // minijinja escapes `/` in attributes as `&#x2f;`, which browsers read as `/`.
    home.body = home.body.replace("&#x2f;", "/");
    assert!(
        home.body.contains("IGF 2018 (13th IGF, Paris)"),
        "{}",
        home.body
    );
    assert!(home.body.contains("href=\"/id/meeting/2018\""));
    assert!(home.body.contains("href=\"/questions\""));
    assert!(
        !home.body.contains("<script src=\"http"),
        "no asset comes from elsewhere"
    );
}

#[test]
fn a_topic_page_charts_its_years_with_the_messages_behind_them() {
    let page = get("id/topic/encryption", "text/html");
    assert_eq!(page.status, 200);
    let body = page.body.replace("&#x2f;", "/");
    // The chart has one bar per year of the catalogue's timeline.
    let timeline = igfkg::query::question("topic-timeline")
        .unwrap()
        .run(&corpus().0, &[("topic", "encryption")])
        .unwrap();
    let years = timeline.solutions().unwrap().len();
    assert!(years >= 2, "encryption is discussed in several years");
    let svg = &body[body.find("<svg").expect("a chart")..body.find("</svg>").unwrap()];
    assert_eq!(svg.matches("fill=\"#12355B\"").count(), years, "{svg}");
    for row in timeline.solutions().unwrap().iter() {
        assert!(svg.contains(&row.integer("year").unwrap().to_string()));
    }
    assert!(body.contains("The messages behind each year"));
    assert!(body.contains("href=\"/id/message/"));
}

#[test]
fn sdg_pages_show_coverage_and_message_pages_their_evidence() {
    // The Paris Messages name SDG9 (README: "SDG9", line 157).
    let goal = get("sdg/9", "text/html");
    assert_eq!(goal.status, 200, "{}", goal.body);
    assert!(goal.body.contains("Nodes linked to this goal per year"));
    assert!(goal.body.contains("<svg"));
    let rows = crate::util::select(
        "SELECT ?m WHERE { ?l igf:linkProperty igf:sdg ; oa:hasBody sdg:9 ; igf:linkSubject ?m . ?m a igf:Message ; igf:year 2018 }",
    );
    let message = rows.iter().next().unwrap().text("m").unwrap().to_owned();
    let path = message.strip_prefix("https://w3id.org/igfkg/id/").unwrap();
    let page = get(&format!("id/{path}"), "text/html");
    assert!(page.body.contains("Links, with their evidence"));
    assert!(page.body.contains("SDG9"), "the matched words are shown");
    let meeting = get("id/meeting/2018", "text/html").body;
    assert!(meeting.contains("Facts, as each source states them"));
    // The WSIS report and the press release state the 2018 figures apart.
    assert!(meeting.contains("Report on the Implementation of the Outcomes of the WSIS"));
    assert!(
        meeting.contains("press release")
            || meeting.contains("Press release")
            || meeting.contains("igf2018-opening-press-release"),
        "{meeting}"
    );
}

/// `oxigraph serve` on the same build (`--union-default-graph`), when
/// `.ci/run` started one: its address.
fn oxigraph() -> Option<String> {
    std::env::var("IGFKG_OXIGRAPH_URL").ok()
}

#[test]
#[ignore = "needs oxigraph serve on the bundled build (IGFKG_OXIGRAPH_URL, started by .ci/run)"]
fn standard_answers_agree_with_oxigraph_serve() {
    let theirs = oxigraph().expect("IGFKG_OXIGRAPH_URL");
    let theirs = theirs.trim_end_matches('/');
    let prefixes: String = igfkg::vocab::PREFIXES
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect();
    let ask = |url: String, accept: &str, body: Option<&str>| -> Answer {
        let request = agent();
        read(match body {
            Some(body) => request
                .post(url)
                .header("Accept", accept)
                .content_type("application/sparql-query")
                .send(body)
                .unwrap(),
            None => request.get(url).header("Accept", accept).call().unwrap(),
        })
    };
    let rows = |answer: &Answer| -> BTreeSetOfStrings {
        json(answer)["results"]["bindings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.to_string())
            .collect()
    };
    for query in [
        "SELECT ?m ?year WHERE { ?m a igf:Meeting ; igf:year ?year }",
        "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        "SELECT ?t ?label WHERE { ?t a igf:Topic ; skos:prefLabel ?label } ORDER BY ?t",
        // Not FROM: `oxigraph serve --union-default-graph` answers a FROM
        // query over the union anyway (237 messages where the 2017 graph
        // has 48), so FROM is checked against the documents in
        // from_and_the_dataset_parameters_choose_the_default_graph instead.
    ] {
        let full = format!("{prefixes}{query}");
        let ours = ask(format!("{}sparql", server()), JSON, Some(&full));
        let oxi = ask(format!("{theirs}/query"), JSON, Some(&full));
        assert_eq!(ours.status, 200, "{query}: {}", ours.body);
        assert_eq!(oxi.status, 200, "{query}: {}", oxi.body);
        assert_eq!(rows(&ours), rows(&oxi), "{query}");
    }
    let ask_query =
        format!("{prefixes}ASK {{ <https://w3id.org/igfkg/id/meeting/2018> igf:year 2018 }}");
    assert_eq!(
        json(&ask(format!("{}sparql", server()), JSON, Some(&ask_query)))["boolean"],
        json(&ask(format!("{theirs}/query"), JSON, Some(&ask_query)))["boolean"]
    );
    // The Graph Store Protocol's read side: the same triples of a graph.
    let graph = url_encode("https://w3id.org/igfkg/id/graph/igf2017-messages");
    let lines = |answer: Answer| -> BTreeSetOfStrings {
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer
            .body
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        lines(ask(
            format!("{}store?graph={graph}", server()),
            "application/n-triples",
            None
        )),
        lines(ask(
            format!("{theirs}/store?graph={graph}"),
            "application/n-triples",
            None
        ))
    );
}

type BTreeSetOfStrings = std::collections::BTreeSet<String>;

#[test]
fn nri_and_document_pages_say_where_they_are_named_and_what_was_read() {
    // The panel titled `title` of the HTML page at `path`, to its table's end.
    let panel = |path: &str, title: &str| {
        let page = get(path, "text/html");
        assert_eq!(page.status, 200, "{}", page.body);
        let at = page
            .body
            .find(title)
            .unwrap_or_else(|| panic!("{title}: {}", page.body));
        let end = page.body[at..]
            .find("</table>")
            .map_or(page.body.len(), |e| at + e);
        page.body[at..end].to_owned()
    };
    // The 2019 NRIs session lists its participants one a line; "2. Vanuatu
    // IGF" is line 299 of the 2019 reports.
    let mentions = panel("id/nri/vanuatu-igf", "Where it is named, with the words");
    assert!(mentions.contains("Vanuatu IGF"), "{mentions}");
    assert!(mentions.contains("299"), "{mentions}");
    // The 2017 Messages: 48 key messages under 8 session headings
    // (tests/corpus.rs reads them).
    let read = panel(
        "id/document/igf2017-messages",
        "What was read from this document",
    );
    let row = |class: &str| {
        let start = read.find(&format!(">{class}<")).unwrap_or(read.len());
        read[start..].split("</tr>").next().unwrap_or("").to_owned()
    };
    assert!(row("igf:KeyMessage").contains(">48<"), "{read}");
    assert!(row("igf:Session").contains(">8<"), "{read}");
}
