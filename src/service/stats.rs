//! Statistics: a structure's figures over a period (JSON, CSV, OpenDocument spreadsheet) and
//! the platform's public figures. Every figure is a count of metadata the server sees in clear
//! (`store/stats.rs`, listed in `docs/threat-model.md`): nothing is decrypted to compute them.

use crate::domain::{InvalidInput, StructureId};
use crate::policy::{Action, Resource};
use crate::service::access::allow;
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::stats::{self, Breakdowns, StructureCounts};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// A public figure for a group smaller than this is not given (`null`).
pub const KPI_MIN_GROUP: i64 = 10;

/// The longest period asked at once, in days (ten years).
const MAX_PERIOD_DAYS: i64 = 3_660;

/// A structure's statistics over `from..=to` (local dates of the platform's time zone).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StructureStats {
    pub from: String,
    pub to: String,
    pub people_followed: i64,
    pub safes_opened: i64,
    pub safes_reconnected: i64,
    pub reconnection_rate: Option<f64>,
    pub relais_accepted: i64,
    pub documents_added_by_professionals: i64,
    pub documents_added_by_people: i64,
    pub sms_sent: i64,
    pub sms_segments: i64,
    /// Follow-ups dated in the period.
    pub followups: i64,
    /// Those follow-ups by medium (codes of the fixed list).
    pub followups_by_medium: BTreeMap<String, i64>,
    /// Those follow-ups by subject (a follow-up counts once for each of its subjects): codes of
    /// the fixed list, or of the structure's own subjects.
    pub followups_by_subject: BTreeMap<String, i64>,
    /// The people followed at the end of the period by the housing situation their case file
    /// last recorded (`unknown`: none recorded).
    pub by_housing: BTreeMap<String, i64>,
    /// The labels of the structure's own subjects, by code (the files and the page name them).
    #[serde(skip)]
    pub subject_labels: BTreeMap<String, String>,
}

/// One figure's value, as the page, the CSV and the spreadsheet show it.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Date(String),
    Count(i64),
    /// A share from 0 to 1 (none when nothing was counted).
    Rate(Option<f64>),
}

impl Figure {
    /// The value as written in the CSV and the spreadsheet: a date, a whole number, or a
    /// share to four decimals (empty when none).
    pub fn plain(&self) -> String {
        match self {
            Figure::Date(d) => d.clone(),
            Figure::Count(n) => n.to_string(),
            Figure::Rate(Some(r)) => format!("{r:.4}"),
            Figure::Rate(None) => String::new(),
        }
    }
}

impl StructureStats {
    fn new(from: String, to: String, c: StructureCounts, b: Breakdowns) -> Self {
        let reconnection_rate =
            (c.safes_opened > 0).then(|| c.safes_reconnected as f64 / c.safes_opened as f64);
        Self {
            from,
            to,
            people_followed: c.people_followed,
            safes_opened: c.safes_opened,
            safes_reconnected: c.safes_reconnected,
            reconnection_rate,
            relais_accepted: c.relais_accepted,
            documents_added_by_professionals: c.documents_added_by_professionals,
            documents_added_by_people: c.documents_added_by_people,
            sms_sent: c.sms_sent,
            sms_segments: c.sms_segments,
            followups: b.followups,
            followups_by_medium: b.by_medium.into_iter().collect(),
            followups_by_subject: b.by_subject.into_iter().collect(),
            by_housing: b.by_housing.into_iter().collect(),
            subject_labels: b.subject_labels.into_iter().collect(),
        }
    }

