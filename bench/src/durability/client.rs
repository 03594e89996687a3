//! A small blocking HTTP client for the JSON API of the real server (ureq).

use anyhow::{Context, Result, anyhow};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::time::Duration;

/// A reply the server gave (any status). A transport error (server down, connection cut by a
/// kill) is an `Err` instead.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Result<Value> {
        serde_json::from_str(&self.body).with_context(|| {
            format!(
                "status {} with a body that is not JSON: {}",
                self.status,
                self.short()
            )
        })
    }

    /// The error code of a JSON error body, if any.
    pub fn code(&self) -> String {
        self.json()
            .ok()
            .and_then(|v| v["error"]["code"].as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    pub fn short(&self) -> String {
        self.body.chars().take(300).collect()
    }

    /// The string field `field` of a JSON body.
    pub fn field(&self, field: &str) -> Result<String> {
        self.json()?[field]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("no {field:?} in {}", self.short()))
    }
}

/// A document's content as downloaded: status, length and SHA-256 of the bytes.
#[derive(Debug, Clone)]
pub struct Download {
    pub status: u16,
    pub len: u64,
    pub sha256: String,
    /// The error body when status is not 200.
    pub error: String,
}

#[derive(Debug, Clone)]
pub struct Api {
    agent: ureq::Agent,
    pub base: String,
}

