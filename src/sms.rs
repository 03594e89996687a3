//! The SMS operator port and its adapters (beside `store`: the outside world's adapters), and
//! how a text is encoded and counted.
//!
//! Encoding: a text is sent in GSM-7 when every character exists in the GSM 03.38 alphabet
//! (after transliterating Latin letters with accents it lacks: `ê` → `e`, `ș` → `s`), else in
//! UCS-2. A GSM-7 SMS holds 160 characters (153 per segment when split; the characters of the
//! extension table count twice), a UCS-2 one 70 (67 per segment). Operators bill per segment,
//! so texts in Latin letters (French, English, Spanish, Romanian, German, Italian, Portuguese,
//! Turkish) are transliterated: German's ä ö ü ß and Italian's à è é ì ò ù are in the GSM
//! alphabet and stay; Portuguese ã õ ç ê become a o c e; Turkish ğ ı ş become g i s (as Turkish
//! speakers commonly write SMS; the Turkish national shift table of GSM 03.38 is not one French
//! operators offer). Arabic, Dari, Pashto, Russian, Ukrainian and Georgian are sent as they
//! are, in UCS-2.
//!
//! Adapters: [`Brevo`] (Brevo, formerly Sendinblue, widely used in France: `POST
//! /v3/transactionalSMS/sms` with an `api-key` header; delivery reports posted as JSON to the
//! `webUrl` given with each message) and [`Webhook`] (a generic JSON webhook, for an operator
//! gateway of one's own). Both are synchronous (they run inside job handlers on blocking
//! threads).

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How a text travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

/// A text ready to send: possibly transliterated, with its encoding and segment count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub text: String,
    pub encoding: Encoding,
    pub segments: u32,
}

const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED: &str = "^{}\\[~]|€\u{000C}";

fn gsm_cost(c: char) -> Option<u32> {
    if GSM_BASIC.contains(c) {
        Some(1)
    } else if GSM_EXTENDED.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// Latin letters the GSM alphabet lacks, replaced by the nearest one it has.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'â' | 'ã' | 'ă' | 'ā' => "a",
        'Á' | 'À' | 'Â' | 'Ã' | 'Ă' | 'Ā' => "A",
        'ç' => "c",
        'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'È' | 'Ê' | 'Ë' => "E",
        'í' | 'î' | 'ï' => "i",
        'Í' | 'Ì' | 'Î' | 'Ï' => "I",
        'ó' | 'ô' | 'õ' | 'ō' => "o",
        'Ó' | 'Ò' | 'Ô' | 'Õ' => "O",
        'ú' | 'û' | 'ū' => "u",
        'Ú' | 'Ù' | 'Û' => "U",
        'ý' | 'ÿ' => "y",
        'ğ' => "g",
        'Ğ' => "G",
        'ı' => "i",
        'İ' => "I",
        'ș' | 'ş' => "s",
        'Ș' | 'Ş' => "S",
        'ț' | 'ţ' => "t",
        'Ț' | 'Ţ' => "T",
        'œ' => "oe",
        'Œ' => "OE",
        '’' | '‘' | 'ʼ' => "'",
        '“' | '”' | '«' | '»' => "\"",
        '–' | '—' => "-",
        '…' => "...",
        '\u{00A0}' | '\u{202F}' => " ",
        _ => return None,
    })
}

/// Encodes `text` for the cheapest channel that keeps it readable; see the module documentation.
pub fn encode(text: &str) -> Encoded {
    let mut gsm = String::with_capacity(text.len());
    let mut units = 0u32;
    let mut fits = true;
    for c in text.chars() {
        if let Some(cost) = gsm_cost(c) {
            gsm.push(c);
            units += cost;
        } else if let Some(t) = transliterate(c) {
            gsm.push_str(t);
            units += t.chars().count() as u32;
        } else {
            fits = false;
            break;
        }
    }
    if fits {
        let segments = if units <= 160 { 1 } else { units.div_ceil(153) };
        return Encoded {
            text: gsm,
            encoding: Encoding::Gsm7,
            segments,
        };
    }
    let units = text.encode_utf16().count() as u32;
    let segments = if units <= 70 { 1 } else { units.div_ceil(67) };
    Encoded {
        text: text.to_owned(),
        encoding: Encoding::Ucs2,
        segments: segments.max(1),
    }
}

