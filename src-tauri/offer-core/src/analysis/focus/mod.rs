//! The focus check: catches the vague offer ("I'll do anything for anyone")
//! before the user prints it. It reads the raw input shapes, so it gives
//! findings even while a field still fails validation.

mod catalog;
mod jobs;
mod lists;
pub mod text;

use std::ops::Range;

use serde::Serialize;

pub use catalog::{rule, RuleCode, Severity};
use catalog::{words, WordList, WordLists};
use lists::{folded_part, items, names_several, Field, ListWords};
use text::{contains_phrase, find_phrase, find_phrases, has_number, Prepared};

use crate::analysis::economics::economics;
use crate::domain::input::{CandidateInput, OfferInput};
use crate::domain::money::{Currency, Money};
use crate::domain::offer::OfferFields;
use crate::domain::package::{Package, PackageInput};
use crate::domain::pilot::{PilotInput, MAX_PILOT_CLIENTS};
use crate::Lang;

/// One thing the check noticed about one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: RuleCode,
    pub severity: Severity,
    /// The input it is about, as in validation errors (`deliverables[1].name`).
    pub field: String,
    pub message: String,
    pub suggestion: String,
    /// The word that triggered it, where there is one ("followers").
    pub matched: Option<String>,
    /// The user's reason, when they dismissed this warning or tip.
    pub dismissed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FocusReport {
    /// No errors: the offer or candidate may be called ready.
    pub ready: bool,
    pub errors: usize,
    /// Warnings and tips not dismissed.
    pub warnings: usize,
    pub tips: usize,
    pub findings: Vec<Finding>,
}

/// A dismissed warning or tip: which rule, on which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dismissal {
    pub code: RuleCode,
    pub field: String,
    pub reason: String,
}

impl FocusReport {
    pub fn new(mut findings: Vec<Finding>, dismissals: &[Dismissal]) -> FocusReport {
        for f in &mut findings {
            if f.severity != Severity::Error {
                f.dismissed = dismissals
                    .iter()
                    .find(|d| d.code == f.code && d.field == f.field)
                    .map(|d| d.reason.clone());
            }
        }
        let count = |s: Severity| {
            findings
                .iter()
                .filter(|f| f.severity == s && f.dismissed.is_none())
                .count()
        };
        let errors = count(Severity::Error);
        FocusReport {
            ready: errors == 0,
            errors,
            warnings: count(Severity::Warning),
            tips: count(Severity::Tip),
            findings,
        }
    }
}

struct Findings {
    lang: Lang,
    out: Vec<Finding>,
}

impl Findings {
    fn add(&mut self, code: RuleCode, field: &str, matched: Option<&str>) {
        if let Some(rule) = rule(code) {
            self.out.push(Finding {
                code,
                severity: rule.severity,
                field: field.to_string(),
                message: rule.message(self.lang),
                suggestion: rule.suggestion(self.lang),
                matched: matched.map(str::to_string),
                dismissed: None,
            });
        }
    }
}

/// The user's own words for the first entry of `list` found in the text.
/// The job a text is about, by the name a candidate would give it
/// (「SNS投稿づくり」 for 「インスタの投稿を作る時間がない」), if it names one.
pub fn job_named_in(text: &str, lang: Lang) -> Option<&'static str> {
    catalog::job_name(jobs::first_kind(&Prepared::new(text))?, lang)
}

fn first_match(text: &Prepared, list: &WordList) -> Option<String> {
    find_where(text, list, |_| true).map(|range| text.raw_span(range).to_string())
}

/// The first place an entry of `list` occurs in the text where `keep` holds.
fn find_where(text: &Prepared, list: &WordList, keep: impl Fn(&Range<usize>) -> bool) -> Option<Range<usize>> {
    list.entries().iter().find_map(|e| find_phrases(&text.folded, e).find(|r| keep(r)))
}

/// Where the entries of `list` occur: spans that excuse a word inside them.
fn spans_of(text: &Prepared, list: &WordList) -> Vec<Range<usize>> {
    list.entries().iter().flat_map(|e| find_phrases(&text.folded, e)).collect()
}

fn inside(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    spans.iter().any(|x| x.start <= r.start && r.end <= x.end)
}

fn list_words(w: &WordLists) -> ListWords<'_> {
    ListWords {
        conjunctions: w.conjunctions.entries(),
        also: w.also.entries(),
        particles: &w.particles,
    }
}

