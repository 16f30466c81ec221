// Niche candidates: a list, and an editor that saves as the user types.

import { api } from '../api.js';
import { schedule, forget } from '../autosave.js';
import { h, nextId, replace } from '../dom.js';
import { field, choiceButtons, read, readNumber, showSaveError, clearErrors } from '../forms.js';
import { t, formatDateTime } from '../i18n.js';
import { badge, liveCheck } from '../focus.js';

const STATUSES = ['idea', 'testing', 'chosen', 'dropped'];
const EVIDENCE = ['gut', 'asked', 'interested', 'paid_pilot', 'renewal'];

function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, t(`statuses.${status}`));
}

function hasScores(candidate) {
  return Object.values(candidate.scores ?? {}).some((v) => v !== null && v !== undefined && v !== '');
}

function listItem(candidate, ctx) {
  const total = ctx.totals.get(candidate.id);
  return h('li', {},
    h('button', {
      type: 'button',
      class: 'list-item',
      dataset: { candidate: candidate.id },
      'aria-current': candidate.id === ctx.selectedCandidate ? 'true' : 'false',
      onclick: () => ctx.show('candidates', { candidate: candidate.id }),
    },
    h('span', { class: 'name' }, candidate.name),
    h('span', { class: 'meta' }, statusBadge(candidate.status), ' ',
      // With no score yet there is no total to show, not a total of 0.
      total === undefined ? '' : t('candidates.total', { total: hasScores(candidate) ? total.toFixed(1) : t('candidates.notScoredYet') }), ' ',
      badge(ctx.overview.candidates[candidate.id]))));
}

// Puts the totals and readiness badges into the list once they are known.
export function showStanding(ctx) {
  for (const c of ctx.candidates) {
    const item = ctx.root().querySelector(`[data-candidate="${c.id}"]`);
    if (item) item.parentElement.replaceWith(listItem(c, ctx));
  }
}

// Adds a candidate with a placeholder name and puts the cursor on the name.
export async function createCandidate(ctx) {
  const created = await api.createCandidate({ name: t('candidates.untitled') });
  await ctx.reload();
  await ctx.show('candidates', { candidate: created.id });
  const name = ctx.root().querySelector('[data-field="name"]');
  name?.focus();
  name?.select();
}

// What 1 and 5 mean for a criterion: its own line for a built-in one the
// user has not renamed, the general scale for any other.
function scaleOf(c) {
  return c.key && !c.name ? t(`criterionScale.${c.key}`) : t('candidates.scoresHint');
}

// One criterion: its name and what its scale means, the score as one click
// (1–5 or not scored), and the evidence behind it.
function scoreRow(c, candidate) {
  const scaleId = nextId('scale');
  const choices = [['', t('candidates.notScored'), t('candidates.notScoredName')],
    ...[1, 2, 3, 4, 5].map((n) => [String(n), String(n)])];
  const score = choiceButtons({ label: c.label, path: `scores.${c.id}`, value: candidate.scores[String(c.id)] ?? '',
    choices, describedBy: scaleId });
  return h('div', { class: 'field score-row' },
    h('div', { class: 'score-name' },
      h('span', { id: score.labelId, class: 'score-label' }, c.label),
      h('span', { id: scaleId, class: 'hint score-scale' }, scaleOf(c))),
    score.input,
    score.group,
    h('select', {
      dataset: { field: `evidence.${c.id}` },
      'aria-label': t('candidates.evidenceOf', { name: c.label }),
      class: 'evidence-select',
    }, EVIDENCE.map((e) => h('option', { value: e, selected: ((candidate.evidence ?? {})[String(c.id)] ?? 'gut') === e },
      t(`evidence.${e}`)))),
    h('p', { class: 'field-error', id: score.errorId }));
}

