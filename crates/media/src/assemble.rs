//! The assembled file of a procedure ([`Assembler`]): a cover page, then each piece (a PDF's
//! pages, an image as one page), one bookmark per piece, a page number on every page and an
//! optional watermark ("copy for the CAF, 2 December 2026") across every page.
//!
//! It streams: the output is written object by object as each piece is read, so memory holds
//! one piece at a time (parsed within the same [`Limits`] as an upload) and a few numbers per
//! page, whatever the total size. The page numbers say "n / total": the caller counts the pages
//! first ([`page_count`]), piece by piece, and gives the total to [`Assembler::new`].
//!
//! How a piece joins: its objects are renumbered after those already written; each page gets
//! what it inherited from its old page tree (resources, media box, crop box, rotation) and its
//! new parent; its contents are wrapped as `q … Q` and followed by the overlay (number and
//! watermark, drawn with fonts and a transparency state the file shares); then the objects its
//! pages reach are written, and nothing else of it (its catalogue, outlines, forms' roots and
//! unreachable objects are left out). The text this module draws uses the standard PDF fonts
//! (Helvetica, Courier) in WinAnsi encoding: a character outside it prints as `?`, so callers
//! put names in Latin script on the cover (the person's identifier is always ASCII). Bookmarks
//! are UTF-16 and take any script.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, Writer, dictionary};

use crate::pdf::load_bounded;
use crate::scan::jpeg_image;
use crate::sniff::sniff;
use crate::{Kind, Limits, MediaError, images_to_pdf};

/// A4 portrait, in points.
const A4: (f64, f64) = (595.0, 842.0);
const MARGIN: f64 = 56.0;

// Ids of the objects every assembled file shares; pieces are numbered after them.
const PAGES: u32 = 1;
const HELVETICA: u32 = 2;
const CATALOG: u32 = 3;
const OUTLINES: u32 = 4;
const FAINT: u32 = 5;
const HELVETICA_BOLD: u32 = 6;
const COURIER: u32 = 7;
const FIRST_FREE: u32 = 8;

/// Resource names of the shared objects in every page (unlikely to clash with a piece's own).
const FONT_NAME: &str = "CgHelv";
const BOLD_NAME: &str = "CgHelvB";
const MONO_NAME: &str = "CgCour";
const FAINT_NAME: &str = "CgFaint";
const LOGO_NAME: &str = "CgLogo";

/// The box a cover's logo fits in (width, height), in points.
pub const LOGO_BOX: (f64, f64) = (160.0, 64.0);

/// How a cover line is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverStyle {
    /// The title (large, bold).
    Title,
    /// A heading (bold).
    Heading,
    /// Ordinary text.
    Text,
    /// A fingerprint (monospace, small).
    Hash,
    /// A missing piece (bold, with a mark before it).
    Missing,
}

/// One line of the cover page (wrapped when longer than the page is wide).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverLine {
    pub style: CoverStyle,
    pub text: String,
}

impl CoverLine {
    pub fn new(style: CoverStyle, text: impl Into<String>) -> Self {
        Self {
            style,
            text: text.into(),
        }
    }
}

/// The pages a piece adds: a PDF's page count (parsed within `limits`), 1 for an image.
pub fn page_count(bytes: &[u8], limits: &Limits) -> Result<u32, MediaError> {
    match sniff(bytes)? {
        Kind::Pdf => {
            let doc = load_bounded(bytes, limits)?;
            u32::try_from(doc.get_pages().len()).map_err(|_| MediaError::TooComplex)
        }
        Kind::Jpeg | Kind::Png | Kind::Webp => Ok(1),
    }
}

/// One document (a PDF's pages, an image as one page) copied with `watermark` across every
/// page and the page numbers, without a cover, its bookmark `title`: the copy a share link
/// serves ("copy given to the CAF on 3 December 2026").
pub fn watermarked(
    bytes: &[u8],
    title: &str,
    watermark: &str,
    page_label: &str,
    limits: &Limits,
) -> Result<Vec<u8>, MediaError> {
    let total = page_count(bytes, limits)?;
    let mut assembler = Assembler::new(Vec::new(), total, page_label, Some(watermark), limits)?;
    assembler.add(title, bytes)?;
    let (out, _) = assembler.finish()?;
    Ok(out)
}

