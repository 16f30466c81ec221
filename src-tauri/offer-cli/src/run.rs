//! Carrying out a command against the core.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;
use offerwright_core::app::data::{self as backup, DB_ENV_VAR};
use offerwright_core::app::exchange::{export_json_of, import_json, Selection};
use offerwright_core::app::problems;
use offerwright_core::locales::text;
use offerwright_core::{CoreError, Database, Lang};

use crate::args::{Action, Command};
use crate::error::CliError;

/// The language of messages: the locale variables, else English.
pub fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().as_deref().and_then(Lang::from_tag))
        .unwrap_or_default()
}

fn database_path(path: Option<PathBuf>) -> Result<PathBuf, CliError> {
    path.or_else(|| {
        std::env::var_os(DB_ENV_VAR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .ok_or(CliError::NoDatabase)
}

fn database(path: Option<PathBuf>) -> Result<Database, CliError> {
    Ok(Database::open(&database_path(path)?)?)
}

/// The database for a command that only reads: opened read-only, so it
/// works where the file or its folder cannot be written. A file that does not
/// exist yet, or one in an older format, is opened as for writing (created, or
/// brought up to date), which fails with a clear message only where that
/// write is impossible.
fn database_to_read(path: Option<PathBuf>) -> Result<Database, CliError> {
    let path = database_path(path)?;
    if !path.exists() {
        return Ok(Database::open(&path)?);
    }
    match Database::open_read_only(&path) {
        Err(CoreError::NeedsUpdate) => Database::open(&path).map_err(|e| match e {
            CoreError::ReadOnly => CoreError::NeedsUpdate.into(),
            other => other.into(),
        }),
        other => Ok(other?),
    }
}

pub fn execute(command: Command, env_lang: Lang, out: &mut impl Write) -> ExitCode {
    let lang = command.lang.unwrap_or(env_lang);
    if let Action::Check { file, json } = &command.action {
        return crate::check::run(file, *json, lang, out);
    }
    if let Action::Plan { file, json } = &command.action {
        return crate::plan::run(file, *json, lang, out);
    }
    if let Action::Onepager {
        file,
        out: out_path,
        paper,
        svg,
        offer,
    } = &command.action
    {
        return crate::onepager::run(file, out_path, *paper, *svg, *offer, lang, out);
    }
    if let Action::Compare { file, json, evidence } = &command.action {
        return crate::compare::run(file, *json, *evidence, lang, out);
    }
    match perform(command, lang, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("offerwright-cli: {}", error.message(lang));
            ExitCode::FAILURE
        }
    }
}

fn perform(command: Command, lang: Lang, out: &mut impl Write) -> Result<(), CliError> {
    match command.action {
        Action::Check { .. } | Action::Compare { .. } | Action::Plan { .. } | Action::Onepager { .. } => Ok(()),
        Action::Help(text) => Ok(write!(out, "{text}")?),
        Action::List { json } => {
            let db = database_to_read(command.db)?;
            list(&db, lang, json, out)
        }
        Action::Export {
            out: path,
            offer,
            candidate,
        } => {
            let db_path = database_path(command.db.clone())?;
            if backup::same_file(&path, &db_path) {
                return Err(CliError::OutIsInput(path));
            }
            let db = database_to_read(command.db)?;
            let selection = match (offer, candidate) {
                (Some(id), _) => Selection::Offer(id),
                (None, Some(id)) => Selection::Candidate(id),
                (None, None) => Selection::Workspace,
            };
            let text = export_json_of(&db, selection)?;
            backup::write_whole(&path, text.as_bytes())?;
            let done = offerwright_core::locales::text(lang, "cli.out.exported", &[("path", &path.display())]);
            Ok(writeln!(out, "{done}")?)
        }
        Action::Backups { json } => {
            let path = database_path(command.db)?;
            let backups = backup::list_backups(&path)?;
            let print = |out: &mut dyn Write| -> std::io::Result<()> {
                if backups.is_empty() {
                    writeln!(out, "{}", text(lang, "cli.out.noBackups", &[]))?;
                }
                for b in &backups {
                    writeln!(
                        out,
                        "{}  {:<16} {:>8} KiB  {}",
                        b.taken_at.format("%Y-%m-%d %H:%M:%S"),
                        format!("{:?}", b.reason),
                        b.bytes / 1024,
                        b.file_name
                    )?;
                }
                Ok(())
            };
            if json {
                Ok(writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&backups).unwrap_or_default()
                )?)
            } else {
                Ok(print(out)?)
            }
        }
        Action::Backup => {
            let db = database(command.db)?;
            let taken = backup::backup_now(&db, Utc::now())?;
            Ok(writeln!(out, "{}", taken.path.display())?)
        }
        Action::Restore { name } => {
            let path = database_path(command.db)?;
            let done = backup::restore(&path, &name, Utc::now())?;
            let restored = &done.restored.file_name;
            let done = match &done.kept {
                Some(kept) => text(
                    lang,
                    "cli.out.restoredKept",
                    &[("restored", restored), ("kept", &kept.file_name)],
                ),
                None => text(lang, "cli.out.restoredBeside", &[("restored", restored)]),
            };
            Ok(writeln!(out, "{done}")?)
        }
        Action::Import { file } => {
            let text = std::fs::read_to_string(&file)?;
            let mut db = database(command.db)?;
            let summary = import_json(&mut db, &text, Utc::now())?;
            let done = offerwright_core::locales::text(
                lang,
                "cli.out.imported",
                &[
                    ("criteria", &summary.criteria),
                    ("candidates", &summary.candidates),
                    ("offers", &summary.offers),
                    ("problems", &summary.problems),
                ],
            );
            Ok(writeln!(out, "{done}")?)
        }
    }
}

