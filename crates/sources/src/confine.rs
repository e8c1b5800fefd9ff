//! Manifest paths stay inside the manifest's folder: no absolute path, no
//! `..` that climbs out of it, no symbolic link that leads out, so that a
//! manifest cannot have igfkg read (and publish in the graph) a file the
//! data directory does not hold.

use std::path::{Component, Path, PathBuf};

/// Why a path leaves the manifest's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Escape {
    /// The path is absolute (or has a drive or root).
    Absolute,
    /// A `..` climbs above the folder.
    Parent,
    /// The path exists and resolves, through a symbolic link, to this
    /// place outside the folder.
    Link(PathBuf),
}

/// The path relative to the folder with `.` and `a/..` taken out, or why
/// it leaves the folder, judged on its words alone.
pub(crate) fn normalise(relative: &Path) -> Result<PathBuf, Escape> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in relative.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => return Err(Escape::Absolute),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err(Escape::Parent);
                }
            }
            Component::Normal(part) => parts.push(part),
        }
    }
    Ok(parts.iter().collect())
}

/// Where `relative` resolves under `folder` (symbolic links followed), or
/// why it leaves it. A path that does not exist yet resolves to its
/// normalised form under the folder (a missing file is reported when the
/// document is read).
pub(crate) fn resolve(folder: &Path, relative: &Path) -> Result<PathBuf, Escape> {
    let normalised = normalise(relative)?;
    let (Ok(folder), Ok(file)) = (
        folder.canonicalize(),
        folder.join(&normalised).canonicalize(),
    ) else {
        return Ok(folder.join(normalised));
    };
    if file.starts_with(&folder) {
        Ok(file)
    } else {
        Err(Escape::Link(file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_judged_by_their_words() {
        let ok = |p: &str| normalise(Path::new(p)).unwrap();
        assert_eq!(ok("sources/a.txt"), PathBuf::from("sources/a.txt"));
        assert_eq!(ok("./sources/../a.txt"), PathBuf::from("a.txt"));
        let err = |p: &str| normalise(Path::new(p)).unwrap_err();
        assert_eq!(err("/etc/passwd"), Escape::Absolute);
        assert_eq!(err("../../etc/passwd"), Escape::Parent);
        assert_eq!(err("sources/../../x"), Escape::Parent);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_seen() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "x").unwrap();
        let folder = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), folder.path().join("out")).unwrap();
        std::fs::write(folder.path().join("in.txt"), "x").unwrap();
        assert!(matches!(
            resolve(folder.path(), Path::new("out/secret")),
            Err(Escape::Link(_))
        ));
        assert!(resolve(folder.path(), Path::new("in.txt")).is_ok());
        assert!(resolve(folder.path(), Path::new("missing.txt")).is_ok());
    }
}