/// "small businesses", 「中小企業」 or 「個人事業主の方」: a generic audience with
/// nothing that narrows it.
fn is_generic(core: &str, list: &WordList) -> bool {
    // 「の方」「向け」 as field text reads them (folded to katakana).
    const SUFFIXES: [&str; 11] = ["ノ方", "ノ皆様", "ノ皆サマ", "ノミナサマ", "ノ皆サン", "ノミナサン", "ノ人", "サン", "サマ", "様", "向ケ"];
    let core = core.trim();
    let core = ["all ", "any ", "every "].iter().fold(core, |c, q| c.strip_prefix(q).unwrap_or(c));
    // "Ambitious entrepreneurs", "busy professionals": an attitude narrows nobody.
    let core = ["ambitious ", "aspiring ", "would-be ", "motivated ", "driven ", "passionate ", "savvy ", "forward-thinking ", "growing ", "modern ", "solo ", "independent "]
        .iter()
        .fold(core, |c, a| c.strip_prefix(a).unwrap_or(c));
    // "People tired of the 9 to 5", "founders fed up with …": a feeling about
    // their lot narrows nobody either.
    let core = [" tired of ", " fed up ", " sick of ", " bored ", " frustrated ", " stuck ", " burnt out", " burned out", " unhappy ", " at a crossroads"]
        .iter()
        .find_map(|feeling| core.find(feeling).map(|at| &core[..at]))
        .unwrap_or(core);
    let core = [" who's", " who is", " who are", " who feel", " who feels", " that are", " that feel"]
        .iter()
        .fold(core, |c, s| c.strip_suffix(s).unwrap_or(c));
    // "SMBs (small businesses)": a bracket that says the same generic group.
    // (The field's core has lost its closing bracket already.)
    if let Some((group, said_again)) = core.split_once(" (").filter(|(_, b)| !b.contains('(')) {
        if is_generic(said_again.trim_end_matches(')'), list) {
            return is_generic(group, list);
        }
    }
    // "SMEs, really", "Salons, I guess": a filler after the group narrows nothing.
    let core = match core.rsplit_once(", ") {
        Some((group, rest)) if rest.split(' ').next().is_some_and(lists::is_filler) => group,
        _ => core.strip_suffix(" really").unwrap_or(core),
    };
    // "Small businesses everywhere", 「全国の中小企業」: a place that leaves nobody out.
    let core = ["全国ノ", "日本中ノ", "日本全国ノ"].iter().fold(core, |c, p| c.strip_prefix(p).unwrap_or(c));
    let core = [" everywhere", " anywhere", " worldwide", " nationwide"]
        .iter()
        .fold(core, |c, s| c.strip_suffix(s).unwrap_or(c));
    list.entries().iter().any(|w| {
        core.strip_prefix(w.as_str())
            .is_some_and(|rest| rest.is_empty() || SUFFIXES.contains(&rest))
    })
}

/// 「方」「人」 as field text reads them: a person, no kind of client.
const PERSON_WORDS: [&str; 6] = ["方", "人", "方々", "人タチ", "カタ", "皆様"];

/// 「…使いこなせていない人」: the field ends in a verb and a bare person, so a
/// clause, not a kind of client, says who they are.
fn ends_with_bare_person(core: &str) -> bool {
    PERSON_WORDS.iter().any(|p| {
        core.strip_suffix(p)
            .and_then(|rest| rest.chars().next_back())
            .is_some_and(|c| "イルタダヌズ".contains(c))
    })
}

