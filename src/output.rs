//! Files written whole or not at all.

use igfkg_publish::temp;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written: its bytes go to a temporary file in the same
/// folder, which [`AtomicFile::commit`] renames over the target. Dropped
/// without a commit, the temporary file is removed and the target is left
/// as it was.
///
/// The temporary file is named as all igfkg's temporaries are
/// ([`igfkg_publish::temp`]): a signal handler removes it, and creating a
/// file removes the temporaries that killed runs left in its folder. Its
/// permissions follow the umask (0644 typically), as `File::create`'s do.
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    temp: BufWriter<tempfile::NamedTempFile>,
    _registration: temp::Registration,
}

impl AtomicFile {
    /// Starts writing `target`, creating its folder if needed.
    ///
    /// # Errors
    /// If the folder or the temporary file cannot be created.
    pub fn create(target: &Path) -> std::io::Result<Self> {
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&folder)?;
        temp::remove_stale(&folder);
        let file = temp::builder(false).tempfile_in(&folder)?;
        Ok(Self {
            target: target.to_owned(),
            _registration: temp::register(file.path()),
            temp: BufWriter::new(file),
        })
    }

    /// The file the bytes are for.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes the bytes to disk and renames the temporary file over the target.
    ///
    /// # Errors
    /// If flushing, syncing or renaming fails; the target is then left as it was.
    pub fn commit(self) -> std::io::Result<()> {
        let temp = self.temp.into_inner().map_err(|e| e.into_error())?;
        temp.as_file().sync_all()?;
        temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncommitted_files_leave_the_target_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.ttl");
        std::fs::write(&target, "old").unwrap();
        {
            let mut file = AtomicFile::create(&target).unwrap();
            file.write_all(b"new but unfinished").unwrap();
        }
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the temporary file is removed"
        );
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"new").unwrap();
        file.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn committed_files_follow_the_umask_not_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.ttl");
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"x").unwrap();
        file.commit().unwrap();
        // What File::create gives under this process's umask.
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target), mode(&plain));
        assert_ne!(mode(&plain), 0o600, "the test's umask is not 077");
    }
}
