//! Files written whole or not at all.

use igfkg_graph::temp;
use sha2::{Digest, Sha256};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// A file being written: its bytes go to a temporary file in the same
/// folder, which [`AtomicFile::commit`] renames over the target. Dropped
/// without a commit, the temporary file is removed and the target is left
/// as it was.
///
/// The temporary file is named as all igfkg's temporaries are
/// ([`igfkg_graph::temp`]): a signal handler removes it, and creating a
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

/// A reader or writer that counts the bytes through it and computes their
/// SHA-256 as they pass, so that a file is hashed in the one pass that
/// writes or reads it (the build record's check of a dump costs no second
/// read).
#[derive(Debug)]
pub struct Hashed<T> {
    inner: T,
    hasher: Sha256,
    bytes: u64,
}

impl<T> Hashed<T> {
    /// Starts counting and hashing what goes through `inner`.
    pub fn new(inner: T) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// The inner reader or writer, with the number of bytes and the
    /// lower-case hexadecimal SHA-256 of what went through it.
    pub fn finish(self) -> (T, u64, String) {
        let digest = self.hasher.finalize();
        let hex = digest.iter().map(|b| format!("{b:02x}")).collect();
        (self.inner, self.bytes, hex)
    }

    fn record(&mut self, bytes: &[u8]) {
        self.hasher.update(bytes);
        self.bytes += bytes.len() as u64;
    }
}

impl<W: Write> Write for Hashed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.record(&buf[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<R: Read> Read for Hashed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.record(&buf[..read]);
        Ok(read)
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

    #[test]
    fn what_goes_through_is_counted_and_hashed_as_in_one_piece() {
        let mut writer = Hashed::new(Vec::new());
        writer.write_all(b"te").unwrap();
        writer.write_all(b"xt").unwrap();
        let (bytes, count, written) = writer.finish();
        assert_eq!(count, 4);
        assert_eq!(written, igfkg_model::sha256_hex(b"text"));
        let mut reader = Hashed::new(bytes.as_slice());
        std::io::copy(&mut reader, &mut std::io::sink()).unwrap();
        assert_eq!(reader.finish().2, written);
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
