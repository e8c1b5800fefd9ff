//! `igfkg stats`: the counts of a built graph.

use super::args::SummaryFormat;
use super::io::GraphSource;
use super::render::{NoNodes, write_class_table};
use igfkg::graph::{Prefixes, Stats};
use std::io::Write;

/// Prints the triples, quads and graphs, then every class per year of the
/// documents, as a table or as JSON.
pub fn run(source: GraphSource, format: SummaryFormat) -> anyhow::Result<()> {
    let graph = source.open()?;
    let stats = graph.stats()?;
    let prefixes = Prefixes::new(graph.base());
    let mut out = std::io::stdout().lock();
    match format {
        SummaryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &to_json(&stats, &prefixes))?;
            writeln!(out)?;
        }
        SummaryFormat::Table => {
            writeln!(
                out,
                "{} triples, {} quads, {} named graphs",
                stats.triples, stats.quads, stats.graphs
            )?;
            writeln!(out)?;
            let classes: Vec<&str> = stats.classes.iter().map(|c| c.class.as_str()).collect();
            write_class_table(
                &mut out,
                &stats,
                &classes,
                &stats.years,
                NoNodes::Blank,
                &prefixes,
            )?;
        }
    }
    Ok(())
}

/// The counts as JSON: each class by IRI and by the name tables print, with
/// its total and its counts in the documents' years.
pub(super) fn to_json(stats: &Stats, prefixes: &Prefixes) -> serde_json::Value {
    let classes: Vec<serde_json::Value> = stats
        .classes
        .iter()
        .map(|c| {
            let per_year: serde_json::Map<String, serde_json::Value> = stats
                .years
                .iter()
                .filter_map(|y| Some((y.to_string(), c.per_year.get(y)?.to_owned().into())))
                .collect();
            serde_json::json!({
                "class": c.class,
                "name": prefixes.compact(&c.class).unwrap_or_else(|| c.class.clone()),
                "total": c.total,
                "perYear": per_year,
            })
        })
        .collect();
    serde_json::json!({
        "triples": stats.triples,
        "quads": stats.quads,
        "graphs": stats.graphs,
        "years": stats.years,
        "classes": classes,
    })
}
