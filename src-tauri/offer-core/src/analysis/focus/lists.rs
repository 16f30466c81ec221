//! Telling a list of like items ("A, B and C", 「A・B・C」) from one item with
//! qualifiers ("10 or more staff", "in Austin, Texas", 「…の会員で、…を営む方」,
//! a name such as "Marks and Spencer" or 「まち&くらし」).
//!
//! Works on character positions of [`Prepared`]: `plain` and `folded` have
//! one character for each other, so a position means the same in both.

use std::ops::Range;

use super::text::{find_phrase, is_hiragana, is_katakana, Prepared};

/// Which field is read: each has its own idea of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Platform,
    Audience,
    /// A problem or a deliverable: clauses joined by "also" count as items.
    Task,
}

/// The words lists are built from, prepared like field text.
pub struct ListWords<'a> {
    pub conjunctions: &'a [String],
    /// Words that join a second job to the first (ついでに, "on top of").
    pub also: &'a [String],
    pub particles: &'a [String],
}

/// English words that start a qualifier: a comma before or after one ends
/// no list item ("bakeries in Austin, Texas"; "podcasters, from first-timers …").
const QUALIFIER_WORDS: [&str; 25] = [
    "in", "near", "around", "across", "within", "from", "with", "who", "that", "which", "based", "of", "at",
    "for", "doing", "selling", "using", "running", "no", "especially", "mainly", "whose", "mostly", "primarily",
    "usually",
];

/// English words after which place names may be listed: "in Leeds,
/// Bradford, and Wakefield" is one group's whereabouts.
const PLACE_WORDS: [&str; 7] = ["in", "near", "around", "across", "within", "throughout", "covering"];

/// Words that may stand between place names without being names.
const NAME_JOINERS: [&str; 3] = ["and", "or", "&"];

/// Whether the words in `from..to` are all names typed with a capital
/// ("Leeds", "Tampa Bay"), and whether there is a word at all.
fn names_only(text: &Prepared, chars: &[char], from: usize, to: usize) -> (bool, bool) {
    let mut any = false;
    let mut at = from;
    while let Some((start, word)) = word_after(chars, at).filter(|(start, _)| *start < to) {
        at = start + word.chars().count().max(1);
        if NAME_JOINERS.contains(&word.as_str()) {
            continue;
        }
        // "in Leeds or Wakefield with under 10 employees": the names end
        // where a qualifier starts.
        if QUALIFIER_WORDS.contains(&word.as_str()) {
            break;
        }
        if !text.upper(start) {
            return (false, any);
        }
        any = true;
    }
    (true, any)
}

/// Whether `at` stands in a list of names that a place word opened, going
/// back over commas: "in Leeds, Bradford, | and Wakefield", "in Tampa,
/// Florida, | listing …".
fn in_place_names(text: &Prepared, chars: &[char], at: usize) -> bool {
    let mut end = at;
    loop {
        let start = chars[..end].iter().rposition(|&c| c == ',').map_or(0, |i| i + 1);
        let opened = (start..end).any(|i| {
            let word_starts = chars[i].is_alphabetic() && (i == 0 || !chars[i - 1].is_alphanumeric());
            word_starts
                && word_after(chars, i).is_some_and(|(_, w)| {
                    PLACE_WORDS.contains(&w.as_str()) && names_only(text, chars, i + w.chars().count(), end) == (true, true)
                })
        });
        if opened {
            return true;
        }
        let (names, _) = names_only(text, chars, start, end);
        if !names || start == 0 {
            return false;
        }
        end = start - 1;
    }
}

/// The end of the item after `at`: the next comma, or the end of the text.
fn next_comma(chars: &[char], at: usize) -> usize {
    chars[at..].iter().position(|&c| c == ',').map_or(chars.len(), |i| at + i)
}

/// Words after a comma that open an appositive, which names the same thing
/// again: "Makers & Growers, the regional farm-shop marketplace".
const APPOSITIVE_STARTS: [&str; 3] = ["the", "a", "an"];

/// The writer as a clause's subject: "so I set up …", "so we post …".
const WRITER_WORDS: [&str; 8] = ["i", "we", "i'm", "i've", "we're", "we've", "i'd", "myself"];

