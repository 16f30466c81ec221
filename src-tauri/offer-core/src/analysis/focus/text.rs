//! How the focus check reads text. Japanese has no spaces between words, so
//! word lists are matched on normalized text: NFKC (full- and half-width
//! forms agree), lower case, and hiragana folded to katakana (いいね = イイネ).
//! Latin words only match as whole words, so "and" never fires inside
//! "Android", "brand" or "handmade". Joining particles (と, や) count only
//! between two non-hiragana characters, so 「ともだち」 or 「ひとり」 never fire,
//! and katakana ト in 「ポートフォリオ」 is a different letter to begin with.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// A field's text, prepared once for all the rules.
pub struct Prepared {
    /// As the user typed it, for showing what a rule matched.
    raw: String,
    /// NFKC, lower case: for particles and punctuation, where kana matters.
    pub plain: Vec<char>,
    /// `plain` with hiragana folded to katakana: for word lists.
    pub folded: String,
    /// For each character of `folded` (in order), its byte range there and
    /// the byte range of the user's text it came from.
    spans: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
    /// For each character, whether the user typed it as a capital letter.
    upper: Vec<bool>,
}

impl Prepared {
    pub fn new(raw: &str) -> Prepared {
        // Normalized one grapheme at a time, so every folded character knows
        // which characters the user typed.
        let mut plain = String::new();
        let mut folded = String::new();
        let mut spans = Vec::new();
        let mut upper = Vec::new();
        for (at, grapheme) in raw.grapheme_indices(true) {
            let capital = grapheme.chars().next().is_some_and(char::is_uppercase);
            let normal = if grapheme.is_ascii() {
                grapheme.to_ascii_lowercase()
            } else {
                grapheme.nfkc().collect::<String>().to_lowercase()
            };
            plain.push_str(&normal);
            for c in fold_kana(&normal).chars() {
                let start = folded.len();
                folded.push(c);
                spans.push((start..folded.len(), at..at + grapheme.len()));
                upper.push(capital);
            }
        }
        Prepared {
            raw: raw.to_string(),
            plain: plain.chars().collect(),
            folded,
            spans,
            upper,
        }
    }

    /// Whether the character at `index` was typed as a capital letter.
    pub fn upper(&self, index: usize) -> bool {
        self.upper.get(index).copied().unwrap_or(false)
    }

    pub fn is_blank(&self) -> bool {
        self.plain.iter().all(|c| c.is_whitespace())
    }

    /// The user's own text behind a byte range of `folded`.
    pub fn raw_span(&self, folded: std::ops::Range<usize>) -> &str {
        let start = self.spans.iter().find(|(f, _)| f.end > folded.start).map(|(_, r)| r.start);
        let end = self.spans.iter().rev().find(|(f, _)| f.start < folded.end).map(|(_, r)| r.end);
        match (start, end) {
            (Some(start), Some(end)) if start < end => &self.raw[start..end],
            _ => "",
        }
    }

    /// The trimmed text without trailing punctuation, for "is the whole field
    /// just this phrase" checks.
    pub fn core(&self) -> String {
        self.folded
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_punctuation() || "。、！？".contains(c))
            .trim()
            .to_string()
    }
}

/// Normalizes a word-list entry the same way as field text.
pub fn prepare_phrase(raw: &str) -> String {
    fold_kana(&raw.nfkc().collect::<String>().to_lowercase())
}

fn fold_kana(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            other => other,
        })
        .collect()
}

pub fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

pub fn is_katakana(c: char) -> bool {
    ('\u{30A1}'..='\u{30FA}').contains(&c) || c == 'ー'
}

fn is_latin_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Where `phrase` (prepared) occurs in `text` (folded), as whole words where
/// the phrase starts or ends with a Latin letter or digit. A hyphen joined to
/// a letter keeps a word whole ("reach-outs" is not "reach"). A phrase with
/// "…" matches its parts in order, at most a few words apart
/// ("as many … as you").
pub fn find_phrase(text: &str, phrase: &str) -> Option<std::ops::Range<usize>> {
    // Word lists are NFKC-normalized, which spells "…" as "...".
    if !phrase.contains("...") {
        return find_word_all(text, phrase, 0).next();
    }
    let mut parts = phrase.split("...").map(str::trim).filter(|p| !p.is_empty());
    let first = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    'starts: for start in find_word_all(text, first, 0) {
        let mut end = start.end;
        for part in &rest {
            match find_word_all(text, part, end).next() {
                Some(found) if text[end..found.start].chars().count() <= 24 => end = found.end,
                _ => continue 'starts,
            }
        }
        return Some(start.start..end);
    }
    None
}

/// Every whole-word place of `word` (no "…") in `text`.
pub fn find_all<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    find_word_all(text, word, 0)
}

