//! What each path answers: the SPARQL endpoint, the Graph Store Protocol's
//! read side, dereferenced node IRIs, the catalogue's questions and the
//! pages for people.

use crate::http::{
    answer, body_text, content_type, error, form, header, param, query_params, set_header,
};
use crate::negotiate::{self, RDF, RESULTS};
use crate::{App, pages};
use igfkg_graph::model::{NamedNode, Triple};
use igfkg_graph::{QueryError, QueryOutcome, QueryRequest, write_outcome};
use oxhttp::model::header::{ACCEPT, ALLOW, CONTENT_LOCATION, LINK, RETRY_AFTER};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};

/// The extensions of a node's explicit representations, with their media types.
const REPRESENTATIONS: &[(&str, &str)] = &[
    ("html", "text/html"),
    ("ttl", "text/turtle"),
    ("jsonld", "application/ld+json"),
    ("nt", "application/n-triples"),
    ("rdf", "application/rdf+xml"),
];

pub(crate) fn route(app: &App, request: &mut Request<Body>) -> Response<Body> {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    let read_only = || {
        let mut response = error(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{method} is not allowed on {path}: the graph is read-only; use GET"),
        );
        set_header(&mut response, ALLOW, "GET, HEAD");
        response
    };
    match path.as_str() {
        "/sparql" => sparql(app, request),
        _ if method != Method::GET && method != Method::HEAD => read_only(),
        "/" => app.pages.home(app),
        "/store" => store(app, request),
        "/questions" => app.pages.questions(app),
        "/ontology" => ontology(app, request),
        "/assets/style.css" => answer(StatusCode::OK, "text/css; charset=utf-8", pages::STYLE),
        "/assets/yasgui/yasgui.min.js" => answer(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            pages::YASGUI_JS,
        ),
        "/assets/yasgui/yasgui.min.css" => {
            answer(StatusCode::OK, "text/css; charset=utf-8", pages::YASGUI_CSS)
        }
        "/assets/yasgui/LICENSE" => answer(
            StatusCode::OK,
            "text/plain; charset=utf-8",
            pages::YASGUI_LICENSE,
        ),
        _ if path.starts_with("/questions/") => {
            question(app, request, &path["/questions/".len()..])
        }
        _ if path.starts_with("/id/") => {
            let rest = &path["/id/".len()..];
            node(app, request, rest, app.graph().base().as_str(), "id/")
        }
        _ if path.starts_with("/sdg/") => {
            let rest = &path["/sdg/".len()..];
            node(
                app,
                request,
                rest,
                igfkg_graph::vocab::SDG_NAMESPACE,
                "sdg/",
            )
        }
        _ => error(
            StatusCode::NOT_FOUND,
            format!("nothing at {path}; start from / or query /sparql"),
        ),
    }
}

