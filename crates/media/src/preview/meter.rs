//! What rendering one page will cost, counted before it is rendered ([`measure_page`]).
//!
//! The page is interpreted by hayro's own interpreter, with a device ([`Meter`]) that draws
//! nothing and counts what the renderer will do for each operation:
//! - **memory** held until the page is done: every image drawn (as the renderer keeps it: at
//!   its size on the page when it is shrunk, else whole, 4 bytes a pixel), every distinct soft
//!   mask and every group (a layer the size of the page), every tiling pattern's tile and
//!   shading texture; plus the largest image being decoded at one time, by the size its codec
//!   decodes it to (the image dictionary's size, or the JPEG 2000 or JBIG2 header's when
//!   larger; CCITT's columns and rows). Together within [`Limits::max_image_bytes`];
//! - **work**: the pixels each operation covers on the page (clipped to it), the pixels each
//!   image decodes, and a fixed cost per operation: within [`WORK_PER_PIXEL`] times the page's
//!   pixels.
//!
//! Patterns, soft masks and Type 3 glyphs are interpreted through the meter, as the renderer
//! interprets them through itself, so a pattern drawn a thousand times counts a thousand times.
//! Past a bound the meter stops the interpretation at once: it unwinds with [`OverBudget`],
//! caught in [`measure_page`] (the interpreter holds nothing that outlives the page).

use std::collections::HashSet;
use std::time::{Duration, Instant};

use hayro::hayro_interpret::font::Glyph;
use hayro::hayro_interpret::pattern::Pattern;
use hayro::hayro_interpret::{
    BlendMode, CacheKey, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, TransformExt, interpret_page,
};
use hayro::hayro_syntax::Filter;
use hayro::hayro_syntax::object::dict::keys;
use hayro::hayro_syntax::object::{Dict, Name, Object, Stream};
use hayro::hayro_syntax::page::Page;
use hayro::vello_cpu::kurbo::{Affine, BezPath, Point, Rect, Shape};

use crate::{Limits, MediaError};

/// Work allowed per page, in units of the page's own pixels (filling the whole page once
/// costs one unit).
const WORK_PER_PIXEL: u64 = 256;
/// Work counted for any operation, besides the pixels it covers.
const OP_COST: u64 = 64;
/// Largest side of a tiling pattern's tile, in pixels (the renderer's own bound, per scale).
const MAX_TILE: f64 = 3000.0;

/// The unwind payload that stops an interpretation over its bounds.
#[derive(Debug)]
pub(super) struct OverBudget;

/// Interprets `page` at `(width, height, scale)` and counts (see the module's first lines);
/// `TooComplex` past a bound or past `deadline`.
pub(super) fn measure_page(
    page: &Page<'_>,
    settings: &InterpreterSettings,
    (width, height, scale): (u16, u16, f32),
    limits: &Limits,
    deadline: Duration,
) -> Result<(), MediaError> {
    let canvas = Rect::new(0.0, 0.0, f64::from(width), f64::from(height));
    let pixels = u64::from(width) * u64::from(height);
    let mut meter = Meter {
        canvas,
        canvas_bytes: pixels * 4,
        max_memory: limits.max_image_bytes,
        max_pixels: limits.max_pixels,
        max_work: pixels.saturating_mul(WORK_PER_PIXEL),
        started: Instant::now(),
        deadline,
        kept: pixels * 4 * 2,
        transient: 0,
        depth: 0,
        deepest: 0,
        work: 0,
        masks: HashSet::new(),
    };
    let cache = InterpreterCache::new();
    let initial = Affine::scale(f64::from(scale)) * page.initial_transform(true).to_kurbo();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut context = Context::new(initial, canvas, &cache, page.xref(), settings.clone());
        interpret_page(page, &mut context, &mut meter);
    }));
    match outcome {
        Ok(()) => Ok(()),
        Err(payload) if payload.is::<OverBudget>() => Err(MediaError::TooComplex),
        Err(_) => Err(MediaError::Damaged),
    }
}

