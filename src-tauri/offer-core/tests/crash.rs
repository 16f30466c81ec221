//! Crash safety: a child process writes candidates in bursts and reports each
//! write once `create_candidate` has returned; the parent kills it with
//! SIGKILL at a seeded random moment, many times over. After every kill the
//! database must open, pass SQLite's integrity check and hold every write the
//! child reported.
//!
//! The child is this same test binary, re-run on the `child_writer` test with
//! an environment variable naming the database.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use offerwright_core::analysis::rng::SeededRng;
use offerwright_core::domain::candidate::CandidateFields;
use offerwright_core::domain::input::CandidateInput;
use offerwright_core::Database;

const CHILD_DB: &str = "OFFERWRIGHT_CRASH_CHILD_DB";
const RUNS: u32 = 40;

fn draft(n: u64) -> CandidateFields {
    CandidateFields::try_from(&CandidateInput {
        name: format!("crash-{n}"),
        // A long note makes each write span several pages, so a kill can land mid-write.
        notes: "書き込み途中で止められても壊れないこと。".repeat(40),
        ..CandidateInput::default()
    })
    .unwrap()
}

/// Runs only inside the child process: writes until killed, printing "ack N"
/// after each write returns.
#[test]
fn child_writer() {
    let Some(path) = std::env::var_os(CHILD_DB) else {
        return;
    };
    let mut db = Database::open(Path::new(&path)).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap();
    let start: u64 = std::env::var("OFFERWRIGHT_CRASH_START").unwrap().parse().unwrap();
    for n in start.. {
        db.create_candidate(&draft(n), now).unwrap();
        println!("ack {n}");
        // Bursts: a few writes back to back, then a short pause.
        if n % 5 == 4 {
            std::thread::sleep(Duration::from_millis(3));
        }
    }
}

#[test]
fn killed_writers_lose_no_acknowledged_write_and_leave_a_sound_file() {
    if std::env::var_os(CHILD_DB).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.sqlite3");
    let mut rng = SeededRng::new(2026);
    let mut acknowledged: Vec<u64> = Vec::new();
    let mut next = 0u64;
    for run in 0..RUNS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_writer", "--nocapture", "--test-threads", "1"])
            .env(CHILD_DB, &path)
            .env("OFFERWRIGHT_CRASH_START", next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        // Kill after a random number of acknowledged writes (1–60), at a
        // random extra delay (0–3 ms), so the kill lands anywhere in a write.
        let kill_after = 1 + rng.next_u64() % 60;
        let extra = Duration::from_micros(rng.next_u64() % 3000);
        let mut seen = 0;
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut lines = BufReader::new(stdout).lines();
        while let Some(Ok(line)) = lines.next() {
            if let Some(n) = line.strip_prefix("ack ") {
                acknowledged.push(n.parse().unwrap());
                seen += 1;
                if seen >= kill_after {
                    break;
                }
            }
            assert!(Instant::now() < deadline, "run {run}: the writer stalled");
        }
        std::thread::sleep(extra);
        child.kill().unwrap(); // SIGKILL on Unix
        let _ = child.wait();
        // Acknowledgements printed between our last read and the kill count too.
        for line in lines.map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("ack ") {
                acknowledged.push(n.parse().unwrap());
            }
        }
        next = acknowledged.last().map_or(0, |n| n + 1) + 1000;

        let db = Database::open(&path).unwrap_or_else(|e| panic!("run {run}: the database does not open: {e}"));
        let names: std::collections::HashSet<String> = db
            .list_candidates()
            .unwrap()
            .into_iter()
            .map(|c| c.fields.name.as_str().to_string())
            .collect();
        for n in &acknowledged {
            assert!(
                names.contains(&format!("crash-{n}")),
                "run {run}: acknowledged write {n} was lost"
            );
        }
        drop(db);
        let check = rusqlite::Connection::open(&path).unwrap();
        let verdict: String = check.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(verdict, "ok", "run {run}");
    }
    println!(
        "crash test: {RUNS} runs, {} writes acknowledged, 0 lost",
        acknowledged.len()
    );
    assert!(
        acknowledged.len() as u32 >= RUNS,
        "every run acknowledged at least one write"
    );
}
