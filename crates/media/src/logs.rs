//! Parser logs for hostile files ([`QuietParserLogs`]).
//!
//! `lopdf` reports the malformed objects it skips through the `log` crate at ERROR level, with
//! the parse error in the message (offsets, sometimes bytes of the file). A hostile upload is not
//! a server error, and what a person's file contains must not reach the logs. Installed in front
//! of the process's `log` sink, [`QuietParserLogs`] turns every record from `lopdf` into one WARN
//! line without content; records from anywhere else pass unchanged.

/// Targets (module paths) whose records are quietened: the PDF parser.
const PARSERS: &[&str] = &["lopdf"];

/// A `log` sink that quietens the parsers' records; see the module documentation.
pub struct QuietParserLogs<L> {
    inner: L,
}

impl<L> std::fmt::Debug for QuietParserLogs<L> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QuietParserLogs").finish_non_exhaustive()
    }
}

impl<L: log::Log> QuietParserLogs<L> {
    pub fn new(inner: L) -> Self {
        Self { inner }
    }
}

fn from_parser(target: &str) -> bool {
    PARSERS.iter().any(|p| {
        target == *p
            || target
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with("::"))
    })
}

impl<L: log::Log> log::Log for QuietParserLogs<L> {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        if from_parser(metadata.target()) {
            let quiet = log::Metadata::builder()
                .level(log::Level::Warn)
                .target(metadata.target())
                .build();
            return metadata.level() <= log::Level::Warn && self.inner.enabled(&quiet);
        }
        self.inner.enabled(metadata)
    }

    fn log(&self, record: &log::Record<'_>) {
        if !from_parser(record.target()) {
            return self.inner.log(record);
        }
        // Info and below from the parser are dropped; errors and warnings become one warning
        // that names the parser, never what it read.
        if record.level() > log::Level::Warn {
            return;
        }
        self.inner.log(
            &log::Record::builder()
                .level(log::Level::Warn)
                .target(record.target())
                .args(format_args!(
                    "a PDF has malformed parts (skipped while reading it)"
                ))
                .build(),
        );
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use log::Log;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Seen(Mutex<Vec<(log::Level, String, String)>>);

    impl Log for &Seen {
        fn enabled(&self, _: &log::Metadata<'_>) -> bool {
            true
        }
        fn log(&self, r: &log::Record<'_>) {
            self.0
                .lock()
                .unwrap()
                .push((r.level(), r.target().to_owned(), r.args().to_string()));
        }
        fn flush(&self) {}
    }

    fn record(
        level: log::Level,
        target: &'static str,
        text: &'static str,
    ) -> Vec<(log::Level, String, String)> {
        let seen = Seen::default();
        let quiet = QuietParserLogs::new(&seen);
        quiet.log(
            &log::Record::builder()
                .level(level)
                .target(target)
                .args(format_args!("{text}"))
                .build(),
        );
        seen.0.into_inner().unwrap()
    }

    #[test]
    fn parser_errors_become_warnings_without_content() {
        let got = record(
            log::Level::Error,
            "lopdf::reader",
            "Object load error at offset 12: (secret)",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, log::Level::Warn);
        assert!(!got[0].2.contains("secret") && !got[0].2.contains("12"));
        assert!(record(log::Level::Debug, "lopdf", "x").is_empty());
    }

    #[test]
    fn other_records_pass_unchanged() {
        let got = record(log::Level::Error, "consigne::service", "disk full");
        assert_eq!(
            got,
            vec![(
                log::Level::Error,
                "consigne::service".into(),
                "disk full".into()
            )]
        );
        let got = record(log::Level::Error, "lopdfx", "y");
        assert_eq!(got[0].0, log::Level::Error);
    }
}
