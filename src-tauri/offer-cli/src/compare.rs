//! `compare FILE`: the ranking and robustness of an exported workspace.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use offerwright_core::analysis::compare::{SAMPLES, SEED};
use offerwright_core::analysis::robustness::CLEAR_MARGIN_POINTS;
use offerwright_core::app::compare::{analyse, Analysis};
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
    let heading = match (a.comparison.mode, lang) {
        (Mode::Raw, Lang::Ja) => "順位（点数そのまま）",
        (Mode::Raw, Lang::En) => "Ranking (raw scores)",
        (Mode::Evidence, Lang::Ja) => "順位（根拠の強さを反映）",
        (Mode::Evidence, Lang::En) => "Ranking (evidence-adjusted)",
    };
    writeln!(out, "{heading}")?;
    for c in &a.comparison.candidates {
        let f = &a.fermi[&c.id];
        let fermi = match (f.clients_needed, f.leads_needed, lang) {
            (Some(cl), Some(le), Lang::Ja) => format!("  顧客{cl}人・見込み客{le}人"),
            (Some(cl), Some(le), Lang::En) => format!("  {cl} clients, {le} leads"),
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
        let verdict = match (r.clear_winner, lang) {
            (true, Lang::Ja) => "はっきりした首位".to_string(),
            (true, Lang::En) => "a clear winner".to_string(),
            (false, Lang::Ja) => format!("差が{CLEAR_MARGIN_POINTS}点未満：はっきりした首位なし"),
            (false, Lang::En) => format!("under {CLEAR_MARGIN_POINTS} points: no clear winner"),
        };
        match lang {
            Lang::Ja => writeln!(
                out,
                "首位：{}（2位の{}に100点中{m:.1}点差、{verdict}）",
                name(&w),
                name(&ru)
            )?,
            Lang::En => writeln!(
                out,
                "First: {} ({m:.1} of 100 points ahead of {}; {verdict})",
                name(&w),
                name(&ru)
            )?,
        }
    }
    writeln!(
        out,
        "{}",
        lang.pick("首位が入れ替わる重み", "Weight that would flip first place")
    )?;
    for f in &r.weight_flips {
        let label = labels.get(&f.criterion_id).copied().unwrap_or("?");
        let flip = match (f.flips_at, f.new_winner, lang) {
            (Some(at), Some(to), Lang::Ja) => format!("{} → {at}で{}が首位", f.weight, name(&to)),
            (Some(at), Some(to), Lang::En) => format!("{} → {at}: {} comes first", f.weight, name(&to)),
            (_, _, Lang::Ja) => "0〜10の範囲では入れ替わらない".to_string(),
            (_, _, Lang::En) => "none within 0–10".to_string(),
        };
        writeln!(out, "  {label}: {flip}")?;
    }
    writeln!(
        out,
        "{}",
        lang.pick(
            "首位が入れ替わる1点の変化",
            "One-point score changes that flip first place"
        )
    )?;
    if r.score_flips.is_empty() {
        writeln!(out, "  {}", lang.pick("なし", "none"))?;
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
    match lang {
        Lang::Ja => writeln!(
            out,
            "重みを×0.5〜×1.5で{SAMPLES}回ゆらしたときの首位の割合（シード{SEED}）"
        )?,
        Lang::En => writeln!(
            out,
            "First place when weights are jostled ×0.5–×1.5, {SAMPLES} samples (seed {SEED})"
        )?,
    }
    for s in &r.win_shares {
        writeln!(out, "  {:>5.1} %  {}", s.percent, name(&s.candidate_id))?;
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
