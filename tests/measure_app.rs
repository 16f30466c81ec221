//! Times the real app, for the README's performance table. Not part of the
//! test suite (a timing is a measurement, not an assertion); run it with
//!
//!     cargo build --release && OFFERWRIGHT_APP=target/release/offerwright \
//!       cargo test --test measure_app -- --ignored --nocapture --test-threads 1
//!
//! It prints the median, fastest and slowest of several runs.

mod support;

use offerwright_core::analysis::rng::SeededRng;
use serde_json::{json, Value};
use support::*;

const RUNS: usize = 9;

/// A workspace of `n` scored candidates on the default criteria.
fn workspace(n: usize) -> String {
    let keys = [
        "pain",
        "recurring",
        "ability_to_pay",
        "reachable",
        "edge",
        "competition",
        "leverage",
        "enjoyment",
    ];
    let mut rng = SeededRng::new(50);
    let candidates: Vec<Value> = (0..n)
        .map(|i| {
            let scores: serde_json::Map<String, Value> = keys
                .iter()
                .map(|k| (k.to_string(), json!(1 + rng.next_u64() % 5)))
                .collect();
            json!({ "ref": format!("candidate-{i}"), "name": format!("Niche candidate {i:02}"), "scores": scores })
        })
        .collect();
    json!({ "format": "offerwright", "version": 1, "candidates": candidates }).to_string()
}

