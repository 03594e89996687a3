//! A structure's printed kit: the poster (A4 or A3), the flyer (A5) and a sheet of pocket
//! cards (ten of 85.6 × 54 mm on A4, with cut marks). Every text arrives translated (the
//! application's catalogues); this module only lays them out, mirrored for right-to-left
//! languages: what sits at the left in French sits at the right in Arabic.

use crate::Error;
use crate::pdf::{Align, Doc, Page, Rgb, Style, WHITE};
use crate::text::Dir;

const BRAND: Rgb = Rgb(0.05, 0.33, 0.42);
const SOFT: Rgb = Rgb(0.92, 0.95, 0.96);
const GREY: Rgb = Rgb(0.35, 0.35, 0.35);

/// A4 in points.
const A4: (f32, f32) = (595.28, 841.89);

/// The structure as its papers show it (its public details, not a person's).
#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub name: String,
    pub address: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Every text of the kit, already in the reader's language.
#[derive(Debug, Clone, Default)]
pub struct KitTexts {
    /// BCP 47 code of the language (the PDF's /Lang).
    pub lang: String,
    pub rtl: bool,
    /// The document's title (its metadata).
    pub doc_title: String,
    /// "Keep your papers safe, for free".
    pub title: String,
    /// What Consigne is, in three short sentences (poster).
    pub points: [String; 3],
    /// How to start, in three steps (flyer).
    pub steps_title: String,
    pub steps: [String; 3],
    /// "Scan this code to open your safe".
    pub scan: String,
    /// "Or type this address:".
    pub address_label: String,
    /// The login page's address as people type it, and as the QR code holds it.
    pub login_address: String,
    pub login_url: String,
    /// "Ask us to open your safe:".
    pub ask_here: String,
    pub phone_label: String,
    pub email_label: String,
    pub structure: Contact,
    /// Where to find help (115...).
    pub help: String,
    /// The pocket card's lines.
    pub card_tagline: String,
    pub card_identifier: String,
    pub card_relay: String,
}

/// The poster's paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PosterSize {
    A4,
    A3,
}

impl KitTexts {
    /// Where a line starts in this language.
    fn start(&self) -> Align {
        if self.rtl { Align::Right } else { Align::Left }
    }

    fn dir(&self) -> Dir {
        if self.rtl { Dir::Rtl } else { Dir::Ltr }
    }

    /// `x` of a box of width `w` placed at `offset` from the start edge of a band
    /// `[left, left + width]`.
    fn at_start(&self, left: f32, width: f32, offset: f32, w: f32) -> f32 {
        if self.rtl {
            left + width - offset - w
        } else {
            left + offset
        }
    }

    fn contact_lines(&self) -> Vec<String> {
        let c = &self.structure;
        let mut lines = c.address.clone();
        if let Some(p) = &c.phone {
            lines.push(format!("{} {p}", self.phone_label));
        }
        if let Some(e) = &c.email {
            lines.push(format!("{} {e}", self.email_label));
        }
        lines
    }
}

/// A pictogram's box, its drawing mirrored for right-to-left pages.
#[derive(Debug, Clone, Copy)]
struct Pic {
    x: f32,
    y: f32,
    s: f32,
    mirror: bool,
}

impl Pic {
    fn p(&self, u: f32, v: f32) -> (f32, f32) {
        let u = if self.mirror { 1.0 - u } else { u };
        (self.x + u * self.s, self.y + v * self.s)
    }

    fn padlock(&self, page: &mut Page, c: Rgb) {
        let (cx, cy) = self.p(0.5, 0.4);
        page.circle(cx, cy, self.s * 0.2, c, Some(self.s * 0.09));
        let (x, y) = self.p(0.15, 0.42);
        page.rect(x.min(self.p(0.85, 0.0).0), y, self.s * 0.7, self.s * 0.5, c);
        let (kx, ky) = self.p(0.5, 0.62);
        page.circle(kx, ky, self.s * 0.07, WHITE, None);
        page.rect(kx - self.s * 0.03, ky, self.s * 0.06, self.s * 0.16, WHITE);
    }

