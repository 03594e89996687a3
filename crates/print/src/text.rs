//! Text in any script, made into positioned glyphs. The hard parts, in order: each character
//! gets a font that has it (Arabic script to Noto Sans Arabic, Georgian to Noto Sans Georgian,
//! the rest to Noto Sans; spaces, digits and punctuation stay in the font of the character
//! before them when it has them, so a run is not cut at every space); a paragraph is broken
//! into lines by words within a width; each line is ordered by the Unicode bidirectional
//! algorithm (unicode-bidi) into visual runs, left to right; each run is shaped by rustybuzz
//! (contextual forms and ligatures of Arabic, kerning, marks), right to left for an odd level.
//! Every glyph keeps the characters it stands for, so the PDF's /ToUnicode gives the text back.

use rustybuzz::{Direction, Face, UnicodeBuffer, ttf_parser::GlyphId};
use unicode_bidi::{BidiInfo, Level};

const LATIN: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const ARABIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf");
const GEORGIAN: &[u8] = include_bytes!("../../../assets/fonts/NotoSansGeorgian-Regular.ttf");

/// The embedded fonts, by the script they are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontId {
    Latin,
    Arabic,
    Georgian,
}

impl FontId {
    pub const ALL: [FontId; 3] = [FontId::Latin, FontId::Arabic, FontId::Georgian];

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn data(self) -> &'static [u8] {
        match self {
            FontId::Latin => LATIN,
            FontId::Arabic => ARABIC,
            FontId::Georgian => GEORGIAN,
        }
    }

    pub(crate) fn postscript_name(self) -> &'static str {
        match self {
            FontId::Latin => "NotoSans-Regular",
            FontId::Arabic => "NotoSansArabic-Regular",
            FontId::Georgian => "NotoSansGeorgian-Regular",
        }
    }

    /// The font a character's script asks for, if it asks for one.
    fn for_script(c: char) -> Option<FontId> {
        match u32::from(c) {
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => Some(FontId::Arabic),
            0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Some(FontId::Georgian),
            _ => None,
        }
    }
}

/// The fonts, parsed (cheap: a table directory; the bytes are static).
pub struct Fonts {
    faces: [Face<'static>; 3],
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fonts")
    }
}

impl Fonts {
    pub fn load() -> Result<Self, crate::Error> {
        let face = |id: FontId| Face::from_slice(id.data(), 0).ok_or(crate::Error::Font);
        Ok(Self {
            faces: [
                face(FontId::Latin)?,
                face(FontId::Arabic)?,
                face(FontId::Georgian)?,
            ],
        })
    }

    pub(crate) fn face(&self, id: FontId) -> &Face<'static> {
        &self.faces[id.index()]
    }

    fn has(&self, id: FontId, c: char) -> bool {
        self.face(id).glyph_index(c).is_some()
    }

    /// The font for `c`, `prev` being the font of the character before it.
    fn pick(&self, c: char, prev: Option<FontId>) -> FontId {
        if let Some(id) = FontId::for_script(c) {
            return id;
        }
        if !c.is_alphabetic()
            && let Some(p) = prev.filter(|p| self.has(*p, c))
        {
            return p;
        }
        FontId::ALL
            .into_iter()
            .find(|id| self.has(*id, c))
            .unwrap_or(FontId::Latin)
    }

    /// Advance of a glyph in thousandths of the font size (the PDF's /W unit).
    pub(crate) fn width_1000(&self, font: FontId, gid: u16) -> f32 {
        let face = self.face(font);
        let adv = face.glyph_hor_advance(GlyphId(gid)).unwrap_or(0);
        f32::from(adv) * 1000.0 / (face.units_per_em().max(1) as f32)
    }
}

/// A paragraph's direction: given, or found from its first strong character (data such as a
/// structure's name, which may be in any script).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
    Auto,
}

/// One glyph placed on a line, in thousandths of the font size from the line's start.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub font: FontId,
    pub gid: u16,
    /// Where its origin is on the line (pen position plus the shaper's offset).
    pub x: f32,
    pub y: f32,
    /// The characters it stands for (empty for the second glyph of a cluster).
    pub text: String,
}

/// A line of glyphs in visual order, left to right; `width` in thousandths of the size.
#[derive(Debug, Clone, Default)]
pub(crate) struct Line {
    pub glyphs: Vec<Glyph>,
    pub width: f32,
}

/// `text` cut where its font changes: (font, byte range).
fn font_runs(fonts: &Fonts, text: &str) -> Vec<(FontId, std::ops::Range<usize>)> {
    let mut runs: Vec<(FontId, std::ops::Range<usize>)> = Vec::new();
    let mut prev = None;
    for (i, c) in text.char_indices() {
        let id = fonts.pick(c, prev);
        prev = Some(id);
        match runs.last_mut() {
            Some((f, r)) if *f == id => r.end = i + c.len_utf8(),
            _ => runs.push((id, i..i + c.len_utf8())),
        }
    }
    runs
}

