//! The guided path through the method: Problems → Candidates → Compare →
//! Offer → One-pager → Pilot. For each step, whether it is done and what is
//! missing for it, in the user's language, read from what is stored.

use serde::Serialize;

use crate::domain::candidate::{Candidate, Status};
use crate::domain::offer::Offer;
use crate::error::CoreResult;
use crate::{locales, Database, Lang};

/// Three problems give something to choose from.
pub const PROBLEMS_TO_START: usize = 3;
/// A comparison needs two candidates.
pub const CANDIDATES_TO_COMPARE: usize = 2;
/// Enough named items to act on without a wall of text.
const LISTED: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Problems,
    Candidates,
    Compare,
    Offer,
    Onepager,
    Pilot,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepProgress {
    pub step: Step,
    pub done: bool,
    /// What is still missing for this step, most useful first.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathProgress {
    pub steps: Vec<StepProgress>,
    /// The step after the furthest one done; None once the last is done.
    /// An earlier step left undone (an offer drafted without choosing a
    /// candidate) stays undone, but the guide does not send the user back to it.
    pub next: Option<Step>,
}

fn quoted(text: &str, lang: Lang) -> String {
    locales::text(lang, "guide.quoted", &[("text", &text)])
}

/// Done with three problems written down — or once there is a candidate:
/// someone who came with niches in mind (or from an older version without
/// the inbox) is not sent back to the start.
fn problems_step(db: &Database, candidates: &[Candidate], lang: Lang) -> CoreResult<StepProgress> {
    let problems = db.list_problems()?;
    let done = !candidates.is_empty() || problems.len() >= PROBLEMS_TO_START;
    let mut missing = Vec::new();
    if !done {
        let more = PROBLEMS_TO_START - problems.len();
        missing.push(locales::counted(lang, "guide.problemsMore", more, &[]));
    }
    Ok(StepProgress {
        step: Step::Problems,
        done,
        missing,
    })
}

/// The parts of a niche a candidate still lacks: one platform, one audience,
/// one problem.
fn blanks(c: &Candidate, lang: Lang) -> Vec<String> {
    let say = |key: &str| locales::text(lang, key, &[]);
    let d = &c.fields;
    [
        (d.platform.is_empty(), "guide.blank.platform"),
        (d.audience.is_empty(), "guide.blank.audience"),
        (d.problem.is_empty(), "guide.blank.problem"),
    ]
    .into_iter()
    .filter(|(blank, _)| *blank)
    .map(|(_, key)| say(key))
    .collect()
}

fn candidates_step(candidates: &[Candidate], lang: Lang) -> StepProgress {
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| locales::text(lang, key, values);
    let complete = candidates.iter().filter(|c| blanks(c, lang).is_empty()).count();
    let mut missing = Vec::new();
    if candidates.is_empty() {
        missing.push(say("guide.firstCandidate", &[]));
    } else if candidates.len() < CANDIDATES_TO_COMPARE {
        missing.push(say("guide.secondCandidate", &[]));
    }
    for c in candidates.iter().filter(|c| !blanks(c, lang).is_empty()).take(LISTED) {
        let parts = blanks(c, lang);
        let name = quoted(c.fields.name.as_str(), lang);
        let parts = parts.join(&say("guide.blankSeparator", &[]));
        missing.push(say("guide.fillIn", &[("name", &name), ("parts", &parts)]));
    }
    StepProgress {
        step: Step::Candidates,
        done: complete >= CANDIDATES_TO_COMPARE,
        missing,
    }
}

fn compare_step(candidates: &[Candidate], criteria: usize, lang: Lang) -> StepProgress {
    let done = candidates.iter().any(|c| c.fields.status == Status::Chosen);
    let mut missing = Vec::new();
    if !done {
        for c in candidates
            .iter()
            .filter(|c| c.fields.status != Status::Dropped && c.fields.scores.len() < criteria)
            .take(LISTED)
        {
            let left = criteria - c.fields.scores.len();
            let name = quoted(c.fields.name.as_str(), lang);
            missing.push(locales::counted(lang, "guide.unscored", left, &[("name", &name)]));
        }
        missing.push(locales::text(lang, "guide.choose", &[]));
    }
    StepProgress {
        step: Step::Compare,
        done,
        missing,
    }
}

