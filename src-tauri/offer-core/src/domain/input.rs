//! The plain shapes values travel in: from the UI over IPC, and in exported
//! files. Nothing here is trusted; the domain types are built from these with
//! `TryFrom`, which is where every rule is checked.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutcomeInput {
    pub metric: String,
    pub target: Option<i64>,
    pub unit: String,
    pub timeframe_amount: Option<i64>,
    /// "days", "weeks" or "months".
    pub timeframe_unit: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CandidateInput {
    pub name: String,
    pub platform: String,
    pub audience: String,
    pub problem: String,
    pub outcome: OutcomeInput,
    /// "idea", "testing", "chosen" or "dropped".
    pub status: String,
    pub notes: String,
    /// Score 1–5 per criterion, keyed by criterion id (or, in exported files,
    /// by the criterion's reference).
    pub scores: BTreeMap<String, i64>,
    /// How well each score is backed, keyed like `scores`; a scored criterion
    /// that is absent here is a gut feeling.
    pub evidence: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeliverableInput {
    pub name: String,
    pub quantity_per_month: i64,
    pub turnaround_days: i64,
    /// Hours as typed, e.g. "1.5"; stored as whole minutes.
    pub hours_each: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidate_id: Option<i64>,
    pub title: String,
    pub promise: String,
    pub deliverables: Vec<DeliverableInput>,
    pub out_of_scope: Vec<String>,
    /// The monthly price as typed, e.g. "33,000" or "300.00".
    pub price: String,
    /// "JPY" or "USD".
    pub currency: String,
    pub minimum_term_months: i64,
    pub success_metric: String,
    pub contact: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CriterionInput {
    /// Empty keeps a built-in criterion's name in the user's language.
    pub name: String,
    pub weight: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetsInput {
    /// Monthly income as typed; empty clears the target.
    pub monthly_income: String,
    pub currency: String,
    pub close_rate_percent: i64,
}