/// Nobody is left out: a vague word ("anyone", 「業種不問」), a generic group
/// alone, a group bounded only by a wish ("people interested in …",
/// 「集客したい方」), or a range from beginners to experts.
fn vague_audience(audience: &Prepared, w: &WordLists) -> Option<String> {
    // "Anyone running a Shopify store …": a trade after "anyone" bounds it,
    // unless what they run is a generic group ("anyone running a business").
    let bounded_after = |r: &Range<usize>| {
        let word = &audience.folded[r.clone()];
        let rest = audience.folded[r.end..].trim_start();
        let Some((verb, object)) = rest.split_once(' ') else { return false };
        let object = object.trim_start_matches("a ").trim_start_matches("an ");
        // "Anyone selling online": where they sell is no trade.
        let what = object.split(' ').next().unwrap_or_default();
        let no_trade = ["online", "things", "stuff", "products", "anything", "something"].contains(&what);
        ["anyone", "anybody", "everyone", "everybody", "whoever"].contains(&word)
            && ["running", "selling", "owning", "managing", "operating", "runs", "owns", "manages", "handles"].contains(&verb)
            && !is_generic(object, &w.generic_audience)
            && !no_trade
    };
    // 「スタッフ誰でも使えるマニュアルを作りたい整体院の院長」: 「誰でも」 before a
    // verb says who can use something, and a head still follows.
    let about_something_else = |r: &Range<usize>| {
        let rest = &audience.folded[r.end..];
        ["使", "デキ", "ワカ", "分カ", "読", "見ラレ", "簡単"].iter().any(|v| rest.starts_with(v)) && rest.chars().count() > 8
    };
    // 「掲載の有無を問わず」 leaves one feature open, not the audience.
    let one_feature_open = |r: &Range<usize>| audience.folded[..r.start].ends_with("有無ヲ");
    // 「1万人」 is a number of people, not 「万人」 (everyone).
    let vague = find_where(audience, &w.vague_audience, |r| {
        !audience.folded[..r.start].chars().next_back().is_some_and(|c| c.is_ascii_digit())
            && !one_feature_open(r)
            && !bounded_after(r)
            && !about_something_else(r)
    });
    if let Some(range) = vague {
        return Some(audience.raw_span(range).to_string());
    }
    let core = audience.core();
    if is_generic(&core, &w.generic_audience) {
        return Some(audience.raw_span(0..audience.folded.len()).trim().to_string());
    }
    // 「集客したい方向け」「…したい方必見」: the wish still ends the field.
    let bare = ["向ケ", "ヘ", "必見", "歓迎", "大歓迎", "ニオススメ"]
        .iter()
        .fold(core.as_str(), |c, s| c.strip_suffix(s).unwrap_or(c));
    for phrase in w.wish.entries() {
        if let Some(range) = find_phrase(&core, phrase) {
            let head = core[..range.start].trim_end_matches([' ', ',']);
            // 「…したいと考えている経営者の方」: the wish goes on before the head.
            let tail = ["ト考エテイル", "トオ考エノ", "ト思ッテイル", "トイウ"]
                .iter()
                .fold(&core[range.end..], |t, c| t.strip_prefix(c).unwrap_or(t));
            // "People who are AI-curious": the group before the relative clause.
            let head_noun = head.split(" who ").next().unwrap_or(head).split(" that ").next().unwrap_or(head);
            // 「お寺の住職で、…を始めたい方」: who they are comes before the wish.
            let who = head.split_once("デ、").or_else(|| head.split_once("デ,")).map(|(who, _)| who.trim());
            if who.is_some_and(|who| !who.is_empty() && !is_generic(who, &w.generic_audience)) {
                continue;
            }
            if range.end >= bare.len()
                || PERSON_WORDS.contains(&tail)
                || ends_with_bare_person(&core)
                || is_generic(head, &w.generic_audience)
                || is_generic(head_noun, &w.generic_audience)
                || is_generic(tail, &w.generic_audience)
            {
                return Some(audience.raw_span(range).to_string());
            }
        }
    }
    // "all people", 「すべての方」: a quantifier over nothing that narrows.
    for quantifier in w.vague_quantifier.entries() {
        if let Some(range) = find_phrase(&core, quantifier) {
            let rest = core[range.end..].trim();
            let rest = ["向ケ", "ヘ"].iter().fold(rest, |r, s| r.strip_suffix(s).unwrap_or(r));
            if rest.is_empty() || is_generic(rest, &w.generic_audience) || ["人", "方", "業種", "人タチ", "方々", "niche", "sector", "industry", "field", "trade", "size"].contains(&rest) {
                return Some(audience.raw_span(range).to_string());
            }
        }
    }
    // 「子育て中のママからシニア世代まで」: a range of people, not of numbers.
    // 「開業前〜ベテランまで」: 〜 says from as well.
    let from = core.find("カラ").or_else(|| core.find(['〜', '~']));
    if let (Some(from), Some(to)) = (from, core.rfind("マデ")) {
        let digit_before = |at: usize| {
            core[..at].chars().rev().take(3).any(|c| c.is_ascii_digit() || "一二三四五六七八九十百千万".contains(c))
        };
        // 「小学生から高校生までを教える、個別指導の学習塾」: the range is what
        // the one group works with; the group comes after.
        let object_of_a_clause = core[to + "マデ".len()..].starts_with('ヲ');
        if from < to && !digit_before(from) && !digit_before(to) && !object_of_a_clause {
            return Some(audience.raw_span(from..to + "マデ".len()).to_string());
        }
    }
    // "From solo founders to enterprise teams": a range that starts or ends
    // with a group that leaves nobody out.
    if let Some((from, _)) = core.strip_prefix("from ").and_then(|rest| rest.split_once(" to ")) {
        let generic = |side: &str| is_generic(side, &w.generic_audience) || side.split(' ').any(|word| is_generic(word, &w.generic_audience));
        // "from 5 to 20 staff" is a bounded size; "to 500-person teams" is not.
        // "From solo side-hustlers to 500-person companies": the whole field
        // is a range of kinds, not of places ("From Leeds to York").
        let kinds = !audience.upper("from ".chars().count());
        if (generic(from) || kinds) && !from.chars().any(|c| c.is_ascii_digit()) {
            return Some(audience.raw_span(0..audience.folded.len()).trim().to_string());
        }
    }
    match (first_match(audience, &w.level_low), first_match(audience, &w.level_high)) {
        (Some(low), Some(_)) => Some(low),
        _ => None,
    }
}

