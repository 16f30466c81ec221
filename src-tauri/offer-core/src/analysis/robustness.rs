//! How much to trust the winner of a comparison: its margin over the
//! runner-up in points, the weight change or the one-point score change that
//! would flip first place, and how often each candidate wins when every
//! weight is jostled at random (seeded, so results are reproducible).
//!
//! "Who is first" is decided on exact points (`compare::Points`), the same
//! way the ranking decides it; only the random jostling uses floating point.

use serde::Serialize;

use crate::analysis::compare::{place, Points, BEST};
use crate::analysis::rng::SeededRng;
use crate::domain::candidate::{Candidate, Score};
use crate::domain::criteria::{Criterion, Weight};
use crate::domain::evidence::Mode;

/// The margin, in points of the 0–100 total, under which the comparison
/// reads "no clear winner": less than a full point on a quarter of the weight.
pub const CLEAR_MARGIN_POINTS: f64 = 5.0;

/// Scores as a dense matrix: one row per candidate, one column per criterion;
/// beside each score (None where blank) the percent of its distance from the
/// middle that counts (100, or its evidence factor in evidence mode).
pub struct Matrix {
    pub ids: Vec<i64>,
    pub criterion_ids: Vec<i64>,
    pub weights: Vec<u8>,
    scores: Vec<Option<u8>>,
    factors: Vec<u8>,
}

impl Matrix {
    pub fn new(candidates: &[Candidate], criteria: &[Criterion], mode: Mode) -> Matrix {
        let mut scores = Vec::with_capacity(candidates.len() * criteria.len());
        let mut factors = Vec::with_capacity(candidates.len() * criteria.len());
        for c in candidates {
            for k in criteria {
                scores.push(c.fields.scores.get(&k.id).map(|s| s.value()));
                factors.push(mode.factor(c.fields.evidence_for(k.id)));
            }
        }
        Matrix {
            ids: candidates.iter().map(|c| c.id).collect(),
            criterion_ids: criteria.iter().map(|k| k.id).collect(),
            weights: criteria.iter().map(|k| k.fields.weight.value()).collect(),
            scores,
            factors,
        }
    }

    fn width(&self) -> usize {
        self.weights.len()
    }

    fn score(&self, candidate: usize, criterion: usize) -> Option<u8> {
        self.scores[candidate * self.width() + criterion]
    }

    /// Where the score sits on the 0–BEST line, after evidence; None if blank.
    fn place(&self, candidate: usize, criterion: usize) -> Option<i64> {
        place(
            self.score(candidate, criterion),
            self.factors[candidate * self.width() + criterion],
        )
    }

    fn points(&self, candidate: usize, weights: &[u8]) -> Points {
        let mut points = Points::default();
        for (k, w) in weights.iter().enumerate() {
            points.add(i64::from(*w), self.place(candidate, k));
        }
        points
    }
}

