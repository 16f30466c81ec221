//! The workspace as a versioned JSON file: export, and all-or-nothing import.
//! Records refer to each other by references local to the file ("candidate-2",
//! a built-in criterion's key), never by database ids, so a file can be
//! imported into any workspace.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::candidate::CandidateFields;
use crate::domain::criteria::{CriterionFields, CriterionKey};
use crate::domain::input::{CandidateInput, CriterionInput, OfferInput};
use crate::domain::offer::OfferFields;
use crate::domain::package::{Package, PackageInput};
use crate::domain::pilot::{Pilot, PilotInput};
use crate::domain::problem::{ProblemFields, ProblemInput};
use crate::error::{CoreError, CoreResult, ValidationError, ValidationKind};
use crate::file_problem::FileProblem;
use crate::storage::{candidates, criteria, offers, plans, problems, Database};

pub const FORMAT_NAME: &str = "offerwright";
/// 2 added the problem inbox; version 1 files are still read.
pub const FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionRecord {
    #[serde(rename = "ref")]
    pub reference: String,
    /// A built-in criterion's key; absent for the user's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// A built-in criterion the user removed; a whole-workspace file says so,
    /// so that export → import → export gives the same file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    #[serde(flatten)]
    pub fields: CriterionInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateRecord {
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Scores here are keyed by criterion reference.
    #[serde(flatten)]
    pub fields: CandidateInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferRecord {
    #[serde(rename = "ref")]
    pub reference: String,
    /// The candidate's reference in this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<PackageInput>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilot: Option<PilotInput>,
    #[serde(flatten)]
    pub fields: OfferInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProblemRecord {
    #[serde(rename = "ref")]
    pub reference: String,
    /// The problem this one repeats, by its reference in this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    /// The candidate it was promoted to, by its reference in this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub fields: ProblemInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceFile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub criteria: Vec<CriterionRecord>,
    #[serde(default)]
    pub candidates: Vec<CandidateRecord>,
    #[serde(default)]
    pub offers: Vec<OfferRecord>,
    /// The problem inbox; only whole-workspace files carry it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<ProblemRecord>,
}

/// Only the part of a file needed to decide whether it can be read at all.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct ImportSummary {
    pub criteria: usize,
    pub candidates: usize,
    pub offers: usize,
    pub problems: usize,
}

fn criterion_ref(key: Option<CriterionKey>, custom_index: &mut usize) -> String {
    match key {
        Some(key) => key.as_str().to_string(),
        None => {
            *custom_index += 1;
            format!("custom-{custom_index}")
        }
    }
}

/// What a file holds: the whole workspace, or one record. A single offer
/// carries its candidate; a single record carries only the criteria of its
/// own (built-in ones are named by key and exist in every workspace).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Selection {
    Workspace,
    Offer(i64),
    Candidate(i64),
}

/// The whole workspace (nothing deleted) as a file value.
pub fn export(db: &Database) -> CoreResult<WorkspaceFile> {
    export_selection(db, Selection::Workspace)
}

pub fn export_selection(db: &Database, selection: Selection) -> CoreResult<WorkspaceFile> {
    // One read transaction: a file never mixes moments of a workspace that
    // another program is writing to.
    db.snapshot(|db| export_snapshot(db, selection))
}

fn export_snapshot(db: &Database, selection: Selection) -> CoreResult<WorkspaceFile> {
    let all_offers = db.list_offers()?;
    let (candidate_ids, offer_ids): (Option<Vec<i64>>, Option<Vec<i64>>) = match selection {
        Selection::Workspace => (None, None),
        Selection::Offer(id) => {
            let offer = db.get_offer(id)?;
            (Some(offer.fields.candidate_id.into_iter().collect()), Some(vec![id]))
        }
        Selection::Candidate(id) => (Some(vec![db.get_candidate(id)?.id]), Some(Vec::new())),
    };
    let chosen_candidates: Vec<_> = db
        .list_candidates()?
        .into_iter()
        .filter(|c| candidate_ids.as_ref().is_none_or(|ids| ids.contains(&c.id)))
        .collect();
    let used: std::collections::BTreeSet<String> = chosen_candidates
        .iter()
        .flat_map(|c| {
            c.fields
                .scores
                .keys()
                .chain(c.fields.evidence.keys())
                .map(i64::to_string)
        })
        .collect();
    let mut custom_index = 0;
    let mut criterion_refs = BTreeMap::new();
    let mut criteria = Vec::new();
    for c in db.list_criteria()? {
        let reference = criterion_ref(c.key, &mut custom_index);
        criterion_refs.insert(c.id.to_string(), reference.clone());
        let needed = selection == Selection::Workspace || (c.key.is_none() && used.contains(&c.id.to_string()));
        if !needed {
            continue;
        }
        criteria.push(CriterionRecord {
            reference,
            removed: false,
            key: c.key.map(|k| k.as_str().to_string()),
            fields: CriterionInput {
                name: c.fields.name.as_str().into(),
                weight: i64::from(c.fields.weight.value()),
            },
        });
    }
    if selection == Selection::Workspace {
        for c in db.removed_builtins()? {
            criteria.push(CriterionRecord {
                reference: criterion_ref(c.key, &mut custom_index),
                removed: true,
                key: c.key.map(|k| k.as_str().to_string()),
                fields: CriterionInput {
                    name: c.fields.name.as_str().into(),
                    weight: i64::from(c.fields.weight.value()),
                },
            });
        }
    }
    let mut candidate_refs = BTreeMap::new();
    let mut candidates = Vec::new();
    for (i, c) in chosen_candidates.iter().enumerate() {
        let reference = format!("candidate-{}", i + 1);
        candidate_refs.insert(c.id, reference.clone());
        let mut fields = c.fields.to_input();
        fields.scores = fields
            .scores
            .into_iter()
            .filter_map(|(id, score)| criterion_refs.get(&id).map(|r| (r.clone(), score)))
            .collect();
        fields.evidence = fields
            .evidence
            .into_iter()
            .filter_map(|(id, level)| criterion_refs.get(&id).map(|r| (r.clone(), level)))
            .collect();
        candidates.push(CandidateRecord {
            reference,
            created_at: Some(c.created_at),
            updated_at: Some(c.updated_at),
            fields,
        });
    }
    let mut offers = Vec::new();
    let chosen_offers = all_offers
        .iter()
        .filter(|o| offer_ids.as_ref().is_none_or(|ids| ids.contains(&o.id)));
    for (i, o) in chosen_offers.enumerate() {
        let mut fields = o.fields.to_input();
        let candidate = fields
            .candidate_id
            .take()
            .and_then(|id| candidate_refs.get(&id).cloned());
        offers.push(OfferRecord {
            reference: format!("offer-{}", i + 1),
            candidate,
            created_at: Some(o.created_at),
            updated_at: Some(o.updated_at),
            package: db.package(o.id)?,
            pilot: db.pilot(o.id)?,
            fields,
        });
    }
    let mut problems = Vec::new();
    if selection == Selection::Workspace {
        let stored = db.list_problems()?;
        // Each problem's lead as the inbox shows it: a group whose lead was
        // deleted is still one group in the file.
        let lead_of = crate::analysis::inbox::leads(&stored);
        let refs: BTreeMap<i64, String> = stored
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, format!("problem-{}", i + 1)))
            .collect();
        for p in &stored {
            let lead = lead_of.get(&p.id).copied().filter(|lead| *lead != p.id);
            problems.push(ProblemRecord {
                reference: refs.get(&p.id).cloned().unwrap_or_default(),
                same_as: lead.and_then(|lead| refs.get(&lead).cloned()),
                candidate: p.candidate_id.and_then(|id| candidate_refs.get(&id).cloned()),
                created_at: Some(p.created_at),
                updated_at: Some(p.updated_at),
                fields: p.fields.to_input(),
            });
        }
    }
    Ok(WorkspaceFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        criteria,
        candidates,
        offers,
        problems,
    })
}

