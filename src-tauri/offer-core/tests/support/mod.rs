//! What the core's tests share: databases, a clock, and the dental-clinic
//! niche most tests are written around. Each test file uses a part of it.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use offerwright_core::domain::input::{CandidateInput, DeliverableInput, OfferInput, OutcomeInput};
use offerwright_core::Database;

/// A new workspace in a file of its own; the folder goes when the first
/// value is dropped.
pub fn temp_db() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("work.sqlite3")).unwrap();
    (dir, db)
}

/// A new workspace in memory, for tests that never look at the file.
pub fn memory_db() -> Database {
    Database::open_in_memory().unwrap()
}

/// A moment in November 2026, the tests' fixed clock.
pub fn november(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, minute, 0).unwrap()
}

/// The Japanese dental-clinic candidate: Instagram, one audience, one task.
pub fn dental_candidate_ja(name: &str) -> CandidateInput {
    CandidateInput {
        name: name.into(),
        platform: "Instagram".into(),
        audience: "大阪の歯科医院".into(),
        problem: "動画の担当者がいない".into(),
        outcome: OutcomeInput {
            metric: "初診予約".into(),
            target: Some(8),
            unit: "件/月".into(),
            timeframe_amount: Some(3),
            timeframe_unit: "months".into(),
        },
        status: "idea".into(),
        notes: "一行目\n二行目".into(),
        scores: Default::default(),
        evidence: Default::default(),
    }
}

/// The English dental-clinic candidate, focused enough to have no findings.
pub fn dental_candidate_en() -> CandidateInput {
    CandidateInput {
        name: "Reels for dental clinics".into(),
        platform: "Instagram".into(),
        audience: "Dental clinics in Osaka with one location".into(),
        problem: "No time to film short videos every week".into(),
        outcome: OutcomeInput {
            metric: "Booked consultations".into(),
            target: Some(8),
            unit: "per month".into(),
            timeframe_amount: Some(3),
            timeframe_unit: "months".into(),
        },
        status: "idea".into(),
        ..Default::default()
    }
}

/// Its monthly offer, focused enough to have no findings.
pub fn dental_offer_en() -> OfferInput {
    OfferInput {
        candidate_id: None,
        title: "Reels for dental clinics, monthly".into(),
        promise: "Eight booked consultations a month from Instagram within 3 months".into(),
        deliverables: vec![DeliverableInput {
            name: "Short video".into(),
            quantity_per_month: 8,
            turnaround_days: 3,
            hours_each: "1.5".into(),
        }],
        out_of_scope: vec!["Ads management".into()],
        price: "55000".into(),
        currency: "JPY".into(),
        minimum_term_months: 3,
        success_metric: "8 booked consultations per month".into(),
        contact: "hanako@example.jp".into(),
    }
}
