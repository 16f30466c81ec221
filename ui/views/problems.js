// The problem inbox: what people ask for help with, tasks businesses keep
// postponing, and one's own observations — ranked by the user's own
// opportunity estimate, duplicates grouped, and any one promoted to a
// niche candidate.

import { api } from '../api.js';
import { schedule, forget } from '../autosave.js';
import { h, replace } from '../dom.js';
import { field, choiceButtons, read, showError, showSaveError, clearErrors, wholeNumber } from '../forms.js';
import { t, formatDateTime } from '../i18n.js';

const KINDS = ['asked', 'postponed', 'observation'];
const RECURRENCES = ['', 'once', 'yearly', 'monthly', 'weekly', 'daily'];
// The details start folded until the problem has some: a problem caught in
// one line stays one line.
function hasDetails(problem) {
  return [problem.source, problem.audience, problem.platform, problem.notes, problem.recurrence].some((v) => v);
}

// A rating 0–10 in one click: a row of buttons, "not rated" first.
function ratingField(label, path, value) {
  const choices = [['', t('problems.notRated'), t('problems.notRated')],
    ...Array.from({ length: 11 }, (_, n) => [String(n), String(n)])];
  const rating = choiceButtons({ label, path, value: value ?? '', choices });
  return h('div', { class: 'field rating', dataset: { rating: path } },
    h('span', { id: rating.labelId, class: 'rating-label' }, label),
    rating.input, rating.group,
    h('p', { class: 'field-error', id: rating.errorId }));
}

// Folded for comparing typed text: full-width letters and digits as
// half-width, case ignored.
function folded(text) {
  return String(text ?? '').normalize('NFKC').toLowerCase();
}

function matches(group, query) {
  if (!query) return true;
  return [group.lead, ...group.members].some((p) =>
    [p.words, p.source, p.audience, p.platform, p.notes].some((v) => folded(v).includes(query)));
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function opportunityBadge(score) {
  if (score === null || score === undefined) return h('span', { class: 'badge' }, t('problems.unscored'));
  const level = score >= 15 ? 'high' : score >= 10 ? 'mid' : 'low';
  return h('span', { class: `badge opportunity-${level}`, title: t('problems.opportunityTitle') },
    t('problems.opportunityShort', { score }));
}

function listItem(problem, ctx, extra = {}) {
  return h('button', {
    type: 'button', class: `list-item${extra.member ? ' member' : ''}`,
    dataset: { problem: problem.id },
    'aria-current': problem.id === ctx.selectedProblem ? 'true' : 'false',
    onclick: () => ctx.show('problems', { problem: problem.id }),
  },
  h('span', { class: 'name' }, problem.words),
  h('span', { class: 'meta' }, t(`problems.kinds.${problem.kind}`),
    problem.source ? ` · ${problem.source}` : ''));
}

// The groups this problem could join. A long inbox lists its first page at
// once and the rest when the list is first opened, so the screen draws fast.
function sameAsField(otherLeads) {
  const options = otherLeads.map((g) => [String(g.lead.id), g.lead.words]);
  const shown = field({ label: t('problems.sameAs'), path: 'same_as', value: '', kind: 'select',
    options: [['', t('problems.pickSame')], ...options.slice(0, PAGE)] });
  if (options.length > PAGE) {
    const select = shown.querySelector('select');
    let filled = false;
    const fill = () => {
      if (filled) return;
      filled = true;
      select.append(...options.slice(PAGE).map(([value, text]) => h('option', { value }, text)));
    };
    select.addEventListener('focus', fill);
    select.addEventListener('pointerdown', fill);
  }
  return shown;
}

function groupItem(group, ctx) {
  return h('li', { class: 'problem-group' },
    listItem(group.lead, ctx),
    h('div', { class: 'group-meta' },
      opportunityBadge(group.opportunity), ' ',
      group.times_heard > 1 ? h('span', { class: 'badge' }, t('problems.heard', { n: group.times_heard })) : '', ' ',
      group.candidate_id ? h('span', { class: 'badge status-chosen' }, t('problems.promotedBadge')) : ''),
    group.members.length > 0
      ? h('ul', { class: 'members', 'aria-label': t('problems.duplicatesOf', { words: group.lead.words }) },
        group.members.map((m) => h('li', {}, listItem(m, ctx, { member: true }))))
      : null);
}

function byId(inbox) {
  const all = new Map();
  for (const g of inbox.groups) {
    all.set(g.lead.id, { problem: g.lead, group: g });
    for (const m of g.members) all.set(m.id, { problem: m, group: g });
  }
  return all;
}

// A pair that reads alike: group them, or say they differ.
function suggestionBox(inbox, ctx) {
  if (inbox.suggestions.length === 0) return null;
  const all = byId(inbox);
  const s = inbox.suggestions[0];
  const a = all.get(s.same_as)?.problem;
  const b = all.get(s.id)?.problem;
  if (!a || !b) return null;
  return h('div', { class: 'suggestion', role: 'note', id: 'duplicate-suggestion' },
    h('p', {}, t('problems.looksSame', { percent: s.similarity_percent })),
    h('ul', {}, h('li', {}, a.words), h('li', {}, b.words)),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'group-suggested', onclick: async () => {
        await api.groupProblems(b.id, a.id);
        await ctx.show('problems', { problem: a.id });
      } }, t('problems.groupThem')),
      h('button', { type: 'button', onclick: async () => {
        await api.markProblemsDistinct(b.id, a.id);
        await ctx.show('problems');
      } }, t('problems.notSame'))));
}

