//! The push itself: the endpoints each request goes to, and the loop that sends every graph by Graph Store Protocol `PUT` (or hands it to the Update path) and then checks the counts.

use super::*;

impl Pusher {
    pub(super) fn graph_url(&self, graph: &NamedNode) -> String {
        let separator = if self.endpoints.graph_store.contains('?') {
            '&'
        } else {
            '?'
        };
        format!(
            "{}{separator}graph={}",
            self.endpoints.graph_store,
            utf8_percent_encode(graph.as_str(), QUERY_VALUE)
        )
    }

    pub(super) fn update_endpoint(&self) -> Result<&str, PushError> {
        self.endpoints
            .update
            .as_deref()
            .ok_or_else(|| PushError::MissingEndpoint {
                store: self.store.to_string(),
                what: "update",
                option: "--update-endpoint",
            })
    }

    pub(super) fn query_endpoint(&self) -> Result<&str, PushError> {
        self.endpoints
            .query
            .as_deref()
            .ok_or_else(|| PushError::MissingEndpoint {
                store: self.store.to_string(),
                what: "query",
                option: "--query-endpoint (or --no-verify)",
            })
    }

    /// Sends every graph, each replacing the graph of its name in the
    /// store, then (unless [`Pusher::with_verify`] said not to) checks
    /// that the store holds as many triples in each as were sent.
    ///
    /// Each graph is replaced whole, so a push that was interrupted and is
    /// run again leaves every graph complete and none doubled.
    ///
    /// # Errors
    /// The first request that fails for good (with its URL and the store's
    /// status), or [`PushError::CountMismatch`] naming the graphs that differ.
    pub fn push(
        &self,
        prepared: &Prepared,
        mut on: impl FnMut(Event<'_>),
    ) -> Result<Summary, PushError> {
        let started = Instant::now();
        // Endpoints the push needs are checked before anything is sent.
        if self.verify {
            self.query_endpoint()?;
        }
        if self.method == Method::Update {
            self.update_endpoint()?;
        }
        let client = Client::new(self.credentials.clone(), self.timeout, self.retry);
        let mut retries = 0;
        let count = prepared.graphs.len();
        for (index, graph) in prepared.graphs.iter().enumerate() {
            on(Event::Graph {
                graph,
                index: index + 1,
                count,
            });
            let mut progress = |event: Event<'_>| {
                if matches!(event, Event::Retry { .. }) {
                    retries += 1;
                }
                on(event);
            };
            match self.method {
                Method::GraphStore => {
                    let url = self.graph_url(&graph.target);
                    client.send(
                        "PUT",
                        &url,
                        None,
                        &Body::File {
                            path: &graph.path,
                            content_type: NTRIPLES,
                        },
                        &mut progress,
                    )?;
                }
                Method::Update => self.update_graph(&client, graph, &mut progress)?,
            }
        }
        if self.verify {
            on(Event::Verify);
            self.verify_counts(&client, prepared)?;
        }
        Ok(Summary {
            graphs: count,
            triples: prepared.triples(),
            bytes: prepared.bytes(),
            retries,
            elapsed: started.elapsed(),
            verified: self.verify,
        })
    }
}
