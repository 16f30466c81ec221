use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Row, Transaction};

use super::soft_delete::{touch, Editable, Table};
use super::{stored, time, Database};
use crate::domain::candidate::{Candidate, CandidateFields};
use crate::domain::input::{CandidateInput, OutcomeInput};
use crate::error::{CoreError, CoreResult, ValidationError, ValidationKind};

const COLUMNS: &str = "id, revision, created_at, updated_at, name, platform, audience, problem, outcome_metric, \
     outcome_target, outcome_unit, timeframe_amount, timeframe_unit, status, notes";

/// Reads a row back through the same validation as user input, so a stored
/// candidate is always a valid one. Scores are filled in separately.
fn from_row(row: &Row) -> rusqlite::Result<Candidate> {
    let input = CandidateInput {
        name: row.get(4)?,
        platform: row.get(5)?,
        audience: row.get(6)?,
        problem: row.get(7)?,
        outcome: OutcomeInput {
            metric: row.get(8)?,
            target: row.get(9)?,
            unit: row.get(10)?,
            timeframe_amount: row.get(11)?,
            timeframe_unit: row.get(12)?,
        },
        status: row.get(13)?,
        notes: row.get(14)?,
        scores: BTreeMap::new(),
        evidence: BTreeMap::new(),
    };
    Ok(Candidate {
        id: row.get(0)?,
        revision: row.get(1)?,
        created_at: time::from_text(&row.get::<_, String>(2)?)?,
        updated_at: time::from_text(&row.get::<_, String>(3)?)?,
        fields: CandidateFields::try_from(&input).map_err(stored)?,
    })
}

fn write_fields(tx: &Transaction, id: i64, draft: &CandidateFields) -> CoreResult<()> {
    let o = &draft.outcome;
    tx.execute(
        "UPDATE candidates SET name = ?2, platform = ?3, audience = ?4, problem = ?5, outcome_metric = ?6,
             outcome_target = ?7, outcome_unit = ?8, timeframe_amount = ?9, timeframe_unit = ?10,
             status = ?11, notes = ?12
         WHERE id = ?1",
        params![
            id,
            draft.name.as_str(),
            draft.platform.as_str(),
            draft.audience.as_str(),
            draft.problem.as_str(),
            o.metric.as_str(),
            o.target,
            o.unit.as_str(),
            o.timeframe.map(|t| t.amount),
            o.timeframe.map_or("", |t| t.unit.as_str()),
            draft.status.as_str(),
            draft.notes.as_str(),
        ],
    )?;
    // Scores on a deleted criterion stay, so restoring the criterion restores them.
    tx.execute(
        "DELETE FROM scores WHERE candidate_id = ?1
           AND criterion_id IN (SELECT id FROM criteria WHERE deleted_at IS NULL)",
        [id],
    )?;
    let mut insert =
        tx.prepare("INSERT INTO scores (candidate_id, criterion_id, score, evidence) VALUES (?1, ?2, ?3, ?4)")?;
    for (criterion_id, score) in &draft.scores {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM criteria WHERE id = ?1 AND deleted_at IS NULL)",
            [criterion_id],
            |row| row.get(0),
        )?;
        if !known {
            return Err(ValidationError::new(format!("scores.{criterion_id}"), ValidationKind::InvalidChoice).into());
        }
        insert.execute(params![
            id,
            criterion_id,
            score.value(),
            draft.evidence_for(*criterion_id).as_str()
        ])?;
    }
    Ok(())
}

impl Database {
    fn load_candidates(&self, filter: &str, args: impl rusqlite::Params) -> CoreResult<Vec<Candidate>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM candidates WHERE deleted_at IS NULL {filter} ORDER BY created_at, id"
        ))?;
        let mut candidates: Vec<Candidate> = stmt.query_map(args, from_row)?.collect::<Result<_, _>>()?;
        let mut scores = self.conn.prepare(
            "SELECT s.criterion_id, s.score, s.evidence FROM scores s JOIN criteria c ON c.id = s.criterion_id
             WHERE s.candidate_id = ?1 AND c.deleted_at IS NULL",
        )?;
        for candidate in &mut candidates {
            let rows = scores.query_map([candidate.id], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?, row.get::<_, String>(2)?))
            })?;
            for row in rows {
                let (criterion_id, value, evidence) = row?;
                let score = crate::domain::candidate::Score::new("score", value).map_err(stored)?;
                candidate.fields.scores.insert(criterion_id, score);
                let evidence = crate::domain::evidence::Evidence::parse("evidence", &evidence).map_err(stored)?;
                if evidence != crate::domain::evidence::Evidence::Gut {
                    candidate.fields.evidence.insert(criterion_id, evidence);
                }
            }
        }
        Ok(candidates)
    }

    /// Candidates not deleted, oldest first.
    pub fn list_candidates(&self) -> CoreResult<Vec<Candidate>> {
        self.load_candidates("", [])
    }

    pub fn get_candidate(&self, id: i64) -> CoreResult<Candidate> {
        self.load_candidates("AND id = ?1", [id])?
            .pop()
            .ok_or(CoreError::NotFound { what: "candidate", id })
    }

    pub fn create_candidate(&mut self, draft: &CandidateFields, now: DateTime<Utc>) -> CoreResult<Candidate> {
        let id = self.write(|tx| insert_candidate(tx, draft, now, now))?;
        self.get_candidate(id)
    }

    pub fn update_candidate(&mut self, id: i64, draft: &CandidateFields, now: DateTime<Utc>) -> CoreResult<Candidate> {
        self.update_candidate_if_unchanged(id, draft, None, now)
    }

    /// As `update_candidate`, for an edit made from revision `seen`: refused
    /// with a conflict if the candidate changed since.
    pub fn update_candidate_if_unchanged(
        &mut self,
        id: i64,
        draft: &CandidateFields,
        seen: Option<i64>,
        now: DateTime<Utc>,
    ) -> CoreResult<Candidate> {
        self.edit::<CandidateRows>(id, draft, seen, now)
    }

    /// Moves a candidate out of sight; `restore_candidate` brings it back.
    pub fn delete_candidate(&mut self, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
        self.hide(Table::Candidates, id, now)
    }

    pub fn restore_candidate(&mut self, id: i64) -> CoreResult<Candidate> {
        self.bring_back::<CandidateRows>(id)
    }
}

/// Rewrites a candidate inside a caller's transaction, as one more revision.
pub(crate) fn rewrite_candidate(
    tx: &Transaction,
    id: i64,
    draft: &CandidateFields,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    write_fields(tx, id, draft)?;
    touch(tx, Table::Candidates, id, None, now)
}

/// Inserts a candidate inside a caller's transaction (also used by import).
pub(crate) fn insert_candidate(
    tx: &Transaction,
    draft: &CandidateFields,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> CoreResult<i64> {
    tx.execute(
        "INSERT INTO candidates (name, created_at, updated_at) VALUES (?1, ?2, ?3)",
        params![
            draft.name.as_str(),
            time::to_text(created_at),
            time::to_text(updated_at)
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_fields(tx, id, draft)?;
    Ok(id)
}

/// The candidates table, for the shared edit and restore.
struct CandidateRows;

impl Editable for CandidateRows {
    const TABLE: Table = Table::Candidates;
    type Fields = CandidateFields;
    type Record = Candidate;
    fn load(db: &Database, id: i64) -> CoreResult<Candidate> {
        db.get_candidate(id)
    }
    fn write_fields(tx: &Transaction, id: i64, fields: &CandidateFields) -> CoreResult<()> {
        write_fields(tx, id, fields)
    }
}
