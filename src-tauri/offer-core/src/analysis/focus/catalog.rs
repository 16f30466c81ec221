//! The rule catalog: every rule's stable code and severity
//! (`rules/catalog.json`), its message and concrete suggestion in both
//! languages (`ui/locales/*.json`, `rust.focus.<code>`, beside every other
//! sentence), and the word lists (`rules/words/{en,ja}/`), so all can grow
//! without code changes.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::text::prepare_phrase;
use crate::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks "Ready"; cannot be dismissed.
    Error,
    Warning,
    Tip,
}

/// Stable rule codes. The UI, the CLI's JSON and stored dismissals use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleCode {
    MissingPlatform,
    SeveralPlatforms,
    MissingAudience,
    VagueAudience,
    SeveralAudiences,
    MissingProblem,
    SeveralTasks,
    MissingOutcome,
    VanityMetric,
    VanityNextToBusiness,
    OutcomeWithoutNumber,
    OutcomeWithoutTimeframe,
    MissingPromise,
    OpenEnded,
    NoDeliverables,
    DeliverableWithoutQuantity,
    EmptyOutOfScope,
    MissingPrice,
    MissingSuccessMetric,
    MissingContact,
    SlotsAboveCapacity,
    PilotSize,
}

impl RuleCode {
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    pub fn parse(code: &str) -> Option<RuleCode> {
        serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Rule {
    pub code: RuleCode,
    pub severity: Severity,
}

impl Rule {
    /// What is wrong, from `rust.focus.<code>.message` in the catalogs.
    pub fn message(&self, lang: Lang) -> String {
        crate::locales::text(lang, &format!("focus.{}.message", self.code.as_str()), &[])
    }

    /// What to do instead, from `rust.focus.<code>.suggestion`.
    pub fn suggestion(&self, lang: Lang) -> String {
        crate::locales::text(lang, &format!("focus.{}.suggestion", self.code.as_str()), &[])
    }
}

const CATALOG: &str = include_str!("../../../rules/catalog.json");

fn catalog() -> &'static HashMap<RuleCode, Rule> {
    static RULES: OnceLock<HashMap<RuleCode, Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        // The catalog is bundled and checked by a test; an unreadable one
        // would leave the check without rules rather than crash the app.
        let rules: Vec<Rule> = serde_json::from_str(CATALOG).unwrap_or_default();
        rules.into_iter().map(|r| (r.code, r)).collect()
    })
}

pub fn rule(code: RuleCode) -> Option<&'static Rule> {
    catalog().get(&code)
}

/// A word list: every language's entries, normalized like field text.
pub struct WordList(Vec<String>);

impl WordList {
    fn parse(texts: &[&str]) -> WordList {
        WordList(
            texts
                .iter()
                .flat_map(|t| t.lines())
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(prepare_phrase)
                .collect(),
        )
    }

    pub fn entries(&self) -> &[String] {
        &self.0
    }
}

pub struct WordLists {
    pub vague_audience: WordList,
    pub generic_audience: WordList,
    pub vanity_metric: WordList,
    pub business_metric: WordList,
    pub open_ended: WordList,
    pub timeframe: WordList,
    pub conjunctions: WordList,
    /// Words that join a second job to the first (ついでに, "on top of").
    pub also: WordList,
    /// Particles are matched on unfolded text, so they keep their kana.
    pub particles: Vec<String>,
    /// Attention words that name a paying result ("paid subscribers").
    pub vanity_metric_not: WordList,
    /// Open-ended unless the same field sets a number ("on request").
    pub open_ended_unless_capped: WordList,
    /// Words holding an open-ended word that promise nothing (食べ放題).
    pub open_ended_not: WordList,
    /// A group bounded only by a wish ("people interested in …").
    pub wish: WordList,
    /// "all", 「すべての」: vague only when nothing narrows what follows.
    pub vague_quantifier: WordList,
    /// Beginner and expert words: both in one audience leave nobody out.
    pub level_low: WordList,
    pub level_high: WordList,
    /// Each platform's names; two different entries are two platforms.
    pub platforms: Vec<Vec<String>>,
    /// Words that name every place at once ("all the socials").
    pub every_place: WordList,
    /// Each kind of job: its name and the words that name it.
    pub jobs: Vec<(String, Vec<String>)>,
    /// Deliverables that support the job rather than add one (edits included).
    pub supporting: WordList,
    /// Supporting words that change or fix the work ("edits", 「不具合修正」).
    pub edits: WordList,
    /// Words of a row that only reminds or chases (「リマインド」, "reminder").
    pub reminders: WordList,
    /// Two words joined by "and" that name one thing ("bed and breakfast").
    pub fixed_pairs: WordList,
    /// Japanese places written without 「市」「県」 (大阪, 北海道): English
    /// place names are told by their capital letters instead.
    pub place_names: WordList,
}

/// Lines of `name | word | word` (jobs) or `word|word` (platforms).
fn groups(texts: &[&str]) -> Vec<Vec<String>> {
    texts
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').map(|w| prepare_phrase(w.trim())).filter(|w| !w.is_empty()).collect())
        .collect()
}

/// Groups with the same first entry, merged: a platform or kind of job may
/// have names in both languages' files.
fn merged(all: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for group in all {
        match out.iter_mut().find(|g| g.first() == group.first()) {
            Some(known) => known.extend(group.into_iter().skip(1)),
            None => out.push(group),
        }
    }
    out
}

