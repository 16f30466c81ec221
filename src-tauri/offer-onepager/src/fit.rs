//! Lays the page out at the largest type size that fits one page, from
//! START_PT down to FLOOR_PT; past the floor it says which section to shorten.

use offerwright_core::app::onepager::{OnePager, SECTIONS};
use typst::foundations::{Bytes, Dict, Smart, Str, Value};
use typst::layout::{Abs, Frame, FrameItem};
use typst::text::TextItem;
use typst_layout::PagedDocument;

use crate::error::RenderError;
use crate::fonts::Fonts;
use crate::world::PageWorld;

/// The type size a page starts at, in points.
pub const START_PT: f64 = 12.0;
/// The smallest size still comfortable to read on paper.
pub const FLOOR_PT: f64 = 9.0;
const STEP_PT: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    pub fn parse(s: &str) -> Option<Paper> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" => Some(Paper::Letter),
            _ => None,
        }
    }

    /// The paper usual where the locale's region is ("en_US.UTF-8", "en-CA"):
    /// US Letter in North America and the Philippines, A4 elsewhere.
    pub fn for_locale(tag: &str) -> Paper {
        let region = tag.split(['_', '-']).nth(1).map(|r| {
            r.chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect::<String>()
                .to_ascii_uppercase()
        });
        match region.as_deref() {
            Some("US" | "CA" | "MX" | "PH") => Paper::Letter,
            _ => Paper::A4,
        }
    }

    /// Page height in points.
    fn height_pt(self) -> f64 {
        match self {
            Paper::A4 => 841.89,
            Paper::Letter => 792.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_follows_the_region() {
        assert_eq!(Paper::for_locale("en_US.UTF-8"), Paper::Letter);
        assert_eq!(Paper::for_locale("en-CA"), Paper::Letter);
        assert_eq!(Paper::for_locale("en_GB.UTF-8"), Paper::A4);
        assert_eq!(Paper::for_locale("ja_JP.UTF-8"), Paper::A4);
        assert_eq!(Paper::for_locale("C"), Paper::A4);
        assert_eq!(Paper::parse("Letter"), Some(Paper::Letter));
        assert_eq!(Paper::parse("b5"), None);
    }
}

/// A laid-out one-pager, ready to export.
pub struct Rendered {
    document: PagedDocument,
    /// The type size it fitted at, in points.
    pub size_pt: f64,
}

impl Rendered {
    pub fn pages(&self) -> usize {
        self.document.pages().len()
    }

    pub fn pdf(&self) -> Result<Vec<u8>, RenderError> {
        let options = typst_pdf::PdfOptions {
            // A fixed identifier and creator keep the bytes the same for the same page.
            ident: Smart::Custom("offerwright-onepager".into()),
            creator: Smart::Custom(Some("Offerwright".into())),
            ..typst_pdf::PdfOptions::default()
        };
        typst_pdf::pdf(&self.document, &options).map_err(|e| RenderError::Template(describe(&e)))
    }

    /// The text as placed on the page, run by run: what a reader sees.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for page in self.document.pages() {
            walk(&page.frame, &mut |item| out.push_str(&item.text));
        }
        out
    }

    /// The characters drawn as a font's empty box (glyph 0, .notdef), each
    /// once: a mark that no font can draw together with the letter it sits on.
    fn boxed_chars(&self) -> Vec<char> {
        let mut chars: Vec<char> = Vec::new();
        for page in self.document.pages() {
            walk(&page.frame, &mut |item| {
                for glyph in item.glyphs.iter().filter(|g| g.id == 0) {
                    let drawn = item.text.get(glyph.range()).unwrap_or_default();
                    for c in drawn.chars().filter(|c| !c.is_whitespace()) {
                        if !chars.contains(&c) {
                            chars.push(c);
                        }
                    }
                }
            });
        }
        // A letter with marks is boxed whole; the marks are what the fonts
        // lack (the letter alone prints), so they are what the user is told.
        if chars.iter().any(|&c| is_combining(c)) {
            chars.retain(|&c| is_combining(c));
        }
        chars
    }

    /// How many glyphs were drawn as a font's empty box (glyph 0, .notdef).
    pub fn empty_boxes(&self) -> usize {
        let mut count = 0;
        for page in self.document.pages() {
            walk(&page.frame, &mut |item| {
                count += item.glyphs.iter().filter(|g| g.id == 0).count()
            });
        }
        count
    }

    /// Page width and height in points.
    pub fn page_size_pt(&self) -> Option<(f64, f64)> {
        let size = self.document.pages().first()?.frame.size();
        Some((size.x.to_pt(), size.y.to_pt()))
    }

    pub fn svg(&self) -> String {
        typst_svg::svg_merged(&self.document, &typst_svg::SvgOptions::default(), Abs::zero())
    }
}

/// Combining marks: the blocks of diacritics that sit on the letter before them.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn walk(frame: &Frame, visit: &mut impl FnMut(&TextItem)) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => walk(&group.frame, visit),
            FrameItem::Text(text) => visit(text),
            _ => {}
        }
    }
}

