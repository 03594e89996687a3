//! Part 6: SIGKILL during every other kind of write a person makes in her safe: creating,
//! changing and deleting contacts, notes and appointments, making folders, renaming, moving and
//! deleting documents. After the restart each write is entirely there or entirely absent (never
//! half), a write answered before the kill is there, and everything she can list still opens
//! (its fields decrypt; a document still downloads with its acknowledged digest).

use super::atomic::{killed_during, moment, small_doc};
use super::client::{Api, Reply};
use super::docs::Acked;
use super::server::Server;
use super::{PartReport, Person, patiently};
use anyhow::{Result, anyhow, bail};
use rand::{Rng, rngs::StdRng};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// The kinds of write, taken in turn so that every kind gets its share of kills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Write {
    CreateContact,
    CreateNote,
    CreateEvent,
    UpdateNote,
    DeleteItem,
    CreateFolder,
    RenameDocument,
    MoveDocument,
    DeleteDocument,
}

const WRITES: [Write; 9] = [
    Write::CreateContact,
    Write::CreateNote,
    Write::CreateEvent,
    Write::UpdateNote,
    Write::DeleteItem,
    Write::CreateFolder,
    Write::RenameDocument,
    Write::MoveDocument,
    Write::DeleteDocument,
];

fn label(w: Write) -> &'static str {
    match w {
        Write::CreateContact => "contact created",
        Write::CreateNote => "note created",
        Write::CreateEvent => "appointment created",
        Write::UpdateNote => "note changed",
        Write::DeleteItem => "note deleted",
        Write::CreateFolder => "folder made",
        Write::RenameDocument => "document renamed",
        Write::MoveDocument => "document moved",
        Write::DeleteDocument => "document deleted",
    }
}

/// What one write expects to find after the restart.
enum Expect {
    /// An item (contact, note, event) of `kind` whose sealed field `field` is `value`.
    Item {
        kind: &'static str,
        field: &'static str,
        value: String,
        body: Value,
    },
    /// The note `id` with its title `old` or `new`.
    Title {
        id: String,
        old: String,
        new: String,
    },
    /// The note `id` present (unchanged, with `title`) or gone.
    ItemGone {
        id: String,
        title: String,
    },
    Folder {
        name: String,
    },
    /// The document, its name `old` or `new`, its content intact.
    Name {
        doc: Acked,
        old: String,
        new: String,
    },
    /// The document in folder `old` or `new` (None: the top level).
    Place {
        doc: Acked,
        old: Option<String>,
        new: Option<String>,
    },
    DocGone {
        doc: Acked,
    },
}