struct Meter {
    canvas: Rect,
    canvas_bytes: u64,
    max_memory: u64,
    max_pixels: u64,
    max_work: u64,
    started: Instant,
    deadline: Duration,
    /// Bytes held until the page is rendered (the page itself and its working copy included).
    kept: u64,
    /// The largest image decoding at one time, in bytes.
    transient: u64,
    /// Groups open now, and the most open at once (each one a page-sized layer).
    depth: u64,
    deepest: u64,
    work: u64,
    /// Soft masks already counted (the renderer draws each one once per page).
    masks: HashSet<u128>,
}

impl Meter {
    /// Adds `work` and `kept` bytes; stops the interpretation past a bound.
    fn charge(&mut self, work: u64, kept: u64) {
        self.work = self.work.saturating_add(work).saturating_add(OP_COST);
        self.kept = self.kept.saturating_add(kept);
        let memory = self
            .kept
            .saturating_add(self.transient)
            .saturating_add(self.deepest.saturating_mul(self.canvas_bytes));
        if self.work > self.max_work
            || memory > self.max_memory
            || self.started.elapsed() > self.deadline
        {
            std::panic::resume_unwind(Box::new(OverBudget));
        }
    }

    /// Pixels of `rect` (in page pixels) on the page.
    fn covered(&self, rect: Rect) -> u64 {
        let r = rect.intersect(self.canvas);
        let area = r.width().max(0.0) * r.height().max(0.0);
        if area.is_finite() {
            // Within the page: at most 65 535² pixels, exact enough as an integer.
            area.ceil() as u64
        } else {
            0
        }
    }

    fn paint(&mut self, paint: &Paint<'_>, transform: Affine, area: Rect, is_stroke: bool) {
        let Paint::Pattern(pattern) = paint else {
            return;
        };
        match pattern.as_ref() {
            Pattern::Shading(_) => {
                // A texture the size of the area drawn (clipped to the page).
                let bytes = self.covered(area).saturating_mul(4);
                self.charge(self.covered(area), bytes);
            }
            Pattern::Tiling(t) => {
                let (w, h) = (t.bbox.width(), t.bbox.height());
                let (ax, ay) = advances(t.matrix);
                let xs = ax.clamp(1.0 / w, MAX_TILE / w);
                let ys = ay.clamp(1.0 / h, MAX_TILE / h);
                let side = |step: f32, s: f64| {
                    let px = (f64::from(step) * s).abs().round();
                    if px.is_finite() {
                        px.min(f64::from(u16::MAX)) as u64
                    } else {
                        0
                    }
                };
                let tile = side(t.x_step, xs) * side(t.y_step, ys);
                self.charge(tile, tile.saturating_mul(4));
                let initial =
                    Affine::scale_non_uniform(xs, ys) * Affine::translate((-t.bbox.x0, -t.bbox.y0));
                let _ = transform;
                t.interpret(self, initial, is_stroke);
            }
        }
    }

    /// Counts an image the renderer decodes (at `decoded` pixels, `bytes_per_pixel` while
    /// decoding) and keeps (at its size on the page when smaller).
    fn image(&mut self, decoded: (u64, u64), bytes_per_pixel: u64, transform: Affine) {
        let (w, h) = decoded;
        let pixels = w.saturating_mul(h);
        if pixels > self.max_pixels {
            std::panic::resume_unwind(Box::new(OverBudget));
        }
        // The renderer's sizes: the image's sides mapped to the page, in pixels.
        let on_page = |v: Point| (transform * v).to_vec2().length().ceil();
        let tw = on_page(Point::new(w as f64, 0.0));
        let th = on_page(Point::new(0.0, h as f64));
        let keep = |side: u64, target: f64| {
            if target.is_finite() && target >= 1.0 && (target as u64) < side {
                target as u64
            } else {
                side
            }
        };
        let kept = keep(w, tw).saturating_mul(keep(h, th)).saturating_mul(4);
        self.transient = self.transient.max(pixels.saturating_mul(bytes_per_pixel));
        let area = transform.transform_rect_bbox(Rect::new(0.0, 0.0, 1.0, 1.0));
        self.charge(pixels.saturating_add(self.covered(area)), kept);
    }

