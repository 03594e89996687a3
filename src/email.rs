//! The e-mail port and its adapters (beside `sms`: the outside world's adapters), used for
//! licence renewal reminders (`service::renewals`).
//!
//! Adapters: [`Smtp`] (an SMTP relay through `lettre`: plain, STARTTLS or implicit TLS with
//! rustls, optional credentials) and [`Webhook`] (a generic JSON webhook, like the SMS one:
//! `POST <url>` with `Authorization: Bearer <token>` and `{to, subject, text, language,
//! reference}`). Both are synchronous: they run inside job handlers on blocking threads.
//! Failures are temporary (try again later: server down, 4xx SMTP replies, HTTP 5xx or 429)
//! or permanent (refused address, malformed request, bad credentials).

use std::time::Duration;

use crate::sms::{SmsError, post_json};

/// One e-mail to send, in plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// Its language (a catalogue code), for the webhook.
    pub language: String,
    /// Our reference (the notice and the recipient), echoed by the webhook.
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    /// Worth trying again later.
    #[error("temporary: {0}")]
    Temporary(String),
    /// Will never work.
    #[error("permanent: {0}")]
    Permanent(String),
}

/// The port.
pub trait Mailer: Send + Sync {
    fn name(&self) -> &'static str;
    fn send(&self, email: &Email) -> Result<(), MailError>;
}

/// How the SMTP connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain text (a relay on the same host or a private network only).
    None,
    /// STARTTLS, required (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl SmtpTls {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "none" => Self::None,
            "starttls" => Self::StartTls,
            "tls" => Self::Tls,
            _ => return None,
        })
    }
}

/// An SMTP relay.
pub struct Smtp {
    transport: lettre::SmtpTransport,
    from: lettre::message::Mailbox,
}

impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Smtp")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl Smtp {
    /// A relay at `host:port`; `credentials` (user, password) when the relay asks for them.
    /// Errors: a `from` that is not an address, a host that is not a name.
    pub fn new(
        host: &str,
        port: u16,
        tls: SmtpTls,
        credentials: Option<(&str, &str)>,
        from: &str,
    ) -> Result<Self, String> {
        use lettre::transport::smtp::authentication::Credentials;
        let from = from
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| format!("email.from: {e}"))?;
        let builder = match tls {
            SmtpTls::None => lettre::SmtpTransport::builder_dangerous(host),
            SmtpTls::StartTls => lettre::SmtpTransport::starttls_relay(host)
                .map_err(|e| format!("email.smtp_host: {e}"))?,
            SmtpTls::Tls => {
                lettre::SmtpTransport::relay(host).map_err(|e| format!("email.smtp_host: {e}"))?
            }
        };
        let mut builder = builder.port(port).timeout(Some(Duration::from_secs(30)));
        if let Some((user, password)) = credentials {
            builder = builder.credentials(Credentials::new(user.to_owned(), password.to_owned()));
        }
        Ok(Self {
            transport: builder.build(),
            from,
        })
    }
}

impl Mailer for Smtp {
    fn name(&self) -> &'static str {
        "smtp"
    }

    fn send(&self, e: &Email) -> Result<(), MailError> {
        use lettre::Transport;
        let to =
            e.to.parse::<lettre::message::Mailbox>()
                .map_err(|err| MailError::Permanent(format!("recipient: {err}")))?;
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(e.subject.clone())
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(e.text.clone())
            .map_err(|err| MailError::Permanent(format!("message: {err}")))?;
        match self.transport.send(&message) {
            Ok(_) => Ok(()),
            Err(err) if err.is_permanent() => {
                Err(MailError::Permanent(format!("SMTP server refused: {err}")))
            }
            Err(err) => Err(MailError::Temporary(format!("SMTP: {err}"))),
        }
    }
}

/// A generic JSON webhook (see the module documentation); the SMS webhook's URL, token and
/// HTTP client.
#[derive(Debug)]
pub struct Webhook(crate::sms::Webhook);

impl Webhook {
    pub fn new(url: &str, token: &str) -> Self {
        Self(crate::sms::Webhook::new(url, token))
    }
}

impl Mailer for Webhook {
    fn name(&self) -> &'static str {
        "webhook"
    }

    fn send(&self, e: &Email) -> Result<(), MailError> {
        let body = serde_json::json!({
            "to": e.to,
            "subject": e.subject,
            "text": e.text,
            "language": e.language,
            "reference": e.reference,
        });
        let bearer = format!("Bearer {}", self.0.token);
        post_json(
            &self.0.agent,
            &self.0.url,
            &[("authorization", bearer.as_str())],
            &body,
        )
        .map(|_| ())
        .map_err(|err| match err {
            SmsError::Temporary(m) => MailError::Temporary(m),
            SmsError::Permanent(m) => MailError::Permanent(m),
        })
    }
}

/// The transport configured in `[email]`, if any (`none`: `Ok(None)`).
pub fn mailer_from_config(
    config: &crate::config::Config,
) -> Result<Option<std::sync::Arc<dyn Mailer>>, String> {
    let e = &config.email;
    Ok(match e.transport.as_str() {
        "smtp" => {
            let tls = SmtpTls::parse(&e.smtp_tls)
                .ok_or("email.smtp_tls must be none, starttls or tls")?;
            let credentials = (!e.smtp_username.is_empty())
                .then_some((e.smtp_username.as_str(), e.smtp_password.as_str()));
            Some(std::sync::Arc::new(Smtp::new(
                &e.smtp_host,
                e.smtp_port,
                tls,
                credentials,
                &e.from,
            )?))
        }
        "webhook" => Some(std::sync::Arc::new(Webhook::new(
            &e.webhook_url,
            &e.webhook_token,
        ))),
        _ => None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_transport_follows_the_configuration_and_bad_settings_are_refused() {
        let mut c = crate::config::Config::default();
        assert!(mailer_from_config(&c).unwrap().is_none());
        c.email.transport = "webhook".into();
        assert_eq!(mailer_from_config(&c).unwrap().unwrap().name(), "webhook");
        c.email.transport = "smtp".into();
        for tls in ["none", "starttls", "tls"] {
            c.email.smtp_tls = tls.into();
            assert_eq!(mailer_from_config(&c).unwrap().unwrap().name(), "smtp");
            assert!(c.validate().is_ok());
        }
        c.email.smtp_tls = "ssl".into();
        assert!(mailer_from_config(&c).is_err() && c.validate().is_err());
        c.email.smtp_tls = "starttls".into();
        c.email.from = "not an address".into();
        assert!(mailer_from_config(&c).is_err() && c.validate().is_err());
        c.email.from = "Consigne <no-reply@consigne.example>".into();
        c.email.transport = "sendmail".into();
        assert!(c.validate().is_err());
    }
}
