//! The focus check measured on the labelled corpus (`tests/focus-corpus/`):
//! CI fails when precision or recall falls below the floors the README
//! commits to. `examples/focus_benchmark.rs` prints the whole table.

#[path = "support/corpus.rs"]
mod corpus;

use corpus::{lang_name, load, score, Part, JUDGED};
use offerwright_core::Lang;

/// The floors, per language. The tuning part holds the goal: errors are
/// right at least 99 % of the time, and every rule finds at least 95 % of
/// the flaws labelled for it. The held-out part, never used to tune the
/// rules, holds what it measured (README): the tenth held-out set, written
/// late in session 16 before the ninth moved to tuning, measured as written
/// errors precision 97.6 % (ja) / 97.4 % (en) and lowest rule recall 72.7 %
/// (ja several tasks). For this set it may only go up.
const FLOORS: [(Part, f64, f64); 2] = [(Part::Tuning, 0.99, 0.95), (Part::HeldOut, 0.97, 0.72)];

#[test]
fn the_corpus_is_big_and_varied_enough_to_measure() {
    let all = load();
    let count = |lang: Lang| all.iter().filter(|c| c.lang == lang).count();
    assert!(count(Lang::Ja) >= 180 && count(Lang::En) >= 120, "ja {} en {}", count(Lang::Ja), count(Lang::En));
    let clean = all.iter().filter(|c| c.case.expect.is_empty()).count();
    assert!(clean * 3 >= all.len(), "a third clean: {clean} of {}", all.len());
    assert!(all.iter().any(|c| c.part == Part::HeldOut));
    let mut ids = std::collections::BTreeSet::new();
    for item in &all {
        assert!(ids.insert(item.case.id.clone()), "id {} twice", item.case.id);
        for label in &item.case.expect {
            let (rule, field) = label.split_once('@').unwrap_or_else(|| panic!("{}: {label}", item.case.id));
            assert!(JUDGED.iter().any(|r| r.as_str() == rule), "{}: unknown rule {rule}", item.case.id);
            assert!(field.starts_with("candidate.") || field.starts_with("offer."), "{}: {field}", item.case.id);
        }
    }
}

#[test]
fn the_focus_check_holds_its_floors_in_each_language() {
    let all = load();
    let mut below = Vec::new();
    for (part, error_precision, rule_recall) in FLOORS {
        for lang in [Lang::Ja, Lang::En] {
            let s = score(all.iter().filter(|c| c.lang == lang && c.part == part));
            let name = format!("{part:?} {}", lang_name(lang));
            if s.errors.precision() < error_precision {
                below.push(format!("{name}: errors precision {:.3}", s.errors.precision()));
            }
            for (rule, counts) in &s.per_rule {
                if counts.recall() < rule_recall {
                    below.push(format!("{name}: {rule} recall {:.3}", counts.recall()));
                }
            }
        }
    }
    assert!(below.is_empty(), "below the floors:\n{}", below.join("\n"));
}
