//! Part 3, continued: SIGKILL during an in-person reset's confirmation and during its use
//! (docs/threat-model.md, "In-person reset"). A confirmation answered before the kill left a
//! code that works; one not answered left the reset either confirmed (its code known to no one)
//! or still waiting, never half-written. A use answered before the kill changed her password;
//! in every case exactly one of her old and new passwords works afterwards and her documents
//! decrypt with the vault key it unwraps.

use super::atomic::{account_status, check_docs, killed_during, moment, password_state};
use super::client::{Api, Reply};
use super::docs::Acked;
use super::server::Server;
use super::{PartReport, Person, Pro, login, patiently, pro_login, random_password};
use anyhow::{Result, anyhow, bail};
use rand::{Rng, rngs::StdRng};
use serde_json::json;
use std::time::Instant;

/// A colleague of the demo professional in her structure, added by her (she holds the
/// structure's key, so the colleague gets it at once): the second member who confirms.
fn colleague(api: &Api, pro: &Pro, rng: &mut StdRng) -> Result<String> {
    let email = format!(
        "collegue.{:08x}@tilleuls.demo.consigne.example",
        rng.r#gen::<u32>()
    );
    let password = random_password(rng);
    let body = json!({"display_name": "Collègue Durable", "email": email, "password": password, "role": "member"});
    let r = patiently(|| {
        api.post_json(
            &format!("/api/v1/structures/{}/professionals", pro.sid),
            Some(&pro.token),
            &body,
        )
    })?;
    if r.status != 201 {
        bail!("adding a colleague answered {}: {}", r.status, r.short());
    }
    login(api, &email, &password)
}

fn start(api: &Api, pro: &Pro, bid: &str) -> Result<String> {
    let r = patiently(|| {
        api.post_json(
            &format!("/api/v1/beneficiaries/{bid}/reset"),
            Some(&pro.token),
            &json!({}),
        )
    })?;
    if r.status != 201 {
        bail!("starting a reset answered {}: {}", r.status, r.short());
    }
    if r.json()?.get("reset_code").is_some() {
        bail!("a reset's start answered a code: {}", r.short());
    }
    r.field("id")
}

fn confirm(api: &Api, token: &str, id: &str) -> Result<Reply> {
    api.post_json(
        &format!("/api/v1/resets/{id}/confirm"),
        Some(token),
        &json!({}),
    )
}

fn use_code(api: &Api, identifier: &str, code: &str, password: &str) -> Result<Reply> {
    api.post_json(
        "/api/v1/auth/recover/in-person",
        None,
        &json!({"identifier": identifier, "reset_code": code, "new_password": password}),
    )
}

/// The reset's status in the structure's pending list (`None`: not there).
fn status_of(api: &Api, token: &str, sid: &str, id: &str) -> Result<Option<String>> {
    let r = patiently(|| api.get(&format!("/api/v1/structures/{sid}/resets"), Some(token)))?;
    if r.status != 200 {
        bail!("the pending resets answered {}: {}", r.status, r.short());
    }
    Ok(r.json()?
        .as_array()
        .ok_or_else(|| anyhow!("pending resets: {}", r.short()))?
        .iter()
        .find(|e| e["id"].as_str() == Some(id))
        .and_then(|e| e["status"].as_str().map(str::to_owned)))
}

/// Sets a new password with `code`; the password that works afterwards is in `person`.
fn recover_with(api: &Api, person: &mut Person, code: &str, rng: &mut StdRng) -> Result<()> {
    let new = random_password(rng);
    let r = patiently(|| use_code(api, &person.identifier, code, &new))?;
    if r.status != 200 {
        bail!(
            "using a confirmed reset's code answered {}: {}",
            r.status,
            r.short()
        );
    }
    if r.json()?.get("recovery_code").is_some() {
        bail!("a recovery returned a printed code to its caller");
    }
    let old = person.password.clone();
    if !password_state("reset", api, person, &old, &new)? {
        bail!("an acknowledged reset left her old password working");
    }
    Ok(())
}