/// Two different platforms by name, or a list of places that is not one
/// platform's parts ("Instagram Stories and Reels", 「ランサーズのプロジェクト方式とコンペ方式」).
fn several_platforms(platform: &Prepared, w: &WordLists) -> bool {
    if first_match(platform, &w.every_place).is_some() {
        return true;
    }
    let parts = items(platform, Field::Platform, &list_words(w));
    let outside: String = parts.iter().map(|r| folded_part(platform, r) + " ").collect();
    let named_in = |text: &str| -> Vec<usize> {
        (0..w.platforms.len()).filter(|&i| w.platforms[i].iter().any(|name| contains_phrase(text, name))).collect()
    };
    // "The 'Etsy Sellers UK' Facebook group": a quoted name is the group's
    // name, when a platform is named outside the quotes.
    let unquoted = without_quotes(&outside);
    let named = match named_in(&unquoted) {
        found if !found.is_empty() => found,
        _ => named_in(&outside),
    };
    if named.len() >= 2 {
        return true;
    }
    if parts.len() < 2 {
        return false;
    }
    // One known platform in the first item, with more words after it: the
    // rest of the list are that platform's parts.
    let first = folded_part(platform, &parts[0]);
    let first = first.trim();
    let features = named.first().is_some_and(|&i| {
        w.platforms[i]
            .iter()
            .any(|name| contains_phrase(first, name) && first.chars().count() > name.chars().count())
    });
    !features
}

/// The text without what stands in straight or curly quotes.
fn without_quotes(text: &str) -> String {
    let mut out = String::new();
    let mut quoted: Option<char> = None;
    for (i, c) in text.char_indices() {
        let opens = (c == '\'' || c == '"' || c == '‘' || c == '“')
            && text[..i].chars().next_back().is_none_or(|b| b.is_whitespace());
        match quoted {
            None if opens => quoted = Some(c),
            None => out.push(c),
            Some(q) if c == q || (q == '‘' && c == '’') || (q == '“' && c == '”') => quoted = None,
            Some(_) => {}
        }
    }
    out
}

/// Whether a vanity word is named only to be set aside
/// (「いいね数ではなく」, "not likes", "rather than followers").
fn negated(metric: &Prepared, word: &str) -> bool {
    let folded = &metric.folded;
    let word = text::prepare_phrase(word);
    folded.match_indices(&word).all(|(at, _)| {
        let after: String = folded[at + word.len()..].chars().take(6).collect();
        let before = folded[..at].trim_end();
        let later: String = folded[at + word.len()..].chars().take(16).collect();
        after.contains("デハナク")
            || after.contains("ジャナク")
            || after.starts_with("ヨリ")
            || after.contains("ハ気ニシナイ")
            || ["that turn into", "that convert", "that lead to", "turning into"].iter().any(|t| later.trim_start().starts_with(t))
            || ["not", "rather than", "instead of", "no more"].iter().any(|n| before.ends_with(n))
    })
}

