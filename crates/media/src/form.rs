//! Filling a PDF form (AcroForm) the server ships itself: the official cerfa forms of
//! domiciliation ([`fill_form`]).
//!
//! The form is a trusted template (its SHA-256 is checked by the caller before it gets here),
//! but it is still parsed within [`Limits`] like any PDF. Each field is found by its full name
//! (the `/T` of the field and of its parents, joined by dots); a text field gets its value as
//! `/V` (UTF-16 when it is not plain ASCII) and a new appearance drawing it (in the field's font,
//! Latin-1 only: `/V` keeps any script); a check box or
//! radio group gets the name of the state to show as `/V`, and each of its widgets the matching
//! `/AS` (`/Off` for the others). `/NeedAppearances` also asks every reader to draw the text
//! fields again from their values, as it likes. A name the form does not have, or a state a button does not
//! offer, is an error: a field silently left blank on an official paper is worse than a
//! refused one. The fields' scripts (`/AA`: formatting and checks in Acrobat) are dropped, and
//! so is the document's JavaScript: the filled paper is only read and printed.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat, dictionary};

use crate::pdf::load_bounded;
use crate::{Limits, MediaError};

/// What a field is set to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    /// A text field's value (may hold line breaks in a multi-line field).
    Text(String),
    /// A check box's or radio group's state, by the name of its appearance (`"1"`, `"2"`).
    Choice(String),
}

/// Why a form could not be filled.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FormError {
    #[error(transparent)]
    Media(#[from] MediaError),
    /// The form has no field of this name.
    #[error("no field {0}")]
    NoField(String),
    /// The button offers no such state.
    #[error("field {0} has no state {1}")]
    NoState(String, String),
    /// The PDF has no interactive form.
    #[error("no form")]
    NoForm,
}

/// The fields of the form, by full name: the object that holds each one's `/V`.
fn fields(doc: &Document) -> Result<BTreeMap<String, ObjectId>, FormError> {
    let acroform = doc
        .catalog()
        .and_then(|c| c.get(b"AcroForm"))
        .map_err(|_| FormError::NoForm)?;
    let (_, acroform) = doc.dereference(acroform).map_err(|_| FormError::NoForm)?;
    let roots = acroform
        .as_dict()
        .and_then(|d| d.get(b"Fields"))
        .and_then(Object::as_array)
        .map_err(|_| FormError::NoForm)?;
    let mut out = BTreeMap::new();
    let mut stack: Vec<(ObjectId, String, u32)> = roots
        .iter()
        .filter_map(|o| o.as_reference().ok())
        .map(|id| (id, String::new(), 0))
        .collect();
    while let Some((id, prefix, depth)) = stack.pop() {
        // A form is a shallow tree; anything deeper is a malformed or hostile file.
        if depth > 16 || out.len() > 10_000 {
            return Err(MediaError::TooComplex.into());
        }
        let Ok(d) = doc.get_dictionary(id) else {
            continue;
        };
        let name = match d.get(b"T").and_then(Object::as_str) {
            Ok(t) => {
                let t = decode_text(t);
                if prefix.is_empty() {
                    t
                } else {
                    format!("{prefix}.{t}")
                }
            }
            // A widget without a name belongs to its parent field.
            Err(_) => continue,
        };
        out.insert(name.clone(), id);
        if let Ok(kids) = d.get(b"Kids").and_then(Object::as_array) {
            for kid in kids.iter().filter_map(|o| o.as_reference().ok()) {
                stack.push((kid, name.clone(), depth + 1));
            }
        }
    }
    Ok(out)
}

/// A PDF text string: UTF-16BE with its byte-order mark, or PDFDocEncoding (ASCII here).
fn decode_text(raw: &[u8]) -> String {
    if let Some(rest) = raw.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        raw.iter().map(|b| char::from(*b)).collect()
    }
}