/// Words after a comma that add nothing to a list: "SMEs, really".
const FILLERS: [&str; 6] = ["really", "basically", "i", "tbh", "honestly", "mostly"];

/// Whether a word adds nothing after a comma ("SMEs, really", "…, I guess").
pub fn is_filler(word: &str) -> bool {
    FILLERS.contains(&word)
}

/// English words that open a clause about the same thing, after a comma.
const CLAUSE_WORDS: [&str; 9] = ["so", "because", "which", "but", "until", "when", "while", "since", "as"];

fn is_open(c: char) -> bool {
    "(「『【〔[｢".contains(c)
}

fn is_close(c: char) -> bool {
    ")」』】〕]｣".contains(c)
}

/// What a Japanese place name ends with (「…市」「…区」「…駅」).
const PLACE_ENDINGS: [char; 9] = ['区', '市', '町', '村', '県', '都', '府', '駅', '州'];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_hiragana(c)
}

/// Whether a noun ends at `end` (exclusive): a word character, or an
/// honorific in hiragana (「飲食店さん」).
fn noun_ends(chars: &[char], end: usize) -> bool {
    let before: String = chars[end.saturating_sub(2)..end].iter().collect();
    end > 0 && (is_word_char(chars[end - 1]) || before == "さん")
}

/// Whether a noun starts at `at`: a word character, or one after the polite
/// prefix お or ご (「お花屋さん」).
fn noun_starts(chars: &[char], at: usize) -> bool {
    chars.get(at).is_some_and(|&c| is_word_char(c))
        || (chars.get(at).is_some_and(|&c| c == 'お' || c == 'ご') && chars.get(at + 1).is_some_and(|&c| is_word_char(c)))
}

/// Whether each character is inside brackets: a bracketed part qualifies or
/// names ("Instagram（ストーリーズとリール）", 「ハッピー&スマイル」).
fn bracketed(chars: &[char]) -> Vec<bool> {
    let mut depth = 0usize;
    chars
        .iter()
        .map(|&c| {
            if is_open(c) {
                depth += 1;
                true
            } else if is_close(c) {
                let inside = depth > 0;
                depth = depth.saturating_sub(1);
                inside
            } else {
                depth > 0
            }
        })
        .collect()
}

/// The Latin word ending just before `at` (skipping spaces), with its start.
fn word_before(chars: &[char], at: usize) -> Option<(usize, String)> {
    let mut end = at;
    while end > 0 && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && (chars[start - 1].is_alphanumeric() || "'’-".contains(chars[start - 1])) {
        start -= 1;
    }
    (start < end).then(|| (start, chars[start..end].iter().collect()))
}

/// The word starting just after `at` (skipping spaces), with its start.
fn word_after(chars: &[char], at: usize) -> Option<(usize, String)> {
    let mut start = at;
    while start < chars.len() && chars[start].is_whitespace() {
        start += 1;
    }
    let mut end = start;
    while end < chars.len() && (chars[end].is_alphanumeric() || "'’-".contains(chars[end])) {
        end += 1;
    }
    (start < end).then(|| (start, chars[start..end].iter().collect()))
}

/// "10", or a number in words ("one or two dentists").
fn is_number(word: &str) -> bool {
    // "a one- or two-chair shop": the number's hyphen waits for its noun.
    let word = word.trim_end_matches('-');
    word.chars().next().is_some_and(|c| c.is_ascii_digit()) || super::text::NUMBER_WORDS.contains(&word)
}

/// "Marks and Spencer", "Barnes & Noble": capitalized words on both sides,
/// the first not opening the field (where every word is capitalized).
fn joins_a_name(text: &Prepared, chars: &[char], start: usize, end: usize) -> bool {
    match (word_before(chars, start), word_after(chars, end)) {
        (Some((left, _)), Some((right, _))) => {
            // A field's first word is capitalized anyway ("Cafés and Bakeries"),
            // but not with "&" ("Procter & Gamble").
            let opens = chars[..left].iter().all(|c| c.is_whitespace()) && chars[start] != '&';
            !opens && text.upper(left) && text.upper(right)
        }
        _ => false,
    }
}

