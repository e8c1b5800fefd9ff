//! The RDF formats igfkg exports, by name, extension and media type.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use std::fmt;
use std::str::FromStr;

/// An RDF serialisation that igfkg exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExportFormat {
    /// [Turtle](https://www.w3.org/TR/turtle/): the union of all graphs.
    Turtle,
    /// [N-Triples](https://www.w3.org/TR/n-triples/): the union of all graphs.
    NTriples,
    /// [N-Quads](https://www.w3.org/TR/n-quads/): every named graph.
    NQuads,
    /// [TriG](https://www.w3.org/TR/trig/): every named graph.
    TriG,
    /// [RDF/XML](https://www.w3.org/TR/rdf-syntax-grammar/): the union of all graphs.
    RdfXml,
    /// [JSON-LD](https://www.w3.org/TR/json-ld11/): every named graph.
    JsonLd,
}

impl ExportFormat {
    /// Every format, in a fixed order.
    pub const ALL: [Self; 6] = [
        Self::Turtle,
        Self::NTriples,
        Self::NQuads,
        Self::TriG,
        Self::RdfXml,
        Self::JsonLd,
    ];

    /// The name used on the command line (`turtle`, `ntriples` …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Turtle => "turtle",
            Self::NTriples => "ntriples",
            Self::NQuads => "nquads",
            Self::TriG => "trig",
            Self::RdfXml => "rdfxml",
            Self::JsonLd => "jsonld",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        self.rdf_format().file_extension()
    }

    /// The IANA media type.
    pub fn media_type(self) -> &'static str {
        self.rdf_format().media_type()
    }

    /// Whether the format keeps named graphs (otherwise the export is the
    /// union of all graphs).
    pub fn keeps_graphs(self) -> bool {
        matches!(self, Self::NQuads | Self::TriG | Self::JsonLd)
    }

    /// Oxigraph's format.
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::NQuads => RdfFormat::NQuads,
            Self::TriG => RdfFormat::TriG,
            Self::RdfXml => RdfFormat::RdfXml,
            Self::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }

    /// igfkg's format for one of Oxigraph's (none for N3).
    fn from_rdf_format(format: Option<RdfFormat>) -> Option<Self> {
        Some(match format? {
            RdfFormat::Turtle => Self::Turtle,
            RdfFormat::NTriples => Self::NTriples,
            RdfFormat::NQuads => Self::NQuads,
            RdfFormat::TriG => Self::TriG,
            RdfFormat::RdfXml => Self::RdfXml,
            RdfFormat::JsonLd { .. } => Self::JsonLd,
            _ => return None,
        })
    }

    /// The format of a file, by its extension ([`ExportFormat::from_extension`]).
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        Self::from_extension(path.extension()?.to_str()?)
    }

    /// The format of a file extension (`ttl`, `nt`, `nq`, `trig`, `rdf`, `jsonld`).
    pub fn from_extension(extension: &str) -> Option<Self> {
        let extension = extension.to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|f| f.extension() == extension)
            .or(match extension.as_str() {
                "owl" | "xml" => Some(Self::RdfXml),
                "json" => Some(Self::JsonLd),
                _ => None,
            })
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The format name is not one igfkg exports.
#[derive(Debug, thiserror::Error)]
#[error(
    "unknown RDF format {0:?}; use one of turtle, ntriples, nquads, trig, rdfxml, jsonld (or a media type such as text/turtle)"
)]
pub struct UnknownFormat(pub String);

impl FromStr for ExportFormat {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, UnknownFormat> {
        match name.to_ascii_lowercase().as_str() {
            "turtle" | "ttl" => Ok(Self::Turtle),
            "ntriples" | "n-triples" | "nt" => Ok(Self::NTriples),
            "nquads" | "n-quads" | "nq" => Ok(Self::NQuads),
            "trig" => Ok(Self::TriG),
            "rdfxml" | "rdf/xml" | "rdf" | "xml" => Ok(Self::RdfXml),
            "jsonld" | "json-ld" => Ok(Self::JsonLd),
            // A media type, as Oxigraph's CLI and content negotiation take it.
            _ => Self::from_rdf_format(RdfFormat::from_media_type(name))
                .ok_or_else(|| UnknownFormat(name.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in ExportFormat::ALL {
            assert_eq!(format.name().parse::<ExportFormat>().unwrap(), format);
            assert_eq!(
                ExportFormat::from_extension(format.extension()),
                Some(format)
            );
        }
        assert!("yaml".parse::<ExportFormat>().is_err());
        for format in ExportFormat::ALL {
            assert_eq!(format.media_type().parse::<ExportFormat>().unwrap(), format);
        }
        assert_eq!(
            "text/turtle; charset=utf-8"
                .parse::<ExportFormat>()
                .unwrap(),
            ExportFormat::Turtle
        );
    }
}
