//! "Same job": which kinds of job a list item or deliverable names
//! (`rules/words/*/jobs.txt`), so the check can tell two parts of one job
//! (「切り抜きと色補正」) from two jobs (logo / website / SEO audit) without a
//! word list per case.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::OnceLock;

use super::catalog::words;
use super::lists::{items, Field, ListWords};
use super::text::{find_all, PhraseSet, Prepared};

/// Every job's names in one automaton, with the kind each name belongs to:
/// a deliverable is read once, not once per name (hundreds of them).
fn job_finder() -> &'static (PhraseSet, Vec<usize>) {
    static FINDER: OnceLock<(PhraseSet, Vec<usize>)> = OnceLock::new();
    FINDER.get_or_init(|| {
        let jobs = &words().jobs;
        let names = jobs.iter().flat_map(|(_, names)| names.iter().map(String::as_str));
        let kind_of = jobs.iter().enumerate().flat_map(|(kind, (_, names))| names.iter().map(move |_| kind));
        (PhraseSet::new(names), kind_of.collect())
    })
}

/// Where in the folded text a job is named (byte range), and its kind.
type NamedKind = (Range<usize>, usize);

/// Every place in the folded text where a kind of job is named, as byte
/// ranges with the kind; found once per field, then shared out to its items.
fn named_kinds(folded: &str) -> Vec<NamedKind> {
    let (finder, kind_of) = job_finder();
    let mut out: Vec<NamedKind> =
        finder.find_all(folded).into_iter().map(|(r, name)| (r, kind_of[name])).collect();
    // 「インスタ広告」, "Instagram ads", 「Googleマップの口コミ返信」, 「SEO記事」: a
    // place or channel right before another kind's word only says where or
    // what for (the ads, the replies, the articles are the job).
    let places: Vec<usize> = ["social", "seo"].into_iter().filter_map(kind_named).collect();
    // 「内見の問い合わせ対応」「退去立会いの日程調整」: any kind's word before
    // 「の」 and another kind's word says what the job is about, not a job.
    let modifiers: Vec<usize> = (0..out.len())
        .filter(|&i| {
            let gaps: &[&str] = if places.contains(&out[i].1) { &["", " ", "ノ"] } else { &["ノ"] };
            out.iter().any(|(r, kind)| {
                let gap = folded.get(out[i].0.end..r.start);
                let shares_kind = out.iter().any(|(r2, k2)| r2 == r && *k2 == out[i].1);
                *kind != out[i].1 && !shares_kind && gap.is_some_and(|g| gaps.contains(&g))
            })
        })
        .collect();
    // A job's name after a word that makes it a place or a date names no job.
    let sites: Vec<usize> = ["web", "social"].into_iter().filter_map(kind_named).collect();
    let placed_or_dated: Vec<usize> = (0..out.len())
        .filter(|&i| {
            let before = folded[..out[i].0.start].trim_end();
            let before = DETERMINERS.iter().find_map(|d| before.strip_suffix(d)).unwrap_or(before).trim_end();
            let word_before = |words: &[&str]| {
                words.iter().any(|w| before.strip_suffix(w).is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', ','])))
            };
            // "before the tax deadline", "by the VAT return": it says when.
            if word_before(&["before", "by", "ahead of", "until"]) {
                return true;
            }
            if !sites.contains(&out[i].1) {
                return false;
            }
            // "requests from the website form", "bookings via Instagram":
            // where something comes from, whatever else is named.
            if word_before(&["from", "via", "through"]) {
                return true;
            }
            // "the menu and opening hours on their website": a site or a
            // social account named after "on" or "in", once another job is
            // named, says where that job lives.
            let after_place = word_before(&["on", "in", "to"]);
            // The job it lives with is in the same clause.
            let same_clause = |r: &Range<usize>| {
                let between = &folded[r.end..before.len()];
                !between.contains(['.', ';', '。']) && ![", and", ", but", "、"].iter().any(|b| between.contains(b))
            };
            after_place && out.iter().any(|(r, kind)| r.end <= before.len() && *kind != out[i].1 && same_clause(r))
        })
        .collect();
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !modifiers.contains(&(i - 1)) && !placed_or_dated.contains(&(i - 1))
    });
    out
}

const DETERMINERS: [&str; 7] = [" the", " their", " your", " our", " my", " his", " her"];

fn kind_named(name: &str) -> Option<usize> {
    words().jobs.iter().position(|(kind, _)| kind == name)
}

/// Whether two of these items name jobs of no common kind.
fn different_jobs(item_kinds: &[BTreeSet<usize>]) -> bool {
    let named: Vec<&BTreeSet<usize>> = item_kinds.iter().filter(|k| !k.is_empty()).collect();
    named
        .iter()
        .enumerate()
        .any(|(i, a)| named[i + 1..].iter().any(|b| a.is_disjoint(b)))
}