/// A phone number as people write it (`06 12 34 56 78`, `0033…`, `+33…`) in E.164, national
/// numbers taken in `country` (its calling code, e.g. `33`).
pub fn to_e164(phone: &str, country: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    if let Some(rest) = digits.strip_prefix('+') {
        format!("+{rest}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("+{country}{rest}")
    } else {
        format!("+{digits}")
    }
}

/// One message to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// E.164, e.g. `+33612345678`.
    pub to: String,
    pub encoded: Encoded,
    /// Our reference (the reminder id), echoed in delivery reports where the operator allows.
    pub reference: String,
}

/// What the operator answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The operator's id for the message, which its delivery reports name.
    pub operator_ref: String,
    pub segments: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmsError {
    /// Worth trying again later (operator down, 5xx, 429, out of credit).
    #[error("temporary: {0}")]
    Temporary(String),
    /// Will never work (refused number, malformed request, bad credentials).
    #[error("permanent: {0}")]
    Permanent(String),
}

/// A delivery report, whatever the operator's format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub operator_ref: String,
    /// `delivered`, `failed` or `sent` (accepted by the network, not yet on the phone).
    pub status: &'static str,
}

/// The port.
pub trait Operator: Send + Sync {
    fn name(&self) -> &'static str;
    fn send(&self, message: &Message) -> Result<Sent, SmsError>;
    /// Reads a delivery report posted to `/api/v1/sms/delivery/<name>`.
    fn parse_delivery(&self, body: &[u8]) -> Option<Delivery>;
}

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build(),
    )
}

fn classify(status: u16, body: &str) -> SmsError {
    let detail = format!(
        "operator answered {status}: {}",
        body.chars().take(200).collect::<String>()
    );
    match status {
        408 | 429 | 402 | 500..=599 => SmsError::Temporary(detail),
        _ => SmsError::Permanent(detail),
    }
}

pub(crate) fn post_json(
    agent: &ureq::Agent,
    url: &str,
    headers: &[(&str, &str)],
    body: &serde_json::Value,
) -> Result<serde_json::Value, SmsError> {
    let mut req = agent
        .post(url)
        .header("content-type", "application/json")
        .header("accept", "application/json");
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut res = req
        .send(body.to_string())
        .map_err(|e| SmsError::Temporary(format!("operator unreachable: {e}")))?;
    let status = res.status().as_u16();
    let text = res
        .body_mut()
        .with_config()
        .limit(64 * 1024)
        .read_to_string()
        .unwrap_or_default();
    if !(200..300).contains(&status) {
        return Err(classify(status, &text));
    }
    Ok(serde_json::from_str(&text).unwrap_or(serde_json::Value::Null))
}

/// Brevo's transactional SMS API.
pub struct Brevo {
    pub api_url: String,
    pub api_key: String,
    /// 3 to 11 letters or digits shown as the sender.
    pub sender: String,
    /// Where Brevo posts delivery reports (our `/api/v1/sms/delivery/brevo?token=…`).
    pub delivery_url: String,
    agent: ureq::Agent,
}

impl std::fmt::Debug for Brevo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Brevo")
            .field("api_url", &self.api_url)
            .finish_non_exhaustive()
    }
}

impl Brevo {
    pub fn new(api_url: &str, api_key: &str, sender: &str, delivery_url: &str) -> Self {
        Self {
            api_url: api_url.trim_end_matches('/').to_owned(),
            api_key: api_key.to_owned(),
            sender: sender.to_owned(),
            delivery_url: delivery_url.to_owned(),
            agent: agent(),
        }
    }
}

