//! What a page shows beyond a node's triples, by the kind of node: a
//! topic's timeline, an SDG's coverage per year, a meeting's facts side by
//! side, a message's links with their evidence and its echoes, a session's
//! messages in document order.

use super::{App, charts, solutions_table};
use igfkg_graph::model::NamedNode;
use igfkg_graph::vocab::{foaf, igf, org, sdgo};
use igfkg_graph::{QueryOutcome, QueryRequest, Solutions};
use minijinja::{Value, context};

/// One section of a page: a title, perhaps a chart, and a table.
struct Panel {
    title: String,
    svg: Option<String>,
    solutions: Solutions,
}

fn select(app: &App, sparql: &str) -> Solutions {
    match app
        .graph()
        .evaluate(&QueryRequest::new(sparql).with_timeout(app.options.timeout))
    {
        Ok(QueryOutcome::Solutions(solutions)) => solutions,
        _ => Solutions::default(),
    }
}

/// A table panel of a query's rows.
fn table(app: &App, title: &str, sparql: String) -> Option<Panel> {
    let solutions = select(app, &sparql);
    (!solutions.is_empty()).then(|| Panel {
        title: title.to_owned(),
        svg: None,
        solutions,
    })
}

/// A chart of `?year ?n` rows, with the rows as its table.
fn per_year(app: &App, title: &str, y_label: &str, sparql: String) -> Option<Panel> {
    let solutions = select(app, &sparql);
    let bars: Vec<(String, u64)> = solutions
        .iter()
        .filter_map(|r| Some((r.text("year")?.to_owned(), r.integer("n")? as u64)))
        .collect();
    (!bars.is_empty()).then(|| Panel {
        title: title.to_owned(),
        svg: charts::bars(title, y_label, &bars),
        solutions,
    })
}

/// The year of a node: its own `igf:year`, or its meeting's.
const YEAR: &str = "OPTIONAL { ?x igf:year ?own } OPTIONAL { ?x igf:meeting/igf:year ?held } BIND(COALESCE(?own, ?held) AS ?year) FILTER(BOUND(?year))";