/// What [`Assembler::finish`] gives back besides the writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assembled {
    /// Pages written, the cover included.
    pub pages: u32,
    /// Bytes written.
    pub bytes: u64,
}

/// Writes an assembled PDF to `W` as pieces come: [`cover`](Self::cover) first, then
/// [`add`](Self::add) for each piece in order, then [`finish`](Self::finish).
pub struct Assembler<W: Write> {
    out: W,
    written: u64,
    /// Byte offset and generation of each object written, by id (the cross-reference table).
    offsets: BTreeMap<u32, (u64, u16)>,
    next_id: u32,
    kids: Vec<u32>,
    /// Each piece's bookmark title and first page.
    bookmarks: Vec<(String, u32)>,
    total: u32,
    watermark: Option<String>,
    page_label: String,
    limits: Limits,
}

impl<W: Write> Assembler<W> {
    /// Starts the file. `total` is the number of pages of the whole file (cover included), for
    /// the page numbers; `page_label` prints before them ("p." gives "p. 3 / 60");
    /// `watermark`, when given, is printed across every page, the cover included.
    pub fn new(
        out: W,
        total: u32,
        page_label: &str,
        watermark: Option<&str>,
        limits: &Limits,
    ) -> Result<Self, MediaError> {
        let mut a = Self {
            out,
            written: 0,
            offsets: BTreeMap::new(),
            next_id: FIRST_FREE,
            kids: Vec::new(),
            bookmarks: Vec::new(),
            total,
            watermark: watermark
                .map(str::to_owned)
                .filter(|w| !w.trim().is_empty()),
            page_label: page_label.to_owned(),
            limits: limits.clone(),
        };
        a.raw(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")?;
        let font = |name: &str| {
            Object::Dictionary(dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => Object::Name(name.as_bytes().to_vec()),
                "Encoding" => "WinAnsiEncoding",
            })
        };
        a.object(HELVETICA, &font("Helvetica"))?;
        a.object(HELVETICA_BOLD, &font("Helvetica-Bold"))?;
        a.object(COURIER, &font("Courier"))?;
        a.object(
            FAINT,
            &Object::Dictionary(dictionary! {
                "Type" => "ExtGState",
                "ca" => 0.22,
                "CA" => 0.22,
            }),
        )?;
        Ok(a)
    }

    /// The cover page: `lines` from the top, wrapped to the page's width, made smaller until
    /// they fit on the one page.
    pub fn cover(&mut self, lines: &[CoverLine]) -> Result<(), MediaError> {
        self.cover_with_logo(lines, None)
    }

