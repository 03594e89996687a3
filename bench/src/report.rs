//! The benchmark's report: the machine, the date, the scenarios, the references and the goals,
//! as Markdown (printed and written to bench/RESULTS.md).

use crate::scenarios::Measured;
use std::fmt::Write as _;
use std::time::Duration;

/// The machine the figures come from.
#[derive(Debug, Clone, Default)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory_gib: f64,
    pub kernel: String,
    pub filesystem: String,
}

impl Machine {
    /// Reads the machine from `/proc` (and `stat -f` for the data directory's file system).
    pub fn detect(data_dir: &std::path::Path) -> Self {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_else(|| "unknown".into());
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let memory_kib: f64 = meminfo
            .lines()
            .find(|l| l.starts_with("MemTotal:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|s| s.trim().to_owned())
            .unwrap_or_else(|_| "unknown".into());
        let filesystem = std::process::Command::new("stat")
            .args(["-f", "-c", "%T"])
            .arg(data_dir)
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "unknown".into());
        Self {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            memory_gib: memory_kib / 1024.0 / 1024.0,
            kernel,
            filesystem,
        }
    }
}

/// The date and time now, UTC (`date -u`).
pub fn now_utc() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown date".into())
}

/// A line of the scenarios' table: measured, or why it could not be.
#[derive(Debug, Clone)]
pub enum Line {
    Measured(Box<Measured>),
    Failed { name: String, error: String },
}

/// A reference figure.
#[derive(Debug, Clone)]
pub struct Reference {
    pub name: String,
    pub figure: String,
}

/// A goal: our figure against the reference's, as a ratio against a target.
#[derive(Debug, Clone)]
pub struct Goal {
    pub name: String,
    pub ours: String,
    pub reference: String,
    /// Ours over the reference (or the measured value over its limit), when computed.
    pub ratio: Option<String>,
    pub target: String,
    /// `None`: not measured (the reason is in `ours`), or only reported.
    pub met: Option<bool>,
    /// A figure reported for reference, with no goal.
    pub informative: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub machine: Machine,
    pub date: String,
    /// What was measured on: backend, data set size.
    pub setup: Vec<String>,
    pub lines: Vec<Line>,
    pub references: Vec<Reference>,
    pub goals: Vec<Goal>,
    pub notes: Vec<String>,
}

pub fn ms(d: Option<Duration>) -> String {
    match d {
        Some(d) if d.as_secs_f64() < 0.01 => format!("{:.2} ms", d.as_secs_f64() * 1e3),
        Some(d) if d.as_secs_f64() < 10.0 => format!("{:.1} ms", d.as_secs_f64() * 1e3),
        Some(d) => format!("{:.0} ms", d.as_secs_f64() * 1e3),
        None => "–".into(),
    }
}

/// Megabytes (10^6 bytes), as the goals are written.
pub fn mb(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

/// A number with a sensible count of digits.
pub fn num(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

impl Report {
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let m = &self.machine;
        let _ = writeln!(out, "# Consigne benchmark results\n");
        let _ = writeln!(
            out,
            "Measured on {} — {}, {} cores, {:.1} GiB of memory, Linux {}, data directory on {}.",
            self.date, m.cpu, m.cores, m.memory_gib, m.kernel, m.filesystem
        );
        for s in &self.setup {
            let _ = writeln!(out, "- {s}");
        }
        let _ = writeln!(out, "\n## Goals\n");
        let _ = writeln!(
            out,
            "| goal | ours | reference | ratio | target | result |\n|---|---|---|---|---|---|"
        );
        for g in &self.goals {
            let result = match g.met {
                _ if g.informative => "reported",
                Some(true) => "met",
                Some(false) => "**missed**",
                None => "not measured",
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                g.name,
                g.ours,
                g.reference,
                g.ratio.as_deref().unwrap_or("–"),
                g.target,
                result
            );
        }
        let _ = writeln!(
            out,
            "\n## Scenarios (the real `consigne serve`, release build, loopback)\n"
        );
        let _ = writeln!(
            out,
            "| scenario | connections | requests | requests/s | MB/s | p50 | p99 | errors | server CPU | server CPU per request | /health p99 | server memory (peak) |\n|---|---|---|---|---|---|---|---|---|---|---|---|"
        );
        for line in &self.lines {
            match line {
                Line::Measured(x) => {
                    let l = &x.load;
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | {} | {} | {} | {} | {:.0} % | {} | {} | {} ({}) |",
                        x.name,
                        x.concurrency,
                        l.requests,
                        num(l.per_second()),
                        num(l.megabytes_per_second()),
                        ms(l.p50()),
                        ms(l.p99()),
                        l.errors,
                        x.usage.cpu_percent,
                        ms(x.cpu_per_request()),
                        match &x.health {
                            Some(h) if h.errors > 0 =>
                                format!("{} ({} failed)", ms(h.p99()), h.errors),
                            Some(h) => ms(h.p99()),
                            None => "–".into(),
                        },
                        mb(x.usage.memory.rss),
                        mb(x.usage.memory.peak),
                    );
                }
                Line::Failed { name, error } => {
                    let _ = writeln!(
                        out,
                        "| {name} | – | – | – | – | – | – | failed: {} | – | – | – | – |",
                        error.replace('|', "\\|").replace('\n', " ")
                    );
                }
            }
        }
        let _ = writeln!(out, "\n## References (same machine, same run)\n");
        let _ = writeln!(out, "| reference | figure |\n|---|---|");
        for r in &self.references {
            let _ = writeln!(out, "| {} | {} |", r.name, r.figure);
        }
        if !self.notes.is_empty() {
            let _ = writeln!(out, "\n## Notes\n");
            for n in &self.notes {
                let _ = writeln!(out, "- {n}");
            }
        }
        out
    }
}

