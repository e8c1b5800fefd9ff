//! Files written whole or not at all.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written: its bytes go to a temporary file in the same
/// folder, which [`AtomicFile::commit`] renames over the target. Dropped
/// without a commit, the temporary file is removed and the target is left
/// as it was.
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    temp: BufWriter<tempfile::NamedTempFile>,
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
        let temp = tempfile::Builder::new()
            .prefix(".igfkg-")
            .suffix(".tmp")
            .tempfile_in(&folder)?;
        Ok(Self {
            target: target.to_owned(),
            temp: BufWriter::new(temp),
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
}