/// The workspace as the text of a file: pretty JSON ending in a newline.
pub fn export_json(db: &Database) -> CoreResult<String> {
    export_json_of(db, Selection::Workspace)
}

/// A workspace or one record as the text of a file.
pub fn export_json_of(db: &Database, selection: Selection) -> CoreResult<String> {
    let file = export_selection(db, selection)?;
    let mut text = serde_json::to_string_pretty(&file).map_err(bad_json)?;
    text.push('\n');
    Ok(text)
}

/// A file that is not JSON, or not the expected shape, with where it went wrong.
pub fn bad_json(e: serde_json::Error) -> CoreError {
    CoreError::BadJson {
        line: e.line(),
        column: e.column(),
        path: None,
        problem: FileProblem::of(&e),
        detail: e.to_string(),
    }
}

/// A structural error with the path of the value that did not fit.
fn bad_shape(e: serde_path_to_error::Error<serde_json::Error>) -> CoreError {
    let path = e.path().to_string();
    let inner = e.into_inner();
    CoreError::BadJson {
        line: inner.line(),
        column: inner.column(),
        path: (path != ".").then_some(path),
        problem: FileProblem::of(&inner),
        detail: inner.to_string(),
    }
}

/// Reads a file's text, refusing other formats and newer versions.
pub fn parse(text: &str) -> CoreResult<WorkspaceFile> {
    // Some editors start a UTF-8 file with a byte-order mark; it carries no data.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header: Header = serde_json::from_str(text).map_err(bad_json)?;
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(CoreError::BadJson {
            line: crate::app::jsonpath::line_of(text, "format").unwrap_or(0),
            column: 0,
            path: Some("format".into()),
            problem: FileProblem::NotAnExport,
            detail: format!("“format” is not \"{FORMAT_NAME}\""),
        });
    }
    match header.version {
        Some(v) if v > FORMAT_VERSION => {
            return Err(CoreError::UnsupportedFormat {
                found: v,
                supported: FORMAT_VERSION,
            })
        }
        Some(0) => {
            return Err(ValidationError::new(
                "version",
                ValidationKind::OutOfRange {
                    min: 1,
                    max: i64::from(FORMAT_VERSION),
                },
            )
            .into())
        }
        Some(_) => {}
        None => return Err(ValidationError::new("version", ValidationKind::Required).into()),
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    let file: WorkspaceFile = serde_path_to_error::deserialize(&mut reader).map_err(|e| refine(text, bad_shape(e)))?;
    if file.version < 2 && !file.problems.is_empty() {
        return Err(CoreError::BadJson {
            line: crate::app::jsonpath::line_of(text, "problems").unwrap_or(0),
            column: 0,
            path: Some("problems".into()),
            problem: FileProblem::ProblemsInVersion1,
            detail: "version 1 files have no problems; a file with problems says \"version\": 2".into(),
        });
    }
    unique_references(&file)?;
    Ok(file)
}