impl Operator for Brevo {
    fn name(&self) -> &'static str {
        "brevo"
    }

    fn send(&self, m: &Message) -> Result<Sent, SmsError> {
        let body = serde_json::json!({
            "sender": self.sender,
            // Brevo wants the number with its country code, without `+`.
            "recipient": m.to.trim_start_matches('+'),
            "content": m.encoded.text,
            "type": "transactional",
            "tag": "consigne-reminder",
            "webUrl": self.delivery_url,
            "unicodeEnabled": m.encoded.encoding == Encoding::Ucs2,
        });
        let answer = post_json(
            &self.agent,
            &format!("{}/v3/transactionalSMS/sms", self.api_url),
            &[("api-key", self.api_key.as_str())],
            &body,
        )?;
        let operator_ref = match &answer["messageId"] {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            _ => return Err(SmsError::Temporary("answer without messageId".into())),
        };
        let segments = answer["smsCount"]
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(m.encoded.segments);
        Ok(Sent {
            operator_ref,
            segments,
        })
    }

    fn parse_delivery(&self, body: &[u8]) -> Option<Delivery> {
        let v: serde_json::Value = serde_json::from_slice(body).ok()?;
        let operator_ref = match &v["messageId"] {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            _ => return None,
        };
        let status = match v["msg_status"].as_str()? {
            "delivered" => "delivered",
            "soft_bounce" | "hard_bounce" | "rejected" | "blacklisted" => "failed",
            "sent" | "accepted" => "sent",
            _ => return None,
        };
        Some(Delivery {
            operator_ref,
            status,
        })
    }
}

/// A generic JSON webhook: `POST <url>` with `Authorization: Bearer <token>` and
/// `{to, text, reference, encoding, segments}`; a 2xx answer may carry `{"id": "…"}` (else our
/// reference is the operator's). Delivery reports: `{"reference" or "id", "status":
/// "delivered" | "failed" | "sent"}`.
pub struct Webhook {
    pub url: String,
    pub token: String,
    pub(crate) agent: ureq::Agent,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Webhook {
    pub fn new(url: &str, token: &str) -> Self {
        Self {
            url: url.to_owned(),
            token: token.to_owned(),
            agent: agent(),
        }
    }
}

impl Operator for Webhook {
    fn name(&self) -> &'static str {
        "webhook"
    }

    fn send(&self, m: &Message) -> Result<Sent, SmsError> {
        let body = serde_json::json!({
            "to": m.to,
            "text": m.encoded.text,
            "reference": m.reference,
            "encoding": m.encoded.encoding,
            "segments": m.encoded.segments,
        });
        let bearer = format!("Bearer {}", self.token);
        let answer = post_json(
            &self.agent,
            &self.url,
            &[("authorization", bearer.as_str())],
            &body,
        )?;
        Ok(Sent {
            operator_ref: answer["id"].as_str().unwrap_or(&m.reference).to_owned(),
            segments: m.encoded.segments,
        })
    }