/// The panels of a node of these classes.
pub(crate) fn panels(app: &App, node: &NamedNode, classes: &[NamedNode]) -> Vec<Value> {
    let is =
        |class: igfkg_graph::model::NamedNodeRef<'_>| classes.iter().any(|c| c.as_ref() == class);
    let n = node.as_str();
    let mut panels = Vec::new();
    if is(igf::Topic) {
        panels.push(per_year(app, "Messages on this topic per year", "messages", format!(
            "SELECT ?year (COUNT(DISTINCT ?x) AS ?n) {{ ?x a igf:Message ; igf:topic <{n}> . {YEAR} }} GROUP BY ?year ORDER BY ?year"
        )));
        panels.push(table(app, "The messages behind each year", format!(
            "SELECT ?year ?message ?text {{ ?message a igf:Message ; igf:topic <{n}> ; igf:year ?year ; igf:text ?text }} ORDER BY ?year ?message LIMIT 300"
        )));
    }
    if is(sdgo::Goal) || is(sdgo::Target) {
        panels.push(per_year(app, "Nodes linked to this goal per year", "nodes", format!(
            "SELECT ?year (COUNT(DISTINCT ?x) AS ?n) {{ ?x igf:sdg ?g . FILTER(?g = <{n}> || EXISTS {{ ?g skos:broader <{n}> }}) {YEAR} }} GROUP BY ?year ORDER BY ?year"
        )));
    }
    if is(igf::Meeting) {
        panels.push(table(app, "Facts, as each source states them", format!(
            "SELECT ?kind ?value ?document ?line {{ ?f a igf:Fact ; igf:about <{n}> ; igf:factKind ?kind ; igf:valueText ?value ; prov:wasDerivedFrom ?document ; igf:sourceSpan/igf:startLine ?line }} ORDER BY ?kind ?document ?line"
        )));
        panels.push(per_year(app, "Messages of this meeting by year", "messages", format!(
            "SELECT ?year (COUNT(DISTINCT ?x) AS ?n) {{ ?x a igf:Message ; igf:meeting <{n}> . {YEAR} }} GROUP BY ?year"
        )));
    }
    if is(igf::Message) {
        panels.push(table(app, "Links, with their evidence", format!(
            "SELECT ?property ?target ?words ?line ?method ?confidence {{ ?l igf:linkSubject <{n}> ; igf:linkProperty ?property ; oa:hasBody ?target ; igf:method ?method ; oa:hasTarget ?t . ?t oa:hasSelector/oa:exact ?words ; igf:startLine ?line OPTIONAL {{ ?l igf:confidence ?confidence }} }} ORDER BY ?property ?target ?line"
        )));
        panels.push(table(app, "Echoes of earlier years", format!(
            "SELECT ?earlier ?year ?score (GROUP_CONCAT(?term; separator=\", \") AS ?shared) {{ ?e a igf:Echo ; igf:later <{n}> ; igf:earlier ?earlier ; igf:score ?score . ?earlier igf:year ?year OPTIONAL {{ ?e igf:sharedTerm ?term }} }} GROUP BY ?earlier ?year ?score ORDER BY DESC(?score)"
        )));
        panels.push(table(app, "Echoed by later years", format!(
            "SELECT ?later ?year ?score (GROUP_CONCAT(?term; separator=\", \") AS ?shared) {{ ?e a igf:Echo ; igf:earlier <{n}> ; igf:later ?later ; igf:score ?score . ?later igf:year ?year OPTIONAL {{ ?e igf:sharedTerm ?term }} }} GROUP BY ?later ?year ?score ORDER BY DESC(?score)"
        )));
    }
    if is(igf::Session) || is(igf::Theme) {
        panels.push(table(app, "Messages, in document order", format!(
            "SELECT ?position ?message ?text {{ ?message a igf:Message ; igf:session|igf:theme <{n}> ; igf:position ?position ; igf:text ?text }} ORDER BY ?position"
        )));
        panels.push(table(app, "Aligned with other years", format!(
            "SELECT ?other ?year ?match ?score {{ ?a a igf:Alignment ; igf:matchType ?match ; igf:score ?score . {{ ?a igf:later <{n}> ; igf:earlier ?other }} UNION {{ ?a igf:earlier <{n}> ; igf:later ?other }} ?other igf:year ?year }} ORDER BY DESC(?score)"
        )));
    }
    if is(igf::NRI) || is(org::Organization) || is(foaf::Person) {
        panels.push(per_year(app, "Nodes that name it, per year", "nodes", format!(
            "SELECT ?year (COUNT(DISTINCT ?x) AS ?n) {{ ?x igf:nri|igf:organization|igf:person|igf:affiliation <{n}> . {YEAR} }} GROUP BY ?year ORDER BY ?year"
        )));
        panels.push(table(app, "Where it is named, with the words", format!(
            "SELECT ?node ?year ?words ?line {{ ?l oa:hasBody <{n}> ; igf:linkSubject ?node ; oa:hasTarget ?t . ?t oa:hasSelector/oa:exact ?words ; igf:startLine ?line OPTIONAL {{ ?node igf:year ?year }} }} ORDER BY ?year ?node ?line LIMIT 300"
        )));
    }
    if is(igf::SourceDocument) {
        panels.push(table(app, "What was read from this document", format!(
            "SELECT ?class (COUNT(DISTINCT ?x) AS ?n) {{ ?x prov:wasDerivedFrom <{n}> ; a ?class }} GROUP BY ?class ORDER BY DESC(?n) ?class"
        )));
    }
    panels
        .into_iter()
        .flatten()
        .map(|panel| render(app, panel))
        .collect()
}

fn render(app: &App, panel: Panel) -> Value {
    let (header, rows) = solutions_table(app, &panel.solutions);
    context! { title => panel.title, svg => panel.svg, header, rows }
}
