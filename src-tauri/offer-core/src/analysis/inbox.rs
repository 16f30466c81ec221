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

/// How many of the most frequent character pairs are compared as bits rather
/// than looked up in the index: a pair held by nearly every problem makes an
/// index lookup meet every earlier problem, while a bit test costs one step.
const COMMON_TOKENS: usize = 256;

/// A set of tokens split for the search: its rarer tokens as ranks (rarest
/// first) for the index, its most frequent ones as bits.
struct SplitSet {
    rare: Vec<u32>,
    common: [u64; COMMON_TOKENS / 64],
    common_len: usize,
    len: usize,
}

impl SplitSet {
    fn new(ranks: &[u32], first_common: u32) -> SplitSet {
        let cut = ranks.partition_point(|r| *r < first_common);
        let mut common = [0u64; COMMON_TOKENS / 64];
        for r in &ranks[cut..] {
            let bit = (r - first_common) as usize;
            common[bit / 64] |= 1 << (bit % 64);
        }
        SplitSet {
            rare: ranks[..cut].to_vec(),
            common,
            common_len: ranks.len() - cut,
            len: ranks.len(),
        }
    }

    fn common_shared(&self, other: &SplitSet) -> usize {
        self.common
            .iter()
            .zip(&other.common)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// How many tokens it must share with another set for their Dice
    /// coefficient to reach `floor` percent: p·|A|/(200 − p) (the shared
    /// count is at most |B|).
    fn needed(&self, floor: usize) -> usize {
        (floor * self.len).div_ceil(200 - floor).max(1)
    }

    /// Whether its common tokens alone could make it alike enough to another.
    fn could_meet_on_common(&self, floor: usize) -> bool {
        self.common_len >= self.needed(floor)
    }
}

/// Calls `found(j, i, percent)` for every pair j < i of `sets` whose Dice
/// coefficient is at least the floor, which starts at `at_least` and is
/// whatever `found` last returned (it may only rise). Comparing pair by pair
/// grows with the square of the inbox times the length of its texts (10,000
/// problems took over a minute). Instead tokens are ranked rarest first.
/// The rarer ones go into an index of the earlier sets: each set looks up
/// only its first few (its prefix), counting how many each earlier set
/// shares; two sets alike enough must share one of those, and the count plus
/// the number of tokens left unlooked tells whether an exact check is worth
/// it. The most common ones would make every set meet every other in the
/// index; they are kept as bits instead, and a set whose common tokens alone
/// could make it alike is compared bit by bit with the earlier such sets.
fn for_each_alike_pair(sets: &[Vec<u64>], at_least: u8, found: impl FnMut(usize, usize, u8) -> u8) {
    for_each_alike_pair_split(sets, at_least, COMMON_TOKENS, found)
}

fn for_each_alike_pair_split(
    sets: &[Vec<u64>],
    at_least: u8,
    common_tokens: usize,
    mut found: impl FnMut(usize, usize, u8) -> u8,
) {
    let mut floor = usize::from(at_least.clamp(1, 100));
    let (ranked, frequencies) = ranked_rarest_first(sets);
    let first_common = frequencies.len().saturating_sub(common_tokens.min(COMMON_TOKENS)) as u32;
    let split: Vec<SplitSet> = ranked.iter().map(|r| SplitSet::new(r, first_common)).collect();
    let mut holders: Vec<Vec<u32>> = vec![Vec::new(); first_common as usize];
    let mut shared = vec![0u32; sets.len()];
    let mut touched: Vec<u32> = Vec::new();
    // Earlier sets whose common tokens alone could reach the floor.
    let mut dense: Vec<DenseEntry> = Vec::new();
    let mut dense_floor = floor;
    let mut dense_hits: Vec<(u32, u32)> = Vec::new();
    for (i, set) in split.iter().enumerate() {
        // One of the first |A| − needed + 1 tokens must be shared.
        let prefix = set.len.saturating_sub(set.needed(floor)) + 1;
        let (head, rest) = set.rare.split_at(prefix.min(set.rare.len()));
        let prefix_is_rare_only = !rest.is_empty();
        count_shared(head, &holders, &mut shared, &mut touched);
        // Counting the rest too costs one step per earlier holder; checking
        // each set met so far costs about its length. Take the cheaper.
        let count_rest: usize = rest.iter().map(|t| holders[*t as usize].len()).sum();
        let rest = if count_rest < touched.len() * 16 {
            count_shared(rest, &holders, &mut shared, &mut touched);
            &[][..]
        } else {
            rest
        };
        let head = &set.rare[..set.rare.len() - rest.len()];
        // A set met on no rare token of the prefix can still be alike only
        // when the prefix reaches the common tokens and the common tokens of
        // both could suffice; it then shares no rare token at all.
        if !prefix_is_rare_only && set.could_meet_on_common(floor) {
            if dense_floor < floor {
                dense.retain(|e| split[e.set as usize].could_meet_on_common(floor));
                dense_floor = floor;
            }
            scan_dense(&dense, &shared, set, floor, &mut dense_hits);
            for &(j, common) in &dense_hits {
                let (j, common) = (j as usize, common as usize);
                let percent = dice_of(set.len, split[j].len, common);
                if usize::from(percent) >= floor {
                    floor = usize::from(found(j, i, percent)).max(floor);
                }
            }
            dense_hits.clear();
        }
        let last_counted = head.last().copied().unwrap_or(0);
        for &j in &touched {
            let j = j as usize;
            let counted = shared[j] as usize;
            shared[j] = 0;
            let other = &split[j];
            let total = set.len + other.len;
            let later = &other.rare[other.rare.partition_point(|r| *r <= last_counted)..];
            let common_most = set.common_len.min(other.common_len);
            if 200 * (counted + rest.len().min(later.len()) + common_most) < floor * total {
                continue;
            }
            let shared_all = counted + sorted_overlap(rest, later) + set.common_shared(other);
            if 200 * shared_all >= floor * total {
                let percent = dice_of(set.len, other.len, shared_all);
                floor = usize::from(found(j, i, percent)).max(floor);
            }
        }
        touched.clear();
        for &t in &set.rare {
            holders[t as usize].push(i as u32);
        }
        if set.could_meet_on_common(floor) {
            dense.push(DenseEntry {
                set: i as u32,
                len: set.len as u32,
                common: set.common,
            });
        }
    }
}

/// A set whose common tokens alone could make it alike to another, kept
/// together so that comparing against all of them runs through memory in order.
struct DenseEntry {
    set: u32,
    len: u32,
    common: [u64; COMMON_TOKENS / 64],
}

/// Notes in `hits` each entry not met in the index (`shared` is 0: it shares
/// no rare token with `set`) whose common tokens alone make it alike enough
/// to `set`, with how many it shares. Every earlier set may be among them,
/// so this runs once per pair: with the processor's bit-count instruction
/// where it has one (a fifth of the time of counting bits by arithmetic).
fn scan_dense(dense: &[DenseEntry], shared: &[u32], set: &SplitSet, floor: usize, hits: &mut Vec<(u32, u32)>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("popcnt") {
        // SAFETY: the processor has just been asked whether it has the instruction.
        return unsafe { scan_dense_popcnt(dense, shared, set, floor, hits) };
    }
    scan_dense_anywhere(dense, shared, set, floor, hits)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn scan_dense_popcnt(dense: &[DenseEntry], shared: &[u32], set: &SplitSet, floor: usize, hits: &mut Vec<(u32, u32)>) {
    scan_dense_anywhere(dense, shared, set, floor, hits)
}

#[inline(always)]
fn scan_dense_anywhere(dense: &[DenseEntry], shared: &[u32], set: &SplitSet, floor: usize, hits: &mut Vec<(u32, u32)>) {
    for entry in dense {
        let common: u32 = set
            .common
            .iter()
            .zip(&entry.common)
            .map(|(a, b)| (a & b).count_ones())
            .sum();
        if 200 * common as usize >= floor * (set.len + entry.len as usize) && shared[entry.set as usize] == 0 {
            hits.push((entry.set, common));
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
/// orders its tokens the same way), and how many distinct tokens there are.
fn ranked_rarest_first(sets: &[Vec<u64>]) -> (Vec<Vec<u32>>, Vec<u32>) {
    let mut frequency: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    for t in sets.iter().flatten() {
        *frequency.entry(*t).or_insert(0) += 1;
    }
    let mut order: Vec<(u32, u64)> = frequency.iter().map(|(t, n)| (*n, *t)).collect();
    order.sort_unstable();
    let rank: std::collections::HashMap<u64, u32> =
        order.iter().enumerate().map(|(r, (_, t))| (*t, r as u32)).collect();
    let ranked = sets
        .iter()
        .map(|set| {
            let mut ranks: Vec<u32> = set.iter().map(|t| rank[t]).collect();
            ranks.sort_unstable();
            ranks
        })
        .collect();
    (ranked, order.iter().map(|(n, _)| *n).collect())
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
/// `at_least` percent, with that percent, the `common_tokens` most frequent
/// tokens compared as bits.
#[cfg(test)]
fn alike_pairs(sets: &[Vec<u64>], at_least: u8, common_tokens: usize) -> Vec<(usize, usize, u8)> {
    let mut found = Vec::new();
    for_each_alike_pair_split(sets, at_least, common_tokens, |j, i, percent| {
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

    /// The index must find exactly the pairs that comparing every pair finds,
    /// whether every token is looked up in the index, some are compared as
    /// bits, or all are.
    #[test]
    fn the_index_finds_the_same_pairs_as_comparing_every_pair() {
        let mut rng = crate::analysis::rng::SeededRng::new(7);
        let alphabet: Vec<char> = "あいうえおかきくけこabcdefghij".chars().collect();
        for round in 0..40 {
            // Small alphabets make every pair common; large ones, rare.
            let letters = 4 + round % (alphabet.len() - 3);
            let texts: Vec<String> = (0..60)
                .map(|_| {
                    let len = 1 + (rng.next_u64() % 12) as usize;
                    (0..len)
                        .map(|_| alphabet[(rng.next_u64() % letters as u64) as usize])
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
                for common_tokens in [0, 8, 40, COMMON_TOKENS] {
                    assert_eq!(
                        alike_pairs(&sets, at_least, common_tokens),
                        every,
                        "round {round}, {at_least}%, {common_tokens} common"
                    );
                }
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