    /// The cover page, under a logo (a PNG or JPEG, decoded within the limits, drawn at the
    /// top at most [`LOGO_BOX`] points wide and high, its aspect ratio kept) when one is given:
    /// a letterhead.
    pub fn cover_with_logo(
        &mut self,
        lines: &[CoverLine],
        logo: Option<&[u8]>,
    ) -> Result<(), MediaError> {
        let logo = match logo {
            Some(bytes) => Some(self.logo(bytes)?),
            None => None,
        };
        let logo_h = logo.map_or(0.0, |(_, _, h)| h + 12.0);
        let mut scale = 1.0;
        let laid = loop {
            let laid = lay_out(lines, scale);
            let height: f64 = laid.iter().map(|(_, size, gap)| size * 1.25 + gap).sum();
            if height <= A4.1 - 2.0 * MARGIN - logo_h || scale < 0.35 {
                break laid;
            }
            scale *= 0.9;
        };
        // Opened like a piece's page: the overlay closes it with `Q`.
        let mut content = String::from("q\n");
        let mut y = A4.1 - MARGIN;
        let mut resources = Dictionary::new();
        if let Some((id, w, h)) = logo {
            y -= h;
            content.push_str(&format!(
                "q {w:.1} 0 0 {h:.1} {MARGIN:.1} {y:.1} cm /{LOGO_NAME} Do Q\n"
            ));
            y -= 12.0;
            resources.set(
                "XObject",
                dictionary! { LOGO_NAME => Object::Reference((id, 0)) },
            );
        }
        for (line, size, gap) in &laid {
            y -= gap + size;
            let font = match line.style {
                CoverStyle::Title | CoverStyle::Heading | CoverStyle::Missing => BOLD_NAME,
                CoverStyle::Text => FONT_NAME,
                CoverStyle::Hash => MONO_NAME,
            };
            content.push_str(&format!(
                "BT /{font} {size:.1} Tf {MARGIN:.1} {y:.1} Td {} Tj ET\n",
                pdf_string(&line.text)
            ));
            y -= size * 0.25;
        }
        let id = self.take_id();
        let content_id = self.take_id();
        let mut stream = Stream::new(Dictionary::new(), content.into_bytes());
        let _ = stream.compress();
        self.object(content_id, &Object::Stream(stream))?;
        let overlay = self.overlay(1, (0.0, 0.0, A4.0, A4.1))?;
        let page = dictionary! {
            "Type" => "Page",
            "Parent" => (PAGES, 0),
            "MediaBox" => vec![0.into(), 0.into(), A4.0.into(), A4.1.into()],
            "Resources" => shared_resources(resources),
            "Contents" => vec![Object::Reference((content_id, 0)), Object::Reference((overlay, 0))],
        };
        self.object(id, &Object::Dictionary(page))?;
        self.kids.push(id);
        Ok(())
    }

    /// Writes a logo as an image object (re-encoded as JPEG, like a scanned page); its id and
    /// drawn size in points.
    fn logo(&mut self, bytes: &[u8]) -> Result<(u32, f64, f64), MediaError> {
        if !matches!(sniff(bytes)?, Kind::Png | Kind::Jpeg) {
            return Err(MediaError::Unsupported { detected: "image" });
        }
        let (stream, w, h) = crate::guarded(|| jpeg_image(bytes, &self.limits))?;
        let (w, h) = (w.max(1), h.max(1));
        let id = self.take_id();
        self.object(id, &Object::Stream(stream))?;
        let ratio = (LOGO_BOX.0 / f64::from(w)).min(LOGO_BOX.1 / f64::from(h));
        Ok((id, f64::from(w) * ratio, f64::from(h) * ratio))
    }

    /// Adds a piece (a PDF or an image; anything else is refused like an upload) with its
    /// bookmark title; returns the pages it added.
    pub fn add(&mut self, bookmark: &str, bytes: &[u8]) -> Result<u32, MediaError> {
        let pdf;
        let bytes = match sniff(bytes)? {
            Kind::Pdf => bytes,
            Kind::Jpeg | Kind::Png | Kind::Webp => {
                pdf = images_to_pdf(&[bytes.to_vec()], &self.limits)?;
                &pdf[..]
            }
        };
        let start = self.next_id;
        let (mut doc, pages) = crate::guarded(|| {
            let mut doc = load_bounded(bytes, &self.limits)?;
            doc.renumber_objects_with(start);
            let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
            Ok((doc, pages))
        })?;
        self.next_id = doc.max_id.saturating_add(1).max(self.next_id);
        let first = self.kids.len();
        let mut roots = Vec::with_capacity(pages.len());
        for (i, page_id) in pages.iter().enumerate() {
            let number = u32::try_from(first + i + 1).map_err(|_| MediaError::TooComplex)?;
            self.adopt_page(&mut doc, *page_id, number)?;
            roots.push(*page_id);
            self.kids.push(page_id.0);
        }
        self.write_reachable(&doc, &roots)?;
        let first_page = *self.kids.get(first).ok_or(MediaError::Damaged)?;
        self.bookmarks.push((bookmark.to_owned(), first_page));
        u32::try_from(pages.len()).map_err(|_| MediaError::TooComplex)
    }

