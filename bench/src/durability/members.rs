//! Part 5 (issue 11): SIGKILL during a member's deactivation and during the structure key
//! rotation it starts. After each restart: a deactivation answered 204 is there (her session
//! and her login are refused), one not answered is entirely there or entirely absent; every
//! document shared with the structure still opens for the remaining admin with its
//! acknowledged digest, and every person the structure follows is still listed (no item
//! unreadable to a remaining member); the rotation, resumed by the admin's requests, ends.

use super::atomic::{account, killed_during, moment, share_state, small_doc};
use super::client::{Api, Reply};
use super::docs::Acked;
use super::server::Server;
use super::{PartReport, Person, Pro, patiently, pro_login, random_password};
use anyhow::{Result, anyhow, bail};
use rand::{Rng, rngs::StdRng};
use std::time::{Duration, Instant};

/// The demo's platform admin: holds no structure key, so her requests never run a rotation
/// (she only looks whether one is under way).
const OPERATOR_EMAIL: &str = "admin@demo.consigne.example";
const OPERATOR_PASSWORD: &str = "demo le gardien des clefs";

/// Whether the structure's key rotation is under way, as the operator sees it.
fn rotating(api: &Api, sid: &str) -> Result<bool> {
    let login = patiently(|| api.login(OPERATOR_EMAIL, OPERATOR_PASSWORD))?;
    if login.status != 200 {
        bail!(
            "the demo operator's login answered {}: {}",
            login.status,
            login.short()
        );
    }
    let token = login.field("token")?;
    let r = patiently(|| api.get(&format!("/api/v1/structures/{sid}"), Some(&token)))?;
    Ok(r.json()?["key_rotating"] != false)
}

/// A colleague the admin adds (active at once: the admin holds the key), logged in.
struct Colleague {
    id: String,
    email: String,
    password: String,
    token: String,
}

fn add_colleague(api: &Api, pro: &Pro, n: u32, rng: &mut StdRng) -> Result<Colleague> {
    let email = format!(
        "colleague{n}-{}@tilleuls.durability.example",
        rng.r#gen::<u32>()
    );
    let password = random_password(rng);
    let body = serde_json::json!({
        "display_name": format!("Collègue {n}"),
        "email": email,
        "password": password,
        "role": "member",
    });
    let r = patiently(|| {
        api.post_json(
            &format!("/api/v1/structures/{}/professionals", pro.sid),
            Some(&pro.token),
            &body,
        )
    })?;
    if r.status != 201 || r.json()?["status"] != "active" {
        bail!("adding a colleague answered {}: {}", r.status, r.short());
    }
    let id = r.field("id")?;
    let login = patiently(|| api.login(&email, &password))?;
    if login.status != 200 {
        bail!(
            "the colleague's login answered {}: {}",
            login.status,
            login.short()
        );
    }
    Ok(Colleague {
        id,
        token: login.field("token")?,
        email,
        password,
    })
}

/// Whether the colleague is deactivated, checking that everything agrees: her old session,
/// her login and the team list.
fn deactivated(api: &Api, pro: &Pro, c: &Colleague) -> Result<bool> {
    let me = patiently(|| api.get("/api/v1/me", Some(&c.token)))?;
    let login = patiently(|| api.login(&c.email, &c.password))?;
    let team = patiently(|| {
        api.get(
            &format!("/api/v1/structures/{}/professionals", pro.sid),
            Some(&pro.token),
        )
    })?;
    let status = team
        .json()?
        .as_array()
        .and_then(|a| a.iter().find(|m| m["id"] == c.id.as_str()).cloned())
        .and_then(|m| m["status"].as_str().map(str::to_owned))
        .ok_or_else(|| anyhow!("the colleague is not in the team list: {}", team.short()))?;
    match (me.status, login.status, status.as_str()) {
        (401, 403, "deactivated") if login.code() == "account_deactivated" => Ok(true),
        (200, 200, "active") => Ok(false),
        (m, l, s) => Err(anyhow!(
            "half a deactivation: her session answers {m}, her login {l} ({}), the team says {s}",
            login.code()
        )),
    }
}

