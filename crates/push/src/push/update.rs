//! The SPARQL Update path: a graph replaced by `DROP SILENT GRAPH` and chunked `INSERT DATA` requests.

use super::*;

impl Pusher {
    /// Replaces a graph by SPARQL Update: drops it, then inserts its triples
    /// a chunk at a time. Each request can be repeated safely (dropping is
    /// silent, inserting a triple twice keeps one), so retries and re-runs
    /// leave no triple doubled.
    pub(super) fn update_graph(
        &self,
        client: &Client,
        graph: &GraphPush,
        progress: &mut dyn FnMut(Event<'_>),
    ) -> Result<(), PushError> {
        let url = self.update_endpoint()?;
        let name = graph.target.as_str();
        let drop = format!("DROP SILENT GRAPH <{name}>");
        // The drop's bytes are not graph data: they are not reported.
        client.send(
            "POST",
            url,
            None,
            &Body::Text {
                text: &drop,
                content_type: "application/sparql-update",
            },
            &mut |_| {},
        )?;
        let file = std::fs::File::open(&graph.path).map_err(|source| PushError::Io {
            path: graph.path.clone(),
            source,
        })?;
        let head = format!("INSERT DATA {{ GRAPH <{name}> {{\n");
        let mut chunk = head.clone();
        let mut in_chunk = 0;
        let mut lines = std::io::BufReader::new(file).lines();
        loop {
            let line = lines.next().transpose().map_err(|source| PushError::Io {
                path: graph.path.clone(),
                source,
            })?;
            if let Some(line) = &line {
                // An N-Triples line is a SPARQL triple pattern as it is.
                chunk.push_str(line);
                chunk.push('\n');
                in_chunk += 1;
            }
            if in_chunk > 0 && (in_chunk == self.chunk_triples || line.is_none()) {
                chunk.push_str("} }\n");
                let data = (chunk.len() - head.len() - 4) as u64;
                client.send(
                    "POST",
                    url,
                    None,
                    &Body::Text {
                        text: &chunk,
                        content_type: "application/sparql-update",
                    },
                    // Progress counts the triples' bytes, as for a PUT.
                    &mut |p| {
                        progress(match p {
                            Event::Sent(_) => Event::Sent(data),
                            Event::Retry {
                                url,
                                attempt,
                                delay,
                                reason,
                                ..
                            } => Event::Retry {
                                url,
                                attempt,
                                delay,
                                reason,
                                unsent: data,
                            },
                            other => other,
                        })
                    },
                )?;
                chunk.truncate(head.len());
                in_chunk = 0;
            }
            if line.is_none() {
                return Ok(());
            }
        }
    }
}
