//! The guided path through the method: Problems → Candidates → Compare →
//! Offer → One-pager → Pilot. For each step, whether it is done and what is
//! missing for it, in the user's language, read from what is stored.

use serde::Serialize;

use crate::domain::candidate::{Candidate, Status};
use crate::domain::offer::Offer;
use crate::error::CoreResult;
use crate::{Database, Lang};

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
    /// The first step not done yet; None once the whole path is walked.
    pub next: Option<Step>,
}

fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("「{text}」"),
        Lang::En => format!("“{text}”"),
    }
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
        missing.push(match lang {
            Lang::Ja => format!("人から相談されたことや、お店が後回しにしている作業をあと{more}件書き出しましょう。"),
            Lang::En => format!(
                "Write down {more} more problem{}: what people ask you for help with, or tasks businesses keep postponing.",
                if more == 1 { "" } else { "s" }
            ),
        });
    }
    Ok(StepProgress {
        step: Step::Problems,
        done,
        missing,
    })
}

/// The parts of a niche a candidate still lacks: one platform, one audience,
/// one problem.
fn blanks(c: &Candidate, lang: Lang) -> Vec<&'static str> {
    let d = &c.fields;
    [
        (d.platform.is_empty(), "プラットフォーム", "platform"),
        (d.audience.is_empty(), "対象のお客さん", "audience"),
        (d.problem.is_empty(), "くり返し起きる問題", "problem"),
    ]
    .into_iter()
    .filter(|(blank, ..)| *blank)
    .map(|(_, ja, en)| if lang == Lang::Ja { ja } else { en })
    .collect()
}

fn candidates_step(candidates: &[Candidate], lang: Lang) -> StepProgress {
    let complete = candidates.iter().filter(|c| blanks(c, lang).is_empty()).count();
    let mut missing = Vec::new();
    if candidates.is_empty() {
        missing.push(match lang {
            Lang::Ja => "問題メモの1件を「候補にする」か、候補を追加しましょう。".to_string(),
            Lang::En => "Promote a problem from the inbox to a candidate, or add a candidate.".to_string(),
        });
    } else if candidates.len() < CANDIDATES_TO_COMPARE {
        missing.push(match lang {
            Lang::Ja => "比べるために、もう1つ候補を追加しましょう。".to_string(),
            Lang::En => "Add a second candidate, so there is something to compare.".to_string(),
        });
    }
    for c in candidates.iter().filter(|c| !blanks(c, lang).is_empty()).take(LISTED) {
        let parts = blanks(c, lang);
        missing.push(match lang {
            Lang::Ja => format!(
                "{}：{}を書きましょう。",
                quoted(c.fields.name.as_str(), lang),
                parts.join("・")
            ),
            Lang::En => format!(
                "{}: fill in the {}.",
                quoted(c.fields.name.as_str(), lang),
                parts.join(", ")
            ),
        });
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
            missing.push(match lang {
                Lang::Ja => format!(
                    "{}：まだ{left}項目の点数がありません。",
                    quoted(c.fields.name.as_str(), lang)
                ),
                Lang::En => format!(
                    "{}: {left} criteri{} not scored yet.",
                    quoted(c.fields.name.as_str(), lang),
                    if left == 1 { "on" } else { "a" }
                ),
            });
        }
        missing.push(match lang {
            Lang::Ja => "比べたら、いちばん良い候補の状態を「決定」にしましょう。".to_string(),
            Lang::En => "Once compared, set the best candidate's status to “Chosen”.".to_string(),
        });
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
        None => missing.push(match lang {
            Lang::Ja => "決めた候補からオファー（月額プラン）を作りましょう。".to_string(),
            Lang::En => "Draft an offer (a monthly package) from your chosen candidate.".to_string(),
        }),
        Some(offer) if !done => {
            let errors = errors_of.get(&offer.id).map_or(0, |(_, e)| *e);
            missing.push(match lang {
                Lang::Ja => format!(
                    "{}：焦点チェックの問題をあと{errors}件直しましょう。",
                    quoted(offer.fields.title.as_str(), lang)
                ),
                Lang::En => format!(
                    "{}: fix {errors} problem{} the focus check found.",
                    quoted(offer.fields.title.as_str(), lang),
                    if errors == 1 { "" } else { "s" }
                ),
            });
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
        missing.push(match (main, lang) {
            (Some(o), Lang::Ja) => format!(
                "{}の1枚資料をPDFに書き出すか、印刷しましょう。",
                quoted(o.fields.title.as_str(), lang)
            ),
            (Some(o), Lang::En) => format!(
                "Export or print the one-pager of {}.",
                quoted(o.fields.title.as_str(), lang)
            ),
            (None, Lang::Ja) => "オファーができたら、1枚資料を書き出しましょう。".to_string(),
            (None, Lang::En) => "Once you have an offer, export its one-pager.".to_string(),
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
        missing.push(match (planned, lang) {
            (false, Lang::Ja) => "試験提供を計画しましょう：最初のお客さん1〜3人と開始日。".to_string(),
            (false, Lang::En) => "Plan the pilot: 1–3 first clients and a start date.".to_string(),
            (true, Lang::Ja) => {
                "試験提供が終わったら、学びカードを書いて「進める・直す・やめる」を決めましょう。".to_string()
            }
            (true, Lang::En) => {
                "After the pilot, fill in the learning card and decide: go, adjust or stop.".to_string()
            }
        });
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
    let next = steps.iter().find(|s| !s.done).map(|s| s.step);
    Ok(PathProgress { steps, next })
}
