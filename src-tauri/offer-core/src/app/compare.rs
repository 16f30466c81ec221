//! The comparison screen's figures in one call: ranking, robustness and the
//! Fermi check, for all candidates or a chosen few.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::compare::{compare, Comparison};
/// How many weight draws the robustness check makes, from which seed, and
/// when a lead counts as clear: the CLI prints them beside its figures.
pub use crate::analysis::compare::{SAMPLES, SEED};
pub use crate::analysis::robustness::CLEAR_MARGIN_POINTS;
use crate::analysis::fermi::{fermi, Fermi};
use crate::domain::evidence::Mode;
use crate::domain::input::TargetsInput;
use crate::domain::targets::Targets;
use crate::error::CoreResult;
use crate::{Database, Lang};

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    #[serde(flatten)]
    pub comparison: Comparison,
    pub targets: TargetsView,
    /// Per candidate id.
    pub fermi: BTreeMap<i64, Fermi>,
}

/// The targets as the form shows them: the income also as plain digits in
/// its currency's units ("300000", "3000.50"), so the UI does no money
/// arithmetic.
#[derive(Debug, Clone, Serialize)]
pub struct TargetsView {
    #[serde(flatten)]
    pub targets: Targets,
    pub monthly_income_plain: String,
}

impl From<Targets> for TargetsView {
    fn from(targets: Targets) -> TargetsView {
        TargetsView {
            monthly_income_plain: targets.monthly_income.map(|m| m.to_plain()).unwrap_or_default(),
            targets,
        }
    }
}

pub fn analyse(db: &Database, ids: Option<&[i64]>, lang: Lang, mode: Mode) -> CoreResult<Analysis> {
    let mut candidates = db.list_candidates()?;
    if let Some(ids) = ids {
        candidates.retain(|c| ids.contains(&c.id));
    }
    let criteria = db.list_criteria()?;
    let comparison = compare(&candidates, &criteria, lang, mode).with_robustness(&candidates, &criteria, SAMPLES, SEED);
    let targets = db.targets()?;
    let offers = db.list_offers()?;
    let fermi = candidates
        .iter()
        .map(|c| {
            // The planned price: the first priced offer drafted from the candidate.
            let price = offers
                .iter()
                .find(|o| o.fields.candidate_id == Some(c.id) && !o.fields.monthly_price.is_zero())
                .map(|o| o.fields.monthly_price);
            (c.id, fermi(&targets, price, lang))
        })
        .collect();
    Ok(Analysis {
        comparison,
        targets: targets.into(),
        fermi,
    })
}

/// Sets the income target and close rate every candidate's Fermi check uses.
/// Sets the targets; the income is the same number the offers' economics use.
pub fn set_targets(db: &mut Database, input: &TargetsInput) -> CoreResult<Targets> {
    let targets = Targets::try_from(input)?;
    let currency = crate::domain::money::Currency::parse("currency", &input.currency)?;
    crate::app::target_income::set(db, &targets, currency)?;
    Ok(targets)
}
