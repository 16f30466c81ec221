//! An offer's plan as the offer screen and `offerwright-cli plan` show it: the
//! package inputs and their economics, and the pilot with its dates.

use serde::Serialize;

use crate::analysis::economics::{economics, Economics};
use crate::domain::money::Money;
use crate::domain::offer::OfferFields;
use crate::domain::package::{Package, PackageInput};
use crate::domain::pilot::{Pilot, PilotInput, Schedule};
use crate::error::CoreResult;
use crate::{Database, Lang};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub package: PackageInput,
    /// None while the stored plan does not read (it was saved by a newer version).
    pub economics: Option<Economics>,
    pub pilot: Option<PilotInput>,
    pub schedule: Option<Schedule>,
    /// Monthly revenue during the pilot: its clients at the pilot price (or
    /// the offer's price when the pilot has none).
    pub mrr_pilot_display: Option<String>,
    /// The same, minor units.
    pub mrr_pilot: Option<i64>,
    /// How many clients the pilot takes.
    pub pilot_clients: Option<u8>,
}

/// Computes the plan of an offer from its draft and its inputs.
pub fn plan_of(offer: &OfferFields, package: &PackageInput, pilot: Option<&PilotInput>, lang: Lang) -> PlanView {
    let currency = offer.monthly_price.currency();
    let parsed_package = Package::parse(package, currency).ok();
    let economics = parsed_package.as_ref().map(|p| economics(offer, p, lang));
    let parsed = pilot.and_then(|p| Pilot::parse(p, currency).ok());
    let mrr_pilot = parsed.as_ref().and_then(|p| {
        let price = if p.price.is_zero() {
            offer.monthly_price
        } else {
            p.price
        };
        price.minor().checked_mul(i64::from(p.clients))
    });
    // With the price's tax note, as the economics say every amount.
    let consumer = parsed_package.is_some_and(|p| p.consumer);
    let mrr_pilot_display = mrr_pilot.and_then(|total| {
        Money::from_minor("amount", total, currency)
            .ok()
            .map(|m| crate::analysis::economics::price_display(m, consumer, lang))
    });
    let pilot_clients = parsed.as_ref().map(|p| p.clients);
    PlanView {
        package: package.clone(),
        economics,
        pilot: pilot.cloned(),
        schedule: parsed.and_then(|p| p.schedule()),
        mrr_pilot_display,
        mrr_pilot,
        pilot_clients,
    }
}

pub fn offer_plan(db: &Database, offer_id: i64, lang: Lang) -> CoreResult<PlanView> {
    let offer = db.get_offer(offer_id)?;
    let package = match db.package(offer_id)? {
        Some(package) => package,
        // Not planned yet: the starting point, aiming at the shared target.
        None => {
            let mut start = PackageInput::starting_point();
            let currency = offer.fields.monthly_price.currency();
            if let Some(income) = db.targets()?.monthly_income.filter(|m| m.currency() == currency) {
                start.target_income = income.to_plain();
            }
            start
        }
    };
    Ok(plan_of(&offer.fields, &package, db.pilot(offer_id)?.as_ref(), lang))
}

/// Saves an offer's economics; a new target income becomes the shared one.
pub fn save_package(db: &mut Database, offer_id: i64, input: PackageInput, lang: Lang) -> CoreResult<PlanView> {
    let currency = db.get_offer(offer_id)?.fields.monthly_price.currency();
    let package = Package::parse(&input, currency)?;
    db.save_package(offer_id, &package)?;
    crate::app::target_income::follow_package(db, package.target_income)?;
    offer_plan(db, offer_id, lang)
}

pub fn save_pilot(
    db: &mut Database,
    offer_id: i64,
    input: PilotInput,
    lang: Lang,
    now: DateTime<Utc>,
) -> CoreResult<PlanView> {
    let currency = db.get_offer(offer_id)?.fields.monthly_price.currency();
    db.save_pilot(offer_id, &Pilot::parse(&input, currency)?, now)?;
    offer_plan(db, offer_id, lang)
}