fn encode_text(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xfe, 0xff];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// The widgets of a field: itself when it is one, else its unnamed kids.
fn widgets(doc: &Document, field: ObjectId) -> Vec<ObjectId> {
    let Ok(d) = doc.get_dictionary(field) else {
        return Vec::new();
    };
    let kids: Vec<ObjectId> = d
        .get(b"Kids")
        .and_then(Object::as_array)
        .map(|k| k.iter().filter_map(|o| o.as_reference().ok()).collect())
        .unwrap_or_default();
    let kids: Vec<ObjectId> = kids
        .into_iter()
        .filter(|k| doc.get_dictionary(*k).is_ok_and(|kd| !kd.has(b"T")))
        .collect();
    if kids.is_empty() { vec![field] } else { kids }
}

/// The states a widget can show (the keys of its normal appearance, `/Off` aside).
fn states(doc: &Document, widget: ObjectId) -> Vec<Vec<u8>> {
    let Ok(d) = doc.get_dictionary(widget) else {
        return Vec::new();
    };
    let normal = d
        .get(b"AP")
        .and_then(|ap| doc.dereference(ap))
        .and_then(|(_, ap)| ap.as_dict())
        .and_then(|ap| ap.get(b"N"))
        .and_then(|n| doc.dereference(n))
        .and_then(|(_, n)| n.as_dict());
    match normal {
        Ok(n) => n
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| k.as_slice() != b"Off")
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Named widgets on the pages that the form's field list misses (an authoring slip: the
/// official 16030 has one, `noms1`), added to it, so that every reader sees them as fields.
fn adopt_orphans(doc: &mut Document, known: &BTreeMap<String, ObjectId>) -> Result<(), FormError> {
    let listed: Vec<ObjectId> = known.values().copied().collect();
    let mut orphans = Vec::new();
    for page in doc.get_pages().into_values() {
        let annots = doc
            .get_dictionary(page)
            .and_then(|d| d.get(b"Annots"))
            .and_then(|a| doc.dereference(a))
            .and_then(|(_, a)| a.as_array());
        for id in annots
            .into_iter()
            .flatten()
            .filter_map(|o| o.as_reference().ok())
        {
            let Ok(d) = doc.get_dictionary(id) else {
                continue;
            };
            let named = d.has(b"T") && d.has(b"FT") && !d.has(b"Parent");
            if named && !listed.contains(&id) && !orphans.contains(&id) {
                orphans.push(id);
            }
        }
    }
    if orphans.is_empty() {
        return Ok(());
    }
    let form = match doc.catalog().and_then(|c| c.get(b"AcroForm")) {
        Ok(Object::Reference(id)) => *id,
        _ => return Ok(()),
    };
    let form = doc
        .get_dictionary_mut(form)
        .map_err(|_| FormError::NoForm)?;
    if let Ok(list) = form.get_mut(b"Fields").and_then(Object::as_array_mut) {
        list.extend(orphans.into_iter().map(Object::Reference));
    }
    Ok(())
}

/// Fills the form `template` with `values` (by full field name) and returns the new file.
pub fn fill_form(
    template: &[u8],
    values: &[(&str, FieldValue)],
    limits: &Limits,
) -> Result<Vec<u8>, FormError> {
    let mut doc = load_bounded(template, limits)?;
    let listed = fields(&doc)?;
    adopt_orphans(&mut doc, &listed)?;
    let by_name = fields(&doc)?;
    for (name, value) in values {
        let id = *by_name
            .get(*name)
            .ok_or_else(|| FormError::NoField((*name).to_owned()))?;
        let widgets = widgets(&doc, id);
        match value {
            FieldValue::Text(text) => {
                set(&mut doc, id, b"V", encode_text(text))?;
                let multiline = flags(&doc, id) & MULTILINE != 0;
                for w in widgets {
                    let ap = appearance(&doc, id, w, text, multiline);
                    let Ok(d) = doc.get_dictionary_mut(w) else {
                        continue;
                    };
                    d.remove(b"AP");
                    if let Some(stream) = ap {
                        let sid = doc.add_object(Object::Stream(stream));
                        set(
                            &mut doc,
                            w,
                            b"AP",
                            Object::Dictionary(dictionary! { "N" => sid }),
                        )?;
                    }
                }
            }
            FieldValue::Choice(state) => {
                if !widgets
                    .iter()
                    .any(|w| states(&doc, *w).iter().any(|s| s == state.as_bytes()))
                {
                    return Err(FormError::NoState((*name).to_owned(), state.clone()));
                }
                set(&mut doc, id, b"V", Object::Name(state.as_bytes().to_vec()))?;
                for w in widgets {
                    let on = states(&doc, w).iter().any(|s| s == state.as_bytes());
                    let shown = if on {
                        state.as_bytes()
                    } else {
                        b"Off".as_slice()
                    };
                    set(&mut doc, w, b"AS", Object::Name(shown.to_vec()))?;
                }
            }
        }
    }
    for id in by_name.values() {
        for w in widgets(&doc, *id).into_iter().chain([*id]) {
            if let Ok(d) = doc.get_dictionary_mut(w) {
                d.remove(b"AA");
            }
        }
    }
    let catalog = doc.catalog_mut().map_err(|_| FormError::NoForm)?;
    catalog.remove(b"OpenAction");
    catalog.remove(b"AA");
    if let Ok(names) = catalog.get_mut(b"Names").and_then(Object::as_dict_mut) {
        names.remove(b"JavaScript");
    }
    let acroform = match catalog.get(b"AcroForm").map_err(|_| FormError::NoForm)? {
        Object::Reference(id) => *id,
        Object::Dictionary(_) => {
            if let Ok(Object::Dictionary(d)) = catalog.get_mut(b"AcroForm") {
                need_appearances(d);
            }
            return save(doc);
        }
        _ => return Err(FormError::NoForm),
    };
    if let Ok(d) = doc.get_dictionary_mut(acroform) {
        need_appearances(d);
    }
    save(doc)
}

/// A text field's flag: its value may hold several lines.
const MULTILINE: i64 = 1 << 12;

fn flags(doc: &Document, field: ObjectId) -> i64 {
    doc.get_dictionary(field)
        .and_then(|d| d.get(b"Ff"))
        .and_then(Object::as_i64)
        .unwrap_or(0)
}

/// The first of `key` found on the widget, its field, then the form's defaults.
fn inherited_entry(
    doc: &Document,
    widget: ObjectId,
    field: ObjectId,
    key: &[u8],
) -> Option<Object> {
    for id in [widget, field] {
        if let Ok(v) = doc.get_dictionary(id).and_then(|d| d.get(key)) {
            return Some(v.clone());
        }
    }
    let form = doc.catalog().ok()?.get(b"AcroForm").ok()?;
    let (_, form) = doc.dereference(form).ok()?;
    form.as_dict().ok()?.get(key).ok().cloned()
}

/// A text as a PDF literal string in the form's one-byte encoding (WinAnsi and PDFDocEncoding
/// agree on Latin-1): a character outside it shows as `?` (the value itself keeps it).
fn latin1_literal(text: &str) -> String {
    let mut out = String::from("(");
    for c in text.chars() {
        let b = u32::from(c);
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ if (0x20..0x7f).contains(&b) => out.push(c),
            _ if (0xa0..=0xff).contains(&b) => out.push_str(&format!("\\{b:03o}")),
            _ => out.push('?'),
        }
    }
    out.push(')');
    out
}

