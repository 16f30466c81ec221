use chrono::{DateTime, Utc};
use rusqlite::{params, Row, Transaction};

use super::soft_delete::{Editable, Table};
use super::{stored, time, Database};
use crate::domain::input::{DeliverableInput, OfferInput};
use crate::domain::offer::{minutes_to_hours_text, Offer, OfferFields};
use crate::error::{CoreError, CoreResult, ValidationError, ValidationKind};

const COLUMNS: &str = "id, revision, created_at, updated_at, candidate_id, title, promise, price_minor, currency, \
     minimum_term_months, success_metric, contact";

/// The offer's own row, before its lists are read. The price travels as
/// minor units, so it is rebuilt exactly.
struct OfferRow {
    id: i64,
    revision: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    input: OfferInput,
}

fn from_row(row: &Row) -> rusqlite::Result<OfferRow> {
    let price_minor: i64 = row.get(7)?;
    let currency: String = row.get(8)?;
    let money = crate::domain::money::Currency::parse("currency", &currency)
        .and_then(|c| crate::domain::money::Money::from_minor("price", price_minor, c))
        .map_err(stored)?;
    Ok(OfferRow {
        id: row.get(0)?,
        revision: row.get(1)?,
        created_at: time::from_text(&row.get::<_, String>(2)?)?,
        updated_at: time::from_text(&row.get::<_, String>(3)?)?,
        input: OfferInput {
            candidate_id: row.get(4)?,
            title: row.get(5)?,
            promise: row.get(6)?,
            deliverables: Vec::new(),
            out_of_scope: Vec::new(),
            price: money.to_plain(),
            currency,
            minimum_term_months: row.get(9)?,
            success_metric: row.get(10)?,
            contact: row.get(11)?,
        },
    })
}

fn write_fields(tx: &Transaction, id: i64, draft: &OfferFields) -> CoreResult<()> {
    if let Some(candidate_id) = draft.candidate_id {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM candidates WHERE id = ?1)",
            [candidate_id],
            |row| row.get(0),
        )?;
        if !known {
            return Err(ValidationError::new("candidate_id", ValidationKind::InvalidChoice).into());
        }
    }
    tx.execute(
        "UPDATE offers SET candidate_id = ?2, title = ?3, promise = ?4, price_minor = ?5, currency = ?6,
             minimum_term_months = ?7, success_metric = ?8, contact = ?9
         WHERE id = ?1",
        params![
            id,
            draft.candidate_id,
            draft.title.as_str(),
            draft.promise.as_str(),
            draft.monthly_price.minor(),
            draft.monthly_price.currency().code(),
            draft.minimum_term_months,
            draft.success_metric.as_str(),
            draft.contact.as_str(),
        ],
    )?;
    tx.execute("DELETE FROM deliverables WHERE offer_id = ?1", [id])?;
    tx.execute("DELETE FROM out_of_scope WHERE offer_id = ?1", [id])?;
    let mut insert = tx.prepare(
        "INSERT INTO deliverables (offer_id, position, name, quantity_per_month, turnaround_days, minutes_each)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, d) in draft.deliverables.iter().enumerate() {
        insert.execute(params![
            id,
            position as i64,
            d.name.as_str(),
            d.quantity_per_month,
            d.turnaround_days,
            d.minutes_each
        ])?;
    }
    let mut insert = tx.prepare("INSERT INTO out_of_scope (offer_id, position, text) VALUES (?1, ?2, ?3)")?;
    for (position, text) in draft.out_of_scope.iter().enumerate() {
        insert.execute(params![id, position as i64, text.as_str()])?;
    }
    Ok(())
}

/// Rewrites an offer's fields inside a caller's transaction; the caller
/// marks the revision.
pub(crate) fn rewrite_offer(tx: &Transaction, id: i64, draft: &OfferFields) -> CoreResult<()> {
    write_fields(tx, id, draft)
}

