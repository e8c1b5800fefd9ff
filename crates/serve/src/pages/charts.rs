//! Charts as SVG, drawn on the server with plotters: readable without
//! JavaScript, and nothing fetched from elsewhere.

use plotters::prelude::*;

/// A bar chart of one value per category (years, goals), in the order given.
///
/// Returns the SVG document, or `None` when there is nothing to draw or
/// plotters fails (a page then shows its table alone).
pub(crate) fn bars(caption: &str, y_label: &str, bars: &[(String, u64)]) -> Option<String> {
    if bars.is_empty() {
        return None;
    }
    let mut svg = String::new();
    let top = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    // Leave headroom above the tallest bar for its value.
    let top = top + top.div_ceil(8);
    let width = (120 + 48 * bars.len() as u32).clamp(360, 960);
    {
        let root = SVGBackend::with_string(&mut svg, (width, 300)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let labels: Vec<&str> = bars.iter().map(|(l, _)| l.as_str()).collect();
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 16))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(48)
            .build_cartesian_2d((0..bars.len()).into_segmented(), 0..top)
            .ok()?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_desc(y_label)
            .x_labels(bars.len())
            .x_label_formatter(&|x| match x {
                SegmentValue::CenterOf(i) => {
                    labels.get(*i).map_or(String::new(), |l| (*l).to_owned())
                }
                _ => String::new(),
            })
            .draw()
            .ok()?;
        let colour = RGBColor(0x12, 0x35, 0x5b);
        chart
            .draw_series(
                Histogram::vertical(&chart)
                    .style(colour.filled())
                    .margin(6)
                    .data(bars.iter().enumerate().map(|(i, (_, v))| (i, *v))),
            )
            .ok()?;
        root.present().ok()?;
    }
    // The chart is one figure of the page: drop the XML prolog plotters may
    // write and give it a title for screen readers.
    let svg = svg.trim_start_matches(|c| c != '<').replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{}\" ", attribute(caption)),
        1,
    );
    Some(svg)
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_per_category_with_its_label() {
        let svg = bars(
            "Messages per year",
            "messages",
            &[("2017".into(), 5), ("2018".into(), 12), ("2019".into(), 7)],
        )
        .unwrap();
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"Messages per year\""));
        for year in ["2017", "2018", "2019"] {
            assert!(
                svg.contains(&format!(">\n{year}\n<")) || svg.contains(year),
                "{year}"
            );
        }
        // One filled rectangle per bar, besides the background.
        assert_eq!(svg.matches("fill=\"#12355B\"").count(), 3, "{svg}");
        assert!(bars("Nothing", "n", &[]).is_none());
    }
}
