//! Times the problem inbox with its duplicate suggestions on a workspace file
//! (the app's inbox screen asks for exactly this), for scripts/scale:
//! `cargo run --release -p offerwright-core --example inbox_suggestions -- FILE.json [RUNS]`.
//! Prints the median, fastest and slowest time and how many suggestions it found.

use std::time::Instant;

use offerwright_core::app::exchange::import_json;
use offerwright_core::app::problems;
use offerwright_core::Database;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args.first().expect("usage: inbox_suggestions FILE.json [RUNS]");
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut db = Database::open(std::path::Path::new(":memory:")).unwrap();
    import_json(&mut db, &std::fs::read_to_string(file).unwrap(), chrono::Utc::now()).unwrap();
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let inbox = problems::inbox(&db).unwrap();
        times.push(start.elapsed().as_secs_f64());
        found = inbox.suggestions.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{:.2} s ({:.2}–{:.2}), {found} suggestions",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}
