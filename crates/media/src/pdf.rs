//! PDF active-content removal ([`sanitize_pdf`]).
//!
//! The document is parsed with `lopdf` and every object is walked (reachable or not). What goes:
//!
//! | removed | why |
//! | --- | --- |
//! | `/OpenAction` (always, even a plain "open at page" destination) | runs on open |
//! | `/AA` everywhere (document, pages, annotations, form fields) | runs on open/close/focus/print… |
//! | actions `/S /JavaScript`, `/Launch`, `/SubmitForm`, `/ImportData`, `/RichMediaExecute`, `/GoToR`, `/GoToE`, `/GoToDp`, `/Rendition`, `/Sound`, `/Movie`, `/GoTo3DView`, and any other unknown action type | scripts, program launch, data exfiltration, opening other files, media players |
//! | `/URI` actions whose target is not `http:`, `https:`, `mailto:` or `tel:` | `file:`/UNC links leak credentials, `javascript:` |
//! | `/JS` keys, the `/JavaScript` and `/EmbeddedFiles` name trees | scripts and attachments |
//! | `/EF` and `/RF` in file specifications, `/Type /EmbeddedFile` streams | attached files |
//! | annotations `/FileAttachment`, `/RichMedia`, `/Screen`, `/Movie`, `/Sound`, `/3D` | attachments, Flash/media/3D players (3D can script) |
//! | `/XFA` in the AcroForm, `/Collection` (portfolio), `/AlternatePresentations` | XFA scripts, portfolios of attachments, scripted slideshows |
//! | objects no longer referenced from the trailer | detached scripts and attachments |
//!
//! What stays: pages, content streams, fonts, images, text, outlines, `/GoTo` links, web/mail
//! `/URI` links, `/Named` (next page, print…), `/Thread`, `/ResetForm`, `/Hide`,
//! `/SetOCGState` and `/Trans` actions, AcroForm fields (without their scripts), metadata.
//! Actions are removed by deleting the entry that holds them (a PDF null is the same as an
//! absent entry), so links that pointed to a removed action simply do nothing.
//!
//! The file is re-serialised from the parsed objects (one revision, no incremental updates, no
//! stale objects), then parsed again to check it is readable and has the same page count.
//!
//! Bombs: before `lopdf` sees the file, [`measure`](crate::pdf_check) inflates its object and
//! cross-reference streams through a bounded window and counts its tokens; a file whose streams
//! inflate past [`Limits::max_pdf_inflated`] or whose objects would not fit in
//! [`Limits::max_work_bytes`] is refused with [`MediaError::TooComplex`]. `lopdf` itself is then
//! run with the same bound on each stream it inflates.
//!
//! Object streams: `lopdf` expands only those typed `/Type /ObjStm`; a viewer expands any stream
//! the cross-reference stream names as a container. Those are expanded here too (their objects
//! are cleaned like the others) and dropped, like every object stream, before writing.
//!
//! Encryption: lopdf opens PDFs whose *user* password is empty (the common "protected against
//! printing/copying" case); those are decrypted and written back unencrypted, which the report
//! says. A PDF that needs a password to open is refused with `detected: "encrypted-pdf"`.

use std::collections::{BTreeMap, HashSet};

use lopdf::xref::XrefEntry;
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, ObjectStream};

use crate::pdf_check::{PdfCheck, measure};
use crate::sniff::find;
use crate::{Limits, MediaError, guarded};

/// What [`sanitize_pdf`] removed: one human-readable line per category, with its count,
/// e.g. `"JavaScript action (2)"`. Empty when the PDF had nothing to remove.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfReport {
    pub removed: Vec<String>,
}

/// PDFs: parse; remove active content (see the module documentation for the exact list);
/// re-serialise. Returns the cleaned bytes and a report.
///
/// Errors: `Damaged` for anything that does not parse as a PDF with at least one page,
/// `Unsupported { detected: "encrypted-pdf" }` for a PDF that needs a password, `TooComplex`
/// for a decompression bomb (see the module documentation).
pub fn sanitize_pdf(bytes: &[u8], limits: &Limits) -> Result<(Vec<u8>, PdfReport), MediaError> {
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(MediaError::Damaged);
    }
    measure(bytes, limits)?;
    let options = || LoadOptions {
        max_decompressed_size: Some(usize::try_from(limits.max_pdf_inflated).unwrap_or(usize::MAX)),
        ..LoadOptions::default()
    };
    guarded(|| {
        let mut doc = Document::load_mem_with_options(bytes, options()).map_err(load_error)?;
        expand_object_streams(&mut doc, limits)?;
        if doc.trailer.has(b"Encrypt") {
            return Err(ENCRYPTED);
        }
        let pages = doc.get_pages().len();
        if pages == 0 {
            return Err(MediaError::Damaged);
        }
        let mut stats = Stats::default();
        if doc.was_encrypted() {
            stats.add("encryption with an empty password");
        }
        clean_document(&mut doc, &mut stats)?;

        let mut out = Vec::new();
        doc.save_to(&mut out).map_err(|_| MediaError::Damaged)?;
        let check =
            Document::load_mem_with_options(&out, options()).map_err(|_| MediaError::Damaged)?;
        if check.get_pages().len() != pages {
            return Err(MediaError::Damaged);
        }
        Ok((out, stats.into_report()))
    })
}

