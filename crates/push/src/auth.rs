//! Credentials for a store: HTTP Basic, HTTP Digest or a bearer token,
//! read from the environment or a file, and never written anywhere.

use std::fmt;
use std::path::{Path, PathBuf};

/// A password or token. Its `Debug` form hides it, and it has no `Display`,
/// so it cannot end up in a log line or an error message.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl Secret {
    /// A secret from its text.
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The secret held by an environment variable.
    ///
    /// # Errors
    /// [`CredentialError::MissingVariable`] if the variable is unset or
    /// empty, [`CredentialError::NotUnicode`] if it is not UTF-8.
    pub fn from_env(variable: &str) -> Result<Self, CredentialError> {
        match std::env::var(variable) {
            Ok(value) if !value.is_empty() => Ok(Self(value)),
            Ok(_) | Err(std::env::VarError::NotPresent) => Err(CredentialError::MissingVariable {
                variable: variable.to_owned(),
            }),
            Err(std::env::VarError::NotUnicode(_)) => Err(CredentialError::NotUnicode {
                variable: variable.to_owned(),
            }),
        }
    }

    /// The secret in a file: its first line, without the line break (as
    /// `docker secret` and `systemd-creds` files hold one).
    ///
    /// # Errors
    /// [`CredentialError::File`] if the file cannot be read,
    /// [`CredentialError::EmptyFile`] if its first line is empty.
    pub fn from_file(path: &Path) -> Result<Self, CredentialError> {
        let text = std::fs::read_to_string(path).map_err(|source| CredentialError::File {
            path: path.to_owned(),
            source,
        })?;
        let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
        if line.is_empty() {
            return Err(CredentialError::EmptyFile {
                path: path.to_owned(),
            });
        }
        Ok(Self(line.to_owned()))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

/// How `igfkg push` proves who it is to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// [HTTP Basic](https://www.rfc-editor.org/rfc/rfc7617): user and
    /// password in every request (use it over HTTPS).
    Basic {
        /// The user name.
        user: String,
        /// The password.
        password: Secret,
    },
    /// [HTTP Digest](https://www.rfc-editor.org/rfc/rfc7616): the password
    /// never travels; each request answers the store's challenge.
    Digest {
        /// The user name.
        user: String,
        /// The password.
        password: Secret,
    },
    /// A bearer token ([RFC 6750](https://www.rfc-editor.org/rfc/rfc6750)).
    Bearer(Secret),
}

impl Credentials {
    /// The scheme's name, for messages.
    pub fn scheme(&self) -> &'static str {
        match self {
            Self::Basic { .. } => "Basic",
            Self::Digest { .. } => "Digest",
            Self::Bearer(_) => "bearer token",
        }
    }
}

/// Credentials could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// The environment variable is unset or empty.
    #[error(
        "the environment variable {variable} is not set; set it to the store's password or token, or give a file"
    )]
    MissingVariable {
        /// The variable.
        variable: String,
    },
    /// The environment variable is not UTF-8.
    #[error("the environment variable {variable} is not valid UTF-8")]
    NotUnicode {
        /// The variable.
        variable: String,
    },
    /// The file could not be read.
    #[error("{}: cannot read the credentials file: {source}", path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file's first line is empty.
    #[error("{}: the credentials file's first line is empty; write the password or token on it", path.display())]
    EmptyFile {
        /// The file.
        path: PathBuf,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_never_shows_in_debug_output() {
        let credentials = Credentials::Digest {
            user: "dba".into(),
            password: Secret::new("hunter2-swordfish"),
        };
        let shown = format!("{credentials:?} {credentials:#?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("dba"), "{shown}");
    }

    #[test]
    fn a_file_gives_its_first_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token");
        std::fs::write(&path, "s3cr3t-token\r\nignored\n").unwrap();
        assert_eq!(Secret::from_file(&path).unwrap().expose(), "s3cr3t-token");
        std::fs::write(&path, "\nsecond\n").unwrap();
        let error = Secret::from_file(&path).unwrap_err().to_string();
        assert!(error.contains("first line is empty"), "{error}");
        assert!(!error.contains("second"), "{error}");
    }

    #[test]
    fn a_missing_variable_is_named() {
        let error = Secret::from_env("IGFKG_PUSH_TEST_SURELY_UNSET").unwrap_err();
        assert!(error.to_string().contains("IGFKG_PUSH_TEST_SURELY_UNSET"));
    }
}
