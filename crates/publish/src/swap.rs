//! Where a release goes: the checks that it replaces only what igfkg
//! wrote, and the swap that always leaves a complete folder at the path.
//!
//! The swap is `renameat2(RENAME_EXCHANGE)` on Linux (`renameatx_np` with
//! `RENAME_SWAP` on macOS), through rustix: the finished staging folder
//! and the earlier release trade places in one step, so a reader (or a
//! kill) sees the old release or the new one, never no folder. Versioned
//! folders behind a symbolic link would do the same, but they change what
//! the user's path is (a link, not a folder) and need a cleaning policy of
//! their own. Where the exchange is not available (other systems, or a
//! file system that refuses it), the earlier release is renamed aside and
//! the new one renamed in: two renames, with a moment between them when
//! the path is empty, said so here rather than hidden.

use crate::release::ReleaseOptions;
use crate::release_error::ReleaseError;
use igfkg_graph::temp;
use std::path::Path;

/// The file that says a folder is an igfkg release: it holds
/// `igfkg-release VERSION`. A folder without it is never replaced.
pub const MARKER: &str = ".igfkg-release";

/// The marker's text for this version of igfkg.
pub(crate) fn marker_text() -> String {
    format!("igfkg-release {}\n", env!("CARGO_PKG_VERSION"))
}

/// Checks that a release may be written at `dir` with `options`: nothing
/// there, an empty folder, or (with `force`) an earlier release; never a
/// file, a folder of other things, or a folder holding one of the inputs.
/// [`write_release`](crate::write_release) checks this first; a caller may
/// check it sooner, before loading the graph.
///
/// # Errors
/// The [`ReleaseError`] that says what is at `dir`.
pub fn check_release_target(dir: &Path, options: &ReleaseOptions) -> Result<(), ReleaseError> {
    let (force, inputs) = (options.force, &options.inputs);
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => return Err(ReleaseError::io(dir)(source)),
    };
    if !meta.is_dir() {
        return Err(ReleaseError::NotAFolder {
            path: dir.to_owned(),
            kind: if meta.file_type().is_symlink() {
                "a symbolic link"
            } else {
                "a file"
            },
        });
    }
    let real = std::fs::canonicalize(dir).map_err(ReleaseError::io(dir))?;
    for input in inputs {
        if let Ok(input_real) = std::fs::canonicalize(input)
            && input_real.starts_with(&real)
        {
            return Err(ReleaseError::HoldsInput {
                path: dir.to_owned(),
                input: input.clone(),
            });
        }
    }
    let mut entries = std::fs::read_dir(dir).map_err(ReleaseError::io(dir))?;
    if entries.next().is_none() {
        return Ok(());
    }
    if !dir.join(MARKER).is_file() {
        return Err(ReleaseError::NotARelease {
            path: dir.to_owned(),
        });
    }
    if !force {
        return Err(ReleaseError::Exists {
            path: dir.to_owned(),
        });
    }
    Ok(())
}

/// Puts the finished `staged` folder at `dir`, replacing what is there
/// (already checked by [`check_release_target`]); the earlier release is
/// removed.
pub(crate) fn swap_in(staged: &Path, dir: &Path) -> Result<(), ReleaseError> {
    let io = ReleaseError::io;
    if std::fs::symlink_metadata(dir).is_err() {
        return std::fs::rename(staged, dir).map_err(io(dir));
    }
    if exchange(staged, dir).is_ok() {
        // The earlier release is now at the staging path, ours to remove.
        return std::fs::remove_dir_all(staged).map_err(io(staged));
    }
    // The fallback: two renames.
    let aside = staged.with_file_name(format!("{}{}-old", temp::PREFIX, std::process::id()));
    let _registration = temp::register(&aside);
    std::fs::rename(dir, &aside).map_err(io(dir))?;
    if let Err(source) = std::fs::rename(staged, dir) {
        let _ = std::fs::rename(&aside, dir);
        return Err(io(dir)(source));
    }
    std::fs::remove_dir_all(&aside).map_err(io(&aside))
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}
