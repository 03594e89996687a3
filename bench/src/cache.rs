//! A cold page cache for the start-up measurement: every file of the data directory is
//! written back (`fsync`) then dropped from the page cache (`posix_fadvise(POSIX_FADV_DONTNEED)`),
//! so that the server reads its database and keys from the disk as after a reboot. Only the
//! data set's pages go (not the binary's, nor other processes'), which needs no root and does
//! not disturb anything else running on the machine. `fincore` (util-linux), when installed,
//! tells how much of the data set was still resident before and after.

use anyhow::Context;
use std::path::{Path, PathBuf};

/// What an eviction did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Eviction {
    pub files: usize,
    /// Size of the data set's files.
    pub bytes: u64,
    /// Bytes of them in the page cache before and after, when `fincore` could tell.
    pub resident_before: Option<u64>,
    pub resident_after: Option<u64>,
}

/// The regular files under `dir`, recursively (symbolic links not followed).
fn files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let entry = entry?;
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Bytes of `files` resident in the page cache, from `fincore` (None when it is missing or
/// fails).
fn resident(files: &[PathBuf]) -> Option<u64> {
    let mut total = 0u64;
    // A few hundred files per call keeps the command line short.
    for chunk in files.chunks(200) {
        let out = std::process::Command::new("fincore")
            .args(["--bytes", "--noheadings", "--raw", "--output", "RES"])
            .args(chunk)
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            total += line.trim().parse::<u64>().ok()?;
        }
    }
    Some(total)
}

/// Drops the pages of every file under `dir` from the page cache.
pub fn evict(dir: &Path) -> anyhow::Result<Eviction> {
    let files = files_under(dir)?;
    let resident_before = resident(&files);
    let mut bytes = 0u64;
    for path in &files {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            // A file the server removed meanwhile (a temporary file): nothing to drop.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("opening {}", path.display())),
        };
        bytes += file.metadata()?.len();
        // Dirty pages are not dropped: write them back first.
        file.sync_all()
            .with_context(|| format!("fsync of {}", path.display()))?;
        rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::DontNeed)
            .with_context(|| format!("posix_fadvise of {}", path.display()))?;
    }
    Ok(Eviction {
        files: files.len(),
        bytes,
        resident_before,
        resident_after: resident(&files),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_tree_is_evicted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("blobs/ab")).unwrap();
        std::fs::write(dir.path().join("consigne.db"), vec![7u8; 300_000]).unwrap();
        std::fs::write(dir.path().join("blobs/ab/cd"), vec![9u8; 50_000]).unwrap();
        let e = evict(dir.path()).unwrap();
        assert_eq!(e.files, 2);
        assert_eq!(e.bytes, 350_000);
        // What the kernel keeps is its business (tmpfs cannot drop pages); the call succeeds
        // and, when fincore answers, never reports more than the files hold.
        if let Some(after) = e.resident_after {
            assert!(after <= 350_000 + 2 * 4096, "{after}");
        }
    }
}
