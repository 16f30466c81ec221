use rusqlite::OptionalExtension;

use super::Database;
use crate::domain::money::{Currency, Money};
use crate::domain::targets::Targets;
use crate::error::CoreResult;
use crate::Lang;

const LANGUAGE: &str = "language";
const TARGET_INCOME: &str = "target_monthly_income";
const CLOSE_RATE: &str = "close_rate_percent";

impl Database {
    fn setting(&self, key: &str) -> CoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| row.get(0))
            .optional()?)
    }

    fn set_settings(&mut self, pairs: &[(&str, String)]) -> CoreResult<()> {
        self.write(|tx| store_settings(tx, pairs))
    }

    /// The income target and close rate behind the Fermi check.
    pub fn targets(&self) -> CoreResult<Targets> {
        // Stored as "JPY 300000"; a value this version cannot read counts as unset.
        let monthly_income = self.setting(TARGET_INCOME)?.and_then(|v| {
            let (code, minor) = v.split_once(' ')?;
            let currency = Currency::parse("currency", code).ok()?;
            Money::from_minor("target", minor.parse().ok()?, currency)
                .ok()
                .filter(|m| !m.is_zero())
        });
        let close_rate_percent = self
            .setting(CLOSE_RATE)?
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|r| (1..=100).contains(r))
            .unwrap_or(Targets::DEFAULT_CLOSE_RATE);
        Ok(Targets {
            monthly_income,
            close_rate_percent,
        })
    }

    pub fn set_targets(&mut self, targets: &Targets) -> CoreResult<()> {
        self.write(|tx| store_targets(tx, targets))
    }

    /// The language the user picked in the app, if any.
    pub fn language(&self) -> CoreResult<Option<Lang>> {
        let value: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [LANGUAGE], |row| {
                row.get(0)
            })
            .optional()?;
        Ok(value.and_then(|v| v.parse().ok()))
    }

    pub fn set_language(&mut self, lang: Lang) -> CoreResult<()> {
        self.set_settings(&[(LANGUAGE, lang.as_str().to_string())])
    }
}

fn store_settings(tx: &rusqlite::Transaction, pairs: &[(&str, String)]) -> CoreResult<()> {
    for (key, value) in pairs {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            rusqlite::params![key, value],
        )?;
    }
    Ok(())
}

/// Stores the targets inside a caller's transaction (also used when the
/// target income is shared with the packages).
pub(crate) fn store_targets(tx: &rusqlite::Transaction, targets: &Targets) -> CoreResult<()> {
    let income = targets
        .monthly_income
        .map_or(String::new(), |m| format!("{} {}", m.currency().code(), m.minor()));
    store_settings(
        tx,
        &[
            (TARGET_INCOME, income),
            (CLOSE_RATE, targets.close_rate_percent.to_string()),
        ],
    )
}