    fn share(&self, page: &mut Page, c: Rgb) {
        let doc = [
            (0.0, 0.12),
            (0.32, 0.12),
            (0.42, 0.24),
            (0.42, 0.8),
            (0.0, 0.8),
        ];
        page.polygon(&doc.map(|(u, v)| self.p(u, v)), c);
        for v in [0.36, 0.48, 0.6] {
            page.line(self.p(0.07, v), self.p(0.35, v), self.s * 0.035, WHITE);
        }
        let arrow = [
            (0.46, 0.42),
            (0.6, 0.42),
            (0.6, 0.34),
            (0.72, 0.47),
            (0.6, 0.6),
            (0.6, 0.52),
            (0.46, 0.52),
        ];
        page.polygon(&arrow.map(|(u, v)| self.p(u, v)), c);
        let (hx, hy) = self.p(0.87, 0.3);
        page.circle(hx, hy, self.s * 0.1, c, None);
        let body = [(0.74, 0.8), (0.76, 0.5), (0.98, 0.5), (1.0, 0.8)];
        page.polygon(&body.map(|(u, v)| self.p(u, v)), c);
    }

    fn phone(&self, page: &mut Page, c: Rgb) {
        let (x, y) = self.p(0.28, 0.04);
        let x = x.min(self.p(0.72, 0.0).0);
        page.rect(x, y, self.s * 0.44, self.s * 0.92, c);
        page.rect(
            x + self.s * 0.04,
            y + self.s * 0.1,
            self.s * 0.36,
            self.s * 0.62,
            WHITE,
        );
        let (bx, by) = self.p(0.5, 0.85);
        page.circle(bx, by, self.s * 0.045, WHITE, None);
    }

    /// A disc with a number in it.
    fn number(&self, doc: &mut Doc, page: &mut Page, n: usize, c: Rgb) {
        let (cx, cy) = self.p(0.5, 0.5);
        page.circle(cx, cy, self.s * 0.45, c, None);
        let style = Style::new(self.s * 0.55).bold().color(WHITE);
        doc.paragraph(
            page,
            &n.to_string(),
            (self.x, cy - self.s * 0.32),
            self.s,
            &style,
            Dir::Ltr,
            Some(Align::Center),
        );
    }
}

