//! Part 3: SIGKILL during a share, a revocation and a password change. After the restart the
//! state is entirely before or entirely after: a share exists and the relais' professional can
//! open the document, or it does not exist at all; exactly one of the old and new passwords
//! works and her documents still decrypt. An operation answered before the kill must be there.

use super::client::{Api, Reply};
use super::docs::{self, Acked, Upload};
use super::server::Server;
use super::{PartReport, Person, Pro, login, patiently, pro_login, random_password};
use anyhow::{Result, anyhow, bail};
use rand::{Rng, SeedableRng, rngs::StdRng};
use std::time::{Duration, Instant};

/// Runs `op` in a thread, kills the server after `delay`, restarts it. `Some(reply)` when the
/// server answered before it died.
pub(super) fn killed_during(
    server: &mut Server,
    delay: Duration,
    op: impl FnOnce() -> Result<Reply> + Send + 'static,
) -> Result<Option<Reply>> {
    let t = std::thread::spawn(op);
    std::thread::sleep(delay);
    server.kill9()?;
    let answered = t
        .join()
        .map_err(|_| anyhow!("the operation's thread panicked"))?
        .ok();
    server.start()?;
    Ok(answered)
}

/// A random moment within the operation's usual duration (and a little after it).
pub(super) fn moment(rng: &mut StdRng, usual: Duration) -> Duration {
    let max = (usual.as_micros() as u64 * 2).max(2_000);
    Duration::from_micros(rng.gen_range(0..max))
}

/// Whether the document is shared with the professional's structure, checking that the
/// professional can open it exactly when it is (with the acknowledged digest).
pub(super) fn share_state(api: &Api, person: &Person, pro: &Pro, doc: &Acked) -> Result<bool> {
    let r = patiently(|| {
        api.get(
            &format!("/api/v1/documents/{}", doc.id),
            Some(&person.token),
        )
    })?;
    if r.status != 200 {
        bail!(
            "the owner reads document {}: {} {}",
            doc.id,
            r.status,
            r.short()
        );
    }
    let shared = r.json()?["shared_with"]
        .as_array()
        .ok_or_else(|| anyhow!("no shared_with: {}", r.short()))?
        .iter()
        .any(|s| s.as_str() == Some(pro.sid.as_str()));
    let d = patiently(|| api.download(&pro.token, &doc.id))?;
    match (shared, d.status) {
        (true, 200) if d.sha256 == doc.sha256 => Ok(true),
        (true, _) => bail!(
            "document {} is shared with the relais but its professional gets {} (sha256 {} vs {}): {}",
            doc.id,
            d.status,
            d.sha256,
            doc.sha256,
            d.error
        ),
        (false, 404) => Ok(false),
        (false, s) => bail!(
            "document {} is not shared with the relais but its professional gets {s}",
            doc.id
        ),
    }
}

