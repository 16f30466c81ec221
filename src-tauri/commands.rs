//! The commands the UI may invoke. Each one converts its input, calls the
//! core, and converts the result; no logic lives here.

use chrono::Utc;
use offerwright_core::analysis::focus::{FocusReport, RuleCode};
use offerwright_core::app::compare::{self, Analysis};
use offerwright_core::app::examples;
use offerwright_core::app::exchange::ImportSummary;
use offerwright_core::app::focus::{self, Overview};
use offerwright_core::app::offers;
use offerwright_core::app::plan::{self, PlanView};
use offerwright_core::domain::candidate::{CandidateDraft, CandidateView};
use offerwright_core::domain::criteria::{CriterionDraft, CriterionView};
use offerwright_core::domain::evidence::Mode;
use offerwright_core::domain::input::{CandidateInput, CriterionInput, OfferInput, TargetsInput};
use offerwright_core::domain::offer::{OfferDraft, OfferView};
use offerwright_core::domain::package::{PackageInput, PackagePlan};
use offerwright_core::domain::pilot::{Pilot, PilotInput};
use offerwright_core::domain::subject::Subject;
use offerwright_core::domain::targets::Targets;
use offerwright_core::{CoreError, Lang};
use serde::Serialize;
use tauri::{ipc::Invoke, Runtime, State};

use crate::error::CommandError;
use crate::AppState;

type Reply<T> = Result<T, CommandError>;

pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app_state,
        set_language,
        load_example,
        list_criteria,
        add_criterion,
        update_criterion,
        delete_criterion,
        restore_criterion,
        list_candidates,
        create_candidate,
        update_candidate,
        delete_candidate,
        restore_candidate,
        compare_candidates,
        set_targets,
        offer_plan,
        save_package,
        save_pilot,
        list_offers,
        draft_offer,
        update_offer,
        delete_offer,
        restore_offer,
        check_candidate,
        check_offer,
        focus_overview,
        dismiss_finding,
        undismiss_finding,
        crate::method::path_progress,
        crate::method::problem_inbox,
        crate::method::create_problem,
        crate::method::update_problem,
        crate::method::delete_problem,
        crate::method::restore_problem,
        crate::method::group_problems,
        crate::method::ungroup_problem,
        crate::method::mark_problems_distinct,
        crate::method::promote_problem,
        crate::method::list_versions,
        crate::method::take_version,
        crate::method::label_version,
        crate::method::compare_versions,
        crate::method::restore_version,
        crate::onepager::onepager_preview,
        crate::onepager::export_onepager,
        crate::onepager::print_onepager,
        crate::data::export_data,
        crate::data::import_data,
        crate::data::list_backups,
        crate::data::backup_now,
        crate::data::restore_backup,
        crate::data::start_new_database,
    ]
}

#[derive(Debug, Serialize)]
pub struct AppStatus {
    /// The language in use: the user's choice, else the system's.
    pub language: Lang,
    /// Whether the user picked the language in the app.
    pub language_chosen: bool,
    /// No candidates or offers yet: the UI shows the welcome.
    pub first_run: bool,
    pub database_path: String,
    /// Why the database could not be opened, if it could not.
    pub database_error: Option<CommandError>,
    /// The paper the one-pager starts on: Letter in North America, else A4.
    pub paper: offerwright_onepager::Paper,
}

/// Called once as the UI starts, with the system's language tag
/// (`navigator.language`), which is used until the user picks one.
#[tauri::command]
fn app_state(state: State<'_, AppState>, system_locale: Option<String>) -> AppStatus {
    // On Linux the locale variables are the user's setting, and the webview may
    // report English when the C library lacks the locale; elsewhere they are
    // usually unset and the webview's language is the system's.
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|tag| Lang::from_tag(tag).is_some())
        .or(system_locale);
    let system = locale.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    let paper = locale
        .as_deref()
        .map_or(offerwright_onepager::Paper::A4, offerwright_onepager::Paper::for_locale);
    let stored = state.with_db(|db, _| db.language()).ok().flatten();
    let language = stored.unwrap_or(system);
    state.set_lang(language);
    let first_run = state.with_db(|db, _| db.is_empty());
    AppStatus {
        language,
        language_chosen: stored.is_some(),
        first_run: first_run.as_ref().is_ok_and(|empty| *empty),
        database_path: state.path().display().to_string(),
        database_error: first_run.err(),
        paper,
    }
}