/// The SPARQL 1.1 Protocol: a query by GET, by POST form or by POST
/// `application/sparql-query`; updates refused with 403; without a query,
/// the service description.
fn sparql(app: &App, request: &mut Request<Body>) -> Response<Body> {
    let mut params = query_params(request);
    let query = match *request.method() {
        Method::GET | Method::HEAD => param(&params, "query").map(str::to_owned),
        Method::POST => {
            let body = match body_text(request, app.options.max_body) {
                Ok(body) => body,
                Err(response) => return *response,
            };
            match content_type(request).as_deref() {
                Some("application/sparql-query") => Some(body),
                Some("application/x-www-form-urlencoded") => {
                    params.extend(form(&body));
                    if param(&params, "update").is_some() {
                        return read_only_update();
                    }
                    param(&params, "query").map(str::to_owned)
                }
                Some("application/sparql-update") => return read_only_update(),
                other => {
                    return error(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        format!(
                            "a POST to /sparql is application/sparql-query or application/x-www-form-urlencoded, not {}",
                            other.unwrap_or("a body without Content-Type")
                        ),
                    );
                }
            }
        }
        ref method => {
            let mut response = error(
                StatusCode::METHOD_NOT_ALLOWED,
                format!("{method} is not allowed on /sparql; use GET or POST"),
            );
            set_header(&mut response, ALLOW, "GET, HEAD, POST");
            return response;
        }
    };
    if param(&params, "update").is_some() {
        return read_only_update();
    }
    let Some(query) = query else {
        // A browser gets the query page; a SPARQL client the service description.
        if negotiate::choose(
            header(request, ACCEPT.as_str()),
            &["text/turtle", "text/html"],
        ) == Some("text/html")
        {
            return app.pages.query(app);
        }
        return service_description(app, request);
    };
    let mut dataset = Vec::new();
    for name in ["default-graph-uri", "named-graph-uri"] {
        let mut graphs = Vec::new();
        for (_, value) in params.iter().filter(|(k, _)| k == name) {
            match NamedNode::new(value.as_str()) {
                Ok(graph) => graphs.push(graph),
                Err(e) => {
                    return error(
                        StatusCode::BAD_REQUEST,
                        format!("{name} {value:?} is not an IRI: {e}"),
                    );
                }
            }
        }
        dataset.push(graphs);
    }
    let mut query_request = QueryRequest::new(query).with_timeout(app.options.timeout);
    query_request.named_graphs = dataset.pop().unwrap_or_default();
    query_request.default_graphs = dataset.pop().unwrap_or_default();
    let format = param(&params, "format").map(str::to_owned);
    let outcome = app.limiter.evaluate(app.graph(), query_request);
    respond(app, request, outcome, format.as_deref(), false)
}

fn read_only_update() -> Response<Body> {
    error(
        StatusCode::FORBIDDEN,
        "SPARQL Update is refused: this endpoint serves a published graph read-only; rebuild it with igfkg build to change it",
    )
}