    /// Writes the page tree, the bookmarks, the catalogue and the cross-reference table.
    pub fn finish(mut self) -> Result<(W, Assembled), MediaError> {
        let count = i64::try_from(self.kids.len()).map_err(|_| MediaError::TooComplex)?;
        let kids: Vec<Object> = self
            .kids
            .iter()
            .map(|k| Object::Reference((*k, 0)))
            .collect();
        self.object(
            PAGES,
            &Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count },
            ),
        )?;
        let bookmarks = std::mem::take(&mut self.bookmarks);
        let ids: Vec<u32> = bookmarks.iter().map(|_| self.take_id()).collect();
        for (i, (title, page)) in bookmarks.iter().enumerate() {
            let mut item = dictionary! {
                "Title" => Object::String(utf16_text(title), lopdf::StringFormat::Hexadecimal),
                "Parent" => (OUTLINES, 0),
                "Dest" => vec![Object::Reference((*page, 0)), "Fit".into()],
            };
            if i > 0 {
                item.set("Prev", Object::Reference((ids[i - 1], 0)));
            }
            if let Some(next) = ids.get(i + 1) {
                item.set("Next", Object::Reference((*next, 0)));
            }
            self.object(ids[i], &Object::Dictionary(item))?;
        }
        let mut outlines = dictionary! {
            "Type" => "Outlines",
            "Count" => i64::try_from(ids.len()).map_err(|_| MediaError::TooComplex)?,
        };
        if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
            outlines.set("First", Object::Reference((*first, 0)));
            outlines.set("Last", Object::Reference((*last, 0)));
        }
        self.object(OUTLINES, &Object::Dictionary(outlines))?;
        self.object(
            CATALOG,
            &Object::Dictionary(dictionary! {
                "Type" => "Catalog",
                "Pages" => (PAGES, 0),
                "Outlines" => (OUTLINES, 0),
                "PageMode" => "UseOutlines",
            }),
        )?;
        let size = self.next_id;
        let xref_at = self.written;
        let mut xref = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for id in 1..size {
            match self.offsets.get(&id) {
                Some((at, generation)) => xref.push_str(&format!("{at:010} {generation:05} n \n")),
                None => xref.push_str("0000000000 00000 f \n"),
            }
        }
        xref.push_str(&format!(
            "trailer\n<< /Size {size} /Root {CATALOG} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n"
        ));
        self.raw(xref.as_bytes())?;
        self.out.flush().map_err(|_| MediaError::Damaged)?;
        let pages = u32::try_from(self.kids.len()).map_err(|_| MediaError::TooComplex)?;
        Ok((
            self.out,
            Assembled {
                pages,
                bytes: self.written,
            },
        ))
    }

    /// A page of a piece joins the file: its inherited attributes made its own, its parent
    /// the file's page tree, its contents wrapped and followed by the overlay.
    fn adopt_page(
        &mut self,
        doc: &mut Document,
        page_id: ObjectId,
        number: u32,
    ) -> Result<(), MediaError> {
        let inherited = inherited(doc, page_id);
        let media_box = inherited
            .get(b"MediaBox".as_slice())
            .cloned()
            .unwrap_or_else(|| vec![0.into(), 0.into(), A4.0.into(), A4.1.into()].into());
        let bounds = rect(doc, &media_box).unwrap_or((0.0, 0.0, A4.0, A4.1));
        let resources = match inherited.get(b"Resources".as_slice()) {
            Some(r) => resolved_dictionary(doc, r),
            None => Dictionary::new(),
        };
        let open = self.take_id();
        self.object(
            open,
            &Object::Stream(Stream::new(Dictionary::new(), b"q\n".to_vec())),
        )?;
        let overlay = self.overlay(number, bounds)?;
        let page = doc
            .get_object_mut(page_id)
            .and_then(Object::as_dict_mut)
            .map_err(|_| MediaError::Damaged)?;
        let mut contents = vec![Object::Reference((open, 0))];
        match page.get(b"Contents") {
            Ok(Object::Array(parts)) => contents.extend(parts.iter().cloned()),
            Ok(one @ Object::Reference(_)) => contents.push(one.clone()),
            _ => {}
        }
        contents.push(Object::Reference((overlay, 0)));
        page.set("Contents", contents);
        page.set("Parent", Object::Reference((PAGES, 0)));
        page.set("MediaBox", media_box);
        for key in ["CropBox", "Rotate"] {
            if let Some(v) = inherited.get(key.as_bytes()) {
                page.set(key, v.clone());
            }
        }
        page.set("Resources", shared_resources(resources));
        Ok(())
    }

    /// The overlay of page `number`: `Q` (closing the page's own `q`), the page number at the
    /// bottom, the watermark across the page.
    fn overlay(&mut self, number: u32, (x0, y0, x1, y1): Bounds) -> Result<u32, MediaError> {
        let mut s = String::from("Q\nq\n");
        let label = format!("{} {number} / {}", self.page_label, self.total);
        let size = 9.0;
        let width = text_width(&label, size);
        // On a white label, readable over a photo.
        let (lx, ly) = (x1 - 28.0 - width, y0 + 16.0);
        s.push_str(&format!(
            "1 g {:.1} {:.1} {:.1} {:.1} re f BT 0 g /{FONT_NAME} {size:.1} Tf {lx:.1} {ly:.1} Td {} Tj ET\n",
            lx - 4.0,
            ly - 4.0,
            width + 8.0,
            size + 6.0,
            pdf_string(&label)
        ));
        if let Some(text) = &self.watermark {
            let (w, h) = (x1 - x0, y1 - y0);
            let angle = h.atan2(w);
            let diagonal = w.hypot(h);
            let unit = text_width(text, 1.0).max(1.0);
            let size = (diagonal * 0.75 / unit).clamp(8.0, 72.0);
            let (c, sn) = (angle.cos(), angle.sin());
            let half = text_width(text, size) / 2.0;
            let (cx, cy) = (x0 + w / 2.0, y0 + h / 2.0);
            // The text's middle at the page's centre, along the diagonal.
            let (tx, ty) = (
                cx - c * half + sn * size * 0.35,
                cy - sn * half - c * size * 0.35,
            );
            s.push_str(&format!(
                "/{FAINT_NAME} gs 0.55 0 0 rg BT /{BOLD_NAME} {size:.1} Tf {c:.4} {sn:.4} {:.4} {c:.4} {tx:.1} {ty:.1} Tm {} Tj ET\n",
                -sn,
                pdf_string(text)
            ));
        }
        s.push_str("Q\n");
        let id = self.take_id();
        self.object(
            id,
            &Object::Stream(Stream::new(Dictionary::new(), s.into_bytes())),
        )?;
        Ok(id)
    }

    /// Writes every object the pages `roots` reach (through any reference but a page's
    /// `Parent`, which now points to the file's page tree).
    fn write_reachable(&mut self, doc: &Document, roots: &[ObjectId]) -> Result<(), MediaError> {
        let mut seen: BTreeSet<ObjectId> = BTreeSet::new();
        let mut todo: Vec<ObjectId> = roots.to_vec();
        while let Some(id) = todo.pop() {
            if id.0 < FIRST_FREE || !seen.insert(id) {
                continue;
            }
            let Ok(object) = doc.get_object(id) else {
                continue;
            };
            references(object, &mut todo);
            self.object_of(id, object)?;
        }
        Ok(())
    }

    fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    fn object(&mut self, id: u32, object: &Object) -> Result<(), MediaError> {
        self.object_of((id, 0), object)
    }

    fn object_of(&mut self, (id, generation): ObjectId, object: &Object) -> Result<(), MediaError> {
        self.offsets.insert(id, (self.written, generation));
        let mut buf = format!("{id} {generation} obj\n").into_bytes();
        Writer::write_object(&mut buf, object).map_err(|_| MediaError::Damaged)?;
        buf.extend_from_slice(b"\nendobj\n");
        self.raw(&buf)
    }

    fn raw(&mut self, bytes: &[u8]) -> Result<(), MediaError> {
        self.out.write_all(bytes).map_err(|_| MediaError::Damaged)?;
        self.written += bytes.len() as u64;
        Ok(())
    }
}