/// Waits (at most a minute) until the structure's rotation ended; the admin's requests feed
/// it the key. Returns the key version.
fn rotation_ends(api: &Api, pro: &Pro) -> Result<i64> {
    let start = Instant::now();
    loop {
        let r =
            patiently(|| api.get(&format!("/api/v1/structures/{}", pro.sid), Some(&pro.token)))?;
        let v = r.json()?;
        if v["key_rotating"] == false {
            return v["key_version"]
                .as_i64()
                .ok_or_else(|| anyhow!("no key_version: {}", r.short()));
        }
        if start.elapsed() > Duration::from_secs(60) {
            bail!(
                "the structure key rotation did not end within a minute: {}",
                r.short()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Every document shared with the structure opens for the admin with its digest, and the
/// people list has everyone.
fn everything_readable(
    api: &Api,
    person: &Person,
    pro: &Pro,
    shared: &[Acked],
    people: usize,
    report: &mut PartReport,
) -> Result<()> {
    for doc in shared {
        match share_state(api, person, pro, doc) {
            Ok(true) => {}
            Ok(false) => {
                report.lost += 1;
                report
                    .failures
                    .push(format!("document {} is no longer shared", doc.id));
            }
            Err(e) => {
                report.corrupted += 1;
                report.failures.push(format!("{e:#}"));
            }
        }
    }
    let r = patiently(|| {
        api.get(
            &format!("/api/v1/structures/{}/beneficiaries", pro.sid),
            Some(&pro.token),
        )
    })?;
    let listed = r.json()?.as_array().map_or(0, Vec::len);
    if r.status != 200 || listed < people {
        report.corrupted += 1;
        report.failures.push(format!(
            "the admin lists {listed} of {people} people ({}): {}",
            r.status,
            r.short()
        ));
    }
    Ok(())
}

/// Runs `rounds` rounds of: add a colleague, kill during her deactivation, then deactivate
/// another and kill during the rotation it started; checks after each restart. `shares`
/// documents are shared with the structure first (the rotation re-wraps them, 200 a batch).
#[allow(clippy::too_many_arguments)]
pub fn run(
    server: &mut Server,
    api: &Api,
    people: &[Person],
    who: usize,
    rounds: u32,
    shares: u32,
    rng: &mut StdRng,
    report: &mut PartReport,
) -> Result<()> {
    report.ran = true;
    let person = people
        .get(who)
        .cloned()
        .ok_or_else(|| anyhow!("no person {who}"))?;
    let mut pro = pro_login(api)?;
    let followed = {
        let r = api.get(
            &format!("/api/v1/structures/{}/beneficiaries", pro.sid),
            Some(&pro.token),
        )?;
        r.json()?.as_array().map_or(0, Vec::len)
    };
    // Documents shared with the structure: the rotation re-wraps them.
    let mut shared = Vec::new();
    for _ in 0..shares {
        let doc = small_doc(api, &person, who, rng)?;
        let path = format!("/api/v1/documents/{}/shares/{}", doc.id, pro.sid);
        let r = patiently(|| api.put_empty(&path, &person.token))?;
        if r.status != 204 {
            bail!("sharing answered {}: {}", r.status, r.short());
        }
        shared.push(doc);
    }
    // Calibration: one deactivation and its rotation, not killed.
    let c = add_colleague(api, &pro, 0, rng)?;
    let t = Instant::now();
    let r = api.post_json(
        &format!(
            "/api/v1/structures/{}/professionals/{}/deactivate",
            pro.sid, c.id
        ),
        Some(&pro.token),
        &serde_json::json!({}),
    )?;
    let deactivate_time = t.elapsed();
    if r.status != 204 {
        bail!("deactivating answered {}: {}", r.status, r.short());
    }
    let mut version = rotation_ends(api, &pro)?;
    let rotation_time = t.elapsed();
    let (mut deactivations, mut rotations, mut resumed) = ([0u32; 2], 0u32, 0u32);
    for n in 1..=rounds {
        let c = add_colleague(api, &pro, n, rng)?;
        let path = format!(
            "/api/v1/structures/{}/professionals/{}/deactivate",
            pro.sid, c.id
        );
        let (a, tok) = (api.clone(), pro.token.clone());
        let answer = killed_during(
            server,
            moment(rng, deactivate_time),
            move || -> Result<Reply> { a.post_json(&path, Some(&tok), &serde_json::json!({})) },
        )?;
        pro = pro_login(api)?;
        let after = deactivated(api, &pro, &c);
        let done = matches!(after, Ok(true));
        account("deactivation", answer, after, &mut deactivations, report);
        if !done {
            // Not there: deactivate her now, so that a rotation runs for the next kill.
            let path = format!(
                "/api/v1/structures/{}/professionals/{}/deactivate",
                pro.sid, c.id
            );
            let r = patiently(|| api.post_json(&path, Some(&pro.token), &serde_json::json!({})))?;
            if r.status != 204 {
                bail!("deactivating again answered {}: {}", r.status, r.short());
            }
        }
        // Kill while the rotation runs: let it finish, then deactivate one more colleague
        // (answered) and kill at a moment of the rotation that follows; the admin's requests
        // after the restart must resume it.
        rotation_ends(api, &pro)?;
        let c = add_colleague(api, &pro, n + 1000, rng)?;
        let path = format!(
            "/api/v1/structures/{}/professionals/{}/deactivate",
            pro.sid, c.id
        );
        let (a, tok) = (api.clone(), pro.token.clone());
        let during = moment(rng, rotation_time.saturating_sub(deactivate_time));
        let answer = killed_during(
            server,
            deactivate_time + during,
            move || -> Result<Reply> { a.post_json(&path, Some(&tok), &serde_json::json!({})) },
        )?;
        // Before any request of a key holder: is the rotation left half done?
        let was_pending = rotating(api, &pro.sid)?;
        pro = pro_login(api)?;
        let after = deactivated(api, &pro, &c);
        account("deactivation", answer, after, &mut deactivations, report);
        if !matches!(deactivated(api, &pro, &c), Ok(true)) {
            let path = format!(
                "/api/v1/structures/{}/professionals/{}/deactivate",
                pro.sid, c.id
            );
            let r = patiently(|| api.post_json(&path, Some(&pro.token), &serde_json::json!({})))?;
            if r.status != 204 {
                bail!("deactivating again answered {}: {}", r.status, r.short());
            }
        }
        pro = pro_login(api)?;
        match rotation_ends(api, &pro) {
            Ok(v) if v > version => {
                version = v;
                rotations += 1;
                resumed += u32::from(was_pending);
                report.acknowledged += 1;
            }
            Ok(v) => {
                report.failures.push(format!(
                    "after a deactivation the key version is {v}, it was {version} before"
                ));
            }
            Err(e) => report.failures.push(format!("{e:#}")),
        }
        everything_readable(api, &person, &pro, &shared, followed, report)?;
        if rng.gen_bool(0.5) {
            // And once in a while a new share after the rotation, which must open too.
            let doc = small_doc(api, &person, who, rng)?;
            let path = format!("/api/v1/documents/{}/shares/{}", doc.id, pro.sid);
            let r = patiently(|| api.put_empty(&path, &person.token))?;
            if r.status == 204 {
                shared.push(doc);
            }
        }
    }
    report.notes.push(format!(
        "{rounds} rounds; deactivation: {} answered before the kill, {} done after restart; {rotations} rotations ended ({resumed} of them still under way after the restart, resumed by the admin's requests; key version {version}); usual durations: deactivation {deactivate_time:?}, deactivation and rotation {rotation_time:?}; {} shared documents checked each round",
        deactivations[0],
        deactivations[1],
        shared.len()
    ));
    Ok(())
}
