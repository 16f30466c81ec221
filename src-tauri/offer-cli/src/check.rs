//! `check FILE`: the focus check on an exported file, for scripts and CI.

use offerwright_core::locales::text;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use offerwright_core::app::exchange;
use offerwright_core::file_problem::place;
use offerwright_core::app::focus::{file_candidate_report, file_offer_report, FocusReport, Severity};
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
        report: file_candidate_report(c, lang),
    };
    let offer = |o: &OfferInput, package: Option<&PackageInput>, pilot: Option<&PilotInput>| Checked {
        kind: "offer",
        name: o.title.clone(),
        report: file_offer_report(o, package, pilot, lang),
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
    unreadable(offerwright_core::locales::text(lang, "cli.out.notCheckable", &[]))
}

fn print_text(checked: &[Checked], lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| text(lang, key, values);
    for c in checked {
        let kind = say(
            if c.kind == "offer" {
                "cli.out.offer"
            } else {
                "cli.out.candidate"
            },
            &[],
        );
        let verdict = match c.report.ready {
            true => say("cli.out.ready", &[]),
            false => {
                // A count of zero says nothing: 未完成（要修正1件）.
                let counts: Vec<String> = [
                    ("cli.out.countToFix", c.report.errors),
                    ("cli.out.countToReview", c.report.warnings),
                ]
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(key, n)| say(key, &[("n", &n)]))
                .collect();
                let counts = counts.join(&say("cli.out.countJoin", &[]));
                say("cli.out.notReady", &[("counts", &counts)])
            }
        };
        // Japanese quotes and colon in Japanese: 候補「…」：準備OK.
        let line = say("cli.out.recordLine", &[("kind", &kind), ("name", &c.name), ("verdict", &verdict)]);
        writeln!(out, "{line}")?;
        for f in &c.report.findings {
            let label = say(
                match f.severity {
                    Severity::Error => "cli.out.severityError",
                    Severity::Warning => "cli.out.severityWarning",
                    Severity::Tip => "cli.out.severityTip",
                },
                &[],
            );
            // The place in the file's own keys, as import errors name it; the
            // rule's code is for scripts, in --json.
            let at = place(lang, Some(&f.field), 0, 0);
            let finding = say("cli.out.finding", &[("label", &label), ("at", &at), ("message", &f.message)]);
            writeln!(out, "  {finding}")?;
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
