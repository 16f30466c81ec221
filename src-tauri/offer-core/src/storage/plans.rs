use rusqlite::{params, OptionalExtension};

use super::Database;
use crate::candidate::Status;
use crate::economics::{PackageInput, PackagePlan};
use crate::error::{CoreError, CoreResult};
use crate::pilot::{Decision, Pilot, PilotInput};

fn to_json<T: serde::Serialize>(value: &T) -> CoreResult<String> {
    serde_json::to_string(value).map_err(|e| CoreError::Io(std::io::Error::other(e)))
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> CoreResult<T> {
    serde_json::from_str(text).map_err(|e| {
        CoreError::Storage(rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            Box::new(e),
        ))
    })
}

impl Database {
    /// The offer's package plan as the user last saved it.
    pub fn package(&self, offer_id: i64) -> CoreResult<Option<PackageInput>> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT plan FROM packages WHERE offer_id = ?1", [offer_id], |r| {
                r.get(0)
            })
            .optional()?;
        text.map(|t| from_json(&t)).transpose()
    }

    pub fn save_package(&mut self, offer_id: i64, plan: &PackagePlan) -> CoreResult<()> {
        self.get_offer(offer_id)?;
        self.write(|tx| store_package(tx, offer_id, plan))
    }

    pub fn pilot(&self, offer_id: i64) -> CoreResult<Option<PilotInput>> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT pilot FROM pilots WHERE offer_id = ?1", [offer_id], |r| r.get(0))
            .optional()?;
        text.map(|t| from_json(&t)).transpose()
    }

    /// Saves the pilot. Once it has a decision, the candidate the offer was
    /// drafted from learns from it in the same transaction: every scored
    /// criterion's evidence rises to what the pilot showed, and go / adjust /
    /// stop make it chosen / testing / dropped.
    pub fn save_pilot(&mut self, offer_id: i64, pilot: &Pilot, now: chrono::DateTime<chrono::Utc>) -> CoreResult<()> {
        let offer = self.get_offer(offer_id)?;
        let candidate = match (offer.draft.candidate_id, pilot.evidence()) {
            (Some(id), Some(_)) => self.get_candidate(id).ok(),
            _ => None,
        };
        self.write(|tx| {
            store_pilot(tx, offer_id, pilot)?;
            if let (Some(mut candidate), Some(level), Some(decision)) = (candidate, pilot.evidence(), pilot.decision) {
                for id in candidate.draft.scores.keys().copied().collect::<Vec<_>>() {
                    let current = candidate.draft.evidence_for(id);
                    candidate.draft.evidence.insert(id, current.max(level));
                }
                candidate.draft.status = match decision {
                    Decision::Go => Status::Chosen,
                    Decision::Adjust => Status::Testing,
                    Decision::Stop => Status::Dropped,
                };
                super::candidates::rewrite_candidate(tx, candidate.id, &candidate.draft, now)?;
            }
            Ok(())
        })
    }
}

/// Stores a package plan inside a caller's transaction (also used by import).
pub(crate) fn store_package(tx: &rusqlite::Transaction, offer_id: i64, plan: &PackagePlan) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO packages (offer_id, plan) VALUES (?1, ?2)
         ON CONFLICT (offer_id) DO UPDATE SET plan = excluded.plan",
        params![offer_id, to_json(&plan.to_input())?],
    )?;
    Ok(())
}

/// Stores a pilot inside a caller's transaction (also used by import).
pub(crate) fn store_pilot(tx: &rusqlite::Transaction, offer_id: i64, pilot: &Pilot) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO pilots (offer_id, pilot) VALUES (?1, ?2)
         ON CONFLICT (offer_id) DO UPDATE SET pilot = excluded.pilot",
        params![offer_id, to_json(&pilot.to_input())?],
    )?;
    Ok(())
}