    fn soft_mask(&mut self, mask: Option<SoftMask<'_>>) {
        if let Some(m) = mask
            && self.masks.insert(m.cache_key())
        {
            self.charge(self.canvas_bytes / 4, self.canvas_bytes);
            m.interpret(self);
        }
    }
}

/// Lengths of the unit vectors through `t`'s scale and skew (the renderer's "advances").
fn advances(t: Affine) -> (f64, f64) {
    let c = t.as_coeffs();
    (c[0].hypot(c[1]), c[2].hypot(c[3]))
}

/// What an image stream's codec decodes to, in pixels (width, height), when it says more
/// than its dictionary: the JPEG 2000 header, the JBIG2 page, CCITT's columns and rows.
fn codec_size(stream: &Stream<'_>, dict_size: (u64, u64)) -> (u64, u64) {
    let dict = stream.dict();
    let filters = stream.filters();
    let (mut w, mut h) = dict_size;
    match filters.last() {
        Some(Filter::JpxDecode) => match jpx_size(&stream.raw_data()) {
            Some((jw, jh)) => (w, h) = (w.max(jw), h.max(jh)),
            None => std::panic::resume_unwind(Box::new(OverBudget)),
        },
        Some(Filter::Jbig2Decode) => {
            let raw = stream.raw_data();
            match hayro_jbig2::Image::new_embedded(&raw, None) {
                Ok(image) => {
                    (w, h) = (
                        w.max(u64::from(image.width())),
                        h.max(u64::from(image.height())),
                    );
                }
                Err(_) => std::panic::resume_unwind(Box::new(OverBudget)),
            }
        }
        Some(Filter::CcittFaxDecode) => {
            let params = dict
                .get::<Dict<'_>>(keys::DECODE_PARMS)
                .or_else(|| dict.get::<Dict<'_>>(keys::DP))
                .unwrap_or_default();
            let read = |key: &[u8]| {
                params
                    .get::<i64>(key)
                    .map(|v| u64::try_from(v).unwrap_or(u64::MAX))
            };
            let columns = read(keys::COLUMNS).unwrap_or(1728);
            let rows = read(keys::ROWS).unwrap_or(h);
            (w, h) = (w.max(columns), h.max(rows));
        }
        _ => {}
    }
    (w, h)
}

/// Width and height from a JPEG 2000 codestream's SIZ marker (inside a JP2 file or bare).
fn jpx_size(data: &[u8]) -> Option<(u64, u64)> {
    let start = data
        .windows(4)
        .position(|w| w == [0xFF, 0x4F, 0xFF, 0x51])?;
    // SOC, SIZ, Lsiz (2), Rsiz (2), Xsiz, Ysiz, XOsiz, YOsiz (4 each).
    let field = |i: usize| -> Option<u64> {
        let at = start + 8 + 4 * i;
        let b = data.get(at..at + 4)?;
        Some(u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]])))
    };
    let (x, y, xo, yo) = (field(0)?, field(1)?, field(2)?, field(3)?);
    Some((x.saturating_sub(xo), y.saturating_sub(yo)))
}

