//! The problem inbox's table: problems, their grouping as duplicates, and
//! their promotion to niche candidates.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::soft_delete::{Editable, Table};
use super::{stored, time, Database};
use crate::domain::candidate::{Candidate, CandidateFields};
use crate::domain::problem::{Problem, ProblemFields, ProblemInput};
use crate::error::{CoreError, CoreResult, ValidationError, ValidationKind};

// A promotion to a deleted candidate no longer counts: the problem can be promoted again.
const COLUMNS: &str = "p.id, p.revision, p.created_at, p.updated_at, p.words, p.kind, p.source, p.audience, \
     p.platform, p.seen_on, p.recurrence, p.importance, p.satisfaction, p.notes, p.same_as, \
     (SELECT c.id FROM candidates c WHERE c.id = p.candidate_id AND c.deleted_at IS NULL)";

fn from_row(row: &Row) -> rusqlite::Result<Problem> {
    let input = ProblemInput {
        words: row.get(4)?,
        kind: row.get(5)?,
        source: row.get(6)?,
        audience: row.get(7)?,
        platform: row.get(8)?,
        seen_on: row.get(9)?,
        recurrence: row.get(10)?,
        importance: row.get(11)?,
        satisfaction: row.get(12)?,
        notes: row.get(13)?,
    };
    Ok(Problem {
        id: row.get(0)?,
        revision: row.get(1)?,
        created_at: time::from_text(&row.get::<_, String>(2)?)?,
        updated_at: time::from_text(&row.get::<_, String>(3)?)?,
        fields: ProblemFields::try_from(&input).map_err(stored)?,
        same_as: row.get(14)?,
        candidate_id: row.get(15)?,
    })
}

fn write_fields(tx: &Transaction, id: i64, draft: &ProblemFields) -> CoreResult<()> {
    let input = draft.to_input();
    tx.execute(
        "UPDATE problems SET words = ?2, kind = ?3, source = ?4, audience = ?5, platform = ?6, seen_on = ?7,
             recurrence = ?8, importance = ?9, satisfaction = ?10, notes = ?11
         WHERE id = ?1",
        params![
            id,
            input.words,
            input.kind,
            input.source,
            input.audience,
            input.platform,
            input.seen_on,
            input.recurrence,
            input.importance,
            input.satisfaction,
            input.notes,
        ],
    )?;
    Ok(())
}