function collect(form, ctx) {
  const scores = {};
  const evidence = {};
  for (const c of ctx.criteria) {
    const value = read(form, `scores.${c.id}`);
    if (value === '') continue;
    scores[String(c.id)] = Number(value);
    const level = read(form, `evidence.${c.id}`);
    if (level && level !== 'gut') evidence[String(c.id)] = level;
  }
  return {
    name: read(form, 'name'),
    platform: read(form, 'platform'),
    audience: read(form, 'audience'),
    problem: read(form, 'problem'),
    outcome: {
      metric: read(form, 'outcome.metric'),
      target: readNumber(form, 'outcome.target'),
      unit: read(form, 'outcome.unit'),
      timeframe_amount: readNumber(form, 'outcome.timeframe_amount'),
      timeframe_unit: read(form, 'outcome.timeframe_unit'),
    },
    status: read(form, 'status'),
    notes: read(form, 'notes'),
    scores,
    evidence,
  };
}

// The problems a candidate was promoted from, each a link back to it in the
// Problems screen; nothing when it was written here.
function origin(candidate, ctx) {
  const line = h('p', { class: 'origin', id: 'candidate-origin', hidden: true });
  api.problemInbox().then((inbox) => {
    const groups = inbox.groups.filter((g) => g.candidate_id === candidate.id);
    if (groups.length === 0) return;
    replace(line, t('candidates.fromProblems'), ' ',
      groups.map((g) => h('button', { type: 'button', class: 'link', dataset: { fromProblem: g.lead.id },
        onclick: () => ctx.show('problems', { problem: g.lead.id }) },
      g.times_heard > 1 ? t('candidates.problemHeard', { words: g.lead.words, n: g.times_heard }) : t('candidates.problemQuoted', { words: g.lead.words }))));
    line.hidden = false;
  }).catch(() => {
    // Without the inbox the candidate is still all there; only the link is missing.
  });
  return line;
}

