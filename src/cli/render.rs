//! Presentation for people: aligned tables, query results as a table, the
//! class-by-year table and the lines that point at a document's warnings.
//!
//! The standard result formats (SPARQL JSON, XML, CSV, TSV, and RDF for
//! graphs) are igfkg-graph's [`igfkg::graph::write_outcome`]; only the
//! readable forms live here, as ripgrep keeps its printer apart from its
//! search.

use igfkg::Stats;
use igfkg::graph::export::canonical_triples;
use igfkg::graph::{IriBase, Prefixes, QueryOutcome};
use igfkg::model::Diagnostic;
use igfkg::rdf::Term;
use std::io::Write;
use std::path::Path;

/// Options of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableOptions {
    /// Cut cells longer than this many characters (with `…`); `None` keeps them whole.
    pub max_cell_width: Option<usize>,
}

/// Writes an aligned table: a header, a rule, and one line per row, cells
/// separated by `│`; control characters become spaces and long cells are cut
/// as `options` says.
pub fn write_table<W: Write + ?Sized>(
    writer: &mut W,
    header: &[String],
    rows: &[Vec<String>],
    options: TableOptions,
) -> std::io::Result<()> {
    let clean = |cell: &str| -> String {
        let flat: String = cell
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        match options.max_cell_width {
            Some(max) if flat.chars().count() > max => {
                let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
                cut.push('…');
                cut
            }
            _ => flat,
        }
    };
    let header: Vec<String> = header.iter().map(|h| clean(h)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |writer: &mut W, cells: &[String]| -> std::io::Result<()> {
        let mut out = String::new();
        for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                out.push_str(" │ ");
            }
            out.push_str(cell);
            if i + 1 < cells.len() {
                out.extend(std::iter::repeat_n(' ', width - cell.chars().count()));
            }
        }
        writeln!(writer, "{}", out.trim_end())
    };
    line(writer, &header)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    writeln!(writer, "{}", rule.join("─┼─"))?;
    for row in &rows {
        line(writer, row)?;
    }
    Ok(())
}

/// Writes a query outcome as a table: solutions with a row count, a
/// boolean as `true` or `false`, triples (in export order) with a count.
pub fn write_outcome_table<W: Write + ?Sized>(
    writer: &mut W,
    outcome: &QueryOutcome,
    base: &IriBase,
    options: TableOptions,
) -> std::io::Result<()> {
    let prefixes = Prefixes::new(base);
    let (header, rows, noun): (Vec<String>, Vec<Vec<String>>, &str) = match outcome {
        QueryOutcome::Solutions(solutions) => (
            solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_owned())
                .collect(),
            solutions
                .rows()
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|t| t.as_ref().map_or(String::new(), |t| readable(t, &prefixes)))
                        .collect()
                })
                .collect(),
            "row",
        ),
        QueryOutcome::Boolean(value) => return writeln!(writer, "{value}"),
        QueryOutcome::Graph(triples) => {
            let quads = canonical_triples(base, triples);
            let rows = quads
                .iter()
                .map(|q| {
                    vec![
                        readable(&q.subject.clone().into(), &prefixes),
                        readable(&q.predicate.clone().into(), &prefixes),
                        readable(&q.object, &prefixes),
                    ]
                })
                .collect();
            (
                ["subject", "predicate", "object"]
                    .map(String::from)
                    .to_vec(),
                rows,
                "triple",
            )
        }
    };
    write_table(writer, &header, &rows, options)?;
    writeln!(
        writer,
        "{} {noun}{}",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}

