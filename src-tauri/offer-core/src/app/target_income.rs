//! The target monthly income is one number. The comparison's Fermi check and
//! every offer's economics use it, and changing it on either screen changes
//! it on both. It lives in the settings; each package of an offer in that
//! currency holds a copy (so versions and exported files stay whole), and
//! every change goes through here so the copies never drift.

use crate::domain::money::{Currency, Money};
use crate::domain::targets::Targets;
use crate::error::CoreResult;
use crate::Database;

/// The user set the targets on the comparison: every package follows.
pub fn set(db: &mut Database, targets: &Targets, currency: Currency) -> CoreResult<()> {
    db.share_target_income(targets, currency)
}

/// An offer's economics were saved with `income` (in the offer's currency):
/// when it is not the shared target, it becomes it (and the other offers in
/// its currency follow). Clearing it clears only a target in that currency.
pub fn follow_package(db: &mut Database, income: Money) -> CoreResult<()> {
    let targets = db.targets()?;
    let currency = income.currency();
    let income = (!income.is_zero()).then_some(income);
    if income == targets.monthly_income.filter(|m| m.currency() == currency) {
        return Ok(());
    }
    db.share_target_income(
        &Targets {
            monthly_income: income,
            ..targets
        },
        currency,
    )
}

/// After packages arrived from elsewhere (a restored version, an imported
/// file): a shared target, when there is one, is put back into them; when
/// there is none yet, the first target they hold becomes it.
pub fn settle(db: &mut Database) -> CoreResult<()> {
    let targets = db.targets()?;
    if let Some(income) = targets.monthly_income {
        return db.share_target_income(&targets, income.currency());
    }
    for offer in db.list_offers()? {
        let currency = offer.fields.monthly_price.currency();
        let Some(input) = db.package(offer.id)? else { continue };
        let Ok(income) = Money::parse("target_income", &input.target_income, currency) else { continue };
        if !income.is_zero() {
            return db.share_target_income(
                &Targets {
                    monthly_income: Some(income),
                    ..targets
                },
                currency,
            );
        }
    }
    Ok(())
}