/// A goal "ours ≥ fraction × reference" (higher is better).
pub fn at_least(name: &str, ours: f64, reference: f64, fraction: f64, unit: &str) -> Goal {
    let ratio = ours / reference;
    Goal {
        name: name.to_owned(),
        ours: format!("{} {unit}", num(ours)),
        reference: format!("{} {unit}", num(reference)),
        ratio: Some(format!("{:.0} %", ratio * 100.0)),
        target: format!("≥ {:.0} %", fraction * 100.0),
        met: Some(reference > 0.0 && ratio >= fraction),
        informative: false,
    }
}

/// A figure reported next to a reference, with no goal.
pub fn reported(name: &str, ours: String, reference: String, ratio: String) -> Goal {
    Goal {
        name: name.to_owned(),
        ours,
        reference,
        ratio: Some(ratio),
        target: "reported (no goal)".into(),
        met: None,
        informative: true,
    }
}

/// A goal "value ≤ limit" (lower is better); the ratio is value over limit.
pub fn at_most(name: &str, ours: String, value: f64, limit: f64, target: &str) -> Goal {
    Goal {
        name: name.to_owned(),
        ours,
        reference: "–".into(),
        ratio: Some(format!("{:.0} % of the limit", value / limit * 100.0)),
        target: target.to_owned(),
        met: Some(value <= limit),
        informative: false,
    }
}

/// A goal that could not be measured.
pub fn unmeasured(name: &str, target: &str, why: &str) -> Goal {
    Goal {
        name: name.to_owned(),
        ours: format!("not measured: {why}"),
        reference: "–".into(),
        ratio: None,
        target: target.to_owned(),
        met: None,
        informative: false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn goals_compare_ratios() {
        let g = at_least("upload", 60.0, 100.0, 0.5, "MB/s");
        assert_eq!(g.met, Some(true));
        assert_eq!(g.ratio.as_deref(), Some("60 %"));
        let g = at_least("upload", 40.0, 100.0, 0.5, "MB/s");
        assert_eq!(g.met, Some(false));
        let g = at_most("memory", "250 MB".into(), 250.0, 200.0, "≤ 200 MB");
        assert_eq!(g.met, Some(false));
    }

    #[test]
    fn the_report_has_the_machine_and_the_tables() {
        let r = Report {
            machine: Machine {
                cpu: "Test CPU".into(),
                cores: 2,
                memory_gib: 4.0,
                kernel: "6.0".into(),
                filesystem: "ext2/ext3".into(),
            },
            date: "2026-11-22 18:00 UTC".into(),
            lines: vec![Line::Failed {
                name: "login".into(),
                error: "a|b".into(),
            }],
            goals: vec![
                unmeasured("fcp", "≤ 3 s", "no node"),
                reported("list", "5 req/s".into(), "50 req/s".into(), "10 %".into()),
            ],
            ..Report::default()
        };
        let md = r.markdown();
        assert!(md.contains("Test CPU, 2 cores, 4.0 GiB"));
        assert!(md.contains("2026-11-22 18:00 UTC"));
        assert!(md.contains("failed: a\\|b"));
        assert!(md.contains("not measured"));
        assert!(
            md.contains("| list | 5 req/s | 50 req/s | 10 % | reported (no goal) | reported |")
        );
    }
}