    /// Every figure in the order the page shows them, by its API name (the page's label is
    /// the Fluent id `stats-<name>`, its definition `stats-<name>-def`); a count of a breakdown
    /// is named `<breakdown>.<code>`.
    pub fn figures(&self) -> Vec<(String, Figure)> {
        use Figure::{Count, Date, Rate};
        let mut out: Vec<(String, Figure)> = vec![
            ("from", Date(self.from.clone())),
            ("to", Date(self.to.clone())),
            ("people_followed", Count(self.people_followed)),
            ("safes_opened", Count(self.safes_opened)),
            ("safes_reconnected", Count(self.safes_reconnected)),
            ("reconnection_rate", Rate(self.reconnection_rate)),
            ("relais_accepted", Count(self.relais_accepted)),
            (
                "documents_added_by_professionals",
                Count(self.documents_added_by_professionals),
            ),
            (
                "documents_added_by_people",
                Count(self.documents_added_by_people),
            ),
            ("sms_sent", Count(self.sms_sent)),
            ("sms_segments", Count(self.sms_segments)),
            ("followups", Count(self.followups)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        for (group, counts) in [
            ("followups_by_medium", &self.followups_by_medium),
            ("followups_by_subject", &self.followups_by_subject),
            ("by_housing", &self.by_housing),
        ] {
            out.extend(
                counts
                    .iter()
                    .map(|(code, n)| (format!("{group}.{code}"), Count(*n))),
            );
        }
        out
    }

    /// The figures as CSV (RFC 4180): `figure,label,value`, one row per figure; `label`
    /// names each figure in the reader's language.
    pub fn csv(&self, label: &dyn Fn(&str) -> String) -> String {
        let mut out = String::from("figure,label,value\r\n");
        for (key, value) in self.figures() {
            out.push_str(&format!(
                "{},{},{}\r\n",
                csv_field(&key),
                csv_field(&label(&key)),
                csv_field(&value.plain())
            ));
        }
        out
    }

    /// The same rows as an OpenDocument spreadsheet (`.ods`), written by hand: a ZIP whose
    /// first entry is the stored `mimetype`, a manifest and `content.xml`.
    pub fn ods(&self, sheet: &str, label: &dyn Fn(&str) -> String) -> ServiceResult<Vec<u8>> {
        let mut rows = String::new();
        rows.push_str(&ods_row(&[
            ods_text("figure"),
            ods_text("label"),
            ods_text("value"),
        ]));
        for (key, value) in self.figures() {
            let cell = match &value {
                Figure::Date(d) => format!(
                    r#"<table:table-cell office:value-type="date" office:date-value="{d}"><text:p>{d}</text:p></table:table-cell>"#,
                    d = xml_escape(d)
                ),
                Figure::Count(_) | Figure::Rate(Some(_)) => format!(
                    r#"<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>"#,
                    v = value.plain()
                ),
                Figure::Rate(None) => "<table:table-cell/>".to_owned(),
            };
            rows.push_str(&ods_row(&[ods_text(&key), ods_text(&label(&key)), cell]));
        }
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="{OFFICE}" xmlns:table="{TABLE}" xmlns:text="{TEXT}" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="{}"><table:table-column table:number-columns-repeated="3"/>{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#,
            xml_escape(sheet)
        );
        zip_ods(&content).map_err(|_| ServiceError::Internal("spreadsheet"))
    }
}

const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const ODS_MIME: &str = "application/vnd.oasis.opendocument.spreadsheet";

fn zip_ods(content: &str) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let manifest = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{ODS_MIME}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in [
        ("mimetype", ODS_MIME),
        ("META-INF/manifest.xml", manifest.as_str()),
        ("content.xml", content),
    ] {
        zip.start_file(name, stored)?;
        zip.write_all(body.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

fn ods_text(s: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
        xml_escape(s)
    )
}

fn ods_row(cells: &[String]) -> String {
    format!("<table:table-row>{}</table:table-row>", cells.concat())
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A CSV field, quoted when it must be; a text a spreadsheet would read as a formula gets a
/// leading apostrophe.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The platform's public figures; `None` (JSON `null`) for a group of fewer than
/// [`KPI_MIN_GROUP`].
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PublicKpis {
    pub people: Option<i64>,
    pub structures: Option<i64>,
    pub documents: Option<i64>,
    pub sms: Option<i64>,
    pub followups: Option<i64>,
}

fn at_least_a_group(n: i64) -> Option<i64> {
    (n >= KPI_MIN_GROUP).then_some(n)
}

/// The period `from..=to` as local dates and the timestamps `[start, end)` it covers. By
/// default: from the first of January of the current year to today.
fn period(
    app: &App,
    from: Option<&str>,
    to: Option<&str>,
) -> ServiceResult<(jiff::civil::Date, jiff::civil::Date, i64, i64)> {
    let zone = crate::clock::zone(&app.config.reminders.time_zone);
    let today = jiff::Timestamp::from_second(app.now())
        .map_err(|_| ServiceError::Internal("clock"))?
        .to_zoned(zone.clone())
        .date();
    let parse = |raw: Option<&str>, field: &'static str, default: jiff::civil::Date| match raw
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => Ok(default),
        Some(s) if s.len() == 10 => s
            .parse::<jiff::civil::Date>()
            .map_err(|_| InvalidInput::new(field, "invalid_date")),
        Some(_) => Err(InvalidInput::new(field, "invalid_date")),
    };
    let to = parse(to, "to", today)?;
    let from = parse(from, "from", today.first_of_year())?;
    let days = (to - from).get_days();
    if from > to || i64::from(days) > MAX_PERIOD_DAYS {
        return Err(InvalidInput::new("from", "invalid_period").into());
    }
    let start = |d: jiff::civil::Date| {
        d.to_zoned(zone.clone())
            .map(|z| z.timestamp().as_second())
            .map_err(|_| ServiceError::from(InvalidInput::new("from", "invalid_date")))
    };
    let end_day = to
        .tomorrow()
        .map_err(|_| InvalidInput::new("to", "invalid_date"))?;
    Ok((from, to, start(from)?, start(end_day)?))
}

impl App {
    /// The statistics of `sid` over `from..=to` (dates, `YYYY-MM-DD`): its members only.
    pub async fn structure_stats(
        &self,
        session: &Session,
        sid: &StructureId,
        from: Option<&str>,
        to: Option<&str>,
    ) -> ServiceResult<StructureStats> {
        allow(session, Action::ViewStats, Resource::Structure { id: sid })?;
        let (from, to, start, end) = period(self, from, to)?;
        let (sid, days) = (sid.clone(), (from.to_string(), to.to_string()));
        let d2 = days.clone();
        let (counts, breakdowns) = self
            .read(move |tx| {
                Ok((
                    stats::structure_counts(tx, &sid, start, end)?,
                    stats::structure_breakdowns(tx, &sid, (&d2.0, &d2.1), end)?,
                ))
            })
            .await?;
        Ok(StructureStats::new(days.0, days.1, counts, breakdowns))
    }

    /// The platform's public figures (no authentication; no figure under a group of 10).
    pub async fn public_kpis(&self) -> ServiceResult<PublicKpis> {
        let c = self.read(|tx| Ok(stats::platform_counts(tx)?)).await?;
        Ok(PublicKpis {
            people: at_least_a_group(c.people),
            structures: at_least_a_group(c.structures),
            documents: at_least_a_group(c.documents),
            sms: at_least_a_group(c.sms),
            followups: at_least_a_group(c.followups),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn sample(rate: Option<f64>) -> StructureStats {
        StructureStats {
            from: "2026-01-01".into(),
            to: "2026-12-31".into(),
            people_followed: 3,
            safes_opened: 3,
            safes_reconnected: 2,
            reconnection_rate: rate,
            relais_accepted: 1,
            documents_added_by_professionals: 4,
            documents_added_by_people: 5,
            sms_sent: 2,
            sms_segments: 3,
            followups: 2,
            followups_by_medium: [("phone".to_owned(), 2)].into(),
            followups_by_subject: BTreeMap::new(),
            by_housing: [("hotel".to_owned(), 1), ("unknown".to_owned(), 2)].into(),
            subject_labels: BTreeMap::new(),
        }
    }

    #[test]
    fn csv_quotes_what_it_must_and_writes_rates_to_four_decimals() {
        let csv = sample(Some(2.0 / 3.0)).csv(&|k| match k {
            "people_followed" => "Personnes suivies, au total".into(),
            "sms_sent" => "=SMS \"envoyés\"".into(),
            k => k.to_owned(),
        });
        assert!(csv.starts_with("figure,label,value\r\nfrom,from,2026-01-01\r\n"));
        assert!(csv.contains("people_followed,\"Personnes suivies, au total\",3\r\n"));
        assert!(csv.contains("sms_sent,\"'=SMS \"\"envoyés\"\"\",2\r\n"));
        assert!(csv.contains("reconnection_rate,reconnection_rate,0.6667\r\n"));
        assert!(
            sample(None)
                .csv(&|k| k.to_owned())
                .contains("reconnection_rate,reconnection_rate,\r\n")
        );
    }

    #[test]
    fn the_spreadsheet_is_a_zip_whose_first_entry_is_its_stored_mimetype() {
        let ods = sample(None).ods("Stats <&>", &|k| k.to_owned()).unwrap();
        assert_eq!(&ods[..4], b"PK\x03\x04");
        assert_eq!(&ods[30..38], b"mimetype");
        assert_eq!(&ods[38..38 + ODS_MIME.len()], ODS_MIME.as_bytes());
        let text = String::from_utf8_lossy(&ods);
        assert!(text.contains("table:name=\"Stats &lt;&amp;&gt;\""));
    }

    #[test]
    fn small_groups_are_not_given() {
        assert_eq!(at_least_a_group(9), None);
        assert_eq!(at_least_a_group(10), Some(10));
    }
}