/// The length of the run of word characters touching `from`, skipping spaces
/// next to the symbol, and whether it holds a letter.
fn run(chars: &[char], from: isize, step: isize) -> (usize, bool) {
    let mut i = from;
    while i >= 0 && (i as usize) < chars.len() && chars[i as usize] == ' ' {
        i += step;
    }
    let mut length = 0;
    let mut letter = false;
    while i >= 0 && (i as usize) < chars.len() && chars[i as usize].is_alphanumeric() {
        letter |= chars[i as usize].is_alphabetic();
        length += 1;
        i += step;
    }
    (length, letter)
}

/// The English segment between the previous comma (or the start) and `at`.
fn segment_before(chars: &[char], at: usize) -> String {
    let start = chars[..at].iter().rposition(|&c| c == ',').map_or(0, |i| i + 1);
    chars[start..at].iter().collect()
}

fn has_qualifier_word(segment: &str) -> bool {
    segment
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| QUALIFIER_WORDS.contains(&w))
}

/// A Japanese clause after a comma that adds a second topic: a noun with も
/// (「インスタも更新できず」).
fn adds_a_topic(chars: &[char], from: usize) -> bool {
    let end = chars[from..].iter().position(|&c| c == '、' || c == '。').map_or(chars.len(), |i| from + i);
    (from + 1..end).any(|i| chars[i] == 'も' && noun_before(chars, i))
}

/// Whether a noun ends at `at`: a word character, or a verb made a noun by
/// its stem after a kanji (「資料作りも」「支払いも」「手続きも」).
fn noun_before(chars: &[char], at: usize) -> bool {
    let Some(&last) = at.checked_sub(1).and_then(|i| chars.get(i)) else {
        return false;
    };
    is_word_char(last) || ("りいみき".contains(last) && at >= 2 && is_word_char(chars[at - 2]) && !chars[at - 2].is_ascii())
}

/// 「まつげサロン」「おむすび店」: a short hiragana word that a kanji or
/// katakana noun completes, not a verb or particle (「として」「いう」).
fn kana_headed_noun(chars: &[char], at: usize) -> bool {
    let hiragana = |c: char| ('\u{3041}'..='\u{3096}').contains(&c);
    let run = chars[at.min(chars.len())..].iter().take_while(|&&c| hiragana(c)).count();
    (1..=4).contains(&run)
        && !"しいなのかすさはがをにでへもやと".contains(chars[at])
        && chars.get(at + run).is_some_and(|&c| is_word_char(c) && !c.is_ascii())
}

