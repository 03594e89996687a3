//! A small PDF writer for printed papers. Pages are drawn with top-left coordinates in points
//! (y down, turned into PDF's y up here). Text goes through [`crate::text`] and is written as
//! glyph ids of embedded fonts: each font used is a Type0 font with Identity-H encoding over a
//! CIDFontType2 (the whole TrueType file, compressed), /W widths of the glyphs used and a
//! /ToUnicode CMap from each glyph to the characters it was shaped from, so that text
//! extraction (pdftotext, pypdf) and screen readers get the words back. Glyphs are written in
//! visual order, each run at its place, shaped advances and offsets kept by `TJ` adjustments.

use crate::Error;
use crate::text::{Dir, FontId, Fonts, Line, break_lines, is_rtl, shape_line};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A colour, RGB in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
pub const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

/// How a text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    /// Drawn by stroking the regular outlines too (one font file per script is embedded).
    pub bold: bool,
    pub color: Rgb,
}

impl Style {
    pub fn new(size: f32) -> Self {
        Self {
            size,
            bold: false,
            color: BLACK,
        }
    }

    pub fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    pub fn color(self, color: Rgb) -> Self {
        Self { color, ..self }
    }

    /// The distance between two baselines.
    pub fn leading(&self) -> f32 {
        self.size * 1.3
    }
}

/// Where a paragraph's lines go in their box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A page being drawn: its size and its content stream.
#[derive(Debug, Clone)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    ops: String,
}

/// A glyph used in a font: its width (/W) and the characters it maps to (/ToUnicode).
#[derive(Debug, Clone, Default)]
struct Used {
    width: f32,
    text: String,
}

/// A document being made.
#[derive(Debug)]
pub struct Doc {
    fonts: Fonts,
    used: [BTreeMap<u16, Used>; 3],
    pages: Vec<Page>,
}

fn num(v: f32) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

impl Page {
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            ops: String::new(),
        }
    }

    fn y(&self, y: f32) -> f32 {
        self.height - y
    }

    fn fill(&mut self, c: Rgb) {
        let _ = write!(self.ops, "{} {} {} rg ", num(c.0), num(c.1), num(c.2));
    }

    fn stroke_color(&mut self, c: Rgb) {
        let _ = write!(self.ops, "{} {} {} RG ", num(c.0), num(c.1), num(c.2));
    }

    /// A filled rectangle (top-left corner, size).
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.fill(color);
        let _ = writeln!(
            self.ops,
            "{} {} {} {} re f",
            num(x),
            num(self.y(y + h)),
            num(w),
            num(h)
        );
    }

    /// A rectangle's outline.
    pub fn frame(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32, color: Rgb) {
        self.stroke_color(color);
        let _ = writeln!(
            self.ops,
            "{} w {} {} {} {} re S",
            num(width),
            num(x),
            num(self.y(y + h)),
            num(w),
            num(h)
        );
    }

    /// A straight line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) {
        self.stroke_color(color);
        let _ = writeln!(
            self.ops,
            "{} w {} {} m {} {} l S",
            num(width),
            num(from.0),
            num(self.y(from.1)),
            num(to.0),
            num(self.y(to.1))
        );
    }

    /// A dashed line (for handwriting).
    pub fn dotted(&mut self, from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) {
        self.ops.push_str("q [1 2] 0 d ");
        self.line(from, to, width, color);
        self.ops.push_str("Q\n");
    }

    /// A disc (centre, radius), filled or stroked.
    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, color: Rgb, stroke: Option<f32>) {
        let k = 0.5523 * r;
        let cy = self.y(cy);
        let p = |x: f32, y: f32| format!("{} {}", num(x), num(y));
        let _ = write!(
            self.ops,
            "{} m {} {} {} c {} {} {} c {} {} {} c {} {} {} c ",
            p(cx + r, cy),
            p(cx + r, cy + k),
            p(cx + k, cy + r),
            p(cx, cy + r),
            p(cx - k, cy + r),
            p(cx - r, cy + k),
            p(cx - r, cy),
            p(cx - r, cy - k),
            p(cx - k, cy - r),
            p(cx, cy - r),
            p(cx + k, cy - r),
            p(cx + r, cy - k),
            p(cx + r, cy)
        );
        match stroke {
            Some(w) => {
                self.stroke_color(color);
                let _ = writeln!(self.ops, "{} w S", num(w));
            }
            None => {
                self.fill(color);
                self.ops.push_str("f\n");
            }
        }
    }

    /// A closed polygon, filled, from top-left coordinates.
    pub fn polygon(&mut self, points: &[(f32, f32)], color: Rgb) {
        let Some((first, rest)) = points.split_first() else {
            return;
        };
        self.fill(color);
        let _ = write!(self.ops, "{} {} m ", num(first.0), num(self.y(first.1)));
        for (x, y) in rest {
            let _ = write!(self.ops, "{} {} l ", num(*x), num(self.y(*y)));
        }
        self.ops.push_str("h f\n");
    }

    /// A QR code of `text`, `size` points wide with its top-left corner at (x, y), on a white
    /// square that keeps the four-module quiet zone readers need.
    pub fn qr(&mut self, text: &str, x: f32, y: f32, size: f32) -> Result<(), Error> {
        let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M)
            .map_err(|_| Error::Qr)?;
        let n = code.width();
        let module = size / (n + 8) as f32;
        self.rect(x, y, size, size, WHITE);
        self.fill(BLACK);
        for (i, c) in code.to_colors().iter().enumerate() {
            if *c == qrcode::Color::Dark {
                let (col, row) = ((i % n) as f32, (i / n) as f32);
                let mx = x + (col + 4.0) * module;
                let my = y + (row + 4.0) * module;
                // A hair wider than a module so that neighbours leave no seam.
                let _ = write!(
                    self.ops,
                    "{} {} {} {} re ",
                    num(mx),
                    num(self.y(my + module)),
                    num(module + 0.05),
                    num(module + 0.05)
                );
            }
        }
        self.ops.push_str("f\n");
        Ok(())
    }
}

