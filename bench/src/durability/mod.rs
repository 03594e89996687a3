//! The durability battery (issue 6, part 3), run against the real `consigne` binary over HTTP.
//! See docs/operations.md, "Durability battery".

pub mod atomic;
pub mod backup;
pub mod client;
pub mod disk_full;
pub mod docs;
pub mod kill_loop;
pub mod members;
pub mod reset;
pub mod server;
pub mod writes;

use anyhow::{Context, Result, anyhow, bail};
use client::Api;
use rand::{Rng, rngs::StdRng};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

/// The demo's professional (admin of the relay structure *Les Tilleuls*); `consigne demo`
/// lets staff log in without a second factor.
pub const PRO_EMAIL: &str = "claire.martin@tilleuls.demo.consigne.example";
pub const PRO_PASSWORD: &str = "demo claire ouvre des coffres";

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A beneficiary the battery created, with a session token.
#[derive(Debug, Clone)]
pub struct Person {
    pub identifier: String,
    pub password: String,
    pub bid: String,
    pub token: String,
}

/// The professional's session and her structure.
#[derive(Debug, Clone)]
pub struct Pro {
    pub token: String,
    pub sid: String,
}

/// A random strong password (24 letters and digits, no name in it).
pub fn random_password(rng: &mut StdRng) -> String {
    const CHARS: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let s: String = (0..24)
        .map(|_| char::from(CHARS[rng.gen_range(0..CHARS.len())]))
        .collect();
    format!("safe-{s}")
}

/// Retries `f` while the server gives no answer (e.g. right after a restart), up to 60 s.
pub fn patiently<T>(mut f: impl FnMut() -> Result<T>) -> Result<T> {
    let start = Instant::now();
    loop {
        match f() {
            Ok(v) => return Ok(v),
            Err(e) if start.elapsed() > Duration::from_secs(60) => return Err(e),
            Err(e) if format!("{e:#}").contains("transport") => {
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Logs in; 200 gives the token.
pub fn login(api: &Api, identifier: &str, password: &str) -> Result<String> {
    let r = patiently(|| api.login(identifier, password))?;
    if r.status != 200 {
        bail!("login of {identifier} answered {}: {}", r.status, r.short());
    }
    r.field("token")
}

pub fn pro_login(api: &Api) -> Result<Pro> {
    let r = patiently(|| api.login(PRO_EMAIL, PRO_PASSWORD))?;
    if r.status != 200 {
        bail!(
            "login of the demo professional answered {}: {}",
            r.status,
            r.short()
        );
    }
    let v = r.json()?;
    let token = v["token"]
        .as_str()
        .ok_or_else(|| anyhow!("no token: {}", r.short()))?
        .to_owned();
    let sid = v["account"]["structures"][0]["id"]
        .as_str()
        .ok_or_else(|| anyhow!("the demo professional has no structure: {}", r.short()))?
        .to_owned();
    Ok(Pro { token, sid })
}

/// Opens a safe through the professional (her structure is the person's first relais), then
/// logs the person in.
pub fn create_person(api: &Api, pro: &Pro, n: usize, rng: &mut StdRng) -> Result<Person> {
    const FIRST: &[&str] = &[
        "Nadia", "Paul", "Lucie", "Omar", "Ines", "Marc", "Sara", "Hugo",
    ];
    let password = random_password(rng);
    let body = serde_json::json!({
        "first_name": FIRST[n % FIRST.len()],
        "last_name": "Durable",
        "birth_date": format!("19{:02}-0{}-1{}", 60 + n % 40, 1 + n % 9, n % 10),
        "password": password,
    });
    let r = patiently(|| {
        api.post_json(
            &format!("/api/v1/structures/{}/beneficiaries", pro.sid),
            Some(&pro.token),
            &body,
        )
    })?;
    if r.status != 201 {
        bail!("opening a safe answered {}: {}", r.status, r.short());
    }
    let identifier = r.field("identifier")?;
    let bid = r.field("id")?;
    let token = login(api, &identifier, &password).context("first login of a new person")?;
    Ok(Person {
        identifier,
        password,
        bid,
        token,
    })
}

/// Fresh sessions for everybody (tokens survive restarts, but a check should not depend on
/// an old session).
pub fn relogin(api: &Api, people: &mut [Person]) -> Result<()> {
    for p in people.iter_mut() {
        p.token = login(api, &p.identifier, &p.password)?;
    }
    Ok(())
}

/// What one part of the battery found.
#[derive(Debug, Default)]
pub struct PartReport {
    pub name: String,
    pub ran: bool,
    /// False where the part does not apply to the backend (disk full on PostgreSQL + S3).
    pub applies: bool,
    pub acknowledged: u64,
    pub lost: u64,
    pub corrupted: u64,
    pub failures: Vec<String>,
    pub notes: Vec<String>,
}

impl PartReport {
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            applies: true,
            ..Self::default()
        }
    }

    pub fn passed(&self) -> bool {
        self.ran && self.lost == 0 && self.corrupted == 0 && self.failures.is_empty()
    }
}