pub(super) fn small_doc(api: &Api, person: &Person, who: usize, rng: &mut StdRng) -> Result<Acked> {
    let mut local = StdRng::seed_from_u64(rng.r#gen());
    let bytes = docs::pdf("Consigne atomic", rng.gen_range(1..16 * 1024), &mut local);
    match patiently(|| match docs::upload(api, person, who, &bytes, false)? {
        Upload::NoAnswer => Err(anyhow!("transport: no answer")),
        other => Ok(other),
    })? {
        Upload::Acked(a) => Ok(a),
        Upload::Refused(r) => bail!("upload answered {}: {}", r.status, r.short()),
        Upload::NoAnswer => bail!("upload: no answer"),
    }
}

pub(super) fn expect_204(what: &str, r: Result<Reply>) -> Result<Duration> {
    let start = Instant::now();
    let r = r?;
    if r.status != 204 {
        bail!("{what} answered {}: {}", r.status, r.short());
    }
    Ok(start.elapsed())
}

/// Runs `rounds` kills for each operation. `people[who]` is the person used (her password and
/// token are updated); returns her acknowledged documents.
pub fn run(
    server: &mut Server,
    api: &Api,
    people: &mut [Person],
    who: usize,
    rounds: u32,
    rng: &mut StdRng,
    report: &mut PartReport,
) -> Result<Vec<Acked>> {
    report.ran = true;
    let pro = pro_login(api)?;
    let mut person = people
        .get(who)
        .cloned()
        .ok_or_else(|| anyhow!("no person {who}"))?;
    let mut acked_docs = Vec::new();
    let (mut shares, mut revokes, mut changes) = ([0u32; 2], [0u32; 2], [0u32; 2]);

    // How long each operation usually takes (measured on a document of her own).
    let calib = small_doc(api, &person, who, rng)?;
    let share_path = format!("/api/v1/documents/{}/shares/{}", calib.id, pro.sid);
    let t = Instant::now();
    expect_204("share", api.put_empty(&share_path, &person.token))?;
    let share_time = t.elapsed();
    let t = Instant::now();
    expect_204("revoke", api.delete(&share_path, &person.token))?;
    let revoke_time = t.elapsed();
    acked_docs.push(calib);

    for _ in 0..rounds {
        // Share.
        let doc = small_doc(api, &person, who, rng)?;
        let path = format!("/api/v1/documents/{}/shares/{}", doc.id, pro.sid);
        let (a, tok) = (api.clone(), person.token.clone());
        let answer = killed_during(server, moment(rng, share_time), move || {
            a.put_empty(&path, &tok)
        })?;
        let shared = share_state(api, &person, &pro, &doc);
        account("share", answer, shared, &mut shares, report);

        // Revoke (from a share known to be there).
        let path = format!("/api/v1/documents/{}/shares/{}", doc.id, pro.sid);
        expect_204("share", patiently(|| api.put_empty(&path, &person.token)))?;
        let (a, tok) = (api.clone(), person.token.clone());
        let answer = killed_during(server, moment(rng, revoke_time), move || {
            a.delete(&path, &tok)
        })?;
        let shared = share_state(api, &person, &pro, &doc);
        account("revoke", answer, shared.map(|s| !s), &mut revokes, report);
        acked_docs.push(doc);
    }

    // Password change: calibrate with a real change, then kill during the next ones.
    let new = random_password(rng);
    let body = serde_json::json!({"current_password": person.password, "new_password": new});
    let t = Instant::now();
    expect_204(
        "password change",
        api.post_json("/api/v1/me/password", Some(&person.token), &body),
    )?;
    let change_time = t.elapsed();
    person.password = new;
    for _ in 0..rounds {
        let old = person.password.clone();
        let new = random_password(rng);
        let token = login(api, &person.identifier, &old)?;
        let body = serde_json::json!({"current_password": old, "new_password": new});
        let a = api.clone();
        let answer = killed_during(server, moment(rng, change_time), move || {
            a.post_json("/api/v1/me/password", Some(&token), &body)
        })?;
        let after = password_state("password change", api, &mut person, &old, &new);
        let ok_after = after.is_ok();
        account("password change", answer, after, &mut changes, report);
        if ok_after {
            check_docs(api, &person, &acked_docs, report);
        }
    }
    if let Some(p) = people.get_mut(who) {
        *p = person;
    }
    report.notes.push(format!(
        "{rounds} kills each; share: {} answered before the kill, {} after restart shared; revoke: {} answered, {} revoked; password: {} answered, {} changed; usual durations share {:?}, revoke {:?}, password change {:?}",
        shares[0], shares[1], revokes[0], revokes[1], changes[0], changes[1],
        share_time, revoke_time, change_time
    ));
    Ok(acked_docs)
}

/// After a password change or a reset (killed or not): which of `old` and `new` opens her safe. Exactly one must;
/// `person` then holds it and a fresh token. `Ok(true)` when the new one does.
pub(super) fn password_state(
    what: &str,
    api: &Api,
    person: &mut Person,
    old: &str,
    new: &str,
) -> Result<bool> {
    let with_old = patiently(|| api.login(&person.identifier, old))?;
    let with_new = patiently(|| api.login(&person.identifier, new))?;
    match (with_old.status, with_new.status) {
        (200, 401) => {
            person.password = old.to_owned();
            person.token = with_old.field("token")?;
            Ok(false)
        }
        (401, 200) => {
            person.password = new.to_owned();
            person.token = with_new.field("token")?;
            Ok(true)
        }
        (o, n) => Err(anyhow!(
            "after a killed {what} the old password answers {o} and the new one {n}"
        )),
    }
}

/// Her documents still decrypt with the vault key her working password unwraps.
pub(super) fn check_docs(api: &Api, person: &Person, docs: &[Acked], report: &mut PartReport) {
    let mine: Vec<Acked> = docs
        .iter()
        .map(|a| Acked {
            owner: 0,
            ..a.clone()
        })
        .collect();
    let c = docs::check_all(
        api,
        std::slice::from_ref(person),
        &mine,
        &mut report.failures,
    );
    report.lost += c.lost;
    report.corrupted += c.corrupted;
}

/// Books one round: `after` is whether the operation's effect is there (or an inconsistent
/// state). An answered operation counts as acknowledged; its effect missing is a loss.
pub(super) fn account(
    what: &str,
    answer: Option<Reply>,
    after: Result<bool>,
    counts: &mut [u32; 2],
    report: &mut PartReport,
) {
    account_status(what, 204, answer, after, counts, report);
}

/// [`account`] for an operation whose success answers `ok_status`.
pub(super) fn account_status(
    what: &str,
    ok_status: u16,
    answer: Option<Reply>,
    after: Result<bool>,
    counts: &mut [u32; 2],
    report: &mut PartReport,
) {
    let answered = match &answer {
        Some(r) if r.status == ok_status => true,
        Some(r) => {
            report.failures.push(format!(
                "{what} answered {} before the kill: {}",
                r.status,
                r.short()
            ));
            false
        }
        None => false,
    };
    if answered {
        counts[0] += 1;
        report.acknowledged += 1;
    }
    match after {
        Ok(done) => {
            if done {
                counts[1] += 1;
            }
            if answered && !done {
                report.lost += 1;
                report.failures.push(format!(
                    "an acknowledged {what} is undone after the restart"
                ));
            }
        }
        Err(e) => {
            report.corrupted += 1;
            report.failures.push(format!("{what}: {e:#}"));
        }
    }
}
