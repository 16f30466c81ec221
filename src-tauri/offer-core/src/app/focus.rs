//! The focus check as the screens ask for it: a record's findings with the
//! reasons of what the user dismissed, and the readiness of every record.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::analysis::focus::{check_candidate, check_offer, check_plan, rule};
pub use crate::analysis::focus::{FocusReport, RuleCode, Severity};
use crate::domain::input::{CandidateInput, OfferInput};
use crate::domain::package::PackageInput;
use crate::domain::pilot::PilotInput;
use crate::domain::subject::Subject;
use crate::error::{CoreError, CoreResult};
use crate::{Database, Lang};

/// The report for a candidate as the user is editing it, with the reasons
/// of what they dismissed on the stored one.
pub fn candidate_report(db: &Database, id: Option<i64>, input: &CandidateInput, lang: Lang) -> CoreResult<FocusReport> {
    let dismissals = match id {
        Some(id) => db.dismissals(Subject::Candidate, id)?,
        None => Vec::new(),
    };
    Ok(FocusReport::new(check_candidate(input, lang), &dismissals))
}

/// The report for a candidate read from a file (nothing dismissed).
pub fn file_candidate_report(input: &CandidateInput, lang: Lang) -> FocusReport {
    FocusReport::new(check_candidate(input, lang), &[])
}

/// The report for an offer read from a file, with its package and pilot when
/// the file has them (nothing dismissed).
pub fn file_offer_report(
    input: &OfferInput,
    package: Option<&PackageInput>,
    pilot: Option<&PilotInput>,
    lang: Lang,
) -> FocusReport {
    let mut findings = check_offer(input, lang);
    findings.extend(check_plan(input, package, pilot, lang));
    FocusReport::new(findings, &[])
}

/// The report for an offer as the user is editing it, with the stored plan's
/// rules when the offer is saved.
pub fn offer_report(db: &Database, id: Option<i64>, input: &OfferInput, lang: Lang) -> CoreResult<FocusReport> {
    let mut findings = check_offer(input, lang);
    let dismissals = match id {
        Some(id) => {
            findings.extend(check_plan(
                input,
                db.package(id)?.as_ref(),
                db.pilot(id)?.as_ref(),
                lang,
            ));
            db.dismissals(Subject::Offer, id)?
        }
        None => Vec::new(),
    };
    Ok(FocusReport::new(findings, &dismissals))
}

/// Ready or not, and how many open findings, for one stored record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub ready: bool,
    pub errors: usize,
    pub warnings: usize,
}

/// Readiness of every stored candidate and offer, for lists and badges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overview {
    pub candidates: BTreeMap<i64, Readiness>,
    pub offers: BTreeMap<i64, Readiness>,
}

fn readiness(report: &FocusReport) -> Readiness {
    Readiness {
        ready: report.ready,
        errors: report.errors,
        warnings: report.warnings,
    }
}

pub fn overview(db: &Database, lang: Lang) -> CoreResult<Overview> {
    let mut candidates = BTreeMap::new();
    for c in db.list_candidates()? {
        candidates.insert(
            c.id,
            readiness(&candidate_report(db, Some(c.id), &c.fields.to_input(), lang)?),
        );
    }
    let mut offers = BTreeMap::new();
    for o in db.list_offers()? {
        offers.insert(
            o.id,
            readiness(&offer_report(db, Some(o.id), &o.fields.to_input(), lang)?),
        );
    }
    Ok(Overview { candidates, offers })
}

/// Dismisses a warning or tip on one field, with a short reason that is shown
/// beside it from then on. Errors cannot be dismissed.
pub fn dismiss(
    db: &mut Database,
    subject: Subject,
    id: i64,
    code: RuleCode,
    field: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if rule(code).is_none_or(|r| r.severity == Severity::Error) {
        return Err(CoreError::NotDismissable);
    }
    db.store_dismissal(subject, id, code, field, reason, now)
}

/// Takes back a dismissal: the finding counts again.
pub fn undismiss(db: &mut Database, subject: Subject, id: i64, code: RuleCode, field: &str) -> CoreResult<()> {
    db.undismiss(subject, id, code, field)
}