/// "Reach 150 reservations", "to reach a 4.8 rating": an English attention
/// word followed by a number or a determiner is a verb, not the metric.
fn used_as_verb(folded: &str, at: &Range<usize>) -> bool {
    const VERBS: [&str; 8] = ["reach", "like", "view", "share", "save", "reaches", "shares", "saves"];
    const OBJECT_STARTS: [&str; 9] = ["a", "an", "the", "our", "your", "their", "at", "over", "up"];
    if !VERBS.contains(&&folded[at.clone()]) {
        return false;
    }
    let next = folded[at.end..].split_whitespace().next().unwrap_or_default();
    // "Reach up to 150" is the verb; "Reach up 40%" is the metric going up.
    let after_next = folded[at.end..].split_whitespace().nth(1).unwrap_or_default();
    let up_without_to = next == "up" && after_next != "to";
    // "Reach 50,000 accounts": the people reached are the metric.
    const AUDIENCE_COUNTED: [&str; 6] = ["accounts", "people", "users", "viewers", "profiles", "households"];
    let people_reached = AUDIENCE_COUNTED.contains(&after_next.trim_end_matches(|c: char| !c.is_alphanumeric()));
    (next.starts_with(|c: char| c.is_ascii_digit()) && !people_reached)
        || (OBJECT_STARTS.contains(&next) && !up_without_to)
        || text::NUMBER_WORDS.contains(&next.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// A metric names attention (likes, followers) rather than a business result.
fn check_metric(f: &mut Findings, field: &str, metric: &Prepared) {
    let w = words();
    let excused = spans_of(metric, &w.vanity_metric_not);
    let vanity = find_where(metric, &w.vanity_metric, |r| !inside(&excused, r) && !used_as_verb(&metric.folded, r));
    if let Some(vanity) = vanity.map(|r| metric.raw_span(r).to_string()) {
        if negated(metric, &vanity) {
            return;
        }
        // "across the client's posts" names whose posts, not a result.
        let possessive = |r: &Range<usize>| metric.folded[r.end..].starts_with(['\'', '’']);
        if find_where(metric, &w.business_metric, |r| !possessive(r)).is_some() {
            f.add(RuleCode::VanityNextToBusiness, field, Some(&vanity));
        } else {
            f.add(RuleCode::VanityMetric, field, Some(&vanity));
        }
    }
}

/// The metric without what only says how often the service meets
/// (「月1回の面談で」, "weekly check-ins"): that is no target and no deadline.
/// `None` when there is nothing to leave out.
fn without_service_rhythm(metric: &Prepared, w: &WordLists) -> Option<Prepared> {
    const RHYTHMS: [&str; 6] = ["weekly", "monthly", "daily", "毎週", "毎月", "隔週"];
    let folded = &metric.folded;
    let mut cut: Vec<std::ops::Range<usize>> = Vec::new();
    for word in w.supporting.entries() {
        for at in text::find_all(folded, word) {
            let before = folded[..at.start].trim_end_matches([' ', 'ノ']);
            let start = if let Some(count) = before.strip_suffix('回') {
                let digits = count.trim_end_matches(|c: char| c.is_ascii_digit());
                (digits.len() < count.len()).then(|| digits.trim_end_matches(['月', '週', '日']).len())
            } else {
                // "Monthly review calls", "weekly strategy check-in calls": a
                // word or two may say what the meeting is about.
                std::iter::successors(Some(before), |h| h.rsplit_once(' ').map(|(rest, _)| rest.trim_end()))
                    .take(3)
                    .find_map(|h| RHYTHMS.iter().find(|r| h.ends_with(*r)).map(|r| h.len() - r.len()))
            };
            if let Some(start) = start {
                cut.push(start..at.end);
            }
        }
    }
    if cut.is_empty() {
        return None;
    }
    let mut kept = String::new();
    let mut from = 0;
    cut.sort_by_key(|r| r.start);
    for r in cut {
        if r.start > from {
            kept.push_str(metric.raw_span(from..r.start));
            kept.push(' ');
        }
        from = from.max(r.end);
    }
    kept.push_str(metric.raw_span(from..folded.len()));
    Some(Prepared::new(&kept))
}

/// Numbers of days that go from one figure to another (「15日から5日に」,
/// "from 12 days to 4") are the thing measured, not a deadline: the unit
/// matched at `start..end` stands right after a number next to から/from/to.
fn is_measure_range(folded: &str, start: usize, end: usize) -> bool {
    // "Debtor days down from 60 to 35": the days are what moves.
    let moves_from = folded[end..].trim_start();
    if ["down from ", "up from ", "from ", "cut from ", "reduced from "]
        .iter()
        .any(|m| moves_from.strip_prefix(m).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())))
    {
        return true;
    }
    let before = folded[..start].trim_end();
    let number_before = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
    if number_before.len() == before.len() {
        // "Cut average days to payment from 45 to 30": what the days count
        // comes first, then the move.
        let clause: String = moves_from.chars().take(30).take_while(|c| !",.;".contains(*c)).collect();
        return clause.match_indices("from ").any(|(at, m)| clause[at + m.len()..].starts_with(|c: char| c.is_ascii_digit()));
    }
    // 「10日後から3日後に」: days after an event, moved.
    let after = folded[end..].trim_start();
    let after = after.strip_prefix('後').or_else(|| after.strip_prefix('前')).unwrap_or(after);
    let digit_after = |s: &str| s.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit());
    // 「平均30日を14日に」: from one count of days to another.
    let unit = &folded[start..end];
    let same_unit_after_wo = after.strip_prefix("ヲ").is_some_and(|rest| {
        let rest = rest.trim_start().trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
        rest.len() < after.len() - "ヲ".len() && rest.starts_with(unit)
    });
    let same_unit_before_wo = number_before.trim_end().strip_suffix("ヲ").is_some_and(|earlier| {
        earlier.strip_suffix(unit).is_some_and(|n| n.ends_with(|c: char| c.is_ascii_digit()))
    });
    same_unit_after_wo
        || same_unit_before_wo
        || after.strip_prefix("カラ").is_some_and(|rest| digit_after(rest) || ["当日", "翌日", "即日"].iter().any(|d| rest.trim_start().starts_with(d)))
        || number_before.trim_end().ends_with("カラ")
        || after.strip_prefix("to").is_some_and(digit_after)
        || (number_before.trim_end().ends_with("to") && folded[..start].contains("from "))
        || number_before.trim_end().ends_with("from")
}

