//! The redirections that make igfkg's persistent IRIs resolve.

/// The `.htaccess` of igfkg's folder in the w3id.org repository
/// (<https://github.com/perma-id/w3id.org>): every persistent IRI
/// `https://w3id.org/igfkg/…` answered with a 303 See Other to the same
/// path on `host`, where `igfkg serve` negotiates the representation
/// (clients send their `Accept` header again after a 303).
pub(crate) fn htaccess(host: &str) -> String {
    let host = host.trim_end_matches('/');
    format!(
        "# igfkg: persistent IRIs under https://w3id.org/igfkg/, served by {host}/\n\
# Written by `igfkg release --host`; copy it to igfkg/.htaccess in the w3id.org repository.\n\
Options +FollowSymLinks\n\
RewriteEngine on\n\
\n\
# Nodes of the graph (https://w3id.org/igfkg/id/...), dereferenced by igfkg serve.\n\
RewriteRule ^id/(.*)$ {host}/id/$1 [R=303,NE,L]\n\
\n\
# The ontology and its terms (https://w3id.org/igfkg/ontology#...).\n\
RewriteRule ^ontology/?$ {host}/ontology [R=303,L]\n\
\n\
# Release files (https://w3id.org/igfkg/release/...).\n\
RewriteRule ^release/(.*)$ {host}/release/$1 [R=303,NE,L]\n\
\n\
# The dataset's home page.\n\
RewriteRule ^$ {host}/ [R=303,L]\n"
    )
}
