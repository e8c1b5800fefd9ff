//! TOML data files, with errors that point at a line and column.

use crate::error::SourceError;
use crate::text::SourceText;
use serde::de::DeserializeOwned;
use std::path::Path;

/// A TOML file that was read and checked to be text.
#[derive(Debug)]
pub(crate) struct TomlFile {
    pub(crate) text: SourceText,
}

impl TomlFile {
    pub(crate) fn read(path: &Path) -> Result<Self, SourceError> {
        Ok(Self {
            text: SourceText::read(path)?,
        })
    }

    /// Deserialises the whole file.
    pub(crate) fn parse<T: DeserializeOwned>(&self) -> Result<T, SourceError> {
        toml::from_str(self.text.as_str()).map_err(|error| {
            let offset = error.span().map_or(0, |span| span.start);
            let (line, column) = self.text.position(offset);
            SourceError::Toml {
                path: self.text.path().to_owned(),
                line,
                column,
                message: error.message().to_owned(),
            }
        })
    }

    /// An [`SourceError::Invalid`] at a byte offset of the file.
    pub(crate) fn invalid(&self, offset: usize, message: impl Into<String>) -> SourceError {
        let (line, column) = self.text.position(offset);
        SourceError::Invalid {
            path: self.text.path().to_owned(),
            line,
            column,
            message: message.into(),
        }
    }
}