/// The places where the text joins two items, as character ranges.
fn joints(text: &Prepared, field: Field, words: &ListWords) -> Vec<Range<usize>> {
    let chars = &text.plain;
    let inside = bracketed(chars);
    let mut found: Vec<Range<usize>> = Vec::new();
    let char_at = |byte: usize| text.folded[..byte].chars().count();

    let mut phrases: Vec<&String> = words.conjunctions.iter().collect();
    if field == Field::Task {
        phrases.extend(words.also.iter());
    }
    for phrase in phrases {
        let mut from = 0;
        while let Some(range) = find_phrase(&text.folded[from..], phrase) {
            let (start, end) = (char_at(from + range.start), char_at(from + range.end));
            from += range.end;
            if inside[start] {
                continue;
            }
            // "10 or more staff", "between 5 and 20 staff", "1 to 3 branches".
            if word_before(chars, start).is_some_and(|(_, w)| is_number(&w)) {
                continue;
            }
            // "with 10 rooms or fewer": a bound on the number before.
            if word_after(chars, end).is_some_and(|(_, w)| ["fewer", "more", "less", "over", "under", "above", "below"].contains(&w.as_str())) {
                continue;
            }
            if ["and", "&"].contains(&phrase.as_str()) && joins_a_name(text, chars, start, end) {
                continue;
            }
            // "My portfolio site and its contact form": a part of the first.
            if phrase == "and" && word_after(chars, end).is_some_and(|(_, w)| w.eq_ignore_ascii_case("its")) {
                continue;
            }
            if field == Field::Audience && ["and", "&", "or"].contains(&phrase.as_str()) {
                // "Groomers in Leeds and Wakefield": a second place for the one group.
                let (names, any) = names_only(text, chars, end, next_comma(chars, end));
                if names && any && in_place_names(text, chars, start) {
                    continue;
                }
                // "working alone or with one helper", "with under 10 staff and
                // no in-house writer": a second qualifier, not a second group.
                if word_after(chars, end).is_some_and(|(_, w)| QUALIFIER_WORDS.contains(&w.as_str())) {
                    continue;
                }
                // "Salons that do both hair and nails", "accountants who are AAT
                // members and work from home": the joint is inside what qualifies.
                let clause: String = chars[..start].iter().collect();
                let clause = clause.rsplit(',').next().unwrap_or_default();
                // "Shopify stores selling dog and cat food": what the one group sells.
                const QUALIFYING: [&str; 10] = ["both", "who", "that", "which", "selling", "stocking", "making", "serving", "offering", "doing"];
                if clause.split_whitespace().any(|w| QUALIFYING.contains(&w)) {
                    continue;
                }
            }
            // "but" joins only after "not just": "not just a logo but Google Ads".
            if phrase == "but" && !(text.folded.contains("not just") || text.folded.contains("not only")) {
                continue;
            }
            found.push(start..end);
        }
    }

    for particle in words.particles {
        let p: Vec<char> = particle.chars().collect();
        if p.is_empty() || p.len() > chars.len() {
            continue;
        }
        for at in 0..=chars.len() - p.len() {
            if chars[at..at + p.len()] != p[..] || inside[at] {
                continue;
            }
            let before = at.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(at + p.len()).copied();
            // 「仕組みづくりと」「書き直しと」「帳簿付けと」: a verb made a noun
            // ends in kana after its kanji.
            let made_noun = chars[..at].ends_with(&['づ', 'く', 'り'])
                || (at >= 2 && "しりけみげえ".contains(chars[at - 1]) && !is_hiragana(chars[at - 2]) && !is_katakana(chars[at - 2]) && is_word_char(chars[at - 2]));
            // 「工務店（従業員10名以下）と」: the item's bracket closes it.
            let closed = at > 0 && is_close(chars[at - 1]);
            let word_end = noun_ends(chars, at) || made_noun || closed || (p.len() > 1 && before == Some('、'));
            // 「地方の温泉旅館と、認可外の保育園」: a comma may follow the particle.
            let next = if after == Some('、') { at + p.len() + 1 } else { at + p.len() };
            // 「犬と猫のトリミングサロン」: two short words before 「の」 say what
            // the one head handles.
            let short_pair = field == Field::Audience && {
                let is_noun_char = |c: &char| is_word_char(*c) && !is_hiragana(*c);
                let left = chars[..at].iter().rev().take_while(|c| is_noun_char(c)).count();
                let right = chars[next..].iter().take_while(|c| is_noun_char(c)).count();
                (1..=2).contains(&left) && (1..=2).contains(&right) && chars.get(next + right) == Some(&'の')
            };
            if word_end && !short_pair && (noun_starts(chars, next) || (field == Field::Audience && kana_headed_noun(chars, next))) {
                found.push(at..at + p.len());
            }
        }
    }

    let dots_list_items = chars.windows(3).any(|w| {
        w[1] == '・' && is_word_char(w[0]) && is_word_char(w[2]) && !(is_katakana(w[0]) && is_katakana(w[2])) && !(w[0].is_ascii_digit() && w[2].is_ascii_digit())
    });
    for (i, &c) in chars.iter().enumerate() {
        if inside[i] || i == 0 || i + 1 >= chars.len() {
            continue;
        }
        let before = chars[i - 1];
        let after = chars[i + 1];
        let joins = match c {
            '&' => {
                let spaced = before.is_whitespace() || after.is_whitespace();
                let (left, _) = run(chars, i as isize - 1, -1);
                let (right, _) = run(chars, i as isize + 1, 1);
                (spaced || (left >= 2 && right >= 2)) && !joins_a_name(text, chars, i, i + 1)
            }
            // 「■LINE設定 ■商品登録」, "rota planning; intake forms": bullets and
            // semicolons end an item wherever they stand.
            '■' | '□' | '●' | '○' | '◆' | '◇' | '▪' | '•' | ';' => true,
            // A problem told in sentences: each sentence may name a job.
            '。' if field == Field::Task => true,
            '.' if field == Field::Task => before.is_alphabetic() && after == ' ',
            '/' | '+' => {
                let (left, left_letters) = run(chars, i as isize - 1, -1);
                let (right, right_letters) = run(chars, i as isize + 1, 1);
                // "$5k/mo.", "£30/hr": a rate, not two items.
                const RATE_UNITS: [&str; 12] = ["mo", "month", "yr", "year", "wk", "week", "hr", "hour", "day", "night", "person", "head"];
                let rate = word_after(chars, i + 1).is_some_and(|(_, w)| RATE_UNITS.contains(&w.to_lowercase().trim_end_matches('.')));
                left >= 2 && right >= 2 && left_letters && right_letters && !rate
            }
            // 「5・6年生」 is one range of years, like "5-6"; 「ビジネス・コーチ」
            // is one loanword, unless other 「・」 in the field list items
            // (「リライト・アイコン制作・販売戦略コンサル」).
            '・' => {
                let loanword = is_katakana(before) && is_katakana(after) && !dots_list_items;
                let range = before.is_ascii_digit() && after.is_ascii_digit();
                !(loanword || range)
            }
            '、' => match field {
                // 「記帳代行（月100仕訳まで）、確定申告書」: a bracket closes the item too.
                Field::Task => is_word_char(before) || is_close(before) || adds_a_topic(chars, i + 1),
                _ => noun_ends(chars, i) && !(before.is_ascii_digit() && after.is_ascii_digit()),
            },
            ',' => {
                let digits = before.is_ascii_digit() && after.is_ascii_digit();
                // ", so listings look amateur": a consequence, not a second item.
                let consequence = word_after(chars, i + 1).is_some_and(|(_, w)| CLAUSE_WORDS.contains(&w.as_str()));
                // "SMEs, really", "Salons, I guess": a filler is no second item.
                let filler = word_after(chars, i + 1).is_some_and(|(_, w)| is_filler(&w));
                let qualifier = field != Field::Task
                    && (has_qualifier_word(&segment_before(chars, i))
                        || in_place_names(text, chars, i)
                        || word_after(chars, i + 1)
                            .is_some_and(|(_, w)| QUALIFIER_WORDS.contains(&w.as_str()) || APPOSITIVE_STARTS.contains(&w.as_str())));
                !digits && !qualifier && !consequence && !filler
            }
            // 「チラシ作りも求人票の作成も」: "A too, B too" lists both.
            'も' if field == Field::Task => {
                // 「投稿を考えるのも、POPを書くのも」: verbs made nouns by の list too.
                let listed = |at: usize| noun_before(chars, at) || (at >= 2 && chars[at - 1] == 'の' && is_hiragana(chars[at - 2]) && chars[at - 2] != 'の');
                listed(i) && (i + 2..chars.len()).any(|j| chars[j] == 'も' && listed(j))
            }
            // 「動画編集を頼みたいし、ついでに…」: a clause that lists a reason.
            'し' if field == Field::Task => after == '、' && adds_a_topic(chars, i + 2),
            _ => false,
        };
        if joins {
            found.push(i..i + 1);
        }
    }
    // "bed and breakfasts": a joint inside a fixed pair joins nothing.
    let fixed: Vec<Range<usize>> = super::catalog::words()
        .fixed_pairs
        .entries()
        .iter()
        .flat_map(|pair| super::text::find_all(&text.folded, pair).collect::<Vec<_>>())
        .map(|r| char_at(r.start)..char_at(r.end))
        .collect();
    found.retain(|joint| !fixed.iter().any(|pair| pair.start <= joint.start && joint.end <= pair.end));
    found.sort_by_key(|r| r.start);
    if field == Field::Audience {
        drop_place_qualifiers(chars, &mut found);
    }
    found
}