impl<W: Write> std::fmt::Debug for Assembler<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Assembler")
            .field("written", &self.written)
            .field("pages", &self.kids.len())
            .field("total", &self.total)
            .finish_non_exhaustive()
    }
}

type Bounds = (f64, f64, f64, f64);

/// A page's resources with the file's fonts and transparency state added.
fn shared_resources(mut resources: Dictionary) -> Object {
    let mut add = |kind: &str, name: &str, id: u32| {
        let mut entries = match resources.get(kind.as_bytes()) {
            Ok(Object::Dictionary(d)) => d.clone(),
            _ => Dictionary::new(),
        };
        entries.set(name, Object::Reference((id, 0)));
        resources.set(kind, entries);
    };
    add("Font", FONT_NAME, HELVETICA);
    add("Font", BOLD_NAME, HELVETICA_BOLD);
    add("Font", MONO_NAME, COURIER);
    add("ExtGState", FAINT_NAME, FAINT);
    Object::Dictionary(resources)
}

/// The attributes a page inherits (from itself, then its ancestors): resources, boxes,
/// rotation. A loop in the tree stops the walk.
fn inherited(doc: &Document, page_id: ObjectId) -> BTreeMap<Vec<u8>, Object> {
    let mut found = BTreeMap::new();
    let mut node = Some(page_id);
    let mut seen = BTreeSet::new();
    while let Some(id) = node {
        if !seen.insert(id) {
            break;
        }
        let Ok(dict) = doc.get_dictionary(id) else {
            break;
        };
        for key in ["Resources", "MediaBox", "CropBox", "Rotate"] {
            if let Ok(v) = dict.get(key.as_bytes()) {
                found
                    .entry(key.as_bytes().to_vec())
                    .or_insert_with(|| v.clone());
            }
        }
        node = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    found
}

/// A dictionary, or the one a reference points to; its `Font` and `ExtGState` entries resolved
/// too (so names can be added to them without touching an object other pages share).
fn resolved_dictionary(doc: &Document, object: &Object) -> Dictionary {
    let resolve = |o: &Object| -> Option<Dictionary> {
        match o {
            Object::Dictionary(d) => Some(d.clone()),
            Object::Reference(id) => doc.get_dictionary(*id).ok().cloned(),
            _ => None,
        }
    };
    let mut dict = resolve(object).unwrap_or_default();
    for key in ["Font", "ExtGState"] {
        if let Some(inner) = dict.get(key.as_bytes()).ok().and_then(resolve) {
            dict.set(key, inner);
        }
    }
    dict
}

/// A rectangle's corners, normalised (`[x0 y0 x1 y1]`, numbers or references to numbers).
fn rect(doc: &Document, object: &Object) -> Option<Bounds> {
    let array = match object {
        Object::Array(a) => a.clone(),
        Object::Reference(id) => doc.get_object(*id).ok()?.as_array().ok()?.clone(),
        _ => return None,
    };
    let n: Vec<f64> = array
        .iter()
        .filter_map(|v| match v {
            Object::Integer(i) => Some(*i as f64),
            Object::Real(r) => Some(f64::from(*r)),
            _ => None,
        })
        .collect();
    let [a, b, c, d] = n[..] else {
        return None;
    };
    let (x0, x1) = (a.min(c), a.max(c));
    let (y0, y1) = (b.min(d), b.max(d));
    (x1 - x0 > 1.0 && y1 - y0 > 1.0).then_some((x0, y0, x1, y1))
}

/// Every reference `object` holds (a page's `Parent` is the file's page tree by then, which the
/// walk does not enter).
fn references(object: &Object, into: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => into.push(*id),
        Object::Array(items) => items.iter().for_each(|o| references(o, into)),
        Object::Dictionary(d) => dict_references(d, into),
        Object::Stream(s) => dict_references(&s.dict, into),
        _ => {}
    }
}

