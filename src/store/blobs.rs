//! Blob storage port and its filesystem adapter. Blob keys are random (user file names never
//! touch the filesystem). A write is durable before it is acknowledged: written, fsynced,
//! renamed into place, directory fsynced; the caller commits its row only after that.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("blob not found")]
    NotFound,
    #[error("storage full")]
    Full,
    #[error("blob storage: {0}")]
    Io(String),
}

impl From<std::io::Error> for BlobError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => BlobError::Full,
            std::io::ErrorKind::NotFound => BlobError::NotFound,
            _ => BlobError::Io(e.to_string()),
        }
    }
}

pub type BlobResult<T> = Result<T, BlobError>;

/// A blob being written; dropped without `commit`, it leaves nothing behind.
pub trait BlobWrite: Write + Send {
    fn key(&self) -> &str;
    /// Makes the blob durable and visible under its key.
    fn commit(self: Box<Self>) -> BlobResult<()>;
}

/// The port: the filesystem now, S3-compatible storage later.
pub trait BlobStore: Send + Sync + std::fmt::Debug {
    /// A new blob under a fresh random key.
    fn begin(&self) -> BlobResult<Box<dyn BlobWrite>> {
        self.begin_at(&hex::encode(consigne_vault::random_bytes::<16>()))
    }
    /// A new blob under `key` (copies between stores keep their keys); replaces any blob
    /// already there when committed.
    fn begin_at(&self, key: &str) -> BlobResult<Box<dyn BlobWrite>>;
    fn open(&self, key: &str) -> BlobResult<Box<dyn Read + Send>>;
    fn delete(&self, key: &str) -> BlobResult<()>;
    /// Every committed key with its age, for orphan collection and verification.
    fn list(&self) -> BlobResult<Vec<(String, Duration)>>;
    /// Removes abandoned partial writes older than `older_than`.
    fn sweep_partials(&self, older_than: Duration) -> BlobResult<usize>;
}

#[derive(Debug)]
pub struct FsBlobStore {
    root: PathBuf,
}