function collect(form) {
  const rating = (path) => {
    const raw = read(form, path);
    return wholeNumber(raw);
  };
  return {
    words: read(form, 'words'),
    kind: read(form, 'kind'),
    source: read(form, 'source'),
    audience: read(form, 'audience'),
    platform: read(form, 'platform'),
    seen_on: read(form, 'seen_on'),
    recurrence: read(form, 'recurrence'),
    importance: rating('importance'),
    satisfaction: rating('satisfaction'),
    notes: read(form, 'notes'),
  };
}

function opportunityLine(problem) {
  if (problem.opportunity === null || problem.opportunity === undefined) return t('problems.opportunityMissing');
  return t('problems.opportunityLine', { score: problem.opportunity });
}

function editor(problem, group, inbox, ctx, refreshList) {
  const form = h('form', { class: 'editor', 'aria-labelledby': 'problem-heading', onsubmit: (e) => e.preventDefault() });
  const key = `problem:${problem.id}`;
  let revision = problem.revision;
  const heading = h('h1', { id: 'problem-heading' }, problem.words);
  const stamp = h('span', {}, t('candidates.updated', { when: formatDateTime(problem.updated_at) }));
  const score = h('p', { class: 'opportunity', id: 'opportunity', 'aria-live': 'polite' }, opportunityLine(problem));
  const save = async () => {
    try {
      const saved = await api.updateProblem(problem.id, collect(form), revision);
      revision = saved.revision;
      clearErrors(form);
      heading.textContent = saved.words;
      score.textContent = opportunityLine(saved);
      stamp.textContent = t('candidates.updated', { when: formatDateTime(saved.updated_at) });
      // The ranking, the scores beside each problem and the path follow the edit.
      await refreshList();
      ctx.refreshGuide();
      return true;
    } catch (error) {
      return showSaveError(form, error, async () => {
        forget(key);
        await ctx.show('problems', { problem: problem.id });
      });
    }
  };
  for (const type of ['input', 'change', 'focusout']) form.addEventListener(type, () => schedule(key, save));

  const remove = () => ctx.deleteWithUndo({
    view: 'problems', option: 'problem', id: problem.id,
    remove: async (id) => { await api.deleteProblem(id); forget(key); },
    restore: api.restoreProblem,
    message: t('problems.deleted', { words: problem.words }),
  });
  // A problem whose edit cannot be saved is not promoted or grouped: its
  // error stays next to the field.
  const promote = async () => {
    if (!(await save())) return;
    try {
      const candidate = await api.promoteProblem(problem.id);
      await ctx.reload();
      await ctx.show('candidates', { candidate: candidate.id });
    } catch (error) {
      showError(form, error);
    }
  };

  const otherLeads = inbox.groups.filter((g) => g.lead.id !== group.lead.id);
  const grouping = h('fieldset', { class: 'grouping' },
    h('legend', {}, t('problems.duplicates')),
    h('p', { class: 'form-error', role: 'alert' }),
    group.times_heard > 1
      ? h('p', {}, t('problems.inGroup', { n: group.times_heard }))
      : h('p', { class: 'hint' }, t('problems.duplicatesHint')),
    otherLeads.length > 0
      ? h('div', { class: 'row' },
        sameAsField(otherLeads),
        h('button', { type: 'button', id: 'group-with', onclick: async () => {
          const target = read(grouping, 'same_as');
          if (!target || !(await save())) return;
          try {
            await api.groupProblems(problem.id, Number(target));
            await ctx.show('problems', { problem: problem.id });
          } catch (error) {
            showError(grouping, error);
          }
        } }, t('problems.group')))
      : null,
    group.times_heard > 1
      ? h('button', { type: 'button', id: 'ungroup', onclick: async () => {
        try {
          await api.ungroupProblem(problem.id);
          await ctx.show('problems', { problem: problem.id });
          ctx.root().querySelector('#ungroup')?.focus();
        } catch (error) {
          showError(grouping, error);
        }
      } }, t('problems.ungroup'))
      : null);

  const promoted = group.candidate_id
    ? h('button', { type: 'button', class: 'primary', id: 'open-candidate',
      onclick: () => ctx.show('candidates', { candidate: group.candidate_id }) }, t('problems.openCandidate'))
    : h('button', { type: 'button', class: 'primary', id: 'promote-problem', onclick: promote }, t('problems.promote'));

  const details = h('details', { class: 'problem-details', id: 'problem-details', open: hasDetails(problem) },
  h('summary', {}, t('problems.details')),
  h('div', { class: 'row' },
    field({ label: t('problems.kind'), path: 'kind', value: problem.kind, kind: 'select',
      options: KINDS.map((k) => [k, t(`problems.kinds.${k}`)]) }),
    field({ label: t('problems.source'), path: 'source', value: problem.source, hint: t('problems.sourceHint') })),
  h('div', { class: 'row' },
    field({ label: t('problems.seenOn'), path: 'seen_on', value: problem.seen_on, type: 'date' }),
    field({ label: t('problems.recurrence'), path: 'recurrence', value: problem.recurrence, kind: 'select',
      options: RECURRENCES.map((r) => [r, t(`problems.recurrences.${r || 'unknown'}`)]) })),
  h('div', { class: 'row' },
    field({ label: t('candidates.audience'), path: 'audience', value: problem.audience, hint: t('problems.audienceHint') }),
    field({ label: t('candidates.platform'), path: 'platform', value: problem.platform, hint: t('problems.platformHint') })),
  field({ label: t('candidates.notes'), path: 'notes', value: problem.notes, kind: 'textarea' }));

  form.append(
    heading,
    h('p', { class: 'timestamps' }, t('candidates.created', { when: formatDateTime(problem.created_at) }), ' · ', stamp),
    h('p', { class: 'form-error', role: 'alert' }),
    field({ label: t('problems.words'), path: 'words', value: problem.words, hint: t('problems.wordsHint'),
      attrs: { required: true } }),
    h('section', { class: 'estimate', 'aria-labelledby': 'estimate-heading' },
      h('h2', { id: 'estimate-heading' }, t('problems.estimate')),
      h('p', { class: 'hint' }, t('problems.estimateHint')),
      ratingField(t('problems.importance'), 'importance', problem.importance),
      ratingField(t('problems.satisfaction'), 'satisfaction', problem.satisfaction),
      score),
    details,
    grouping,
    h('div', { class: 'editor-actions' },
      promoted,
      h('button', { type: 'button', class: 'danger', id: 'delete-problem', onclick: remove }, t('problems.delete'))));
  return form;
}

