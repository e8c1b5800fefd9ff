//! igfkg's temporary files and folders: one recognisable name, removed on
//! error, on a signal, and by the next run after a kill.
//!
//! Every temporary igfkg makes beside an output is named
//! `.igfkg-tmp-PID-RANDOM` (a file ends in `.tmp`): the process id says
//! whose it is, so a later run can tell the leftovers of a killed process
//! (whose id is no longer running) from those of a run still under way.
//! A temporary is registered while it lives, so that a signal handler can
//! remove it ([`remove_live`]) before the process stops.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The start of every temporary's name.
pub const PREFIX: &str = ".igfkg-tmp-";

/// The temporaries of this process that exist now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves it usable: it is only paths.
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The builder of this process's temporaries: the prefix with its id, and
/// permissions from the umask (as `File::create` gives: 0666 or 0777 less
/// the umask), not tempfile's 0600.
pub fn builder(folder: bool) -> tempfile::Builder<'static, 'static> {
    static OWN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let prefix = OWN.get_or_init(|| format!("{PREFIX}{}-", std::process::id()));
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(prefix.as_str())
        .suffix(if folder { "" } else { ".tmp" });
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The kernel applies the umask to the mode a file is created with.
        builder.permissions(std::fs::Permissions::from_mode(if folder {
            0o777
        } else {
            0o666
        }));
    }
    builder
}

/// A temporary of this process, recorded so that a signal removes it;
/// dropped once the temporary was renamed into place or removed.
#[derive(Debug)]
#[must_use = "the temporary is forgotten when this is dropped"]
pub struct Registration(PathBuf);

/// Records a temporary of this process until the registration is dropped.
pub fn register(path: &Path) -> Registration {
    live().push(path.to_owned());
    Registration(path.to_owned())
}

impl Drop for Registration {
    fn drop(&mut self) {
        live().retain(|p| p != &self.0);
    }
}

/// Removes every temporary of this process that still exists: what a
/// signal handler calls before the process stops.
pub fn remove_live() {
    for path in live().drain(..) {
        let _ = remove(&path, path.is_dir());
    }
}

/// Removes a temporary folder with its contents, or a temporary file.
fn remove(path: &Path, folder: bool) -> std::io::Result<()> {
    if folder {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    }
}

/// Removes from `folder` the temporaries left by igfkg processes that no
/// longer run (killed with SIGKILL, or by a power cut), and returns them.
/// Only names of igfkg's pattern are looked at; a temporary whose process
/// is still running, or whose process cannot be checked, is left alone.
pub fn remove_stale(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let path = entry.path();
        let stale = match owner(name) {
            Some(pid) => pid != std::process::id() && is_running(pid) == Some(false),
            None => is_legacy(name) && untouched_for(&path, LEGACY_AGE),
        };
        if !stale {
            continue;
        }
        // `file_type` does not follow symbolic links: a link is removed,
        // never what it points to.
        let gone = entry.file_type().and_then(|t| remove(&path, t.is_dir()));
        if gone.is_ok() {
            removed.push(path);
        }
    }
    removed.sort();
    removed
}

/// The process id in a temporary's name, if the name is one of ours.
fn owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?;
    let (pid, random) = rest.split_once('-')?;
    let random = random.strip_suffix(".tmp").unwrap_or(random);
    if random.is_empty() || !random.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    pid.parse().ok()
}

/// How long a temporary of the old naming must have been left untouched to
/// be taken for stale: its name says nothing of its process.
const LEGACY_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Whether a name is one that igfkg gave its temporaries before they
/// carried a process id: `.igfkg-RANDOM.tmp` beside an output, and
/// `.igfkg-release-RANDOM` (a staging folder) beside a release, RANDOM
/// being tempfile's six letters and digits. (`.igfkg-release-old-PID`,
/// where an old release put aside what it replaced, may be a file of the
/// user's, and is never removed.)
fn is_legacy(name: &str) -> bool {
    let random = |r: &str| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric());
    if let Some(rest) = name.strip_prefix(".igfkg-release-") {
        return random(rest);
    }
    name.strip_prefix(".igfkg-")
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(random)
}

