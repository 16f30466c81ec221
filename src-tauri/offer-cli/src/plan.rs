//! `plan FILE`: the economics and pilot dates of each offer in an exported
//! workspace, or of one offer JSON object (with optional "package" and "pilot").

use offerwright_core::locales::text;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use offerwright_core::app::exchange;
use offerwright_core::app::plan::{plan_of, PlanView};
use offerwright_core::domain::input::OfferInput;
use offerwright_core::domain::offer::OfferFields;
use offerwright_core::domain::package::PackageInput;
use offerwright_core::domain::pilot::PilotInput;
use offerwright_core::{CoreError, Lang};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct OneOffer {
    #[serde(default)]
    package: Option<PackageInput>,
    #[serde(default)]
    pilot: Option<PilotInput>,
    #[serde(flatten)]
    fields: OfferInput,
}

#[derive(Serialize)]
struct Planned {
    title: String,
    plan: PlanView,
}

fn plans(text: &str, lang: Lang) -> Result<Vec<Planned>, CoreError> {
    let bad = exchange::bad_json;
    let value: serde_json::Value = serde_json::from_str(text).map_err(bad)?;
    let offers: Vec<(OfferInput, Option<PackageInput>, Option<PilotInput>)> = if value.get("format").is_some() {
        exchange::parse(text)?
            .offers
            .into_iter()
            .map(|o| (o.fields, o.package, o.pilot))
            .collect()
    } else {
        let one: OneOffer = serde_json::from_value(value).map_err(bad)?;
        vec![(one.fields, one.package, one.pilot)]
    };
    offers
        .into_iter()
        .map(|(fields, package, pilot)| {
            let draft = OfferFields::try_from(&fields)?;
            let package = package.unwrap_or_else(PackageInput::starting_point);
            Ok(Planned {
                title: fields.title.clone(),
                plan: plan_of(&draft, &package, pilot.as_ref(), lang),
            })
        })
        .collect()
}

fn print(planned: &[Planned], lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| text(lang, key, values);
    for p in planned {
        writeln!(out, "{}", p.title)?;
        match &p.plan.economics {
            Some(e) => {
                writeln!(out, "  {}", e.sentence)?;
                let hours = e.minutes_per_client as f64 / 60.0;
                let hours = format!("{hours:.1}");
                let capacity = e.capacity_clients.map_or("—".into(), |c| c.to_string());
                let line = say(
                    "cli.out.hoursAndCapacity",
                    &[("hours", &hours), ("capacity", &capacity)],
                );
                writeln!(out, "  {line}")?;
                if e.slots_over_capacity {
                    writeln!(out, "  {}", say("cli.out.slotsOverCapacity", &[]))?;
                }
                if e.below_floor {
                    writeln!(out, "  {}", say("cli.out.belowFloor", &[]))?;
                }
            }
            None => writeln!(out, "  {}", say("cli.out.planUnreadable", &[]))?,
        }
        if let Some(s) = &p.plan.schedule {
            let reviews: Vec<String> = s.reviews.iter().map(|d| offerwright_core::locales::date(lang, *d)).collect();
            let reviews = reviews.join(&say("cli.out.listSeparator", &[]));
            let line = say(
                "cli.out.pilotDates",
                &[
                    ("start", &offerwright_core::locales::date(lang, s.start)),
                    ("end", &offerwright_core::locales::date(lang, s.end)),
                    ("reviews", &reviews),
                ],
            );
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}

pub fn run(file: &Path, json: bool, lang: Lang, out: &mut impl Write) -> ExitCode {
    let result = std::fs::read_to_string(file)
        .map_err(CoreError::Io)
        .and_then(|t| plans(&t, lang));
    let planned = match result {
        Ok(p) => p,
        Err(e) => {
            let at = e.field().map(|f| format!(" ({f})")).unwrap_or_default();
            eprintln!("offerwright-cli: {}{at}: {}", file.display(), e.message(lang));
            return ExitCode::FAILURE;
        }
    };
    if crate::output::emit(out, json, &planned, |out| print(&planned, lang, out)) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