macro_rules! both {
    ($name:literal) => {
        [
            include_str!(concat!("../../../rules/words/en/", $name, ".txt")),
            include_str!(concat!("../../../rules/words/ja/", $name, ".txt")),
        ]
    };
}

macro_rules! words {
    ($name:literal) => {
        WordList::parse(&both!($name))
    };
}

pub fn words() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| WordLists {
        vague_audience: words!("vague_audience"),
        generic_audience: words!("generic_audience"),
        vanity_metric: words!("vanity_metric"),
        business_metric: words!("business_metric"),
        open_ended: words!("open_ended"),
        timeframe: words!("timeframe"),
        conjunctions: words!("conjunctions"),
        also: words!("also"),
        open_ended_unless_capped: words!("open_ended_unless_capped"),
        open_ended_not: words!("open_ended_not"),
        vanity_metric_not: words!("vanity_metric_not"),
        wish: words!("wish"),
        vague_quantifier: words!("vague_quantifier"),
        level_low: words!("level_low"),
        level_high: words!("level_high"),
        platforms: merged(groups(&both!("platforms"))),
        every_place: words!("every_place"),
        jobs: {
            // One kind may have words in both languages: merge them by name.
            merged(groups(&both!("jobs")))
                .into_iter()
                .map(|mut group| (group.remove(0), group))
                .collect()
        },
        supporting: WordList::parse(&[both!("supporting"), both!("edits")].concat()),
        edits: words!("edits"),
        reminders: words!("reminders"),
        fixed_pairs: words!("fixed_pairs"),
        place_names: WordList::parse(&[include_str!("../../../rules/words/ja/place_names.txt")]),
        particles: include_str!("../../../rules/words/ja/particles.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect(),
    })
}

/// What a candidate calls a kind of job (`rules/words/{lang}/job_names.txt`):
/// 「SNS投稿づくり」, "Social media posts".
pub fn job_name(kind: &str, lang: Lang) -> Option<&'static str> {
    static NAMES: OnceLock<[Vec<(String, String)>; 2]> = OnceLock::new();
    let parse = |text: &str| -> Vec<(String, String)> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('|'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect()
    };
    let names = NAMES.get_or_init(|| {
        [
            parse(include_str!("../../../rules/words/ja/job_names.txt")),
            parse(include_str!("../../../rules/words/en/job_names.txt")),
        ]
    });
    let list = match lang {
        Lang::Ja => &names[0],
        Lang::En => &names[1],
    };
    list.iter().find(|(k, _)| k == kind).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_job_has_a_name_in_both_languages() {
        for (kind, _) in &words().jobs {
            for lang in [Lang::Ja, Lang::En] {
                assert!(job_name(kind, lang).is_some_and(|n| !n.is_empty()), "{kind} has no {lang:?} name in job_names.txt");
            }
        }
        assert_eq!(job_name("no such kind", Lang::En), None);
    }

    const ALL: [RuleCode; 22] = [
        RuleCode::MissingPlatform,
        RuleCode::SeveralPlatforms,
        RuleCode::MissingAudience,
        RuleCode::VagueAudience,
        RuleCode::SeveralAudiences,
        RuleCode::MissingProblem,
        RuleCode::SeveralTasks,
        RuleCode::MissingOutcome,
        RuleCode::VanityMetric,
        RuleCode::VanityNextToBusiness,
        RuleCode::OutcomeWithoutNumber,
        RuleCode::OutcomeWithoutTimeframe,
        RuleCode::MissingPromise,
        RuleCode::OpenEnded,
        RuleCode::NoDeliverables,
        RuleCode::DeliverableWithoutQuantity,
        RuleCode::EmptyOutOfScope,
        RuleCode::MissingPrice,
        RuleCode::MissingSuccessMetric,
        RuleCode::MissingContact,
        RuleCode::SlotsAboveCapacity,
        RuleCode::PilotSize,
    ];

    #[test]
    fn the_catalog_has_every_rule_in_both_languages_and_nothing_else() {
        let parsed: Vec<Rule> = serde_json::from_str(CATALOG).expect("catalog.json parses");
        assert_eq!(parsed.len(), ALL.len());
        for code in ALL {
            let rule = rule(code).unwrap_or_else(|| panic!("{code:?} missing from catalog.json"));
            for lang in [Lang::Ja, Lang::En] {
                let key = format!("focus.{}.", code.as_str());
                assert!(
                    !rule.message(lang).starts_with(&key) && !rule.suggestion(lang).starts_with(&key),
                    "{code:?} has its message and suggestion in the {lang:?} catalog"
                );
            }
            assert!(
                rule.message(Lang::Ja).chars().any(|c| c > '\u{3000}'),
                "{code:?} ja message is Japanese"
            );
            assert_eq!(RuleCode::parse(&code.as_str()), Some(code));
        }
    }

    #[test]
    fn rule_codes_are_pinned() {
        let codes: Vec<String> = ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(codes[0], "missing_platform");
        assert_eq!(codes[3], "vague_audience");
        assert_eq!(codes[8], "vanity_metric");
        assert_eq!(codes[13], "open_ended");
        assert_eq!(codes[19], "missing_contact");
        assert_eq!(codes[20], "slots_above_capacity");
        assert_eq!(codes[21], "pilot_size");
    }

    #[test]
    fn word_lists_hold_both_languages() {
        let w = words();
        assert!(w.vanity_metric.entries().contains(&"followers".to_string()));
        assert!(w.vanity_metric.entries().contains(&prepare_phrase("フォロワー")));
        assert!(w.particles.contains(&"と".to_string()));
    }
}
