//! Weighted totals of niche candidates over the user's criteria.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::robustness::{self, Robustness};
use crate::domain::candidate::{Candidate, CandidateFields};
use crate::domain::criteria::Criterion;
use crate::domain::evidence::{Evidence, Mode};
use crate::Lang;

/// A weighted total from 0 to 100 in tenths, as shown. Ranking never uses
/// it: it compares `Points`, which are exact.
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

/// The middle of the 1–5 scale: where a score with no evidence behind it
/// is pulled toward.
const MIDDLE: i64 = 3;
/// A score's place between the worst (1 → 0) and the best (5 → BEST).
pub(crate) const BEST: i64 = 400;

/// Where one score sits on the 0–BEST line. In evidence mode the score is
/// first pulled toward the middle by how sure it is: middle + (score −
/// middle) × factor, so a gut-feeling 1 counts as 1.8 and a confirmed 1 as 1;
/// confirming a low score never raises a total, confirming a high one never
/// lowers it. A blank score is missing, not zero.
pub(crate) fn place(score: Option<u8>, factor_percent: u8) -> Option<i64> {
    score.map(|s| 2 * 100 + (i64::from(s) - MIDDLE) * i64::from(factor_percent))
}

/// A candidate's weighted points, exact: Σ weight × place over its scored
/// criteria, out of Σ weight × BEST over the same criteria. A criterion left
/// blank is left out with its weight (the candidate is then incomplete).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Points {
    pub earned: i64,
    pub possible: i64,
}

impl Points {
    pub fn add(&mut self, weight: i64, place: Option<i64>) {
        if let Some(place) = place {
            self.earned += weight * place;
            self.possible += weight * BEST;
        }
    }

    /// 0 (every score the worst) to 100 (every score the best), rounded half
    /// up to tenths; nothing to count gives 0.
    pub fn total(self) -> Total {
        if self.possible <= 0 {
            return Total(0);
        }
        let (earned, possible) = (i128::from(self.earned), i128::from(self.possible));
        Total(((earned * 2000 + possible) / (2 * possible)) as u16)
    }

    /// The total as a number, for margins and shares (never for ranking).
    pub fn value(self) -> f64 {
        if self.possible <= 0 {
            0.0
        } else {
            self.earned as f64 * 100.0 / self.possible as f64
        }
    }
}

impl PartialOrd for Points {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Points {
    /// By the exact fraction; nothing to count ranks below everything.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self.possible > 0, other.possible > 0) {
            (false, false) => std::cmp::Ordering::Equal,
            (false, true) => std::cmp::Ordering::Less,
            (true, false) => std::cmp::Ordering::Greater,
            (true, true) => (i128::from(self.earned) * i128::from(other.possible))
                .cmp(&(i128::from(other.earned) * i128::from(self.possible))),
        }
    }
}

/// A candidate's points over `criteria`.
pub fn points(draft: &CandidateFields, criteria: &[Criterion], mode: Mode) -> Points {
    let mut points = Points::default();
    for c in criteria {
        let score = draft.scores.get(&c.id).map(|s| s.value());
        points.add(
            i64::from(c.fields.weight.value()),
            place(score, mode.factor(draft.evidence_for(c.id))),
        );
    }
    points
}

/// The total shown for a candidate: 0 when every score is the worst, 100
/// when every score is the best, over the criteria it has scores for.
pub fn weighted_total(draft: &CandidateFields, criteria: &[Criterion], mode: Mode) -> Total {
    points(draft, criteria, mode).total()
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
    /// Criteria with a weight that this candidate has no score for: its total
    /// leaves them out, so it is not yet comparable in full.
    pub unscored: Vec<i64>,
    /// 1 is best; exactly equal totals share a rank.
    pub rank: usize,
    #[serde(skip)]
    pub points: Points,
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
        .map(|c| {
            let points = points(&c.fields, criteria, mode);
            RankedCandidate {
                id: c.id,
                name: c.fields.name.as_str().to_string(),
                status: c.fields.status.as_str().to_string(),
                scores: c.fields.scores.iter().map(|(k, s)| (*k, s.value())).collect(),
                evidence: c.fields.evidence.clone(),
                total: points.total(),
                unscored: criteria
                    .iter()
                    .filter(|k| k.fields.weight.value() > 0 && !c.fields.scores.contains_key(&k.id))
                    .map(|k| k.id)
                    .collect(),
                rank: 0,
                points,
            }
        })
        .collect();
    // By the exact points, as the robustness verdict does, so the list and
    // the verdict always name the same leader. A stable sort keeps creation
    // order among exact equals, so ties are deterministic.
    ranked.sort_by_key(|r| std::cmp::Reverse(r.points));
    for i in 0..ranked.len() {
        ranked[i].rank = if i > 0 && ranked[i].points == ranked[i - 1].points {
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
            weight: c.fields.weight.value(),
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
    use crate::domain::candidate::CandidateFields;
    use crate::domain::criteria::{CriterionFields, Weight};
    use crate::domain::input::CandidateInput;
    use crate::domain::text::ShortText;

    fn criterion(id: i64, weight: i64) -> Criterion {
        Criterion {
            id,
            key: None,
            fields: CriterionFields {
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
            fields: CandidateFields::try_from(&input).unwrap(),
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn all_fives_score_one_hundred_all_ones_zero_and_blanks_are_left_out() {
        let criteria = [criterion(1, 8), criterion(2, 2)];
        let total = |scores: &[(i64, i64)]| weighted_total(&candidate(1, scores).fields, &criteria, Mode::Raw).tenths();
        assert_eq!(total(&[(1, 5), (2, 5)]), 1000);
        assert_eq!(total(&[(1, 1), (2, 1)]), 0);
        // 8 × (4 − 1)/4 + 2 × (2 − 1)/4 = 6.5 of 10 → 65.0.
        assert_eq!(total(&[(1, 4), (2, 2)]), 650);
        // Criterion 2 blank: it leaves with its weight; 5 on criterion 1 alone is 100.
        assert_eq!(total(&[(1, 5)]), 1000);
        assert_eq!(total(&[]), 0);
    }

    #[test]
    fn totals_round_to_the_nearest_tenth() {
        // (1 × 1/4 + 2 × 0) / 3 = 8.333… → 8.3; (1 × 2/4 + 0 + 0) / 3 = 16.666… → 16.7.
        let criteria = [criterion(1, 1), criterion(2, 1), criterion(3, 1)];
        let total = |scores: &[(i64, i64)]| weighted_total(&candidate(1, scores).fields, &criteria, Mode::Raw).tenths();
        assert_eq!(total(&[(1, 2), (2, 1), (3, 1)]), 83);
        assert_eq!(total(&[(1, 3), (2, 1), (3, 1)]), 167);
    }

    #[test]
    fn zero_weights_give_zero_not_a_division_by_zero() {
        let criteria = [criterion(1, 0)];
        assert_eq!(
            weighted_total(&candidate(1, &[(1, 5)]).fields, &criteria, Mode::Raw).tenths(),
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
