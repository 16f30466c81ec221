// Starts the UI: asks Rust for the app's state, picks the language, and
// switches between the steps of the method's path.

import { api, onWindowClose } from './api.js';
import { attachStatus, flushAll } from './autosave.js';
import { h, replace } from './dom.js';
import { t, useLanguage, language, preloadCatalogs } from './i18n.js';
import { guidePanel, loadProgress, markSteps } from './guide.js';
import { renderWelcome } from './views/welcome.js';
import { renderProblems } from './views/problems.js';
import { renderCandidates, showStanding } from './views/candidates.js';

import { notify, offerUndo } from './toasts.js';
import { forgetEdits } from './edits.js';

// A screen that is not the first one is loaded when it is first shown, so
// start-up reads only what the first screen needs.
function later(load, name) {
  return async (main, ctx) => (await load())[name](main, ctx);
}

const views = {
  problems: renderProblems,
  candidates: renderCandidates,
  compare: later(() => import('./views/compare.js'), 'renderCompare'),
  offers: later(() => import('./views/offers.js'), 'renderOffers'),
  onepager: later(() => import('./views/onepager.js'), 'renderOnepager'),
  pilot: later(() => import('./views/pilot.js'), 'renderPilot'),
  data: later(() => import('./views/data.js'), 'renderData'),
};

// What the screens share: the loaded records, the current selection and each
// screen's choices. Every key is declared here, and screens change them only
// through the update functions below (tests/ui_modules.rs checks that views
// never assign to ctx).
const ctx = {
  view: 'candidates',
  firstRun: false,
  criteria: [],
  candidates: [],
  offers: [],
  totals: new Map(),
  overview: { candidates: {}, offers: {} },
  selectedProblem: null,
  selectedCandidate: null,
  selectedOffer: null,
  progress: null,
  compareIds: null,
  compareMode: 'raw',
  paper: 'a4',
  // The one-pager's paper and language, chosen on its screen.
  onepager: null,
  // Which part of the offer screen is shown: 'contents', 'economics' or 'versions'.
  offerTab: 'contents',

  // The element every screen draws into; screens look up their own parts
  // through it, never through the whole document.
  root() {
    return document.getElementById('main');
  },

  // Which record each screen has open: kind is 'problem', 'candidate' or 'offer'.
  select(kind, id) {
    const key = { problem: 'selectedProblem', candidate: 'selectedCandidate', offer: 'selectedOffer' }[kind];
    ctx[key] = id ?? null;
  },

  // A record just saved replaces its loaded copy: kind is 'candidates' or 'offers'.
  keepSaved(kind, saved) {
    const index = ctx[kind].findIndex((r) => r.id === saved.id);
    if (index >= 0) ctx[kind] = ctx[kind].map((r, i) => (i === index ? saved : r));
  },

  setOverview(overview) {
    ctx.overview = overview;
  },

  // Which candidates the comparison shows, and in which mode.
  setComparison({ ids = ctx.compareIds, mode = ctx.compareMode }) {
    ctx.compareIds = ids;
    ctx.compareMode = mode;
  },

  setOfferTab(key) {
    ctx.offerTab = key;
  },

  setOnepagerChoice(choice) {
    ctx.onepager = { ...(ctx.onepager ?? {}), ...choice };
  },

  async reload() {
    await Promise.all([ctx.reloadRecords(), ctx.reloadStanding()]);
  },

  // The records themselves: what a screen needs to be drawn and used.
  async reloadRecords() {
    const [criteria, candidates, offers] = await Promise.all([api.listCriteria(), api.listCandidates(), api.listOffers()]);
    Object.assign(ctx, { criteria, candidates, offers });
  },

  // Totals and readiness badges beside the records.
  async reloadStanding() {
    const [comparison, overview] = await Promise.all([api.compareCandidates(null), api.focusOverview()]);
    ctx.overview = overview;
    ctx.refreshTotals(comparison);
  },

  refreshTotals(comparison) {
    ctx.totals = new Map(comparison.candidates.map((c) => [c.id, c.total]));
  },

  // Deletes a record (soft), leaves its screen, and offers to bring it back.
  // `option` is the show() option that selects such a record ('candidate', 'offer').
  async deleteWithUndo({ view, option, id, remove, restore, message }) {
    await remove(id);
    await ctx.reload();
    await ctx.show(view, { [option]: null });
    offerUndo(message, async () => {
      await restore(id);
      await ctx.reload();
      await ctx.show(view, { [option]: id });
    });
  },

  async show(view, options = {}) {
    await flushAll();
    forgetEdits();
    if (options.problem !== undefined) ctx.selectedProblem = options.problem;
    if (options.candidate !== undefined) ctx.selectedCandidate = options.candidate;
    if (options.offer !== undefined) ctx.selectedOffer = options.offer;
    if (options.tab !== undefined) ctx.offerTab = options.tab;
    ctx.view = view;
    // The welcome shows only until the user takes a first step.
    ctx.firstRun = options.welcome ?? false;
    // Each printable screen has its own print style: the one-pager portrait,
    // the comparison landscape.
    document.getElementById('print-style').href = view === 'compare' ? 'print-compare.css' : 'print.css';
    for (const step of document.querySelectorAll('.step')) {
      if (step.dataset.view === view) step.setAttribute('aria-current', 'page');
      else step.removeAttribute('aria-current');
    }
    await ctx.render();
    // A new screen starts at its top, not where the last one was scrolled to.
    document.getElementById('main').scrollTo(0, 0);
  },

  async render() {
    const main = document.getElementById('main');
    // The path is read while the screen is drawn, not before it.
    const progress = loadProgress();
    if (ctx.firstRun) {
      renderWelcome(main, ctx);
    } else {
      await views[ctx.view](main, ctx);
    }
    ctx.progress = await progress;
    ctx.showGuide();
  },

  // Re-reads the path after an edit, so the step marks and the note follow.
  async refreshGuide() {
    ctx.progress = await loadProgress();
    ctx.showGuide();
  },

  showGuide() {
    if (ctx.progress) markSteps(ctx.progress);
    document.getElementById('guide')?.remove();
    const guide = ctx.firstRun ? null : guidePanel(ctx.view, ctx.progress, ctx);
    if (guide) document.getElementById('main').prepend(guide);
  },
};

