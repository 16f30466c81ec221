//! Versions of an offer, taken on export, on print, and on demand.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::plans::{clear_package, clear_pilot, from_json, store_package, store_pilot, to_json};
use super::soft_delete::{touch, Table};
use super::{stored, time, Database};
use crate::domain::offer::{Offer, OfferFields};
use crate::domain::package::Package;
use crate::domain::pilot::Pilot;
use crate::domain::text::ShortText;
use crate::domain::version::{OfferVersion, VersionContent, VersionReason};
use crate::error::{CoreError, CoreResult};

const COLUMNS: &str = "id, offer_id, created_at, reason, label, content";

fn from_row(row: &Row) -> rusqlite::Result<(OfferVersion, String)> {
    let reason: String = row.get(3)?;
    let content: String = row.get(5)?;
    Ok((
        OfferVersion {
            id: row.get(0)?,
            offer_id: row.get(1)?,
            created_at: time::from_text(&row.get::<_, String>(2)?)?,
            reason: VersionReason::parse("reason", &reason).map_err(stored)?,
            label: row.get(4)?,
            content: VersionContent::default(),
        },
        content,
    ))
}

/// Stores a version inside a caller's transaction, unless it would repeat
/// the newest one. Returns its id when stored.
fn insert_version(
    tx: &rusqlite::Transaction,
    offer_id: i64,
    content: &VersionContent,
    reason: VersionReason,
    label: &ShortText,
    now: DateTime<Utc>,
) -> CoreResult<Option<i64>> {
    let newest: Option<(String, String)> = tx
        .query_row(
            "SELECT reason, content FROM offer_versions WHERE offer_id = ?1 ORDER BY created_at DESC, id DESC LIMIT 1",
            [offer_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    if let Some((newest_reason, newest_content)) = newest {
        let newest_reason =
            VersionReason::parse("reason", &newest_reason).map_err(|e| CoreError::Storage(stored(e)))?;
        if reason.skips_after(newest_reason) && from_json::<VersionContent>(&newest_content)? == *content {
            return Ok(None);
        }
    }
    tx.execute(
        "INSERT INTO offer_versions (offer_id, created_at, reason, label, content) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            offer_id,
            time::to_text(now),
            reason.as_str(),
            label.as_str(),
            to_json(content)?
        ],
    )?;
    Ok(Some(tx.last_insert_rowid()))
}

impl Database {
    /// The offer as it stands now, in the shape a version keeps.
    fn current_content(&self, offer_id: i64) -> CoreResult<VersionContent> {
        Ok(VersionContent {
            offer: self.get_offer(offer_id)?.fields.to_input(),
            package: self.package(offer_id)?,
            pilot: self.pilot(offer_id)?,
        })
    }

    fn load_versions(&self, filter: &str, args: impl rusqlite::Params) -> CoreResult<Vec<OfferVersion>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM offer_versions WHERE {filter} ORDER BY created_at DESC, id DESC"
        ))?;
        let rows: Vec<(OfferVersion, String)> = stmt.query_map(args, from_row)?.collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(mut v, content)| {
                v.content = from_json(&content)?;
                Ok(v)
            })
            .collect()
    }

    /// Whether any offer (not deleted) has had its one-pager exported or
    /// printed: a version with that reason exists.
    pub fn has_sent_onepager(&self) -> CoreResult<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM offer_versions v JOIN offers o ON o.id = v.offer_id AND o.deleted_at IS NULL
             WHERE v.reason IN (?1, ?2))",
            params![VersionReason::Exported.as_str(), VersionReason::Printed.as_str()],
            |row| row.get(0),
        )?)
    }

    /// An offer's versions, newest first.
    pub fn list_versions(&self, offer_id: i64) -> CoreResult<Vec<OfferVersion>> {
        self.get_offer(offer_id)?;
        self.load_versions("offer_id = ?1", [offer_id])
    }

    pub fn get_version(&self, id: i64) -> CoreResult<OfferVersion> {
        self.load_versions("id = ?1", [id])?
            .pop()
            .ok_or(CoreError::NotFound { what: "version", id })
    }

    /// Keeps the offer as it stands now. An automatic version is skipped when
    /// it would repeat the newest one (`VersionReason::skips_after`); a version
    /// the user asks for is always kept.
    pub fn take_version(
        &mut self,
        offer_id: i64,
        reason: VersionReason,
        label: &ShortText,
        now: DateTime<Utc>,
    ) -> CoreResult<Option<OfferVersion>> {
        let content = self.current_content(offer_id)?;
        let id = self.write(|tx| insert_version(tx, offer_id, &content, reason, label, now))?;
        id.map(|id| self.get_version(id)).transpose()
    }

    /// Renames a version.
    pub fn label_version(&mut self, id: i64, label: &ShortText) -> CoreResult<OfferVersion> {
        self.get_version(id)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE offer_versions SET label = ?2 WHERE id = ?1",
                params![id, label.as_str()],
            )?;
            Ok(())
        })?;
        self.get_version(id)
    }

    /// Makes a version the offer's current draft again, as one more edit.
    /// The draft it replaces is kept as a version first, so nothing is lost.
    pub fn restore_version(&mut self, id: i64, now: DateTime<Utc>) -> CoreResult<Offer> {
        let version = self.get_version(id)?;
        let offer_id = version.offer_id;
        let content = version.content;
        // Checked before anything is written: a version that no longer
        // validates (hand-edited file) is refused whole.
        let mut offer = content.offer.clone();
        // A link to a candidate deleted since is not brought back.
        if let Some(candidate) = offer.candidate_id {
            if self.get_candidate(candidate).is_err() {
                offer.candidate_id = None;
            }
        }
        let draft = OfferFields::try_from(&offer)?;
        let currency = draft.monthly_price.currency();
        let package = content
            .package
            .as_ref()
            .map(|p| Package::parse(p, currency))
            .transpose()?;
        let pilot = content.pilot.as_ref().map(|p| Pilot::parse(p, currency)).transpose()?;
        let current = self.current_content(offer_id)?;
        // The draft being replaced is kept in the same transaction as the restore.
        self.write(|tx| {
            insert_version(
                tx,
                offer_id,
                &current,
                VersionReason::BeforeRestore,
                &ShortText::default(),
                now,
            )?;
            super::offers::rewrite_offer(tx, offer_id, &draft)?;
            match &package {
                Some(plan) => store_package(tx, offer_id, plan)?,
                None => clear_package(tx, offer_id)?,
            }
            match &pilot {
                Some(pilot) => store_pilot(tx, offer_id, pilot)?,
                None => clear_pilot(tx, offer_id)?,
            }
            touch(tx, Table::Offers, offer_id, None, now)
        })?;
        self.get_offer(offer_id)
    }

    /// What a version of an offer holds; `None` is the current draft. A
    /// version of another offer is not found.
    pub fn version_content(&self, offer_id: i64, version: Option<i64>) -> CoreResult<VersionContent> {
        match version {
            None => self.current_content(offer_id),
            Some(id) => {
                let v = self.get_version(id)?;
                if v.offer_id != offer_id {
                    return Err(CoreError::NotFound { what: "version", id });
                }
                Ok(v.content)
            }
        }
    }

    /// A candidate's name, deleted or not, as versions name the candidate
    /// they were written for.
    pub fn candidate_name(&self, id: i64) -> Option<String> {
        self.conn
            .query_row("SELECT name FROM candidates WHERE id = ?1", [id], |row| row.get(0))
            .ok()
    }
}