/// `named` is `named_kinds` of the same text, found once by the caller.
fn item_kinds(text: &Prepared, named: &[NamedKind], words: &ListWords) -> Vec<BTreeSet<usize>> {
    // Byte offset in `folded` of each character position.
    let mut bytes: Vec<usize> = text.folded.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.folded.len());
    let kinds_within = |start: usize, end: usize| -> BTreeSet<usize> {
        named.iter().filter(|(at, _)| start <= at.start && at.end <= end).map(|(_, kind)| *kind).collect()
    };
    let ranges = items(text, Field::Task, words);
    let mut kinds: Vec<BTreeSet<usize>> = ranges.iter().map(|r| kinds_within(bytes[r.start], bytes[r.end])).collect();
    // 「見積書と仕様書を、…機械翻訳で直している」: things listed as the object
    // of one job named after 「を」 are what that one job works on.
    if let Some(last) = ranges.last().filter(|_| ranges.len() > 1) {
        let (start, end) = (bytes[last.start], bytes[last.end]);
        if let Some(object_end) = text.folded[start..end].find('ヲ').map(|at| start + at) {
            let clause = &text.folded[object_end..end];
            let clause_end = ["。", "テ、", "デ、", "シ、"].iter().filter_map(|s| clause.find(s)).min().map_or(end, |at| object_end + at);
            let job = kinds_within(object_end, clause_end);
            if !job.is_empty() {
                kinds.iter_mut().for_each(|k| k.extend(job.iter().copied()));
            }
        }
    }
    // "Onboarding takes a day: setting up logins, booking the induction …":
    // steps listed after a colon are the job named before it.
    if let Some(colon) = text.folded.find(':') {
        let job = kinds_within(0, colon);
        for (range, kinds) in ranges.iter().zip(kinds.iter_mut()) {
            if bytes[range.end] > colon {
                kinds.extend(job.iter().copied());
            }
        }
    }
    kinds
}

/// A problem that lists more than one job.
pub fn problem_has_several(problem: &Prepared, words: &ListWords) -> bool {
    different_jobs(&item_kinds(problem, &named_kinds(&problem.folded), words))
}

/// Whether a deliverable supports the job (a report, a call, revisions)
/// rather than adding one. A supporting word inside a job's own name
/// (「不具合修正」, "cleaning schedule") does not make the row supporting.
fn is_supporting(name: &Prepared, jobs: &[NamedKind]) -> bool {
    let within_a_job = |r: &Range<usize>| jobs.iter().any(|(j, _)| j.start <= r.start && r.end <= j.end);
    // 「…設定（月〆でまとめてご報告）」: a report in brackets goes with the row's jobs.
    let folded = &name.folded;
    let bracketed = |r: &Range<usize>| {
        let before = &folded[..r.start];
        let opened = before.rfind(['（', '(']);
        opened.is_some_and(|o| before.rfind(['）', ')']).is_none_or(|c| c < o))
    };
    // "Website edits", 「ホームページの修正」: changes to a job's own work are that job.
    let edits_a_job = |r: &Range<usize>| {
        words().edits.entries().iter().any(|e| *e == folded[r.clone()])
            && jobs.iter().any(|(j, _)| {
                // 「ホームページの不具合修正」: a short word may say what is fixed.
                folded.get(j.end..r.start).is_some_and(|gap| gap.chars().count() <= 4 && !gap.contains(['、', ',', '。', '・', '/']))
            })
    };
    words()
        .supporting
        .entries()
        .iter()
        .any(|s| find_all(folded, s).any(|r| !within_a_job(&r) && !bracketed(&r) && !edits_a_job(&r)))
}

/// 「院内写真の追加」 next to the posts, photos next to case-study articles:
/// pictures for the content are part of the content job.
fn without_content_photos(all: Vec<BTreeSet<usize>>) -> Vec<BTreeSet<usize>> {
    let (photo, content) = (kind_named("photo"), [kind_named("writing"), kind_named("social")]);
    let has_content = all.iter().any(|k| content.iter().any(|c| c.is_some_and(|c| k.contains(&c))));
    all.into_iter()
        .filter(|k| !(has_content && photo.is_some_and(|p| k.len() == 1 && k.contains(&p))))
        .collect()
}

/// Deliverables that are more than one job, within a row or across rows.
/// A row that supports the job is left out.
pub fn deliverables_have_several(names: &[Prepared], words: &ListWords) -> bool {
    let rows: Vec<Vec<BTreeSet<usize>>> = names
        .iter()
        .map(|n| {
            let named = named_kinds(&n.folded);
            if is_supporting(n, &named) { Vec::new() } else { item_kinds(n, &named, words) }
        })
        .collect();
    // "Reminder messages to late payers" next to fee invoicing: a reminder
    // chases the job the other rows do.
    let reminding = |row: usize| super::catalog::words().reminders.entries().iter().any(|w| names[row].folded.contains(w.as_str()));
    let others_named = |row: usize| rows.iter().enumerate().any(|(i, kinds)| i != row && kinds.iter().any(|k| !k.is_empty()));
    let all: Vec<BTreeSet<usize>> = rows
        .iter()
        .enumerate()
        .filter(|(row, kinds)| !(kinds.len() == 1 && reminding(*row) && others_named(*row)))
        .flat_map(|(_, kinds)| kinds.iter().cloned())
        .collect();
    different_jobs(&without_content_photos(all))
}

/// The kind of job a text names first (a platform before another kind's
/// word only says where, as above), if it names one.
pub fn first_kind(text: &Prepared) -> Option<&'static str> {
    let named = named_kinds(&text.folded);
    let (_, kind) = named.iter().min_by_key(|(at, _)| at.start)?;
    Some(words().jobs[*kind].0.as_str())
}