/// A period or deadline. "Within 2 hours" or 「2時間以内に」 is how fast, the
/// thing measured, not by when.
fn has_timeframe(metric: &Prepared, w: &WordLists) -> bool {
    let folded = &metric.folded;
    w.timeframe.entries().iter().any(|entry| {
        find_phrases(folded, entry).any(|Range { start, end }| {
            let before = folded[..start].trim_end();
            let after: String = folded[end..].chars().take(14).collect();
            // 「月次締め」: 月次 is "monthly" naming a task, not a deadline.
            // 「日数」「年数」: a count of days is the thing measured.
            // 「平日」「休日」「土日」「当日」: which days, not by when.
            // 「締め日」「支払日」: a day of the month named, not a deadline.
            let which_days = entry == "日"
                && (before.ends_with(['平', '休', '祝', '土', '曜', '締', '当']) || ["締メ", "支払", "給料", "誕生"].iter().any(|d| before.ends_with(d)));
            let speed = which_days
                || (entry == "月" && folded[end..].starts_with('次'))
                || (entry.chars().count() == 1 && folded[end..].starts_with('数'))
                || is_measure_range(folded, start, end)
                || (entry == "以内" && (before.ends_with("時間") || before.ends_with('分')))
                || (entry == "within"
                    && after
                        .split_whitespace()
                        .nth(1)
                        .is_some_and(|unit| ["hour", "hours", "minute", "minutes", "seconds"].contains(&unit)));
            !speed
        })
    })
}

