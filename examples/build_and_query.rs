//! Builds the bundled IGF corpus into an in-memory graph and asks it which
//! people took part in the IGF 2019 sessions, in which role, and for which
//! organisation — each answer traced back to its line in the source.
//!
//! Run it from the repository root:
//!
//! ```sh
//! cargo run --example build_and_query
//! ```

use igfkg::{DataDir, KnowledgeGraph, QueryOutcome};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let graph = KnowledgeGraph::new()?;
    let build = igfkg::build(&graph, &DataDir::new("data"))?;
    println!(
        "{} documents, {} quads, {} warnings",
        build.documents.len(),
        build.quads,
        build.warnings()
    );

    let QueryOutcome::Solutions(rows) = graph.query(
        "SELECT ?name ?organisation ?role ?session ?line WHERE {
           ?r a igf:SessionRole ; igf:person ?p ; igf:roleKind ?kind ;
              igf:session/rdfs:label ?session ; igf:sourceSpan/igf:startLine ?line .
           ?p foaf:name ?name ; igf:affiliation/rdfs:label ?organisation
           BIND(STRAFTER(STR(?kind), '#') AS ?role)
         } ORDER BY ?line ?role",
    )?
    else {
        unreachable!("a SELECT query gives solutions")
    };
    for row in rows.iter() {
        println!(
            "line {:>3}: {} ({}), {} — {}",
            row.integer("line").unwrap_or(0),
            row.text("name").unwrap_or(""),
            row.text("organisation").unwrap_or(""),
            row.text("role").unwrap_or(""),
            row.text("session").unwrap_or("")
        );
    }
    Ok(())
}
