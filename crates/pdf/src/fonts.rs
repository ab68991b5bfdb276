//! Fonts: the embedded DejaVu Sans pair, a system CJK fallback found at run time, glyph
//! advances for measuring (printpdf has no measuring API) and per-glyph fallback.
//!
//! DejaVu Sans covers Latin (with Polish, Czech, Turkish...), Greek and Cyrillic, so every
//! European name in a plan prints from the font shipped in the binary. Chinese and Japanese
//! names need a CJK font, far too big to ship (tens of MB): the renderer looks for one the
//! system has, loads it once per process and only when a text actually needs it, and says so
//! in the warnings when there is none. printpdf subsets every font, so a document carries
//! only the glyphs it uses.

use crate::PdfError;
use printpdf::ParsedFont;
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Where CJK fonts live on Debian/Ubuntu (fonts-noto-cjk, then fonts-droid-fallback), with
/// the face index inside a collection. `PLANNER_PDF_CJK_FONT` (a path) goes first.
const CJK_CANDIDATES: &[(&str, usize)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 0),
    (
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        0,
    ),
    ("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf", 0),
];

/// Characters below this are looked up in a table built once, not in the cmap: they are
/// nearly all the text of a European plan.
const TABLE_LEN: usize = 0x0250;

/// One parsed face with what measuring needs.
pub(crate) struct Face {
    /// The PDF resource name. Six capitals because printpdf uses the first six characters
    /// of it as the subset tag, which must be six capitals; fixed so output is reproducible.
    pub resource: &'static str,
    pub parsed: ParsedFont,
    upem: f32,
    /// Advance per character for the first [`TABLE_LEN`] codepoints; None = no glyph.
    table: Vec<Option<u16>>,
}

impl Face {
    fn parse(resource: &'static str, bytes: &[u8], index: usize) -> Option<Face> {
        let parsed = ParsedFont::from_bytes(bytes, index, &mut Vec::new())?;
        let upem = parsed.pdf_font_metrics.units_per_em.max(1) as f32;
        let mut face = Face {
            resource,
            parsed,
            upem,
            table: Vec::new(),
        };
        face.table = (0..TABLE_LEN as u32)
            .map(|c| face.lookup(c))
            .collect::<Vec<_>>();
        Some(face)
    }

    fn lookup(&self, c: u32) -> Option<u16> {
        match self.parsed.lookup_glyph_index(c) {
            Some(0) | None => None,
            Some(g) => Some(self.parsed.get_horizontal_advance(g)),
        }
    }

    /// Advance of `c` in font units, None when the face has no glyph for it.
    fn advance(&self, c: char) -> Option<u16> {
        let i = c as usize;
        if i < TABLE_LEN {
            self.table[i]
        } else {
            self.lookup(c as u32)
        }
    }
}

static REGULAR: OnceLock<Option<Face>> = OnceLock::new();
static BOLD: OnceLock<Option<Face>> = OnceLock::new();
static CJK: OnceLock<Option<Face>> = OnceLock::new();

/// The CJK font the renderer would use on this machine, if any.
pub fn cjk_font_path() -> Option<PathBuf> {
    cjk_candidates()
        .into_iter()
        .find(|(p, _)| p.is_file())
        .map(|(p, _)| p)
}

fn cjk_candidates() -> Vec<(PathBuf, usize)> {
    let mut v: Vec<(PathBuf, usize)> = Vec::new();
    if let Some(p) = std::env::var_os("PLANNER_PDF_CJK_FONT") {
        v.push((PathBuf::from(p), 0));
    }
    v.extend(CJK_CANDIDATES.iter().map(|(p, i)| (PathBuf::from(p), *i)));
    v
}

fn load_cjk() -> Option<Face> {
    cjk_candidates().into_iter().find_map(|(path, index)| {
        let bytes = std::fs::read(&path).ok()?;
        Face::parse("PLNCJK", &bytes, index)
    })
}

/// Whether the system CJK font may be used (tests turn it off to check the warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CjkPolicy {
    System,
    #[cfg_attr(not(test), allow(dead_code))]
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FaceKey {
    Regular,
    Bold,
    Cjk,
}

/// The fonts of one render, with what that render found missing.
pub(crate) struct Fonts {
    regular: &'static Face,
    bold: &'static Face,
    policy: CjkPolicy,
    used: RefCell<BTreeSet<FaceKey>>,
    missing: RefCell<BTreeSet<char>>,
    unshaped: Cell<bool>,
}

fn embedded(
    cell: &'static OnceLock<Option<Face>>,
    name: &'static str,
    resource: &'static str,
    bytes: &[u8],
) -> Result<&'static Face, PdfError> {
    cell.get_or_init(|| Face::parse(resource, bytes, 0))
        .as_ref()
        .ok_or(PdfError::Font {
            name,
            reason: "not a TrueType font printpdf can parse".into(),
        })
}

impl Fonts {
    pub fn load(policy: CjkPolicy) -> Result<Fonts, PdfError> {
        Ok(Fonts {
            regular: embedded(&REGULAR, "DejaVu Sans", "PLNREG", REGULAR_TTF)?,
            bold: embedded(&BOLD, "DejaVu Sans Bold", "PLNBLD", BOLD_TTF)?,
            policy,
            used: RefCell::new(BTreeSet::new()),
            missing: RefCell::new(BTreeSet::new()),
            unshaped: Cell::new(false),
        })
    }

