//! Robustness of the winner: exact examples and properties.

use chrono::DateTime;
use offerwright_core::candidate::{Candidate, CandidateDraft};
use offerwright_core::compare::{compare, weighted_total};
use offerwright_core::criteria::{Criterion, CriterionDraft, Weight};
use offerwright_core::evidence::Mode;
use offerwright_core::input::CandidateInput;
use offerwright_core::robustness::analyse;
use offerwright_core::text::ShortText;
use offerwright_core::Lang;
use proptest::prelude::*;

fn criterion(id: i64, weight: u8) -> Criterion {
    Criterion {
        id,
        key: None,
        draft: CriterionDraft {
            name: ShortText::parse("name", &format!("c{id}")).unwrap(),
            weight: Weight::new("weight", i64::from(weight)).unwrap(),
        },
        position: id,
    }
}

fn candidate(id: i64, scores: &[u8]) -> Candidate {
    let input = CandidateInput {
        name: format!("candidate {id}"),
        scores: scores
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0)
            .map(|(k, s)| ((k as i64 + 1).to_string(), i64::from(*s)))
            .collect(),
        ..Default::default()
    };
    let t = DateTime::UNIX_EPOCH;
    Candidate {
        id,
        revision: 1,
        draft: CandidateDraft::try_from(&input).unwrap(),
        created_at: t,
        updated_at: t,
    }
}

fn criteria(weights: &[u8]) -> Vec<Criterion> {
    weights
        .iter()
        .enumerate()
        .map(|(k, w)| criterion(k as i64 + 1, *w))
        .collect()
}

#[test]
fn margin_and_clear_winner() {
    // Points: A = 5×5 + 5×5 = 50, B = 5×4 + 5×4 = 40 → margin 20 %.
    let r = analyse(
        &[candidate(1, &[5, 5]), candidate(2, &[4, 4])],
        &criteria(&[5, 5]),
        Mode::Raw,
        100,
        1,
    );
    assert_eq!((r.winner, r.runner_up), (Some(1), Some(2)));
    assert_eq!(r.margin_percent, Some(20.0));
    assert!(r.clear_winner);
    // 50 vs 47 → 6 %: no clear winner.
    let r = analyse(
        &[candidate(1, &[5, 5]), candidate(2, &[5, 4]), candidate(3, &[1, 1])],
        &criteria(&[7, 3]),
        Mode::Raw,
        0,
        1,
    );
    assert_eq!(r.margin_percent, Some(6.0));
    assert!(!r.clear_winner);
}

#[test]
fn the_nearest_weight_that_flips_first_place_is_found() {
    // A is strong on criterion 1, B on criterion 2. Weights 6/4: A = 6×5+4×1 = 34, B = 6×1+4×5 = 26.
    // Raising weight 2 to 6 ties (A stays first on ties), to 7 flips: 6×1+7×5 = 41 > 6×5+7×1 = 37.
    let r = analyse(
        &[candidate(1, &[5, 1]), candidate(2, &[1, 5])],
        &criteria(&[6, 4]),
        Mode::Raw,
        0,
        1,
    );
    let flip = &r.weight_flips[1];
    assert_eq!((flip.flips_at, flip.new_winner), (Some(7), Some(2)));
    assert_eq!(
        (r.weight_flips[0].flips_at, r.weight_flips[0].new_winner),
        (Some(3), Some(2))
    );
}

#[test]
fn a_criterion_that_cannot_flip_says_none() {
    let r = analyse(
        &[candidate(1, &[5, 5]), candidate(2, &[1, 1])],
        &criteria(&[5, 5]),
        Mode::Raw,
        0,
        1,
    );
    assert!(r
        .weight_flips
        .iter()
        .all(|f| f.flips_at.is_none() && f.new_winner.is_none()));
    assert!(r.score_flips.is_empty());
}

#[test]
fn one_point_score_changes_that_flip_first_place_are_listed() {
    let r = analyse(
        &[candidate(1, &[4, 3]), candidate(2, &[4, 3])],
        &criteria(&[5, 5]),
        Mode::Raw,
        0,
        1,
    );
    // A and B tie; A leads by creation order. Any +1 for B or −1 for A flips it.
    assert!(r
        .score_flips
        .iter()
        .any(|f| f.candidate_id == 2 && f.from == 4 && f.to == 5 && f.new_winner == 2));
    assert!(r
        .score_flips
        .iter()
        .any(|f| f.candidate_id == 1 && f.from == 3 && f.to == 2 && f.new_winner == 2));
    assert!(r.score_flips.iter().all(|f| !(f.candidate_id == 1 && f.to > f.from)));
}

