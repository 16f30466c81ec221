use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{time, Database};
use crate::analysis::focus::{Dismissal, RuleCode};
use crate::domain::subject::Subject;
use crate::domain::text::ShortText;
use crate::error::CoreResult;

impl Database {
    fn require_subject(&self, subject: Subject, id: i64) -> CoreResult<()> {
        match subject {
            Subject::Candidate => self.get_candidate(id).map(|_| ()),
            Subject::Offer => self.get_offer(id).map(|_| ()),
        }
    }

    /// Stores the dismissal of a finding on one field, with a short reason
    /// that is shown beside it from then on (whether the rule may be
    /// dismissed is `app::focus::dismiss`'s to decide).
    pub fn store_dismissal(
        &mut self,
        subject: Subject,
        id: i64,
        code: RuleCode,
        field: &str,
        reason: &str,
        now: DateTime<Utc>,
    ) -> CoreResult<()> {
        let reason = ShortText::parse_required("reason", reason)?;
        self.require_subject(subject, id)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO dismissals (subject, subject_id, code, field, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (subject, subject_id, code, field) DO UPDATE SET reason = excluded.reason",
                params![
                    subject.as_str(),
                    id,
                    code.as_str(),
                    field,
                    reason.as_str(),
                    time::to_text(now)
                ],
            )?;
            Ok(())
        })
    }

    pub fn undismiss(&mut self, subject: Subject, id: i64, code: RuleCode, field: &str) -> CoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM dismissals WHERE subject = ?1 AND subject_id = ?2 AND code = ?3 AND field = ?4",
                params![subject.as_str(), id, code.as_str(), field],
            )?;
            Ok(())
        })
    }

    pub fn dismissals(&self, subject: Subject, id: i64) -> CoreResult<Vec<Dismissal>> {
        let mut stmt = self.conn.prepare(
            "SELECT code, field, reason FROM dismissals WHERE subject = ?1 AND subject_id = ?2 ORDER BY created_at",
        )?;
        let rows = stmt.query_map(params![subject.as_str(), id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (code, field, reason) = row?;
            // A code from a newer version that this one does not know is skipped.
            if let Some(code) = RuleCode::parse(&code) {
                out.push(Dismissal { code, field, reason });
            }
        }
        Ok(out)
    }
}
