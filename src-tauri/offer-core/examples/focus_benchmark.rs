//! Precision and recall of the focus check on the labelled corpus
//! (`tests/focus-corpus/`), per rule and language, on the whole corpus and on
//! the held-out part, as the Markdown table the README shows.
//!
//! `cargo run --release -p offerwright-core --example focus_benchmark [-- --misses]`
//! `--misses` lists the tuning cases the check gets wrong (never the held-out
//! ones: reading those would tune the rules on them).

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::time::Instant;

use corpus::{lang_name, load, predicted, score, Labelled, Part, Score, JUDGED};
use offerwright_core::Lang;

fn percent(x: f64) -> String {
    format!("{:.1}", x * 100.0)
}

fn table(title: &str, scores: &[(Lang, Score)]) {
    println!("\n### {title}\n");
    let head: Vec<String> = scores
        .iter()
        .map(|(l, s)| format!("{} P | {} R ({} cases)", lang_name(*l), lang_name(*l), s.cases))
        .collect();
    println!("| rule | {} |", head.join(" | "));
    println!("|---|{}", "---|---|".repeat(scores.len()));
    for rule in JUDGED {
        let cells: Vec<String> = scores
            .iter()
            .map(|(_, s)| {
                let c = s.per_rule[&rule.as_str()];
                let found = c.true_positive + c.false_negative;
                format!("{} | {} ({found})", percent(c.precision()), percent(c.recall()))
            })
            .collect();
        println!("| {} | {} |", rule.as_str(), cells.join(" | "));
    }
    let errors: Vec<String> = scores
        .iter()
        .map(|(_, s)| format!("{} | {}", percent(s.errors.precision()), percent(s.errors.recall())))
        .collect();
    println!("| **all errors** | {} |", errors.join(" | "));
    for (lang, s) in scores {
        println!(
            "\n{}: {} clean cases, {} with an error, {} with any finding",
            lang_name(*lang),
            s.clean_cases,
            s.clean_with_error,
            s.clean_with_any
        );
    }
}

fn part_scores(all: &[Labelled], part: Option<Part>) -> Vec<(Lang, Score)> {
    [Lang::Ja, Lang::En]
        .into_iter()
        .map(|lang| {
            let s = score(all.iter().filter(|i| i.lang == lang && part.is_none_or(|p| i.part == p)));
            (lang, s)
        })
        .collect()
}

fn main() {
    let all = load();
    println!("Focus check on {} labelled cases (P = precision, R = recall in %, (n) = flaws labelled)", all.len());
    table("Whole corpus", &part_scores(&all, None));
    table("Tuning part", &part_scores(&all, Some(Part::Tuning)));
    table("Held-out part (never used to tune the rules)", &part_scores(&all, Some(Part::HeldOut)));

    let rounds = 200;
    let start = Instant::now();
    for _ in 0..rounds {
        for item in &all {
            std::hint::black_box(predicted(item));
        }
    }
    let each = start.elapsed().as_secs_f64() / (rounds * all.len()) as f64;
    println!("\nCheck time: {:.1} µs per case (mean of {} runs over the corpus)", each * 1e6, rounds);

    if std::env::args().any(|a| a == "--misses") {
        println!("\nTuning cases the check gets wrong:");
        for (_, s) in part_scores(&all, Some(Part::Tuning)) {
            for line in s.wrong {
                println!("  {line}");
            }
        }
    }
}