/// 「世田谷区、目黒区、大田区で営む美容室」: a list followed by a case particle
/// (で, を, が, は, に), or a list of places followed by の, qualifies the head
/// that comes after it (Japanese puts the head last).
fn drop_place_qualifiers(chars: &[char], joints: &mut Vec<Range<usize>>) {
    let mut keep = vec![true; joints.len()];
    let mut qualifier = false;
    for j in (0..joints.len()).rev() {
        let mut end = joints[j].end;
        while end < chars.len() && chars[end].is_whitespace() {
            end += 1;
        }
        // An item may hold a name's punctuation (「Yahoo!ショッピング」) and
        // kana that are no particle (「お宮参り」).
        let in_item = |c: char| is_word_char(c) || "!.'&".contains(c) || (is_hiragana(c) && !"のでをがはにとやもへ".contains(c));
        // 「ネパールからの」: から after a noun is a particle (not 「それから」).
        let from_particle = |at: usize| chars[at..].starts_with(&['か', 'ら']) && at > 0 && !is_hiragana(chars[at - 1]);
        while end < chars.len() && in_item(chars[end]) && !from_particle(end) {
            end += 1;
        }
        let next_joint = joints.get(j + 1).is_some_and(|n| n.start <= end + 1);
        if !next_joint {
            let item_after: String = chars[joints[j].end..end].iter().collect();
            let before_start = j.checked_sub(1).map_or(0, |p| joints[p].end);
            let item_before: String = chars[before_start..joints[j].start].iter().collect();
            // 「京都・祇園の」: a place named before the joint makes it a list of places too.
            // 「京都の着物レンタル店・大阪の…」: a group before the joint keeps it a list.
            let place = (names_a_place(&item_after) && !item_before.contains('の')) || names_a_place(&item_before);
            let particle = chars.get(end).copied();
            let more_after = end + 1 < chars.len();
            // 「ベトナムやネパールからの留学生が多い…」: where they come from.
            let case_particle = particle.is_some_and(|p| "でをがはに".contains(p)) || (end < chars.len() && from_particle(end));
            // 「七五三・お宮参りの出張撮影をしているカメラマン」: the list says
            // what the clause's object is about; the head comes later.
            let noun_end = (end + 1..chars.len()).find(|&k| !is_word_char(chars[k])).unwrap_or(chars.len());
            let object_of_clause =
                particle == Some('の') && noun_end > end + 1 && chars.get(noun_end) == Some(&'を') && noun_end + 1 < chars.len();
            qualifier = more_after && (case_particle || (place && particle == Some('の')) || object_of_clause);
        }
        keep[j] = !qualifier;
    }
    let mut i = 0;
    joints.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// The items the text lists, as character ranges (one range: one item).
pub fn items(text: &Prepared, field: Field, words: &ListWords) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for joint in joints(text, field, words) {
        if joint.start >= start {
            out.push(start..joint.start);
            start = joint.end;
        }
    }
    out.push(start..text.plain.len());
    out.iter_mut().for_each(|r| *r = main_clause(&text.plain, r.clone()));
    out.retain(|r| text.plain[r.clone()].iter().any(|c| c.is_alphanumeric()));
    out
}