/// The poster (what Consigne is) or the flyer (how to start), scaled from an A4 design.
fn sheet(t: &KitTexts, (w, h): (f32, f32), flyer: bool) -> Result<Vec<u8>, Error> {
    let s = w / A4.0;
    let mut doc = Doc::new()?;
    let mut page = Page::new(w, h);
    let dir = t.dir();
    let m = 36.0 * s;
    let inner = w - 2.0 * m;

    // The band: the name of the service and what it is for.
    let brand = Style::new(22.0 * s).bold().color(WHITE);
    let title = Style::new(32.0 * s).bold().color(WHITE);
    let band = 28.0 * s + brand.leading() + doc.height(&t.title, &title, dir, inner) + 22.0 * s;
    page.rect(0.0, 0.0, w, band, BRAND);
    let y = doc.paragraph(
        &mut page,
        "Consigne",
        (m, 24.0 * s),
        inner,
        &brand,
        dir,
        Some(t.start()),
    );
    doc.paragraph(
        &mut page,
        &t.title,
        (m, y + 8.0 * s),
        inner,
        &title,
        dir,
        Some(t.start()),
    );
    let mut y = band + 26.0 * s;

    // Three points (poster) or three steps (flyer), each with its pictogram.
    let text = Style::new(if flyer { 17.0 } else { 19.0 } * s);
    let pic = 58.0 * s;
    let text_w = inner - pic - 20.0 * s;
    if flyer {
        let st = Style::new(20.0 * s).bold().color(BRAND);
        y = doc.paragraph(
            &mut page,
            &t.steps_title,
            (m, y),
            inner,
            &st,
            dir,
            Some(t.start()),
        );
        y += 12.0 * s;
    }
    let lines: &[String; 3] = if flyer { &t.steps } else { &t.points };
    for (i, line) in lines.iter().enumerate() {
        let icon = Pic {
            x: t.at_start(m, inner, 0.0, pic),
            y,
            s: pic,
            mirror: t.rtl,
        };
        match (flyer, i) {
            (true, _) => icon.number(&mut doc, &mut page, i + 1, BRAND),
            (false, 0) => icon.padlock(&mut page, BRAND),
            (false, 1) => icon.share(&mut page, BRAND),
            _ => icon.phone(&mut page, BRAND),
        }
        let tx = t.at_start(m, inner, pic + 20.0 * s, text_w);
        let th = doc.height(line, &text, dir, text_w);
        let ty = y + ((pic - th) / 2.0).max(0.0);
        let bottom = doc.paragraph(
            &mut page,
            line,
            (tx, ty),
            text_w,
            &text,
            dir,
            Some(t.start()),
        );
        y = bottom.max(y + pic) + 20.0 * s;
    }

    // The QR code to the login page, and its address to type.
    let qr = 150.0 * s;
    page.qr(&t.login_url, t.at_start(m, inner, inner - qr, qr), y, qr)?;
    let col = inner - qr - 20.0 * s;
    let cx = t.at_start(m, inner, 0.0, col);
    let scan = Style::new(20.0 * s).bold();
    let mut ly = doc.paragraph(
        &mut page,
        &t.scan,
        (cx, y + 14.0 * s),
        col,
        &scan,
        dir,
        Some(t.start()),
    );
    let label = Style::new(14.0 * s).color(GREY);
    ly = doc.paragraph(
        &mut page,
        &t.address_label,
        (cx, ly + 10.0 * s),
        col,
        &label,
        dir,
        Some(t.start()),
    );
    let address = doc.fit(
        &t.login_address,
        Style::new(18.0 * s).bold().color(BRAND),
        Dir::Ltr,
        col,
        6.0,
    );
    doc.paragraph(
        &mut page,
        &t.login_address,
        (cx, ly + 6.0 * s),
        col,
        &address,
        Dir::Ltr,
        Some(t.start()),
    );
    y += qr + 20.0 * s;

    // The structure: where to ask.
    let ask = Style::new(15.0 * s);
    let name = Style::new(21.0 * s).bold();
    let detail = Style::new(14.0 * s);
    let contact = t.contact_lines().join("\n");
    let pad = 14.0 * s;
    let box_h = pad * 2.0
        + doc.height(&t.ask_here, &ask, dir, inner - 2.0 * pad)
        + doc.height(&t.structure.name, &name, Dir::Auto, inner - 2.0 * pad)
        + if contact.is_empty() {
            0.0
        } else {
            doc.height(&contact, &detail, Dir::Auto, inner - 2.0 * pad) + 4.0 * s
        };
    page.rect(m, y, inner, box_h, SOFT);
    let bx = (m + pad, inner - 2.0 * pad);
    let mut by = doc.paragraph(
        &mut page,
        &t.ask_here,
        (bx.0, y + pad),
        bx.1,
        &ask,
        dir,
        Some(t.start()),
    );
    by = doc.paragraph(
        &mut page,
        &t.structure.name,
        (bx.0, by),
        bx.1,
        &name,
        Dir::Auto,
        Some(t.start()),
    );
    if !contact.is_empty() {
        doc.paragraph(
            &mut page,
            &contact,
            (bx.0, by + 4.0 * s),
            bx.1,
            &detail,
            Dir::Auto,
            Some(t.start()),
        );
    }

    // Help, at the foot of the page.
    let help = Style::new(12.0 * s).color(GREY);
    let hh = doc.height(&t.help, &help, dir, inner);
    doc.paragraph(
        &mut page,
        &t.help,
        (m, h - m - hh),
        inner,
        &help,
        dir,
        Some(Align::Center),
    );

    doc.push(page);
    doc.finish(&t.doc_title, &t.lang)
}

/// The poster: what Consigne is, for the people the structure meets.
pub fn poster(t: &KitTexts, size: PosterSize) -> Result<Vec<u8>, Error> {
    let paper = match size {
        PosterSize::A4 => A4,
        PosterSize::A3 => (841.89, 1190.55),
    };
    sheet(t, paper, false)
}

/// The flyer, A5: how to start, with the same address, code and contact.
pub fn flyer(t: &KitTexts) -> Result<Vec<u8>, Error> {
    sheet(t, (419.53, 595.28), true)
}

/// A card's size: 85.6 × 54 mm (ISO/IEC 7810 ID-1), in points.
const CARD: (f32, f32) = (242.65, 153.07);