// Adds a problem dated today. With words (quick capture) the cursor stays
// in the capture line for the next one; without, it goes to the new
// problem's words.
export async function createProblem(ctx, words = '') {
  const created = await api.createProblem({ words: words || t('problems.untitled'), seen_on: today() });
  await ctx.show('problems', { problem: created.id, welcome: false });
  if (words) {
    ctx.root().querySelector('#quick-problem')?.focus();
    return;
  }
  const box = ctx.root().querySelector('[data-field="words"]');
  box?.focus();
  box?.select();
}

// The list shows this many groups at a time: a page of 10,000 took seconds
// to draw, and nobody reads that far down a ranked list.
const PAGE = 200;

// The ranked groups, a page at a time, always far enough to include the one
// that is open.
function groupList(all, ctx, query = '') {
  const groups = all.filter((g) => matches(g, query));
  if (groups.length === 0 && all.length > 0) {
    return h('p', { class: 'hint', id: 'no-matches' }, t('problems.noMatches'));
  }
  const list = h('ul', { id: 'problem-list' });
  const more = h('button', { type: 'button', class: 'show-more', id: 'show-more-problems' });
  let shown = 0;
  const showUpTo = (count) => {
    const next = groups.slice(shown, Math.max(count, shown));
    list.append(...next.map((g) => groupItem(g, ctx)));
    shown += next.length;
    const left = groups.length - shown;
    more.hidden = left === 0;
    more.textContent = t('problems.showMore', {
      count: Math.min(left, PAGE).toLocaleString(document.documentElement.lang),
      left: left.toLocaleString(document.documentElement.lang),
    });
  };
  more.addEventListener('click', () => showUpTo(shown + PAGE));
  const open = groups.findIndex((g) => g.lead.id === ctx.selectedProblem
    || g.members.some((m) => m.id === ctx.selectedProblem));
  showUpTo(Math.max(PAGE, Math.ceil((open + 1) / PAGE) * PAGE));
  return h('div', {}, list, more);
}

