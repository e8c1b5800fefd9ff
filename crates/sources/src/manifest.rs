//! The corpus manifest, `data/corpus.toml`: one `[[document]]` entry per
//! source document.

use crate::confine::{Escape, resolve};
use crate::error::SourceError;
use crate::text::{Media, SourceText};
use crate::toml_file::TomlFile;
use igfkg_model::{ColumnMapping, SourceDocument};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// A place in a data file, for messages that point at a manifest entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1.
    pub column: u32,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// One entry of the manifest. Whether its file exists is checked when it
/// is loaded, so that a build can report a missing file and go on.
#[derive(Debug, Clone)]
pub struct ManifestEntry {
    /// The document as the manifest describes it (without its checksum,
    /// which [`ManifestEntry::load`] fills in).
    pub document: SourceDocument,
    /// The absolute or data-directory-relative path of the file.
    pub file: PathBuf,
    /// Where the entry's `format` is written, for errors about the format.
    pub format_at: Location,
    /// Where the entry's `path` is written, for errors about the file.
    pub path_at: Location,
    /// Where the entry's `meeting` is written, if it has one, for errors
    /// about the meeting.
    pub meeting_at: Option<Location>,
    /// What the file holds: the entry's `media`, or else what its
    /// extension says (`.html` is a web page).
    pub media: Media,
}

impl ManifestEntry {
    /// Reads the document's text, of at most `max_bytes`, and records its
    /// SHA-256.
    ///
    /// # Errors
    /// A file that does not exist (pointing at the entry's `path`), and the
    /// errors of [`SourceText::read_as`].
    pub fn load(&self, max_bytes: u64) -> Result<(SourceDocument, SourceText), SourceError> {
        if !self.file.exists() {
            return Err(SourceError::Invalid {
                path: self.path_at.path.clone(),
                line: self.path_at.line,
                column: self.path_at.column,
                message: format!(
                    "document {:?}: file {} does not exist; fix `path` or add the file",
                    self.document.id,
                    self.file.display()
                ),
            });
        }
        let text = SourceText::read_as(&self.file, self.media, max_bytes)?;
        let mut document = self.document.clone();
        document.sha256 = text.digest().to_owned();
        Ok((document, text))
    }
}

/// The corpus manifest.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// The manifest file.
    pub path: PathBuf,
    /// Its entries, in the order written.
    pub entries: Vec<ManifestEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    document: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    title: String,
    publisher: String,
    year: u16,
    #[serde(default)]
    meeting: Option<Spanned<u16>>,
    kind: String,
    format: Spanned<String>,
    path: Spanned<String>,
    #[serde(default)]
    url: Option<String>,
    licence: String,
    /// The file's media type (`text/html` for a saved web page).
    #[serde(default)]
    media: Option<Spanned<String>>,
    #[serde(default)]
    columns: Option<ColumnMapping>,
}