/// Records point at each other by reference, so two records with one
/// reference would silently send the links to the last of them.
fn unique_references(file: &WorkspaceFile) -> CoreResult<()> {
    let lists: [(&str, Vec<&str>); 4] = [
        ("criteria", file.criteria.iter().map(|r| r.reference.as_str()).collect()),
        (
            "candidates",
            file.candidates.iter().map(|r| r.reference.as_str()).collect(),
        ),
        ("offers", file.offers.iter().map(|r| r.reference.as_str()).collect()),
        ("problems", file.problems.iter().map(|r| r.reference.as_str()).collect()),
    ];
    for (list, references) in lists {
        let mut seen = std::collections::BTreeSet::new();
        for (i, reference) in references.into_iter().enumerate() {
            if !seen.insert(reference) {
                return Err(
                    ValidationError::new(format!("{list}[{i}].ref"), ValidationKind::DuplicateReference).into(),
                );
            }
        }
    }
    Ok(())
}

/// A record's fields are flattened into it, which hides the failing field
/// from serde's path ("offers[0]"). Reading that record's parts again on
/// their own finds the field, and its line in the file.
fn refine(text: &str, error: CoreError) -> CoreError {
    let CoreError::BadJson {
        path: Some(path),
        detail,
        problem,
        ..
    } = &error
    else {
        return error;
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return error;
    };
    // A key given twice: serde reports it where the record closes; the place
    // to look is the second time the key appears.
    if let FileProblem::Repeated(key) = problem {
        if let Some(line) = crate::app::jsonpath::line_of_repeated_key(text, path, key) {
            return CoreError::BadJson {
                line,
                column: 0,
                path: Some(format!("{path}.{key}")),
                problem: problem.clone(),
                detail: format!("“{key}” is given twice in this record"),
            };
        }
    }
    let Some((list, index)) = path
        .strip_suffix(']')
        .and_then(|p| p.split_once('['))
        .and_then(|(list, i)| Some((list, i.parse::<usize>().ok()?)))
    else {
        return error;
    };
    let Some(record) = value.get(list).and_then(|l| l.get(index)) else {
        return error;
    };
    fn inner<T: serde::de::DeserializeOwned>(v: &serde_json::Value) -> Option<(String, FileProblem, String)> {
        serde_path_to_error::deserialize::<_, T>(v.clone())
            .err()
            .map(|e| (e.path().to_string(), FileProblem::of(e.inner()), e.inner().to_string()))
    }
    let found = match list {
        "criteria" => inner::<CriterionInput>(record),
        "problems" => inner::<ProblemInput>(record),
        "candidates" => inner::<CandidateInput>(record),
        "offers" => inner::<OfferInput>(record)
            .or_else(|| {
                record
                    .get("package")
                    .and_then(inner::<PackageInput>)
                    .map(|(p, problem, d)| (format!("package.{p}"), problem, d))
            })
            .or_else(|| {
                record
                    .get("pilot")
                    .and_then(inner::<PilotInput>)
                    .map(|(p, problem, d)| (format!("pilot.{p}"), problem, d))
            }),
        _ => None,
    };
    match found {
        Some((field, problem, inner_detail)) if field != "." => {
            let full = format!("{path}.{field}");
            let line = crate::app::jsonpath::line_of(text, &full).unwrap_or(0);
            CoreError::BadJson {
                line,
                column: 0,
                path: Some(full),
                problem,
                detail: if inner_detail.is_empty() {
                    detail.clone()
                } else {
                    inner_detail
                },
            }
        }
        _ => error,
    }
}