impl Doc {
    pub fn new() -> Result<Self, Error> {
        Ok(Self {
            fonts: Fonts::load()?,
            used: Default::default(),
            pages: Vec::new(),
        })
    }

    pub fn push(&mut self, page: Page) {
        self.pages.push(page);
    }

    /// The width of `text` on one line, in points.
    pub fn width(&self, text: &str, style: &Style, dir: Dir) -> f32 {
        shape_line(&self.fonts, text, dir).width * style.size / 1000.0
    }

    /// The largest size up to `style.size` (and down to `min`) at which `text` fits on one
    /// line of `max` points.
    pub fn fit(&self, text: &str, style: Style, dir: Dir, max: f32, min: f32) -> Style {
        let width = self.width(text, &Style::new(1000.0), dir) / 1000.0;
        let size = if width > 0.0 {
            (max / width).min(style.size).max(min)
        } else {
            style.size
        };
        Style { size, ..style }
    }

    /// The lines `text` takes in a box `width` points wide.
    pub fn lines(&self, text: &str, style: &Style, dir: Dir, width: f32) -> Vec<String> {
        break_lines(&self.fonts, text, dir, width * 1000.0 / style.size)
    }

    /// The height a paragraph takes (its lines times the leading).
    pub fn height(&self, text: &str, style: &Style, dir: Dir, width: f32) -> f32 {
        self.lines(text, style, dir, width).len() as f32 * style.leading()
    }

    /// Sets `text` in a box of `width` points whose top-left corner is (x, y), breaking lines
    /// by words; `align` is where each line goes (`None`: the start of the paragraph's own
    /// direction). Answers the y under the last line.
    #[allow(clippy::too_many_arguments)]
    pub fn paragraph(
        &mut self,
        page: &mut Page,
        text: &str,
        (x, y): (f32, f32),
        width: f32,
        style: &Style,
        dir: Dir,
        align: Option<Align>,
    ) -> f32 {
        let align = align.unwrap_or(if is_rtl(text, dir) {
            Align::Right
        } else {
            Align::Left
        });
        let mut baseline = y + style.size;
        for line in self.lines(text, style, dir, width) {
            let shaped = shape_line(&self.fonts, &line, dir);
            let w = shaped.width * style.size / 1000.0;
            let lx = match align {
                Align::Left => x,
                Align::Center => x + (width - w) / 2.0,
                Align::Right => x + width - w,
            };
            self.draw(page, &shaped, (lx, baseline), style);
            baseline += style.leading();
        }
        baseline - style.size
    }

    /// Writes a shaped line with its left end at (x, baseline): one `TJ` per font run, the
    /// adjustments placing each glyph where the shaper put it.
    fn draw(&mut self, page: &mut Page, line: &Line, (x, baseline): (f32, f32), style: &Style) {
        if line.glyphs.is_empty() {
            return;
        }
        let c = style.color;
        let by = page.y(baseline);
        let _ = write!(
            page.ops,
            "q {} {} {} rg {} {} {} RG ",
            num(c.0),
            num(c.1),
            num(c.2),
            num(c.0),
            num(c.1),
            num(c.2)
        );
        if style.bold {
            let _ = write!(page.ops, "{} w 1 j 2 Tr ", num(style.size * 0.035));
        }
        page.ops.push_str("BT ");
        let mut i = 0;
        while i < line.glyphs.len() {
            let font = line.glyphs[i].font;
            let start = &line.glyphs[i];
            let _ = write!(
                page.ops,
                "/F{} {} Tf 1 0 0 1 {} {} Tm {} Ts [",
                font.index(),
                num(style.size),
                num(x + start.x * style.size / 1000.0),
                num(by),
                num(start.y * style.size / 1000.0),
            );
            // Where the PDF's text position is, and the rise set, in thousandths.
            let mut at = start.x;
            let mut rise = start.y;
            while let Some(g) = line.glyphs.get(i).filter(|g| g.font == font) {
                if (g.y - rise).abs() > 0.5 {
                    let _ = write!(page.ops, "] TJ {} Ts [", num(g.y * style.size / 1000.0));
                    rise = g.y;
                }
                let gap = g.x - at;
                if gap.abs() > 0.5 {
                    let _ = write!(page.ops, "{} ", num(-gap));
                }
                let width = self.fonts.width_1000(font, g.gid);
                let used = self.used[font.index()].entry(g.gid).or_default();
                used.width = width;
                if used.text.is_empty() {
                    used.text.clone_from(&g.text);
                }
                let _ = write!(page.ops, "<{:04X}>", g.gid);
                at = g.x + width;
                i += 1;
            }
            page.ops.push_str("] TJ ");
        }
        page.ops.push_str("ET Q\n");
    }