/// A term as a person reads it: `prefix:local` for known namespaces, the
/// value of a literal without quotes, `<iri>` otherwise.
fn readable(term: &Term, prefixes: &Prefixes) -> String {
    match term {
        Term::NamedNode(n) => prefixes
            .compact(n.as_str())
            .unwrap_or_else(|| format!("<{}>", n.as_str())),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

/// How the class-by-year table shows a year in which a class has no node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoNodes {
    /// As `0`: the build's summary, where every year is one of its documents.
    Zero,
    /// As an empty cell: `igfkg stats`, over every year any class has.
    Blank,
}

/// Writes the nodes of each class (IRIs, shown as `prefix:local`) in all
/// and per year.
pub fn write_class_table<W: Write + ?Sized>(
    writer: &mut W,
    stats: &Stats,
    classes: &[&str],
    years: &[i64],
    no_nodes: NoNodes,
    prefixes: &Prefixes,
) -> std::io::Result<()> {
    let header: Vec<String> = ["class".to_owned(), "total".to_owned()]
        .into_iter()
        .chain(years.iter().map(i64::to_string))
        .collect();
    let rows: Vec<Vec<String>> = classes
        .iter()
        .map(|class| {
            let count = stats.classes.iter().find(|c| c.class == *class);
            let name = prefixes
                .compact(class)
                .unwrap_or_else(|| (*class).to_owned());
            let total = count.map_or(0, |c| c.total);
            let in_year = |year: &i64| match (count.and_then(|c| c.per_year.get(year)), no_nodes) {
                (Some(n), _) => n.to_string(),
                (None, NoNodes::Zero) => "0".to_owned(),
                (None, NoNodes::Blank) => String::new(),
            };
            [name, total.to_string()]
                .into_iter()
                .chain(years.iter().map(in_year))
                .collect()
        })
        .collect();
    write_table(writer, &header, &rows, TableOptions::default())
}

/// Writes one diagnostic as `{lead}{path}:{line}:{column}: {message}`,
/// the form editors and terminals turn into a link to the place.
pub fn write_diagnostic<W: Write + ?Sized>(
    writer: &mut W,
    lead: &str,
    path: &Path,
    diagnostic: &Diagnostic,
) -> std::io::Result<()> {
    writeln!(
        writer,
        "{lead}{}:{}:{}: {}",
        path.display(),
        diagnostic.line,
        diagnostic.column,
        diagnostic.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use igfkg::graph::Solutions;
    use igfkg::rdf::{Literal, NamedNode, Variable};

    fn table(outcome: &QueryOutcome, options: TableOptions) -> String {
        let mut bytes = Vec::new();
        write_outcome_table(&mut bytes, outcome, &IriBase::default(), options).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn table_is_aligned_and_compact() {
        let goal = |n: &str| -> Option<Term> {
            Some(NamedNode::new_unchecked(format!("http://metadata.un.org/sdg/{n}")).into())
        };
        let outcome = QueryOutcome::Solutions(Solutions::new(
            vec![
                Variable::new_unchecked("goal"),
                Variable::new_unchecked("label"),
            ],
            vec![
                vec![
                    goal("9"),
                    Some(Literal::new_simple_literal("Industry").into()),
                ],
                vec![goal("16"), None],
            ],
        ));
        // IRIs as prefix:local, literals without quotes, unbound as empty.
        assert_eq!(
            table(&outcome, TableOptions::default()),
            "goal   │ label\n───────┼─────────\nsdg:9  │ Industry\nsdg:16 │\n2 rows\n"
        );
        assert_eq!(
            table(&QueryOutcome::Boolean(true), TableOptions::default()),
            "true\n"
        );
    }

    #[test]
    fn long_cells_are_cut_when_asked() {
        let outcome = QueryOutcome::Solutions(Solutions::new(
            vec![Variable::new_unchecked("t")],
            vec![vec![Some(
                Literal::new_simple_literal("abcdefghij\nklm").into(),
            )]],
        ));
        let options = TableOptions {
            max_cell_width: Some(5),
        };
        assert_eq!(table(&outcome, options), "t\n─────\nabcd…\n1 row\n");
    }

    #[test]
    fn years_without_nodes_show_as_asked() {
        let stats = Stats {
            triples: 0,
            quads: 0,
            graphs: 0,
            years: vec![2018, 2019],
            classes: vec![igfkg::graph::ClassCount {
                class: "https://w3id.org/igfkg/ontology#Meeting".to_owned(),
                total: 1,
                per_year: [(2018, 1)].into(),
            }],
        };
        let prefixes = Prefixes::new(&IriBase::default());
        let write = |no_nodes| {
            let mut bytes = Vec::new();
            let classes = ["https://w3id.org/igfkg/ontology#Meeting", "urn:x-other"];
            write_class_table(
                &mut bytes,
                &stats,
                &classes,
                &[2018, 2019],
                no_nodes,
                &prefixes,
            )
            .unwrap();
            String::from_utf8(bytes).unwrap()
        };
        assert_eq!(
            write(NoNodes::Zero),
            "class       │ total │ 2018 │ 2019\n────────────┼───────┼──────┼─────\nigf:Meeting │ 1     │ 1    │ 0\nurn:x-other │ 0     │ 0    │ 0\n"
        );
        // An empty last cell leaves its separator, as `igfkg stats` has always printed.
        assert!(
            write(NoNodes::Blank)
                .ends_with("igf:Meeting │ 1     │ 1    │\nurn:x-other │ 0     │      │\n"),
            "{}",
            write(NoNodes::Blank)
        );
    }
}