/// Inserts an offer inside a caller's transaction (also used by import).
pub(crate) fn insert_offer(
    tx: &Transaction,
    draft: &OfferFields,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> CoreResult<i64> {
    tx.execute(
        "INSERT INTO offers (title, currency, minimum_term_months, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            draft.title.as_str(),
            draft.monthly_price.currency().code(),
            draft.minimum_term_months,
            time::to_text(created_at),
            time::to_text(updated_at)
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_fields(tx, id, draft)?;
    Ok(id)
}

impl Database {
    fn load_offers(&self, filter: &str, args: impl rusqlite::Params) -> CoreResult<Vec<Offer>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM offers WHERE deleted_at IS NULL {filter} ORDER BY created_at, id"
        ))?;
        let rows: Vec<OfferRow> = stmt.query_map(args, from_row)?.collect::<Result<_, _>>()?;
        let mut deliverables = self.conn.prepare(
            "SELECT name, quantity_per_month, turnaround_days, minutes_each FROM deliverables
             WHERE offer_id = ?1 ORDER BY position",
        )?;
        let mut scope = self
            .conn
            .prepare("SELECT text FROM out_of_scope WHERE offer_id = ?1 ORDER BY position")?;
        let mut offers = Vec::with_capacity(rows.len());
        for mut row in rows {
            let stored_deliverables: Vec<(DeliverableInput, u32)> = deliverables
                .query_map([row.id], |r| {
                    let minutes: u32 = r.get(3)?;
                    let input = DeliverableInput {
                        name: r.get(0)?,
                        quantity_per_month: r.get(1)?,
                        turnaround_days: r.get(2)?,
                        hours_each: minutes_to_hours_text(minutes),
                    };
                    Ok((input, minutes))
                })?
                .collect::<Result<_, _>>()?;
            row.input.deliverables = stored_deliverables.iter().map(|(d, _)| d.clone()).collect();
            row.input.out_of_scope = scope.query_map([row.id], |r| r.get(0))?.collect::<Result<_, _>>()?;
            let mut draft = OfferFields::try_from(&row.input).map_err(|e| CoreError::Storage(stored(e)))?;
            // Hours text is rounded to hundredths; keep the stored minutes exact.
            for (d, (_, minutes)) in draft.deliverables.iter_mut().zip(&stored_deliverables) {
                d.minutes_each = *minutes;
            }
            offers.push(Offer {
                id: row.id,
                revision: row.revision,
                fields: draft,
                created_at: row.created_at,
                updated_at: row.updated_at,
            });
        }
        Ok(offers)
    }

    /// Offers not deleted, oldest first.
    pub fn list_offers(&self) -> CoreResult<Vec<Offer>> {
        self.load_offers("", [])
    }

    pub fn get_offer(&self, id: i64) -> CoreResult<Offer> {
        self.load_offers("AND id = ?1", [id])?
            .pop()
            .ok_or(CoreError::NotFound { what: "offer", id })
    }

    pub fn create_offer(&mut self, draft: &OfferFields, now: DateTime<Utc>) -> CoreResult<Offer> {
        let id = self.write(|tx| insert_offer(tx, draft, now, now))?;
        self.get_offer(id)
    }

    pub fn update_offer(&mut self, id: i64, draft: &OfferFields, now: DateTime<Utc>) -> CoreResult<Offer> {
        self.update_offer_if_unchanged(id, draft, None, now)
    }

    /// As `update_offer`, for an edit made from revision `seen`: refused with
    /// a conflict if the offer changed since.
    pub fn update_offer_if_unchanged(
        &mut self,
        id: i64,
        draft: &OfferFields,
        seen: Option<i64>,
        now: DateTime<Utc>,
    ) -> CoreResult<Offer> {
        self.edit::<OfferRows>(id, draft, seen, now)
    }

    /// Moves an offer out of sight; `restore_offer` brings it back.
    pub fn delete_offer(&mut self, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
        self.hide(Table::Offers, id, now)
    }

    pub fn restore_offer(&mut self, id: i64) -> CoreResult<Offer> {
        self.bring_back::<OfferRows>(id)
    }
}

/// The offers table, for the shared edit and restore.
struct OfferRows;

impl Editable for OfferRows {
    const TABLE: Table = Table::Offers;
    type Fields = OfferFields;
    type Record = Offer;
    fn load(db: &Database, id: i64) -> CoreResult<Offer> {
        db.get_offer(id)
    }
    fn write_fields(tx: &Transaction, id: i64, fields: &OfferFields) -> CoreResult<()> {
        write_fields(tx, id, fields)
    }
}