/// The index of the first candidate with the most points; ties go to the
/// earlier one (creation order), so the result is deterministic.
fn leader(points: impl Iterator<Item = Points>) -> Option<(usize, Points)> {
    points.enumerate().fold(None, |best, (i, p)| match best {
        Some((_, bp)) if bp >= p => best,
        _ => Some((i, p)),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightFlip {
    pub criterion_id: i64,
    pub weight: u8,
    /// The nearest weight (0–10) at which someone else comes first.
    pub flips_at: Option<u8>,
    pub new_winner: Option<i64>,
    /// Whether that weight is within `NEAR_FLIP_STEPS` of the current one:
    /// only then is the flip worth a note beside the criterion.
    pub near: bool,
}

/// How many steps of the 0–10 weight count as "near": a change of one or two
/// is the kind of doubt a user has about a weight; further is a different
/// opinion of the criterion, not a nudge.
pub const NEAR_FLIP_STEPS: u8 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreFlip {
    pub candidate_id: i64,
    pub criterion_id: i64,
    pub from: u8,
    pub to: u8,
    pub new_winner: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WinShare {
    pub candidate_id: i64,
    pub wins: u32,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Robustness {
    pub winner: Option<i64>,
    pub runner_up: Option<i64>,
    /// Winner's total − runner-up's total, in points of the 0–100 scale, one decimal.
    pub margin_points: Option<f64>,
    pub clear_winner: bool,
    pub weight_flips: Vec<WeightFlip>,
    pub score_flips: Vec<ScoreFlip>,
    pub samples: u32,
    pub seed: u64,
    pub win_shares: Vec<WinShare>,
}

fn round_tenth(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// For each criterion, the smallest change of its weight that puts someone
/// else first.
pub fn weight_flips(m: &Matrix) -> Vec<WeightFlip> {
    let base: Vec<Points> = (0..m.ids.len()).map(|c| m.points(c, &m.weights)).collect();
    let Some((winner, _)) = leader(base.iter().copied()) else {
        return Vec::new();
    };
    (0..m.width())
        .map(|k| {
            let current = m.weights[k];
            let mut candidates: Vec<u8> = (0..=Weight::MAX).filter(|&w| w != current).collect();
            candidates.sort_by_key(|&w| ((i16::from(w) - i16::from(current)).abs(), w));
            let flip = candidates.into_iter().find_map(|w| {
                let delta = i64::from(w) - i64::from(current);
                let moved = |c: usize| {
                    let mut p = base[c];
                    if let Some(place) = m.place(c, k) {
                        p.earned += delta * place;
                        p.possible += delta * BEST;
                    }
                    p
                };
                let (first, _) = leader((0..m.ids.len()).map(moved))?;
                (first != winner).then_some((w, m.ids[first]))
            });
            WeightFlip {
                criterion_id: m.criterion_ids[k],
                weight: current,
                flips_at: flip.map(|(w, _)| w),
                new_winner: flip.map(|(_, id)| id),
                near: flip.is_some_and(|(w, _)| w.abs_diff(current) <= NEAR_FLIP_STEPS),
            }
        })
        .collect()
}

/// Every single one-point change of a given score that puts someone else
/// first (blank scores are not changes of a score, so they are left out).
pub fn score_flips(m: &Matrix) -> Vec<ScoreFlip> {
    let base: Vec<Points> = (0..m.ids.len()).map(|c| m.points(c, &m.weights)).collect();
    let Some((winner, _)) = leader(base.iter().copied()) else {
        return Vec::new();
    };
    let mut flips = Vec::new();
    for c in 0..m.ids.len() {
        for k in 0..m.width() {
            let Some(from) = m.score(c, k) else {
                continue;
            };
            for to in [from.checked_sub(1), from.checked_add(1)].into_iter().flatten() {
                if !(1..=Score::MAX).contains(&to) {
                    continue;
                }
                let factor = m.factors[c * m.width() + k];
                let shift = place(Some(to), factor).unwrap_or(0) - place(Some(from), factor).unwrap_or(0);
                let changed = |i: usize| {
                    let mut p = base[i];
                    if i == c {
                        p.earned += i64::from(m.weights[k]) * shift;
                    }
                    p
                };
                if let Some((first, _)) = leader((0..m.ids.len()).map(changed)) {
                    if first != winner {
                        flips.push(ScoreFlip {
                            candidate_id: m.ids[c],
                            criterion_id: m.criterion_ids[k],
                            from,
                            to,
                            new_winner: m.ids[first],
                        });
                    }
                }
            }
        }
    }
    flips
}

/// How often each candidate comes first when every weight is multiplied by
/// a random factor in [0.5, 1.5). Scaling all weights alike does not change
/// who is first, so the weights need no renormalizing.
pub fn win_shares(m: &Matrix, samples: u32, seed: u64) -> Vec<WinShare> {
    let n = m.ids.len();
    let width = m.width();
    // Each cell's place (0–BEST) and whether it counts at all (not blank).
    let places: Vec<(f64, f64)> = (0..n)
        .flat_map(|c| (0..width).map(move |k| (c, k)))
        .map(|(c, k)| m.place(c, k).map_or((0.0, 0.0), |p| (p as f64, BEST as f64)))
        .collect();
    let mut wins = vec![0u32; n];
    let mut rng = SeededRng::new(seed);
    let mut weights = vec![0.0f64; width];
    if n > 0 {
        for _ in 0..samples {
            for (k, w) in weights.iter_mut().enumerate() {
                *w = f64::from(m.weights[k]) * (0.5 + rng.next_unit());
            }
            let mut best = 0;
            let mut best_total = f64::NEG_INFINITY;
            for (c, row) in places.chunks_exact(width.max(1)).enumerate().take(n) {
                let (earned, possible) = row
                    .iter()
                    .zip(&weights)
                    .fold((0.0, 0.0), |(e, p), ((place, best), w)| (e + place * w, p + best * w));
                let total = if possible > 0.0 { earned / possible } else { -1.0 };
                if total > best_total {
                    best_total = total;
                    best = c;
                }
            }
            wins[best] += 1;
        }
    }
    m.ids
        .iter()
        .zip(wins)
        .map(|(&candidate_id, w)| WinShare {
            candidate_id,
            wins: w,
            percent: if samples == 0 {
                0.0
            } else {
                round_tenth(f64::from(w) * 100.0 / f64::from(samples))
            },
        })
        .collect()
}

pub fn analyse(candidates: &[Candidate], criteria: &[Criterion], mode: Mode, samples: u32, seed: u64) -> Robustness {
    let m = Matrix::new(candidates, criteria, mode);
    let points: Vec<Points> = (0..m.ids.len()).map(|c| m.points(c, &m.weights)).collect();
    let first = leader(points.iter().copied());
    let second = first.and_then(|(w, _)| {
        let others = points.iter().enumerate().filter(|(i, _)| *i != w).map(|(i, p)| (i, *p));
        others.fold(None, |best: Option<(usize, Points)>, (i, p)| match best {
            Some((_, bp)) if bp >= p => best,
            _ => Some((i, p)),
        })
    });
    let margin_points = match (first, second) {
        (Some((_, p1)), Some((_, p2))) => Some(round_tenth(p1.value() - p2.value()).max(0.0)),
        _ => None,
    };
    Robustness {
        winner: first.map(|(i, _)| m.ids[i]),
        runner_up: second.map(|(i, _)| m.ids[i]),
        margin_points,
        clear_winner: margin_points.is_some_and(|p| p >= CLEAR_MARGIN_POINTS),
        weight_flips: weight_flips(&m),
        score_flips: score_flips(&m),
        samples,
        seed,
        win_shares: win_shares(&m, samples, seed),
    }
}