/// Ten pocket cards on an A4 sheet (two columns, five rows) with cut marks in the margins.
pub fn cards(t: &KitTexts) -> Result<Vec<u8>, Error> {
    let mut doc = Doc::new()?;
    let mut page = Page::new(A4.0, A4.1);
    let (cols, rows) = (2, 5);
    let gx = (A4.0 - CARD.0 * cols as f32) / 2.0;
    let gy = (A4.1 - CARD.1 * rows as f32) / 2.0;
    let (gw, gh) = (CARD.0 * cols as f32, CARD.1 * rows as f32);
    let mark = Rgb(0.0, 0.0, 0.0);
    for i in 0..=cols {
        let x = gx + CARD.0 * i as f32;
        page.line((x, gy - 22.0), (x, gy - 6.0), 0.4, mark);
        page.line((x, gy + gh + 6.0), (x, gy + gh + 22.0), 0.4, mark);
    }
    for j in 0..=rows {
        let y = gy + CARD.1 * j as f32;
        page.line((gx - 22.0, y), (gx - 6.0, y), 0.4, mark);
        page.line((gx + gw + 6.0, y), (gx + gw + 22.0, y), 0.4, mark);
    }
    for j in 0..rows {
        for i in 0..cols {
            let x = gx + CARD.0 * i as f32;
            let y = gy + CARD.1 * j as f32;
            page.frame(x, y, CARD.0, CARD.1, 0.3, Rgb(0.8, 0.8, 0.8));
            card(&mut doc, &mut page, t, (x, y))?;
        }
    }
    doc.push(page);
    doc.finish(&t.doc_title, &t.lang)
}

/// One pocket card with its top-left corner at (x, y).
fn card(doc: &mut Doc, page: &mut Page, t: &KitTexts, (x, y): (f32, f32)) -> Result<(), Error> {
    let dir = t.dir();
    let pad = 9.0;
    let inner = CARD.0 - 2.0 * pad;
    let qr = 74.0;
    page.qr(
        &t.login_url,
        t.at_start(x + pad, inner, inner - qr + 4.0, qr),
        y + 4.0,
        qr,
    )?;
    let col = inner - qr;
    let cx = t.at_start(x + pad, inner, 0.0, col);
    let brand = Style::new(14.0).bold().color(BRAND);
    let mut cy = doc.paragraph(
        page,
        "Consigne",
        (cx, y + pad),
        col,
        &brand,
        dir,
        Some(t.start()),
    );
    let tagline = Style::new(7.5);
    cy = doc.paragraph(
        page,
        &t.card_tagline,
        (cx, cy + 1.0),
        col,
        &tagline,
        dir,
        Some(t.start()),
    );
    let address = doc.fit(&t.login_address, Style::new(9.0).bold(), Dir::Ltr, col, 4.5);
    doc.paragraph(
        page,
        &t.login_address,
        (cx, cy + 5.0),
        col,
        &address,
        Dir::Ltr,
        Some(t.start()),
    );

    // "Your identifier:" and a dotted line to write it by hand: beside the label when it is
    // short, under it otherwise.
    let label = Style::new(8.0).bold();
    let ly = y + 4.0 + qr + 8.0;
    let lw = doc.width(&t.card_identifier, &label, dir);
    let (base, from) = if lw <= inner * 0.55 {
        let lx = t.at_start(x + pad, inner, 0.0, lw);
        doc.paragraph(
            page,
            &t.card_identifier,
            (lx, ly),
            lw,
            &label,
            dir,
            Some(t.start()),
        );
        (ly + label.size + 1.0, lw + 4.0)
    } else {
        let below = doc.paragraph(
            page,
            &t.card_identifier,
            (x + pad, ly),
            inner,
            &label,
            dir,
            Some(t.start()),
        );
        (below + 12.0, 0.0)
    };
    let (a, b) = (
        t.at_start(x + pad, inner, from, 0.0),
        t.at_start(x + pad, inner, inner, 0.0),
    );
    page.dotted((a, base), (b, base), 0.6, GREY);

    let small = Style::new(7.0);
    let relay = [
        Some(t.structure.name.as_str()),
        t.structure.phone.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let line = format!("{} {relay}", t.card_relay);
    let ry = doc.paragraph(
        page,
        &line,
        (x + pad, base + 5.0),
        inner,
        &small,
        dir,
        Some(t.start()),
    );
    let help = Style::new(6.0).color(GREY);
    doc.paragraph(
        page,
        &t.help,
        (x + pad, ry + 1.0),
        inner,
        &help,
        dir,
        Some(t.start()),
    );
    Ok(())
}