/// The answer to a query that failed: refused (an update), the client's
/// mistake (400), or not answered in time (503, with `Retry-After` when
/// every place for a query was taken).
fn query_error(e: &QueryError) -> Response<Body> {
    let status = match e {
        QueryError::Update => StatusCode::FORBIDDEN,
        QueryError::Syntax(_)
        | QueryError::UnknownParameter(_)
        | QueryError::TooLarge { .. }
        | QueryError::TooDeep { .. } => StatusCode::BAD_REQUEST,
        QueryError::Timeout(_) | QueryError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let mut response = error(status, e.to_string());
    if matches!(e, QueryError::Busy { .. }) {
        set_header(&mut response, RETRY_AFTER, "5");
    }
    response
}

/// Writes a query's outcome in the negotiated format (HTML too when `html`).
fn respond(
    app: &App,
    request: &Request<Body>,
    outcome: Result<QueryOutcome, QueryError>,
    format: Option<&str>,
    html: bool,
) -> Response<Body> {
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(e) => return query_error(&e),
    };
    let offered: Vec<&str> = match &outcome {
        QueryOutcome::Graph(_) => RDF.to_vec(),
        _ => RESULTS.to_vec(),
    };
    let offered: Vec<&str> = if html {
        offered.iter().copied().chain(["text/html"]).collect()
    } else {
        offered
    };
    let media = match format {
        Some(name) => match negotiate::named(name).filter(|m| offered.contains(m)) {
            Some(media) => media,
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    format!(
                        "format {name:?} does not fit this result; use one of {}",
                        offered.join(", ")
                    ),
                );
            }
        },
        None => match negotiate::choose(header(request, ACCEPT.as_str()), &offered) {
            Some(media) => media,
            None => return not_acceptable(&offered),
        },
    };
    if media == "text/html" {
        return app.pages.results(app, &outcome);
    }
    let Some(output) = negotiate::output_format(media) else {
        return not_acceptable(&offered);
    };
    match write_outcome(&outcome, output, app.graph().base(), Vec::new()) {
        Ok(bytes) => answer(StatusCode::OK, &with_charset(media), bytes),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

fn with_charset(media: &str) -> String {
    if media.starts_with("text/") || media.ends_with("json") || media.ends_with("xml") {
        format!("{media}; charset=utf-8")
    } else {
        media.to_owned()
    }
}

fn not_acceptable(offered: &[&str]) -> Response<Body> {
    error(
        StatusCode::NOT_ACCEPTABLE,
        format!(
            "none of the types in Accept can be given; ask for one of {}",
            offered.join(", ")
        ),
    )
}

/// The [SPARQL 1.1 Service Description](https://www.w3.org/TR/sparql11-service-description/)
/// of the endpoint.
fn service_description(app: &App, request: &Request<Body>) -> Response<Body> {
    let endpoint = format!("{}sparql", app.base_url());
    let graphs = app.graph().evaluate(&QueryRequest::new(
        "SELECT DISTINCT ?g { GRAPH ?g {} } ORDER BY ?g",
    ));
    let mut named = String::new();
    if let Ok(QueryOutcome::Solutions(solutions)) = graphs {
        for row in solutions.iter() {
            if let Some(g) = row.text("g") {
                named.push_str(&format!(
                    "        sd:namedGraph [ a sd:NamedGraph ; sd:name <{g}> ] ;\n"
                ));
            }
        }
    }
    let formats = [
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "N-Quads",
        "TriG",
        "RDF_XML",
        "JSON-LD",
    ]
    .map(|f| format!("<http://www.w3.org/ns/formats/{f}>"))
    .join(", ");
    let turtle = format!(
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\n\
<{endpoint}> a sd:Service ;\n    sd:endpoint <{endpoint}> ;\n    sd:supportedLanguage sd:SPARQL11Query ;\n    \
sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;\n    sd:resultFormat {formats} ;\n    \
sd:defaultDataset [\n        a sd:Dataset ;\n        sd:defaultGraph [ a sd:Graph ] ;\n{named}    ] .\n"
    );
    let offered = ["text/turtle"];
    match negotiate::choose(header(request, ACCEPT.as_str()), &offered) {
        Some(media) => answer(StatusCode::OK, &with_charset(media), turtle),
        None => not_acceptable(&offered),
    }
}

/// The [Graph Store Protocol](https://www.w3.org/TR/sparql11-http-rdf-update/)'s
/// read side: `GET /store?graph=IRI` and `GET /store?default`.
fn store(app: &App, request: &Request<Body>) -> Response<Body> {
    let params = query_params(request);
    let query = match (
        param(&params, "graph"),
        params.iter().any(|(k, _)| k == "default"),
    ) {
        (Some(graph), false) => match NamedNode::new(graph) {
            Ok(graph) => {
                format!("CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
            }
            Err(e) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    format!("graph {graph:?} is not an IRI: {e}"),
                );
            }
        },
        (None, true) => "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }".to_owned(),
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "give either ?graph=IRI or ?default (the default graph is the union of the named graphs)",
            );
        }
    };
    let outcome = app.limiter.evaluate(
        app.graph(),
        QueryRequest::new(query).with_timeout(app.options.timeout),
    );
    if let Ok(QueryOutcome::Graph(triples)) = &outcome
        && triples.is_empty()
        && param(&params, "graph").is_some()
    {
        return error(StatusCode::NOT_FOUND, "no such graph in this store");
    }
    respond(app, request, outcome, param(&params, "format"), false)
}

/// A catalogue question, its parameters from the query string.
fn question(app: &App, request: &Request<Body>, name: &str) -> Response<Body> {
    let Ok(question) = igfkg_query::question(name) else {
        return error(
            StatusCode::NOT_FOUND,
            format!("no question named {name:?}; /questions lists them"),
        );
    };
    let params = query_params(request);
    let values: Vec<(&str, &str)> = params
        .iter()
        .filter(|(k, _)| k != "format")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    if values.is_empty() && !question.params.is_empty() {
        return app.pages.question_form(app, question);
    }
    let bindings = match question.resolve(app.graph(), &values) {
        Ok(bindings) => bindings,
        Err(e) => return error(StatusCode::BAD_REQUEST, e.to_string()),
    };
    let mut query_request = QueryRequest::new(question.sparql).with_timeout(app.options.timeout);
    query_request.bindings = bindings;
    let outcome = app.limiter.evaluate(app.graph(), query_request);
    // A browser asks for HTML by name; a SPARQL client for a result type.
    let wants_html = param(&params, "format").is_none()
        && negotiate::choose(
            header(request, ACCEPT.as_str()),
            &["text/html", RESULTS[0], RDF[0]],
        ) == Some("text/html")
        && header(request, ACCEPT.as_str()).is_some_and(|a| a.contains("text/html"));
    if wants_html {
        return match outcome {
            Ok(outcome) => app.pages.question_results(app, question, &values, &outcome),
            Err(e) => query_error(&e),
        };
    }
    respond(app, request, outcome, param(&params, "format"), false)
}