fn find_word_all<'a>(text: &'a str, word: &'a str, from: usize) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    // Most words of a list are absent from a field; `contains` says so with a
    // vectorized scan, far cheaper than setting up `match_indices`.
    let present = !word.is_empty() && text[from..].contains(word);
    present
        .then(|| text[from..].match_indices(word))
        .into_iter()
        .flatten()
        .map(move |(at, _)| at + from..at + from + word.len())
        .filter(move |range| is_whole_word(text, range))
}

/// Whether the text at `range` is a whole word where it starts or ends with a
/// Latin letter or digit; a hyphen joined to a letter keeps a word whole.
fn is_whole_word(text: &str, range: &std::ops::Range<usize>) -> bool {
    let word = &text[range.clone()];
    let starts_latin = word.chars().next().is_some_and(is_latin_word_char);
    let ends_latin = word.chars().last().is_some_and(is_latin_word_char);
    let before = text[..range.start].chars().next_back();
    let mut after = text[range.end..].chars();
    let next = after.next();
    let hyphen_joined = next == Some('-') && after.next().is_some_and(char::is_alphabetic);
    // 「PV3万」「3万PV」: where letters meet digits a word of two or more
    // letters ends (Japanese writes counts right against them).
    let letters = word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic());
    let joins = |c: char| is_latin_word_char(c) && !(letters && c.is_ascii_digit());
    let clean_start = !starts_latin || !before.is_some_and(joins);
    let clean_end = !ends_latin || !(next.is_some_and(joins) || hyphen_joined);
    clean_start && clean_end
}

/// A long word list searched in one pass over the text (Aho-Corasick),
/// where a search per word would read the text once for every entry.
pub struct PhraseSet(aho_corasick::AhoCorasick);

impl PhraseSet {
    /// Prepared phrases without "…"; a phrase's index is its place here.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseSet {
        let automaton = aho_corasick::AhoCorasick::new(phrases).expect("word lists are small enough for an automaton");
        PhraseSet(automaton)
    }

    /// Every whole-word place of every phrase, overlaps included, with the
    /// phrase's index: ordered by phrase, then by place, as a search per
    /// phrase in list order would find them.
    pub fn find_all(&self, text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
        let mut found: Vec<(std::ops::Range<usize>, usize)> = self
            .0
            .find_overlapping_iter(text)
            .map(|m| (m.range(), m.pattern().as_usize()))
            .filter(|(range, _)| is_whole_word(text, range))
            .collect();
        found.sort_by_key(|(range, phrase)| (*phrase, range.start));
        found
    }
}

/// Every place `phrase` occurs in `text`, in order; see [`find_phrase`].
pub fn find_phrases<'a>(text: &'a str, phrase: &'a str) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = find_phrase(&text[from..], phrase)?;
        let range = from + found.start..from + found.end;
        from = range.end;
        Some(range)
    })
}

/// Whether `phrase` (prepared) occurs in `text` (folded); see [`find_phrase`].
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    find_phrase(text, phrase).is_some()
}

/// Whether the text holds a number to count: digits (full-width too, after
/// NFKC), or a kanji numeral followed by a counter (三件, 十人). A number that
/// only says when ("3か月で", "within 90 days", "by month 4") is a timeframe,
/// not a target, unless there are two: then one of them is the target.
pub fn has_number(text: &Prepared) -> bool {
    let chars = &text.plain;
    let mut periods = 0;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || ",.".contains(chars[i])) {
            i += 1;
        }
        let after: String = chars[i..].iter().skip_while(|c| c.is_whitespace()).take(9).collect();
        let before: String = chars[start.saturating_sub(8)..start].iter().collect::<String>();
        let before = before.trim_end();
        // 「平均2日から当日に」: days that move are the thing measured, a number.
        let moves = |rest: &str| ["から", "→", "to "].iter().any(|m| rest.trim_start().starts_with(m));
        let says_when = TIME_UNITS.iter().any(|unit| {
            after.starts_with(unit)
                && !after[unit.len()..].chars().next().is_some_and(|c| c.is_ascii_alphabetic() && unit.is_ascii())
                && !moves(&after[unit.len()..])
        }) || ["month", "week", "day", "q"].iter().any(|w| before.ends_with(w));
        if !says_when {
            return true;
        }
        periods += 1;
    }
    // "within 10 days … for 3 months": one period is the target.
    if periods >= 2 {
        return true;
    }
    // 「半減」「倍増」, "double": a multiple is a number to reach.
    let folded = &text.folded;
    if ["半減", "倍増", "倍ニ", "半分ニ"].iter().any(|m| folded.contains(m))
        || folded.split(|c: char| !c.is_alphanumeric()).any(|w| ["double", "triple", "halve", "quadruple", "twice"].contains(&w))
    {
        return true;
    }
    // "Ten new clients within three months": numbers in words count too.
    // "Five-star reviews", "a one-off audit": a number word joined to a noun
    // describes it and counts nothing ("twenty-five" still counts).
    let words: Vec<(&str, bool)> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .flat_map(|compound| {
            let parts: Vec<&str> = compound.split('-').filter(|w| !w.is_empty()).collect();
            let describes = parts.len() > 1 && parts.last().is_some_and(|last| !NUMBER_WORDS.contains(last));
            parts.into_iter().map(move |w| (w, describes))
        })
        .collect();
    for (i, (w, describes)) in words.iter().enumerate() {
        if NUMBER_WORDS.contains(w) && !describes {
            let next = words.get(i + 1).map(|(w, _)| *w).unwrap_or_default();
            if !TIME_UNITS.contains(&next) {
                return true;
            }
        }
    }
    chars
        .windows(2)
        .any(|w| "一二三四五六七八九十百千万".contains(w[0]) && "件人回本つ個点社名か日週年割組台枚冊席軒店棟頭匹杯食着".contains(w[1]))
}

