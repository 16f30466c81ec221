use offerwright_core::app::onepager::section_name;
use offerwright_core::Lang;

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
        match (self, lang) {
            (RenderError::MissingGlyphs { chars, japanese: true }, Lang::Ja) => format!(
                "日本語のフォントが見つからないため、1枚資料を作れません（{chars}）。Noto Sans CJK JP（Debian/Ubuntuではfonts-noto-cjk）、IPAexゴシック、ヒラギノ、游ゴシック、メイリオのどれかを入れてください。"
            ),
            (RenderError::MissingGlyphs { chars, japanese: true }, Lang::En) => format!(
                "No Japanese font was found, so the one-pager cannot show {chars}. Install Noto Sans CJK JP (fonts-noto-cjk on Debian/Ubuntu), IPAexGothic, Hiragino, Yu Gothic or Meiryo."
            ),
            (RenderError::MissingGlyphs { chars, japanese: false }, Lang::Ja) => {
                format!("この文字を表示できるフォントがありません：{chars}。文字を変えるか、対応するフォントを入れてください。")
            }
            (RenderError::MissingGlyphs { chars, japanese: false }, Lang::En) => format!(
                "No installed font can show {chars}. Replace those characters or install a font that has them."
            ),
            (RenderError::DoesNotFit { section, lines, chars }, Lang::Ja) => format!(
                "9ポイントまで文字を小さくしても1枚に収まりません。「{}」をあと{lines}行（約{chars}文字）短くしてください。",
                section_name(section, lang)
            ),
            (RenderError::DoesNotFit { section, lines, chars }, Lang::En) => format!(
                "Even at 9 pt the one-pager runs past one page. Shorten “{}” by about {lines} line{} (roughly {chars} characters).",
                section_name(section, lang),
                if *lines == 1 { "" } else { "s" }
            ),
            (RenderError::Template(detail), Lang::Ja) => {
                format!("1枚資料のテンプレートでエラーが起きました（Offerwrightの不具合です）：{detail}")
            }
            (RenderError::Template(detail), Lang::En) => {
                format!("The one-pager template failed (a defect in Offerwright): {detail}")
            }
        }
    }
}