    fn cjk(&self) -> Option<&'static Face> {
        match self.policy {
            CjkPolicy::System => CJK.get_or_init(load_cjk).as_ref(),
            CjkPolicy::Never => None,
        }
    }

    pub fn face(&self, key: FaceKey) -> &Face {
        match key {
            FaceKey::Regular => self.regular,
            FaceKey::Bold => self.bold,
            // Only reachable after resolve() found the CJK face.
            FaceKey::Cjk => self.cjk().unwrap_or(self.regular),
        }
    }

    /// The faces the document used, for embedding.
    pub fn used_faces(&self) -> Vec<(FaceKey, &Face)> {
        self.used
            .borrow()
            .iter()
            .map(|k| (*k, self.face(*k)))
            .collect()
    }

    /// Which face draws `c`, and its advance in em.
    fn resolve(&self, c: char, bold: bool) -> Option<(FaceKey, f32)> {
        let (key, primary) = if bold {
            (FaceKey::Bold, self.bold)
        } else {
            (FaceKey::Regular, self.regular)
        };
        if let Some(a) = primary.advance(c) {
            return Some((key, a as f32 / primary.upem));
        }
        // Bold falls back to regular before CJK: DejaVu Bold lacks a few symbols.
        if bold {
            if let Some(a) = self.regular.advance(c) {
                return Some((FaceKey::Regular, a as f32 / self.regular.upem));
            }
        }
        if c as u32 >= 0x2E80 {
            if let Some(face) = self.cjk() {
                if let Some(a) = face.advance(c) {
                    return Some((FaceKey::Cjk, a as f32 / face.upem));
                }
            }
        }
        None
    }

    /// Width of `text` in points at `size`, as [`Fonts::runs`] will draw it.
    pub fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        let mut em = 0.0;
        for c in text.chars() {
            em += match self.resolve(c, bold) {
                Some((_, a)) => a,
                None if is_invisible(c) => 0.0,
                None => self.resolve('?', bold).map(|(_, a)| a).unwrap_or(0.5),
            };
        }
        em * size
    }

    /// Split `text` into runs each drawn by one face. A character no font has is drawn as
    /// '?' and remembered for the warnings: a visible mark, never a silent empty box.
    pub fn runs(&self, text: &str, bold: bool) -> Vec<(FaceKey, String)> {
        let mut out: Vec<(FaceKey, String)> = Vec::new();
        for c in text.chars() {
            if is_needs_shaping(c) {
                self.unshaped.set(true);
            }
            let (key, ch) = match self.resolve(c, bold) {
                Some((k, _)) => (k, c),
                None if is_invisible(c) => continue,
                None => {
                    self.missing.borrow_mut().insert(c);
                    (
                        if bold {
                            FaceKey::Bold
                        } else {
                            FaceKey::Regular
                        },
                        '?',
                    )
                }
            };
            match out.last_mut() {
                Some((k, s)) if *k == key => s.push(ch),
                _ => out.push((key, ch.to_string())),
            }
        }
        let mut used = self.used.borrow_mut();
        for (k, _) in &out {
            used.insert(*k);
        }
        out
    }

    /// What the reader should be told about this render's text.
    pub fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        let missing = self.missing.borrow();
        let (cjk, other): (Vec<char>, Vec<char>) = missing.iter().partition(|c| is_cjk(**c));
        if !cjk.is_empty() {
            if self.cjk().is_none() {
                w.push(
                    "No CJK font found: install fonts-noto-cjk; Chinese and Japanese names will \
                     be missing (printed as '?')"
                        .to_string(),
                );
            } else {
                w.push(format!(
                    "The CJK font has no glyph for {}; printed as '?'",
                    list_chars(&cjk)
                ));
            }
        }
        if !other.is_empty() {
            w.push(format!(
                "No font has a glyph for {}; printed as '?'",
                list_chars(&other)
            ));
        }
        if self.unshaped.get() {
            w.push(
                "Arabic (or another script that joins letters) is printed unshaped: letters \
                 stand alone and in logical order; check those names on screen"
                    .to_string(),
            );
        }
        w
    }
}

fn list_chars(chars: &[char]) -> String {
    let shown: Vec<String> = chars
        .iter()
        .take(8)
        .map(|c| format!("'{c}' (U+{:04X})", *c as u32))
        .collect();
    if chars.len() > 8 {
        format!("{} and {} more", shown.join(", "), chars.len() - 8)
    } else {
        shown.join(", ")
    }
}

/// Characters that draw nothing and need no glyph.
fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// Scripts printpdf's ops API cannot shape: Arabic, Syriac, N'Ko and friends.
fn is_needs_shaping(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn european_names_measure_with_dejavu() {
        let f = Fonts::load(CjkPolicy::Never).unwrap();
        let w = f.width("Łukasz Δημήτρης Ирина", false, 10.0);
        assert!(w > 50.0 && w < 200.0, "{w}");
        assert!(f.width("WWW", true, 10.0) > f.width("iii", false, 10.0));
        assert!(f.warnings().is_empty());
    }

    #[test]
    fn missing_cjk_font_is_warned_not_silent() {
        let f = Fonts::load(CjkPolicy::Never).unwrap();
        let runs = f.runs("王伟 (Wei Wang)", false);
        assert_eq!(runs[0].1, "?? (Wei Wang)");
        let w = f.warnings();
        assert!(w.iter().any(|m| m.contains("No CJK font found")), "{w:?}");
    }

    #[test]
    fn arabic_is_flagged_as_unshaped() {
        let f = Fonts::load(CjkPolicy::Never).unwrap();
        f.runs("فاطمة", false);
        assert!(f.warnings().iter().any(|m| m.contains("unshaped")));
    }
}