/// Runs `rounds` kills during a confirmation and as many during a use, on `people[who]`'s
/// safe; `docs` are her acknowledged documents.
#[allow(clippy::too_many_arguments)]
pub fn run(
    server: &mut Server,
    api: &Api,
    people: &mut [Person],
    who: usize,
    rounds: u32,
    docs: &[Acked],
    rng: &mut StdRng,
    report: &mut PartReport,
) -> Result<()> {
    report.ran = true;
    let pro = pro_login(api)?;
    let second = colleague(api, &pro, rng)?;
    let mut person = people
        .get(who)
        .cloned()
        .ok_or_else(|| anyhow!("no person {who}"))?;
    let bid = person.bid.clone();
    let (mut confirms, mut uses) = ([0u32; 2], [0u32; 2]);

    // How long each step usually takes.
    let id = start(api, &pro, &bid)?;
    let t = Instant::now();
    let r = confirm(api, &second, &id)?;
    let confirm_time = t.elapsed();
    if r.status != 200 {
        bail!("confirming a reset answered {}: {}", r.status, r.short());
    }
    let t = Instant::now();
    recover_with(api, &mut person, &r.field("reset_code")?, rng)?;
    let use_time = t.elapsed();

    for _ in 0..rounds {
        // A kill during the confirmation.
        let id = start(api, &pro, &bid)?;
        let (a, tok, rid) = (api.clone(), second.clone(), id.clone());
        let answer = killed_during(server, moment(rng, confirm_time), move || {
            confirm(&a, &tok, &rid)
        })?;
        let after = status_of(api, &second, &pro.sid, &id).and_then(|s| match s.as_deref() {
            Some("confirmed") => Ok(true),
            Some("awaiting_confirmation") => Ok(false),
            other => Err(anyhow!(
                "after a killed confirmation the reset is {other:?}"
            )),
        });
        let code = answer
            .as_ref()
            .filter(|r| r.status == 200)
            .map(|r| r.field("reset_code"))
            .transpose()?;
        let confirmed = after.as_ref().is_ok_and(|c| *c);
        account_status(
            "reset confirmation",
            200,
            answer,
            after,
            &mut confirms,
            report,
        );
        match code {
            // An acknowledged code must open her safe.
            Some(code) => {
                if let Err(e) = recover_with(api, &mut person, &code, rng) {
                    report.lost += 1;
                    report.failures.push(format!("reset confirmation: {e:#}"));
                }
            }
            None => {
                // Her password is untouched; the reset, confirmed or not, is cancelled by her.
                let token = login(api, &person.identifier, &person.password)?;
                person.token = token;
                let r = patiently(|| api.delete(&format!("/api/v1/resets/{id}"), &person.token))?;
                if r.status != 204 {
                    report.failures.push(format!(
                        "cancelling a reset ({}) answered {}: {}",
                        if confirmed { "confirmed" } else { "waiting" },
                        r.status,
                        r.short()
                    ));
                }
            }
        }
        check_docs(api, &person, docs, report);

        // A kill during the use of a confirmed code.
        let id = start(api, &pro, &bid)?;
        let r = patiently(|| confirm(api, &second, &id))?;
        if r.status != 200 {
            bail!("confirming a reset answered {}: {}", r.status, r.short());
        }
        let code = r.field("reset_code")?;
        let (old, new) = (person.password.clone(), random_password(rng));
        let (a, identifier, n) = (api.clone(), person.identifier.clone(), new.clone());
        let answer = killed_during(server, moment(rng, use_time), move || {
            use_code(&a, &identifier, &code, &n)
        })?;
        let after = password_state("reset use", api, &mut person, &old, &new);
        account_status("reset use", 200, answer, after, &mut uses, report);
        check_docs(api, &person, docs, report);
    }
    if let Some(p) = people.get_mut(who) {
        *p = person;
    }
    report.notes.push(format!(
        "{rounds} kills each; reset confirmation: {} answered before the kill, {} confirmed after restart; reset use: {} answered, {} changed the password; usual durations confirmation {confirm_time:?}, use {use_time:?}",
        confirms[0], confirms[1], uses[0], uses[1]
    ));
    Ok(())
}