fn summary(mut ms: Vec<f64>) -> String {
    ms.sort_by(|a, b| a.total_cmp(b));
    format!(
        "median {:.1} ms (fastest {:.1}, slowest {:.1}, {} runs)",
        ms[ms.len() / 2],
        ms[0],
        ms[ms.len() - 1],
        ms.len()
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement; run it by hand (see the file's header)"]
async fn compare_screen_with_fifty_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("fifty.sqlite3");
    {
        let mut db = offerwright_core::Database::open(&db_path).unwrap();
        offerwright_core::app::exchange::import_json(&mut db, &workspace(50), chrono::Utc::now()).unwrap();
    }
    let (_display, display) = start_display();
    let port = free_port();
    let _driver = start_driver(&display, &db_path, "en_US.UTF-8", port);
    let app = open_app(port).await;
    // From the click on "Compare" to the painted table with 50 columns and the
    // robustness panel, measured inside the page.
    let script = r#"
        const done = arguments[arguments.length - 1];
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        (async () => {
          document.querySelector(".step[data-view='candidates']").click();
          await new Promise((r) => setTimeout(r, 400));
          const start = performance.now();
          document.querySelector(".step[data-view='compare']").click();
          while (!(document.querySelectorAll('#compare-table thead th').length === 51 && document.getElementById('robustness'))) {
            await frame();
          }
          await frame();
          done(performance.now() - start);
        })();
    "#;
    let mut times = Vec::new();
    for run in 0..=RUNS {
        let ms = app.execute_async(script, vec![]).await.unwrap().as_f64().unwrap();
        if run > 0 {
            times.push(ms);
        }
    }
    println!(
        "compare screen, 50 candidates × 8 criteria, open to painted: {}",
        summary(times)
    );
    let invoke = r#"
        const done = arguments[arguments.length - 1];
        const start = performance.now();
        window.__TAURI__.core.invoke('compare_candidates', { ids: null, mode: 'raw' })
          .then(() => done(performance.now() - start));
    "#;
    let mut calls = Vec::new();
    for _ in 0..RUNS {
        calls.push(app.execute_async(invoke, vec![]).await.unwrap().as_f64().unwrap());
    }
    println!(
        "  of which the compare_candidates round trip (ranking, robustness, Fermi): {}",
        summary(calls)
    );
    let light = invoke.replace(
        "'compare_candidates', { ids: null, mode: 'raw' }",
        "'list_criteria', {}",
    );
    let mut calls = Vec::new();
    for _ in 0..RUNS {
        calls.push(app.execute_async(&light, vec![]).await.unwrap().as_f64().unwrap());
    }
    println!("  a light read (list_criteria) round trip: {}", summary(calls));
    app.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement; run it by hand (see the file's header)"]
async fn onepager_renders_in_the_real_app() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("onepager.sqlite3");
    let offer_id = {
        let mut db = offerwright_core::Database::open(&db_path).unwrap();
        offerwright_core::app::examples::load_example(&mut db, offerwright_core::Lang::Ja, chrono::Utc::now()).unwrap();
        db.list_offers().unwrap()[0].id
    };
    let (_display, display) = start_display();
    let port = free_port();
    let _driver = start_driver(&display, &db_path, "ja_JP.UTF-8", port);
    let app = open_app(port).await;
    // The app searches fonts in the background from start; the first preview
    // right after start-up is what a user who goes straight to it waits for.
    let render = r#"
        const [offerId, paper, lang] = arguments;
        const done = arguments[arguments.length - 1];
        const start = performance.now();
        window.__TAURI__.core.invoke('onepager_preview', { offerId, paper, lang })
          .then(() => done(performance.now() - start));
    "#;
    let first = app
        .execute_async(render, vec![offer_id.into(), "a4".into(), "ja".into()])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    println!("one-pager preview (layout + SVG + IPC), first after start: {first:.1} ms");
    let mut warm = Vec::new();
    for i in 0..20 {
        let (paper, lang) = if i % 2 == 0 { ("letter", "en") } else { ("a4", "ja") };
        warm.push(
            app.execute_async(render, vec![offer_id.into(), paper.into(), lang.into()])
                .await
                .unwrap()
                .as_f64()
                .unwrap(),
        );
    }
    println!(
        "one-pager preview, warm, alternating paper and language: {}",
        summary(warm)
    );
    app.close().await.unwrap();
}

/// Start-up phases inside the page (`window.__startPhases`, ms since the page
/// began), with the Japanese workspace and UI against the English ones: how
/// much of start-up is the language's fonts rather than the app's work.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement; run it by hand (see the file's header)"]
async fn start_phases_in_japanese_and_english() {
    let (_display_guard, display) = start_display();
    let dir = tempfile::tempdir().unwrap();
    for (lang, locale) in [
        (offerwright_core::Lang::Ja, "ja_JP.UTF-8"),
        (offerwright_core::Lang::En, "en_US.UTF-8"),
    ] {
        let db_path = dir.path().join(format!("{locale}.sqlite3"));
        {
            let mut db = offerwright_core::Database::open(&db_path).unwrap();
            offerwright_core::app::examples::load_example(&mut db, lang, chrono::Utc::now()).unwrap();
        }
        let mut phases: Vec<(String, Vec<f64>)> = Vec::new();
        for _ in 0..RUNS {
            let port = free_port();
            let driver = start_driver(&display, &db_path, locale, port);
            let app = open_app(port).await;
            let value = app
                .execute(
                    "const n = performance.getEntriesByType('navigation')[0]; \
                     return Object.assign({ dom: n.domContentLoadedEventEnd }, window.__startPhases);",
                    vec![],
                )
                .await
                .unwrap();
            for (name, v) in value.as_object().unwrap() {
                let v = v.as_f64().unwrap_or(f64::NAN);
                match phases.iter_mut().find(|(n, _)| n == name) {
                    Some((_, list)) => list.push(v),
                    None => phases.push((name.clone(), vec![v])),
                }
            }
            app.close().await.unwrap();
            drop(driver);
        }
        for (name, values) in phases {
            println!("{locale} {name}: {}", summary(values));
        }
    }
}

/// The app at the scale benchmark's size (scripts/scale writes the workspace
/// and passes it in OFFERWRIGHT_SCALE_WORKSPACE): start-up to the first
/// painted screen, and the inbox screen with its duplicate suggestions.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement; run it by hand (see the file's header)"]
async fn first_screen_and_inbox_at_scale() {
    let Some(file) = std::env::var_os("OFFERWRIGHT_SCALE_WORKSPACE") else {
        panic!("set OFFERWRIGHT_SCALE_WORKSPACE to a file written by the scale_workspace example (scripts/scale does)");
    };
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("scale.sqlite3");
    {
        let mut db = offerwright_core::Database::open(&db_path).unwrap();
        let json = std::fs::read_to_string(file).unwrap();
        offerwright_core::app::exchange::import_json(&mut db, &json, chrono::Utc::now()).unwrap();
    }
    let (_display_guard, display) = start_display();
    let (mut ready, mut inbox, mut call) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        let port = free_port();
        let driver = start_driver(&display, &db_path, "en_US.UTF-8", port);
        let app = open_app(port).await;
        let first = app.execute("return window.__startPhases.ready;", vec![]).await.unwrap();
        ready.push(first.as_f64().unwrap());
        let script = r#"
            const done = arguments[arguments.length - 1];
            const frame = () => new Promise((r) => requestAnimationFrame(r));
            (async () => {
              const start = performance.now();
              document.querySelector(".step[data-view='problems']").click();
              while (!(document.querySelector('#problem-list li') && document.getElementById('duplicate-suggestion'))) {
                await frame();
              }
              await frame();
              done(performance.now() - start);
            })();
        "#;
        inbox.push(app.execute_async(script, vec![]).await.unwrap().as_f64().unwrap());
        app.execute(
            "document.getElementById('show-more-problems').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
        screenshot(&app, "scale-inbox-end-of-first-page").await;
        let invoke = r#"
            const done = arguments[arguments.length - 1];
            const start = performance.now();
            window.__TAURI__.core.invoke('problem_inbox', {}).then(() => done(performance.now() - start));
        "#;
        call.push(app.execute_async(invoke, vec![]).await.unwrap().as_f64().unwrap());
        app.close().await.unwrap();
        drop(driver);
    }
    println!("scale: start to the first painted screen: {}", summary(ready));
    println!(
        "scale: inbox screen with its suggestions, click to painted: {}",
        summary(inbox)
    );
    println!(
        "scale:   of which the problem_inbox round trip (query, grouping, suggestions, JSON): {}",
        summary(call)
    );
}