#[test]
fn jostled_weights_are_reproducible_from_the_seed() {
    let cands = [
        candidate(1, &[5, 1, 3]),
        candidate(2, &[1, 5, 3]),
        candidate(3, &[3, 3, 3]),
    ];
    let crit = criteria(&[5, 5, 5]);
    let a = analyse(&cands, &crit, Mode::Raw, 2_000, 42);
    let b = analyse(&cands, &crit, Mode::Raw, 2_000, 42);
    assert_eq!(a.win_shares, b.win_shares);
    assert_eq!(a.win_shares.iter().map(|w| w.wins).sum::<u32>(), 2_000);
    // A close race is not won every time.
    assert!(
        a.win_shares.iter().filter(|w| w.wins > 0).count() >= 2,
        "{:?}",
        a.win_shares
    );
}

fn scores_strategy(criteria: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0u8..=5, criteria)
}

proptest! {
    #[test]
    fn totals_do_not_change_when_all_weights_are_scaled(
        weights in prop::collection::vec(0u8..=5, 1..6),
        scores in prop::collection::vec(0u8..=5, 6),
    ) {
        let n = weights.len();
        let c = candidate(1, &scores[..n]);
        let doubled: Vec<u8> = weights.iter().map(|w| w * 2).collect();
        prop_assert_eq!(
            weighted_total(&c.draft, &criteria(&weights), Mode::Raw),
            weighted_total(&c.draft, &criteria(&doubled), Mode::Raw)
        );
    }

    #[test]
    fn ties_are_broken_by_creation_order_every_time(scores in scores_strategy(4), weights in prop::collection::vec(1u8..=10, 4)) {
        let cands = [candidate(1, &scores), candidate(2, &scores), candidate(3, &scores)];
        let crit = criteria(&weights);
        let cmp = compare(&cands, &crit, Lang::En, Mode::Raw);
        let order: Vec<i64> = cmp.candidates.iter().map(|c| c.id).collect();
        prop_assert_eq!(order, vec![1, 2, 3]);
        prop_assert!(cmp.candidates.iter().all(|c| c.rank == 1));
        prop_assert_eq!(analyse(&cands, &crit, Mode::Raw, 50, 9).winner, Some(1));
    }

    #[test]
    fn a_candidate_better_on_every_criterion_always_ranks_first(
        others in prop::collection::vec(scores_strategy(4).prop_map(|v| v.into_iter().map(|s| s.min(4)).collect::<Vec<u8>>()), 1..6),
        lift in prop::collection::vec(1u8..=5, 4),
        weights in prop::collection::vec(1u8..=10, 4),
        position in 0usize..6,
    ) {
        // The dominant candidate beats the best of the others by at least one point everywhere.
        let best: Vec<u8> = (0..4).map(|k| others.iter().map(|o| o[k]).max().unwrap_or(0)).collect();
        let top: Vec<u8> = (0..4).map(|k| (best[k] + 1).max(lift[k]).min(5)).collect();
        prop_assume!((0..4).all(|k| top[k] > best[k]));
        let mut cands: Vec<Candidate> = others.iter().enumerate().map(|(i, s)| candidate(i as i64 + 1, s)).collect();
        cands.insert(position.min(cands.len()), candidate(100, &top));
        let crit = criteria(&weights);
        prop_assert_eq!(compare(&cands, &crit, Lang::En, Mode::Raw).candidates[0].id, 100);
        let r = analyse(&cands, &crit, Mode::Raw, 200, 3);
        prop_assert_eq!(r.winner, Some(100));
        prop_assert_eq!(r.win_shares.iter().find(|w| w.candidate_id == 100).map(|w| w.wins), Some(200));
    }
}

fn with_evidence(mut c: Candidate, level: offerwright_core::evidence::Evidence) -> Candidate {
    for id in c.draft.scores.keys().copied().collect::<Vec<_>>() {
        c.draft.evidence.insert(id, level);
    }
    c
}

#[test]
fn evidence_mode_keeps_a_confident_guess_from_winning_on_conviction() {
    use offerwright_core::evidence::Evidence;
    let guess = with_evidence(candidate(1, &[5, 5]), Evidence::Gut);
    let tested = with_evidence(candidate(2, &[4, 4]), Evidence::Renewal);
    let crit = criteria(&[5, 5]);
    let raw = compare(&[guess.clone(), tested.clone()], &crit, Lang::En, Mode::Raw);
    assert_eq!((raw.candidates[0].id, raw.candidates[0].total.tenths()), (1, 1000));
    let adjusted = compare(&[guess.clone(), tested.clone()], &crit, Lang::En, Mode::Evidence);
    // 5 × 60 % = 3 → 60.0; 4 × 100 % → 80.0.
    assert_eq!(
        (adjusted.candidates[0].id, adjusted.candidates[0].total.tenths()),
        (2, 800)
    );
    assert_eq!(adjusted.candidates[1].total.tenths(), 600);
    assert_eq!(analyse(&[guess, tested], &crit, Mode::Evidence, 100, 1).winner, Some(2));
}
