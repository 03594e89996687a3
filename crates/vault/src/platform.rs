//! The platform key (KEK): its file on disk, versioning and rotation, the outer seal every
//! stored wrap gets, and keyed blind indexes.
//!
//! File format (UTF-8 text, mode 0600, outside the database and outside backups):
//!
//! ```text
//! consigne-platform-key
//! v1 <standard base64 of 32 bytes>
//! v2 <standard base64 of 32 bytes>
//! ```
//!
//! The highest version seals; every listed version opens, so rotation adds a line and rows are
//! re-sealed afterwards. Blind indexes use the lowest version present, because the values they
//! index are not stored and so cannot be re-indexed by a rotation.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use zeroize::Zeroizing;

use crate::key::{hkdf32, hmac_sha256};
use crate::symmetric;
use crate::{Key32, Result, VaultError, random_bytes};

const FILE_HEADER: &str = "consigne-platform-key";
/// HKDF info of the per-version sealing key (the raw key never touches data directly).
pub(crate) const INFO_SEAL: &str = "consigne/v1/platform-seal";
/// HKDF info prefix of blind-index keys; the domain is appended.
pub(crate) const INFO_BLIND_INDEX: &str = "consigne/v1/blind-index/";
/// A key file is a few lines; anything bigger is not one.
const MAX_FILE_LEN: u64 = 64 * 1024;

/// One version of the platform key and its derived sealing key.
#[derive(Clone)]
struct Version {
    raw: Key32,
    seal: Key32,
}

impl Version {
    fn new(raw: Key32) -> Self {
        let seal = Key32::from_bytes(hkdf32(raw.as_bytes(), INFO_SEAL.as_bytes()));
        Self { raw, seal }
    }
}

/// The platform key: every version listed in the key file. `Debug` shows version numbers only.
#[derive(Clone)]
pub struct PlatformKey {
    /// Never empty; the last entry seals.
    versions: BTreeMap<u32, Version>,
    newest: u32,
    oldest: u32,
}

