//! Versions of an offer: what it said, with its package plan and pilot, at a
//! moment the user wants to come back to — when it was exported or printed,
//! or when they asked. Two versions compare field by field.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::input::OfferInput;
use crate::domain::package::PackageInput;
use crate::domain::pilot::PilotInput;
use crate::error::ValidationError;
use crate::Lang;

/// Why a version was taken.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum VersionReason {
    /// The user asked for it, usually with a label.
    Manual,
    /// The one-pager was exported as a PDF.
    Exported,
    /// The one-pager was printed.
    Printed,
    /// Taken just before an older version was restored over the draft.
    BeforeRestore,
}

impl VersionReason {
    pub const ALL: &'static [VersionReason] = <VersionReason as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(field: &str, raw: &str) -> Result<VersionReason, ValidationError> {
        crate::domain::choice(field, raw, None)
    }

    /// Versions taken on the user's behalf may be skipped (see `skips_after`).
    pub fn is_automatic(self) -> bool {
        self != VersionReason::Manual
    }

    /// Whether a version for this reason is redundant right after `newest`
    /// with the same content: printing twice, or exporting then printing,
    /// keeps one; a draft kept before a restore is never kept twice. A
    /// version the user kept by hand does not stand in for an export.
    pub fn skips_after(self, newest: VersionReason) -> bool {
        match self {
            VersionReason::Manual => false,
            VersionReason::BeforeRestore => true,
            VersionReason::Exported | VersionReason::Printed => {
                matches!(newest, VersionReason::Exported | VersionReason::Printed)
            }
        }
    }
}

/// What a version holds: the offer as the user's inputs, which restore
/// through the same validation as an edit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VersionContent {
    pub offer: OfferInput,
    pub package: Option<PackageInput>,
    pub pilot: Option<PilotInput>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfferVersion {
    pub id: i64,
    pub offer_id: i64,
    pub created_at: DateTime<Utc>,
    pub reason: VersionReason,
    pub label: String,
    pub content: VersionContent,
}

/// One row of a side-by-side comparison. `field` names the value the way the
/// offer form does ("title", "package.slots", "pilot.start").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
    pub changed: bool,
}

fn yes_no(value: bool, lang: Lang) -> String {
    crate::locales::text(lang, if value { "version.yes" } else { "version.no" }, &[])
}

fn decision(raw: &str, lang: Lang) -> String {
    let key = match raw {
        "go" => "version.go",
        "adjust" => "version.adjust",
        "stop" => "version.stop",
        other => return other.into(),
    };
    crate::locales::text(lang, key, &[])
}

/// An amount as the offer screen says it (55,000円, $300.00); as stored when
/// it does not read.
fn amount(plain: &str, currency: &str, lang: Lang) -> String {
    crate::domain::money::Currency::parse("currency", currency)
        .and_then(|c| crate::domain::money::Money::parse("amount", plain, c))
        .ok()
        .filter(|m| !plain.trim().is_empty() && !m.is_zero())
        .map_or_else(|| plain.trim().to_string(), |m| m.format(lang))
}

/// A date as sentences say it (2027年1月31日, January 31, 2027).
fn day(raw: &str, lang: Lang) -> String {
    match crate::domain::date::parse_date("date", raw) {
        Ok(Some(d)) => crate::locales::date(lang, d),
        _ => raw.to_string(),
    }
}

fn number(n: i64) -> String {
    if n == 0 {
        String::new()
    } else {
        n.to_string()
    }
}

/// Every value a version holds, as text in a fixed order. `candidate_name`
/// turns the linked candidate's id into its name.
pub fn fields(
    content: &VersionContent,
    candidate_name: &dyn Fn(i64) -> Option<String>,
    lang: Lang,
) -> Vec<(String, String)> {
    let o = &content.offer;
    let deliverable = |d: &crate::domain::input::DeliverableInput| {
        crate::locales::text(
            lang,
            "version.deliverable",
            &[
                ("name", &d.name),
                ("quantity", &d.quantity_per_month),
                ("days", &d.turnaround_days),
                ("hours", &d.hours_each),
            ],
        )
    };
    let mut out: Vec<(String, String)> = vec![
        (
            "candidate_id".into(),
            o.candidate_id.and_then(candidate_name).unwrap_or_default(),
        ),
        ("title".into(), o.title.clone()),
        ("promise".into(), o.promise.clone()),
        (
            "deliverables".into(),
            o.deliverables.iter().map(deliverable).collect::<Vec<_>>().join("\n"),
        ),
        ("out_of_scope".into(), o.out_of_scope.join("\n")),
        ("price".into(), amount(&o.price, &o.currency, lang)),
        ("minimum_term_months".into(), number(o.minimum_term_months)),
        ("success_metric".into(), o.success_metric.clone()),
        ("contact".into(), o.contact.clone()),
    ];
    let p = content.package.clone().unwrap_or_default();
    out.extend([
        ("package.founder_hours".into(), number(p.founder_hours)),
        ("package.utilization_percent".into(), number(p.utilization_percent)),
        ("package.buffer_percent".into(), number(p.buffer_percent)),
        ("package.meeting_hours".into(), p.meeting_hours),
        ("package.revision_hours".into(), p.revision_hours),
        ("package.slots".into(), number(p.slots)),
        ("package.target_income".into(), amount(&p.target_income, &o.currency, lang)),
        ("package.expenses".into(), amount(&p.expenses, &o.currency, lang)),
        ("package.margin_percent".into(), number(p.margin_percent)),
        ("package.hourly_floor".into(), amount(&p.hourly_floor, &o.currency, lang)),
        (
            "package.consumer".into(),
            content
                .package
                .as_ref()
                .map(|p| yes_no(p.consumer, lang))
                .unwrap_or_default(),
        ),
    ]);
    let t = content.pilot.clone().unwrap_or_default();
    out.extend([
        ("pilot.clients".into(), number(t.clients)),
        ("pilot.price".into(), amount(&t.price, &o.currency, lang)),
        ("pilot.start".into(), day(&t.start, lang)),
        ("pilot.months".into(), number(t.months)),
        ("pilot.we_believe".into(), t.we_believe),
        ("pilot.we_will_test".into(), t.we_will_test),
        ("pilot.we_measure".into(), t.we_measure),
        ("pilot.right_if".into(), t.right_if),
        ("pilot.observed".into(), t.observed),
        ("pilot.learned".into(), t.learned),
        ("pilot.decision".into(), decision(&t.decision, lang)),
    ]);
    out
}