pub(crate) fn valid_key(key: &str) -> bool {
    key.len() == 32
        && key
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

fn fsync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Bytes written between two looks at the free space.
const SPACE_CHECK_EVERY: usize = 1024 * 1024;

/// Blob writes stop while less than this is free on the blobs' filesystem (a twentieth of it,
/// between 1 MiB and 256 MiB): the database beside them keeps room to record downloads,
/// logins and deletions, so a full disk refuses new files (507) but still lets people take
/// their papers out and free space through the API.
fn check_space(dir: &Path) -> std::io::Result<()> {
    let Ok(s) = rustix::fs::statvfs(dir) else {
        // Cannot tell: the write itself will report a full disk.
        return Ok(());
    };
    let total = s.f_blocks.saturating_mul(s.f_frsize);
    let free = s.f_bavail.saturating_mul(s.f_frsize);
    let reserve = (total / 20).clamp(1024 * 1024, 256 * 1024 * 1024);
    if free < reserve {
        return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
    }
    Ok(())
}

impl FsBlobStore {
    pub fn open_dir(root: &Path) -> BlobResult<Self> {
        std::fs::create_dir_all(root.join("tmp"))?;
        Ok(Self {
            root: root.to_path_buf(),
        })
    }

    fn path(&self, key: &str) -> BlobResult<PathBuf> {
        if !valid_key(key) {
            return Err(BlobError::NotFound);
        }
        Ok(self.root.join(&key[..2]).join(key))
    }
}

struct FsWrite {
    key: String,
    tmp: PathBuf,
    dest: PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
    /// Bytes written since the last look at the free space.
    unchecked: usize,
}

impl Write for FsWrite {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.unchecked >= SPACE_CHECK_EVERY {
            check_space(&self.tmp)?;
            self.unchecked = 0;
        }
        match &mut self.file {
            Some(f) => {
                let n = f.write(buf)?;
                self.unchecked += n;
                Ok(n)
            }
            None => Err(std::io::Error::other("blob already committed")),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl BlobWrite for FsWrite {
    fn key(&self) -> &str {
        &self.key
    }

    fn commit(mut self: Box<Self>) -> BlobResult<()> {
        let file = self
            .file
            .take()
            .ok_or(BlobError::Io("blob already committed".into()))?;
        let file = file
            .into_inner()
            .map_err(|e| BlobError::from(e.into_error()))?;
        file.sync_all()?;
        drop(file);
        if let Err(e) = check_space(&self.tmp) {
            let _ = std::fs::remove_file(&self.tmp);
            return Err(e.into());
        }
        let dir = self
            .dest
            .parent()
            .ok_or(BlobError::Io("blob path".into()))?
            .to_path_buf();
        let new_dir = !dir.exists();
        std::fs::create_dir_all(&dir)?;
        if new_dir && let Some(root) = dir.parent() {
            fsync_dir(root)?;
        }
        std::fs::rename(&self.tmp, &self.dest)?;
        fsync_dir(&dir)?;
        Ok(())
    }
}

impl Drop for FsWrite {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

impl BlobStore for FsBlobStore {
    fn begin_at(&self, key: &str) -> BlobResult<Box<dyn BlobWrite>> {
        if !valid_key(key) {
            return Err(BlobError::Io("invalid blob key".into()));
        }
        let key = key.to_owned();
        // A random temporary name: a copy resumed after a crash never meets its old partial.
        let nonce = hex::encode(consigne_vault::random_bytes::<8>());
        let tmp = self.root.join("tmp").join(format!("{key}.{nonce}.part"));
        check_space(&self.root)?;
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        let dest = self.path(&key)?;
        Ok(Box::new(FsWrite {
            key,
            tmp,
            dest,
            file: Some(std::io::BufWriter::with_capacity(256 * 1024, file)),
            unchecked: 0,
        }))
    }

    fn open(&self, key: &str) -> BlobResult<Box<dyn Read + Send>> {
        Ok(Box::new(std::fs::File::open(self.path(key)?)?))
    }

    fn delete(&self, key: &str) -> BlobResult<()> {
        match std::fs::remove_file(self.path(key)?) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    fn list(&self) -> BlobResult<Vec<(String, Duration)>> {
        let now = SystemTime::now();
        let mut out = Vec::new();
        for shard in std::fs::read_dir(&self.root)? {
            let shard = shard?;
            let name = shard.file_name().to_string_lossy().into_owned();
            if name == "tmp" || !shard.file_type()?.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(shard.path())? {
                let entry = entry?;
                let key = entry.file_name().to_string_lossy().into_owned();
                if valid_key(&key) {
                    let age = entry
                        .metadata()?
                        .modified()
                        .ok()
                        .and_then(|m| now.duration_since(m).ok())
                        .unwrap_or_default();
                    out.push((key, age));
                }
            }
        }
        out.sort();
        Ok(out)
    }

    fn sweep_partials(&self, older_than: Duration) -> BlobResult<usize> {
        let now = SystemTime::now();
        let mut removed = 0;
        for entry in std::fs::read_dir(self.root.join("tmp"))? {
            let entry = entry?;
            let old = entry
                .metadata()?
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age > older_than);
            if old {
                std::fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn write_commit_read_delete() {
        let dir = tempfile::tempdir().unwrap();
        let store = FsBlobStore::open_dir(dir.path()).unwrap();
        let mut w = store.begin().unwrap();
        let key = w.key().to_owned();
        w.write_all(b"hello").unwrap();
        assert!(store.open(&key).is_err(), "invisible before commit");
        w.commit().unwrap();
        let mut out = String::new();
        store.open(&key).unwrap().read_to_string(&mut out).unwrap();
        assert_eq!(out, "hello");
        assert_eq!(store.list().unwrap().len(), 1);
        store.delete(&key).unwrap();
        assert!(matches!(store.open(&key), Err(BlobError::NotFound)));
        assert!(store.list().unwrap().is_empty());
    }

    #[test]
    fn abandoned_writes_leave_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = FsBlobStore::open_dir(dir.path()).unwrap();
        let mut w = store.begin().unwrap();
        w.write_all(b"partial").unwrap();
        drop(w);
        assert_eq!(
            std::fs::read_dir(dir.path().join("tmp")).unwrap().count(),
            0
        );
        assert!(store.list().unwrap().is_empty());
    }

    #[test]
    fn keys_cannot_escape_the_directory() {
        let dir = tempfile::tempdir().unwrap();
        let store = FsBlobStore::open_dir(dir.path()).unwrap();
        for key in [
            "../../etc/passwd",
            "",
            "ABCDEF0123456789ABCDEF0123456789",
            "tmp",
        ] {
            assert!(matches!(store.open(key), Err(BlobError::NotFound)), "{key}");
        }
    }
}
