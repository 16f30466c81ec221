use offerwright_core::app::onepager::section_name;
use offerwright_core::{locales, Lang};

/// Why a one-pager could not be made. Each says what the user can do.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RenderError {
    /// Some characters have no font on this system; printing them would
    /// leave empty boxes.
    #[error("no font for {chars}")]
    MissingGlyphs { chars: String, japanese: bool },
    /// Still more than one page at the smallest readable type size.
    #[error("does not fit on one page: shorten {section} by about {lines} lines")]
    DoesNotFit { section: String, lines: u32, chars: u32 },
    /// The bundled template failed: a defect in Offerwright, not in the data.
    #[error("the one-pager template failed: {0}")]
    Template(String),
}

impl RenderError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RenderError::MissingGlyphs { chars, japanese } => {
                let key = if *japanese {
                    "render.noJapaneseFont"
                } else {
                    "render.noFont"
                };
                locales::text(lang, key, &[("chars", chars)])
            }
            RenderError::DoesNotFit { section, lines, chars } => locales::counted(
                lang,
                "render.doesNotFit",
                *lines as usize,
                &[("section", &section_name(section, lang)), ("chars", chars)],
            ),
            RenderError::Template(detail) => locales::text(lang, "render.template", &[("detail", detail)]),
        }
    }
}