/// Inserts a problem inside a caller's transaction (also used by import).
pub(crate) fn insert_problem(
    tx: &Transaction,
    draft: &ProblemFields,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> CoreResult<i64> {
    tx.execute(
        "INSERT INTO problems (words, created_at, updated_at) VALUES (?1, ?2, ?3)",
        params![
            draft.words.as_str(),
            time::to_text(created_at),
            time::to_text(updated_at)
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_fields(tx, id, draft)?;
    Ok(id)
}

/// Groups problem `id` (and the rest of its group) into `same_as`'s group,
/// inside a caller's transaction (also used by import). A group is every row
/// pointing at the same lead; the lead may have been deleted, and its
/// survivors still move together.
pub(crate) fn group_into(tx: &Transaction, id: i64, same_as: i64) -> CoreResult<()> {
    let lead_of = |problem: i64, live_only: bool| -> CoreResult<Option<i64>> {
        let row: Option<Option<i64>> = tx
            .query_row(
                "SELECT same_as FROM problems WHERE id = ?1 AND (?2 = 0 OR deleted_at IS NULL)",
                params![problem, live_only],
                |row| row.get(0),
            )
            .optional()?;
        Ok(row.map(|same_as| same_as.unwrap_or(problem)))
    };
    let not_allowed = || CoreError::from(ValidationError::new("same_as", ValidationKind::InvalidChoice));
    let lead = lead_of(same_as, true)?.ok_or_else(not_allowed)?;
    let own = lead_of(id, false)?.ok_or_else(not_allowed)?;
    if lead == own || lead == id {
        return Err(not_allowed());
    }
    tx.execute(
        "UPDATE problems SET same_as = ?3 WHERE id = ?1 OR id = ?2 OR same_as = ?2",
        params![id, own, lead],
    )?;
    // A group promoted on either side stays promoted as a whole, to a
    // candidate that still exists.
    tx.execute(
        "UPDATE problems SET candidate_id = (
             SELECT max(p.candidate_id) FROM problems p
             JOIN candidates c ON c.id = p.candidate_id AND c.deleted_at IS NULL
             WHERE p.id = ?1 OR p.same_as = ?1)
         WHERE id = ?1 OR same_as = ?1",
        [lead],
    )?;
    Ok(())
}

impl Database {
    fn load_problems(&self, filter: &str, args: impl rusqlite::Params) -> CoreResult<Vec<Problem>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM problems p WHERE p.deleted_at IS NULL {filter} ORDER BY p.created_at, p.id"
        ))?;
        let problems = stmt.query_map(args, from_row)?.collect::<Result<_, _>>()?;
        Ok(problems)
    }

    /// Problems not deleted, oldest first.
    pub fn list_problems(&self) -> CoreResult<Vec<Problem>> {
        self.load_problems("", [])
    }

    pub fn get_problem(&self, id: i64) -> CoreResult<Problem> {
        self.load_problems("AND p.id = ?1", [id])?
            .pop()
            .ok_or(CoreError::NotFound { what: "problem", id })
    }

    /// The pairs of problems the user said are different (smaller id first).
    pub fn distinct_pairs(&self) -> CoreResult<BTreeSet<(i64, i64)>> {
        let mut stmt = self.conn.prepare("SELECT first_id, second_id FROM distinct_problems")?;
        let distinct = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(distinct)
    }

    pub fn create_problem(&mut self, draft: &ProblemFields, now: DateTime<Utc>) -> CoreResult<Problem> {
        let id = self.write(|tx| insert_problem(tx, draft, now, now))?;
        self.get_problem(id)
    }

    /// Saves an edit made from revision `seen` (any revision when None).
    pub fn update_problem_if_unchanged(
        &mut self,
        id: i64,
        draft: &ProblemFields,
        seen: Option<i64>,
        now: DateTime<Utc>,
    ) -> CoreResult<Problem> {
        self.edit::<ProblemRows>(id, draft, seen, now)
    }

    /// Moves a problem out of sight; `restore_problem` brings it back.
    pub fn delete_problem(&mut self, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
        self.hide(Table::Problems, id, now)
    }

    pub fn restore_problem(&mut self, id: i64) -> CoreResult<Problem> {
        self.bring_back::<ProblemRows>(id)
    }

    /// Marks `id` as the same problem as `same_as`: its group joins that one.
    pub fn group_problems(&mut self, id: i64, same_as: i64) -> CoreResult<()> {
        self.get_problem(id)?;
        self.write(|tx| group_into(tx, id, same_as))
    }

    /// Takes a problem out of its group; if it led one, the next oldest leads.
    pub fn ungroup_problem(&mut self, id: i64) -> CoreResult<()> {
        let problem = self.get_problem(id)?;
        self.write(|tx| {
            match problem.same_as {
                Some(_) => {
                    // It leaves the group's candidate behind: it may become one of its own.
                    tx.execute(
                        "UPDATE problems SET same_as = NULL, candidate_id = NULL WHERE id = ?1",
                        [id],
                    )?;
                }
                None => {
                    let next: Option<i64> = tx.query_row(
                        "SELECT min(id) FROM problems WHERE same_as = ?1 AND deleted_at IS NULL",
                        [id],
                        |row| row.get(0),
                    )?;
                    if let Some(next) = next {
                        tx.execute("UPDATE problems SET same_as = NULL WHERE id = ?1", [next])?;
                        tx.execute(
                            "UPDATE problems SET same_as = ?2 WHERE same_as = ?1 AND id <> ?2",
                            params![id, next],
                        )?;
                        tx.execute("UPDATE problems SET candidate_id = NULL WHERE id = ?1", [id])?;
                    }
                }
            }
            Ok(())
        })
    }

    /// Records that two problems are different, so they are no longer
    /// suggested as duplicates.
    pub fn mark_distinct(&mut self, a: i64, b: i64) -> CoreResult<()> {
        self.get_problem(a)?;
        self.get_problem(b)?;
        if a == b {
            return Err(ValidationError::new("same_as", ValidationKind::InvalidChoice).into());
        }
        self.write(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO distinct_problems (first_id, second_id) VALUES (?1, ?2)",
                params![a.min(b), a.max(b)],
            )?;
            Ok(())
        })
    }

    /// The problems grouped with `lead` (it included), oldest first.
    pub fn problem_group(&self, lead: i64) -> CoreResult<Vec<Problem>> {
        self.load_problems("AND (p.id = ?1 OR p.same_as = ?1)", [lead])
    }

    /// Adds `draft` as a new candidate and links the group led by `lead` to
    /// it, in one transaction.
    pub fn insert_promoted_candidate(
        &mut self,
        lead: i64,
        draft: &CandidateFields,
        now: DateTime<Utc>,
    ) -> CoreResult<Candidate> {
        let candidate_id = self.write(|tx| {
            let candidate_id = super::candidates::insert_candidate(tx, draft, now, now)?;
            tx.execute(
                "UPDATE problems SET candidate_id = ?2 WHERE id = ?1 OR same_as = ?1",
                params![lead, candidate_id],
            )?;
            Ok(candidate_id)
        })?;
        self.get_candidate(candidate_id)
    }
}

/// The problems table, for the shared edit and restore.
struct ProblemRows;

impl Editable for ProblemRows {
    const TABLE: Table = Table::Problems;
    type Fields = ProblemFields;
    type Record = Problem;
    fn load(db: &Database, id: i64) -> CoreResult<Problem> {
        db.get_problem(id)
    }
    fn write_fields(tx: &Transaction, id: i64, fields: &ProblemFields) -> CoreResult<()> {
        write_fields(tx, id, fields)
    }
}
