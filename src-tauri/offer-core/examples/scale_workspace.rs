//! Writes a large workspace file for the scale benchmark (scripts/scale):
//! `cargo run --release -p offerwright-core --example scale_workspace -- OUT.json [CANDIDATES OFFERS PROBLEMS]`.
//! Records are the English example's, varied with a seeded generator, so the
//! same arguments always give the same file. Problems are sentences of
//! everyday words in English and Japanese; one in ten repeats an earlier one
//! with a word changed, so the inbox has real duplicates to find. With
//! `--clustered`, every problem is one of 72 phrases with a number: the
//! worst case for duplicate search, where almost every pair in a cluster is alike.
//! With `--unrelated`, no problem repeats another: words of made-up syllables,
//! so the search for alike pairs finds almost nothing and must look everywhere.

use offerwright_core::analysis::rng::SeededRng;
use serde_json::{json, Value};

const PHRASES: &[&str] = &[
    "no time to post on Instagram",
    "bookkeeping is always late",
    "website never gets updated",
    "listing photos look dull",
    "no one answers reviews",
    "newsletter goes out irregularly",
    "invoices are sent weeks late",
    "Google profile has old hours",
    "店のインスタを更新する時間がない",
    "請求書を出すのがいつも遅れる",
    "ホームページのお知らせが古いまま",
    "口コミへの返信ができていない",
];
const EN_WORDS: &[&str] = &[
    "no",
    "time",
    "to",
    "post",
    "reviews",
    "invoices",
    "late",
    "website",
    "photos",
    "menu",
    "bookings",
    "newsletter",
    "every",
    "month",
    "customers",
    "ask",
    "about",
    "prices",
    "shop",
    "listing",
    "nobody",
    "answers",
    "email",
    "calls",
    "staff",
    "schedule",
    "taxes",
    "receipts",
    "stock",
    "orders",
    "weekly",
    "updates",
    "hours",
    "wrong",
    "old",
    "slow",
    "missing",
    "clients",
    "follow-up",
    "quotes",
    "blog",
    "videos",
    "reels",
    "captions",
    "ads",
    "budget",
    "reports",
    "spreadsheet",
    "backup",
    "passwords",
];
const JA_WORDS: &[&str] = &[
    "インスタ",
    "投稿",
    "時間",
    "ない",
    "請求書",
    "遅れる",
    "ホームページ",
    "更新",
    "口コミ",
    "返信",
    "予約",
    "管理",
    "毎月",
    "お客さん",
    "写真",
    "メニュー",
    "在庫",
    "確認",
    "経理",
    "レシート",
    "整理",
    "動画",
    "編集",
    "広告",
    "予算",
    "報告",
    "見積もり",
    "電話",
    "対応",
    "スタッフ",
    "シフト",
    "作成",
    "ブログ",
];
const WHO: &[&str] = &[
    "dental clinics",
    "hair salons",
    "candle makers",
    "accountants",
    "yoga studios",
    "bakeries",
];

fn pick<'a>(rng: &mut SeededRng, from: &[&'a str]) -> &'a str {
    from[(rng.next_u64() % from.len() as u64) as usize]
}

/// A word of two to four syllables, from 75 syllables: like a real word, it
/// shares character pairs with many others without repeating them.
fn made_up_word(rng: &mut SeededRng) -> String {
    let (consonants, vowels) = (b"bcdfghklmnprstvwz", b"aeiou");
    (0..2 + rng.next_u64() % 3)
        .map(|_| {
            let c = consonants[(rng.next_u64() % 15) as usize] as char;
            let v = vowels[(rng.next_u64() % 5) as usize] as char;
            format!("{c}{v}")
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let out = args
        .first()
        .expect("usage: scale_workspace OUT.json [CANDIDATES OFFERS PROBLEMS]");
    let number = |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (candidates, offers, problems) = (number(1, 1000), number(2, 200), number(3, 10_000));
    let example: Value = serde_json::from_str(include_str!("../examples-data/en.json")).unwrap();
    let mut rng = SeededRng::new(2026);
    let template = example["candidates"][0].clone();
    let keys: Vec<String> = template["scores"].as_object().unwrap().keys().cloned().collect();
    let levels = ["gut", "asked", "interested", "paid_pilot", "renewal"];
    let candidate_records: Vec<Value> = (0..candidates)
        .map(|i| {
            let mut c = template.clone();
            c["ref"] = json!(format!("candidate-{}", i + 1));
            c["name"] = json!(
                format!("{} for {} #{}", pick(&mut rng, PHRASES), pick(&mut rng, WHO), i + 1)
                    .chars()
                    .take(80)
                    .collect::<String>()
            );
            for k in &keys {
                c["scores"][k] = json!(1 + rng.next_u64() % 5);
                c["evidence"][k] = json!(levels[(rng.next_u64() % 5) as usize]);
            }
            c
        })
        .collect();
    let offer_template = example["offers"][0].clone();
    let offer_records: Vec<Value> = (0..offers)
        .map(|i| {
            let mut o = offer_template.clone();
            o["ref"] = json!(format!("offer-{}", i + 1));
            o["candidate"] = json!(format!("candidate-{}", 1 + rng.next_u64() % candidates.max(1) as u64));
            o["title"] = json!(format!("Monthly package #{}", i + 1));
            o
        })
        .collect();
    let clustered = std::env::args().any(|a| a == "--clustered");
    let unrelated = std::env::args().any(|a| a == "--unrelated");
    let mut written: Vec<String> = Vec::new();
    let problem_records: Vec<Value> = (0..problems)
        .map(|i| {
            let words = if unrelated {
                let n = 4 + rng.next_u64() % 6;
                (0..n).map(|_| made_up_word(&mut rng)).collect::<Vec<_>>().join(" ")
            } else if clustered {
                format!("{} ({}, {})", pick(&mut rng, PHRASES), pick(&mut rng, WHO), i % 97)
            } else if !written.is_empty() && rng.next_u64() % 10 == 0 {
                // Heard again, in slightly different words.
                let earlier = written[(rng.next_u64() % written.len() as u64) as usize].clone();
                format!("{earlier} {}", pick(&mut rng, EN_WORDS))
            } else if rng.next_u64() % 3 == 0 {
                let n = 3 + rng.next_u64() % 5;
                (0..n).map(|_| pick(&mut rng, JA_WORDS)).collect::<Vec<_>>().join("")
            } else {
                let n = 4 + rng.next_u64() % 6;
                (0..n).map(|_| pick(&mut rng, EN_WORDS)).collect::<Vec<_>>().join(" ")
            };
            written.push(words.clone());
            json!({
                "ref": format!("problem-{}", i + 1),
                "words": words,
                "kind": "asked",
                "importance": rng.next_u64() % 11,
                "satisfaction": rng.next_u64() % 11,
            })
        })
        .collect();
    let file = json!({
        "format": "offerwright",
        "version": 2,
        "criteria": example.get("criteria").cloned().unwrap_or(json!([])),
        "candidates": candidate_records,
        "offers": offer_records,
        "problems": problem_records,
    });
    std::fs::write(out, serde_json::to_string(&file).unwrap()).unwrap();
}