    /// The finished file.
    pub fn finish(self, title: &str, lang: &str) -> Result<Vec<u8>, Error> {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let mut fonts = Dictionary::new();
        for id in FontId::ALL {
            let used = &self.used[id.index()];
            if used.is_empty() {
                continue;
            }
            let font = embed(&mut doc, &self.fonts, id, used)?;
            fonts.set(format!("F{}", id.index()), Object::Reference(font));
        }
        let resources = doc.add_object(dictionary! { "Font" => fonts });
        let mut kids = Vec::new();
        for page in self.pages {
            let mut content = Stream::new(Dictionary::new(), page.ops.into_bytes());
            let _ = content.compress();
            let content_id = doc.add_object(content);
            kids.push(Object::Reference(doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "MediaBox" => vec![Object::Integer(0), Object::Integer(0), Object::Real(page.width), Object::Real(page.height)],
                "Contents" => content_id,
                "Resources" => resources,
            })));
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
        );
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => pages_id,
            "Lang" => Object::string_literal(lang),
        });
        let info = doc.add_object(dictionary! {
            "Title" => Object::String(utf16(title), StringFormat::Hexadecimal),
            "Producer" => Object::string_literal("Consigne"),
        });
        doc.trailer.set("Root", catalog);
        doc.trailer.set("Info", info);
        let mut out = Vec::new();
        doc.save_to(&mut out).map_err(|_| Error::Write)?;
        Ok(out)
    }
}

/// UTF-16BE with its byte order mark (PDF text strings).
fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_be_bytes());
    }
    out
}

/// Embeds a font: Type0 → CIDFontType2 → descriptor → FontFile2, with /W and /ToUnicode.
fn embed(
    doc: &mut Document,
    fonts: &Fonts,
    id: FontId,
    used: &BTreeMap<u16, Used>,
) -> Result<lopdf::ObjectId, Error> {
    let face = fonts.face(id);
    let data = id.data();
    let scale = 1000.0 / (face.units_per_em().max(1) as f32);
    let s = |v: i16| Object::Integer((f32::from(v) * scale).round() as i64);
    let mut file = Stream::new(
        dictionary! { "Length1" => data.len() as i64 },
        data.to_vec(),
    );
    file.compress().map_err(|_| Error::Write)?;
    let file_id = doc.add_object(file);
    let bbox = face.global_bounding_box();
    let name = id.postscript_name();
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => name,
        "Flags" => 32,
        "FontBBox" => vec![s(bbox.x_min), s(bbox.y_min), s(bbox.x_max), s(bbox.y_max)],
        "ItalicAngle" => 0,
        "Ascent" => s(face.ascender()),
        "Descent" => s(face.descender()),
        "CapHeight" => s(face.capital_height().unwrap_or(face.ascender())),
        "StemV" => 80,
        "FontFile2" => file_id,
    });
    let mut widths = Vec::new();
    for (gid, u) in used {
        widths.push(Object::Integer(i64::from(*gid)));
        widths.push(Object::Array(vec![Object::Integer(u.width.round() as i64)]));
    }
    let cid = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => name,
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => widths,
        "CIDToGIDMap" => "Identity",
    });
    let mut cmap = Stream::new(Dictionary::new(), to_unicode(used).into_bytes());
    let _ = cmap.compress();
    let cmap_id = doc.add_object(cmap);
    Ok(doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => name,
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid)],
        "ToUnicode" => cmap_id,
    }))
}

/// The /ToUnicode CMap: each glyph used to the characters it was shaped from.
fn to_unicode(used: &BTreeMap<u16, Used>) -> String {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let mapped: Vec<(&u16, &Used)> = used.iter().filter(|(_, u)| !u.text.is_empty()).collect();
    for chunk in mapped.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", chunk.len());
        for (gid, u) in chunk {
            let hex: String = u.text.encode_utf16().map(|c| format!("{c:04X}")).collect();
            let _ = writeln!(out, "<{gid:04X}> <{hex}>");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}
