//! The problem inbox as the user sees it: duplicates grouped under the
//! problem they repeat, groups ranked by opportunity, and problems that read
//! alike suggested as duplicates.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::domain::problem::{Problem, ProblemView};

/// Problems whose words are at least this alike are suggested as duplicates.
pub const SUGGEST_AT_PERCENT: u8 = 50;

/// A problem and the duplicates grouped under it.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemGroup {
    pub lead: ProblemView,
    pub members: Vec<ProblemView>,
    /// How many times it was written down: the lead and its duplicates.
    pub times_heard: usize,
    /// The best opportunity score in the group, 0–20.
    pub opportunity: Option<u8>,
    /// The candidate the group was promoted to, if any.
    pub candidate_id: Option<i64>,
}

/// Two groups whose words read alike: perhaps the same problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The lead of the newer group, which would join…
    pub id: i64,
    /// …the lead of the older one.
    pub same_as: i64,
    pub similarity_percent: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct Inbox {
    pub groups: Vec<ProblemGroup>,
    pub suggestions: Vec<Suggestion>,
}

/// Text reduced to what says something: NFKC (full-width letters and digits
/// become half-width), lower case, without spaces and punctuation.
fn essence(text: &str) -> Vec<char> {
    text.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Character pairs: they work for Japanese, which has no spaces between
/// words, and for English alike.
fn bigrams(text: &str) -> BTreeSet<(char, char)> {
    let chars = essence(text);
    match chars.as_slice() {
        [only] => [(*only, ' ')].into(),
        _ => chars.windows(2).map(|w| (w[0], w[1])).collect(),
    }
}

/// How alike two texts read, 0–100 (Dice coefficient of character pairs).
pub fn similarity_percent(a: &str, b: &str) -> u8 {
    dice(&bigrams(a), &bigrams(b))
}

fn dice(a: &BTreeSet<(char, char)>, b: &BTreeSet<(char, char)>) -> u8 {
    dice_of(a.len(), b.len(), a.intersection(b).count())
}

fn dice_of(a: usize, b: usize, shared: usize) -> u8 {
    if a == 0 || b == 0 {
        return 0;
    }
    ((200 * shared) / (a + b)) as u8
}

/// A set of character pairs as sorted numbers, for quick intersections.
fn tokens(pairs: &BTreeSet<(char, char)>) -> Vec<u64> {
    pairs
        .iter()
        .map(|&(a, b)| (u64::from(a) << 32) | u64::from(b))
        .collect()
}

/// Calls `found(j, i, percent)` for every pair j < i of `sets` whose Dice
/// coefficient is at least the floor, which starts at `at_least` and is
/// whatever `found` last returned (it may only rise). Comparing pair by pair
/// grows with the square of the inbox times the length of its texts (10,000
/// problems took over a minute). Instead tokens are ranked rarest first, and
/// each set looks up only its rarer tokens (its prefix) in an index of the
/// earlier sets, counting on the way how many each shares: two sets that
/// are alike enough must share one of those, and the count plus the number
/// of tokens left unlooked tells whether an exact check is worth it. Where
/// the common tokens would make every set meet every other, counting them
/// too is cheaper than checking each pair, and is done instead.
fn for_each_alike_pair(sets: &[Vec<u64>], at_least: u8, mut found: impl FnMut(usize, usize, u8) -> u8) {
    let mut floor = usize::from(at_least.clamp(1, 100));
    let ranked = ranked_rarest_first(sets);
    let mut holders: Vec<Vec<u32>> =
        vec![Vec::new(); ranked.iter().flatten().map(|r| *r as usize + 1).max().unwrap_or(0)];
    let mut shared = vec![0u32; sets.len()];
    let mut touched: Vec<u32> = Vec::new();
    for (i, set) in ranked.iter().enumerate() {
        // Dice ≥ p needs, from this set alone, a shared count of at least
        // p·|A|/(200 − p) (the shared count is at most |B|): one of the first
        // |A| − needed + 1 tokens must be shared.
        let needed = (floor * set.len()).div_ceil(200 - floor).max(1);
        let prefix = set.len().saturating_sub(needed) + 1;
        let (head, rest) = set.split_at(prefix.min(set.len()));
        count_shared(head, &holders, &mut shared, &mut touched);
        // Counting the common tokens too costs one step per earlier holder;
        // checking each pair met so far costs about its length. Take the cheaper.
        let count_rest: usize = rest.iter().map(|t| holders[*t as usize].len()).sum();
        let rest = if count_rest < touched.len() * 16 {
            count_shared(rest, &holders, &mut shared, &mut touched);
            &[][..]
        } else {
            rest
        };
        let head = &set[..set.len() - rest.len()];
        for &j in &touched {
            let j = j as usize;
            let counted = shared[j] as usize;
            shared[j] = 0;
            let total = set.len() + ranked[j].len();
            let last_counted = head.last().copied().unwrap_or(0);
            let later = &ranked[j][ranked[j].partition_point(|r| *r <= last_counted)..];
            if 200 * (counted + rest.len().min(later.len())) < floor * total {
                continue;
            }
            let percent = dice_of(set.len(), ranked[j].len(), counted + sorted_overlap(rest, later));
            if usize::from(percent) >= floor {
                floor = usize::from(found(j, i, percent)).max(floor);
            }
        }
        touched.clear();
        for &t in set {
            holders[t as usize].push(i as u32);
        }
    }
}

/// Adds one to `shared[j]` for every earlier set j holding each of `tokens`,
/// noting in `touched` each set met for the first time.
fn count_shared(tokens: &[u32], holders: &[Vec<u32>], shared: &mut [u32], touched: &mut Vec<u32>) {
    for &t in tokens {
        for &j in &holders[t as usize] {
            if shared[j as usize] == 0 {
                touched.push(j);
            }
            shared[j as usize] += 1;
        }
    }
}

/// Each set's tokens as ranks, rarest first (ties by value, so every set
/// orders its tokens the same way).
fn ranked_rarest_first(sets: &[Vec<u64>]) -> Vec<Vec<u32>> {
    let mut frequency: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    for t in sets.iter().flatten() {
        *frequency.entry(*t).or_insert(0) += 1;
    }
    let mut order: Vec<(u32, u64)> = frequency.iter().map(|(t, n)| (*n, *t)).collect();
    order.sort_unstable();
    let rank: std::collections::HashMap<u64, u32> =
        order.iter().enumerate().map(|(r, (_, t))| (*t, r as u32)).collect();
    sets.iter()
        .map(|set| {
            let mut ranks: Vec<u32> = set.iter().map(|t| rank[t]).collect();
            ranks.sort_unstable();
            ranks
        })
        .collect()
}

/// How many values two ascending lists share.
fn sorted_overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Every pair (i < j) of `sets` whose Dice coefficient is at least
/// `at_least` percent, with that percent.
#[cfg(test)]
fn alike_pairs(sets: &[Vec<u64>], at_least: u8) -> Vec<(usize, usize, u8)> {
    let mut found = Vec::new();
    for_each_alike_pair(sets, at_least, |j, i, percent| {
        found.push((j, i, percent));
        at_least
    });
    found.sort_unstable();
    found
}

/// The problem each live problem is grouped under (itself when it leads). A
/// duplicate whose lead was deleted stays with the rest of its group, led by
/// its oldest survivor.
pub fn leads(problems: &[Problem]) -> BTreeMap<i64, i64> {
    let live: BTreeSet<i64> = problems.iter().map(|p| p.id).collect();
    let mut orphan_lead: BTreeMap<i64, i64> = BTreeMap::new();
    for p in problems {
        if let Some(gone) = p.same_as.filter(|lead| !live.contains(lead)) {
            let lead = orphan_lead.entry(gone).or_insert(p.id);
            *lead = (*lead).min(p.id);
        }
    }
    problems
        .iter()
        .map(|p| {
            let lead = match p.same_as {
                Some(lead) if live.contains(&lead) => lead,
                Some(gone) => orphan_lead.get(&gone).copied().unwrap_or(p.id),
                None => p.id,
            };
            (p.id, lead)
        })
        .collect()
}

/// Groups and ranks `problems` (live ones, oldest first). `distinct` holds
/// pairs of ids the user said are different problems (smaller id first).
pub fn inbox(problems: &[Problem], distinct: &BTreeSet<(i64, i64)>) -> Inbox {
    let lead_of = leads(problems);
    Inbox {
        groups: ranked_groups(problems, &lead_of),
        suggestions: suggestions(problems, &lead_of, distinct),
    }
}

/// The groups alone, ranked, for a reader that shows no suggestions.
pub fn groups(problems: &[Problem]) -> Vec<ProblemGroup> {
    ranked_groups(problems, &leads(problems))
}

fn ranked_groups(problems: &[Problem], lead_of: &BTreeMap<i64, i64>) -> Vec<ProblemGroup> {
    let by_id: BTreeMap<i64, &Problem> = problems.iter().map(|p| (p.id, p)).collect();
    let mut groups: BTreeMap<i64, Vec<&Problem>> = BTreeMap::new();
    for p in problems {
        groups.entry(lead_of[&p.id]).or_default().push(p);
    }
    let mut ranked: Vec<ProblemGroup> = groups
        .iter()
        .map(|(lead, all)| ProblemGroup {
            lead: ProblemView::from(by_id[lead]),
            members: all
                .iter()
                .filter(|p| p.id != *lead)
                .map(|p| ProblemView::from(*p))
                .collect(),
            times_heard: all.len(),
            opportunity: all.iter().filter_map(|p| p.fields.opportunity()).max(),
            candidate_id: all.iter().find_map(|p| p.candidate_id),
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.opportunity
            .cmp(&a.opportunity)
            .then(b.times_heard.cmp(&a.times_heard))
            .then(a.lead.id.cmp(&b.lead.id))
    });
    ranked
}

/// The inbox offers the best few suggestions, best first: the screen shows one
/// at a time, and sorting every alike pair of a large inbox took seconds.
pub const SUGGESTIONS_OFFERED: usize = 10;

fn suggestions(problems: &[Problem], lead_of: &BTreeMap<i64, i64>, distinct: &BTreeSet<(i64, i64)>) -> Vec<Suggestion> {
    suggestions_at(problems, lead_of, distinct, SUGGEST_AT_PERCENT, SUGGESTIONS_OFFERED)
}

/// The `most` best suggestions at least `at_least` percent alike, best first:
/// one per pair of groups, with the most alike pair of their problems.
fn suggestions_at(
    problems: &[Problem],
    lead_of: &BTreeMap<i64, i64>,
    distinct: &BTreeSet<(i64, i64)>,
    at_least: u8,
    most: usize,
) -> Vec<Suggestion> {
    let sets: Vec<Vec<u64>> = problems
        .iter()
        .map(|p| tokens(&bigrams(p.fields.words.as_str())))
        .collect();
    let mut best: std::collections::HashMap<(i64, i64), u8> = std::collections::HashMap::new();
    for_each_alike_pair(&sets, at_least, |i, j, percent| {
        let (la, lb) = (lead_of[&problems[i].id], lead_of[&problems[j].id]);
        let pair = (la.min(lb), la.max(lb));
        if la != lb && !distinct.contains(&pair) {
            let entry = best.entry(pair).or_insert(0);
            *entry = (*entry).max(percent);
        }
        // Once plenty of groups are this alike, a pair less alike than the
        // `most`-th best can never be offered: raise the floor and forget them.
        if best.len() > most.max(1).saturating_mul(64) {
            let floor = nth_best(&best, most);
            best.retain(|_, percent| *percent >= floor);
            floor
        } else {
            at_least
        }
    });
    let mut suggestions: Vec<Suggestion> = best
        .into_iter()
        .map(|((older, newer), percent)| Suggestion {
            id: newer,
            same_as: older,
            similarity_percent: percent,
        })
        .collect();
    suggestions.sort_by(|a, b| {
        b.similarity_percent
            .cmp(&a.similarity_percent)
            .then(a.id.cmp(&b.id))
            .then(a.same_as.cmp(&b.same_as))
    });
    suggestions.truncate(most);
    suggestions
}

/// The percent of the `n`-th most alike entry (1-based), or 0 if fewer.
fn nth_best(best: &std::collections::HashMap<(i64, i64), u8>, n: usize) -> u8 {
    let mut percents: Vec<u8> = best.values().copied().collect();
    if n == 0 || percents.len() < n {
        return 0;
    }
    let (_, nth, _) = percents.select_nth_unstable_by(n - 1, |a, b| b.cmp(a));
    *nth
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_and_english_paraphrases_read_alike() {
        assert!(similarity_percent("インスタの投稿を作る時間がない", "インスタ投稿を作る時間がありません") >= 60);
        assert!(similarity_percent("No time to post on Instagram", "no time to post on instagram!") == 100);
        assert!(similarity_percent("No time to post on Instagram", "Bookkeeping is always late") < 30);
        assert!(similarity_percent("ホームページの更新", "確定申告の書類づくり") < 20);
    }

    #[test]
    fn full_width_and_half_width_are_the_same_text() {
        assert_eq!(similarity_percent("ＳＮＳ運用　週３回", "SNS運用 週3回"), 100);
    }

    /// The index must find exactly the pairs that comparing every pair finds.
    #[test]
    fn the_index_finds_the_same_pairs_as_comparing_every_pair() {
        let mut rng = crate::analysis::rng::SeededRng::new(7);
        let alphabet: Vec<char> = "あいうえおかきくabcde".chars().collect();
        for round in 0..40 {
            let texts: Vec<String> = (0..60)
                .map(|_| {
                    let len = 1 + (rng.next_u64() % 12) as usize;
                    (0..len)
                        .map(|_| alphabet[(rng.next_u64() % alphabet.len() as u64) as usize])
                        .collect()
                })
                .collect();
            let sets: Vec<Vec<u64>> = texts.iter().map(|t| tokens(&bigrams(t))).collect();
            for at_least in [30, 50, 80] {
                let mut every = Vec::new();
                for i in 0..texts.len() {
                    for j in i + 1..texts.len() {
                        let percent = similarity_percent(&texts[i], &texts[j]);
                        if percent >= at_least {
                            every.push((i, j, percent));
                        }
                    }
                }
                assert_eq!(alike_pairs(&sets, at_least), every, "round {round}, {at_least}%");
            }
        }
    }

    /// Offering only the best few must offer exactly the head of the whole
    /// list, whatever is grouped or marked distinct.
    #[test]
    fn the_offered_suggestions_are_the_best_of_all() {
        let mut rng = crate::analysis::rng::SeededRng::new(11);
        let words = [
            "インスタ",
            "投稿",
            "作る",
            "時間",
            "ない",
            "請求書",
            "post",
            "time",
            "no",
            "menu",
        ];
        let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        for round in 0..30 {
            let count = 5 + (rng.next_u64() % 40) as i64;
            let problems: Vec<Problem> = (1..=count)
                .map(|id| {
                    let len = 1 + (rng.next_u64() % 4) as usize;
                    let text: String = (0..len).map(|_| words[(rng.next_u64() % 10) as usize]).collect();
                    let draft = crate::domain::problem::ProblemInput {
                        words: text,
                        kind: "asked".into(),
                        ..Default::default()
                    };
                    Problem {
                        id,
                        revision: 1,
                        fields: crate::domain::problem::ProblemFields::try_from(&draft).unwrap(),
                        same_as: (id > 1 && rng.next_u64() % 5 == 0)
                            .then(|| 1 + (rng.next_u64() % (id as u64 - 1)) as i64),
                        candidate_id: None,
                        created_at: now,
                        updated_at: now,
                    }
                })
                .collect();
            let distinct: BTreeSet<(i64, i64)> = (0..count / 3)
                .map(|_| {
                    let a = 1 + (rng.next_u64() % count as u64) as i64;
                    let b = 1 + (rng.next_u64() % count as u64) as i64;
                    (a.min(b), a.max(b))
                })
                .collect();
            let lead_of = leads(&problems);
            let mut all = suggestions_at(&problems, &lead_of, &distinct, SUGGEST_AT_PERCENT, usize::MAX);
            for most in [1, 2, 10] {
                let mut head = all.clone();
                head.truncate(most);
                assert_eq!(
                    suggestions_at(&problems, &lead_of, &distinct, SUGGEST_AT_PERCENT, most),
                    head,
                    "round {round}"
                );
            }
            all.truncate(SUGGESTIONS_OFFERED);
            assert_eq!(suggestions(&problems, &lead_of, &distinct), all, "round {round}");
        }
    }

    #[test]
    fn empty_text_is_like_nothing() {
        assert_eq!(similarity_percent("", "abc"), 0);
        assert_eq!(similarity_percent("。", "。"), 0);
    }
}
