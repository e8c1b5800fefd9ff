//! Asks a cross-year question from Rust: how the debate on a topic moved
//! from one IGF to the next — its timeline, and the messages of later years
//! that continue earlier ones.
//!
//! Run it from the repository root, with a topic id of
//! `data/reference/topics.toml` (encryption by default):
//!
//! ```sh
//! cargo run --example cross_year -- encryption
//! ```

use igfkg::query::{topic_lineage, topic_timeline};
use igfkg::{DataDir, KnowledgeGraph};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let topic = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "encryption".to_owned());
    let graph = KnowledgeGraph::new()?;
    igfkg::build(&graph, &DataDir::new("data"))?;

    println!("Messages on {topic}, year by year:");
    for year in topic_timeline(&graph, &topic)? {
        let example: String = year.example.chars().take(90).collect();
        println!(
            "  {}: {} message(s), e.g. “{example}…”",
            year.year, year.messages
        );
    }

    println!("\nHow it continues across years:");
    for link in topic_lineage(&graph, &topic)? {
        let later: String = link.later_text.chars().take(70).collect();
        let earlier: String = link.earlier_text.chars().take(70).collect();
        println!(
            "  {} “{later}…”\n    echoes {} “{earlier}…” (similarity {:.2})",
            link.later_year, link.earlier_year, link.score
        );
    }
    Ok(())
}