/// Adds everything in `file` to the workspace in one transaction: either all
/// of it is stored, or (on any error) nothing is.
pub fn import(db: &mut Database, file: &WorkspaceFile, now: DateTime<Utc>) -> CoreResult<ImportSummary> {
    db.write(|tx| {
        let mut criterion_ids: BTreeMap<String, i64> = criteria::builtin_ids(tx)?
            .into_iter()
            .map(|(key, id)| (key.as_str().to_string(), id))
            .collect();
        for (i, record) in file.criteria.iter().enumerate() {
            let at = |e: ValidationError| e.within(&format!("criteria[{i}]"));
            let draft = CriterionFields::try_from(&record.fields).map_err(at)?;
            let id = match record.key.as_deref() {
                Some(key) => {
                    let key = CriterionKey::parse(key)
                        .ok_or_else(|| at(ValidationError::new("key", ValidationKind::InvalidChoice)))?;
                    let id = criteria::import_builtin(tx, key, &draft)?;
                    if record.removed {
                        criteria::remove_builtin(tx, id, now)?;
                    }
                    id
                }
                None if draft.name.is_empty() => {
                    return Err(at(ValidationError::new("name", ValidationKind::Required)).into())
                }
                None => criteria::insert_custom(tx, &draft)?,
            };
            criterion_ids.insert(record.reference.clone(), id);
        }
        let mut candidate_ids: BTreeMap<&str, i64> = BTreeMap::new();
        for (i, record) in file.candidates.iter().enumerate() {
            let at = |e: ValidationError| e.within(&format!("candidates[{i}]"));
            let mut fields = record.fields.clone();
            // Scores and evidence name criteria by reference in the file.
            let to_id = |part: &str, reference: &str| {
                criterion_ids.get(reference).map(|id| id.to_string()).ok_or_else(|| {
                    at(ValidationError::new(
                        format!("{part}.{reference}"),
                        ValidationKind::InvalidChoice,
                    ))
                })
            };
            fields.scores = BTreeMap::new();
            for (reference, score) in &record.fields.scores {
                fields.scores.insert(to_id("scores", reference)?, *score);
            }
            fields.evidence = BTreeMap::new();
            for (reference, level) in &record.fields.evidence {
                fields.evidence.insert(to_id("evidence", reference)?, level.clone());
            }
            // A score's error names the criterion as the file does, not by
            // the database id it was given here.
            let in_file_terms = |mut e: ValidationError| {
                for part in ["scores", "evidence"] {
                    let named = e
                        .field
                        .strip_prefix(part)
                        .and_then(|rest| rest.strip_prefix('.'))
                        .and_then(|id| {
                            record
                                .fields
                                .scores
                                .keys()
                                .chain(record.fields.evidence.keys())
                                .find(|reference| {
                                    criterion_ids
                                        .get(*reference)
                                        .is_some_and(|known| known.to_string() == id)
                                })
                                .map(|reference| format!("{part}.{reference}"))
                        });
                    if let Some(named) = named {
                        e.field = named;
                    }
                }
                at(e)
            };
            let draft = CandidateFields::try_from(&fields).map_err(in_file_terms)?;
            let created = record.created_at.unwrap_or(now);
            let id = candidates::insert_candidate(tx, &draft, created, record.updated_at.unwrap_or(created))?;
            candidate_ids.insert(&record.reference, id);
        }
        for (i, record) in file.offers.iter().enumerate() {
            let at = |e: ValidationError| e.within(&format!("offers[{i}]"));
            let mut fields = record.fields.clone();
            fields.candidate_id = match record.candidate.as_deref() {
                Some(reference) => Some(
                    *candidate_ids
                        .get(reference)
                        .ok_or_else(|| at(ValidationError::new("candidate", ValidationKind::InvalidChoice)))?,
                ),
                None => None,
            };
            let draft = OfferFields::try_from(&fields).map_err(at)?;
            let created = record.created_at.unwrap_or(now);
            let id = offers::insert_offer(tx, &draft, created, record.updated_at.unwrap_or(created))?;
            let currency = draft.monthly_price.currency();
            if let Some(package) = &record.package {
                let plan = Package::parse(package, currency).map_err(|e| at(e.within("package")))?;
                plans::store_package(tx, id, &plan)?;
            }
            if let Some(pilot) = &record.pilot {
                let pilot = Pilot::parse(pilot, currency).map_err(|e| at(e.within("pilot")))?;
                plans::store_pilot(tx, id, &pilot)?;
            }
        }
        import_problems(tx, &file.problems, &candidate_ids, now)?;
        Ok(ImportSummary {
            criteria: file.criteria.len(),
            candidates: file.candidates.len(),
            offers: file.offers.len(),
            problems: file.problems.len(),
        })
    })
}