/// No edge: "unlimited", 「〜放題」, or "on request" with no number to cap it.
fn open_ended(text: &Prepared, w: &WordLists) -> Option<String> {
    let excused = spans_of(text, &w.open_ended_not);
    // 「何でも屋さんにしない」, 「「何でも屋」ではなく」, "Not an 'anything goes' VA":
    // ruled out, not promised.
    let ruled_out = |r: &std::ops::Range<usize>| {
        // 「“何でも屋”ではありません」: the name and its quote come first.
        let after: String = text.folded[r.end..].chars().take(12).collect();
        let before: String = text.folded[..r.start].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        // The rest of this sentence and the next one.
        let sentences_after: String = text.folded[r.end..]
            .split(['.', '!', '?', '。', '！', '？'])
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        // "Need anything else? I'll quote it separately", 「その他は別料金」: outside the plan.
        let priced_apart = ["separately", "not included", "not part of", "aren't part of", "isn't part of", "extra cost", "extra charge", "quoted", "別料金", "別途", "対象外"]
            .iter()
            .any(|n| sentences_after.contains(n));
        // 「「無制限修正」はやっていません」, "No unlimited revisions here".
        let later: String = text.folded[r.end..].chars().take(14).collect();
        let declined = ["テイマセン", "テオリマセン"].iter().any(|n| later.contains(n));
        let no_before = text.folded[..r.start].trim_end().rsplit(' ').next() == Some("no");
        // 「ご相談は何度でもOK（月3時間まで）」: a cap in brackets right after.
        let capped = text.folded[r.end..].chars().take(8).position(|c| "（(".contains(c)).is_some_and(|_| {
            let bracket: String = text.folded[r.end..].chars().skip_while(|c| !"（(".contains(*c)).take_while(|c| !"）)".contains(*c)).collect();
            bracket.chars().any(|c| c.is_ascii_digit())
                && ["マデ", "以内", "上限", "up to", "max"].iter().any(|b| bracket.contains(b))
        });
        ["ニシナイ", "デハナ", "ジャナ", "デハアリマセン", "ジャアリマセン", "ハシマセン"].iter().any(|n| after.contains(n))
            || before.contains("not")
            || declined
            || no_before
            || capped
            || priced_apart
    };
    // The client's own product, not the service's scope: 「時間無制限プランのある
    // 貸し会議室向け」 (what the client has), "for Unlimited Yoga's studios" (a
    // capitalised name with a possessive).
    let clients_own = |r: &std::ops::Range<usize>| {
        let rest = &text.folded[r.end..];
        let near: String = rest.chars().take(8).collect();
        let has = ["ノアル", "ガアル"].iter().any(|n| near.contains(n)) && (rest.contains("向ケ") || rest.contains("ムケ"));
        let at = text.folded[..r.start].chars().count();
        let next_word: String = rest.trim_start().chars().take_while(|c| !c.is_whitespace()).collect();
        let named = text.upper(at) && rest.starts_with(' ') && (next_word.ends_with("'s") || next_word.ends_with("’s"));
        // "the client's 'Unlimited Yoga' membership": a capitalised name in quotes.
        let quoted = text.upper(at) && text.folded[..r.start].ends_with(['\'', '"', '“', '‘', '「', '『']);
        has || named || quoted
    };
    let strong = find_where(text, &w.open_ended, |r| !inside(&excused, r) && !ruled_out(r) && !clients_own(r));
    if let Some(range) = strong {
        return Some(text.raw_span(range).to_string());
    }
    if has_number(text) {
        return None;
    }
    first_match(text, &w.open_ended_unless_capped)
}

pub fn check_candidate(input: &CandidateInput, lang: Lang) -> Vec<Finding> {
    let w = words();
    let mut f = Findings { lang, out: Vec::new() };
    let platform = Prepared::new(&input.platform);
    if platform.is_blank() {
        f.add(RuleCode::MissingPlatform, "platform", None);
    } else if several_platforms(&platform, w) {
        f.add(RuleCode::SeveralPlatforms, "platform", None);
    }
    let audience = Prepared::new(&input.audience);
    if audience.is_blank() {
        f.add(RuleCode::MissingAudience, "audience", None);
    } else {
        // An audience that leaves nobody out gets that one finding, not a
        // second one for the words that list what it does not limit
        // (「年齢・性別・業種を問わず」).
        if let Some(word) = vague_audience(&audience, w) {
            f.add(RuleCode::VagueAudience, "audience", Some(&word));
        } else if names_several(&audience, Field::Audience, &list_words(w)) {
            f.add(RuleCode::SeveralAudiences, "audience", None);
        }
    }
    let problem = Prepared::new(&input.problem);
    if problem.is_blank() {
        f.add(RuleCode::MissingProblem, "problem", None);
    } else if jobs::problem_has_several(&problem, &list_words(w)) {
        f.add(RuleCode::SeveralTasks, "problem", None);
    }
    let metric = Prepared::new(&input.outcome.metric);
    if metric.is_blank() {
        f.add(RuleCode::MissingOutcome, "outcome.metric", None);
    } else {
        check_metric(&mut f, "outcome.metric", &metric);
        if input.outcome.target.is_none() {
            f.add(RuleCode::OutcomeWithoutNumber, "outcome.target", None);
        }
        if input.outcome.timeframe_amount.is_none() {
            f.add(RuleCode::OutcomeWithoutTimeframe, "outcome.timeframe_amount", None);
        }
    }
    f.out
}

