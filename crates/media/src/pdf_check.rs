//! Checking PDFs too large to rewrite in memory ([`PdfCheck`]).
//!
//! [`sanitize_pdf`](crate::sanitize_pdf) parses the whole document and writes it back without
//! its active content; its memory grows with the file. Large PDFs (whole scanned files of papers)
//! go through [`PdfCheck`] instead: the bytes stream through it unchanged, in any chunk sizes,
//! with memory bounded by a few kilobytes (plus one inflate window), and the PDF is **accepted
//! unchanged only if it carries no active content**, otherwise refused. It never rewrites: a
//! rewrite without a full parse could break a file, and a refusal with a clear message loses
//! nothing (the person still has her file and can send a cleaned copy).
//!
//! It lexes the file as a viewer does (comments, literal and hex strings, names with `#xx`
//! escapes, dictionaries, `N G obj`, `stream … endstream`), and:
//!
//! - refuses any name of [`ACTIVE_NAMES`] (scripts, automatic actions, launch, forms posting
//!   data, attachments, media players, XFA) wherever a viewer reads it as a name: outside
//!   comments, strings and stream data;
//! - refuses `/URI` links whose target is not `http:`, `https:`, `mailto:` or `tel:`, or is not
//!   written in place;
//! - inflates object streams (where PDF 1.5+ writers put dictionaries) and lexes what they hold
//!   the same way; other filters or predictors on an object stream are refused (cannot be
//!   checked). An object stream is recognised by what a reader needs to use one, not by its
//!   `/Type`: a reader takes any stream the cross-reference stream names as a container, and
//!   reads it with `/First` and `/N`. So a stream with `/Type /ObjStm` or `/First` is an object
//!   stream; one with only `/N` (which ICC colour profiles have too) is inflated and lexed if its
//!   data starts as an object stream does (with a digit), and left alone otherwise. What they
//!   inflate to, in total, is bounded by [`Limits::max_pdf_inflated`] (inflated through a 64 KiB
//!   window, never held whole);
//! - skips other stream data (images, fonts, page contents: binary, never dictionaries) up to
//!   `endstream`, and checks that this measured length matches the stream's `/Length`, written
//!   in place or in an indirect object (checked when the file ends). A stream whose data
//!   contains a fake `endstream` would end early and differ from its `/Length`: refused. This
//!   is what keeps a dictionary from hiding where a viewer reads it but the check does not;
//! - refuses encrypted PDFs (`/Encrypt`): their object streams cannot be read without the key;
//! - refuses a file that does not start with `%PDF-` or does not end with `%%EOF` (truncated).

use std::collections::HashMap;

use crate::sniff::find;
use crate::{Limits, MediaError};

/// Names refused in a large PDF: their presence means active content (see `pdf.rs` for what
/// each one does; the in-memory sanitiser removes them instead).
pub const ACTIVE_NAMES: &[&[u8]] = &[
    b"JavaScript",
    b"JS",
    b"OpenAction",
    b"AA",
    b"Launch",
    b"SubmitForm",
    b"ImportData",
    b"EmbeddedFiles",
    b"EmbeddedFile",
    b"EF",
    b"RF",
    b"FileAttachment",
    b"RichMedia",
    b"RichMediaExecute",
    b"GoToR",
    b"GoToE",
    b"GoToDp",
    b"Rendition",
    b"Sound",
    b"Movie",
    b"Screen",
    b"3D",
    b"GoTo3DView",
    b"XFA",
    b"Collection",
    b"AlternatePresentations",
];

/// Why [`PdfCheck`] refuses: active content, or a structure it cannot check.
pub const ACTIVE: MediaError = MediaError::Unsupported {
    detected: "pdf-active-content",
};
const ENCRYPTED: MediaError = MediaError::Unsupported {
    detected: "encrypted-pdf",
};

/// Longest name kept for comparison (the PDF limit is 127 bytes).
const MAX_NAME: usize = 127;
/// Tokens remembered since the last `obj`, to read the dictionary before `stream`.
const MAX_RECENT: usize = 512;
/// Bytes of a `/URI` target kept to check its scheme.
const URI_PREFIX: usize = 16;
/// Bytes one token costs the in-memory parser, at most (an `Object` in a vector or a map, its
/// key, the allocator's overhead): what [`measure`] charges per token.
pub(crate) const PARSED_TOKEN_BYTES: u64 = 96;
/// Inflate window.
const WINDOW: usize = 64 * 1024;
/// What deflate can expand to, at most, per input byte.
const MAX_DEFLATE_RATIO: u64 = 1032;
/// Indirect lengths remembered, at most (one per stream of the file).
const MAX_CLAIMS: usize = 500_000;
/// Bytes allowed between the end of the data (by `/Length`) and `endstream`: an end of line.
const LENGTH_SLACK: u64 = 2;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Name(Vec<u8>),
    Int(i64),
    Keyword(Vec<u8>),
    Str(Vec<u8>),
    DictOpen,
    DictClose,
    ArrayOpen,
    ArrayClose,
    Other,
}

/// What the lexer is in the middle of.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lex {
    Space,
    Comment,
    /// A name; its bytes are in `buf`.
    Name,
    /// `#` seen in a name; the first hex digit, if any.
    NameHex(Option<u8>),
    /// A keyword, a number, `true`... in `buf`.
    Regular,
    /// Literal string: nesting depth, after a backslash.
    Literal {
        depth: u32,
        escape: bool,
    },
    Hex,
    /// `<` seen: a hex string or `<<`.
    Less,
    /// `>` seen: must be `>>`.
    Greater,
    /// After `stream`'s keyword and a CR: an LF may follow.
    StreamCr,
    /// Inside stream data.
    Data,
}

