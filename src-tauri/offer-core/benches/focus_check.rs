//! How long the focus check takes on a whole offer and candidate: it runs
//! as the user types, so it must stay far below a frame (goal: under 1 ms).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use offerwright_core::analysis::focus::{check_candidate, check_offer};
use offerwright_core::app::examples;
use offerwright_core::app::exchange;
use offerwright_core::domain::input::{DeliverableInput, OfferInput};
use offerwright_core::Lang;

/// An offer with every list full and every text at its length limit, in
/// mixed Japanese and English: the slowest input the UI can send.
fn largest_offer() -> OfferInput {
    let long = |seed: &str| {
        seed.repeat(200 / seed.chars().count())
            .chars()
            .take(200)
            .collect::<String>()
    };
    OfferInput {
        candidate_id: None,
        title: long("歯科医院のリール制作 ").chars().take(80).collect(),
        promise: long("毎月8本のリールで初診予約を増やします and more "),
        deliverables: (0..20)
            .map(|i| DeliverableInput {
                name: format!("リール動画 {i} と編集・撮影指示 video edit"),
                quantity_per_month: i,
                turnaround_days: 3,
                hours_each: "1.5".into(),
            })
            .collect(),
        out_of_scope: (0..20).map(|_| long("広告の運用、撮影代行 ads management ")).collect(),
        price: "55,000".into(),
        currency: "JPY".into(),
        minimum_term_months: 3,
        success_metric: long("初診予約8件/月（3か月以内）フォロワー "),
        contact: long("hanako@example.jp "),
    }
}

fn focus_check(c: &mut Criterion) {
    let file = exchange::parse(examples::example_file(Lang::En)).expect("example parses");
    let offer = file.offers[0].fields.clone();
    let candidate = file.candidates[0].fields.clone();
    let largest = largest_offer();
    // Word lists load once per process; measure steady state.
    check_offer(&offer, Lang::En);

    c.bench_function("check_offer/example", |b| {
        b.iter(|| check_offer(black_box(&offer), Lang::En))
    });
    c.bench_function("check_offer/largest", |b| {
        b.iter(|| check_offer(black_box(&largest), Lang::Ja))
    });
    c.bench_function("check_candidate/example", |b| {
        b.iter(|| check_candidate(black_box(&candidate), Lang::En))
    });
}

criterion_group!(benches, focus_check);
criterion_main!(benches);