/// Runs `rounds` kills, one write each, the kinds in turn. `people[who]` is the person.
pub fn run(
    server: &mut Server,
    api: &Api,
    people: &[Person],
    who: usize,
    rounds: u32,
    rng: &mut StdRng,
    report: &mut PartReport,
) -> Result<()> {
    report.ran = true;
    let person = people
        .get(who)
        .cloned()
        .ok_or_else(|| anyhow!("no person {who}"))?;
    let started = Instant::now();
    // How long a write usually takes (one of each kind, measured without a kill).
    let usual = calibrate(api, &person, who, rng)?;
    let mut answered = 0u64;
    for round in 0..rounds {
        let w = WRITES[round as usize % WRITES.len()];
        let (path, method, body, expect) = prepare(api, &person, who, w, rng)?;
        let (a, tok) = (api.clone(), person.token.clone());
        let reply = killed_during(server, moment(rng, usual), move || {
            send(&a, method, &path, &tok, &body)
        })?;
        let acked = reply
            .as_ref()
            .is_some_and(|r| (200..300).contains(&r.status));
        if let Some(r) = &reply
            && !(200..300).contains(&r.status)
        {
            report.failures.push(format!(
                "{} answered {} before the kill: {}",
                label(w),
                r.status,
                r.short()
            ));
            continue;
        }
        if acked {
            answered += 1;
            report.acknowledged += 1;
        }
        match check(api, &person, &expect) {
            Ok(Found::After) => {}
            Ok(Found::Before) if !acked => {}
            Ok(Found::Before) => {
                report.lost += 1;
                report.failures.push(format!(
                    "{} was answered but is not there after the kill",
                    label(w)
                ));
            }
            Err(e) => {
                report.corrupted += 1;
                report.failures.push(format!("{}: {e:#}", label(w)));
            }
        }
    }
    // Everything she can list still opens.
    if let Err(e) = everything_opens(api, &person) {
        report.corrupted += 1;
        report.failures.push(format!("{e:#}"));
    }
    report.notes.push(format!(
        "{rounds} kills over {} kinds of write, {answered} answered before the kill, {:.0} s",
        WRITES.len(),
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}

#[derive(Debug, Clone, Copy)]
enum Method {
    Post,
    Patch,
    Delete,
}

fn send(api: &Api, method: Method, path: &str, token: &str, body: &Value) -> Result<Reply> {
    match method {
        Method::Post => api.post_json(path, Some(token), body),
        Method::Patch => api.patch_json(path, token, body),
        Method::Delete => api.delete(path, token),
    }
}

fn calibrate(api: &Api, person: &Person, who: usize, rng: &mut StdRng) -> Result<Duration> {
    let mut longest = Duration::ZERO;
    for w in WRITES {
        let (path, method, body, _) = prepare(api, person, who, w, rng)?;
        let t = Instant::now();
        let r = patiently(|| send(api, method, &path, &person.token, &body))?;
        if !(200..300).contains(&r.status) {
            bail!("{} answered {}: {}", label(w), r.status, r.short());
        }
        longest = longest.max(t.elapsed());
    }
    Ok(longest)
}

fn token(rng: &mut StdRng) -> String {
    format!("{:016x}", rng.r#gen::<u64>())
}

fn ok_json(what: &str, r: Reply, want: u16) -> Result<Value> {
    if r.status != want {
        bail!("{what} answered {}: {}", r.status, r.short());
    }
    r.json()
}

/// Makes what the write needs (without a kill) and returns the request and what to expect.
fn prepare(
    api: &Api,
    p: &Person,
    who: usize,
    w: Write,
    rng: &mut StdRng,
) -> Result<(String, Method, Value, Expect)> {
    let bid = &p.bid;
    let t = token(rng);
    let item = |kind: &'static str, field: &'static str, value: String, body: Value| {
        (
            format!("/api/v1/beneficiaries/{bid}/{kind}"),
            Method::Post,
            body.clone(),
            Expect::Item {
                kind,
                field,
                value,
                body,
            },
        )
    };
    let new_note = |rng: &mut StdRng| -> Result<(String, String)> {
        let title = format!("note {}", token(rng));
        let r = patiently(|| {
            api.post_json(
                &format!("/api/v1/beneficiaries/{bid}/notes"),
                Some(&p.token),
                &json!({"title": title, "body": "CAF: 1234567"}),
            )
        })?;
        Ok((
            ok_json("a note", r, 201)?["id"]
                .as_str()
                .ok_or_else(|| anyhow!("a note without id"))?
                .to_owned(),
            title,
        ))
    };
    Ok(match w {
        Write::CreateContact => {
            let name = format!("Contact {t}");
            item(
                "contacts",
                "name",
                name.clone(),
                // Fields the server keeps as typed (a phone number is normalised).
                json!({"name": name, "address": "12 rue des Lilas", "comment": "assistante sociale"}),
            )
        }
        Write::CreateNote => {
            let title = format!("Note {t}");
            item(
                "notes",
                "title",
                title.clone(),
                json!({"title": title, "body": format!("France Travail: {t}")}),
            )
        }
        Write::CreateEvent => {
            let title = format!("Rendez-vous {t}");
            let day = rng.gen_range(1..28);
            item(
                "events",
                "title",
                title.clone(),
                json!({"title": title, "starts_at": format!("2031-03-{day:02}T09:30:00Z"), "location": "CCAS"}),
            )
        }
        Write::UpdateNote => {
            let (id, old) = new_note(rng)?;
            let new = format!("changed {t}");
            (
                format!("/api/v1/notes/{id}"),
                Method::Patch,
                json!({"title": new}),
                Expect::Title { id, old, new },
            )
        }
        Write::DeleteItem => {
            let (id, title) = new_note(rng)?;
            (
                format!("/api/v1/notes/{id}"),
                Method::Delete,
                Value::Null,
                Expect::ItemGone { id, title },
            )
        }
        Write::CreateFolder => {
            let name = format!("Dossier {t}");
            (
                format!("/api/v1/beneficiaries/{bid}/folders"),
                Method::Post,
                json!({"name": name}),
                Expect::Folder { name },
            )
        }
        Write::RenameDocument => {
            let doc = small_doc(api, p, who, rng)?;
            let old = doc_field(api, p, &doc.id, "name")?.unwrap_or_default();
            let new = format!("papier {t}.pdf");
            (
                format!("/api/v1/documents/{}", doc.id),
                Method::Patch,
                json!({"name": new}),
                Expect::Name { doc, old, new },
            )
        }
        Write::MoveDocument => {
            let doc = small_doc(api, p, who, rng)?;
            let r = patiently(|| {
                api.post_json(
                    &format!("/api/v1/beneficiaries/{bid}/folders"),
                    Some(&p.token),
                    &json!({"name": format!("Classeur {t}")}),
                )
            })?;
            let folder = ok_json("a folder", r, 201)?["id"]
                .as_str()
                .ok_or_else(|| anyhow!("a folder without id"))?
                .to_owned();
            (
                format!("/api/v1/documents/{}", doc.id),
                Method::Patch,
                json!({"folder_id": folder}),
                Expect::Place {
                    doc,
                    old: None,
                    new: Some(folder),
                },
            )
        }
        Write::DeleteDocument => {
            let doc = small_doc(api, p, who, rng)?;
            (
                format!("/api/v1/documents/{}", doc.id),
                Method::Delete,
                Value::Null,
                Expect::DocGone { doc },
            )
        }
    })
}

enum Found {
    Before,
    After,
}

fn get(api: &Api, p: &Person, path: &str) -> Result<Reply> {
    patiently(|| api.get(path, Some(&p.token)))
}

/// A string field of a document's metadata; `None` when the document is gone (404).
fn doc_field(api: &Api, p: &Person, id: &str, field: &str) -> Result<Option<String>> {
    let r = get(api, p, &format!("/api/v1/documents/{id}"))?;
    match r.status {
        404 => Ok(None),
        200 => Ok(Some(
            r.json()?[field].as_str().unwrap_or_default().to_owned(),
        )),
        s => bail!("document {id} answered {s}: {}", r.short()),
    }
}

/// The document downloads whole with its acknowledged digest.
fn intact(api: &Api, p: &Person, doc: &Acked) -> Result<()> {
    let d = patiently(|| api.download(&p.token, &doc.id))?;
    if d.status != 200 || d.sha256 != doc.sha256 {
        bail!(
            "document {} downloads with {} (sha256 {} instead of {}): {}",
            doc.id,
            d.status,
            d.sha256,
            doc.sha256,
            d.error
        );
    }
    Ok(())
}

fn check(api: &Api, p: &Person, expect: &Expect) -> Result<Found> {
    match expect {
        Expect::Item {
            kind,
            field,
            value,
            body,
        } => {
            let list = get(api, p, &format!("/api/v1/beneficiaries/{}/{kind}", p.bid))?;
            let list = ok_json(kind, list, 200)?;
            let found: Vec<&Value> = list
                .as_array()
                .ok_or_else(|| anyhow!("{kind}: not a list"))?
                .iter()
                .filter(|i| i[*field].as_str() == Some(value.as_str()))
                .collect();
            match found.as_slice() {
                [] => Ok(Found::Before),
                [one] => {
                    let id = one["id"].as_str().unwrap_or_default();
                    let r = get(api, p, &format!("/api/v1/{kind}/{id}"))?;
                    let whole = ok_json(kind, r, 200)?;
                    for (k, v) in body.as_object().into_iter().flatten() {
                        if &whole[k] != v {
                            bail!("{kind} {id}: {k} is {} instead of {v}", whole[k]);
                        }
                    }
                    Ok(Found::After)
                }
                _ => bail!("{kind} {value:?} was created {} times", found.len()),
            }
        }
        Expect::Title { id, old, new } => {
            let r = get(api, p, &format!("/api/v1/notes/{id}"))?;
            let note = ok_json("the note", r, 200)?;
            if note["body"].as_str() != Some("CAF: 1234567") {
                bail!("note {id}: its text changed to {}", note["body"]);
            }
            match note["title"].as_str() {
                Some(t) if t == new => Ok(Found::After),
                Some(t) if t == old => Ok(Found::Before),
                other => bail!("note {id}: title {other:?}, neither {old:?} nor {new:?}"),
            }
        }
        Expect::ItemGone { id, title } => {
            let r = get(api, p, &format!("/api/v1/notes/{id}"))?;
            match r.status {
                404 => Ok(Found::After),
                200 if r.json()?["title"].as_str() == Some(title.as_str()) => Ok(Found::Before),
                s => bail!("note {id} after its deletion: {s} {}", r.short()),
            }
        }
        Expect::Folder { name } => {
            let r = get(api, p, &format!("/api/v1/beneficiaries/{}/folders", p.bid))?;
            let list = ok_json("folders", r, 200)?;
            let n = list
                .as_array()
                .ok_or_else(|| anyhow!("folders: not a list"))?
                .iter()
                .filter(|f| f["name"].as_str() == Some(name.as_str()))
                .count();
            match n {
                0 => Ok(Found::Before),
                1 => Ok(Found::After),
                n => bail!("folder {name:?} was made {n} times"),
            }
        }
        Expect::Name { doc, old, new } => {
            intact(api, p, doc)?;
            match doc_field(api, p, &doc.id, "name")? {
                Some(n) if &n == new => Ok(Found::After),
                Some(n) if &n == old => Ok(Found::Before),
                other => bail!(
                    "document {}: name {other:?}, neither {old:?} nor {new:?}",
                    doc.id
                ),
            }
        }
        Expect::Place { doc, old, new } => {
            intact(api, p, doc)?;
            let r = get(api, p, &format!("/api/v1/documents/{}", doc.id))?;
            let v = ok_json("the document", r, 200)?;
            let at = v["folder_id"].as_str().map(str::to_owned);
            if &at == new {
                Ok(Found::After)
            } else if &at == old {
                Ok(Found::Before)
            } else {
                bail!(
                    "document {} in folder {at:?}, neither {old:?} nor {new:?}",
                    doc.id
                )
            }
        }
        Expect::DocGone { doc } => match doc_field(api, p, &doc.id, "name")? {
            None => {
                let d = patiently(|| api.download(&p.token, &doc.id))?;
                if d.status != 404 {
                    bail!(
                        "document {} deleted but its content answers {}",
                        doc.id,
                        d.status
                    );
                }
                Ok(Found::After)
            }
            Some(_) => {
                intact(api, p, doc)?;
                Ok(Found::Before)
            }
        },
    }
}

/// Every contact, note and event she lists opens with its fields.
fn everything_opens(api: &Api, p: &Person) -> Result<()> {
    for kind in ["contacts", "notes", "events"] {
        let r = get(api, p, &format!("/api/v1/beneficiaries/{}/{kind}", p.bid))?;
        for item in ok_json(kind, r, 200)?.as_array().into_iter().flatten() {
            let id = item["id"].as_str().unwrap_or_default();
            let r = get(api, p, &format!("/api/v1/{kind}/{id}"))?;
            ok_json(&format!("{kind} {id}"), r, 200)?;
        }
    }
    Ok(())
}
