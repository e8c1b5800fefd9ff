//! The stores `igfkg push` knows: where each puts its Graph Store
//! Protocol, query and update endpoints, and how it authenticates.

use std::fmt;
use std::str::FromStr;

/// A kind of triple store, for its endpoint layout and quirks.
///
/// The endpoint URL given with a preset is the store's root for the data:
/// the server for Oxigraph, Virtuoso and Neptune, the dataset for Fuseki
/// (`http://host:3030/DATASET`), the repository for GraphDB
/// (`http://host:7200/repositories/ID`), the database for Stardog
/// (`http://host:5820/DB`). With [`StoreKind::Generic`] it is the Graph
/// Store Protocol endpoint itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StoreKind {
    /// Oxigraph server: `/store`, `/query`, `/update`.
    Oxigraph,
    /// OpenLink Virtuoso: `/sparql-graph-crud-auth` and `/sparql-auth` behind
    /// HTTP Digest, `/sparql` to query.
    Virtuoso,
    /// Apache Jena Fuseki: `/DATASET/data`, `/DATASET/query`, `/DATASET/update`.
    Fuseki,
    /// Ontotext GraphDB: `/repositories/ID/rdf-graphs/service`, the
    /// repository to query, `/repositories/ID/statements` to update.
    GraphDb,
    /// Stardog: `/DB` (its Graph Store Protocol), `/DB/query`, `/DB/update`.
    Stardog,
    /// Amazon Neptune: `/sparql/gsp/`, and `/sparql` to query and update.
    Neptune,
    /// Any store: the endpoint is the Graph Store Protocol URL, and the query
    /// (and update) endpoints are given apart.
    Generic,
}

impl StoreKind {
    /// Every kind, in the order `--help` lists them.
    pub const ALL: [Self; 7] = [
        Self::Oxigraph,
        Self::Virtuoso,
        Self::Fuseki,
        Self::GraphDb,
        Self::Stardog,
        Self::Neptune,
        Self::Generic,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Oxigraph => "oxigraph",
            Self::Virtuoso => "virtuoso",
            Self::Fuseki => "fuseki",
            Self::GraphDb => "graphdb",
            Self::Stardog => "stardog",
            Self::Neptune => "neptune",
            Self::Generic => "generic",
        }
    }

    /// The endpoints of a store whose data root is `root` (see the type's
    /// documentation for what the root is for each kind).
    pub fn endpoints(self, root: &str) -> Endpoints {
        let root = root.trim_end_matches('/');
        let at = |path: &str| Some(format!("{root}{path}"));
        let (graph_store, query, update) = match self {
            Self::Oxigraph => (at("/store"), at("/query"), at("/update")),
            Self::Virtuoso => (
                at("/sparql-graph-crud-auth"),
                at("/sparql"),
                at("/sparql-auth"),
            ),
            Self::Fuseki => (at("/data"), at("/query"), at("/update")),
            Self::GraphDb => (at("/rdf-graphs/service"), at(""), at("/statements")),
            Self::Stardog => (at(""), at("/query"), at("/update")),
            // Neptune's GSP endpoint is documented with its trailing slash.
            Self::Neptune => (at("/sparql/gsp/"), at("/sparql"), at("/sparql")),
            Self::Generic => (at(""), None, None),
        };
        Endpoints {
            graph_store: graph_store.expect("every kind has a graph store endpoint"),
            query,
            update,
        }
    }

    /// Whether the store's credentials are HTTP Digest by default rather
    /// than Basic: Virtuoso's authenticated endpoints ask for Digest.
    pub fn digest_by_default(self) -> bool {
        self == Self::Virtuoso
    }
}

impl fmt::Display for StoreKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The store name is not one `igfkg push` knows.
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "unknown store {0:?}; use one of oxigraph, virtuoso, fuseki, graphdb, stardog, neptune, generic"
)]
pub struct UnknownStore(pub String);

impl FromStr for StoreKind {
    type Err = UnknownStore;

    fn from_str(s: &str) -> Result<Self, UnknownStore> {
        Self::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownStore(s.to_owned()))
    }
}

/// Where a store takes graphs, answers queries and applies updates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// The [SPARQL 1.1 Graph Store HTTP Protocol](https://www.w3.org/TR/sparql11-http-rdf-update/)
    /// endpoint (indirect graph identification: `?graph=IRI` is added).
    pub graph_store: String,
    /// The [SPARQL 1.1 Protocol](https://www.w3.org/TR/sparql11-protocol/) query endpoint.
    pub query: Option<String>,
    /// The SPARQL 1.1 Update endpoint.
    pub update: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_put_each_endpoint_where_the_store_serves_it() {
        let cases = [
            (
                StoreKind::Oxigraph,
                "http://h:7878",
                "http://h:7878/store",
                "http://h:7878/query",
                "http://h:7878/update",
            ),
            (
                StoreKind::Virtuoso,
                "http://h:8890/",
                "http://h:8890/sparql-graph-crud-auth",
                "http://h:8890/sparql",
                "http://h:8890/sparql-auth",
            ),
            (
                StoreKind::Fuseki,
                "http://h:3030/igf",
                "http://h:3030/igf/data",
                "http://h:3030/igf/query",
                "http://h:3030/igf/update",
            ),
            (
                StoreKind::GraphDb,
                "http://h:7200/repositories/igf",
                "http://h:7200/repositories/igf/rdf-graphs/service",
                "http://h:7200/repositories/igf",
                "http://h:7200/repositories/igf/statements",
            ),
            (
                StoreKind::Stardog,
                "http://h:5820/igf",
                "http://h:5820/igf",
                "http://h:5820/igf/query",
                "http://h:5820/igf/update",
            ),
            (
                StoreKind::Neptune,
                "https://db.neptune.amazonaws.com:8182",
                "https://db.neptune.amazonaws.com:8182/sparql/gsp/",
                "https://db.neptune.amazonaws.com:8182/sparql",
                "https://db.neptune.amazonaws.com:8182/sparql",
            ),
        ];
        for (kind, root, gsp, query, update) in cases {
            let endpoints = kind.endpoints(root);
            assert_eq!(endpoints.graph_store, gsp, "{kind}");
            assert_eq!(endpoints.query.as_deref(), Some(query), "{kind}");
            assert_eq!(endpoints.update.as_deref(), Some(update), "{kind}");
        }
        let generic = StoreKind::Generic.endpoints("http://h/rdf-graph-store");
        assert_eq!(generic.graph_store, "http://h/rdf-graph-store");
        assert_eq!(generic.query, None);
    }

    #[test]
    fn names_round_trip() {
        for kind in StoreKind::ALL {
            assert_eq!(kind.name().parse::<StoreKind>().unwrap(), kind);
        }
        assert_eq!("GraphDB".parse::<StoreKind>().unwrap(), StoreKind::GraphDb);
        assert!("blazegraph".parse::<StoreKind>().is_err());
    }
}