/// Adds the file's problems inside the import's transaction: all of them
/// first, then their grouping, since a duplicate may come before its lead.
fn import_problems(
    tx: &rusqlite::Transaction,
    records: &[ProblemRecord],
    candidate_ids: &BTreeMap<&str, i64>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let mut ids: BTreeMap<&str, i64> = BTreeMap::new();
    let mut inserted = Vec::with_capacity(records.len());
    for (i, record) in records.iter().enumerate() {
        let at = |e: ValidationError| e.within(&format!("problems[{i}]"));
        let draft = ProblemFields::try_from(&record.fields).map_err(at)?;
        let created = record.created_at.unwrap_or(now);
        let id = problems::insert_problem(tx, &draft, created, record.updated_at.unwrap_or(created))?;
        if let Some(reference) = record.candidate.as_deref() {
            let candidate = candidate_ids
                .get(reference)
                .ok_or_else(|| at(ValidationError::new("candidate", ValidationKind::InvalidChoice)))?;
            tx.execute(
                "UPDATE problems SET candidate_id = ?2 WHERE id = ?1",
                rusqlite::params![id, candidate],
            )?;
        }
        ids.insert(&record.reference, id);
        inserted.push(id);
    }
    for (i, (record, id)) in records.iter().zip(inserted).enumerate() {
        let Some(reference) = record.same_as.as_deref() else {
            continue;
        };
        let at = || ValidationError::new(format!("problems[{i}].same_as"), ValidationKind::InvalidChoice);
        let lead = ids.get(reference).ok_or_else(at)?;
        problems::group_into(tx, id, *lead).map_err(|e| match e {
            CoreError::Invalid(_) => at().into(),
            other => other,
        })?;
    }
    Ok(())
}

/// Parses and imports a file's text.
/// A value that fails validation is reported with the line it is on.
pub fn import_json(db: &mut Database, text: &str, now: DateTime<Utc>) -> CoreResult<ImportSummary> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse(text)
        .and_then(|file| import(db, &file, now))
        // The packages brought in aim at the one target income.
        .and_then(|summary| crate::app::target_income::settle(db).map(|()| summary))
        .map_err(|e| match e {
            CoreError::Invalid(error) => match crate::app::jsonpath::line_of(text, &error.field) {
                Some(line) => CoreError::InvalidInFile { line, error },
                None => CoreError::Invalid(error),
            },
            other => other,
        })
}