/// The normal appearance of a text widget showing `text`, in the font and colour of its
/// default appearance (`/DA`; a size of 0 fits the box), left-aligned, for readers that do
/// not honour `/NeedAppearances`. `None` when the widget has no box or the form no font.
fn appearance(
    doc: &Document,
    field: ObjectId,
    widget: ObjectId,
    text: &str,
    multiline: bool,
) -> Option<lopdf::Stream> {
    let rect = doc
        .get_dictionary(widget)
        .ok()?
        .get(b"Rect")
        .ok()?
        .as_array()
        .ok()?;
    let n: Vec<f64> = rect
        .iter()
        .filter_map(|o| {
            o.as_float()
                .ok()
                .map(f64::from)
                .or_else(|| o.as_i64().ok().map(|i| i as f64))
        })
        .collect();
    let [x1, y1, x2, y2] = n.as_slice() else {
        return None;
    };
    let (w, h) = ((x2 - x1).abs(), (y2 - y1).abs());
    let da = match inherited_entry(doc, widget, field, b"DA")? {
        Object::String(s, _) => String::from_utf8_lossy(&s).into_owned(),
        _ => return None,
    };
    let words: Vec<&str> = da.split_whitespace().collect();
    let tf = words.iter().position(|w| *w == "Tf")?;
    let font = words
        .get(tf.checked_sub(2)?)?
        .trim_start_matches('/')
        .to_owned();
    let given: f64 = words.get(tf - 1)?.parse().ok()?;
    let colour = words[tf + 1..].join(" ");
    let font_ref = {
        let dr = inherited_entry(doc, widget, field, b"DR")?;
        let (_, dr) = doc.dereference(&dr).ok()?;
        let fonts = dr.as_dict().ok()?.get(b"Font").ok()?;
        let (_, fonts) = doc.dereference(fonts).ok()?;
        fonts.as_dict().ok()?.get(font.as_bytes()).ok()?.clone()
    };
    let lines: Vec<&str> = if multiline {
        text.lines().collect()
    } else {
        vec![text]
    };
    let size = if given > 0.0 {
        given
    } else if multiline {
        9.0
    } else {
        ((h - 2.0) * 0.75).clamp(4.0, 10.0)
    };
    let mut content = format!("/Tx BMC\nq\nBT\n/{font} {size:.2} Tf {colour}\n");
    let leading = size * 1.15;
    let first = if multiline {
        h - 2.0 - size
    } else {
        ((h - size) / 2.0 + size * 0.22).max(1.0)
    };
    content.push_str(&format!("{leading:.2} TL\n2 {first:.2} Td\n"));
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            content.push_str("T*\n");
        }
        content.push_str(&latin1_literal(line));
        content.push_str(" Tj\n");
    }
    content.push_str("ET\nQ\nEMC\n");
    let mut fonts = Dictionary::new();
    fonts.set(font.as_bytes().to_vec(), font_ref);
    Some(lopdf::Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), w.into(), h.into()],
            "Resources" => dictionary! { "Font" => fonts },
        },
        content.into_bytes(),
    ))
}

