//! `onepager FILE --out OUT.pdf`: the one-pager of an offer in an exported
//! workspace, rendered exactly as the app renders it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use offerwright_core::app::data as whole_file;
use offerwright_core::app::exchange::import_json;
use offerwright_core::app::onepager::{onepager, OnePager};
use offerwright_core::{CoreError, Database, Lang};
use offerwright_onepager::{render, Fonts, Paper};

use crate::error::CliError;

fn page(file: &Path, position: usize, lang: Lang) -> Result<OnePager, CliError> {
    let text = std::fs::read_to_string(file).map_err(|e| CliError::Core(CoreError::Io(e)))?;
    // The file is read into a private in-memory workspace; nothing is written.
    let mut db = Database::open(Path::new(":memory:")).map_err(CliError::Core)?;
    import_json(&mut db, &text, Utc::now()).map_err(CliError::Core)?;
    let offers = offerwright_core::app::offers::list_offers(&db, lang).map_err(CliError::Core)?;
    let offer = offers.get(position - 1).ok_or(CliError::NoOffer {
        wanted: position,
        found: offers.len(),
    })?;
    onepager(&db, offer.id, lang).map_err(CliError::Core)
}

fn write(file: &Path, offer: usize, out_path: &Path, paper: Paper, svg: bool, lang: Lang) -> Result<f64, CliError> {
    if whole_file::same_file(file, out_path) {
        return Err(CliError::OutIsInput(out_path.to_path_buf()));
    }
    let page = page(file, offer, lang)?;
    let rendered = render(&page, paper, Fonts::system()).map_err(CliError::Render)?;
    let bytes = if svg {
        rendered.svg().into_bytes()
    } else {
        rendered.pdf().map_err(CliError::Render)?
    };
    whole_file::write_whole(out_path, &bytes).map_err(|error| CliError::Write {
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
            let size = format!("{size:.1}");
            let line = offerwright_core::locales::text(
                lang,
                "cli.out.wroteOnepager",
                &[("path", &out_path.display()), ("size", &size)],
            );
            if writeln!(out, "{line}").is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(failure @ (CliError::Write { .. } | CliError::OutIsInput(_))) => {
            eprintln!("offerwright-cli: {}", failure.message(lang));
            ExitCode::FAILURE
        }
        Err(failure) => {
            eprintln!("offerwright-cli: {}: {}", file.display(), failure.message(lang));
            ExitCode::FAILURE
        }
    }
}