/// Shapes one run of one font in one direction; glyphs in visual order, x from 0.
fn shape(fonts: &Fonts, font: FontId, text: &str, rtl: bool) -> Line {
    let face = fonts.face(font);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    let shaped = rustybuzz::shape(face, &[], buffer);
    let scale = 1000.0 / (face.units_per_em().max(1) as f32);
    // Each cluster's characters: from its start to the next cluster's start.
    let mut starts: Vec<usize> = shaped
        .glyph_infos()
        .iter()
        .map(|g| g.cluster as usize)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let cluster_text = |start: usize| {
        let end = starts
            .iter()
            .find(|s| **s > start)
            .copied()
            .unwrap_or(text.len());
        text.get(start..end).unwrap_or_default().to_owned()
    };
    // What each glyph stands for: in a cluster of as many glyphs as characters (a letter and
    // its mark), one character each in logical order; otherwise the first glyph (in logical
    // order) carries the whole cluster (a ligature) and the others nothing.
    let infos = shaped.glyph_infos();
    let mut texts = vec![String::new(); infos.len()];
    for start in &starts {
        let mut glyphs: Vec<usize> = (0..infos.len())
            .filter(|i| infos[*i].cluster as usize == *start)
            .collect();
        if rtl {
            glyphs.reverse();
        }
        let chars: Vec<char> = cluster_text(*start).chars().collect();
        if chars.len() == glyphs.len() {
            for (g, c) in glyphs.iter().zip(chars) {
                texts[*g] = c.to_string();
            }
        } else if let Some(first) = glyphs.first() {
            texts[*first] = chars.into_iter().collect();
        }
    }
    let mut line = Line::default();
    let mut pen = 0.0f32;
    for ((info, pos), text) in infos.iter().zip(shaped.glyph_positions()).zip(texts) {
        line.glyphs.push(Glyph {
            font,
            gid: u16::try_from(info.glyph_id).unwrap_or(0),
            x: pen + pos.x_offset as f32 * scale,
            y: pos.y_offset as f32 * scale,
            text,
        });
        pen += pos.x_advance as f32 * scale;
    }
    line.width = pen;
    line
}

/// One line of text, ordered for display: visual runs left to right, each shaped.
pub(crate) fn shape_line(fonts: &Fonts, text: &str, dir: Dir) -> Line {
    let level = match dir {
        Dir::Ltr => Some(Level::ltr()),
        Dir::Rtl => Some(Level::rtl()),
        Dir::Auto => None,
    };
    let mut line = Line::default();
    if text.is_empty() {
        return line;
    }
    let info = BidiInfo::new(text, level);
    let Some(para) = info.paragraphs.first() else {
        return line;
    };
    let (levels, runs) = info.visual_runs(para, para.range.clone());
    for run in runs {
        let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
        let Some(run_text) = text.get(run.clone()) else {
            continue;
        };
        let mut pieces: Vec<Line> = font_runs(fonts, run_text)
            .into_iter()
            .filter_map(|(font, r)| run_text.get(r).map(|t| shape(fonts, font, t, rtl)))
            .collect();
        if rtl {
            pieces.reverse();
        }
        for piece in pieces {
            let start = line.width;
            line.glyphs.extend(piece.glyphs.into_iter().map(|mut g| {
                g.x += start;
                g
            }));
            line.width += piece.width;
        }
    }
    line
}

/// Whether a paragraph reads right to left (its own direction when `Auto`).
pub(crate) fn is_rtl(text: &str, dir: Dir) -> bool {
    match dir {
        Dir::Ltr => false,
        Dir::Rtl => true,
        Dir::Auto => BidiInfo::new(text, None)
            .paragraphs
            .first()
            .is_some_and(|p| p.level.is_rtl()),
    }
}

/// Breaks `text` into lines of at most `max` (thousandths of the size) by words; a word
/// wider than a line is cut between characters. Explicit line breaks are kept.
pub(crate) fn break_lines(fonts: &Fonts, text: &str, dir: Dir, max: f32) -> Vec<String> {
    let width = |s: &str| shape_line(fonts, s, dir).width;
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut current = String::new();
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if current.is_empty() {
                word.to_owned()
            } else {
                format!("{current} {word}")
            };
            if width(&candidate) <= max {
                current = candidate;
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            if width(word) <= max {
                current = word.to_owned();
                continue;
            }
            for c in word.chars() {
                let mut next = current.clone();
                next.push(c);
                if !current.is_empty() && width(&next) > max {
                    lines.push(std::mem::take(&mut current));
                    current.push(c);
                } else {
                    current = next;
                }
            }
        }
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn arabic_is_shaped_and_reversed() {
        let fonts = Fonts::load().unwrap();
        let line = shape_line(&fonts, "سلام", Dir::Rtl);
        assert!(line.glyphs.iter().all(|g| g.font == FontId::Arabic));
        // Visual order: the last letter is drawn first.
        assert_eq!(line.glyphs.first().map(|g| g.text.as_str()), Some("م"));
        // Contextual forms: the initial seen differs from the isolated one.
        let isolated = shape_line(&fonts, "س", Dir::Rtl).glyphs[0].gid;
        assert_ne!(line.glyphs.last().unwrap().gid, isolated);
    }

    #[test]
    fn mixed_runs_and_breaks() {
        let fonts = Fonts::load().unwrap();
        let line = shape_line(&fonts, "Consigne ქართული", Dir::Auto);
        assert_eq!(line.glyphs[0].font, FontId::Latin);
        assert_eq!(line.glyphs.last().unwrap().font, FontId::Georgian);
        let lines = break_lines(&fonts, "one two three four five six", Dir::Ltr, 6000.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), "one two three four five six");
    }
}
