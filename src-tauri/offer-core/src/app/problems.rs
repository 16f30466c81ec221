//! Problems as the inbox screen works with them: promoting a group of
//! problems to a niche candidate, with notes that say where it came from.

use chrono::{DateTime, Utc};

use crate::analysis::inbox;
pub use crate::analysis::inbox::{Inbox, ProblemGroup};
use crate::domain::candidate::{Candidate, CandidateFields, Status};
use crate::domain::problem::{Problem, ProblemFields};
use crate::domain::problem::{ProblemInput, ProblemView};
use crate::error::CoreResult;
use crate::{Database, Lang};

/// The inbox: groups ranked by opportunity, and suggested duplicates.
pub fn inbox(db: &Database) -> CoreResult<Inbox> {
    Ok(inbox::inbox(&db.list_problems()?, &db.distinct_pairs()?))
}

/// The inbox's groups, ranked, without looking for suggested duplicates,
/// for readers that show none.
pub fn problem_groups(db: &Database) -> CoreResult<Vec<ProblemGroup>> {
    Ok(inbox::groups(&db.list_problems()?))
}

/// Turns a problem's group into a niche candidate: its words become the
/// candidate's problem (and, shortened, its name), audience and platform
/// carry over, and the notes say where it came from. A group already
/// promoted to a candidate that still exists returns that candidate.
pub fn promote_problem(db: &mut Database, id: i64, lang: Lang, now: DateTime<Utc>) -> CoreResult<Candidate> {
    let problem = db.get_problem(id)?;
    let lead_id = problem.same_as.unwrap_or(problem.id);
    let group = db.problem_group(lead_id)?;
    if let Some(existing) = group.iter().find_map(|p| p.candidate_id) {
        return db.get_candidate(existing);
    }
    let lead = group.iter().find(|p| p.id == lead_id).unwrap_or(&problem);
    let d = &lead.fields;
    // The lead's own fields first; a blank one is filled from a duplicate.
    let first = |pick: fn(&ProblemFields) -> &str| {
        std::iter::once(lead)
            .chain(group.iter())
            .map(|p| pick(&p.fields))
            .find(|s| !s.is_empty())
            .unwrap_or("")
            .to_string()
    };
    let input = crate::domain::input::CandidateInput {
        name: niche_name(d.words.as_str(), &first(|d| d.audience.as_str())),
        platform: first(|d| d.platform.as_str()),
        audience: first(|d| d.audience.as_str()),
        problem: d.words.as_str().into(),
        status: Status::Idea.as_str().into(),
        notes: provenance(lead, &group, lang),
        ..Default::default()
    };
    let draft = CandidateFields::try_from(&input)?;
    db.insert_promoted_candidate(lead_id, &draft, now)
}

/// A promoted candidate's name: the niche, not the complaint. When the words
/// name a kind of job it is 「{客層}向け{仕事}」 / "{job} for {audience}", in
/// the language the words are written in; otherwise the words, shortened.
fn niche_name(words: &str, audience: &str) -> String {
    let japanese = words.chars().any(|c| ('\u{3040}'..='\u{30FF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c));
    let lang = if japanese { Lang::Ja } else { Lang::En };
    let Some(job) = crate::analysis::focus::job_named_in(words, lang) else {
        return handle(words);
    };
    let audience = audience.trim();
    let name = if audience.is_empty() {
        job.to_string()
    } else {
        let audience = if lang == Lang::En { lower_first(audience) } else { audience.to_string() };
        crate::locales::text(lang, "promotion.nicheName", &[("audience", &audience), ("job", &job)])
    };
    handle(&name)
}

/// "Small cafés" reads "small cafés" after "for"; "UK cafés" keeps its capitals.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text[first.len_utf8()..].chars()).collect()
        }
        _ => text.to_string(),
    }
}

/// A candidate's name from a problem's words: short enough for a list.
fn handle(words: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    const MAX: usize = 40;
    if words.graphemes(true).count() <= MAX {
        words.to_string()
    } else {
        format!("{}…", at_most(words, MAX - 1))
    }
}

/// Text cut to `max` graphemes.
fn at_most(text: &str, max: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    text.graphemes(true).take(max).collect()
}

/// What a promoted candidate's notes say about where it came from.
fn provenance(lead: &Problem, group: &[Problem], lang: Lang) -> String {
    let d = &lead.fields;
    let mut facts = vec![d.kind.label(lang).to_string()];
    if !d.source.is_empty() {
        facts.push(d.source.as_str().to_string());
    }
    if let Some(date) = d.seen_on {
        facts.push(crate::locales::date(lang, date));
    }
    if let Some(r) = d.recurrence {
        facts.push(r.label(lang).to_string());
    }
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| crate::locales::text(lang, key, values);
    let separator = say("promotion.factSeparator", &[]);
    let mut text = say(
        "promotion.from",
        &[("words", &d.words.as_str()), ("facts", &facts.join(separator.as_str()))],
    );
    if let Some(score) = d.opportunity() {
        text.push('\n');
        text.push_str(&say("promotion.opportunity", &[("score", &score)]));
    }
    let others: Vec<&Problem> = group.iter().filter(|p| p.id != lead.id).collect();
    if !others.is_empty() {
        text.push('\n');
        text.push_str(&crate::locales::counted(lang, "promotion.heardMore", others.len(), &[]));
        for p in others {
            let (words, source) = (p.fields.words.as_str(), p.fields.source.as_str());
            text.push('\n');
            text.push_str(&if source.is_empty() {
                say("promotion.heard", &[("words", &words)])
            } else {
                say("promotion.heardFrom", &[("words", &words), ("source", &source)])
            });
        }
    }
    at_most(&text, crate::domain::text::LongText::MAX)
}

pub fn problem_inbox(db: &Database) -> CoreResult<Inbox> {
    inbox(db)
}

pub fn create_problem(db: &mut Database, input: ProblemInput, now: DateTime<Utc>) -> CoreResult<ProblemView> {
    let draft = ProblemFields::try_from(&input)?;
    Ok(ProblemView::from(&db.create_problem(&draft, now)?))
}

/// Saves an edit made from `revision`; refused with a conflict if the
/// problem changed since.
pub fn update_problem(
    db: &mut Database,
    id: i64,
    input: ProblemInput,
    revision: Option<i64>,
    now: DateTime<Utc>,
) -> CoreResult<ProblemView> {
    let draft = ProblemFields::try_from(&input)?;
    Ok(ProblemView::from(
        &db.update_problem_if_unchanged(id, &draft, revision, now)?,
    ))
}

pub fn delete_problem(db: &mut Database, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
    db.delete_problem(id, now)
}

pub fn restore_problem(db: &mut Database, id: i64) -> CoreResult<ProblemView> {
    Ok(ProblemView::from(&db.restore_problem(id)?))
}

pub fn group_problems(db: &mut Database, id: i64, same_as: i64) -> CoreResult<()> {
    db.group_problems(id, same_as)
}

pub fn ungroup_problem(db: &mut Database, id: i64) -> CoreResult<()> {
    db.ungroup_problem(id)
}

pub fn mark_problems_distinct(db: &mut Database, id: i64, other: i64) -> CoreResult<()> {
    db.mark_distinct(id, other)
}