/// An item without a clause that only says what follows from it
/// ("uneven colour, so listings look amateur"). A clause whose subject is the
/// writer says what they do, so it stays ("I'm the office manager, so I set
/// up laptops").
fn main_clause(chars: &[char], range: Range<usize>) -> Range<usize> {
    let cut = (range.start..range.end).find(|&i| {
        let clause_word = (chars[i] == ',').then(|| word_after(chars, i + 1)).flatten();
        let Some((at, word)) = clause_word.filter(|(_, w)| CLAUSE_WORDS.contains(&w.as_str())) else {
            return false;
        };
        let next = word_after(chars, at + word.chars().count());
        !next.is_some_and(|(_, w)| WRITER_WORDS.contains(&w.as_str()))
    });
    range.start..cut.unwrap_or(range.end)
}

/// Whether the text names more than one item. In an audience, an item that is
/// only a size condition (「従業員10名以上」, "at least $1M in yearly revenue")
/// narrows the one kind of client the other item names; it is not a second.
pub fn names_several(text: &Prepared, field: Field, words: &ListWords) -> bool {
    let found = items(text, field, words);
    let counted = found
        .iter()
        .map(|r| &text.plain[r.clone()])
        .filter(|item| field != Field::Audience || !(is_size_condition(item) || is_place_alone(item)))
        .count();
    counted > 1
}

