use rusqlite::{params, OptionalExtension};

use super::Database;
use crate::domain::candidate::Status;
use crate::domain::money::{Currency, Money};
use crate::domain::package::{Package, PackageInput};
use crate::domain::targets::Targets;
use crate::domain::pilot::{Decision, Pilot, PilotInput};
use crate::error::{CoreError, CoreResult};

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> CoreResult<String> {
    serde_json::to_string(value).map_err(|e| CoreError::Io(std::io::Error::other(e)))
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> CoreResult<T> {
    serde_json::from_str(text).map_err(|e| {
        CoreError::Storage(rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            Box::new(e),
        ))
    })
}

/// The two per-offer records kept here, each one JSON column in its own table.
#[derive(Clone, Copy)]
enum Part {
    Package,
    Pilot,
}

impl Part {
    fn table_and_column(self) -> (&'static str, &'static str) {
        match self {
            Part::Package => ("packages", "plan"),
            Part::Pilot => ("pilots", "pilot"),
        }
    }
}

fn read_part<T: serde::de::DeserializeOwned>(db: &Database, part: Part, offer_id: i64) -> CoreResult<Option<T>> {
    let (table, column) = part.table_and_column();
    let text: Option<String> = db
        .conn
        .query_row(
            &format!("SELECT {column} FROM {table} WHERE offer_id = ?1"),
            [offer_id],
            |r| r.get(0),
        )
        .optional()?;
    text.map(|t| from_json(&t)).transpose()
}

fn store_part<T: serde::Serialize>(tx: &rusqlite::Transaction, part: Part, offer_id: i64, value: &T) -> CoreResult<()> {
    let (table, column) = part.table_and_column();
    tx.execute(
        &format!(
            "INSERT INTO {table} (offer_id, {column}) VALUES (?1, ?2)
             ON CONFLICT (offer_id) DO UPDATE SET {column} = excluded.{column}"
        ),
        params![offer_id, to_json(value)?],
    )?;
    Ok(())
}

impl Database {
    /// The offer's package plan as the user last saved it.
    pub fn package(&self, offer_id: i64) -> CoreResult<Option<PackageInput>> {
        read_part(self, Part::Package, offer_id)
    }

    pub fn save_package(&mut self, offer_id: i64, plan: &Package) -> CoreResult<()> {
        self.get_offer(offer_id)?;
        self.write(|tx| store_package(tx, offer_id, plan))
    }

    /// The targets, with their income also written into the package of every
    /// offer priced in `currency` (an offer with no package yet gets the
    /// starting point with it), in one transaction: the target income is one
    /// number, whichever screen changes it.
    pub fn share_target_income(&mut self, targets: &Targets, currency: Currency) -> CoreResult<()> {
        let income = targets.monthly_income.filter(|m| m.currency() == currency);
        let mut packages = Vec::new();
        for offer in self.list_offers()? {
            if offer.fields.monthly_price.currency() != currency {
                continue;
            }
            let input = self.package(offer.id)?.unwrap_or_else(PackageInput::starting_point);
            // A stored plan this version cannot read is left as it is.
            let Ok(mut package) = Package::parse(&input, currency) else {
                continue;
            };
            package.target_income = income.unwrap_or_else(|| Money::zero(currency));
            packages.push((offer.id, package));
        }
        self.write(|tx| {
            super::settings::store_targets(tx, targets)?;
            for (id, package) in &packages {
                store_package(tx, *id, package)?;
            }
            Ok(())
        })
    }

    pub fn pilot(&self, offer_id: i64) -> CoreResult<Option<PilotInput>> {
        read_part(self, Part::Pilot, offer_id)
    }

    /// Saves the pilot. Once it has a decision, the candidate the offer was
    /// drafted from learns from it in the same transaction: every scored
    /// criterion's evidence rises to what the pilot showed, and go / adjust /
    /// stop make it chosen / testing / dropped.
    pub fn save_pilot(&mut self, offer_id: i64, pilot: &Pilot, now: chrono::DateTime<chrono::Utc>) -> CoreResult<()> {
        let offer = self.get_offer(offer_id)?;
        let candidate = match (offer.fields.candidate_id, pilot.evidence()) {
            (Some(id), Some(_)) => self.get_candidate(id).ok(),
            _ => None,
        };
        self.write(|tx| {
            store_pilot(tx, offer_id, pilot)?;
            if let (Some(mut candidate), Some(level), Some(decision)) =
                (candidate.clone(), pilot.evidence(), pilot.decision)
            {
                for id in candidate.fields.scores.keys().copied().collect::<Vec<_>>() {
                    let current = candidate.fields.evidence_for(id);
                    candidate.fields.evidence.insert(id, current.max(level));
                }
                candidate.fields.status = match decision {
                    Decision::Go => Status::Chosen,
                    Decision::Adjust => Status::Testing,
                    Decision::Stop => Status::Dropped,
                };
                super::candidates::rewrite_candidate(tx, candidate.id, &candidate.fields, now)?;
            }
            Ok(())
        })
    }
}

/// Stores a package plan inside a caller's transaction (also used by import).
pub(crate) fn store_package(tx: &rusqlite::Transaction, offer_id: i64, plan: &Package) -> CoreResult<()> {
    store_part(tx, Part::Package, offer_id, &plan.to_input())
}

/// Stores a pilot inside a caller's transaction (also used by import).
pub(crate) fn store_pilot(tx: &rusqlite::Transaction, offer_id: i64, pilot: &Pilot) -> CoreResult<()> {
    store_part(tx, Part::Pilot, offer_id, &pilot.to_input())
}

/// Removes an offer's package plan and pilot inside a caller's transaction,
/// for a restored version that had neither yet.
pub(crate) fn clear_package(tx: &rusqlite::Transaction, offer_id: i64) -> CoreResult<()> {
    tx.execute("DELETE FROM packages WHERE offer_id = ?1", [offer_id])?;
    Ok(())
}

pub(crate) fn clear_pilot(tx: &rusqlite::Transaction, offer_id: i64) -> CoreResult<()> {
    tx.execute("DELETE FROM pilots WHERE offer_id = ?1", [offer_id])?;
    Ok(())
}
