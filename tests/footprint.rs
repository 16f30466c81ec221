//! Offerwright's footprint beside a bare Tauri 2 window, measured in one run
//! with the two alternating, for the README's performance table. A
//! measurement, not a test: `scripts/footprint` builds both in release and
//! runs this with
//!
//!     FOOTPRINT_APP=… FOOTPRINT_BASELINE=… cargo test --release --test footprint -- --ignored --nocapture
//!
//! Cold start is timed from the WebDriver request that launches the process
//! to the page saying it is ready (`document.body.dataset.ready`), the same
//! way for both. Memory is PSS summed over the process and its WebKit
//! children, from /proc/*/smaps_rollup.

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;
use support::*;

const RUNS: usize = 5;

/// Where start-up time went: from the launch request to the page's own start
/// (process and webview), then the page's phases (milliseconds since the
/// page began; the app marks `script`, `state`, `records`, `ready`).
async fn phases(client: &Client, launched_at_epoch_ms: f64) -> Vec<(String, f64)> {
    let value = client
        .execute(
            "const n = performance.getEntriesByType('navigation')[0]; \
             return { origin: performance.timeOrigin, html: n ? n.responseEnd : null, \
                      dom: n ? n.domContentLoadedEventEnd : null, marks: window.__startPhases || {} };",
            vec![],
        )
        .await
        .unwrap();
    let mut out = vec![(
        "before the page begins (process, webview)".to_string(),
        value["origin"].as_f64().unwrap_or(f64::NAN) - launched_at_epoch_ms,
    )];
    for key in ["html", "dom"] {
        if let Some(v) = value[key].as_f64() {
            out.push((format!("page: {key}"), v));
        }
    }
    if let Some(marks) = value["marks"].as_object() {
        for (name, v) in marks {
            out.push((format!("page: {name}"), v.as_f64().unwrap_or(f64::NAN)));
        }
    }
    out
}

fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

async fn launch(port: u16, binary: &Path) -> (Client, f64, f64) {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert("tauri:options".into(), json!({ "application": binary }));
    let start = Instant::now();
    let launched_at = epoch_ms();
    let client = ClientBuilder::rustls()
        .expect("TLS roots")
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");
    loop {
        let ready = client
            .execute(
                "return document.body && document.body.dataset.ready === 'true';",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool());
        if ready == Some(true) {
            break;
        }
        assert!(start.elapsed() < WAIT, "{} never became ready", binary.display());
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    (client, start.elapsed().as_secs_f64() * 1000.0, launched_at)
}

/// Every process and its parent.
fn parents() -> HashMap<u32, u32> {
    let mut map = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) {
            // The command name may hold spaces; fields after the last ')' are fixed.
            if let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) {
                if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
                    map.insert(pid, ppid);
                }
            }
        }
    }
    map
}