/// The offer the next steps are about: the one drafted from the chosen
/// candidate, else the newest.
fn main_offer<'a>(offers: &'a [Offer], candidates: &[Candidate]) -> Option<&'a Offer> {
    let chosen: Vec<i64> = candidates
        .iter()
        .filter(|c| c.fields.status == Status::Chosen)
        .map(|c| c.id)
        .collect();
    offers
        .iter()
        .rev()
        .find(|o| o.fields.candidate_id.is_some_and(|id| chosen.contains(&id)))
        .or(offers.last())
}

fn offer_step(db: &Database, offers: &[Offer], main: Option<&Offer>, lang: Lang) -> CoreResult<StepProgress> {
    // Only offers are checked here: the path does not need every candidate's report.
    let mut errors_of = std::collections::BTreeMap::new();
    for o in offers {
        let report = crate::app::focus::offer_report(db, Some(o.id), &o.fields.to_input(), lang)?;
        errors_of.insert(o.id, (report.ready, report.errors));
    }
    let done = errors_of.values().any(|(ready, _)| *ready);
    let mut missing = Vec::new();
    match main {
        None => missing.push(locales::text(lang, "guide.draftOffer", &[])),
        Some(offer) if !done => {
            let errors = errors_of.get(&offer.id).map_or(0, |(_, e)| *e);
            let name = quoted(offer.fields.title.as_str(), lang);
            missing.push(locales::counted(lang, "guide.fixErrors", errors, &[("name", &name)]));
        }
        Some(_) => {}
    }
    Ok(StepProgress {
        step: Step::Offer,
        done,
        missing,
    })
}

fn onepager_step(db: &Database, main: Option<&Offer>, lang: Lang) -> CoreResult<StepProgress> {
    let done = db.has_sent_onepager()?;
    let mut missing = Vec::new();
    if !done {
        missing.push(match main {
            Some(o) => {
                let name = quoted(o.fields.title.as_str(), lang);
                locales::text(lang, "guide.exportOnepager", &[("name", &name)])
            }
            None => locales::text(lang, "guide.onepagerLater", &[]),
        });
    }
    Ok(StepProgress {
        step: Step::Onepager,
        done,
        missing,
    })
}

fn pilot_step(db: &Database, offers: &[Offer], main: Option<&Offer>, lang: Lang) -> CoreResult<StepProgress> {
    let mut done = false;
    for offer in offers {
        done |= db.pilot(offer.id)?.is_some_and(|p| !p.decision.is_empty());
    }
    let mut missing = Vec::new();
    if !done {
        let planned = match main {
            Some(o) => db.pilot(o.id)?.is_some_and(|p| !p.start.is_empty()),
            None => false,
        };
        let key = if planned {
            "guide.decidePilot"
        } else {
            "guide.planPilot"
        };
        missing.push(locales::text(lang, key, &[]));
    }
    Ok(StepProgress {
        step: Step::Pilot,
        done,
        missing,
    })
}

/// Where the user stands on the path.
pub fn progress(db: &Database, lang: Lang) -> CoreResult<PathProgress> {
    let candidates = db.list_candidates()?;
    let offers = db.list_offers()?;
    let criteria = db.list_criteria()?.len();
    let main = main_offer(&offers, &candidates);
    let steps = vec![
        problems_step(db, &candidates, lang)?,
        candidates_step(&candidates, lang),
        compare_step(&candidates, criteria, lang),
        offer_step(db, &offers, main, lang)?,
        onepager_step(db, main, lang)?,
        pilot_step(db, &offers, main, lang)?,
    ];
    let after_furthest_done = steps.iter().rposition(|s| s.done).map_or(0, |i| i + 1);
    let next = steps.get(after_furthest_done).map(|s| s.step);
    Ok(PathProgress { steps, next })
}