#[tauri::command]
fn set_language(state: State<'_, AppState>, language: Lang) -> Reply<Lang> {
    state.with_db(|db, _| db.set_language(language))?;
    state.set_lang(language);
    Ok(language)
}

#[tauri::command]
fn load_example(state: State<'_, AppState>, language: Lang) -> Reply<ImportSummary> {
    state.with_db(|db, _| examples::load_example(db, language, Utc::now()))
}

#[tauri::command]
fn list_criteria(state: State<'_, AppState>) -> Reply<Vec<CriterionView>> {
    state.with_db(|db, lang| {
        Ok(db
            .list_criteria()?
            .iter()
            .map(|c| CriterionView::new(c, lang))
            .collect())
    })
}

#[tauri::command]
fn add_criterion(state: State<'_, AppState>, input: CriterionInput) -> Reply<CriterionView> {
    state.with_db(|db, lang| {
        let draft = CriterionDraft::try_from(&input)?;
        Ok(CriterionView::new(&db.add_criterion(&draft)?, lang))
    })
}

#[tauri::command]
fn update_criterion(state: State<'_, AppState>, id: i64, input: CriterionInput) -> Reply<CriterionView> {
    state.with_db(|db, lang| {
        let draft = CriterionDraft::try_from(&input)?;
        Ok(CriterionView::new(&db.update_criterion(id, &draft)?, lang))
    })
}

#[tauri::command]
fn delete_criterion(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| db.delete_criterion(id, Utc::now()))
}

#[tauri::command]
fn restore_criterion(state: State<'_, AppState>, id: i64) -> Reply<CriterionView> {
    state.with_db(|db, lang| Ok(CriterionView::new(&db.restore_criterion(id)?, lang)))
}

#[tauri::command]
fn list_candidates(state: State<'_, AppState>) -> Reply<Vec<CandidateView>> {
    state.with_db(|db, _| Ok(db.list_candidates()?.iter().map(CandidateView::from).collect()))
}

#[tauri::command]
fn create_candidate(state: State<'_, AppState>, input: CandidateInput) -> Reply<CandidateView> {
    state.with_db(|db, _| {
        let draft = CandidateDraft::try_from(&input)?;
        Ok(CandidateView::from(&db.create_candidate(&draft, Utc::now())?))
    })
}

/// Saves an edit made from `revision` (the one the form loaded); refused with
/// a conflict if the candidate changed since, e.g. in another window.
#[tauri::command]
fn update_candidate(
    state: State<'_, AppState>,
    id: i64,
    input: CandidateInput,
    revision: Option<i64>,
) -> Reply<CandidateView> {
    state.with_db(|db, _| {
        let draft = CandidateDraft::try_from(&input)?;
        Ok(CandidateView::from(&db.update_candidate_seen(
            id,
            &draft,
            revision,
            Utc::now(),
        )?))
    })
}

#[tauri::command]
fn delete_candidate(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| db.delete_candidate(id, Utc::now()))
}

#[tauri::command]
fn restore_candidate(state: State<'_, AppState>, id: i64) -> Reply<CandidateView> {
    state.with_db(|db, _| Ok(CandidateView::from(&db.restore_candidate(id)?)))
}

/// Ranks the given candidates (all, when `ids` is absent), with how robust
/// first place is and the Fermi check, on raw or evidence-adjusted scores.
#[tauri::command]
fn compare_candidates(state: State<'_, AppState>, ids: Option<Vec<i64>>, mode: Option<Mode>) -> Reply<Analysis> {
    state.with_db(|db, lang| compare::analyse(db, ids.as_deref(), lang, mode.unwrap_or_default()))
}