fn need_appearances(d: &mut Dictionary) {
    d.set("NeedAppearances", Object::Boolean(true));
    // XFA would take precedence over the AcroForm fields in the readers that know it.
    d.remove(b"XFA");
}

fn set(doc: &mut Document, id: ObjectId, key: &[u8], value: Object) -> Result<(), FormError> {
    doc.get_dictionary_mut(id)
        .map_err(|_| FormError::from(MediaError::Damaged))?
        .set(key.to_vec(), value);
    Ok(())
}

fn save(mut doc: Document) -> Result<Vec<u8>, FormError> {
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|_| MediaError::Damaged)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    /// A one-page form with a text field `name` and a radio group `kind` (states 1 and 2).
    fn form() -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let mut ap = |state: &str| {
            let on = doc.add_object(doc_stream());
            let off = doc.add_object(doc_stream());
            let mut d = Dictionary::new();
            d.set(state, on);
            d.set("Off", off);
            Object::Dictionary(d)
        };
        let (ap1, ap2) = (ap("1"), ap("2"));
        let text = doc.add_object(dictionary! {
            "FT" => "Tx", "T" => Object::string_literal("name"), "Type" => "Annot",
            "Subtype" => "Widget", "Rect" => vec![0.into(), 0.into(), 100.into(), 20.into()],
            "AA" => dictionary! {}, "DA" => Object::string_literal("/Helv 0 Tf 0 g"),
        });
        let kind = doc.new_object_id();
        let one = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "Parent" => kind,
            "AP" => dictionary! { "N" => ap1 }, "AS" => "Off",
        });
        let two = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "Parent" => kind,
            "AP" => dictionary! { "N" => ap2 }, "AS" => "Off",
        });
        doc.objects.insert(
            kind,
            Object::Dictionary(dictionary! {
                "FT" => "Btn", "T" => Object::string_literal("kind"), "Ff" => 49152,
                "Kids" => vec![one.into(), two.into()],
            }),
        );
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages,
            "MediaBox" => vec![0.into(), 0.into(), 200.into(), 200.into()],
            "Annots" => vec![text.into(), one.into(), two.into()],
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let helv = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let acroform = doc.add_object(dictionary! {
            "Fields" => vec![text.into(), kind.into()],
            "DR" => dictionary! { "Font" => dictionary! { "Helv" => helv } },
        });
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog", "Pages" => pages, "AcroForm" => acroform,
        });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("saved");
        out
    }

    fn doc_stream() -> Object {
        Object::Stream(lopdf::Stream::new(dictionary! {}, b"".to_vec()))
    }

    #[test]
    fn fills_text_and_radio_and_drops_scripts() {
        let filled = fill_form(
            &form(),
            &[
                (
                    "name",
                    FieldValue::Text("Amina Diallo, née à Bamako".into()),
                ),
                ("kind", FieldValue::Choice("2".into())),
            ],
            &Limits::default(),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let doc = Document::load_mem(&filled).expect("parsed");
        let by_name = fields(&doc).expect("fields");
        let name = doc.get_dictionary(by_name["name"]).expect("name");
        assert_eq!(
            decode_text(name.get(b"V").and_then(Object::as_str).expect("V")),
            "Amina Diallo, née à Bamako"
        );
        assert!(!name.has(b"AA"));
        // Its appearance draws the value in the field's font (Latin-1 escapes).
        let ap = name.get(b"AP").and_then(Object::as_dict).expect("AP");
        let n = ap.get(b"N").and_then(Object::as_reference).expect("N");
        let stream = doc
            .get_object(n)
            .and_then(Object::as_stream)
            .expect("stream");
        let content = String::from_utf8(stream.content.clone()).expect("ascii");
        assert!(content.contains("/Helv 10.00 Tf 0 g"), "{content}");
        assert!(
            content.contains("(Amina Diallo, n\\351e \\340 Bamako) Tj"),
            "{content}"
        );
        let kind = doc.get_dictionary(by_name["kind"]).expect("kind");
        assert_eq!(kind.get(b"V").and_then(Object::as_name).expect("V"), b"2");
        let shown: Vec<Vec<u8>> = widgets(&doc, by_name["kind"])
            .iter()
            .map(|w| {
                let d = doc.get_dictionary(*w).expect("widget");
                d.get(b"AS").and_then(Object::as_name).expect("AS").to_vec()
            })
            .collect();
        assert_eq!(shown, vec![b"Off".to_vec(), b"2".to_vec()]);
        let acroform = doc
            .catalog()
            .and_then(|c| c.get(b"AcroForm"))
            .expect("form");
        let (_, acroform) = doc.dereference(acroform).expect("form");
        assert_eq!(
            acroform
                .as_dict()
                .and_then(|d| d.get(b"NeedAppearances"))
                .expect("flag"),
            &Object::Boolean(true)
        );
    }

    #[test]
    fn refuses_an_unknown_field_or_state() {
        let limits = Limits::default();
        assert_eq!(
            fill_form(&form(), &[("nope", FieldValue::Text("x".into()))], &limits),
            Err(FormError::NoField("nope".into()))
        );
        assert_eq!(
            fill_form(
                &form(),
                &[("kind", FieldValue::Choice("3".into()))],
                &limits
            ),
            Err(FormError::NoState("kind".into(), "3".into()))
        );
    }
}
