// The only module that talks to Rust. Every command the UI uses is a function
// here; errors arrive as {code, message, field}.

const tauri = window.__TAURI__;

function invoke(command, args = {}) {
  return tauri.core.invoke(command, args);
}

export const api = {
  appState: (systemLocale) => invoke('app_state', { systemLocale }),
  setLanguage: (language) => invoke('set_language', { language }),
  loadExample: (language) => invoke('load_example', { language }),

  listCriteria: () => invoke('list_criteria'),
  addCriterion: (input) => invoke('add_criterion', { input }),
  updateCriterion: (id, input) => invoke('update_criterion', { id, input }),
  deleteCriterion: (id) => invoke('delete_criterion', { id }),
  restoreCriterion: (id) => invoke('restore_criterion', { id }),

  listCandidates: () => invoke('list_candidates'),
  createCandidate: (input) => invoke('create_candidate', { input }),
  updateCandidate: (id, input, revision) => invoke('update_candidate', { id, input, revision }),
  deleteCandidate: (id) => invoke('delete_candidate', { id }),
  restoreCandidate: (id) => invoke('restore_candidate', { id }),
  compareCandidates: (ids, mode = 'raw') => invoke('compare_candidates', { ids, mode }),
  setTargets: (input) => invoke('set_targets', { input }),
  offerPlan: (offerId) => invoke('offer_plan', { offerId }),
  savePackage: (offerId, input) => invoke('save_package', { offerId, input }),
  savePilot: (offerId, input) => invoke('save_pilot', { offerId, input }),

  listOffers: () => invoke('list_offers'),
  draftOffer: (candidateId) => invoke('draft_offer', { candidateId }),
  updateOffer: (id, input, revision) => invoke('update_offer', { id, input, revision }),
  deleteOffer: (id) => invoke('delete_offer', { id }),
  restoreOffer: (id) => invoke('restore_offer', { id }),

  checkCandidate: (id, input) => invoke('check_candidate', { id, input }),
  checkOffer: (id, input) => invoke('check_offer', { id, input }),
  focusOverview: () => invoke('focus_overview'),
  dismissFinding: (subject, id, code, field, reason) => invoke('dismiss_finding', { subject, id, code, field, reason }),
  pathProgress: () => invoke('path_progress'),
  problemInbox: () => invoke('problem_inbox'),
  createProblem: (input) => invoke('create_problem', { input }),
  updateProblem: (id, input, revision) => invoke('update_problem', { id, input, revision }),
  deleteProblem: (id) => invoke('delete_problem', { id }),
  restoreProblem: (id) => invoke('restore_problem', { id }),
  groupProblems: (id, sameAs) => invoke('group_problems', { id, sameAs }),
  ungroupProblem: (id) => invoke('ungroup_problem', { id }),
  markProblemsDistinct: (id, other) => invoke('mark_problems_distinct', { id, other }),
  promoteProblem: (id) => invoke('promote_problem', { id }),
  listVersions: (offerId) => invoke('list_versions', { offerId }),
  takeVersion: (offerId, label) => invoke('take_version', { offerId, label }),
  labelVersion: (id, label) => invoke('label_version', { id, label }),
  compareVersions: (offerId, before, after) => invoke('compare_versions', { offerId, before, after }),
  restoreVersion: (id) => invoke('restore_version', { id }),
  onepagerPreview: (offerId, paper, lang) => invoke('onepager_preview', { offerId, paper, lang }),
  exportOnepager: (offerId, paper, lang) => invoke('export_onepager', { offerId, paper, lang }),
  printOnepager: (offerId, paper, lang) => invoke('print_onepager', { offerId, paper, lang }),
  exportData: (scope) => invoke('export_data', { scope }),
  showSavedFile: () => invoke('show_saved_file'),
  importData: () => invoke('import_data'),
  listBackups: () => invoke('list_backups'),
  backupNow: () => invoke('backup_now'),
  restoreBackup: (fileName) => invoke('restore_backup', { fileName }),
  startNewDatabase: () => invoke('start_new_database'),
  undismissFinding: (subject, id, code, field) => invoke('undismiss_finding', { subject, id, code, field }),
};

// Runs `beforeClose` (saving pending edits) when the user closes the window,
// then lets it close.
export function onWindowClose(beforeClose) {
  const win = tauri.window.getCurrentWindow();
  win.onCloseRequested(async (event) => {
    event.preventDefault();
    try {
      await beforeClose();
    } finally {
      await win.destroy();
    }
  });
}