#[tauri::command]
fn set_targets(state: State<'_, AppState>, input: TargetsInput) -> Reply<Targets> {
    state.with_db(|db, _| {
        let targets = Targets::try_from(&input)?;
        db.set_targets(&targets)?;
        Ok(targets)
    })
}

#[tauri::command]
fn list_offers(state: State<'_, AppState>) -> Reply<Vec<OfferView>> {
    state.with_db(|db, lang| Ok(db.list_offers()?.iter().map(|o| OfferView::new(o, lang)).collect()))
}

#[tauri::command]
fn draft_offer(state: State<'_, AppState>, candidate_id: i64) -> Reply<OfferView> {
    state.with_db(|db, lang| {
        Ok(OfferView::new(
            &offers::draft_offer_from_candidate(db, candidate_id, lang, Utc::now())?,
            lang,
        ))
    })
}

/// Saves an edit made from `revision`; refused with a conflict if the offer
/// changed since.
#[tauri::command]
fn update_offer(state: State<'_, AppState>, id: i64, input: OfferInput, revision: Option<i64>) -> Reply<OfferView> {
    state.with_db(|db, lang| {
        let draft = OfferDraft::try_from(&input).map_err(CoreError::from)?;
        Ok(OfferView::new(
            &db.update_offer_seen(id, &draft, revision, Utc::now())?,
            lang,
        ))
    })
}

#[tauri::command]
fn delete_offer(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| db.delete_offer(id, Utc::now()))
}

#[tauri::command]
fn restore_offer(state: State<'_, AppState>, id: i64) -> Reply<OfferView> {
    state.with_db(|db, lang| Ok(OfferView::new(&db.restore_offer(id)?, lang)))
}

/// The focus check of a candidate as it stands in the form (saved or not).
#[tauri::command]
fn check_candidate(state: State<'_, AppState>, id: Option<i64>, input: CandidateInput) -> Reply<FocusReport> {
    state.with_db(|db, lang| focus::candidate_report(db, id, &input, lang))
}

#[tauri::command]
fn check_offer(state: State<'_, AppState>, id: Option<i64>, input: OfferInput) -> Reply<FocusReport> {
    state.with_db(|db, lang| focus::offer_report(db, id, &input, lang))
}

/// Ready or not for every stored candidate and offer.
#[tauri::command]
fn focus_overview(state: State<'_, AppState>) -> Reply<Overview> {
    state.with_db(|db, lang| focus::overview(db, lang))
}

#[tauri::command]
fn dismiss_finding(
    state: State<'_, AppState>,
    subject: Subject,
    id: i64,
    code: RuleCode,
    field: String,
    reason: String,
) -> Reply<()> {
    state.with_db(|db, _| focus::dismiss(db, subject, id, code, &field, &reason, Utc::now()))
}

#[tauri::command]
fn undismiss_finding(
    state: State<'_, AppState>,
    subject: Subject,
    id: i64,
    code: RuleCode,
    field: String,
) -> Reply<()> {
    state.with_db(|db, _| db.undismiss(subject, id, code, &field))
}

/// An offer's package economics and pilot dates.
#[tauri::command]
fn offer_plan(state: State<'_, AppState>, offer_id: i64) -> Reply<PlanView> {
    state.with_db(|db, lang| plan::offer_plan(db, offer_id, lang))
}

#[tauri::command]
fn save_package(state: State<'_, AppState>, offer_id: i64, input: PackageInput) -> Reply<PlanView> {
    state.with_db(|db, lang| {
        let currency = db.get_offer(offer_id)?.draft.monthly_price.currency();
        db.save_package(offer_id, &PackagePlan::parse(&input, currency)?)?;
        plan::offer_plan(db, offer_id, lang)
    })
}

#[tauri::command]
fn save_pilot(state: State<'_, AppState>, offer_id: i64, input: PilotInput) -> Reply<PlanView> {
    state.with_db(|db, lang| {
        let currency = db.get_offer(offer_id)?.draft.monthly_price.currency();
        db.save_pilot(offer_id, &Pilot::parse(&input, currency)?, Utc::now())?;
        plan::offer_plan(db, offer_id, lang)
    })
}