/// Two versions side by side, every field in the form's order, the changed
/// ones marked.
pub fn compare(
    before: &VersionContent,
    after: &VersionContent,
    candidate_name: &dyn Fn(i64) -> Option<String>,
    lang: Lang,
) -> Vec<FieldChange> {
    fields(before, candidate_name, lang)
        .into_iter()
        .zip(fields(after, candidate_name, lang))
        .map(|((field, before), (_, after))| FieldChange {
            changed: before != after,
            field,
            before,
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::input::DeliverableInput;

    fn content() -> VersionContent {
        VersionContent {
            offer: OfferInput {
                candidate_id: Some(7),
                title: "リール制作 月4本".into(),
                promise: "3か月で予約を月8件に".into(),
                deliverables: vec![DeliverableInput {
                    name: "リール動画".into(),
                    quantity_per_month: 4,
                    turnaround_days: 3,
                    hours_each: "1.5".into(),
                }],
                out_of_scope: vec!["広告運用".into()],
                price: "33000".into(),
                currency: "JPY".into(),
                minimum_term_months: 3,
                success_metric: "予約数".into(),
                contact: "hanako@example.jp".into(),
            },
            package: Some(PackageInput::starting_point()),
            pilot: None,
        }
    }

    fn names(id: i64) -> Option<String> {
        (id == 7).then(|| "美容室のリール".to_string())
    }

    #[test]
    fn the_same_content_has_no_changes() {
        let rows = compare(&content(), &content(), &names, Lang::Ja);
        assert!(rows.iter().all(|r| !r.changed));
        let candidate = rows.iter().find(|r| r.field == "candidate_id").unwrap();
        assert_eq!(candidate.before, "美容室のリール");
    }

    #[test]
    fn changed_fields_are_marked_and_only_those() {
        let mut after = content();
        after.offer.price = "38000".into();
        after.offer.deliverables[0].quantity_per_month = 6;
        after.package.as_mut().unwrap().slots = 2;
        after.pilot = Some(PilotInput {
            decision: "go".into(),
            ..Default::default()
        });
        let rows = compare(&content(), &after, &names, Lang::En);
        let changed: Vec<&str> = rows.iter().filter(|r| r.changed).map(|r| r.field.as_str()).collect();
        assert_eq!(changed, ["deliverables", "price", "package.slots", "pilot.decision"]);
        let price = rows.iter().find(|r| r.field == "price").unwrap();
        // Amounts as the offer screen says them, not as stored.
        assert_eq!(
            (price.before.as_str(), price.after.as_str()),
            ("¥33,000", "¥38,000")
        );
        let ja = compare(&content(), &after, &names, Lang::Ja);
        assert_eq!(ja.iter().find(|r| r.field == "price").unwrap().after, "38,000円");
        let decision = rows.iter().find(|r| r.field == "pilot.decision").unwrap();
        assert_eq!(decision.after, "Go");
        assert!(rows
            .iter()
            .find(|r| r.field == "deliverables")
            .unwrap()
            .after
            .contains("6 per month"));
    }

    #[test]
    fn only_manual_versions_are_kept_when_nothing_changed() {
        assert!(!VersionReason::Manual.is_automatic());
        assert!(VersionReason::Exported.is_automatic());
        assert!(VersionReason::Printed.skips_after(VersionReason::Exported));
        assert!(!VersionReason::Exported.skips_after(VersionReason::Manual));
        assert!(VersionReason::BeforeRestore.skips_after(VersionReason::Manual));
        assert!(!VersionReason::Manual.skips_after(VersionReason::Manual));
        for &r in VersionReason::ALL {
            assert_eq!(VersionReason::parse("reason", r.as_str()).unwrap(), r);
        }
    }
}
