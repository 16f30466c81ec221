//! The problem inbox as the user sees it: duplicates grouped under the
//! problem they repeat, groups ranked by opportunity, and problems that read
//! alike suggested as duplicates.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::problem::{Problem, ProblemView};

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

/// Every pair (i < j) of `sets` whose Dice coefficient is at least
/// `at_least` percent, with that percent. Comparing every pair grows with the
/// square of the inbox (5,000 problems took minutes); instead each set is
/// indexed by the rarest of its tokens (prefix filtering): two sets that are
/// alike enough must share one of those, so only pairs that do are compared,
/// and those exactly.
fn alike_pairs(sets: &[Vec<u64>], at_least: u8) -> Vec<(usize, usize, u8)> {
    let p = usize::from(at_least.clamp(1, 100));
    let mut frequency: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    for set in sets {
        for t in set {
            *frequency.entry(*t).or_insert(0) += 1;
        }
    }
    // Rarest first; ties by value, so every set sorts its tokens the same way.
    let ordered: Vec<Vec<u64>> = sets
        .iter()
        .map(|set| {
            let mut v = set.clone();
            v.sort_by_key(|t| (frequency[t], *t));
            v
        })
        .collect();
    // Dice ≥ p% needs, from A alone, a shared count of at least p·|A|/(200 − p)
    // (since the shared count is at most |B|); with that many shared, one of
    // the first |A| − needed + 1 tokens of A is shared.
    let prefix = |len: usize| {
        let needed = (p * len).div_ceil(200 - p).max(1);
        len.saturating_sub(needed) + 1
    };
    let mut index: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    let mut seen_by = vec![usize::MAX; sets.len()];
    let mut found = Vec::new();
    for (i, tokens) in ordered.iter().enumerate() {
        if tokens.is_empty() {
            continue;
        }
        let head = &tokens[..prefix(tokens.len()).min(tokens.len())];
        for t in head {
            for &j in index.get(t).map_or(&[][..], Vec::as_slice) {
                if seen_by[j] == i {
                    continue;
                }
                seen_by[j] = i;
                let shared = sorted_overlap(&sets[i], &sets[j]);
                let percent = dice_of(sets[i].len(), sets[j].len(), shared);
                if usize::from(percent) >= p {
                    found.push((j, i, percent));
                }
            }
        }
        for t in head {
            index.entry(*t).or_default().push(i);
        }
    }
    found.sort_unstable();
    found
}

/// How many values two ascending lists share.
fn sorted_overlap(a: &[u64], b: &[u64]) -> usize {
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
            opportunity: all.iter().filter_map(|p| p.draft.opportunity()).max(),
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

fn suggestions(problems: &[Problem], lead_of: &BTreeMap<i64, i64>, distinct: &BTreeSet<(i64, i64)>) -> Vec<Suggestion> {
    let sets: Vec<Vec<u64>> = problems
        .iter()
        .map(|p| tokens(&bigrams(p.draft.words.as_str())))
        .collect();
    let mut best: BTreeMap<(i64, i64), u8> = BTreeMap::new();
    for (i, j, percent) in alike_pairs(&sets, SUGGEST_AT_PERCENT) {
        let (la, lb) = (lead_of[&problems[i].id], lead_of[&problems[j].id]);
        if la == lb {
            continue;
        }
        let pair = (la.min(lb), la.max(lb));
        if distinct.contains(&pair) {
            continue;
        }
        let entry = best.entry(pair).or_insert(0);
        *entry = (*entry).max(percent);
    }
    let mut suggestions: Vec<Suggestion> = best
        .into_iter()
        .filter(|(_, percent)| *percent >= SUGGEST_AT_PERCENT)
        .map(|((older, newer), percent)| Suggestion {
            id: newer,
            same_as: older,
            similarity_percent: percent,
        })
        .collect();
    suggestions.sort_by(|a, b| b.similarity_percent.cmp(&a.similarity_percent).then(a.id.cmp(&b.id)));
    suggestions
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
        let mut rng = crate::rng::SeededRng::new(7);
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

    #[test]
    fn empty_text_is_like_nothing() {
        assert_eq!(similarity_percent("", "abc"), 0);
        assert_eq!(similarity_percent("。", "。"), 0);
    }
}
