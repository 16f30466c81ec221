//! `compare FILE`: the ranking and robustness of an exported workspace.

use offerwright_core::locales::text;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use offerwright_core::app::compare::{analyse, Analysis, CLEAR_MARGIN_POINTS, SAMPLES, SEED};
use offerwright_core::app::exchange::import_json;
use offerwright_core::domain::evidence::Mode;
use offerwright_core::{CoreError, Database, Lang};

fn load(file: &Path, mode: Mode, lang: Lang) -> Result<Analysis, CoreError> {
    let text = std::fs::read_to_string(file)?;
    // The file is analysed in a private in-memory workspace; nothing is written.
    let mut db = Database::open(Path::new(":memory:"))?;
    import_json(&mut db, &text, Utc::now())?;
    analyse(&db, None, lang, mode)
}

fn print(a: &Analysis, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let names: HashMap<i64, &str> = a
        .comparison
        .candidates
        .iter()
        .map(|c| (c.id, c.name.as_str()))
        .collect();
    let labels: HashMap<i64, &str> = a.comparison.criteria.iter().map(|c| (c.id, c.label.as_str())).collect();
    let name = |id: &i64| names.get(id).copied().unwrap_or("?");
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| text(lang, key, values);
    let heading = match a.comparison.mode {
        Mode::Raw => say("cli.out.rankingRaw", &[]),
        Mode::Evidence => say("cli.out.rankingEvidence", &[]),
    };
    writeln!(out, "{heading}")?;
    for c in &a.comparison.candidates {
        let f = &a.fermi[&c.id];
        let fermi = match (f.clients_needed, f.leads_needed) {
            (Some(cl), Some(le)) => format!("  {}", say("cli.out.fermi", &[("clients", &cl), ("leads", &le)])),
            _ => String::new(),
        };
        writeln!(
            out,
            "  #{:<3} {:>5.1}  {}{fermi}",
            c.rank,
            f64::from(c.total.tenths()) / 10.0,
            c.name
        )?;
    }
    let Some(r) = &a.comparison.robustness else {
        return Ok(());
    };
    if let (Some(w), Some(ru), Some(m)) = (r.winner, r.runner_up, r.margin_points) {
        let verdict = match r.clear_winner {
            true => say("cli.out.clearWinner", &[]),
            false => say("cli.out.noClearWinner", &[("points", &CLEAR_MARGIN_POINTS)]),
        };
        let margin = format!("{m:.1}");
        let first = say(
            "cli.out.first",
            &[
                ("winner", &name(&w)),
                ("runnerUp", &name(&ru)),
                ("margin", &margin),
                ("verdict", &verdict),
            ],
        );
        writeln!(out, "{first}")?;
    }
    writeln!(out, "{}", say("cli.out.weightFlips", &[]))?;
    for f in &r.weight_flips {
        let label = labels.get(&f.criterion_id).copied().unwrap_or("?");
        let flip = match (f.flips_at, f.new_winner) {
            (Some(at), Some(to)) => say(
                "cli.out.weightFlip",
                &[("weight", &f.weight), ("at", &at), ("winner", &name(&to))],
            ),
            _ => say("cli.out.noWeightFlip", &[]),
        };
        writeln!(out, "  {label}: {flip}")?;
    }
    writeln!(out, "{}", say("cli.out.scoreFlips", &[]))?;
    if r.score_flips.is_empty() {
        writeln!(out, "  {}", say("cli.out.none", &[]))?;
    }
    for f in &r.score_flips {
        let label = labels.get(&f.criterion_id).copied().unwrap_or("?");
        writeln!(
            out,
            "  {} · {label}: {} → {} ⇒ {}",
            name(&f.candidate_id),
            f.from,
            f.to,
            name(&f.new_winner)
        )?;
    }
    writeln!(
        out,
        "{}",
        say("cli.out.winShares", &[("samples", &SAMPLES), ("seed", &SEED)])
    )?;
    for s in &r.win_shares {
        let share = offerwright_core::locales::percent(s.percent);
        writeln!(out, "  {share:>6}  {}", name(&s.candidate_id))?;
    }
    Ok(())
}

pub fn run(file: &Path, json: bool, evidence: bool, lang: Lang, out: &mut impl Write) -> ExitCode {
    let mode = if evidence { Mode::Evidence } else { Mode::Raw };
    let analysis = match load(file, mode, lang) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("offerwright-cli: {}: {}", file.display(), e.message(lang));
            return ExitCode::FAILURE;
        }
    };
    if crate::output::emit(out, json, &analysis, |out| print(&analysis, lang, out)) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