function editor(candidate, ctx) {
  const form = h('form', { class: 'editor', 'aria-labelledby': 'candidate-heading', onsubmit: (e) => e.preventDefault() });
  const key = `candidate:${candidate.id}`;
  let revision = candidate.revision;
  const save = async () => {
    try {
      const saved = await api.updateCandidate(candidate.id, collect(form, ctx), revision);
      revision = saved.revision;
      clearErrors(form);
      ctx.keepSaved('candidates', saved);
      const [comparison, overview] = await Promise.all([api.compareCandidates(null), api.focusOverview()]);
      ctx.refreshTotals(comparison);
      ctx.setOverview(overview);
      const item = ctx.root().querySelector(`[data-candidate="${saved.id}"]`);
      if (item) item.parentElement.replaceWith(listItem(saved, ctx));
      heading.textContent = saved.name;
      stamp.textContent = t('candidates.updated', { when: formatDateTime(saved.updated_at) });
      ctx.refreshGuide();
      return true;
    } catch (error) {
      return showSaveError(form, error, async () => {
        forget(key);
        await ctx.reload();
        await ctx.show('candidates', { candidate: candidate.id });
      });
    }
  };
  form.addEventListener('input', () => schedule(key, save));
  form.addEventListener('change', () => schedule(key, save));
  form.addEventListener('focusout', () => schedule(key, save));

  const heading = h('h1', { id: 'candidate-heading' }, candidate.name);
  const stamp = h('span', {}, t('candidates.updated', { when: formatDateTime(candidate.updated_at) }));
  const o = candidate.outcome;
  const timeUnits = ['days', 'weeks', 'months'].map((u) => [u, t(`candidates.${u}`)]);

  const remove = () => ctx.deleteWithUndo({
    view: 'candidates', option: 'candidate', id: candidate.id,
    remove: async (id) => { await api.deleteCandidate(id); forget(key); },
    restore: api.restoreCandidate,
    message: t('candidates.deleted', { name: candidate.name }),
  });
  const draftOffer = async () => {
    await save();
    const offer = await api.draftOffer(candidate.id);
    await ctx.reload();
    await ctx.show('offers', { offer: offer.id, tab: 'contents' });
  };

  form.append(
    heading,
    h('div', { class: 'focus-summary', role: 'status' }),
    h('p', { class: 'timestamps' }, t('candidates.created', { when: formatDateTime(candidate.created_at) }), ' · ', stamp),
    origin(candidate, ctx),
    h('p', { class: 'form-error', role: 'alert' }),
    field({ label: t('candidates.name'), path: 'name', value: candidate.name, hint: t('candidates.nameHint'), attrs: { required: true } }),
    h('div', { class: 'row' },
      field({ label: t('candidates.platform'), path: 'platform', value: candidate.platform, hint: t('candidates.platformHint') }),
      field({ label: t('candidates.status'), path: 'status', value: candidate.status, kind: 'select',
        options: STATUSES.map((s) => [s, t(`statuses.${s}`)]) })),
    field({ label: t('candidates.audience'), path: 'audience', value: candidate.audience, hint: t('candidates.audienceHint') }),
    field({ label: t('candidates.problem'), path: 'problem', value: candidate.problem, hint: t('candidates.problemHint') }),
    h('fieldset', {},
      h('legend', {}, t('candidates.outcome')),
      h('p', { class: 'hint' }, t('candidates.outcomeHint')),
      h('div', { class: 'row' },
        field({ label: t('candidates.metric'), path: 'outcome.metric', value: o.metric,
          attrs: { placeholder: t('candidates.metricPlaceholder') } }),
        field({ label: t('candidates.target'), path: 'outcome.target', value: o.target ?? '', type: 'number',
          attrs: { min: 0, step: 1, inputmode: 'numeric' } }),
        field({ label: t('candidates.unit'), path: 'outcome.unit', value: o.unit,
          attrs: { placeholder: t('candidates.unitPlaceholder') } })),
      h('div', { class: 'row' },
        field({ label: t('candidates.within'), path: 'outcome.timeframe_amount', value: o.timeframe_amount ?? '',
          type: 'number', attrs: { min: 1, max: 120, step: 1, inputmode: 'numeric' } }),
        field({ label: t('candidates.timeframeUnit'), path: 'outcome.timeframe_unit', value: o.timeframe_unit || 'months',
          kind: 'select', options: timeUnits }))),
    h('fieldset', {},
      h('legend', {}, t('candidates.scores')),
      h('p', { class: 'hint' }, t('candidates.scoresHint')),
      h('div', { class: 'scores' },
        h('div', { class: 'score-head', 'aria-hidden': 'true' },
          h('span', {}, t('compare.criterion')), h('span', {}, t('candidates.scoreColumn')), h('span', {}, t('candidates.evidence'))),
        ctx.criteria.map((c) => scoreRow(c, candidate))),
      h('p', { class: 'hint' }, t('candidates.evidenceHint'))),
    field({ label: t('candidates.notes'), path: 'notes', value: candidate.notes, kind: 'textarea' }),
    h('div', { class: 'editor-actions' },
      h('button', { type: 'button', class: 'primary', id: 'draft-offer', onclick: draftOffer }, t('candidates.draftOffer')),
      h('button', { type: 'button', class: 'danger', id: 'delete-candidate', onclick: remove }, t('candidates.delete'))));
  liveCheck(form, () => api.checkCandidate(candidate.id, collect(form, ctx)), { subject: 'candidate', id: candidate.id });
  return form;
}

export async function renderCandidates(main, ctx) {
  const selected = ctx.candidates.find((c) => c.id === ctx.selectedCandidate) ?? ctx.candidates[0] ?? null;
  ctx.select('candidate', selected?.id);
  const list = h('aside', { class: 'list-pane', 'aria-label': t('candidates.listLabel') },
    h('button', { type: 'button', class: 'primary', id: 'new-candidate', dataset: { shortcut: 'new' }, onclick: () => createCandidate(ctx) }, `＋ ${t('candidates.new')}`),
    h('ul', {}, ctx.candidates.map((c) => listItem(c, ctx))));
  const body = selected
    ? editor(selected, ctx)
    : h('section', { class: 'empty' },
      h('h2', {}, t('candidates.emptyTitle')),
      h('p', {}, t('candidates.empty')));
  replace(main, h('div', { class: 'split' }, list, body));
}