fn list(db: &Database, lang: Lang, json: bool, out: &mut impl Write) -> Result<(), CliError> {
    let ranked = offerwright_core::app::candidates::ranked_candidates(db, lang)?;
    let offer_views = offerwright_core::app::offers::list_offers(db, lang)?;
    let groups = problems::problem_groups(&db)?;
    let progress = offerwright_core::app::guide::progress(db, lang)?;
    if json {
        let value = serde_json::json!({
            "problems": groups,
            "candidates": ranked,
            "offers": offer_views,
            "path": progress,
        });
        let text = serde_json::to_string_pretty(&value).map_err(std::io::Error::other)?;
        return Ok(writeln!(out, "{text}")?);
    }
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| text(lang, key, values);
    writeln!(out, "{}", say("cli.out.problemsHeading", &[]))?;
    if groups.is_empty() {
        writeln!(out, "  {}", say("cli.out.empty", &[]))?;
    }
    for g in &groups {
        let score = g.opportunity.map_or("  –".to_string(), |s| format!("{s:>3}"));
        let heard = match g.times_heard {
            1 => String::new(),
            n => format!("  {}", say("cli.out.timesHeard", &[("n", &n)])),
        };
        writeln!(out, "  {score}/20  {}{heard}  (id {})", g.lead.fields.words, g.lead.id)?;
    }
    writeln!(out, "{}", say("cli.out.candidatesHeading", &[]))?;
    if ranked.is_empty() {
        writeln!(out, "  {}", say("cli.out.empty", &[]))?;
    }
    for c in &ranked {
        writeln!(
            out,
            "  #{:<3} {:>5.1}  [{}]  {}  (id {})",
            c.rank,
            f64::from(c.total.tenths()) / 10.0,
            c.status,
            c.name,
            c.id
        )?;
    }
    writeln!(out, "{}", say("cli.out.offersHeading", &[]))?;
    if offer_views.is_empty() {
        writeln!(out, "  {}", say("cli.out.empty", &[]))?;
    }
    let per_month = say("cli.out.perMonth", &[]);
    for o in &offer_views {
        writeln!(
            out,
            "  {}{per_month}  {}  (id {})",
            o.price_display, o.fields.title, o.id
        )?;
    }
    if let Some(next) = progress.steps.iter().find(|s| Some(s.step) == progress.next) {
        writeln!(out, "{}", say("cli.out.next", &[]))?;
        for m in &next.missing {
            writeln!(out, "  {m}")?;
        }
    }
    Ok(())
}