/// Whether a PDF can be kept byte for byte: the streaming check ([`PdfCheck`]) finds no active
/// content in it (nor anything it cannot check), so [`sanitize_pdf`] would have nothing to
/// remove. Parsing and rewriting a document costs several times its size in memory and most of
/// an upload's CPU; a clean one is stored as it came, like a large PDF that streams through the
/// same check. `false` means "rewrite it" (active content to remove, an empty-password
/// encryption to undo, a structure only the parser can repair), not "refuse it".
pub fn pdf_is_clean(bytes: &[u8], limits: &Limits) -> bool {
    let mut check = PdfCheck::with_limits(limits);
    check.update(bytes).is_ok() && check.finish().is_ok()
}

const ENCRYPTED: MediaError = MediaError::Unsupported {
    detected: "encrypted-pdf",
};

/// Parses a PDF within `limits` (the same bomb checks as [`sanitize_pdf`]); one that needs a
/// password or has no page is refused.
pub(crate) fn load_bounded(bytes: &[u8], limits: &Limits) -> Result<Document, MediaError> {
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(MediaError::Damaged);
    }
    measure(bytes, limits)?;
    let options = LoadOptions {
        max_decompressed_size: Some(usize::try_from(limits.max_pdf_inflated).unwrap_or(usize::MAX)),
        ..LoadOptions::default()
    };
    guarded(|| {
        let mut doc = Document::load_mem_with_options(bytes, options).map_err(load_error)?;
        expand_object_streams(&mut doc, limits)?;
        if doc.trailer.has(b"Encrypt") {
            return Err(ENCRYPTED);
        }
        if doc.get_pages().is_empty() {
            return Err(MediaError::Damaged);
        }
        Ok(doc)
    })
}

fn load_error(e: lopdf::Error) -> MediaError {
    match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            MediaError::TooComplex
        }
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::UnsupportedSecurityHandler(_) => ENCRYPTED,
        _ => MediaError::Damaged,
    }
}

/// Expands the object streams `lopdf` left packed because their dictionary lacks
/// `/Type /ObjStm`: those the cross-reference data names as containers, and any stream with
/// `/First` and `/N` (what a reader needs to read one). Their objects join the document (never
/// replacing one already loaded) and are cleaned with the rest; the streams are then typed
/// `/ObjStm`, so they are dropped before writing like every object stream.
fn expand_object_streams(doc: &mut Document, limits: &Limits) -> Result<(), MediaError> {
    let mut containers: HashSet<u32> = doc
        .reference_table
        .entries
        .values()
        .filter_map(|entry| match entry {
            XrefEntry::Compressed { container, .. } => Some(*container),
            _ => None,
        })
        .collect();
    for (id, object) in &doc.objects {
        if let Object::Stream(stream) = object
            && stream.dict.has(b"First")
            && stream.dict.has(b"N")
        {
            containers.insert(id.0);
        }
    }
    // Each one is inflated within the limit; those the measure saw (with `/First`) counted
    // towards the total already.
    let limit = usize::try_from(limits.max_pdf_inflated).unwrap_or(usize::MAX);
    for container in containers {
        let Some(Object::Stream(stream)) = doc.objects.get_mut(&(container, 0)) else {
            continue;
        };
        if stream.dict.has_type(b"ObjStm") {
            continue; // expanded by lopdf
        }
        stream.dict.set("Type", Object::Name(b"ObjStm".to_vec()));
        let expanded = match ObjectStream::new_with_limit(stream, Some(limit)) {
            Ok(expanded) => expanded,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err(MediaError::TooComplex);
            }
            // Unreadable: its objects stay missing (references to them read as null).
            Err(_) => continue,
        };
        for (id, object) in expanded.objects {
            doc.objects.entry(id).or_insert(object);
        }
    }
    Ok(())
}