/// PSS in KiB of the process running `binary` and all its descendants.
fn pss_kib(binary: &Path) -> u64 {
    let target = std::fs::canonicalize(binary).unwrap();
    let parents = parents();
    let roots: Vec<u32> = parents
        .keys()
        .copied()
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == target))
        .collect();
    assert_eq!(roots.len(), 1, "exactly one {} running", binary.display());
    let mut family = roots.clone();
    let mut grew = true;
    while grew {
        grew = false;
        for (&pid, ppid) in &parents {
            if family.contains(ppid) && !family.contains(&pid) {
                family.push(pid);
                grew = true;
            }
        }
    }
    family
        .iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .flat_map(|text| {
            text.lines()
                .filter_map(|l| l.strip_prefix("Pss:"))
                .filter_map(|v| v.split_whitespace().next()?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

/// p50 and p99 of `n` round trips of one command, timed inside the page.
async fn round_trips(client: &Client, command: &str, args: serde_json::Value, n: usize) -> (f64, f64) {
    let script = r#"
        const [command, args, n] = arguments;
        const done = arguments[arguments.length - 1];
        (async () => {
          const times = [];
          for (let i = 0; i < n; i++) {
            const start = performance.now();
            await window.__TAURI__.core.invoke(command, args);
            times.push(performance.now() - start);
          }
          done(times);
        })();
    "#;
    let value = client
        .execute_async(script, vec![command.into(), args, n.into()])
        .await
        .unwrap();
    let mut times: Vec<f64> = value.as_array().unwrap().iter().filter_map(|v| v.as_f64()).collect();
    times.sort_by(|a, b| a.total_cmp(b));
    (times[times.len() / 2], times[(times.len() * 99) / 100])
}

async fn render_onepager(client: &Client, offer_id: i64, times: usize) {
    let script = r#"
        const [offerId, n] = arguments;
        const done = arguments[arguments.length - 1];
        (async () => {
          for (let i = 0; i < n; i++) {
            await window.__TAURI__.core.invoke('onepager_preview', { offerId, paper: i % 2 ? 'a4' : 'letter', lang: i % 3 ? 'ja' : 'en' });
          }
          done(true);
        })();
    "#;
    client
        .execute_async(script, vec![offer_id.into(), times.into()])
        .await
        .unwrap();
}

fn median_spread(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

fn size_mib(path: &Path) -> f64 {
    std::fs::metadata(path)
        .map(|m| m.len() as f64 / 1024.0 / 1024.0)
        .unwrap_or(f64::NAN)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement; run scripts/footprint"]
async fn footprint_against_a_bare_tauri_window() {
    let app = PathBuf::from(std::env::var("FOOTPRINT_APP").expect("FOOTPRINT_APP"));
    let baseline = PathBuf::from(std::env::var("FOOTPRINT_BASELINE").expect("FOOTPRINT_BASELINE"));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("footprint.sqlite3");
    {
        let mut db = offerwright_core::Database::open(&db).unwrap();
        offerwright_core::app::examples::load_example(&mut db, offerwright_core::Lang::Ja, chrono::Utc::now()).unwrap();
    }
    let offer_id = offerwright_core::Database::open(&db).unwrap().list_offers().unwrap()[0].id;
    let (_display_guard, display) = start_display();

    let mut start = (Vec::new(), Vec::new());
    let mut idle = (Vec::new(), Vec::new());
    let mut read = (Vec::new(), Vec::new());
    let mut write = (Vec::new(), Vec::new());
    let mut after_renders = Vec::new();
    let mut after_more = Vec::new();
    let mut app_phases: Vec<(String, Vec<f64>)> = Vec::new();
    let mut base_phases: Vec<(String, Vec<f64>)> = Vec::new();
    for run in 0..=RUNS {
        // Alternate: baseline, then app, each a fresh process.
        for is_app in [false, true] {
            let binary = if is_app { &app } else { &baseline };
            let port = free_port();
            let driver = start_driver(&display, &db, "ja_JP.UTF-8", port);
            let (client, ms, launched_at) = launch(port, binary).await;
            if run > 0 {
                for (name, v) in phases(&client, launched_at).await {
                    let list = if is_app { &mut app_phases } else { &mut base_phases };
                    match list.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, values)) => values.push(v),
                        None => list.push((name, vec![v])),
                    }
                }
            }
            tokio::time::sleep(Duration::from_secs(10)).await;
            let pss = pss_kib(binary) as f64 / 1024.0;
            let (r, w) = if is_app {
                (
                    round_trips(&client, "list_criteria", json!({}), 200).await,
                    round_trips(&client, "set_language", json!({ "language": "ja" }), 200).await,
                )
            } else {
                (
                    round_trips(&client, "ping", json!({}), 200).await,
                    round_trips(&client, "remember", json!({ "text": "ja" }), 200).await,
                )
            };
            // The first pair warms the disk cache; it is not counted.
            if run > 0 {
                let side =
                    |pair: &mut (Vec<f64>, Vec<f64>), v: f64| if is_app { pair.1.push(v) } else { pair.0.push(v) };
                side(&mut start, ms);
                side(&mut idle, pss);
                if is_app {
                    read.1.push(r.0);
                    read.1.push(r.1);
                    write.1.push(w.0);
                    write.1.push(w.1);
                    render_onepager(&client, offer_id, 100).await;
                    after_renders.push(pss_kib(binary) as f64 / 1024.0);
                    render_onepager(&client, offer_id, 100).await;
                    after_more.push(pss_kib(binary) as f64 / 1024.0);
                } else {
                    read.0.push(r.0);
                    read.0.push(r.1);
                    write.0.push(w.0);
                    write.0.push(w.1);
                }
            }
            client.close().await.unwrap();
            drop(driver);
        }
    }
    let pick = |v: &Vec<f64>, i: usize| v.iter().skip(i).step_by(2).copied().collect::<Vec<f64>>();
    let line = |what: &str, unit: &str, app: Vec<f64>, base: Vec<f64>| {
        let (a, alo, ahi) = median_spread(app);
        let (b, blo, bhi) = median_spread(base);
        format!(
            "| {what} | {a:.1} {unit} ({alo:.1}–{ahi:.1}) | {b:.1} {unit} ({blo:.1}–{bhi:.1}) | {:.2}× |",
            a / b
        )
    };
    let mut out = vec![
        format!("Footprint, {RUNS} alternating runs each (median, range in brackets), ratio = Offerwright ÷ bare Tauri window"),
        String::new(),
        "| What | Offerwright | Bare Tauri 2 window | Ratio |".to_string(),
        "| --- | --- | --- | --- |".to_string(),
        line("Cold start to interactive", "ms", start.1.clone(), start.0.clone()),
        line("Round trip p50, read (list_criteria / ping)", "ms", pick(&read.1, 0), pick(&read.0, 0)),
        line("Round trip p99, read", "ms", pick(&read.1, 1), pick(&read.0, 1)),
        line("Round trip p50, write (set_language, one SQLite transaction / remember)", "ms", pick(&write.1, 0), pick(&write.0, 0)),
        line("Round trip p99, write", "ms", pick(&write.1, 1), pick(&write.0, 1)),
        line("PSS after 10 s idle (app + WebKit processes)", "MiB", idle.1.clone(), idle.0.clone()),
        line("PSS after 100 one-pager renders (vs the bare window idle)", "MiB", after_renders.clone(), idle.0.clone()),
        line("PSS after another 100 renders (vs the bare window idle)", "MiB", after_more.clone(), idle.0.clone()),
        format!(
            "| Release binary (stripped) | {:.1} MiB | {:.1} MiB | {:.2}× |",
            size_mib(&app),
            size_mib(&baseline),
            size_mib(&app) / size_mib(&baseline)
        ),
    ];
    for (name, deb) in [
        ("Offerwright", "FOOTPRINT_APP_DEB"),
        ("baseline", "FOOTPRINT_BASELINE_DEB"),
    ] {
        if let Ok(path) = std::env::var(deb) {
            out.push(format!("{name} .deb: {path}"));
        }
    }
    out.push(String::new());
    out.push("Where cold start goes (median ms; \"page: x\" is time since the page began)".to_string());
    out.push(String::new());
    for (who, list) in [("Offerwright", &app_phases), ("bare window", &base_phases)] {
        for (name, values) in list.iter() {
            let (m, lo, hi) = median_spread(values.clone());
            out.push(format!("- {who}, {name}: {m:.0} ({lo:.0}–{hi:.0})"));
        }
    }
    let report = out.join("\n");
    println!("{report}");
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/footprint.md");
    std::fs::write(target, report + "\n").unwrap();
}