    fn parse_delivery(&self, body: &[u8]) -> Option<Delivery> {
        let v: serde_json::Value = serde_json::from_slice(body).ok()?;
        let operator_ref = v["id"].as_str().or(v["reference"].as_str())?.to_owned();
        let status = match v["status"].as_str()? {
            "delivered" => "delivered",
            "failed" | "undelivered" | "rejected" => "failed",
            "sent" | "accepted" => "sent",
            _ => return None,
        };
        Some(Delivery {
            operator_ref,
            status,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn latin_texts_go_in_gsm7_transliterated() {
        let e = encode("Rappel : rendez-vous demain à 14:30. Être à l’heure, ça compte.");
        assert_eq!(e.encoding, Encoding::Gsm7);
        assert_eq!(
            e.text,
            "Rappel : rendez-vous demain à 14:30. Etre à l'heure, ca compte."
        );
        assert_eq!(e.segments, 1);
        let ro = encode("Întâlnire mâine la ora 9, ștampila și țara");
        assert_eq!(ro.encoding, Encoding::Gsm7);
        assert!(ro.text.contains("stampila si tara"), "{}", ro.text);
        let tr = encode("Consigne: Kasadaki bir belgenizin süresi doluyor. Açın, ığdır şehri.");
        assert_eq!(tr.encoding, Encoding::Gsm7);
        assert!(
            tr.text.contains("ü") && tr.text.contains("Acin, igdir sehri"),
            "{}",
            tr.text
        );
        let pt = encode("Não perca a sua marcação à tarde");
        assert_eq!(
            (pt.encoding, pt.text.as_str()),
            (Encoding::Gsm7, "Nao perca a sua marcacao à tarde")
        );
        let de = encode("Straße, Größe, Übermorgen");
        assert_eq!(
            (de.encoding, de.text.as_str()),
            (Encoding::Gsm7, "Straße, Größe, Übermorgen")
        );
        let es = encode("¿Cita mañana? Sí, a las 10.");
        assert_eq!(
            (es.encoding, es.text.as_str()),
            (Encoding::Gsm7, "¿Cita mañana? Si, a las 10.")
        );
    }

    #[test]
    fn other_scripts_go_in_ucs2() {
        for text in [
            "موعد غدا الساعة 10",
            "Встреча завтра в 10:00",
            "Зустріч завтра о 10:00",
            "შეხვედრა ხვალ 10:00-ზე",
        ] {
            let e = encode(text);
            assert_eq!(e.encoding, Encoding::Ucs2, "{text}");
            assert_eq!(e.text, text);
            assert_eq!(e.segments, 1);
        }
    }

    #[test]
    fn segments_are_counted_as_operators_bill_them() {
        assert_eq!(encode(&"a".repeat(160)).segments, 1);
        assert_eq!(encode(&"a".repeat(161)).segments, 2);
        assert_eq!(encode(&"a".repeat(306)).segments, 2);
        assert_eq!(encode(&"a".repeat(307)).segments, 3);
        // Extension characters count twice.
        assert_eq!(encode(&"€".repeat(80)).segments, 1);
        assert_eq!(encode(&"€".repeat(81)).segments, 2);
        assert_eq!(encode(&"ж".repeat(70)).segments, 1);
        assert_eq!(encode(&"ж".repeat(71)).segments, 2);
        assert_eq!(encode(&"ж".repeat(134)).segments, 2);
        assert_eq!(encode(&"ж".repeat(135)).segments, 3);
    }

    #[test]
    fn numbers_become_e164() {
        assert_eq!(to_e164("06 12 34 56 78", "33"), "+33612345678");
        assert_eq!(to_e164("0033612345678", "33"), "+33612345678");
        assert_eq!(to_e164("+32 470 12 34 56", "33"), "+32470123456");
    }

    #[test]
    fn delivery_reports_are_read_in_each_format() {
        let brevo = Brevo::new("http://127.0.0.1:1", "k", "Consigne", "http://x");
        let d = brevo
            .parse_delivery(br#"{"id":26570,"to":"33612345678","sms_count":1,"messageId":123,"msg_status":"delivered","type":"transactional"}"#)
            .unwrap();
        assert_eq!((d.operator_ref.as_str(), d.status), ("123", "delivered"));
        assert_eq!(
            brevo
                .parse_delivery(br#"{"messageId":9,"msg_status":"hard_bounce"}"#)
                .unwrap()
                .status,
            "failed"
        );
        assert!(brevo.parse_delivery(b"not json").is_none());
        let hook = Webhook::new("http://127.0.0.1:1", "t");
        let d = hook
            .parse_delivery(br#"{"reference":"r1","status":"delivered"}"#)
            .unwrap();
        assert_eq!((d.operator_ref.as_str(), d.status), ("r1", "delivered"));
    }
}
