//! Unit tests for pushing: refused URLs, escaped graph names and graph prefixes.

use super::*;

#[test]
fn urls_with_credentials_are_refused_without_quoting_them() {
    let error = Pusher::new(StoreKind::Oxigraph, "http://dba:hunter2@127.0.0.1:7878")
        .unwrap_err()
        .to_string();
    assert!(!error.contains("hunter2"), "{error}");
    assert!(error.contains("127.0.0.1:7878"), "{error}");
    assert!(Pusher::new(StoreKind::Oxigraph, "ftp://h/").is_err());
    assert!(Pusher::new(StoreKind::Oxigraph, "localhost:7878").is_err());
}

#[test]
fn graph_names_are_escaped_in_the_query_string() {
    let pusher = Pusher::new(StoreKind::Oxigraph, "http://h:7878").unwrap();
    let graph = NamedNode::new("https://w3id.org/igfkg/id/graph/igf-2019?x=1&y").unwrap();
    assert_eq!(
        pusher.graph_url(&graph),
        "http://h:7878/store?graph=https%3A%2F%2Fw3id.org%2Figfkg%2Fid%2Fgraph%2Figf-2019%3Fx%3D1%26y"
    );
}

#[test]
fn a_prefix_replaces_the_graph_namespace() {
    let prefix = GraphPrefix {
        from: "https://w3id.org/igfkg/id/graph/".into(),
        to: "http://portal.example/igf/".into(),
    };
    let graph = NamedNode::new("https://w3id.org/igfkg/id/graph/reference").unwrap();
    assert_eq!(
        rename(&graph, &prefix).unwrap().as_str(),
        "http://portal.example/igf/reference"
    );
    let outside = NamedNode::new("http://other.example/g").unwrap();
    assert!(matches!(
        rename(&outside, &prefix),
        Err(PushError::OutsideNamespace { .. })
    ));
}
