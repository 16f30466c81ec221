//! The robustness analysis at the size: 1,000 candidates × 10
//! criteria, 10,000 random weight samples (goal: under 100 ms on one core).

use std::hint::black_box;

use chrono::DateTime;
use criterion::{criterion_group, criterion_main, Criterion};
use offerwright_core::analysis::rng::SeededRng;
use offerwright_core::analysis::robustness::{analyse, win_shares, Matrix};
use offerwright_core::domain::candidate::{Candidate, CandidateFields};
use offerwright_core::domain::criteria::{Criterion as Criterion_, CriterionFields, Weight};
use offerwright_core::domain::evidence::Mode;
use offerwright_core::domain::input::CandidateInput;
use offerwright_core::domain::text::ShortText;

fn workspace(candidates: usize, criteria: usize, seed: u64) -> (Vec<Candidate>, Vec<Criterion_>) {
    let mut rng = SeededRng::new(seed);
    let crit = (0..criteria)
        .map(|k| Criterion_ {
            id: k as i64 + 1,
            key: None,
            fields: CriterionFields {
                name: ShortText::parse("name", &format!("criterion {k}")).unwrap(),
                weight: Weight::new("weight", 1 + (rng.next_u64() % 10) as i64).unwrap(),
            },
            position: k as i64,
        })
        .collect();
    let t = DateTime::UNIX_EPOCH;
    let cands = (0..candidates)
        .map(|c| {
            let input = CandidateInput {
                name: format!("candidate {c}"),
                scores: (0..criteria)
                    .map(|k| ((k + 1).to_string(), 1 + (rng.next_u64() % 5) as i64))
                    .collect(),
                ..Default::default()
            };
            Candidate {
                id: c as i64 + 1,
                revision: 1,
                fields: CandidateFields::try_from(&input).unwrap(),
                created_at: t,
                updated_at: t,
            }
        })
        .collect();
    (cands, crit)
}

fn robustness(c: &mut Criterion) {
    let (cands, crit) = workspace(1_000, 10, 7);
    let matrix = Matrix::new(&cands, &crit, Mode::Raw);
    let mut group = c.benchmark_group("robustness");
    group.sample_size(10);
    group.bench_function("win_shares/1000x10x10000", |b| {
        b.iter(|| win_shares(black_box(&matrix), 10_000, 42))
    });
    group.bench_function("analyse/1000x10x10000", |b| {
        b.iter(|| analyse(black_box(&cands), &crit, Mode::Raw, 10_000, 42))
    });
    group.finish();
}

criterion_group!(benches, robustness);
criterion_main!(benches);
