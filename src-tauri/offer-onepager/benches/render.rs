//! One-pager rendering: a warm render (fonts already found, the app's usual
//! case) and a first render (font search + layout + PDF, as after start-up).
//! Goals: warm under 300 ms, first under 2 s.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use offerwright_core::app::examples::load_example;
use offerwright_core::app::onepager::{onepager, OnePager};
use offerwright_core::{Database, Lang};
use offerwright_onepager::{render, Fonts, Paper};

fn example(lang: Lang) -> OnePager {
    let mut db = Database::open(std::path::Path::new(":memory:")).unwrap();
    load_example(&mut db, lang, Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()).unwrap();
    let offer = db.list_offers().unwrap()[0].id;
    onepager(&db, offer, lang).unwrap()
}

fn benches(c: &mut Criterion) {
    let ja = example(Lang::Ja);
    let en = example(Lang::En);
    let fonts = Fonts::system();
    c.bench_function("warm render + PDF, Japanese example, A4", |b| {
        b.iter(|| render(black_box(&ja), Paper::A4, fonts).unwrap().pdf().unwrap())
    });
    c.bench_function("warm render + PDF, English example, Letter", |b| {
        b.iter(|| render(black_box(&en), Paper::Letter, fonts).unwrap().pdf().unwrap())
    });
    c.bench_function("warm render + SVG preview, Japanese example", |b| {
        b.iter(|| render(black_box(&ja), Paper::A4, fonts).unwrap().svg())
    });
    // Typst memoizes: an unchanged page is mostly cache hits. The user edits
    // between previews, so this one changes the text every time.
    let mut n = 0u64;
    c.bench_function("warm render + PDF, Japanese example edited each time", |b| {
        b.iter(|| {
            n += 1;
            let mut page = ja.clone();
            page.promise = format!("{}（第{n}版）", ja.promise);
            page.deliverables[0].detail = format!("月{n}件");
            render(black_box(&page), Paper::A4, fonts).unwrap().pdf().unwrap()
        })
    });
    // The worst text the app accepts: long fields whose every letter
    // carries the nine marks a character may have (issue: one letter with
    // thousands of marks once took minutes).
    let heavy = |n: usize| format!("a{}", "\u{0301}".repeat(9)).repeat(n);
    let mut worst = en.clone();
    worst.title = heavy(80);
    worst.promise = heavy(200);
    worst.audience = heavy(200);
    worst.problem = heavy(200);
    worst.contact = heavy(200);
    let mut slow = c.benchmark_group("worst accepted input");
    slow.sample_size(10);
    slow.bench_function("render (fits or is refused), every letter with 9 marks", |b| {
        b.iter(|| render(black_box(&worst), Paper::A4, fonts).map(|r| r.pages()))
    });
    slow.finish();
    let mut group = c.benchmark_group("first render");
    group.sample_size(10);
    group.bench_function("font search + render + PDF, Japanese example", |b| {
        b.iter(|| {
            let fresh = Fonts::search_system();
            render(black_box(&ja), Paper::A4, &fresh).unwrap().pdf().unwrap()
        })
    });
    group.finish();
}

criterion_group!(render_benches, benches);
criterion_main!(render_benches);