impl Api {
    pub fn new(base: &str) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(300)))
            .timeout_connect(Some(Duration::from_secs(5)))
            // A killed server leaves dead pooled connections behind: one connection a request.
            .max_idle_connections(0)
            .max_idle_connections_per_host(0)
            .build();
        Self {
            agent: ureq::Agent::new_with_config(config),
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn reply(res: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<Reply> {
        let mut res = res.map_err(|e| anyhow!("transport: {e}"))?;
        let status = res.status().as_u16();
        let body = res
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .lossy_utf8(true)
            .read_to_string()
            .map_err(|e| anyhow!("transport (body): {e}"))?;
        Ok(Reply { status, body })
    }

    fn auth(token: Option<&str>) -> String {
        token.map(|t| format!("Bearer {t}")).unwrap_or_default()
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> Result<Reply> {
        let mut req = self.agent.get(self.url(path));
        if token.is_some() {
            req = req.header("Authorization", Self::auth(token));
        }
        Self::reply(req.call())
    }

    pub fn delete(&self, path: &str, token: &str) -> Result<Reply> {
        Self::reply(
            self.agent
                .delete(self.url(path))
                .header("Authorization", Self::auth(Some(token)))
                .call(),
        )
    }

    pub fn put_empty(&self, path: &str, token: &str) -> Result<Reply> {
        Self::reply(
            self.agent
                .put(self.url(path))
                .header("Authorization", Self::auth(Some(token)))
                .send_empty(),
        )
    }

    pub fn post_json(&self, path: &str, token: Option<&str>, body: &Value) -> Result<Reply> {
        let mut req = self
            .agent
            .post(self.url(path))
            .content_type("application/json");
        if token.is_some() {
            req = req.header("Authorization", Self::auth(token));
        }
        Self::reply(req.send(body.to_string().as_bytes()))
    }

    pub fn patch_json(&self, path: &str, token: &str, body: &Value) -> Result<Reply> {
        Self::reply(
            self.agent
                .patch(self.url(path))
                .header("Authorization", Self::auth(Some(token)))
                .content_type("application/json")
                .send(body.to_string().as_bytes()),
        )
    }

    /// Logs in; a person asked to accept the terms in force (her first login) accepts them,
    /// as she would on the page, before the battery uses her session.
    pub fn login(&self, identifier: &str, password: &str) -> Result<Reply> {
        let reply = self.post_json(
            "/api/v1/auth/login",
            None,
            &serde_json::json!({"identifier": identifier, "password": password}),
        )?;
        if reply.status == 200 {
            let v = reply.json()?;
            if let (Some(token), Some(version)) = (
                v["token"].as_str(),
                v["account"]["terms_to_accept"].as_str(),
            ) {
                let accepted = self.post_json(
                    "/api/v1/me/terms",
                    Some(token),
                    &serde_json::json!({"version": version}),
                )?;
                if accepted.status != 204 {
                    anyhow::bail!(
                        "accepting the terms: {} {}",
                        accepted.status,
                        accepted.short()
                    );
                }
            }
        }
        Ok(reply)
    }

    /// Uploads `bytes` as a new document of safe `bid` (multipart, one part `file`).
    pub fn upload(&self, token: &str, bid: &str, bytes: &[u8], file_name: &str) -> Result<Reply> {
        let boundary = "consigne-durability-boundary-7d1f";
        let mut body = Vec::with_capacity(bytes.len() + 512);
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/pdf\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        Self::reply(
            self.agent
                .post(self.url(&format!("/api/v1/beneficiaries/{bid}/documents")))
                .header("Authorization", Self::auth(Some(token)))
                .content_type(format!("multipart/form-data; boundary={boundary}"))
                .send(&body[..]),
        )
    }

    /// The same upload over a plain socket, for a server that may refuse in the middle of the
    /// body (a full disk): it answers 507 and closes while the client is still sending, which
    /// an HTTP client library reports as a broken pipe. Here a failed write stops the sending
    /// and the answer already received is read.
    pub fn upload_raw(
        &self,
        token: &str,
        bid: &str,
        bytes: &[u8],
        file_name: &str,
    ) -> Result<Reply> {
        use std::io::Write;
        let boundary = "consigne-durability-boundary-7d1f";
        let part_head = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/pdf\r\n\r\n"
        );
        let part_tail = format!("\r\n--{boundary}--\r\n");
        let host = self.base.trim_start_matches("http://");
        let mut stream =
            std::net::TcpStream::connect(host).map_err(|e| anyhow!("transport: {e}"))?;
        stream.set_read_timeout(Some(Duration::from_secs(120)))?;
        stream.set_write_timeout(Some(Duration::from_secs(120)))?;
        let head = format!(
            "POST /api/v1/beneficiaries/{bid}/documents HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            part_head.len() + bytes.len() + part_tail.len()
        );
        let mut body = Vec::with_capacity(bytes.len() + 512);
        body.extend_from_slice(head.as_bytes());
        body.extend_from_slice(part_head.as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(part_tail.as_bytes());
        for chunk in body.chunks(64 * 1024) {
            if stream.write_all(chunk).is_err() {
                break;
            }
        }
        let mut answer = Vec::new();
        let mut buf = [0u8; 16 * 1024];
        loop {
            match stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
                Err(_) => break,
            }
        }
        let text = String::from_utf8_lossy(&answer);
        let status: u16 = text
            .strip_prefix("HTTP/1.1 ")
            .and_then(|t| t.get(..3))
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| anyhow!("transport: no HTTP answer ({} bytes)", answer.len()))?;
        let rest = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        // The JSON object, whether the body came with a length or in chunks.
        let body = match (rest.find('{'), rest.rfind('}')) {
            (Some(a), Some(b)) if a <= b => rest[a..=b].to_owned(),
            _ => rest.to_owned(),
        };
        Ok(Reply { status, body })
    }

    /// Downloads a document's content, hashing it as it arrives.
    pub fn download(&self, token: &str, id: &str) -> Result<Download> {
        let mut res = self
            .agent
            .get(self.url(&format!("/api/v1/documents/{id}/content")))
            .header("Authorization", Self::auth(Some(token)))
            .call()
            .map_err(|e| anyhow!("transport: {e}"))?;
        let status = res.status().as_u16();
        if status != 200 {
            let error = res
                .body_mut()
                .with_config()
                .limit(1024 * 1024)
                .lossy_utf8(true)
                .read_to_string()
                .unwrap_or_default();
            return Ok(Download {
                status,
                len: 0,
                sha256: String::new(),
                error,
            });
        }
        let mut reader = res
            .body_mut()
            .with_config()
            .limit(2 * 1024 * 1024 * 1024)
            .reader();
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut len = 0u64;
        loop {
            let n = reader
                .read(&mut buf)
                .map_err(|e| anyhow!("transport (download): {e}"))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            len += n as u64;
        }
        Ok(Download {
            status,
            len,
            sha256: hex::encode(hasher.finalize()),
            error: String::new(),
        })
    }
}