/// Bytes a pixel takes while hayro decodes an image: the decoded samples and an RGB copy,
/// then the RGB and an RGBA copy (7 for 8-bit images); other depths go through 16-bit
/// samples and 32-bit floats per component first.
fn bytes_per_pixel(dict: &Dict<'_>, stencil: bool) -> u64 {
    let bpc = dict
        .get::<u8>(keys::BITS_PER_COMPONENT)
        .or_else(|| dict.get::<u8>(keys::BPC))
        .unwrap_or(if stencil { 1 } else { 8 });
    let components: u64 = if stencil {
        1
    } else {
        match dict
            .get::<Object<'_>>(keys::COLORSPACE)
            .or_else(|| dict.get::<Object<'_>>(keys::CS))
        {
            Some(Object::Name(n)) if is_gray(&n) => 1,
            Some(Object::Name(n)) if n.as_ref() == b"DeviceRGB" || n.as_ref() == b"RGB" => 3,
            _ => 4,
        }
    };
    if bpc == 8 && !stencil {
        components.max(4) + 3
    } else {
        2 * components + 4 * components + 3 + 4
    }
}

fn is_gray(n: &Name<'_>) -> bool {
    n.as_ref() == b"DeviceGray" || n.as_ref() == b"G"
}

impl<'a> Device<'a> for Meter {
    fn set_soft_mask(&mut self, mask: Option<SoftMask<'a>>) {
        self.soft_mask(mask);
    }

    fn set_blend_mode(&mut self, _: BlendMode) {}

    fn draw_path(
        &mut self,
        path: &BezPath,
        transform: Affine,
        paint: &Paint<'a>,
        draw_mode: &PathDrawMode,
    ) {
        let mut area = (transform * path.clone()).bounding_box();
        let is_stroke = matches!(draw_mode, PathDrawMode::Stroke(_));
        if let PathDrawMode::Stroke(s) = draw_mode {
            let (ax, ay) = advances(transform);
            let grow = ax.max(ay) * f64::from(s.line_width);
            if grow.is_finite() {
                area = area.inflate(grow, grow);
            }
        }
        self.charge(self.covered(area), 0);
        self.paint(paint, transform, area, is_stroke);
    }

    fn push_clip_path(&mut self, clip_path: &ClipPath) {
        let area = clip_path.path.bounding_box();
        self.charge(self.covered(area), 0);
    }

    fn push_transparency_group(&mut self, _: f32, mask: Option<SoftMask<'a>>, _: BlendMode) {
        self.depth += 1;
        self.deepest = self.deepest.max(self.depth);
        self.charge(self.canvas_bytes / 4, 0);
        self.soft_mask(mask);
    }

    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        paint: &Paint<'a>,
        draw_mode: &GlyphDrawMode,
    ) {
        if matches!(draw_mode, GlyphDrawMode::Invisible) {
            self.charge(0, 0);
            return;
        }
        match glyph {
            Glyph::Outline(o) => {
                let area =
                    (transform * glyph_transform).transform_rect_bbox(o.outline().bounding_box());
                self.charge(self.covered(area), 0);
                let is_stroke = matches!(draw_mode, GlyphDrawMode::Stroke(_));
                self.paint(paint, transform, area, is_stroke);
            }
            Glyph::Type3(t) => {
                self.charge(0, 0);
                t.interpret(self, transform, glyph_transform, paint);
            }
        }
    }

    fn draw_image(&mut self, image: Image<'a, '_>, transform: Affine) {
        let dict_size = (u64::from(image.width()), u64::from(image.height()));
        match &image {
            Image::Raster(r) => {
                let stream = r.stream();
                let size = codec_size(stream, dict_size);
                self.image(size, bytes_per_pixel(stream.dict(), false), transform);
            }
            Image::Stencil(_) => {
                // A stencil is painted through an RGB copy (and, with a pattern, a page-sized
                // mask); its codec is counted like a raster's by its dictionary size.
                self.image(dict_size, 1 + 3 + 4, transform);
                self.charge(0, self.canvas_bytes);
            }
        }
    }

    fn pop_clip_path(&mut self) {}

    fn pop_transparency_group(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_2000_size_is_read_from_the_siz_marker() {
        let mut data = vec![0u8; 10];
        data.extend_from_slice(&[0xFF, 0x4F, 0xFF, 0x51, 0, 41, 0, 0]);
        for v in [5000u32, 7000, 0, 0] {
            data.extend_from_slice(&v.to_be_bytes());
        }
        assert_eq!(jpx_size(&data), Some((5000, 7000)));
        assert_eq!(jpx_size(&data[..20]), None);
    }
}