impl Manifest {
    /// Reads a manifest. Paths in it are relative to the manifest's folder.
    ///
    /// # Errors
    /// A TOML error, a duplicate id, an id that is not a slug, a path that
    /// leaves the manifest's folder (absolute, `..` above it, a symbolic
    /// link out of it), two entries of one file, or a manifest without
    /// documents; each names the manifest's line and column.
    pub fn read(path: &Path) -> Result<Self, SourceError> {
        let file = TomlFile::read(path)?;
        let raw: RawManifest = file.parse()?;
        if raw.document.is_empty() {
            return Err(file.invalid(
                0,
                "the manifest lists no document; add a [[document]] entry",
            ));
        }
        let base = path.parent().unwrap_or(Path::new("."));
        let mut seen = BTreeMap::new();
        let mut paths = BTreeMap::new();
        let mut entries = Vec::with_capacity(raw.document.len());
        for entry in raw.document {
            let entry = entry.into_inner();
            let id = entry.id.get_ref();
            if igfkg_model::slugify(id) != *id {
                return Err(file.invalid(
                    entry.id.span().start,
                    format!("document id {id:?} must be lower-case letters, digits and dashes"),
                ));
            }
            if let Some(first) = seen.insert(id.clone(), entry.id.span().start) {
                let (line, _) = file.text.position(first);
                return Err(file.invalid(
                    entry.id.span().start,
                    format!("document id {id:?} is already used at line {line}"),
                ));
            }
            let relative = entry.path.get_ref();
            let at = entry.path.span().start;
            // The file where it resolves (symbolic links followed): what
            // two entries may not share.
            let resolved = match resolve(base, Path::new(relative)) {
                Ok(resolved) => resolved,
                Err(escape) => {
                    let folder = base.display();
                    let why = match escape {
                        Escape::Absolute => format!(
                            "is absolute; give it relative to the manifest's folder {folder}"
                        ),
                        Escape::Parent => format!(
                            "climbs out of the manifest's folder {folder} through `..`; keep the documents under it"
                        ),
                        Escape::Link(target) => format!(
                            "resolves to {}, outside the manifest's folder {folder}, through a symbolic link; copy the document under the folder",
                            target.display()
                        ),
                    };
                    return Err(
                        file.invalid(at, format!("document {id:?}: `path` {relative:?} {why}"))
                    );
                }
            };
            let file_path = base.join(relative);
            if let Some((other, first)) = paths.insert(resolved, (id.clone(), at)) {
                let (line, _) = file.text.position(first);
                return Err(file.invalid(
                    at,
                    format!(
                        "document {id:?}: `path` {relative:?} is already the file of document {other:?} at line {line}; give each document its own file"
                    ),
                ));
            }
            let (path_line, path_column) = file.text.position(at);
            let meeting_at = entry.meeting.as_ref().map(|meeting| {
                let (line, column) = file.text.position(meeting.span().start);
                Location {
                    path: path.to_owned(),
                    line,
                    column,
                }
            });
            let media = match &entry.media {
                None => Media::for_path(&file_path),
                Some(media) => Media::from_type(media.get_ref()).ok_or_else(|| {
                    file.invalid(
                        media.span().start,
                        format!(
                            "document {id:?}: media {:?} is not one igfkg reads; use one of {}",
                            media.get_ref(),
                            Media::NAMES.join(", ")
                        ),
                    )
                })?,
            };
            let (line, column) = file.text.position(entry.format.span().start);
            entries.push(ManifestEntry {
                document: SourceDocument {
                    id: id.clone(),
                    title: entry.title,
                    publisher: entry.publisher,
                    year: entry.year,
                    meeting: entry.meeting.map(Spanned::into_inner),
                    kind: entry.kind,
                    format: entry.format.into_inner(),
                    path: relative.replace('\\', "/"),
                    url: entry.url,
                    licence: entry.licence,
                    sha256: String::new(),
                    columns: entry.columns,
                },
                file: file_path,
                path_at: Location {
                    path: path.to_owned(),
                    line: path_line,
                    column: path_column,
                },
                meeting_at,
                format_at: Location {
                    path: path.to_owned(),
                    line,
                    column,
                },
                media,
            });
        }
        Ok(Self {
            path: path.to_owned(),
            entries,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(body: &str) -> (tempfile::TempDir, Result<Manifest, SourceError>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "text").unwrap();
        let path = dir.path().join("corpus.toml");
        std::fs::write(&path, body).unwrap();
        let result = Manifest::read(&path);
        (dir, result)
    }

    const ENTRY: &str = "[[document]]\nid = \"a\"\ntitle = \"A\"\npublisher = \"P\"\nyear = 2017\nmeeting = 2017\nkind = \"messages\"\nformat = \"outline\"\npath = \"a.txt\"\nlicence = \"public\"\n";

    #[test]
    fn reads_entries_relative_to_the_manifest() {
        let (dir, manifest) = manifest(ENTRY);
        let manifest = manifest.unwrap();
        assert_eq!(manifest.entries.len(), 1);
        assert_eq!(manifest.entries[0].file, dir.path().join("a.txt"));
        assert_eq!(manifest.entries[0].format_at.line, 8);
        let (document, _) = manifest.entries[0].load(crate::MAX_SOURCE_BYTES).unwrap();
        // sha256("text")
        assert_eq!(
            document.sha256,
            "982d9e3eb996f559e633f4d194def3761d909f5a3b647d1a851fead67c32c9d1"
        );
    }

    #[test]
    fn missing_file_points_at_its_path() {
        let (_dir, result) = manifest(&ENTRY.replace("a.txt", "missing.txt"));
        let error = result.unwrap().entries[0]
            .load(crate::MAX_SOURCE_BYTES)
            .unwrap_err()
            .to_string();
        assert!(error.contains("corpus.toml:9:8:"), "{error}");
        assert!(error.contains("missing.txt does not exist"), "{error}");
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let (_dir, result) = manifest(&format!("{ENTRY}{ENTRY}"));
        let error = result.unwrap_err().to_string();
        assert!(
            error.contains(":12:6: document id \"a\" is already used at line 2"),
            "{error}"
        );
    }

    #[test]
    fn paths_out_of_the_folder_and_shared_files_are_refused() {
        for (path, expected) in [
            ("/etc/passwd", "`path` \"/etc/passwd\" is absolute"),
            ("../../etc/passwd", "climbs out of the manifest's folder"),
        ] {
            let (_dir, result) = manifest(&ENTRY.replace("a.txt", path));
            let error = result.unwrap_err().to_string();
            assert!(error.contains(":9:8: document \"a\": "), "{error}");
            assert!(error.contains(expected), "{error}");
        }
        let second = ENTRY
            .replace("id = \"a\"", "id = \"b\"")
            .replace("a.txt", "./a.txt");
        let (_dir, result) = manifest(&format!("{ENTRY}{second}"));
        let error = result.unwrap_err().to_string();
        assert!(
            error.contains(
                ":19:8: document \"b\": `path` \"./a.txt\" is already the file of document \"a\" at line 9"
            ),
            "{error}"
        );
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let (_dir, result) = manifest("[[document]]\nid = \"a\ntitle = 1\n");
        let error = result.unwrap_err().to_string();
        assert!(error.contains("corpus.toml:2:"), "{error}");
    }

    #[test]
    fn media_comes_from_the_entry_or_the_extension() {
        let (_dir, html) = manifest(&format!("{ENTRY}media = \"text/html\"\n"));
        assert_eq!(html.unwrap().entries[0].media, Media::Html);
        let (_dir, text) = manifest(ENTRY);
        assert_eq!(text.unwrap().entries[0].media, Media::Text);
        let (_dir, result) = manifest(&format!("{ENTRY}media = \"application/pdf\"\n"));
        let error = result.unwrap_err().to_string();
        assert!(
            error.contains(
                ":11:9: document \"a\": media \"application/pdf\" is not one igfkg reads"
            ),
            "{error}"
        );
    }

    #[test]
    fn the_meeting_is_optional_and_columns_are_read() {
        let body = ENTRY.replace("meeting = 2017\n", "")
            + "[document.columns]\nkind = \"message\"\ntitle = \"Session title\"\nyear = \"Year\"\n";
        let (_dir, manifest) = manifest(&body);
        let document = &manifest.unwrap().entries[0].document;
        assert_eq!(document.meeting, None);
        let columns = document.columns.as_ref().unwrap();
        assert_eq!(columns.kind, igfkg_model::RowKind::Message);
        assert_eq!(
            columns.columns(),
            [("title", "Session title"), ("year", "Year")]
        );
    }

    #[test]
    fn unknown_column_fields_name_their_line() {
        let body = format!("{ENTRY}[document.columns]\ntitle = \"T\"\nspeaker = \"S\"\n");
        let (_dir, result) = manifest(&body);
        let error = result.unwrap_err().to_string();
        assert!(error.contains("corpus.toml:13:"), "{error}");
        assert!(error.contains("unknown field `speaker`"), "{error}");
    }

    #[test]
    fn unknown_fields_are_refused() {
        let (_dir, result) = manifest(&ENTRY.replace("licence", "license"));
        let error = result.unwrap_err().to_string();
        assert!(error.contains("unknown field `license`"), "{error}");
    }
}