export async function renderProblems(main, ctx) {
  const inbox = await api.problemInbox();
  const all = byId(inbox);
  const chosen = all.get(ctx.selectedProblem) ?? all.get(inbox.groups[0]?.lead.id) ?? null;
  ctx.select('problem', chosen?.problem.id);
  let latest = inbox;
  let query = '';
  const groups = h('div', { class: 'groups' }, groupList(inbox.groups, ctx));
  const suggestions = h('div', { class: 'suggestions' }, suggestionBox(inbox, ctx));
  const refreshList = async () => {
    latest = await api.problemInbox();
    replace(groups, groupList(latest.groups, ctx, query));
    replace(suggestions, suggestionBox(latest, ctx));
  };
  const capture = h('form', { class: 'quick-capture', id: 'quick-capture', onsubmit: async (event) => {
    event.preventDefault();
    const words = capture.querySelector('#quick-problem').value.trim();
    try {
      await createProblem(ctx, words);
    } catch (error) {
      showError(capture, error);
    }
  } },
  h('label', { for: 'quick-problem', class: 'visually-hidden' }, t('problems.quickLabel')),
  h('div', { class: 'quick-row' },
    h('input', { type: 'text', id: 'quick-problem', placeholder: t('problems.quickPlaceholder'),
      autocomplete: 'off', 'aria-describedby': 'quick-problem-error' }),
    h('button', { type: 'submit', class: 'primary', id: 'new-problem', 'aria-label': t('problems.new') }, '＋')),
  h('p', { class: 'form-error', id: 'quick-problem-error', role: 'alert' }));
  const search = inbox.groups.length > 0
    ? h('div', { class: 'list-search' },
      h('label', { for: 'problem-search', class: 'visually-hidden' }, t('problems.search')),
      h('input', { type: 'search', id: 'problem-search', placeholder: t('problems.searchPlaceholder'), autocomplete: 'off',
        oninput: (event) => {
          query = folded(event.target.value.trim());
          replace(groups, groupList(latest.groups, ctx, query));
        } }))
    : null;
  const list = h('aside', { class: 'list-pane', 'aria-label': t('problems.listLabel') },
    capture,
    search,
    inbox.groups.length > 0 ? h('p', { class: 'hint' }, t('problems.ranked')) : null,
    groups);
  const body = chosen
    ? h('div', {}, suggestions, editor(chosen.problem, chosen.group, inbox, ctx, refreshList))
    : h('section', { class: 'empty' },
      h('h2', {}, t('problems.emptyTitle')),
      h('p', {}, t('problems.empty')),
      h('ul', { class: 'examples' }, [1, 2, 3].map((n) => h('li', {}, t(`problems.example${n}`)))));
  replace(main, h('div', { class: 'split' }, list, body));
}