pub const NUMBER_WORDS: [&str; 31] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "zero",
];

/// Units after a number that make it a period or a date, not a target.
const TIME_UNITS: [&str; 18] = [
    "か月", "ヶ月", "カ月", "ヵ月", "ケ月", "箇月", "日", "週", "年", "月", "days", "day", "weeks", "week",
    "months", "month", "years", "year",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_half_width_forms_agree() {
        assert!(contains_phrase(
            &Prepared::new("ﾌｫﾛﾜｰ数").folded,
            &prepare_phrase("フォロワー")
        ));
        assert!(contains_phrase(
            &Prepared::new("イイネの数").folded,
            &prepare_phrase("いいね")
        ));
    }

    #[test]
    fn latin_phrases_match_whole_words_and_hyphens_keep_words_whole() {
        assert!(contains_phrase("cold reach and views", "reach"));
        assert!(!contains_phrase("cold reach-outs answered", "reach"));
        assert!(!contains_phrase("android developers", "and"));
        // Letters meet digits: 「PV3万」 holds "pv"; a single letter never ends there.
        assert!(contains_phrase("半年でpv3万", "pv"));
        assert!(contains_phrase("3万pvを目指す", "pv"));
        assert!(!contains_phrase("b2b sales", "b"));
        assert!(!contains_phrase("seo2024", "seo2"));
    }

    #[test]
    fn a_phrase_set_finds_what_a_search_per_phrase_finds() {
        let phrases = ["seo", "ロゴ", "logo design", "and"];
        let set = PhraseSet::new(phrases);
        let text = Prepared::new("Logo design and SEO; ロゴとseo-audit, android, logos").folded;
        let one_pass = set.find_all(&text);
        let per_phrase: Vec<_> = phrases
            .iter()
            .enumerate()
            .flat_map(|(i, p)| find_all(&text, p).map(move |r| (r, i)).collect::<Vec<_>>())
            .collect();
        assert_eq!(one_pass, per_phrase);
        let words: Vec<&str> = one_pass.iter().map(|(r, _)| &text[r.clone()]).collect();
        // "seo-audit" is one word, "android" and "logos" hold no listed word.
        assert_eq!(words, ["seo", "ロゴ", "logo design", "and"]);
    }

    #[test]
    fn a_gap_in_a_phrase_stands_for_a_few_words() {
        let phrase = prepare_phrase("as many … as you");
        assert!(contains_phrase("as many revisions as you like", &phrase));
        assert!(contains_phrase("as many reels edits as you need", &phrase));
        assert!(!contains_phrase(
            "as many clients as possible, then a call with you",
            &phrase
        ));
    }

    #[test]
    fn a_match_maps_back_to_what_the_user_typed() {
        let text = Prepared::new("ＳＮＳを始めたい人なら誰でも");
        let range = find_phrase(&text.folded, &prepare_phrase("誰でも")).unwrap();
        assert_eq!(text.raw_span(range), "誰でも");
        let text = Prepared::new("Everyone in ﾌｫﾛﾜｰ town");
        let range = find_phrase(&text.folded, &prepare_phrase("フォロワー")).unwrap();
        assert_eq!(text.raw_span(range), "ﾌｫﾛﾜｰ");
        let range = find_phrase(&text.folded, "everyone").unwrap();
        assert_eq!(text.raw_span(range), "Everyone");
    }

    #[test]
    fn numbers_are_found_in_digits_full_width_and_kanji_with_counters() {
        assert!(has_number(&Prepared::new("8 booked calls")));
        assert!(has_number(&Prepared::new("初診予約８件")));
        assert!(has_number(&Prepared::new("初診予約三件")));
        assert!(!has_number(&Prepared::new("一緒に増やす")));
        assert!(!has_number(&Prepared::new("More bookings")));
    }

    #[test]
    fn a_number_that_only_says_when_is_no_target() {
        assert!(!has_number(&Prepared::new("3か月で問い合わせを増やす")));
        assert!(!has_number(&Prepared::new("More booked appointments within 3 months")));
        assert!(has_number(&Prepared::new("3か月で月10件の予約")));
        assert!(has_number(&Prepared::new("15 booked calls a month by month 4")));
        // Two periods: one of them is the target ("within 10 days").
        assert!(has_number(&Prepared::new("Books reconciled within 10 days, for 3 months")));
    }
}
