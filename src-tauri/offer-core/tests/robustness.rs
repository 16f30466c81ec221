//! Robustness of the winner: exact examples and properties.

use chrono::DateTime;
use offerwright_core::analysis::compare::{compare, weighted_total};
use offerwright_core::analysis::robustness::analyse;
use offerwright_core::domain::candidate::{Candidate, CandidateFields};
use offerwright_core::domain::criteria::{Criterion, CriterionFields, Weight};
use offerwright_core::domain::evidence::Mode;
use offerwright_core::domain::input::CandidateInput;
use offerwright_core::domain::text::ShortText;
use offerwright_core::Lang;
use proptest::prelude::*;

fn criterion(id: i64, weight: u8) -> Criterion {
    Criterion {
        id,
        key: None,
        fields: CriterionFields {
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
        fields: CandidateFields::try_from(&input).unwrap(),
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
    // Each score's place on 0–1: (score − 1) / 4. A = 1.0 → 100, B = 0.75 → 75:
    // a margin of 25 points.
    let r = analyse(
        &[candidate(1, &[5, 5]), candidate(2, &[4, 4])],
        &criteria(&[5, 5]),
        Mode::Raw,
        100,
        1,
    );
    assert_eq!((r.winner, r.runner_up), (Some(1), Some(2)));
    assert_eq!(r.margin_points, Some(25.0));
    assert!(r.clear_winner);
    // Weights 9/1: A = 100, B = (9×1 + 1×0.75) / 10 = 97.5 → 2.5 points: no clear winner.
    let r = analyse(
        &[candidate(1, &[5, 5]), candidate(2, &[5, 4]), candidate(3, &[1, 1])],
        &criteria(&[9, 1]),
        Mode::Raw,
        0,
        1,
    );
    assert_eq!(r.margin_points, Some(2.5));
    assert!(!r.clear_winner);
}

#[test]
fn the_nearest_weight_that_flips_first_place_is_found() {
    // A is strong on criterion 1, B on criterion 2. Weights 6/4: A = 6/10 = 60, B = 4/10 = 40.
    // Raising weight 2 to 6 ties (A stays first on ties), to 7 flips: B = 7/13 > A = 6/13.
    // Lowering weight 1 to 4 ties, to 3 flips: B = 4/7 > A = 3/7.
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
fn only_a_flip_within_two_steps_of_the_weight_is_near() {
    // Weights 6/4 as above: both flips are three steps away, so neither is near.
    let far = analyse(
        &[candidate(1, &[5, 1]), candidate(2, &[1, 5])],
        &criteria(&[6, 4]),
        Mode::Raw,
        0,
        1,
    );
    assert!(far.weight_flips.iter().all(|f| f.flips_at.is_some() && !f.near));
    // Weights 5/4: A = 5/9, B = 4/9. Weight 2 flips at 6 (B = 6/11), weight 1 at 3
    // (B = 4/7): two steps each, near.
    let close = analyse(
        &[candidate(1, &[5, 1]), candidate(2, &[1, 5])],
        &criteria(&[5, 4]),
        Mode::Raw,
        0,
        1,
    );
    let at: Vec<_> = close.weight_flips.iter().map(|f| (f.flips_at, f.near)).collect();
    assert_eq!(at, [(Some(3), true), (Some(6), true)]);
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
        .all(|f| f.flips_at.is_none() && f.new_winner.is_none() && !f.near));
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

/// Scores 1–5, or 0 for blank.
fn scores_strategy(criteria: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0u8..=5, criteria)
}

fn full_scores(criteria: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(1u8..=5, criteria)
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
            weighted_total(&c.fields, &criteria(&weights), Mode::Raw),
            weighted_total(&c.fields, &criteria(&doubled), Mode::Raw)
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
        // Fully scored: a blank leaves its criterion out of that candidate's
        // total, so dominance is only defined over the same criteria.
        others in prop::collection::vec(full_scores(4).prop_map(|v| v.into_iter().map(|s| s.min(4)).collect::<Vec<u8>>()), 1..6),
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

fn with_evidence(mut c: Candidate, level: offerwright_core::domain::evidence::Evidence) -> Candidate {
    for id in c.fields.scores.keys().copied().collect::<Vec<_>>() {
        c.fields.evidence.insert(id, level);
    }
    c
}

#[test]
fn evidence_mode_narrows_a_guess_lead_and_a_confirmed_score_beats_the_guess() {
    use offerwright_core::domain::evidence::Evidence;
    let guess = with_evidence(candidate(1, &[5, 5]), Evidence::Gut);
    let tested = with_evidence(candidate(2, &[4, 4]), Evidence::Renewal);
    let crit = criteria(&[5, 5]);
    let raw = compare(&[guess.clone(), tested.clone()], &crit, Lang::En, Mode::Raw);
    assert_eq!((raw.candidates[0].id, raw.candidates[0].total.tenths()), (1, 1000));
    let adjusted = compare(&[guess.clone(), tested.clone()], &crit, Lang::En, Mode::Evidence);
    // A gut-feeling 5 is pulled 40 % toward the middle: 3 + 2 × 0.6 = 4.2 → (4.2 − 1) / 4 = 80.0;
    // a renewed 4 stays 4 → 75.0. Still ahead, but by 5 points instead of 25.
    assert_eq!(
        (adjusted.candidates[0].id, adjusted.candidates[0].total.tenths()),
        (1, 800)
    );
    assert_eq!(adjusted.candidates[1].total.tenths(), 750);
    let margin = |mode| analyse(&[guess.clone(), tested.clone()], &crit, mode, 0, 1).margin_points;
    assert_eq!((margin(Mode::Raw), margin(Mode::Evidence)), (Some(25.0), Some(5.0)));
    // A renewed 5 beats the gut-feeling 5 outright.
    let sure = with_evidence(candidate(3, &[5, 5]), Evidence::Renewal);
    assert_eq!(analyse(&[guess, sure], &crit, Mode::Evidence, 100, 1).winner, Some(3));
}

#[test]
fn a_blank_score_is_left_out_with_its_weight_not_counted_as_zero() {
    // Criterion 2 blank: A is 5 on criterion 1 alone → 100, marked incomplete.
    let crit = criteria(&[5, 5]);
    let cmp = compare(
        &[candidate(1, &[5, 0]), candidate(2, &[4, 4])],
        &crit,
        Lang::En,
        Mode::Raw,
    );
    assert_eq!((cmp.candidates[0].id, cmp.candidates[0].total.tenths()), (1, 1000));
    assert_eq!(cmp.candidates[0].unscored, vec![2]);
    assert!(cmp.candidates[1].unscored.is_empty());
    // All 1s is the floor, 0; all 5s the top, 100.
    assert_eq!(
        weighted_total(&candidate(1, &[1, 1]).fields, &crit, Mode::Raw).tenths(),
        0
    );
    assert_eq!(
        weighted_total(&candidate(1, &[3, 3]).fields, &crit, Mode::Raw).tenths(),
        500
    );
}

#[test]
fn the_list_and_the_verdict_name_the_same_leader_when_shown_totals_tie() {
    use offerwright_core::domain::evidence::Evidence;
    // Weights 1/10/10/10; only criterion 1 differs from the middle (a 4).
    // A, someone asked (70 %): 3.7 → (1 × 270 + 30 × 200) / 12,400 = 50.56… → 50.6.
    // B, 1–3 interested (80 %): 3.8 → 6,280 / 12,400 = 50.64… → 50.6.
    let crit = criteria(&[1, 10, 10, 10]);
    let a = with_evidence(candidate(1, &[4, 3, 3, 3]), Evidence::Asked);
    let b = with_evidence(candidate(2, &[4, 3, 3, 3]), Evidence::Interested);
    let cmp = compare(&[a.clone(), b.clone()], &crit, Lang::En, Mode::Evidence);
    let shown: Vec<u16> = cmp.candidates.iter().map(|c| c.total.tenths()).collect();
    assert_eq!(shown, [506, 506], "both show 50.6");
    // The exact totals differ: B is first in the list, alone, as in the verdict.
    assert_eq!(
        (cmp.candidates[0].id, cmp.candidates[0].rank, cmp.candidates[1].rank),
        (2, 1, 2)
    );
    assert_eq!(analyse(&[a, b], &crit, Mode::Evidence, 0, 1).winner, Some(2));
}

fn level(i: u8) -> offerwright_core::domain::evidence::Evidence {
    offerwright_core::domain::evidence::Evidence::ALL[usize::from(i) % 5]
}

proptest! {
    #[test]
    fn confirming_a_low_score_never_raises_a_total_nor_a_high_one_lowers_it(
        scores in full_scores(3),
        weights in prop::collection::vec(0u8..=10, 3),
        levels in prop::collection::vec(0u8..5, 3),
        which in 0usize..3,
        stronger in 1u8..5,
    ) {
        let crit = criteria(&weights);
        let mut c = candidate(1, &scores);
        for (k, l) in levels.iter().enumerate() {
            c.fields.evidence.insert(k as i64 + 1, level(*l));
        }
        let before = offerwright_core::analysis::compare::points(&c.fields, &crit, Mode::Evidence);
        let current = c.fields.evidence_for(which as i64 + 1);
        let raised = level(levels[which].saturating_add(stronger).min(4));
        prop_assume!(raised > current);
        c.fields.evidence.insert(which as i64 + 1, raised);
        let after = offerwright_core::analysis::compare::points(&c.fields, &crit, Mode::Evidence);
        match scores[which] {
            s if s < 3 => prop_assert!(after <= before),
            s if s > 3 => prop_assert!(after >= before),
            _ => prop_assert_eq!(after, before),
        }
    }

    #[test]
    fn the_ranking_and_the_verdict_always_agree_on_first_place(
        rows in prop::collection::vec(scores_strategy(4), 2..7),
        levels in prop::collection::vec(0u8..5, 4),
        weights in prop::collection::vec(0u8..=10, 4),
    ) {
        use offerwright_core::domain::evidence::Evidence;
        let cands: Vec<Candidate> = rows
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut c = candidate(i as i64 + 1, s);
                for (k, l) in levels.iter().enumerate() {
                    c.fields.evidence.insert(k as i64 + 1, Evidence::ALL[(usize::from(*l) + i) % 5]);
                }
                c
            })
            .collect();
        let crit = criteria(&weights);
        for mode in [Mode::Raw, Mode::Evidence] {
            let cmp = compare(&cands, &crit, Lang::En, mode);
            let r = analyse(&cands, &crit, mode, 0, 1);
            prop_assert_eq!(r.winner, Some(cmp.candidates[0].id));
        }
    }
}
