//! The commands the UI may invoke, one module per area of the app (named
//! like the core's `app` modules and the UI's views). Each command converts
//! its input, calls the core, and converts the result; no logic lives here.

use tauri::{ipc::Invoke, Runtime};

use crate::error::CommandError;

pub mod candidates;
pub mod compare;
pub mod criteria;
pub mod data;
pub mod examples;
pub mod focus;
pub mod guide;
pub mod offers;
pub mod onepager;
pub mod plan;
pub mod problems;
pub mod settings;
pub mod versions;

pub(crate) type Reply<T> = Result<T, CommandError>;

pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        settings::app_state,
        settings::set_language,
        examples::load_example,
        criteria::list_criteria,
        criteria::add_criterion,
        criteria::update_criterion,
        criteria::delete_criterion,
        criteria::restore_criterion,
        candidates::list_candidates,
        candidates::create_candidate,
        candidates::update_candidate,
        candidates::delete_candidate,
        candidates::restore_candidate,
        compare::compare_candidates,
        compare::set_targets,
        plan::offer_plan,
        plan::save_package,
        plan::save_pilot,
        offers::list_offers,
        offers::draft_offer,
        offers::update_offer,
        offers::delete_offer,
        offers::restore_offer,
        focus::check_candidate,
        focus::check_offer,
        focus::focus_overview,
        focus::dismiss_finding,
        focus::undismiss_finding,
        guide::path_progress,
        problems::problem_inbox,
        problems::create_problem,
        problems::update_problem,
        problems::delete_problem,
        problems::restore_problem,
        problems::group_problems,
        problems::ungroup_problem,
        problems::mark_problems_distinct,
        problems::promote_problem,
        versions::list_versions,
        versions::take_version,
        versions::label_version,
        versions::compare_versions,
        versions::restore_version,
        onepager::onepager_preview,
        onepager::export_onepager,
        onepager::print_onepager,
        data::export_data,
        data::show_saved_file,
        data::import_data,
        data::list_backups,
        data::backup_now,
        data::restore_backup,
        data::start_new_database,
    ]
}