/// The lexer shared by the file and by inflated object streams.
#[derive(Debug)]
struct Lexer {
    state: Lex,
    buf: Vec<u8>,
    hex_high: Option<u8>,
    /// Whether `stream` starts stream data (the file) or is just a word (object streams).
    streams: bool,
    /// The last name was `/URI`: the next string is a link target.
    uri_next: bool,
    string_prefix: Vec<u8>,
}

impl Lexer {
    fn new(streams: bool) -> Self {
        Self {
            state: Lex::Space,
            buf: Vec::new(),
            hex_high: None,
            streams,
            uri_next: false,
            string_prefix: Vec::new(),
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Finds `endstream` in stream data across chunk boundaries (Knuth–Morris–Pratt).
#[derive(Debug, Default)]
struct EndFinder {
    matched: usize,
}

const END: &[u8] = b"endstream";

impl EndFinder {
    /// Feeds one byte; true when it completes `endstream`.
    fn push(&mut self, b: u8) -> bool {
        loop {
            if END[self.matched] == b {
                self.matched += 1;
                if self.matched == END.len() {
                    self.matched = 0;
                    return true;
                }
                return false;
            }
            if self.matched == 0 {
                return false;
            }
            // The only proper prefix of "endstream" that is also a suffix of one of its
            // prefixes is "e" (in "endstre"): fall back to it, else to nothing.
            self.matched = if self.matched > 6 { 1 } else { 0 };
        }
    }
}

/// What the dictionary before `stream` says.
#[derive(Debug, Default)]
struct StreamDict {
    length: Option<Length>,
    /// `/Type /ObjStm` or `/First`: an object stream.
    object_stream: bool,
    /// `/N` alone: an object stream if its data starts like one.
    maybe_object_stream: bool,
    /// `/Type /XRef`: a cross-reference stream (inflated by a parser that loads the file).
    xref: bool,
    flate_only: bool,
    has_filter: bool,
    has_parms: bool,
}

#[derive(Debug, Clone, Copy)]
enum Length {
    Direct(i64),
    Indirect(i64),
}

fn read_dict(recent: &[Tok]) -> Option<StreamDict> {
    // The stream's dictionary: from its `<<` to the `>>` just before `stream`.
    let mut depth = 0i32;
    let mut start = None;
    for (i, t) in recent.iter().enumerate().rev() {
        match t {
            Tok::DictClose => depth += 1,
            Tok::DictOpen => {
                depth -= 1;
                if depth == 0 {
                    start = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let toks = &recent[start?..];
    let mut d = StreamDict::default();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::DictOpen | Tok::ArrayOpen => depth += 1,
            Tok::DictClose | Tok::ArrayClose => depth -= 1,
            Tok::Name(n) if depth == 1 => match n.as_slice() {
                b"Length" => {
                    d.length = match (toks.get(i + 1), toks.get(i + 2), toks.get(i + 3)) {
                        (Some(Tok::Int(n)), Some(Tok::Int(_)), Some(Tok::Keyword(r)))
                            if r == b"R" =>
                        {
                            Some(Length::Indirect(*n))
                        }
                        (Some(Tok::Int(n)), _, _) => Some(Length::Direct(*n)),
                        _ => None,
                    }
                }
                b"Type" => {
                    d.object_stream |= toks.get(i + 1) == Some(&Tok::Name(b"ObjStm".into()));
                    d.xref |= toks.get(i + 1) == Some(&Tok::Name(b"XRef".into()));
                }
                b"First" => d.object_stream = true,
                b"N" => d.maybe_object_stream = true,
                b"Filter" => {
                    d.has_filter = true;
                    let flate = Tok::Name(b"FlateDecode".to_vec());
                    d.flate_only = match toks.get(i + 1) {
                        Some(t) if *t == flate => true,
                        Some(Tok::ArrayOpen) => {
                            toks.get(i + 2) == Some(&flate)
                                && toks.get(i + 3) == Some(&Tok::ArrayClose)
                        }
                        _ => false,
                    };
                }
                b"DecodeParms" => {
                    d.has_parms = toks.get(i + 1) != Some(&Tok::Keyword(b"null".into()))
                }
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    Some(d)
}

/// An object stream being inflated and lexed.
struct Inflating {
    /// `None` for an object stream stored without compression (lexed as it is).
    inflater: Option<flate2::Decompress>,
    lexer: Lexer,
    done: bool,
    /// Only `/N` said it might be an object stream: the first byte of data decides.
    probe: bool,
    /// Counted, not lexed (a cross-reference stream: binary).
    count_only: bool,
    /// The probe found it is not an object stream: the rest of its data is skipped.
    skip: bool,
    /// Measuring: it could not be inflated here (encrypted, or not zlib data); a parser may
    /// still inflate it, to at most what deflate can reach from its length.
    worst_case: bool,
}

impl std::fmt::Debug for Inflating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inflating")
            .field("done", &self.done)
            .finish()
    }
}

/// What the check is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Refuse active content (the streaming check of large PDFs).
    Check,
    /// Only measure what a parser loading the file would inflate and build, before the
    /// in-memory cleaner does (active content is removed there, not refused).
    Measure,
}

/// What a PDF's structure costs a parser that loads it whole (see [`measure`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Measured {
    /// Bytes its object and cross-reference streams inflate to, in total.
    pub inflated: u64,
    /// Tokens outside stream data and inside object streams (each one becomes an object).
    pub tokens: u64,
}

/// Measures `bytes` (a whole PDF) for the in-memory cleaner: refuses with
/// [`MediaError::TooComplex`] as soon as its object and cross-reference streams inflate past
/// `limits.max_pdf_inflated` (through a bounded window: nothing is held whole), or its objects
/// would take more than `limits.max_work_bytes` to parse. An object stream this cannot inflate
/// counts as what a parser could get from it: 1 032 times its length for deflate data this
/// cannot read (encrypted), the whole limit for another filter.
pub(crate) fn measure(bytes: &[u8], limits: &Limits) -> Result<Measured, MediaError> {
    let mut check = PdfCheck::with_limits(limits);
    check.mode = Mode::Measure;
    let budget = limits.max_work_bytes;
    for part in bytes.chunks(WINDOW) {
        check.update(part)?;
        if check.tokens.saturating_mul(PARSED_TOKEN_BYTES) > budget {
            return Err(MediaError::TooComplex);
        }
    }
    let measured = Measured {
        inflated: check.inflated,
        tokens: check.tokens,
    };
    check.finish()?;
    Ok(measured)
}

/// Checks a PDF as its bytes stream by; see the module documentation.
///
/// Feed every byte, in order, to [`PdfCheck::update`], then call [`PdfCheck::finish`]. The first
/// refusal is returned as soon as it is seen (stop sending the rest). Refusals:
/// `Unsupported { detected: "pdf-active-content" }` (active content, or a structure that cannot
/// be checked), `Unsupported { detected: "encrypted-pdf" }`, `Damaged` (not a PDF, a stream that
/// never ends, an object stream that does not inflate).
#[derive(Debug)]
pub struct PdfCheck {
    lexer: Lexer,
    /// Bytes seen so far (offsets, the header check).
    seen: u64,
    header: Vec<u8>,
    /// The last bytes (at least 1 KiB of them once there are), for `%%EOF`.
    tail: Vec<u8>,
    /// Tokens since the last `obj` keyword (the current object's dictionary).
    recent: Vec<Tok>,
    recent_overflow: bool,
    /// `N G obj` of the object being read.
    object: Option<i64>,
    /// Inside stream data: its measured length so far, how it must end.
    data_len: u64,
    end: EndFinder,
    expect: Option<Length>,
    inflating: Option<Inflating>,
    inflated: u64,
    /// Most bytes object streams may inflate to, in total.
    max_inflated: u64,
    mode: Mode,
    /// Tokens read (counted when measuring).
    tokens: u64,
    /// Indirect lengths to check: object number → measured length.
    claims: HashMap<i64, u64>,
    /// Integer objects seen: object number → value (only those a stream refers to... or may).
    integers: HashMap<i64, i64>,
    /// The current object is `N G obj <int>` so far.
    int_value: Option<i64>,
}

impl Default for PdfCheck {
    fn default() -> Self {
        Self::new()
    }
}

impl PdfCheck {
    /// A check with the default [`Limits`].
    pub fn new() -> Self {
        Self::with_limits(&Limits::default())
    }

    /// A check whose object streams may inflate to `limits.max_pdf_inflated` in total (more is
    /// refused with [`MediaError::TooComplex`]).
    pub fn with_limits(limits: &Limits) -> Self {
        Self {
            lexer: Lexer::new(true),
            seen: 0,
            header: Vec::new(),
            tail: Vec::new(),
            recent: Vec::new(),
            recent_overflow: false,
            object: None,
            data_len: 0,
            end: EndFinder::default(),
            expect: None,
            inflating: None,
            inflated: 0,
            max_inflated: limits.max_pdf_inflated,
            mode: Mode::Check,
            tokens: 0,
            claims: HashMap::new(),
            integers: HashMap::new(),
            int_value: None,
        }
    }

    /// Feeds the next bytes.
    pub fn update(&mut self, bytes: &[u8]) -> Result<(), MediaError> {
        if self.seen < 1024 {
            let want = (1024 - self.seen) as usize;
            self.header
                .extend_from_slice(&bytes[..want.min(bytes.len())]);
        }
        self.seen += bytes.len() as u64;
        let keep = &bytes[bytes.len().saturating_sub(1024)..];
        if self.tail.len() + keep.len() > 2048 {
            let drop = (self.tail.len() + keep.len() - 1024).min(self.tail.len());
            self.tail.drain(..drop);
        }
        self.tail.extend_from_slice(keep);
        let mut i = 0;
        while i < bytes.len() {
            match self.lexer.state {
                Lex::Data => {
                    i += self.data(&bytes[i..])?;
                    continue;
                }
                // `stream` CR LF, or (tolerated) a lone CR: the data starts after either.
                Lex::StreamCr => {
                    self.lexer.state = Lex::Data;
                    if bytes[i] == b'\n' {
                        i += 1;
                    }
                    continue;
                }
                _ => {}
            }
            let b = bytes[i];
            i += 1;
            let mut tokens = Vec::new();
            step(&mut self.lexer, b, &mut tokens);
            for t in tokens {
                self.token(t)?;
            }
        }
        Ok(())
    }

    /// Ends the check: the file must be a PDF with nothing left open, and every indirect
    /// `/Length` must match the data measured.
    pub fn finish(mut self) -> Result<(), MediaError> {
        if self.mode == Mode::Measure {
            // The parser repairs what it can: only the bounds matter here.
            return Ok(());
        }
        if find(&self.header, b"%PDF-").is_none() || find(&self.tail, b"%%EOF").is_none() {
            return Err(MediaError::Damaged);
        }
        if matches!(self.lexer.state, Lex::Data | Lex::StreamCr) {
            return Err(MediaError::Damaged);
        }
        let mut tokens = Vec::new();
        step(&mut self.lexer, b'\n', &mut tokens);
        for t in tokens {
            self.token(t)?;
        }
        for (object, measured) in &self.claims {
            match self.integers.get(object) {
                Some(&declared) if length_matches(declared, *measured) => {}
                _ => return Err(ACTIVE),
            }
        }
        Ok(())
    }

    /// Stream data: looks for `endstream`, inflating object streams on the way. Returns how
    /// many bytes it consumed.
    fn data(&mut self, bytes: &[u8]) -> Result<usize, MediaError> {
        let mut n = 0;
        let mut ended = false;
        for &b in bytes {
            n += 1;
            if self.end.push(b) {
                ended = true;
                break;
            }
        }
        let consumed = &bytes[..n];
        if let Some(inf) = &mut self.inflating {
            // Bytes that turn out to be `endstream` reach the inflater after its end: ignored.
            let mut totals = Totals {
                inflated: &mut self.inflated,
                max: self.max_inflated,
                tokens: &mut self.tokens,
                mode: self.mode,
            };
            if let Err(e) = inflate(inf, consumed, &mut totals) {
                if self.mode == Mode::Check || e == MediaError::TooComplex {
                    return Err(e);
                }
                // Measuring: what cannot be inflated here (encrypted, not zlib) may still be
                // inflated by the parser: counted on its length when it ends.
                inf.inflater = None;
                inf.skip = true;
                inf.worst_case = true;
            }
        }
        self.data_len += n as u64;
        if ended && self.mode == Mode::Measure {
            self.expect = None;
            if let Some(inf) = self.inflating.take() {
                if inf.worst_case {
                    // Deflate reaches at most 1 032 times its input.
                    let most = self.data_len.saturating_mul(MAX_DEFLATE_RATIO);
                    self.charge(most.min(self.max_inflated))?;
                }
                let mut lexer = inf.lexer;
                let mut tokens = Vec::new();
                step(&mut lexer, b'\n', &mut tokens);
                self.tokens += tokens.len() as u64;
            }
            self.lexer.state = Lex::Space;
            self.recent.clear();
            return Ok(n);
        }
        if ended {
            let measured = self.data_len - END.len() as u64;
            match self.expect.take() {
                Some(Length::Direct(declared)) if length_matches(declared, measured) => {}
                Some(Length::Indirect(object)) => {
                    if self.claims.len() >= MAX_CLAIMS {
                        return Err(ACTIVE);
                    }
                    // The same number may be claimed twice only for the same length.
                    if let Some(old) = self.claims.insert(object, measured)
                        && old != measured
                    {
                        return Err(ACTIVE);
                    }
                }
                _ => return Err(ACTIVE),
            }
            if let Some(inf) = self.inflating.take() {
                if !inf.done {
                    return Err(MediaError::Damaged);
                }
                let mut lexer = inf.lexer;
                let mut tokens = Vec::new();
                step(&mut lexer, b'\n', &mut tokens);
                for t in tokens {
                    check_token(&mut lexer, &t)?;
                }
                if !matches!(lexer.state, Lex::Space | Lex::Comment) {
                    return Err(ACTIVE);
                }
            }
            self.lexer.state = Lex::Space;
            self.recent.clear();
            self.token(Tok::Keyword(b"endstream".to_vec()))?;
        }
        Ok(n)
    }

    /// Measuring: counts `bytes` a parser may inflate.
    fn charge(&mut self, bytes: u64) -> Result<(), MediaError> {
        self.inflated = self.inflated.saturating_add(bytes);
        if self.inflated > self.max_inflated {
            return Err(MediaError::TooComplex);
        }
        Ok(())
    }

    /// Measuring: a stream the parser may inflate with a filter this does not implement counts
    /// as the whole limit.
    fn charge_worst_case(&mut self) -> Result<(), MediaError> {
        self.charge(self.max_inflated)
    }

    /// Measuring: what happens at `stream` (nothing is refused but the bounds).
    fn measure_stream(&mut self) -> Result<(), MediaError> {
        self.data_len = 0;
        self.end = EndFinder::default();
        self.expect = None;
        if !matches!(self.lexer.state, Lex::Data | Lex::StreamCr) {
            return Ok(());
        }
        let Some(dict) = (!self.recent_overflow)
            .then(|| read_dict(&self.recent))
            .flatten()
        else {
            // A dictionary too long to read: it may be an object stream's.
            return self.charge_worst_case();
        };
        if !(dict.object_stream || dict.maybe_object_stream || dict.xref) {
            return Ok(());
        }
        if dict.has_filter && !dict.flate_only {
            return self.charge_worst_case();
        }
        self.inflating = Some(Inflating {
            inflater: dict.has_filter.then(|| flate2::Decompress::new(true)),
            lexer: Lexer::new(false),
            done: !dict.has_filter,
            // `/N` alone: only an object stream if it starts like one (not a colour profile).
            probe: !dict.object_stream && !dict.xref,
            count_only: dict.xref,
            skip: false,
            worst_case: false,
        });
        Ok(())
    }

    fn token(&mut self, t: Tok) -> Result<(), MediaError> {
        if self.mode == Mode::Check {
            check_token(&mut self.lexer, &t)?;
        } else {
            self.tokens += 1;
        }
        match &t {
            Tok::Keyword(k) if k == b"obj" => {
                let n = self.recent.len();
                self.object = match (
                    n.checked_sub(2).and_then(|i| self.recent.get(i)),
                    self.recent.last(),
                ) {
                    (Some(Tok::Int(num)), Some(Tok::Int(_))) => Some(*num),
                    _ => None,
                };
                self.recent.clear();
                self.recent_overflow = false;
                self.int_value = None;
                self.recent.push(t);
                return Ok(());
            }
            Tok::Keyword(k) if k == b"endobj" => {
                if let (Some(object), Some(value)) = (self.object, self.int_value)
                    && self.recent.len() == 2
                    && self.mode == Mode::Check
                {
                    if self.integers.len() >= MAX_CLAIMS {
                        return Err(ACTIVE);
                    }
                    self.integers.insert(object, value);
                }
                self.object = None;
                self.int_value = None;
            }
            Tok::Keyword(k) if k == b"stream" && self.mode == Mode::Measure => {
                self.measure_stream()?;
                return Ok(());
            }
            Tok::Keyword(k) if k == b"stream" => {
                if self.recent_overflow
                    || self.recent.last() != Some(&Tok::DictClose)
                    || !matches!(self.lexer.state, Lex::Data | Lex::StreamCr)
                {
                    return Err(ACTIVE);
                }
                let dict = read_dict(&self.recent).ok_or(ACTIVE)?;
                self.expect = Some(dict.length.ok_or(ACTIVE)?);
                let checkable = !dict.has_filter || (dict.flate_only && !dict.has_parms);
                if dict.object_stream && !checkable {
                    return Err(ACTIVE);
                }
                if (dict.object_stream || dict.maybe_object_stream) && checkable {
                    // Not compressed: its bytes are PDF syntax, lexed as they are.
                    self.inflating = Some(Inflating {
                        inflater: dict.has_filter.then(|| flate2::Decompress::new(true)),
                        lexer: Lexer::new(false),
                        done: !dict.has_filter,
                        probe: !dict.object_stream,
                        count_only: false,
                        skip: false,
                        worst_case: false,
                    });
                }
                self.data_len = 0;
                self.end = EndFinder::default();
                return Ok(());
            }
            _ => {}
        }
        if let Tok::Int(v) = t
            && self.recent.len() == 1
            && self.object.is_some()
        {
            self.int_value = Some(v);
        }
        if self.recent.len() >= MAX_RECENT {
            self.recent.remove(0);
            self.recent_overflow = true;
        }
        self.recent.push(t);
        Ok(())
    }
}

fn length_matches(declared: i64, measured: u64) -> bool {
    u64::try_from(declared).is_ok_and(|d| measured >= d && measured - d <= LENGTH_SLACK)
}

/// Where inflated bytes are counted.
struct Totals<'a> {
    inflated: &'a mut u64,
    max: u64,
    tokens: &'a mut u64,
    mode: Mode,
}

/// Lexes (and checks, or counts) bytes of an object stream.
fn lex_object_stream(
    inf: &mut Inflating,
    bytes: &[u8],
    totals: &mut Totals<'_>,
) -> Result<(), MediaError> {
    if inf.count_only {
        return Ok(());
    }
    let mut bytes = bytes;
    if inf.probe {
        // An object stream starts with the number of its first object.
        let Some(first) = bytes.iter().position(|b| !is_space(*b)) else {
            return Ok(());
        };
        if !bytes[first].is_ascii_digit() {
            // Not an object stream (an ICC profile): no need to inflate the rest.
            inf.inflater = None;
            inf.done = true;
            inf.skip = true;
            return Ok(());
        }
        inf.probe = false;
        bytes = &bytes[first..];
    }
    let mut tokens = Vec::new();
    for &b in bytes {
        step(&mut inf.lexer, b, &mut tokens);
        for t in tokens.drain(..) {
            match totals.mode {
                Mode::Check => check_token(&mut inf.lexer, &t)?,
                Mode::Measure => *totals.tokens += 1,
            }
        }
    }
    Ok(())
}

/// Counts `made` inflated bytes against the limit, unless the probe found this is not an object
/// stream (an ICC profile: only its first window was inflated, and it is not counted).
fn count(inf: &Inflating, made: usize, totals: &mut Totals<'_>) -> Result<(), MediaError> {
    if inf.skip {
        return Ok(());
    }
    *totals.inflated += made as u64;
    if *totals.inflated > totals.max {
        return Err(MediaError::TooComplex);
    }
    Ok(())
}

fn inflate(
    inf: &mut Inflating,
    mut input: &[u8],
    totals: &mut Totals<'_>,
) -> Result<(), MediaError> {
    if inf.skip {
        return Ok(());
    }
    if inf.inflater.is_none() {
        lex_object_stream(inf, input, totals)?;
        return count(inf, input.len(), totals);
    }
    let mut out = vec![0u8; WINDOW];
    while !inf.done && !input.is_empty() {
        let Some(inflater) = &mut inf.inflater else {
            break;
        };
        let before_in = inflater.total_in();
        let before_out = inflater.total_out();
        let status = inflater
            .decompress(input, &mut out, flate2::FlushDecompress::None)
            .map_err(|_| MediaError::Damaged)?;
        let used = (inflater.total_in() - before_in) as usize;
        let made = (inflater.total_out() - before_out) as usize;
        input = &input[used..];
        lex_object_stream(inf, &out[..made], totals)?;
        count(inf, made, totals)?;
        if inf.skip {
            break;
        }
        match status {
            flate2::Status::StreamEnd => inf.done = true,
            _ if used == 0 && made == 0 => return Err(MediaError::Damaged),
            _ => {}
        }
    }
    Ok(())
}

/// The checks every token goes through, in the file and in object streams.
fn check_token(lexer: &mut Lexer, t: &Tok) -> Result<(), MediaError> {
    let uri = std::mem::take(&mut lexer.uri_next);
    match t {
        Tok::Name(n) => {
            if n == b"Encrypt" {
                return Err(ENCRYPTED);
            }
            if ACTIVE_NAMES.contains(&n.as_slice()) {
                return Err(ACTIVE);
            }
            // `/S /URI /URI (target)`: the name after `/URI` may be the key itself.
            lexer.uri_next = n == b"URI";
        }
        Tok::Str(prefix) if uri => {
            let lower = prefix.to_ascii_lowercase();
            let safe = [&b"http:"[..], b"https:", b"mailto:", b"tel:"]
                .iter()
                .any(|s| lower.starts_with(s));
            if !safe {
                return Err(ACTIVE);
            }
        }
        // Anything else right after `/URI` (an indirect target): cannot be checked.
        _ if uri => return Err(ACTIVE),
        _ => {}
    }
    Ok(())
}

/// Advances the lexer by one byte, pushing the tokens it completes.
fn step(lx: &mut Lexer, b: u8, out: &mut Vec<Tok>) {
    match lx.state {
        Lex::Data => {}
        Lex::Comment => {
            if b == b'\r' || b == b'\n' {
                lx.state = Lex::Space;
            }
        }
        Lex::Literal { depth, escape } => {
            if escape {
                lx.state = Lex::Literal {
                    depth,
                    escape: false,
                };
                push_prefix(lx, b);
                return;
            }
            match b {
                b'\\' => {
                    lx.state = Lex::Literal {
                        depth,
                        escape: true,
                    };
                    // Kept as is: an escaped target never looks like `http:`, so it is refused.
                    push_prefix(lx, b);
                }
                b'(' => {
                    lx.state = Lex::Literal {
                        depth: depth + 1,
                        escape: false,
                    };
                    push_prefix(lx, b);
                }
                b')' if depth == 0 => {
                    out.push(Tok::Str(std::mem::take(&mut lx.string_prefix)));
                    lx.state = Lex::Space;
                }
                b')' => {
                    lx.state = Lex::Literal {
                        depth: depth - 1,
                        escape: false,
                    };
                    push_prefix(lx, b);
                }
                _ => push_prefix(lx, b),
            }
        }
        Lex::Hex => {
            if b == b'>' {
                if let Some(h) = lx.hex_high.take() {
                    push_prefix(lx, h << 4);
                }
                out.push(Tok::Str(std::mem::take(&mut lx.string_prefix)));
                lx.state = Lex::Space;
            } else if let Some(v) = hex_value(b) {
                match lx.hex_high.take() {
                    Some(h) => push_prefix(lx, (h << 4) | v),
                    None => lx.hex_high = Some(v),
                }
            }
        }
        Lex::Less => {
            if b == b'<' {
                out.push(Tok::DictOpen);
                lx.state = Lex::Space;
            } else {
                lx.state = Lex::Hex;
                lx.hex_high = None;
                lx.string_prefix.clear();
                step(lx, b, out);
            }
        }
        Lex::Greater => {
            lx.state = Lex::Space;
            if b == b'>' {
                out.push(Tok::DictClose);
            } else {
                out.push(Tok::Other);
                step(lx, b, out);
            }
        }
        Lex::Name => {
            if b == b'#' {
                lx.state = Lex::NameHex(None);
            } else if is_space(b) || is_delimiter(b) {
                out.push(Tok::Name(std::mem::take(&mut lx.buf)));
                lx.state = Lex::Space;
                step(lx, b, out);
            } else {
                push_name(lx, b);
            }
        }
        Lex::NameHex(high) => match (high, hex_value(b)) {
            (None, Some(v)) => lx.state = Lex::NameHex(Some(v)),
            (Some(h), Some(v)) => {
                push_name(lx, (h << 4) | v);
                lx.state = Lex::Name;
            }
            // A malformed escape: keep the bytes as they are (never matches a refused name
            // by accident of decoding).
            _ => {
                push_name(lx, b'#');
                lx.state = Lex::Name;
                step(lx, b, out);
            }
        },
        Lex::Regular => {
            if is_space(b) || is_delimiter(b) {
                let word = std::mem::take(&mut lx.buf);
                let is_stream = word == b"stream";
                out.push(regular(word));
                lx.state = Lex::Space;
                if is_stream && lx.streams && (b == b'\n' || b == b'\r') {
                    lx.state = if b == b'\r' { Lex::StreamCr } else { Lex::Data };
                } else {
                    step(lx, b, out);
                }
            } else if lx.buf.len() < 32 {
                lx.buf.push(b);
            }
        }
        // Handled by `PdfCheck::update`, which owns stream data.
        Lex::StreamCr => {}
        Lex::Space => match b {
            b'%' => lx.state = Lex::Comment,
            b'/' => {
                lx.buf.clear();
                lx.state = Lex::Name;
            }
            b'(' => {
                lx.string_prefix.clear();
                lx.state = Lex::Literal {
                    depth: 0,
                    escape: false,
                };
            }
            b'<' => lx.state = Lex::Less,
            b'>' => lx.state = Lex::Greater,
            b'[' => out.push(Tok::ArrayOpen),
            b']' => out.push(Tok::ArrayClose),
            b'{' | b'}' | b')' => out.push(Tok::Other),
            _ if is_space(b) => {}
            _ => {
                lx.buf.clear();
                lx.buf.push(b);
                lx.state = Lex::Regular;
            }
        },
    }
}

fn push_prefix(lx: &mut Lexer, b: u8) {
    if lx.uri_next && lx.string_prefix.len() < URI_PREFIX {
        lx.string_prefix.push(b);
    }
}

fn push_name(lx: &mut Lexer, b: u8) {
    if lx.buf.len() < MAX_NAME {
        lx.buf.push(b);
    }
}

fn regular(word: Vec<u8>) -> Tok {
    let text = std::str::from_utf8(&word).unwrap_or("");
    match text.parse::<i64>() {
        Ok(v) if !text.starts_with('+') => Tok::Int(v),
        _ if word.first().is_some_and(|c| c.is_ascii_alphabetic()) => Tok::Keyword(word),
        _ => Tok::Other,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use lopdf::dictionary;
    use std::io::Write;

    fn pdf(objects: &[&[u8]]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
        for (i, body) in objects.iter().enumerate() {
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        out.extend_from_slice(b"trailer\n<< /Root 1 0 R /Size 9 >>\nstartxref\n0\n%%EOF\n");
        out
    }

    fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut out = format!("<< {dict} >>\nstream\r\n").into_bytes();
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream");
        out
    }

    fn check_in(bytes: &[u8], chunk: usize) -> Result<(), MediaError> {
        let mut c = PdfCheck::new();
        for part in bytes.chunks(chunk) {
            c.update(part)?;
        }
        c.finish()
    }

    /// Same verdict whatever the chunk sizes.
    fn check(bytes: &[u8]) -> Result<(), MediaError> {
        let whole = check_in(bytes, bytes.len().max(1));
        for chunk in [1, 3, 7, 64, 4096] {
            assert_eq!(check_in(bytes, chunk), whole, "chunk size {chunk}");
        }
        whole
    }

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    const CATALOG: &[u8] = b"<< /Type /Catalog /Pages 2 0 R >>";
    const PAGES: &[u8] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    const PAGE: &[u8] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>";

    fn plain_with(content: &[u8]) -> Vec<u8> {
        let s = stream(&format!("/Length {}", content.len()), content);
        pdf(&[CATALOG, PAGES, PAGE, &s])
    }

    #[test]
    fn accepts_a_plain_pdf_and_one_written_by_lopdf() {
        assert_eq!(check(&plain_with(b"BT /F1 12 Tf (Hello) Tj ET")), Ok(()));
        let mut doc = lopdf::Document::with_version("1.5");
        let pages = doc.new_object_id();
        let content = doc.add_object(lopdf::Stream::new(
            lopdf::Dictionary::new(),
            b"BT ET".to_vec(),
        ));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        doc.objects.insert(
            pages,
            lopdf::Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        assert_eq!(check(&out), Ok(()));
    }

    #[test]
    fn comments_and_strings_are_not_names() {
        let catalog =
            b"% a comment naming /JavaScript\n<< /Type /Catalog /Pages 2 0 R /Lang (/JS) >>";
        let s = stream("/Length 5", b"BT ET");
        assert_eq!(check(&pdf(&[catalog, PAGES, PAGE, &s])), Ok(()));
    }

    #[test]
    fn binary_stream_data_is_not_read_as_syntax() {
        // Image bytes that happen to spell names, strings and comments.
        let data = b"\x00/JS (/OpenAction %\xff<< /AA >> stream\n\x01endstrea";
        assert_eq!(check(&plain_with(data)), Ok(()));
    }

    #[test]
    fn refuses_active_content_however_it_is_written() {
        for catalog in [
            &b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"[..],
            b"<< /Type /Catalog /Pages 2 0 R /Op#65nAction 5 0 R >>",
            b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >> >>",
            b"<< /Type /Catalog /Pages 2 0 R /AA << /WC 5 0 R >> >>",
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /XFA 7 0 R >> >>",
            b"<< /Type /Catalog /Pages 2 0 R /Outlines << /A << /S /Launch /F (cmd.exe) >> >> >>",
        ] {
            let s = stream("/Length 5", b"BT ET");
            assert_eq!(check(&pdf(&[catalog, PAGES, PAGE, &s])), Err(ACTIVE), "{}", String::from_utf8_lossy(catalog));
        }
    }

    #[test]
    fn links_only_to_the_web_mail_and_phone() {
        let link = |target: &str| {
            let annot = format!("<< /Type /Annot /Subtype /Link /A << /S /URI /URI {target} >> >>");
            let s = stream("/Length 5", b"BT ET");
            check(&pdf(&[CATALOG, PAGES, PAGE, &s, annot.as_bytes()]))
        };
        assert_eq!(link("(https://www.service-public.fr/)"), Ok(()));
        assert_eq!(link("(mailto:accueil@example.org)"), Ok(()));
        assert_eq!(link("<68747470733A2F2F612E6672>"), Ok(()));
        assert_eq!(link("(file:///C:/Windows/system32)"), Err(ACTIVE));
        assert_eq!(link("(javascript:alert(1))"), Err(ACTIVE));
        assert_eq!(link("9 0 R"), Err(ACTIVE));
    }

    #[test]
    fn a_fake_endstream_cannot_hide_a_dictionary() {
        // The viewer reads 200 bytes of data (its /Length); a check stopping at the first
        // `endstream` would then read the OpenAction as a comment's neighbour... refused.
        let mut data = b"xx\nendstream\nendobj\n(".to_vec();
        data.resize(200, b' ');
        let s = stream("/Length 200", &data);
        assert_eq!(check(&pdf(&[CATALOG, PAGES, PAGE, &s])), Err(ACTIVE));
        // A /Length that does not match the data: cannot be checked.
        let s = stream("/Length 3", b"BT ET");
        assert_eq!(check(&pdf(&[CATALOG, PAGES, PAGE, &s])), Err(ACTIVE));
    }

    #[test]
    fn indirect_lengths_are_checked_at_the_end() {
        let good = stream("/Length 5 0 R", b"BT ET");
        assert_eq!(check(&pdf(&[CATALOG, PAGES, PAGE, &good, b"5"])), Ok(()));
        assert_eq!(
            check(&pdf(&[CATALOG, PAGES, PAGE, &good, b"2"])),
            Err(ACTIVE)
        );
        assert_eq!(check(&pdf(&[CATALOG, PAGES, PAGE, &good])), Err(ACTIVE));
    }

    #[test]
    fn object_streams_are_inflated_and_checked() {
        let objstm = |objects: &[u8]| {
            let packed = deflate(objects);
            let s = stream(
                &format!(
                    "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {}",
                    packed.len()
                ),
                &packed,
            );
            pdf(&[CATALOG, PAGES, PAGE, &stream("/Length 5", b"BT ET"), &s])
        };
        assert_eq!(check(&objstm(b"6 0 << /Title (Mes papiers) >>")), Ok(()));
        assert_eq!(check(&objstm(b"6 0 << /OpenAction 7 0 R >>")), Err(ACTIVE));
        assert_eq!(
            check(&objstm(b"6 0 << /S /JavaScript /JS (x) >>")),
            Err(ACTIVE)
        );
        // Uncompressed object streams are lexed as they are.
        let raw = b"6 0 << /AA 7 0 R >>";
        let s = stream(
            &format!("/Type /ObjStm /N 1 /First 4 /Length {}", raw.len()),
            raw,
        );
        assert_eq!(check(&pdf(&[CATALOG, PAGES, PAGE, &s])), Err(ACTIVE));
        // Predictors and other filters on object streams cannot be checked.
        let packed = deflate(b"6 0 << >>");
        let s = stream(
            &format!("/Type /ObjStm /Filter /LZWDecode /Length {}", packed.len()),
            &packed,
        );
        assert_eq!(check(&pdf(&[CATALOG, PAGES, PAGE, &s])), Err(ACTIVE));
        // Not zlib data at all.
        let s = stream("/Type /ObjStm /Filter /FlateDecode /Length 7", b"garbage");
        assert_eq!(
            check(&pdf(&[CATALOG, PAGES, PAGE, &s])),
            Err(MediaError::Damaged)
        );
    }

    /// An object stream with `dict` (its `/Filter` and `/Length` added), holding `objects`.
    fn packed(dict: &str, objects: &[u8]) -> Vec<u8> {
        let packed = deflate(objects);
        let s = stream(
            &format!("{dict} /Filter /FlateDecode /Length {}", packed.len()),
            &packed,
        );
        pdf(&[CATALOG, PAGES, PAGE, &stream("/Length 5", b"BT ET"), &s])
    }

    #[test]
    fn object_streams_are_checked_whatever_their_type_says() {
        let script = b"6 0 << /S /JavaScript /JS (app.alert(1)) >>";
        // Issue 11, finding 5: no `/Type /ObjStm`, but `/N` and `/First`, which is all a
        // viewer needs once the cross-reference stream names it as a container.
        for dict in [
            "/N 1 /First 4",
            "/Type /XObject /N 1 /First 4",
            "/First 4",
            "/N 1",
        ] {
            assert_eq!(check(&packed(dict, script)), Err(ACTIVE), "{dict}");
            assert_eq!(
                check(&packed(dict, b"6 0 << /Title (Bail) >>")),
                Ok(()),
                "{dict}"
            );
        }
        // `/N` alone is also an ICC profile's component count: binary data is left alone.
        let icc = b"\x00\x00\x0cHlcms\x02\x10\x00mntrRGB /JS (x) /OpenAction";
        assert_eq!(check(&packed("/N 3 /Alternate /DeviceRGB", icc)), Ok(()));
        // A declared object stream that cannot be inflated here is refused.
        let s = stream("/N 1 /First 4 /Filter /LZWDecode /Length 5", b"xxxxx");
        assert_eq!(check(&pdf(&[CATALOG, PAGES, PAGE, &s])), Err(ACTIVE));
    }

    #[test]
    fn what_object_streams_inflate_to_is_bounded() {
        let limits = Limits {
            max_pdf_inflated: 1 << 20,
            ..Limits::default()
        };
        let mut objects = b"6 0 << /Title (Bail) >>".to_vec();
        objects.resize(2 << 20, b' ');
        let bomb = packed("/N 1 /First 4", &objects);
        let check_with = |bytes: &[u8]| {
            let mut c = PdfCheck::with_limits(&limits);
            c.update(bytes)?;
            c.finish()
        };
        assert_eq!(check_with(&bomb), Err(MediaError::TooComplex));
        assert_eq!(measure(&bomb, &limits), Err(MediaError::TooComplex));
        objects.truncate(1 << 19);
        let fine = packed("/N 1 /First 4", &objects);
        assert_eq!(check_with(&fine), Ok(()));
        let m = measure(&fine, &limits).unwrap();
        assert_eq!(m.inflated, 1 << 19);
        // Colour profiles (`/N` alone, binary) are not object streams: not counted.
        let mut icc = b"\x00\x00\x0cHlcms".to_vec();
        icc.resize(100_000, 7);
        let profile = {
            let packed = deflate(&icc);
            stream(
                &format!("/N 3 /Filter /FlateDecode /Length {}", packed.len()),
                &packed,
            )
        };
        let mut objects: Vec<&[u8]> = vec![CATALOG, PAGES, PAGE];
        objects.extend(std::iter::repeat_n(profile.as_slice(), 20));
        assert_eq!(check_with(&pdf(&objects)), Ok(()));
        // Measuring counts the tokens a parser would build objects from, in object streams too.
        let many = packed("/Type /ObjStm /N 1 /First 4", b"6 0 [1 2 3 4 5 6 7 8 9 10]");
        assert!(measure(&many, &limits).unwrap().tokens > 12);
        // What cannot be inflated here counts as the whole limit: two of them are too many.
        let lzw = stream(
            "/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode /Length 5",
            b"xxxxx",
        );
        assert!(measure(&pdf(&[CATALOG, PAGES, PAGE, &lzw]), &limits).is_ok());
        assert_eq!(
            measure(&pdf(&[CATALOG, PAGES, PAGE, &lzw, &lzw]), &limits),
            Err(MediaError::TooComplex)
        );
    }

    #[test]
    fn encrypted_and_truncated_files() {
        let mut enc = plain_with(b"BT ET");
        enc.extend_from_slice(b"trailer << /Encrypt 9 0 R >>\n");
        assert_eq!(check(&enc), Err(ENCRYPTED));
        let whole = plain_with(b"BT ET");
        let data = whole.windows(5).position(|w| w == b"BT ET").unwrap_or(0);
        assert_eq!(check(&whole[..data + 2]), Err(MediaError::Damaged));
        let end = whole.len() - b"%%EOF\n".len();
        assert_eq!(check(&whole[..end]), Err(MediaError::Damaged));
        assert_eq!(check(b"<html>not a pdf</html>"), Err(MediaError::Damaged));
    }
}