/// Dictionary entries removed wherever they appear; these keys have no other meaning in PDF.
const REMOVED_KEYS: &[(&[u8], &str)] = &[
    (b"OpenAction", "/OpenAction"),
    (b"AA", "/AA additional actions"),
    (b"JS", "/JS JavaScript code"),
    (b"JavaScript", "/JavaScript name tree"),
    (b"EmbeddedFiles", "/EmbeddedFiles name tree"),
    (b"EF", "/EF embedded file"),
    (b"RF", "/RF related files"),
    (b"XFA", "/XFA form"),
    (b"Collection", "/Collection portfolio"),
    (b"AlternatePresentations", "/AlternatePresentations"),
    (b"RichMediaContent", "/RichMediaContent"),
    (b"RichMediaSettings", "/RichMediaSettings"),
];

/// Action types that are removed, with their report label.
const REMOVED_ACTIONS: &[(&[u8], &str)] = &[
    (b"JavaScript", "JavaScript action"),
    (b"Launch", "Launch action"),
    (b"SubmitForm", "SubmitForm action"),
    (b"ImportData", "ImportData action"),
    (b"RichMediaExecute", "RichMediaExecute action"),
    (b"GoToR", "GoToR (remote file) action"),
    (b"GoToE", "GoToE (embedded file) action"),
    (b"GoToDp", "GoToDp action"),
    (b"Rendition", "Rendition (media) action"),
    (b"Sound", "Sound action"),
    (b"Movie", "Movie action"),
    (b"GoTo3DView", "GoTo3DView action"),
];

/// Action types that are harmless and kept (`URI` is kept only for web and mail targets).
const KEPT_ACTIONS: &[&[u8]] = &[
    b"GoTo",
    b"URI",
    b"Named",
    b"Thread",
    b"ResetForm",
    b"Hide",
    b"SetOCGState",
    b"Trans",
];

/// Annotation subtypes that are removed.
const REMOVED_ANNOTATIONS: &[(&[u8], &str)] = &[
    (b"FileAttachment", "FileAttachment annotation"),
    (b"RichMedia", "RichMedia annotation"),
    (b"Screen", "Screen (media) annotation"),
    (b"Movie", "Movie annotation"),
    (b"Sound", "Sound annotation"),
    (b"3D", "3D annotation"),
];

const SAFE_URI_SCHEMES: &[&[u8]] = &[b"http:", b"https:", b"mailto:", b"tel:"];

/// Deeper nesting than this is refused rather than walked (lopdf's parser already caps it lower).
const MAX_DEPTH: usize = 256;

#[derive(Default)]
struct Stats(BTreeMap<&'static str, usize>);

impl Stats {
    fn add(&mut self, label: &'static str) {
        *self.0.entry(label).or_default() += 1;
    }

    fn add_n(&mut self, label: &'static str, n: usize) {
        if n > 0 {
            *self.0.entry(label).or_default() += n;
        }
    }

    fn into_report(self) -> PdfReport {
        PdfReport {
            removed: self
                .0
                .into_iter()
                .map(|(label, count)| format!("{label} ({count})"))
                .collect(),
        }
    }
}

#[derive(PartialEq, Eq)]
enum Fate {
    Keep,
    Drop,
}

fn clean_document(doc: &mut Document, stats: &mut Stats) -> Result<(), MediaError> {
    // 1. Walk every object: drop dangerous objects whole, strip dangerous entries from the rest.
    let mut dropped: HashSet<ObjectId> = HashSet::new();
    for (id, object) in doc.objects.iter_mut() {
        if clean(object, stats, 0)? == Fate::Drop {
            *object = Object::Null;
            dropped.insert(*id);
        }
    }
    // 2. Unlink references to dropped objects; compact annotation arrays.
    let mut annots_arrays = Vec::new();
    for object in doc.objects.values_mut() {
        unlink(object, &dropped, false, &mut annots_arrays, 0)?;
    }
    for id in annots_arrays {
        if let Some(Object::Array(array)) = doc.objects.get_mut(&id) {
            array.retain(|o| !is_gone(o, &dropped));
        }
    }
    // 3. Forget everything no longer reachable (detached scripts, attachments, dropped objects).
    // Cross-reference and object streams are file structure, rebuilt by the writer: not counted.
    doc.objects
        .retain(|_, o| !matches!(o.type_name(), Ok(b"XRef" | b"ObjStm")));
    let pruned = doc.prune_objects();
    let detached = pruned.iter().filter(|id| !dropped.contains(id)).count();
    stats.add_n("unreferenced object", detached);
    Ok(())
}

fn clean(object: &mut Object, stats: &mut Stats, depth: usize) -> Result<Fate, MediaError> {
    if depth > MAX_DEPTH {
        return Err(MediaError::Damaged);
    }
    match object {
        Object::Dictionary(dict) => clean_dict(dict, false, stats, depth),
        Object::Stream(stream) => clean_dict(&mut stream.dict, true, stats, depth),
        Object::Array(array) => {
            for item in array.iter_mut() {
                if clean(item, stats, depth + 1)? == Fate::Drop {
                    *item = Object::Null;
                }
            }
            Ok(Fate::Keep)
        }
        _ => Ok(Fate::Keep),
    }
}

fn clean_dict(
    dict: &mut Dictionary,
    is_stream: bool,
    stats: &mut Stats,
    depth: usize,
) -> Result<Fate, MediaError> {
    if let Some(reason) = drop_reason(dict, is_stream) {
        stats.add(reason);
        return Ok(Fate::Drop);
    }
    for (key, label) in REMOVED_KEYS {
        if dict.remove(key).is_some() {
            stats.add(label);
        }
    }
    let mut dropped_keys = Vec::new();
    for (key, value) in dict.iter_mut() {
        if clean(value, stats, depth + 1)? == Fate::Drop {
            dropped_keys.push(key.clone());
        }
    }
    for key in dropped_keys {
        dict.remove(&key);
    }
    Ok(Fate::Keep)
}

fn name<'a>(dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    dict.get(key).ok().and_then(|o| o.as_name().ok())
}