/// Whether neither `path` nor, for a folder, anything directly in it was
/// modified within `age`.
fn untouched_for(path: &Path, age: std::time::Duration) -> bool {
    let old = |p: &Path| {
        std::fs::symlink_metadata(p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|elapsed| elapsed >= age)
    };
    if !old(path) {
        return false;
    }
    match std::fs::read_dir(path) {
        Ok(entries) => entries.flatten().all(|e| old(&e.path())),
        Err(_) => true,
    }
}

/// Whether a process runs, where the system says (`/proc` on Linux).
fn is_running(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return None;
    }
    Some(proc.join(pid.to_string()).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_the_pattern_only_are_ours() {
        assert_eq!(owner(".igfkg-tmp-42-Ab3xYz.tmp"), Some(42));
        assert_eq!(owner(".igfkg-tmp-42-Ab3xYz"), Some(42));
        assert_eq!(owner(".igfkg-tmp-42-.tmp"), None);
        assert_eq!(owner(".igfkg-tmp-x-Ab3xYz.tmp"), None);
        assert_eq!(owner("igfkg.nq"), None);
        assert_eq!(owner(".igfkg-release"), None);
    }

    #[test]
    fn stale_temporaries_of_dead_processes_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        // No process has this id on Linux (the largest pid_max is 2^22).
        let dead = dir.path().join(format!("{PREFIX}99999999-abcdef.tmp"));
        let dead_folder = dir.path().join(format!("{PREFIX}99999999-ghijkl"));
        let mine = dir
            .path()
            .join(format!("{PREFIX}{}-abcdef.tmp", std::process::id()));
        let other = dir.path().join(".igfkg-tmp-notes.txt");
        std::fs::write(&dead, "x").unwrap();
        std::fs::create_dir(&dead_folder).unwrap();
        std::fs::write(dead_folder.join("igfkg.ttl"), "x").unwrap();
        std::fs::write(&mine, "x").unwrap();
        std::fs::write(&other, "x").unwrap();
        let removed = remove_stale(dir.path());
        assert_eq!(removed, vec![dead.clone(), dead_folder.clone()]);
        assert!(!dead.exists() && !dead_folder.exists());
        assert!(mine.exists() && other.exists());
    }

    #[test]
    fn temporaries_of_the_old_naming_are_removed_once_untouched_for_an_hour() {
        let dir = tempfile::tempdir().unwrap();
        let hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
        let age = |path: &Path| {
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(hours_ago)
                .unwrap();
        };
        let old_file = dir.path().join(".igfkg-Ab3xYz.tmp");
        std::fs::write(&old_file, "x").unwrap();
        age(&old_file);
        let recent_file = dir.path().join(".igfkg-Zz9yXx.tmp");
        std::fs::write(&recent_file, "x").unwrap();
        let old_staging = dir.path().join(".igfkg-release-Qw3rTy");
        std::fs::create_dir(&old_staging).unwrap();
        std::fs::write(old_staging.join("igfkg.ttl"), "x").unwrap();
        age(&old_staging.join("igfkg.ttl"));
        // A folder's time is set through a handle to it.
        std::fs::File::open(&old_staging)
            .unwrap()
            .set_modified(hours_ago)
            .unwrap();
        let put_aside = dir.path().join(".igfkg-release-old-99999999");
        std::fs::write(&put_aside, "the user's file").unwrap();
        age(&put_aside);
        let removed = remove_stale(dir.path());
        assert_eq!(removed, vec![old_file.clone(), old_staging.clone()]);
        assert!(
            recent_file.exists(),
            "a recent one may belong to a running igfkg"
        );
        assert!(
            put_aside.exists(),
            "what an old release put aside is never removed"
        );
    }
}
