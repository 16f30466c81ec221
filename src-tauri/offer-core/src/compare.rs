//! Weighted totals of niche candidates over the user's criteria.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::candidate::{Candidate, CandidateDraft, Score};
use crate::criteria::Criterion;
use crate::evidence::{Evidence, Mode};
use crate::robustness::{self, Robustness};
use crate::Lang;

/// A weighted total from 0 to 100, kept in tenths so that ranking is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Total(u16);

impl Total {
    pub fn tenths(self) -> u16 {
        self.0
    }
}

impl Serialize for Total {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // One decimal is exact in both tenths and the JSON number.
        s.serialize_f64(f64::from(self.0) / 10.0)
    }
}

/// Σ weight × score ÷ (5 × Σ weight), as 0–100. In evidence mode each score
/// first counts only its evidence factor (a gut feeling 60 %, a renewal 100 %).
/// An unscored criterion counts as zero, so filling in every score matters;
/// all-zero weights give zero.
pub fn weighted_total(draft: &CandidateDraft, criteria: &[Criterion], mode: Mode) -> Total {
    let weight_sum: u64 = criteria.iter().map(|c| u64::from(c.draft.weight.value())).sum();
    if weight_sum == 0 {
        return Total(0);
    }
    // Points in percent of a score point, so evidence factors stay integers.
    let points: u64 = criteria
        .iter()
        .map(|c| {
            let score = draft.scores.get(&c.id).map_or(0, |s| u64::from(s.value()));
            let factor = u64::from(mode.factor(draft.evidence_for(c.id)));
            u64::from(c.draft.weight.value()) * score * factor
        })
        .sum();
    let denominator = weight_sum * u64::from(Score::MAX) * 100;
    // Round half up to the nearest tenth, in integers.
    Total(((points * 2000 + denominator) / (2 * denominator)) as u16)
}

