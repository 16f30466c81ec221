//! `onepager FILE --out OUT.pdf`: the one-pager of an offer in an exported
//! workspace, rendered exactly as the app renders it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Utc;
use offerwright_core::app::exchange::import_json;
use offerwright_core::app::onepager::{onepager, OnePager};
use offerwright_core::storage::whole_file;
use offerwright_core::{CoreError, Database, Lang};
use offerwright_onepager::{render, Fonts, Paper, RenderError};

enum Failure {
    Core(CoreError),
    Render(RenderError),
    NoOffer {
        wanted: usize,
        found: usize,
    },
    /// The page could not be written where --out says.
    Write {
        out: PathBuf,
        error: std::io::Error,
    },
    OutIsInput(PathBuf),
}

impl Failure {
    fn message(&self, lang: Lang) -> String {
        match self {
            Failure::Core(e) => crate::output::core_message(e, lang),
            Failure::Render(e) => e.message(lang),
            Failure::Write { out, error } => match lang {
                Lang::Ja => format!("{}に書き出せません：{error}", out.display()),
                Lang::En => format!("Could not write {}: {error}", out.display()),
            },
            Failure::OutIsInput(out) => crate::output::out_is_input_message(out, lang),
            Failure::NoOffer { wanted, found } => match lang {
                Lang::Ja => format!("{wanted}番目のオファーはありません（このファイルには{found}件）。"),
                Lang::En => format!("There is no offer {wanted}; the file has {found}."),
            },
        }
    }
}

fn page(file: &Path, position: usize, lang: Lang) -> Result<OnePager, Failure> {
    let text = std::fs::read_to_string(file).map_err(|e| Failure::Core(CoreError::Io(e)))?;
    // The file is read into a private in-memory workspace; nothing is written.
    let mut db = Database::open(Path::new(":memory:")).map_err(Failure::Core)?;
    import_json(&mut db, &text, Utc::now()).map_err(Failure::Core)?;
    let offers = db.list_offers().map_err(Failure::Core)?;
    let offer = offers.get(position - 1).ok_or(Failure::NoOffer {
        wanted: position,
        found: offers.len(),
    })?;
    onepager(&db, offer.id, lang).map_err(Failure::Core)
}

fn write(file: &Path, offer: usize, out_path: &Path, paper: Paper, svg: bool, lang: Lang) -> Result<f64, Failure> {
    if whole_file::same_file(file, out_path) {
        return Err(Failure::OutIsInput(out_path.to_path_buf()));
    }
    let page = page(file, offer, lang)?;
    let rendered = render(&page, paper, Fonts::system()).map_err(Failure::Render)?;
    let bytes = if svg {
        rendered.svg().into_bytes()
    } else {
        rendered.pdf().map_err(Failure::Render)?
    };
    whole_file::write_whole(out_path, &bytes).map_err(|error| Failure::Write {
        out: out_path.to_path_buf(),
        error,
    })?;
    Ok(rendered.size_pt)
}

pub fn run(
    file: &Path,
    out_path: &Path,
    paper: Paper,
    svg: bool,
    offer: Option<usize>,
    lang: Lang,
    out: &mut impl Write,
) -> ExitCode {
    match write(file, offer.unwrap_or(1), out_path, paper, svg, lang) {
        Ok(size) => {
            let line = match lang {
                Lang::Ja => format!("{}に書き出しました（{size:.1}ポイント、1枚）。", out_path.display()),
                Lang::En => format!("Wrote {} (one page, {size:.1} pt).", out_path.display()),
            };
            if writeln!(out, "{line}").is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(failure @ (Failure::Write { .. } | Failure::OutIsInput(_))) => {
            eprintln!("offerwright-cli: {}", failure.message(lang));
            ExitCode::FAILURE
        }
        Err(failure) => {
            eprintln!("offerwright-cli: {}: {}", file.display(), failure.message(lang));
            ExitCode::FAILURE
        }
    }
}
