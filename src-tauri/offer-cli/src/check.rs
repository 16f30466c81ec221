//! `check FILE`: the focus check on an exported file, for scripts and CI.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use offerwright_core::analysis::focus::{check_candidate, check_offer, check_plan, FocusReport, Severity};
use offerwright_core::app::exchange;
use offerwright_core::domain::input::{CandidateInput, OfferInput};
use offerwright_core::domain::package::PackageInput;
use offerwright_core::domain::pilot::PilotInput;
use offerwright_core::{CoreError, Lang};
use serde::Serialize;

/// Exit codes promised to scripts.
pub const READY: u8 = 0;
pub const NOT_READY: u8 = 1;
pub const UNREADABLE: u8 = 2;

#[derive(Serialize)]
struct Checked {
    kind: &'static str,
    name: String,
    report: FocusReport,
}

fn unreadable(message: String) -> Result<Vec<Checked>, String> {
    Err(message)
}

/// Reads a workspace file (every candidate and offer in it), or one offer or
/// candidate record.
fn checks(text: &str, lang: Lang) -> Result<Vec<Checked>, String> {
    // A workspace file is read exactly as import reads it (no generic JSON
    // value first: that reader stops at a shallower nesting than import's).
    #[derive(serde::Deserialize)]
    struct Kind {
        format: Option<serde::de::IgnoredAny>,
    }
    let kind: Kind = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|e| exchange::bad_json(e).message(lang))?;
    let candidate = |c: &CandidateInput| Checked {
        kind: "candidate",
        name: c.name.clone(),
        report: FocusReport::new(check_candidate(c, lang), &[]),
    };
    let offer = |o: &OfferInput, package: Option<&PackageInput>, pilot: Option<&PilotInput>| {
        let mut findings = check_offer(o, lang);
        findings.extend(check_plan(o, package, pilot, lang));
        Checked {
            kind: "offer",
            name: o.title.clone(),
            report: FocusReport::new(findings, &[]),
        }
    };
    let shape_error = |e: serde_json::Error| exchange::bad_json(e).message(lang);
    if kind.format.is_some() {
        let file = exchange::parse(text).map_err(|e| e.message(lang))?;
        let mut out: Vec<Checked> = file.candidates.iter().map(|c| candidate(&c.fields)).collect();
        out.extend(
            file.offers
                .iter()
                .map(|o| offer(&o.fields, o.package.as_ref(), o.pilot.as_ref())),
        );
        return Ok(out);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| exchange::bad_json(e).message(lang))?;
    if value.get("title").is_some() {
        let part = |key: &str| value.get(key).cloned();
        let package: Option<PackageInput> = part("package")
            .map(serde_json::from_value)
            .transpose()
            .map_err(shape_error)?;
        let pilot: Option<PilotInput> = part("pilot")
            .map(serde_json::from_value)
            .transpose()
            .map_err(shape_error)?;
        let input: OfferInput = serde_json::from_value(value).map_err(shape_error)?;
        return Ok(vec![offer(&input, package.as_ref(), pilot.as_ref())]);
    }
    if value.get("name").is_some() {
        let input: CandidateInput = serde_json::from_value(value).map_err(shape_error)?;
        return Ok(vec![candidate(&input)]);
    }
    unreadable(
        lang.pick(
            "オファー（title）か候補（name）、またはOfferwrightの書き出しファイルではありません。",
            "This is not an offer (title), a candidate (name) or an Offerwright export.",
        )
        .to_string(),
    )
}

fn print_text(checked: &[Checked], lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    for c in checked {
        let kind = match (c.kind, lang) {
            ("offer", Lang::Ja) => "オファー",
            ("offer", Lang::En) => "Offer",
            (_, Lang::Ja) => "候補",
            (_, Lang::En) => "Candidate",
        };
        let verdict = match (c.report.ready, lang) {
            (true, Lang::Ja) => "準備OK".to_string(),
            (true, Lang::En) => "ready".to_string(),
            (false, Lang::Ja) => format!("未完成（要修正{}件・確認{}件）", c.report.errors, c.report.warnings),
            (false, Lang::En) => format!(
                "not ready ({} to fix, {} to review)",
                c.report.errors, c.report.warnings
            ),
        };
        writeln!(out, "{kind} \u{201c}{}\u{201d}: {verdict}", c.name)?;
        for f in &c.report.findings {
            let label = match (f.severity, lang) {
                (Severity::Error, Lang::Ja) => "要修正",
                (Severity::Error, Lang::En) => "fix",
                (Severity::Warning, Lang::Ja) => "確認",
                (Severity::Warning, Lang::En) => "check",
                (Severity::Tip, Lang::Ja) => "ヒント",
                (Severity::Tip, Lang::En) => "tip",
            };
            writeln!(out, "  [{label}] {} ({}): {}", f.field, f.code.as_str(), f.message)?;
            writeln!(out, "      → {}", f.suggestion)?;
        }
    }
    Ok(())
}

pub fn run(file: &Path, json: bool, lang: Lang, out: &mut impl Write) -> ExitCode {
    let result = std::fs::read_to_string(file)
        .map_err(|e| CoreError::Io(e).message(lang))
        .and_then(|text| checks(&text, lang));
    let checked = match result {
        Ok(checked) => checked,
        Err(message) => {
            eprintln!("offerwright-cli: {}: {message}", file.display());
            return ExitCode::from(UNREADABLE);
        }
    };
    if !crate::output::emit(out, json, &checked, |out| print_text(&checked, lang, out)) {
        return ExitCode::from(UNREADABLE);
    }
    ExitCode::from(if checked.iter().all(|c| c.report.ready) {
        READY
    } else {
        NOT_READY
    })
}
