//! Content negotiation: the media type to answer with, from the request's
//! `Accept` header ([RFC 9110 §12.5.1](https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1))
//! or an explicit `format` parameter.

use igfkg_graph::{ExportFormat, OutputFormat};

/// One media range of an `Accept` header, with its weight.
#[derive(Debug, Clone, PartialEq)]
struct Range {
    kind: String,
    subtype: String,
    quality: f32,
}

fn ranges(accept: &str) -> Vec<Range> {
    accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let (kind, subtype) = media.split_once('/')?;
            let mut quality = 1.0;
            for parameter in parts {
                if let Some((name, value)) = parameter.split_once('=')
                    && name.trim().eq_ignore_ascii_case("q")
                {
                    quality = value.trim().parse().unwrap_or(0.0);
                }
            }
            Some(Range {
                kind: kind.trim().to_owned(),
                subtype: subtype.trim().to_owned(),
                quality,
            })
        })
        .collect()
}

/// The best of `offered` media types (in the server's order of preference)
/// for an `Accept` header: the highest weight, the most specific range
/// breaking ties, the server's order after that. `None` when the client
/// accepts none of them; no header accepts everything.
pub(crate) fn choose<'a>(accept: Option<&str>, offered: &[&'a str]) -> Option<&'a str> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offered.first().copied();
    };
    let ranges = ranges(accept);
    let mut best: Option<(f32, u8, usize)> = None;
    for (index, media) in offered.iter().enumerate() {
        let (kind, subtype) = media.split_once('/').unwrap_or((media, ""));
        let matched = ranges
            .iter()
            .filter_map(|r| {
                let specificity = match (r.kind.as_str(), r.subtype.as_str()) {
                    ("*", "*") => 0,
                    (k, "*") if k == kind => 1,
                    (k, s) if k == kind && s == subtype => 2,
                    _ => return None,
                };
                Some((r.quality, specificity))
            })
            // The most specific range that matches decides the weight.
            .max_by_key(|(_, specificity)| *specificity);
        if let Some((quality, specificity)) = matched
            && quality > 0.0
        {
            let better = match best {
                None => true,
                Some((q, s, _)) => quality > q || (quality == q && specificity > s),
            };
            if better {
                best = Some((quality, specificity, index));
            }
        }
    }
    best.map(|(_, _, index)| offered[index])
}

/// The media types of SELECT and ASK results, the first preferred.
pub(crate) const RESULTS: &[&str] = &[
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",
    "application/xml",
];

/// The media types of RDF, the first preferred.
pub(crate) const RDF: &[&str] = &[
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "application/n-quads",
    "application/trig",
];

/// The result format of a media type of [`RESULTS`] or [`RDF`].
pub(crate) fn output_format(media: &str) -> Option<OutputFormat> {
    Some(match media {
        "application/sparql-results+json" | "application/json" => OutputFormat::Json,
        "application/sparql-results+xml" | "application/xml" => OutputFormat::Xml,
        "text/csv" => OutputFormat::Csv,
        "text/tab-separated-values" => OutputFormat::Tsv,
        other => OutputFormat::Rdf(rdf_format(other)?),
    })
}

/// The RDF format of a media type of [`RDF`].
pub(crate) fn rdf_format(media: &str) -> Option<ExportFormat> {
    ExportFormat::ALL
        .into_iter()
        .find(|f| f.media_type() == media)
}

/// The media type a `format` parameter names: a short name (`json`, `xml`,
/// `csv`, `tsv`, `turtle`, `ttl`, `jsonld`, `nt`, `rdfxml` …) or a media type.
pub(crate) fn named(format: &str) -> Option<&'static str> {
    let format = format.trim().to_ascii_lowercase();
    if let Some(media) = RESULTS.iter().chain(RDF).find(|m| **m == format) {
        return Some(media);
    }
    Some(match format.as_str() {
        "json" | "srj" => RESULTS[0],
        "xml" | "srx" => RESULTS[1],
        "csv" => RESULTS[2],
        "tsv" => RESULTS[3],
        other => other.parse::<ExportFormat>().ok()?.media_type(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_most_specific_range_wins() {
        let cases: &[(Option<&str>, Option<&str>)] = &[
            (None, Some("text/turtle")),
            (Some("*/*"), Some("text/turtle")),
            (Some("application/ld+json"), Some("application/ld+json")),
            (
                Some("text/html;q=0.9, application/n-triples"),
                Some("application/n-triples"),
            ),
            (
                Some("application/*;q=0.5, text/turtle;q=0.1"),
                Some("application/ld+json"),
            ),
            (
                Some("text/turtle;q=0, */*;q=0.1"),
                Some("application/ld+json"),
            ),
            (Some("image/png"), None),
        ];
        for (accept, expected) in cases {
            assert_eq!(choose(*accept, RDF), *expected, "{accept:?}");
        }
    }

    #[test]
    fn format_names_and_media_types_agree() {
        assert_eq!(named("json"), Some("application/sparql-results+json"));
        assert_eq!(named("ttl"), Some("text/turtle"));
        assert_eq!(named("text/turtle"), Some("text/turtle"));
        assert_eq!(named("jsonld"), Some("application/ld+json"));
        assert_eq!(named("png"), None);
        for media in RESULTS.iter().chain(RDF) {
            assert!(output_format(media).is_some(), "{media}");
        }
    }
}