/// 「埼玉県川口市、…の水道工事店」: a place alone before a comma says where
/// the one group is.
fn is_place_alone(item: &[char]) -> bool {
    let text: String = item.iter().collect::<String>();
    let text = text.trim().trim_end_matches(['、', ',']);
    text.chars().count() <= 10 && !text.contains('の') && names_a_place(text)
}

/// Words that end an area's name (「天満エリア」「駅周辺」).
const AREA_ENDINGS: [&str; 6] = ["エリア", "地区", "周辺", "界隈", "近郊", "沿線"];

/// Whether a Japanese item is a place's name: 「港区」「大阪」「天満エリア」,
/// not 「町の工務店」's lone 「町」.
fn names_a_place(item: &str) -> bool {
    let item = item.trim();
    (item.chars().count() >= 2 && item.ends_with(PLACE_ENDINGS))
        || AREA_ENDINGS.iter().any(|e| item.ends_with(e))
        || super::catalog::words().place_names.entries().iter().any(|p| p == item)
}

/// A number with a bound and nothing else: 「年商1億円以上」「10名まで」,
/// "at least 5 staff", "under $2M a year".
fn is_size_condition(item: &[char]) -> bool {
    let text: String = item.iter().collect::<String>();
    let text = text.trim().trim_start_matches(|c: char| "、,。.（(".contains(c)).trim_end_matches(|c: char| "、,。.".contains(c));
    // 「工務店（従業員10名以下）」: a group with its size in brackets is the group.
    let text = match text.strip_suffix(['）', ')']).and_then(|t| t.rsplit_once(['（', '('])) {
        Some((before, inside)) if before.trim().is_empty() => inside,
        Some((before, _)) => before,
        None => text,
    };
    let text = text.trim();
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // 「開業3年以内」「開業1〜3年目」: how long they have been open.
    const JA_BOUNDS: [&str; 8] = ["以上", "以下", "未満", "まで", "程度", "前後", "以内", "年目"];
    const EN_BOUNDS: [&str; 9] = ["at least ", "at most ", "more than ", "fewer than ", "less than ", "under ", "over ", "up to ", "above "];
    JA_BOUNDS.iter().any(|b| text.ends_with(b)) || EN_BOUNDS.iter().any(|b| text.starts_with(b))
}

/// The folded text of a character range.
pub fn folded_part(text: &Prepared, range: &Range<usize>) -> String {
    text.folded.chars().skip(range.start).take(range.len()).collect()
}


#[cfg(test)]
mod tests {
    use super::super::catalog::words;
    use super::*;