fn dict_references(d: &Dictionary, into: &mut Vec<ObjectId>) {
    d.iter().for_each(|(_, value)| references(value, into));
}

/// Lines wrapped to the page's width at `scale`, with their font size and the space above.
fn lay_out(lines: &[CoverLine], scale: f64) -> Vec<(CoverLine, f64, f64)> {
    let width = A4.0 - 2.0 * MARGIN;
    let mut out = Vec::new();
    for line in lines {
        let (size, gap) = match line.style {
            CoverStyle::Title => (20.0, 0.0),
            CoverStyle::Heading => (12.0, 10.0),
            CoverStyle::Text | CoverStyle::Missing => (10.5, 3.0),
            CoverStyle::Hash => (7.5, 0.0),
        };
        let (size, gap) = (size * scale, gap * scale);
        let text = match line.style {
            CoverStyle::Missing => format!("[ ! ] {}", line.text),
            _ => line.text.clone(),
        };
        let mut first = true;
        for piece in wrap(&text, size, width, line.style == CoverStyle::Hash) {
            out.push((
                CoverLine::new(line.style, piece),
                size,
                if first { gap } else { 0.0 },
            ));
            first = false;
        }
    }
    out
}

/// `text` cut into lines that fit `width` at `size` (at spaces; a word longer than a line is
/// cut where it overflows).
fn wrap(text: &str, size: f64, width: f64, mono: bool) -> Vec<String> {
    let measure = |s: &str| {
        if mono {
            s.chars().count() as f64 * 0.6 * size
        } else {
            text_width(s, size)
        }
    };
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if measure(&candidate) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut rest = word.to_owned();
        while measure(&rest) > width {
            let mut cut = String::new();
            for ch in rest.chars() {
                if measure(&format!("{cut}{ch}")) > width && !cut.is_empty() {
                    break;
                }
                cut.push(ch);
            }
            rest = rest[cut.len()..].to_owned();
            lines.push(cut);
        }
        current = rest;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Helvetica's width of `text` at `size`, from its character classes (within a few per cent
/// of the font's metrics: enough to centre and wrap).
fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.24,
            ' ' | 'f' | 't' | 'I' | '/' | '(' | ')' | '[' | ']' | '-' => 0.29,
            'r' => 0.33,
            'm' | 'M' | 'W' => 0.85,
            'w' => 0.72,
            'A'..='Z' => 0.68,
            _ => 0.556,
        })
        .sum();
    em * size
}