/// Why this dictionary must go entirely, if it must.
fn drop_reason(dict: &Dictionary, is_stream: bool) -> Option<&'static str> {
    let kind = name(dict, b"Type");
    if is_stream && kind == Some(b"EmbeddedFile") {
        return Some("embedded file");
    }
    // Annotations: a subtype plus the rectangle every annotation has.
    if let Some(subtype) = name(dict, b"Subtype")
        && (kind == Some(b"Annot") || dict.has(b"Rect"))
        && let Some((_, label)) = REMOVED_ANNOTATIONS.iter().find(|(s, _)| *s == subtype)
    {
        return Some(label);
    }
    // Actions: `/S` names the action type. `/S` also appears in structure elements, transitions,
    // soft masks, groups, page labels and border styles, none of which use these names; only
    // dictionaries typed `/Action` are judged by the allow-list as well.
    let action = name(dict, b"S")?;
    if kind == Some(b"StructElem") || dict.has(b"K") {
        return None;
    }
    if let Some((_, label)) = REMOVED_ACTIONS.iter().find(|(s, _)| *s == action) {
        return Some(label);
    }
    if action == b"URI" {
        let target = dict
            .get(b"URI")
            .ok()
            .and_then(|o| o.as_str().ok())
            .unwrap_or(&[]);
        return (!safe_uri(target)).then_some("URI action to a non-web target");
    }
    if kind == Some(b"Action") && !KEPT_ACTIONS.contains(&action) {
        return Some("unknown action");
    }
    None
}

fn safe_uri(target: &[u8]) -> bool {
    let start = target
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !b.is_ascii_control());
    let target = start.map_or(&[][..], |s| &target[s..]).to_ascii_lowercase();
    SAFE_URI_SCHEMES
        .iter()
        .any(|scheme| target.starts_with(scheme))
}

fn is_gone(object: &Object, dropped: &HashSet<ObjectId>) -> bool {
    match object {
        Object::Null => true,
        Object::Reference(id) => dropped.contains(id),
        _ => false,
    }
}

/// Removes dictionary entries pointing to dropped objects (a null entry is an absent entry),
/// nulls such references in arrays (keeping positions), and compacts `/Annots` arrays.
/// Collects `/Annots` arrays that are indirect objects so the caller compacts them too.
fn unlink(
    object: &mut Object,
    dropped: &HashSet<ObjectId>,
    annots: bool,
    annots_arrays: &mut Vec<ObjectId>,
    depth: usize,
) -> Result<(), MediaError> {
    if depth > MAX_DEPTH {
        return Err(MediaError::Damaged);
    }
    let dict = match object {
        Object::Dictionary(dict) => dict,
        Object::Stream(stream) => &mut stream.dict,
        Object::Array(array) => {
            if annots {
                array.retain(|o| !is_gone(o, dropped));
            }
            for item in array.iter_mut() {
                if matches!(item, Object::Reference(id) if dropped.contains(id)) {
                    *item = Object::Null;
                }
                unlink(item, dropped, false, annots_arrays, depth + 1)?;
            }
            return Ok(());
        }
        _ => return Ok(()),
    };
    let gone: Vec<Vec<u8>> = dict
        .iter()
        .filter(|(_, v)| matches!(v, Object::Reference(id) if dropped.contains(id)))
        .map(|(k, _)| k.clone())
        .collect();
    for key in gone {
        dict.remove(&key);
    }
    if let Ok(Object::Reference(id)) = dict.get(b"Annots") {
        annots_arrays.push(*id);
    }
    for (key, value) in dict.iter_mut() {
        unlink(
            value,
            dropped,
            key.as_slice() == b"Annots",
            annots_arrays,
            depth + 1,
        )?;
    }
    Ok(())
}
