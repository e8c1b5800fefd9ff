//! The count check: a SPARQL `COUNT` per graph, compared with the triples sent.

use super::*;

impl Pusher {
    /// Asks the store how many triples each graph holds and compares.
    pub(super) fn verify_counts(
        &self,
        client: &Client,
        prepared: &Prepared,
    ) -> Result<(), PushError> {
        let url = self.query_endpoint()?;
        let mut mismatches = Vec::new();
        for graph in &prepared.graphs {
            let found = self.count(client, url, &graph.target)?;
            if found != graph.triples {
                mismatches.push(Mismatch {
                    graph: graph.target.as_str().to_owned(),
                    sent: graph.triples,
                    found,
                });
            }
        }
        if mismatches.is_empty() {
            Ok(())
        } else {
            Err(PushError::CountMismatch {
                url: url.to_owned(),
                graphs: prepared.graphs.len(),
                mismatches,
            })
        }
    }

    /// The triples of a graph in the store, by a SPARQL `COUNT` sent as a
    /// GET (the one query form every store takes).
    pub(super) fn count(
        &self,
        client: &Client,
        url: &str,
        graph: &NamedNode,
    ) -> Result<u64, PushError> {
        let query = format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}",
            graph.as_str()
        );
        let separator = if url.contains('?') { '&' } else { '?' };
        let request = format!(
            "{url}{separator}query={}",
            utf8_percent_encode(&query, QUERY_VALUE)
        );
        let answer = client.send(
            "GET",
            &request,
            Some(SPARQL_JSON),
            &Body::Empty,
            &mut |_| {},
        )?;
        let bad = |reason: String| PushError::BadResults {
            url: url.to_owned(),
            reason,
        };
        let results: serde_json::Value =
            serde_json::from_str(&answer.body).map_err(|e| bad(e.to_string()))?;
        let value = results
            .pointer("/results/bindings/0/n/value")
            .and_then(|v| v.as_str())
            .ok_or_else(|| bad("no binding of ?n in the first solution".to_owned()))?;
        value
            .parse()
            .map_err(|_| bad(format!("the count {value:?} is not a whole number")))
    }
}