/// A PDF literal string of `text` in WinAnsi encoding (`?` for what it lacks).
fn pdf_string(text: &str) -> String {
    let mut out = String::from("(");
    for byte in text.chars().map(win_ansi) {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(byte));
            }
            0x20..=0x7e => out.push(char::from(byte)),
            _ => out.push_str(&format!("\\{byte:03o}")),
        }
    }
    out.push(')');
    out
}

/// The WinAnsi byte of `c` (Latin-1 and the few Windows-1252 additions used in French).
fn win_ansi(c: char) -> u8 {
    match c {
        '\u{20}'..='\u{7e}' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u8,
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '›' => 0x9b,
        'œ' => 0x9c,
        'Ÿ' => 0x9f,
        '\u{202f}' => 0xa0,
        _ => b'?',
    }
}

/// A text string in UTF-16BE with its byte-order mark (any script, for bookmarks).
fn utf16_text(text: &str) -> Vec<u8> {
    let mut out = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_be_bytes());
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_encoded_for_the_standard_fonts() {
        assert_eq!(pdf_string("a(b)\\c"), "(a\\(b\\)\\\\c)");
        assert_eq!(pdf_string("Élodie 2 €"), "(\\311lodie 2 \\200)");
        assert_eq!(pdf_string("أمينة"), "(?????)");
        assert_eq!(utf16_text("é"), vec![0xfe, 0xff, 0x00, 0xe9]);
    }

    #[test]
    fn long_lines_are_wrapped_to_the_page() {
        let width = A4.0 - 2.0 * MARGIN;
        let long = "mot ".repeat(80);
        let lines = wrap(long.trim(), 10.5, width, false);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 10.5) <= width));
        let hash = "a".repeat(200);
        let cut = wrap(&hash, 7.5, width, true);
        assert_eq!(cut.concat(), hash);
    }
}
