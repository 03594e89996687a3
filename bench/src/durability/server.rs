//! The real `consigne` binary as a child process: started (`consigne demo`, which seeds the demo
//! logins once and reuses them afterwards), killed with SIGKILL, restarted.

use anyhow::{Context, Result, bail};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where one installation lives and how it is configured.
#[derive(Debug, Clone)]
pub struct Installation {
    pub bin: PathBuf,
    pub config: PathBuf,
    pub data_dir: PathBuf,
    pub port: u16,
    pub log: PathBuf,
    /// Environment for every `consigne` command of this installation (database and blob store
    /// URLs, platform key file); `None` removes the variable.
    pub env: Vec<(String, Option<String>)>,
}

impl Installation {
    /// Writes the configuration file of an installation in `dir` (data in `data_dir`).
    pub fn create(
        bin: &Path,
        dir: &Path,
        data_dir: &Path,
        port: u16,
        env: Vec<(String, Option<String>)>,
    ) -> Result<Self> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let config = dir.join("consigne.toml");
        // Failed logins are part of the checks (the old or the new password after a killed
        // change): no throttling delay in the way. Uploads past in_memory_mb stream.
        std::fs::write(
            &config,
            format!(
                "listen = \"127.0.0.1:{port}\"\npublic_url = \"http://127.0.0.1:{port}\"\ndata_dir = \"{}\"\n\n[throttle]\nfree_failures = 1000000\nidentifier_free_failures = 1000000\n\n[storage]\nmax_file_mb = 64\nin_memory_mb = 16\nquota_mb = 100000\n",
                data_dir.display()
            ),
        )
        .with_context(|| format!("writing {}", config.display()))?;
        Ok(Self {
            bin: bin.to_path_buf(),
            config,
            data_dir: data_dir.to_path_buf(),
            port,
            log: dir.join("server.log"),
            env,
        })
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A `consigne` command with this installation's environment.
    pub fn command(&self, sub: &str) -> Command {
        let mut c = Command::new(&self.bin);
        c.arg(sub);
        for (k, v) in &self.env {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        c.env("RUST_LOG", "warn");
        c
    }

    /// Runs `consigne verify`: exit status 0, no missing or corrupted blob, chain valid.
    pub fn verify(&self) -> Result<String> {
        let out = self
            .command("verify")
            .arg("--config")
            .arg(&self.config)
            .output()
            .context("running consigne verify")?;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if !out.status.success() {
            bail!("consigne verify failed ({}):\n{text}", out.status);
        }
        for needle in ["missing: 0", "corrupted: 0", "chain valid"] {
            if !text.contains(needle) {
                bail!("consigne verify output lacks {needle:?}:\n{text}");
            }
        }
        Ok(text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("; "))
    }
}

#[derive(Debug)]
pub struct Server {
    pub inst: Installation,
    child: Option<Child>,
    pub kills: u32,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Server {
    pub fn new(inst: Installation) -> Self {
        Self {
            inst,
            child: None,
            kills: 0,
        }
    }

    /// Starts the server and waits until `/health` answers 200.
    pub fn start(&mut self) -> Result<()> {
        if self.child.is_some() {
            bail!("server already running");
        }
        let mut log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.inst.log)
            .with_context(|| format!("opening {}", self.inst.log.display()))?;
        writeln!(log, "==== start (after {} kills)", self.kills)?;
        let err = log.try_clone()?;
        let child = self
            .inst
            .command("demo")
            .arg("--config")
            .arg(&self.inst.config)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(err)
            .spawn()
            .with_context(|| format!("starting {}", self.inst.bin.display()))?;
        self.child = Some(child);
        let api = super::client::Api::new(&self.inst.base());
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(180) {
            if let Some(c) = self.child.as_mut()
                && let Some(status) = c.try_wait()?
            {
                self.child = None;
                bail!(
                    "the server exited at start ({status}); log tail:\n{}",
                    self.log_tail()
                );
            }
            if let Ok(r) = api.get("/health", None)
                && r.status == 200
            {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        bail!(
            "the server did not answer /health within 180 s; log tail:\n{}",
            self.log_tail()
        )
    }

    /// SIGKILL, then reaps the process.
    pub fn kill9(&mut self) -> Result<()> {
        if let Some(mut c) = self.child.take() {
            c.kill().context("SIGKILL")?;
            c.wait().context("reaping the killed server")?;
            self.kills += 1;
        }
        Ok(())
    }

    /// Whether the process is still alive (false if it exited by itself, e.g. a crash).
    pub fn alive(&mut self) -> bool {
        match self.child.as_mut() {
            Some(c) => matches!(c.try_wait(), Ok(None)),
            None => false,
        }
    }

    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.inst.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    /// Panics recorded in the server's log (a panic is a bug, even one the server survived).
    pub fn panics(&self) -> Vec<String> {
        std::fs::read_to_string(&self.inst.log)
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("panicked"))
            .map(str::to_owned)
            .collect()
    }
}