impl std::fmt::Debug for PlatformKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlatformKey")
            .field("versions", &self.versions.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl PlatformKey {
    /// Builds from `(version, key)` pairs; versions start at 1 and are unique.
    fn from_versions(list: Vec<(u32, Key32)>) -> Result<Self> {
        let mut versions = BTreeMap::new();
        for (n, raw) in list {
            if n == 0 {
                return Err(VaultError::KeyFile("key version 0 is not allowed".into()));
            }
            if versions.insert(n, Version::new(raw)).is_some() {
                return Err(VaultError::KeyFile(format!(
                    "key version {n} appears twice"
                )));
            }
        }
        let (Some(&oldest), Some(&newest)) = (versions.keys().next(), versions.keys().next_back())
        else {
            return Err(VaultError::KeyFile("no key line".into()));
        };
        Ok(Self {
            versions,
            newest,
            oldest,
        })
    }

    /// A fixed single-version key, for test vectors.
    #[cfg(test)]
    pub(crate) fn from_single(version: u32, raw: Key32) -> Result<Self> {
        Self::from_versions(vec![(version, raw)])
    }

    /// A random single-version key (version 1), for tests.
    pub fn generate() -> Self {
        let v = Version::new(Key32::random());
        Self {
            versions: BTreeMap::from([(1, v)]),
            newest: 1,
            oldest: 1,
        }
    }

    /// Loads the key file at `path`, creating it (version 1, mode 0600, atomically) if it does
    /// not exist. Returns the key and whether it was just created. A file readable by group or
    /// others, or malformed, is refused rather than repaired: it may already have leaked.
    pub fn load_or_create(path: &Path) -> Result<(Self, bool)> {
        match Self::load(path) {
            Ok(key) => return Ok((key, false)),
            Err(VaultError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        if let Some(dir) = parent_dir(path) {
            create_private_dir(&dir)?;
        }
        let key = Self::generate();
        if write_atomically(path, &key.to_file_text(), false)? {
            Ok((key, true))
        } else {
            // Another process created it between our check and our link: use theirs.
            Ok((Self::load(path)?, false))
        }
    }

    /// Loads an existing key file (see the module documentation for its format).
    pub fn load(path: &Path) -> Result<Self> {
        let file = File::open(path)?;
        // Check the opened file itself, not the path, so a swap between check and read is moot.
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(VaultError::KeyFile(format!(
                "{} is not a regular file",
                path.display()
            )));
        }
        check_private_mode(path, &meta)?;
        if meta.len() > MAX_FILE_LEN {
            return Err(VaultError::KeyFile(format!(
                "{} is too large",
                path.display()
            )));
        }
        let mut text = Zeroizing::new(String::new());
        file.take(MAX_FILE_LEN + 1)
            .read_to_string(&mut text)
            .map_err(|_| VaultError::KeyFile(format!("{} is not UTF-8 text", path.display())))?;
        Self::parse(&text)
            .map_err(|e| VaultError::KeyFile(format!("{}: {}", path.display(), describe(&e))))
    }

    /// Adds a new version (highest + 1) to the key file at `path`, atomically, and returns the
    /// updated key. Existing rows still open; re-seal them with [`PlatformKey::reseal`].
    pub fn rotate(path: &Path) -> Result<Self> {
        let mut key = Self::load(path)?;
        let next = key
            .newest
            .checked_add(1)
            .ok_or_else(|| VaultError::KeyFile("key version overflow".into()))?;
        key.versions.insert(next, Version::new(Key32::random()));
        key.newest = next;
        write_atomically(path, &key.to_file_text(), true)?;
        Ok(key)
    }

    /// The version that seals (the highest one).
    pub fn version(&self) -> u32 {
        self.newest
    }

    /// Every version this key can open, ascending.
    pub fn versions(&self) -> Vec<u32> {
        self.versions.keys().copied().collect()
    }

    fn newest_version(&self) -> Result<&Version> {
        self.versions
            .get(&self.newest)
            .ok_or_else(|| VaultError::KeyFile("newest version missing".into()))
    }

    /// `[u32 BE key version]` followed by an algorithm-1 seal under that version's sealing key
    /// (HKDF of the raw key, info `consigne/v1/platform-seal`).
    pub fn seal(&self, aad: &str, plaintext: &[u8]) -> Vec<u8> {
        self.seal_with_nonce(aad, plaintext, &random_bytes())
    }

    /// [`PlatformKey::seal`] with a caller-chosen nonce, for test vectors only.
    pub(crate) fn seal_with_nonce(&self, aad: &str, plaintext: &[u8], nonce: &[u8; 24]) -> Vec<u8> {
        let (version, key) = match self.newest_version() {
            Ok(v) => (self.newest, v),
            // Unreachable (the map is never empty); an empty output fails as `Format` on open.
            Err(_) => return Vec::new(),
        };
        let body = symmetric::seal_with_nonce(&key.seal, aad, plaintext, nonce);
        let mut out = Vec::with_capacity(4 + body.len());
        out.extend_from_slice(&version.to_be_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Opens a [`PlatformKey::seal`] output with whichever version sealed it. A version absent
    /// from the key file is reported as a `KeyFile` error (an old key file was restored?).
    pub fn open(&self, aad: &str, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        let (version, body) = split_version(sealed)?;
        let key = self
            .versions
            .get(&version)
            .ok_or_else(|| VaultError::KeyFile(format!("no key version {version}")))?;
        symmetric::open(&key.seal, aad, body)
    }

    /// The key version a [`PlatformKey::seal`] output was sealed with.
    pub fn sealed_version(sealed: &[u8]) -> Result<u32> {
        split_version(sealed).map(|(v, _)| v)
    }

    /// Whether `sealed` was sealed with an older version than [`PlatformKey::version`].
    pub fn needs_reseal(&self, sealed: &[u8]) -> bool {
        Self::sealed_version(sealed).is_ok_and(|v| v != self.newest)
    }

    /// Opens with any version and seals again with the newest (rotation job).
    pub fn reseal(&self, aad: &str, sealed: &[u8]) -> Result<Vec<u8>> {
        let plaintext = self.open(aad, sealed)?;
        Ok(self.seal(aad, &plaintext))
    }

    /// Keyed blind index: HMAC-SHA256 over `value` with the key HKDF(platform key, info
    /// `consigne/v1/blind-index/<domain>`). Finds a row by a normalised identifier without
    /// storing the identifier. Uses the lowest version present, so rotation does not orphan
    /// rows whose identifier nobody can re-derive.
    pub fn blind_index(&self, domain: &str, value: &str) -> [u8; 32] {
        let raw = match self.versions.get(&self.oldest) {
            Some(v) => &v.raw,
            // Unreachable; a random index fails closed (matches no row).
            None => return random_bytes(),
        };
        let info = format!("{INFO_BLIND_INDEX}{domain}");
        let subkey = Zeroizing::new(hkdf32(raw.as_bytes(), info.as_bytes()));
        hmac_sha256(subkey.as_slice(), &[value.as_bytes()])
    }

    fn parse(text: &str) -> Result<Self> {
        let mut lines = text.lines();
        if lines.next().map(str::trim_end) != Some(FILE_HEADER) {
            return Err(VaultError::KeyFile(format!(
                "first line must be `{FILE_HEADER}`"
            )));
        }
        let mut list = Vec::new();
        for (i, line) in lines.enumerate() {
            let line_no = i + 2;
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let bad = || VaultError::KeyFile(format!("line {line_no}: expected `v<N> <base64>`"));
            let (label, b64) = line.split_once(' ').ok_or_else(bad)?;
            let digits = label.strip_prefix('v').ok_or_else(bad)?;
            if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(bad());
            }
            let n: u32 = digits.parse().map_err(|_| bad())?;
            let bytes = Zeroizing::new(STANDARD.decode(b64.trim()).map_err(|_| bad())?);
            let raw = Key32::from_slice(&bytes)
                .map_err(|_| VaultError::KeyFile(format!("line {line_no}: key is not 32 bytes")))?;
            list.push((n, raw));
        }
        Self::from_versions(list)
    }

    /// Parses key-file text without touching the disk, for test vectors.
    #[cfg(test)]
    pub(crate) fn parse_text(text: &str) -> Result<Self> {
        Self::parse(text)
    }

    fn to_file_text(&self) -> Zeroizing<String> {
        let mut text = Zeroizing::new(format!("{FILE_HEADER}\n"));
        for (n, v) in &self.versions {
            let b64 = Zeroizing::new(STANDARD.encode(v.raw.as_bytes()));
            text.push_str(&format!("v{n} {}\n", b64.as_str()));
        }
        text
    }
}

fn split_version(sealed: &[u8]) -> Result<(u32, &[u8])> {
    let (v, body) = sealed.split_at_checked(4).ok_or(VaultError::Format)?;
    Ok((u32::from_be_bytes([v[0], v[1], v[2], v[3]]), body))
}

fn describe(e: &VaultError) -> String {
    match e {
        VaultError::KeyFile(m) => m.clone(),
        other => other.to_string(),
    }
}

pub(crate) fn parent_dir(path: &Path) -> Option<PathBuf> {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => Some(p.to_path_buf()),
        _ => None,
    }
}

#[cfg(unix)]
pub(crate) fn check_private_mode(path: &Path, meta: &fs::Metadata) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(VaultError::KeyFile(format!(
            "{} is accessible by group or others (mode {mode:04o}); it must be 0600 \
             (check who could have read it, then `chmod 600` it)",
            path.display()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn check_private_mode(_path: &Path, _meta: &fs::Metadata) -> Result<()> {
    Ok(())
}

#[cfg(unix)]
pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir)?;
    Ok(())
}

fn open_private_new(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Writes `text` to `path` so that readers see either nothing/the old file or the whole new
/// file: temp file (0600) in the same directory, fsync, then link (no clobber) or rename
/// (replace), then fsync the directory. Returns false if `replace` is false and `path` already
/// existed.
pub(crate) fn write_atomically(path: &Path, text: &str, replace: bool) -> Result<bool> {
    let dir = parent_dir(path).unwrap_or_else(|| PathBuf::from("."));
    let name = path
        .file_name()
        .ok_or_else(|| VaultError::KeyFile(format!("{} has no file name", path.display())))?;
    let suffix: [u8; 8] = random_bytes();
    let suffix: String = suffix.iter().map(|b| format!("{b:02x}")).collect();
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".tmp-{suffix}"));
    let tmp = dir.join(tmp_name);

    let result = (|| -> Result<bool> {
        let mut file = open_private_new(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        drop(file);
        let placed = if replace {
            fs::rename(&tmp, path)?;
            true
        } else {
            // link(2) fails if the target exists, so two first starts cannot overwrite each
            // other's key; filesystems without hard links fall back to rename.
            match fs::hard_link(&tmp, path) {
                Ok(()) => true,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
                Err(_) if !path.exists() => {
                    fs::rename(&tmp, path)?;
                    true
                }
                Err(e) => return Err(e.into()),
            }
        };
        sync_dir(&dir)?;
        Ok(placed)
    })();
    // The temp file is gone after a rename; after a link or a failure it must not linger.
    match fs::remove_file(&tmp) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            if result.is_ok() {
                return Err(e.into());
            }
        }
    }
    result
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<()> {
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// A fresh directory under the system temp dir (no tempfile dependency in this crate).
    fn temp_dir(tag: &str) -> PathBuf {
        let r: [u8; 8] = random_bytes();
        let name: String = r.iter().map(|b| format!("{b:02x}")).collect();
        let dir = std::env::temp_dir().join(format!("consigne-vault-{tag}-{name}"));
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    fn chmod(path: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn create_then_load_same_key() {
        let dir = temp_dir("create");
        let path = dir.join("sub").join("platform.key");
        let (k1, created) = PlatformKey::load_or_create(&path).unwrap();
        assert!(created);
        assert_eq!(k1.version(), 1);
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        let (k2, created) = PlatformKey::load_or_create(&path).unwrap();
        assert!(!created);
        let sealed = k1.seal("ctx", b"data");
        assert_eq!(k2.open("ctx", &sealed).unwrap().as_slice(), b"data");
        assert_eq!(
            k1.blind_index("login", "a.b"),
            k2.blind_index("login", "a.b")
        );
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("consigne-platform-key\nv1 "));
        // No temp file left behind.
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn concurrent_first_starts_agree_on_one_key() {
        let dir = temp_dir("race");
        let path = dir.join("platform.key");
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || PlatformKey::load_or_create(&path).unwrap())
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert_eq!(results.iter().filter(|(_, created)| *created).count(), 1);
        let index = results[0].0.blind_index("login", "x");
        assert!(
            results
                .iter()
                .all(|(k, _)| k.blind_index("login", "x") == index)
        );
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn refuses_group_or_world_readable_file() {
        let dir = temp_dir("mode");
        let path = dir.join("platform.key");
        PlatformKey::load_or_create(&path).unwrap();
        for m in [0o644, 0o640, 0o604, 0o660] {
            chmod(&path, m);
            let e = PlatformKey::load(&path).unwrap_err();
            assert!(matches!(e, VaultError::KeyFile(_)), "{m:o}");
            assert!(matches!(
                PlatformKey::load_or_create(&path),
                Err(VaultError::KeyFile(_))
            ));
        }
        chmod(&path, 0o400);
        assert!(PlatformKey::load(&path).is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_malformed_files() {
        let dir = temp_dir("malformed");
        let good = STANDARD.encode([7u8; 32]);
        let short = STANDARD.encode([7u8; 31]);
        for (i, text) in [
            String::new(),
            "consigne-platform-key\n".to_string(),
            format!("other-header\nv1 {good}\n"),
            format!("consigne-platform-key\nv0 {good}\n"),
            format!("consigne-platform-key\n1 {good}\n"),
            format!("consigne-platform-key\nv1 {short}\n"),
            "consigne-platform-key\nv1 not*base64\n".to_string(),
            format!("consigne-platform-key\nv1 {good}\nv1 {good}\n"),
            format!("consigne-platform-key\nv1{good}\n"),
            format!("consigne-platform-key\nv+1 {good}\n"),
        ]
        .iter()
        .enumerate()
        {
            let path = dir.join(format!("k{i}"));
            let mut f = open_private_new(&path).unwrap();
            f.write_all(text.as_bytes()).unwrap();
            drop(f);
            let e = PlatformKey::load(&path).unwrap_err();
            assert!(matches!(e, VaultError::KeyFile(_)), "{i}: {e}");
            // The message never echoes key material.
            assert!(!e.to_string().contains(&good), "{i}");
            assert!(matches!(
                PlatformKey::load_or_create(&path),
                Err(VaultError::KeyFile(_))
            ));
        }
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_file_is_io_not_found() {
        let dir = temp_dir("missing");
        let e = PlatformKey::load(&dir.join("nope")).unwrap_err();
        assert!(matches!(e, VaultError::Io(ref io) if io.kind() == std::io::ErrorKind::NotFound));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn rotation_keeps_old_rows_open_and_blind_index_stable() {
        let dir = temp_dir("rotate");
        let path = dir.join("platform.key");
        let (k1, _) = PlatformKey::load_or_create(&path).unwrap();
        let old = k1.seal("ctx", b"row");
        let k2 = PlatformKey::rotate(&path).unwrap();
        assert_eq!(k2.version(), 2);
        assert_eq!(k2.versions(), vec![1, 2]);
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        let reloaded = PlatformKey::load(&path).unwrap();
        assert_eq!(reloaded.version(), 2);
        assert_eq!(reloaded.open("ctx", &old).unwrap().as_slice(), b"row");
        assert!(reloaded.needs_reseal(&old));
        let new = reloaded.reseal("ctx", &old).unwrap();
        assert_eq!(PlatformKey::sealed_version(&new).unwrap(), 2);
        assert!(!reloaded.needs_reseal(&new));
        // The old key cannot open rows sealed with the new version.
        assert!(matches!(k1.open("ctx", &new), Err(VaultError::KeyFile(_))));
        assert_eq!(
            k1.blind_index("login", "jean.dupont.01012000"),
            reloaded.blind_index("login", "jean.dupont.01012000")
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn seal_errors_never_panic() {
        let k = PlatformKey::generate();
        let sealed = k.seal("a|b", b"secret");
        assert_eq!(&sealed[..4], &[0, 0, 0, 1]);
        assert!(matches!(k.open("a|c", &sealed), Err(VaultError::Decrypt)));
        assert!(matches!(
            PlatformKey::generate().open("a|b", &sealed),
            Err(VaultError::Decrypt)
        ));
        for n in 0..sealed.len() {
            assert!(k.open("a|b", &sealed[..n]).is_err());
        }
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x80;
            assert!(k.open("a|b", &bad).is_err());
        }
        let dbg = format!("{k:?}");
        assert!(dbg.contains("versions"));
    }

    #[test]
    fn blind_index_separates_domains_and_keys() {
        let k = PlatformKey::generate();
        assert_ne!(k.blind_index("login", "x"), k.blind_index("question", "x"));
        assert_ne!(k.blind_index("login", "x"), k.blind_index("login", "y"));
        assert_ne!(
            k.blind_index("login", "x"),
            PlatformKey::generate().blind_index("login", "x")
        );
    }
}