/// A node IRI (`namespace` + `rest`), dereferenced at `{base_url}{path}{rest}`:
/// HTML or RDF by `Accept`, or by an explicit extension. Data nodes live
/// under `/id/`, the UN SDG KOS goals igfkg links to under `/sdg/`.
fn node(
    app: &App,
    request: &Request<Body>,
    rest: &str,
    namespace: &str,
    path: &str,
) -> Response<Body> {
    let (local, forced) = match rest.rsplit_once('.') {
        Some((local, ext)) => match REPRESENTATIONS.iter().find(|(e, _)| *e == ext) {
            Some((_, media)) => (local, Some(*media)),
            None => (rest, None),
        },
        None => (rest, None),
    };
    let Ok(iri) = NamedNode::new(format!("{namespace}{local}")) else {
        return error(StatusCode::NOT_FOUND, format!("/{path}{rest} names no IRI"));
    };
    let params = query_params(request);
    let page: usize = param(&params, "page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
        .max(1);
    let size = app.options.incoming_page;
    let description = match app
        .graph()
        .describe_node(iri.as_ref(), (page - 1) * size, size)
    {
        Ok(description) => description,
        Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    if description.is_empty() {
        return error(
            StatusCode::NOT_FOUND,
            format!("the graph says nothing of <{iri}>"),
        );
    }
    let offered = [
        "text/turtle",
        "text/html",
        "application/ld+json",
        "application/n-triples",
        "application/rdf+xml",
    ];
    let media = match forced {
        Some(media) => media,
        None => match negotiate::choose(header(request, ACCEPT.as_str()), &offered) {
            Some(media) => media,
            None => return not_acceptable(&offered),
        },
    };
    let local_url = format!("{}{path}{local}", app.base_url());
    let mut response = if media == "text/html" {
        app.pages.node(app, &iri, &description, page)
    } else {
        let triples: Vec<Triple> = description.all().cloned().collect();
        let Some(output) = negotiate::output_format(media) else {
            return not_acceptable(&offered);
        };
        match write_outcome(
            &QueryOutcome::Graph(triples),
            output,
            app.graph().base(),
            Vec::new(),
        ) {
            Ok(bytes) => answer(StatusCode::OK, &with_charset(media), bytes),
            Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        }
    };
    let mut links: Vec<String> = REPRESENTATIONS
        .iter()
        .map(|(ext, media)| format!("<{local_url}.{ext}>; rel=\"alternate\"; type=\"{media}\""))
        .collect();
    if page * size < description.incoming_total {
        links.push(format!("<{local_url}?page={}>; rel=\"next\"", page + 1));
    }
    set_header(&mut response, LINK, &links.join(", "));
    if forced.is_none()
        && let Some((ext, _)) = REPRESENTATIONS.iter().find(|(_, m)| *m == media)
    {
        set_header(
            &mut response,
            CONTENT_LOCATION,
            &format!("{local_url}.{ext}"),
        );
    }
    response
}

/// The ontology, for its terms' IRIs.
fn ontology(app: &App, request: &Request<Body>) -> Response<Body> {
    let offered = ["text/turtle", "text/html"];
    match negotiate::choose(header(request, ACCEPT.as_str()), &offered) {
        Some("text/html") => app.pages.ontology(app),
        Some(media) => answer(StatusCode::OK, &with_charset(media), pages::ONTOLOGY),
        None => not_acceptable(&offered),
    }
}
