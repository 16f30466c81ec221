// Candidates side by side: criteria as rows, candidates as columns, the best
// value in each row marked, weighted totals and ranks, weights editable in place.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { showError, clearErrors } from '../forms.js';
import { t } from '../i18n.js';
import { offerUndo } from '../toasts.js';

function picks(ctx, rerender) {
  const chosen = new Set(ctx.compareIds ?? ctx.candidates.map((c) => c.id));
  return h('fieldset', { class: 'compare-picks' },
    h('legend', {}, t('compare.pick')),
    ctx.candidates.map((c) => h('label', {},
      h('input', {
        type: 'checkbox',
        checked: chosen.has(c.id),
        dataset: { pick: c.id },
        onchange: (event) => {
          if (event.target.checked) chosen.add(c.id);
          else chosen.delete(c.id);
          ctx.compareIds = [...chosen];
          rerender();
        },
      }),
      c.name)));
}

function weightInput(criterion, onChange) {
  const input = h('input', {
    type: 'number', min: 0, max: 10, step: 1, value: criterion.weight, inputmode: 'numeric',
    'aria-label': t('compare.weightOf', { name: criterion.label }),
    dataset: { field: 'weight', weightFor: criterion.id },
  });
  input.addEventListener('change', () => onChange(criterion, input));
  return input;
}

function table(comparison, ctx, onWeight) {
  const head = h('tr', {},
    h('th', { scope: 'col' }, t('compare.criterion'), ' / ', t('compare.weight')),
    comparison.candidates.map((c) => h('th', { scope: 'col', dataset: { column: c.id } }, c.name)));
  const rows = comparison.criteria.map((criterion) => h('tr', {},
    h('th', { scope: 'row' },
      h('div', { class: 'weight-cell' }, h('span', {}, criterion.label), weightInput(criterion, onWeight))),
    comparison.candidates.map((c) => {
      const score = c.scores[String(criterion.id)];
      const best = score !== undefined && score === criterion.best;
      return h('td', { class: best ? 'best' : '', title: best ? t('compare.best') : null },
        score ?? t('candidates.notScored'));
    })));
  const total = h('tr', { class: 'total' },
    h('th', { scope: 'row' }, t('compare.total')),
    comparison.candidates.map((c) => h('td', { dataset: { total: c.id } }, c.total.toFixed(1))));
  const rank = h('tr', { class: 'rank' },
    h('th', { scope: 'row' }, t('compare.rank')),
    comparison.candidates.map((c) => h('td', { class: c.rank === 1 ? 'first' : '' }, `#${c.rank}`)));
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'compare', id: 'compare-table' }, h('thead', {}, head), h('tbody', {}, rows, total, rank)));
}

function criteriaEditor(ctx, rerender) {
  const section = h('section', { class: 'criteria-editor no-print' },
    h('h2', {}, t('compare.criteria')),
    h('p', { class: 'hint' }, t('compare.criteriaHint')),
    h('p', { class: 'form-error', role: 'alert' }));
  const rename = async (criterion, input) => {
    try {
      await api.updateCriterion(criterion.id, { name: input.value, weight: criterion.weight });
      clearErrors(section);
      await ctx.reload();
      rerender();
    } catch (error) {
      showError(section, error);
    }
  };
  const remove = async (criterion) => {
    await api.deleteCriterion(criterion.id);
    await ctx.reload();
    rerender();
    offerUndo(t('compare.removed', { name: criterion.label }), async () => {
      await api.restoreCriterion(criterion.id);
      await ctx.reload();
      rerender();
    });
  };
  const add = async () => {
    await api.addCriterion({ name: t('compare.newCriterion'), weight: 5 });
    await ctx.reload();
    rerender();
    const inputs = document.querySelectorAll('.criteria-editor input');
    inputs[inputs.length - 1]?.focus();
    inputs[inputs.length - 1]?.select();
  };
  section.append(
    h('ul', {}, ctx.criteria.map((c) => {
      const input = h('input', {
        type: 'text', value: c.name || c.label, 'aria-label': t('compare.criterionName'),
        dataset: { field: 'name' }, id: `criterion-${c.id}`,
      });
      input.addEventListener('change', () => rename(c, input));
      return h('li', {}, input,
        h('button', { type: 'button', class: 'icon danger', 'aria-label': t('compare.removeCriterion', { name: c.label }),
          onclick: () => remove(c) }, '×'));
    })),
    h('button', { type: 'button', onclick: add }, `＋ ${t('compare.addCriterion')}`));
  return section;
}

export async function renderCompare(main, ctx) {
  if (ctx.candidates.length === 0) {
    replace(main, h('section', { class: 'empty' }, h('h2', {}, t('compare.emptyTitle')), h('p', {}, t('compare.empty'))));
    return;
  }
  const rerender = () => renderCompare(main, ctx);
  const ids = ctx.compareIds?.filter((id) => ctx.candidates.some((c) => c.id === id)) ?? null;
  const comparison = await api.compareCandidates(ids);
  const status = h('p', { class: 'form-error', role: 'alert' });
  const onWeight = async (criterion, input) => {
    try {
      await api.updateCriterion(criterion.id, { name: criterion.name, weight: Number(input.value) });
      await ctx.reload();
      await rerender();
      document.querySelector(`[data-weight-for="${criterion.id}"]`)?.focus();
    } catch (error) {
      input.setAttribute('aria-invalid', 'true');
      status.textContent = error.message;
    }
  };
  const leader = comparison.candidates[0];
  replace(main,
    h('h1', {}, t('compare.title')),
    h('p', {}, t('compare.intro')),
    picks(ctx, rerender),
    leader ? h('p', { class: 'leader', role: 'status' }, t('compare.leader', { name: leader.name, total: leader.total.toFixed(1) })) : null,
    status,
    table(comparison, ctx, onWeight),
    criteriaEditor(ctx, rerender));
}
