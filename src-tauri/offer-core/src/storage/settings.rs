use rusqlite::OptionalExtension;

use super::Database;
use crate::error::CoreResult;
use crate::Lang;

const LANGUAGE: &str = "language";

impl Database {
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
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [LANGUAGE, lang.as_str()],
            )?;
            Ok(())
        })
    }
}
