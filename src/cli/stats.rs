//! `igfkg stats`: the counts of a built graph.

use super::io::GraphSource;
use super::render::{NoNodes, write_class_table};
use igfkg::graph::Prefixes;
use std::io::Write;

/// Prints the triples, quads and graphs, then every class per year.
pub fn run(source: GraphSource) -> anyhow::Result<()> {
    let graph = source.open()?;
    let stats = graph.stats()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} triples, {} quads, {} named graphs",
        stats.triples, stats.quads, stats.graphs
    )?;
    writeln!(out)?;
    let mut years: Vec<i64> = stats
        .classes
        .iter()
        .flat_map(|c| c.per_year.keys().copied())
        .collect();
    years.sort_unstable();
    years.dedup();
    let classes: Vec<&str> = stats.classes.iter().map(|c| c.class.as_str()).collect();
    let prefixes = Prefixes::new(graph.base());
    write_class_table(
        &mut out,
        &stats,
        &classes,
        &years,
        NoNodes::Blank,
        &prefixes,
    )?;
    Ok(())
}