    fn list() -> ListWords<'static> {
        let w = words();
        ListWords {
            conjunctions: w.conjunctions.entries(),
            also: w.also.entries(),
            particles: &w.particles,
        }
    }

    fn several(field: Field, text: &str) -> bool {
        names_several(&Prepared::new(text), field, &list())
    }

    #[test]
    fn joining_words_match_whole_words_only() {
        assert!(several(Field::Audience, "Dentists and vets"));
        assert!(several(Field::Audience, "Instagram or TikTok"));
        for innocent in ["Android developers", "Brand owners", "Handmade candle shops", "Organic farms", "Order desks"] {
            assert!(!several(Field::Audience, innocent), "{innocent}");
        }
    }

    #[test]
    fn symbols_join_words_but_not_abbreviations_numbers_or_names() {
        assert!(several(Field::Audience, "Cafes & bakeries"));
        assert!(several(Field::Audience, "cafes&bakeries"));
        assert!(several(Field::Platform, "Instagram/TikTok"));
        assert!(several(Field::Audience, "Therapists / e-commerce brands / SaaS startups"));
        assert!(several(Field::Platform, "Fiverr + Upwork"));
        assert!(!several(Field::Audience, "B&B owners"));
        assert!(!several(Field::Audience, "R&D teams"));
        assert!(!several(Field::Audience, "24/7 support desks"));
        assert!(!several(Field::Audience, "Authors selling through Barnes & Noble Press"));
        assert!(!several(Field::Audience, "Small food producers who supply Marks and Spencer"));
    }

    #[test]
    fn full_width_and_half_width_forms_agree() {
        assert!(several(Field::Platform, "Ｉｎｓｔａｇｒａｍ ａｎｄ ＴｉｋＴｏｋ"));
        assert!(several(Field::Audience, "ｶﾌｪとﾊﾟﾝ屋"));
    }

    #[test]
    fn numeric_qualifiers_are_one_group() {
        assert!(!several(Field::Audience, "Dental practices in Ohio with 10 or more staff"));
        assert!(!several(Field::Audience, "Agencies with 1 to 3 branches"));
        assert!(several(Field::Audience, "Dental practices or vets"));
    }

    #[test]
    fn english_commas_in_places_and_qualifiers_are_no_list() {
        assert!(several(Field::Audience, "Dentists, vets"));
        assert!(several(Field::Audience, "Yoga studios, hair salons, and dental practices"));
        assert!(!several(Field::Audience, "Independent bakeries in Austin, Texas"));
        assert!(!several(Field::Audience, "Podcasters, from first-timers up"));
        assert!(!several(Field::Audience, "Shops with 1,000 orders"));
    }

    #[test]
    fn japanese_particles_join_only_between_words() {
        assert!(several(Field::Audience, "美容室と歯科医院"));
        assert!(several(Field::Audience, "カフェやパン屋"));
        assert!(several(Field::Audience, "美容室、また歯科医院"));
        assert!(several(Field::Audience, "地方の温泉旅館と、認可外の保育園"));
        assert!(!several(Field::Audience, "ともだちの店"));
        assert!(!several(Field::Audience, "ポートフォリオ制作"));
        assert!(!several(Field::Audience, "ひとりで働く整体師"));
        assert!(!several(Field::Audience, "また来たくなる店"));
    }

    #[test]
    fn japanese_lists_that_qualify_the_head_are_one_group() {
        assert!(several(Field::Audience, "美容室、ペットサロン、整骨院"));
        assert!(several(Field::Audience, "美容室・ネイルサロン"));
        assert!(several(Field::Audience, "美容室・歯科医院"));
        assert!(!several(Field::Audience, "世田谷区、目黒区、大田区で個人経営している美容室"));
        assert!(!several(Field::Audience, "駅前商店会の会員で、飲食店を営む方"));
        assert!(!several(Field::Audience, "インスタで集客している、ひとりで営むネイルサロン"));
        assert!(!several(Field::Audience, "フランチャイズ「ハッピー&スマイル」の加盟店オーナー"));
        assert!(!several(Field::Audience, "ビジネス・コーチ"));
        assert!(!several(Field::Audience, "七五三・お宮参りの出張撮影をしているカメラマン"));
        assert!(several(Field::Audience, "カフェ・美容室のオーナー"));
        assert!(several(Field::Audience, "カフェ・美容室のオーナーで、集客に悩む方"));
    }

    #[test]
    fn a_clause_of_consequence_is_not_a_second_item() {
        let text = Prepared::new("Photos look messy, so listings look amateur");
        let parts = items(&text, Field::Task, &list());
        assert_eq!(parts.len(), 1);
        assert_eq!(folded_part(&text, &parts[0]), "photos look messy");
    }
    #[test]
    fn a_noun_after_a_particle_may_start_in_hiragana() {
        assert!(several(Field::Audience, "福岡のネイルサロンとまつげサロン"));
        assert!(several(Field::Audience, "ヨガ講師または農家さん"));
        assert!(!several(Field::Audience, "自宅サロンとして開業したネイリスト"));
        assert!(!several(Field::Audience, "地元で愛されるお店といわれたい和菓子店"));
        assert!(!several(Field::Audience, "family-run bed and breakfasts in Cornwall"));
        assert!(several(Field::Audience, "bed and breakfasts and campsites"));
    }

    #[test]
    fn a_task_list_may_be_said_with_mo_mo_or_close_a_bracket() {
        assert!(several(Field::Task, "チラシ作りも求人票の作成も手が回らない"));
        assert!(!several(Field::Task, "予約の電話も取れない"));
        assert!(several(Field::Task, "記帳代行（月100仕訳まで）、確定申告書の作成"));
        assert!(!several(Field::Task, "記帳代行（月100仕訳まで）"));
    }
}
