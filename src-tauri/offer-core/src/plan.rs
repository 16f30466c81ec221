//! An offer's plan as the offer screen and `offerwright-cli plan` show it: the
//! package inputs and their economics, and the pilot with its dates.

use serde::Serialize;

use crate::economics::{economics, Economics, PackageInput, PackagePlan};
use crate::error::CoreResult;
use crate::offer::OfferDraft;
use crate::pilot::{Pilot, PilotInput, Schedule};
use crate::{Database, Lang};

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub package: PackageInput,
    /// None while the stored plan does not read (it was saved by a newer version).
    pub economics: Option<Economics>,
    pub pilot: Option<PilotInput>,
    pub schedule: Option<Schedule>,
}

/// Computes the plan of an offer from its draft and its inputs.
pub fn plan_of(offer: &OfferDraft, package: &PackageInput, pilot: Option<&PilotInput>, lang: Lang) -> PlanView {
    let currency = offer.monthly_price.currency();
    let economics = PackagePlan::parse(package, currency)
        .ok()
        .map(|p| economics(offer, &p, lang));
    let schedule = pilot.and_then(|p| Pilot::parse(p, currency).ok()).map(|p| p.schedule());
    PlanView {
        package: package.clone(),
        economics,
        pilot: pilot.cloned(),
        schedule,
    }
}

pub fn offer_plan(db: &Database, offer_id: i64, lang: Lang) -> CoreResult<PlanView> {
    let offer = db.get_offer(offer_id)?;
    let package = db.package(offer_id)?.unwrap_or_else(PackageInput::starting_point);
    Ok(plan_of(&offer.draft, &package, db.pilot(offer_id)?.as_ref(), lang))
}
