//! A server process under measurement: spawned, waited for on `/health`, observed through
//! `/proc/<pid>` (resident memory, peak, CPU time) and stopped. Used for the real `consigne
//! serve` and for the reference server the benchmark starts from its own binary.

use anyhow::{Context, bail};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running server; killed when dropped.
#[derive(Debug)]
pub struct ServerProcess {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// Time from spawn to the first `200` on `/health`.
    pub startup: Duration,
    /// When the process was spawned.
    pub spawned: Instant,
    /// Whether the scenarios probe its `/health` (the real server; not the reference one).
    pub probe_health: bool,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free loopback port (the OS picks one; the server binds it right after).
pub fn free_port() -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").context("binding a free port")?;
    Ok(listener.local_addr()?.port())
}

impl ServerProcess {
    /// Spawns `consigne serve --config CONFIG --listen 127.0.0.1:PORT` and waits for `/health`.
    pub fn consigne(binary: &Path, config: &Path, log: &Path) -> anyhow::Result<Self> {
        let mut server = Self::consigne_started(binary, config, log)?;
        server.wait_health(log)?;
        Ok(server)
    }

    /// Spawns `consigne serve` without waiting for it (start-up is measured by the caller).
    pub fn consigne_started(binary: &Path, config: &Path, log: &Path) -> anyhow::Result<Self> {
        let port = free_port()?;
        let mut cmd = Command::new(binary);
        cmd.arg("serve")
            .arg("--config")
            .arg(config)
            .arg("--listen")
            .arg(format!("127.0.0.1:{port}"));
        // Only the configuration file decides (a developer's environment must not leak in).
        for var in [
            "CONSIGNE_CONFIG",
            "CONSIGNE_LISTEN",
            "CONSIGNE_DATA_DIR",
            "CONSIGNE_DATABASE_URL",
            "CONSIGNE_BLOBS_URL",
            "CONSIGNE_PLATFORM_KEY_FILE",
            "CONSIGNE_PUBLIC_URL",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("RUST_LOG", "warn");
        let mut server = Self::launch(cmd, port, log)?;
        server.probe_health = true;
        Ok(server)
    }

    /// Spawns `cmd` (which must listen on `port`), logging its output to `log`, and waits up
    /// to 60 s for `/health` to answer 200.
    pub fn spawn(cmd: Command, port: u16, log: &Path) -> anyhow::Result<Self> {
        let mut server = Self::launch(cmd, port, log)?;
        server.wait_health(log)?;
        Ok(server)
    }

    /// Spawns `cmd` (which must listen on `port`), logging its output to `log`.
    fn launch(mut cmd: Command, port: u16, log: &Path) -> anyhow::Result<Self> {
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .with_context(|| format!("cannot open {}", log.display()))?;
        let err = out.try_clone()?;
        cmd.stdin(Stdio::null())
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err));
        let started = Instant::now();
        let child = cmd
            .spawn()
            .with_context(|| format!("cannot start {:?}", cmd.get_program()))?;
        Ok(Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
            startup: Duration::ZERO,
            spawned: started,
            probe_health: false,
        })
    }

    /// Waits up to 60 s from the spawn for `/health` to answer 200; sets `startup`.
    fn wait_health(&mut self, log: &Path) -> anyhow::Result<()> {
        let started = self.spawned;
        let server = self;
        let agent: ureq::Agent = ureq::config::Config::builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(2)))
            .build()
            .into();
        let health = format!("{}/health", server.base);
        loop {
            if let Ok(res) = agent.get(&health).call()
                && res.status() == 200
            {
                server.startup = started.elapsed();
                return Ok(());
            }
            if let Some(status) = server.child.try_wait()? {
                bail!(
                    "the server exited during start-up ({status}); see {}",
                    log.display()
                );
            }
            if started.elapsed() > Duration::from_secs(60) {
                bail!(
                    "the server did not answer /health within 60 s; see {}",
                    log.display()
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory now and its peak since the last [`Self::reset_peak`], in bytes.
    pub fn memory(&self) -> anyhow::Result<Memory> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .context("reading /proc/<pid>/status")?;
        let field = |name: &str| -> anyhow::Result<u64> {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
                .map(|kib| kib * 1024)
                .with_context(|| format!("{name} missing from /proc/<pid>/status"))
        };
        Ok(Memory {
            rss: field("VmRSS:")?,
            peak: field("VmHWM:")?,
        })
    }

    /// Sets the peak resident size back to the current one (Linux: `clear_refs` 5).
    pub fn reset_peak(&self) -> anyhow::Result<()> {
        std::fs::write(format!("/proc/{}/clear_refs", self.pid()), "5")
            .context("resetting VmHWM through /proc/<pid>/clear_refs")
    }

    /// User + system CPU time consumed so far (from `/proc/<pid>/stat`).
    pub fn cpu_time(&self) -> anyhow::Result<Duration> {
        cpu_time_of(self.pid())
    }

    /// Stops the server (SIGKILL: the measurement is over; the stores are crash-safe).
    pub fn stop(mut self) -> anyhow::Result<()> {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }
}

/// Resident memory of a process, in bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Memory {
    pub rss: u64,
    pub peak: u64,
}

/// Clock ticks per second of `/proc/<pid>/stat` (`getconf CLK_TCK`; 100 on Linux).
fn clock_ticks() -> f64 {
    static TICKS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|t| *t > 0.0)
            .unwrap_or(100.0)
    })
}

/// User + system CPU time of a process, all threads.
pub fn cpu_time_of(pid: u32) -> anyhow::Result<Duration> {
    cpu_time_in(&format!("/proc/{pid}/stat"))
}

/// User + system CPU time of the calling thread (`/proc/thread-self/stat`, clock ticks).
pub fn thread_cpu_time() -> anyhow::Result<Duration> {
    cpu_time_in("/proc/thread-self/stat")
}

/// utime + stime of a `/proc/…/stat` file.
fn cpu_time_in(path: &str) -> anyhow::Result<Duration> {
    let stat = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    let rest = stat
        .rsplit_once(')')
        .map(|(_, r)| r)
        .context("unexpected /proc/<pid>/stat")?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After ')': state is field 3, utime field 14 and stime field 15 (1-based, proc(5)).
    let ticks = |i: usize| -> anyhow::Result<f64> {
        fields
            .get(i - 3)
            .and_then(|v| v.parse::<f64>().ok())
            .context("unexpected /proc/<pid>/stat")
    };
    let seconds = (ticks(14)? + ticks(15)?) / clock_ticks();
    Ok(Duration::from_secs_f64(seconds))
}

/// Observes a server over one scenario: CPU used and peak memory between `start` and `finish`.
#[derive(Debug)]
pub struct Observation {
    started: Instant,
    cpu_start: Duration,
}

/// What the server used during a scenario.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    /// CPU time over wall time, in percent of one core (200 % = two cores busy).
    pub cpu_percent: f64,
    /// CPU time (user + system, all threads) over the scenario.
    pub cpu: Duration,
    pub memory: Memory,
}

impl Observation {
    pub fn start(server: &ServerProcess) -> anyhow::Result<Self> {
        server.reset_peak()?;
        Ok(Self {
            started: Instant::now(),
            cpu_start: server.cpu_time()?,
        })
    }

    pub fn finish(self, server: &ServerProcess) -> anyhow::Result<Usage> {
        let cpu = server.cpu_time()?.saturating_sub(self.cpu_start);
        let wall = self.started.elapsed().as_secs_f64().max(1e-9);
        Ok(Usage {
            cpu_percent: cpu.as_secs_f64() / wall * 100.0,
            cpu,
            memory: server.memory()?,
        })
    }
}