pub fn check_offer(input: &OfferInput, lang: Lang) -> Vec<Finding> {
    let w = words();
    let mut f = Findings { lang, out: Vec::new() };
    let title = Prepared::new(&input.title);
    if let Some(word) = open_ended(&title, w) {
        f.add(RuleCode::OpenEnded, "title", Some(&word));
    }
    let promise = Prepared::new(&input.promise);
    if promise.is_blank() {
        f.add(RuleCode::MissingPromise, "promise", None);
    } else if let Some(word) = open_ended(&promise, w) {
        f.add(RuleCode::OpenEnded, "promise", Some(&word));
    }
    if input.deliverables.iter().all(|d| d.name.trim().is_empty()) {
        f.add(RuleCode::NoDeliverables, "deliverables", None);
    }
    let names: Vec<Prepared> = input.deliverables.iter().map(|d| Prepared::new(&d.name)).collect();
    if jobs::deliverables_have_several(&names, &list_words(w)) {
        f.add(RuleCode::SeveralTasks, "deliverables", None);
    }
    for (i, d) in input.deliverables.iter().enumerate() {
        if let Some(word) = open_ended(&names[i], w) {
            f.add(RuleCode::OpenEnded, &format!("deliverables[{i}].name"), Some(&word));
        }
        if d.quantity_per_month <= 0 {
            f.add(
                RuleCode::DeliverableWithoutQuantity,
                &format!("deliverables[{i}].quantity_per_month"),
                None,
            );
        }
    }
    if input.out_of_scope.iter().all(|s| s.trim().is_empty()) {
        f.add(RuleCode::EmptyOutOfScope, "out_of_scope", None);
    }
    let currency = Currency::parse("currency", &input.currency).unwrap_or(Currency::default_for(lang));
    if Money::parse("price", &input.price, currency).map_or(true, Money::is_zero) {
        f.add(RuleCode::MissingPrice, "price", None);
    }
    let metric = Prepared::new(&input.success_metric);
    if metric.is_blank() {
        f.add(RuleCode::MissingSuccessMetric, "success_metric", None);
    } else {
        check_metric(&mut f, "success_metric", &metric);
        let rhythm_cut = without_service_rhythm(&metric, w);
        let metric = rhythm_cut.as_ref().unwrap_or(&metric);
        if !has_number(metric) {
            f.add(RuleCode::OutcomeWithoutNumber, "success_metric", None);
        }
        if !has_timeframe(metric, w) {
            f.add(RuleCode::OutcomeWithoutTimeframe, "success_metric", None);
        }
    }
    if input.contact.trim().is_empty() {
        f.add(RuleCode::MissingContact, "contact", None);
    }
    f.out
}

/// Rules that need the package plan and the pilot: promised slots within
/// capacity, and a pilot of 1–3 clients.
pub fn check_plan(
    offer: &OfferInput,
    package: Option<&PackageInput>,
    pilot: Option<&PilotInput>,
    lang: Lang,
) -> Vec<Finding> {
    let mut f = Findings { lang, out: Vec::new() };
    if let (Ok(draft), Some(package)) = (OfferFields::try_from(offer), package) {
        if let Ok(plan) = Package::parse(package, draft.monthly_price.currency()) {
            if economics(&draft, &plan, lang).slots_over_capacity {
                f.add(RuleCode::SlotsAboveCapacity, "slots", None);
            }
        }
    }
    if let Some(pilot) = pilot {
        if !(1..=MAX_PILOT_CLIENTS).contains(&pilot.clients) {
            f.add(RuleCode::PilotSize, "clients", None);
        }
    }
    f.out
}