fn describe(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn all_text(page: &OnePager) -> String {
    // Serialising the page gathers every string on it, labels included.
    serde_json::to_string(page).unwrap_or_default()
}

fn inputs(paper: Paper, size_pt: f64, fonts: &[String], mode: &str) -> Dict {
    [
        ("paper", paper.as_str().to_string()),
        ("size", format!("{size_pt:.1}")),
        ("fonts", fonts.join("\n")),
        ("mode", mode.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (Str::from(k), Value::Str(Str::from(v.as_str()))))
    .collect()
}

/// Compiles the template once. Afterwards Typst's memo cache is trimmed, or a
/// long-running app would grow with every render.
fn compile(fonts: &Fonts, data: &Bytes, inputs: Dict) -> Result<PagedDocument, RenderError> {
    let world = PageWorld::new(fonts, data.clone(), inputs);
    let result = typst::compile::<PagedDocument>(&world).output;
    let refused = world.refused();
    if !refused.is_empty() {
        return Err(RenderError::Template(format!("refused files: {}", refused.join(", "))));
    }
    result.map_err(|e| RenderError::Template(describe(&e)))
}

/// Lays out `page` on one sheet of `paper`.
pub fn render(page: &OnePager, paper: Paper, fonts: &Fonts) -> Result<Rendered, RenderError> {
    let text = all_text(page);
    let missing = fonts.uncovered(&text);
    if !missing.is_empty() {
        let japanese = missing.iter().any(|&c| crate::breaks::is_cjk(c));
        return Err(RenderError::MissingGlyphs {
            chars: missing.iter().take(12).collect(),
            japanese,
        });
    }
    let families = fonts.families(page.lang);
    let data = Bytes::new(all_text(&crate::breaks::page(page)).into_bytes());
    let result = fit(&data, paper, &families, fonts, page);
    comemo::evict(10);
    let rendered = result?;
    // A character every font covers on its own can still print as a box
    // when no one font has it and the letter it is joined to: refuse the
    // page, as for a missing font, rather than print the box.
    let boxed = rendered.boxed_chars();
    if !boxed.is_empty() {
        return Err(RenderError::MissingGlyphs {
            japanese: boxed.iter().any(|&c| crate::breaks::is_cjk(c)),
            chars: boxed.into_iter().take(12).collect(),
        });
    }
    Ok(rendered)
}

fn fit(
    data: &Bytes,
    paper: Paper,
    families: &[String],
    fonts: &Fonts,
    page: &OnePager,
) -> Result<Rendered, RenderError> {
    let steps = ((START_PT - FLOOR_PT) / STEP_PT).round() as u32;
    for step in 0..=steps {
        let size_pt = START_PT - f64::from(step) * STEP_PT;
        let document = compile(fonts, data, inputs(paper, size_pt, families, "page"))?;
        if document.pages().len() == 1 {
            return Ok(Rendered { document, size_pt });
        }
    }
    Err(too_long(data, paper, families, fonts, page)?)
}

fn section_chars(page: &OnePager, key: &str) -> usize {
    let count = |s: &str| s.chars().count();
    match key {
        "title" => count(&page.title) + count(&page.promise),
        "audience" => count(&page.audience) + count(&page.platform),
        "problem" => count(&page.problem),
        "outcome" => count(&page.outcome) + count(&page.measured),
        "monthly" => page
            .deliverables
            .iter()
            .map(|d| count(&d.name) + count(&d.detail))
            .sum(),
        "price" => count(&page.price) + page.price_terms.iter().map(|s| count(s)).sum::<usize>(),
        "not_included" => page.not_included.iter().map(|s| count(s)).sum(),
        "how_to_start" => page.start_steps.iter().map(|s| count(s)).sum(),
        "slots" => count(&page.slots),
        _ => count(&page.contact),
    }
}

/// Measures how far past the page the text runs at the floor size, and which
/// section on the tallest path down the page is the longest.
fn too_long(
    data: &Bytes,
    paper: Paper,
    families: &[String],
    fonts: &Fonts,
    page: &OnePager,
) -> Result<RenderError, RenderError> {
    let tall = compile(fonts, data, inputs(paper, FLOOR_PT, families, "tall"))?;
    let needed = tall.pages().iter().map(|p| p.frame.size().y.to_pt()).sum::<f64>();
    let overflow = (needed - paper.height_pt()).max(1.0);
    let parts = compile(fonts, data, inputs(paper, FLOOR_PT, families, "measure"))?;
    let heights: Vec<f64> = parts.pages().iter().map(|p| p.frame.size().y.to_pt()).collect();
    let h = |key: &str| {
        // The template measures the sections in the order SECTIONS lists them.
        SECTIONS
            .iter()
            .position(|k| *k == key)
            .and_then(|i| heights.get(i))
            .copied()
            .unwrap_or(0.0)
    };
    let tallest = |keys: &[&'static str]| -> &'static str {
        keys.iter()
            .copied()
            .max_by(|a, b| h(a).total_cmp(&h(b)))
            .unwrap_or("monthly")
    };
    let row = tallest(&["audience", "problem", "outcome"]);
    let main = h("monthly") + h("how_to_start");
    let side = h("price") + h("not_included") + h("slots");
    let column = if main >= side {
        tallest(&["monthly", "how_to_start"])
    } else {
        tallest(&["price", "not_included", "slots"])
    };
    let section = tallest(&["title", row, column]);
    let line_pitch = FLOOR_PT * 1.35;
    let lines = (overflow / line_pitch).ceil().max(1.0) as u32;
    let share = (overflow / h(section).max(1.0)).min(1.0);
    let chars = (section_chars(page, section) as f64 * share).ceil() as u32;
    // Round up to a friendly figure: "about 40 characters".
    let chars = chars.div_ceil(10).max(1) * 10;
    Ok(RenderError::DoesNotFit {
        section: section.to_string(),
        lines,
        chars,
    })
}