#[derive(Debug, Clone, Serialize)]
pub struct CriterionColumn {
    pub id: i64,
    pub label: String,
    pub weight: u8,
    /// The highest score any compared candidate has on this criterion.
    pub best: Option<u8>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RankedCandidate {
    pub id: i64,
    pub name: String,
    pub status: String,
    pub scores: BTreeMap<i64, u8>,
    /// Evidence per scored criterion other than a gut feeling.
    pub evidence: BTreeMap<i64, Evidence>,
    pub total: Total,
    /// 1 is best; equal totals share a rank.
    pub rank: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub mode: Mode,
    pub criteria: Vec<CriterionColumn>,
    /// Best first; equal totals in the order the candidates were created.
    pub candidates: Vec<RankedCandidate>,
    /// How much to trust first place; present once asked for.
    pub robustness: Option<Robustness>,
}

/// The number of random weight samples the app uses: enough for shares to
/// settle to about a percent, and quick for 50 candidates.
pub const SAMPLES: u32 = 10_000;
/// A fixed seed, so the same comparison always shows the same shares.
pub const SEED: u64 = 2026;

impl Comparison {
    /// Adds the robustness figures for the same candidates, criteria and mode.
    pub fn with_robustness(
        mut self,
        candidates: &[Candidate],
        criteria: &[Criterion],
        samples: u32,
        seed: u64,
    ) -> Self {
        self.robustness = Some(robustness::analyse(candidates, criteria, self.mode, samples, seed));
        self
    }
}

pub fn compare(candidates: &[Candidate], criteria: &[Criterion], lang: Lang, mode: Mode) -> Comparison {
    let mut ranked: Vec<RankedCandidate> = candidates
        .iter()
        .map(|c| RankedCandidate {
            id: c.id,
            name: c.draft.name.as_str().to_string(),
            status: c.draft.status.as_str().to_string(),
            scores: c.draft.scores.iter().map(|(k, s)| (*k, s.value())).collect(),
            evidence: c.draft.evidence.clone(),
            total: weighted_total(&c.draft, criteria, mode),
            rank: 0,
        })
        .collect();
    // A stable sort keeps creation order among equals, so ties are deterministic.
    ranked.sort_by_key(|r| std::cmp::Reverse(r.total));
    for i in 0..ranked.len() {
        ranked[i].rank = if i > 0 && ranked[i].total == ranked[i - 1].total {
            ranked[i - 1].rank
        } else {
            i + 1
        };
    }
    let columns = criteria
        .iter()
        .map(|c| CriterionColumn {
            id: c.id,
            label: c.label(lang),
            weight: c.draft.weight.value(),
            best: ranked.iter().filter_map(|r| r.scores.get(&c.id).copied()).max(),
        })
        .collect();
    Comparison {
        mode,
        criteria: columns,
        candidates: ranked,
        robustness: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::CandidateDraft;
    use crate::criteria::{CriterionDraft, Weight};
    use crate::input::CandidateInput;
    use crate::text::ShortText;

    fn criterion(id: i64, weight: i64) -> Criterion {
        Criterion {
            id,
            key: None,
            draft: CriterionDraft {
                name: ShortText::parse("name", &format!("c{id}")).unwrap(),
                weight: Weight::new("weight", weight).unwrap(),
            },
            position: id,
        }
    }

    fn candidate(id: i64, scores: &[(i64, i64)]) -> Candidate {
        let input = CandidateInput {
            name: format!("candidate {id}"),
            scores: scores.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..Default::default()
        };
        let now = chrono::DateTime::UNIX_EPOCH;
        Candidate {
            id,
            revision: 1,
            draft: CandidateDraft::try_from(&input).unwrap(),
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn all_fives_score_one_hundred_and_unscored_counts_as_zero() {
        let criteria = [criterion(1, 8), criterion(2, 2)];
        assert_eq!(
            weighted_total(&candidate(1, &[(1, 5), (2, 5)]).draft, &criteria, Mode::Raw).tenths(),
            1000
        );
        // 8×5 / (10×5) = 80 %.
        assert_eq!(
            weighted_total(&candidate(1, &[(1, 5)]).draft, &criteria, Mode::Raw).tenths(),
            800
        );
        assert_eq!(
            weighted_total(&candidate(1, &[]).draft, &criteria, Mode::Raw).tenths(),
            0
        );
    }

    #[test]
    fn totals_round_to_the_nearest_tenth() {
        // 1×1 / (3×5) = 6.666… → 6.7.
        let criteria = [criterion(1, 1), criterion(2, 1), criterion(3, 1)];
        assert_eq!(
            weighted_total(&candidate(1, &[(1, 1)]).draft, &criteria, Mode::Raw).tenths(),
            67
        );
    }

    #[test]
    fn zero_weights_give_zero_not_a_division_by_zero() {
        let criteria = [criterion(1, 0)];
        assert_eq!(
            weighted_total(&candidate(1, &[(1, 5)]).draft, &criteria, Mode::Raw).tenths(),
            0
        );
    }

    #[test]
    fn weights_change_the_winner() {
        let a = candidate(1, &[(1, 5), (2, 1)]);
        let b = candidate(2, &[(1, 1), (2, 5)]);
        let first = |w1, w2| {
            compare(
                &[a.clone(), b.clone()],
                &[criterion(1, w1), criterion(2, w2)],
                Lang::En,
                Mode::Raw,
            )
            .candidates[0]
                .id
        };
        assert_eq!(first(9, 1), 1);
        assert_eq!(first(1, 9), 2);
    }

    #[test]
    fn ties_share_a_rank_and_keep_creation_order() {
        let criteria = [criterion(1, 5)];
        let cmp = compare(
            &[
                candidate(1, &[(1, 3)]),
                candidate(2, &[(1, 4)]),
                candidate(3, &[(1, 3)]),
            ],
            &criteria,
            Lang::En,
            Mode::Raw,
        );
        let order: Vec<(i64, usize)> = cmp.candidates.iter().map(|c| (c.id, c.rank)).collect();
        assert_eq!(order, [(2, 1), (1, 2), (3, 2)]);
        assert_eq!(cmp.criteria[0].best, Some(4));
    }

    #[test]
    fn totals_serialize_with_one_decimal() {
        let json = serde_json::to_string(&Total(675)).unwrap();
        assert_eq!(json, "67.5");
    }
}