// The data file cannot be opened: say why, leave it alone, and offer the two
// ways on: restore a backup, or start a new file elsewhere.
async function showFatal(status) {
  const error = status.database_error;
  // Nothing else works without the data file: only the ways out are offered.
  for (const nav of document.querySelectorAll('.steps, .data-link, #save-status')) nav.hidden = true;
  const problem = h('p', { class: 'form-error', id: 'recovery-error' });
  const { backupList } = await import('./views/data.js');
  let backups = [];
  try {
    backups = await api.listBackups();
  } catch (e) {
    problem.textContent = e.message ?? String(e);
  }
  replace(document.getElementById('main'),
    h('section', { class: 'fatal', role: 'alert', id: 'fatal' },
      h('h1', {}, t('errors.databaseTitle')),
      h('p', {}, error.message),
      h('p', {}, h('code', {}, t('errors.databasePath', { path: status.database_path }))),
      h('h2', {}, t('errors.restoreTitle')),
      backupList(backups, () => window.location.reload()),
      h('h2', {}, t('errors.newFileTitle')),
      h('p', { class: 'hint' }, t('errors.newFileHelp')),
      h('button', { type: 'button', id: 'start-new-file', onclick: async () => {
        try {
          if (await api.startNewDatabase()) window.location.reload();
        } catch (e) {
          problem.textContent = e.message ?? String(e);
        }
      } }, t('errors.newFile')),
      problem));
}

// Start-up phases, for scripts/footprint (milliseconds since the page began).
const phases = {};
function phase(name) {
  phases[name] = Math.round(performance.now());
}
window.__startPhases = phases;

async function start() {
  phase('script');
  const [status] = await Promise.all([api.appState(navigator.language || null), preloadCatalogs()]);
  phase('state');
  await useLanguage(status.language);
  ctx.paper = status.paper;
  attachStatus(document.getElementById('save-status'));
  const picker = document.getElementById('language');
  picker.value = language();
  if (status.database_error) {
    await showFatal(status);
    return;
  }
  picker.addEventListener('change', async () => {
    await flushAll();
    await api.setLanguage(picker.value);
    await useLanguage(picker.value);
    attachStatus(document.getElementById('save-status'));
    await ctx.reload();
    await ctx.render();
  });
  for (const step of document.querySelectorAll('.step')) {
    step.addEventListener('click', () => ctx.show(step.dataset.view));
  }
  onWindowClose(flushAll);
  // The first screen is drawn from the records alone; totals and badges
  // follow a moment later.
  const standing = ctx.reloadStanding();
  await ctx.reloadRecords();
  phase('records');
  // A workspace with problems but no candidates yet opens on its inbox.
  await ctx.show(ctx.candidates.length === 0 ? 'problems' : 'candidates', { welcome: status.first_run });
  phase('ready');
  document.body.dataset.ready = 'true';
  await standing;
  if (ctx.view === 'candidates' && !ctx.firstRun) showStanding(ctx);
}

// Shortcuts of the screen in view: Ctrl+P runs its own print action (the
// one-pager's PDF) rather than printing the window; Ctrl+N adds an item on
// a list screen (focusing its capture line if it has one, else pressing
// its add button); Ctrl+F or Ctrl+K goes to its search box.
const SHORTCUTS = {
  p: (root) => root.querySelector('[data-shortcut="print"]'),
  n: (root) => root.querySelector('#quick-problem') ?? root.querySelector('[data-shortcut="new"]'),
  f: (root) => root.querySelector('input[type="search"]'),
  k: (root) => root.querySelector('input[type="search"]'),
};

document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
  const target = SHORTCUTS[event.key.toLowerCase()]?.(ctx.root() ?? document);
  if (!target) return;
  event.preventDefault();
  if (target.matches('input')) {
    target.focus();
    target.select();
  } else {
    target.click();
  }
});

// A failure nobody caught still reaches the user, in their language.
window.addEventListener('unhandledrejection', (event) => {
  const error = event.reason;
  notify(t('errors.unexpected', { message: error?.message ?? String(error) }));
});

start().catch((error) => {
  replace(document.getElementById('main'),
    h('p', { class: 'fatal', role: 'alert' }, t('errors.unexpected', { message: error?.message ?? String(error) })));
});
