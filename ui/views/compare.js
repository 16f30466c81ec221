// Candidates side by side: criteria as rows, candidates as columns, the best
// value in each row marked, weighted totals and ranks, weights editable in
// place with the weight that would flip first place beside each, how sure
// first place is, and the Fermi check from the user's own numbers.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { bars } from '../charts.js';
import { currencyOptions, field, showError, clearErrors, wholeNumber, wholeNumberAttrs } from '../forms.js';
import { t, formatPercent } from '../i18n.js';
import { notify, offerUndo } from '../toasts.js';

const SCORE_FLIPS_SHOWN = 6;

function picks(ctx, rerender) {
  const chosen = new Set(ctx.compareIds ?? ctx.candidates.map((c) => c.id));
  return h('fieldset', { class: 'compare-picks no-print' },
    h('legend', {}, t('compare.pick')),
    ctx.candidates.map((c) => h('label', {},
      h('input', {
        type: 'checkbox',
        checked: chosen.has(c.id),
        dataset: { pick: c.id },
        onchange: (event) => {
          if (event.target.checked) chosen.add(c.id);
          else chosen.delete(c.id);
          ctx.setComparison({ ids: [...chosen] });
          rerender();
        },
      }),
      c.name)));
}

function modeSwitch(ctx, rerender) {
  const option = (mode, label) => h('label', {},
    h('input', { type: 'radio', name: 'compare-mode', value: mode, checked: ctx.compareMode === mode,
      dataset: { mode },
      onchange: () => { ctx.setComparison({ mode }); rerender(); } }),
    label);
  return h('fieldset', { class: 'compare-mode no-print' },
    h('legend', {}, t('compare.mode')),
    option('raw', t('compare.raw')),
    option('evidence', t('compare.evidenceMode')),
    h('p', { class: 'hint' }, t('compare.evidenceHint')));
}

function targetsForm(analysis, rerender) {
  const targets = analysis.targets;
  const income = targets.monthly_income;
  const currency = income?.currency ?? (document.documentElement.lang === 'ja' ? 'JPY' : 'USD');
  const plain = targets.monthly_income_plain;
  const form = h('form', { class: 'targets no-print', onsubmit: (e) => e.preventDefault() },
    h('p', { class: 'form-error', role: 'alert' }));
  const save = async () => {
    try {
      await api.setTargets({
        monthly_income: form.querySelector('[data-field="monthly_income"]').value,
        currency: form.querySelector('[data-field="currency"]').value,
        close_rate_percent: wholeNumber(form.querySelector('[data-field="close_rate_percent"]').value, 0),
      });
      clearErrors(form);
      rerender();
    } catch (error) {
      showError(form, error);
    }
  };
  form.append(
    h('h2', {}, t('compare.targets')),
    h('div', { class: 'row' },
      field({ label: t('compare.income'), path: 'monthly_income', value: plain, type: 'money', currency, hint: t('compare.incomeShared') }),
      field({ label: t('offers.currency'), path: 'currency', value: currency, kind: 'select',
        options: currencyOptions() }),
      field({ label: t('compare.closeRate'), path: 'close_rate_percent', value: targets.close_rate_percent,
        type: 'number', hint: t('compare.closeRateHint'), attrs: { min: 1, max: 100, step: 1 } })));
  form.addEventListener('change', save);
  return form;
}

function weightInput(criterion, onChange) {
  const input = h('input', {
    ...wholeNumberAttrs(), value: criterion.weight,
    'aria-label': t('compare.weightOf', { name: criterion.label }),
    dataset: { field: 'weight', weightFor: criterion.id },
  });
  input.addEventListener('change', () => onChange(criterion, input));
  return input;
}

// A note only where a small change of this weight would put someone else
// first; a steady weight needs no words.
function flipHint(flip, names) {
  if (!flip?.near) return null;
  return h('span', { class: 'flip-hint', dataset: { flipFor: flip.criterion_id } },
    t('compare.flipAt', { weight: flip.flips_at, name: names.get(flip.new_winner) }));
}

function fermiCell(f) {
  return (key) => {
    if (f?.[key] != null) return String(f[key]);
    return h('span', { class: 'hint' }, f?.gap ? t(`compare.gap_${f.gap}`) : '—');
  };
}

function table(analysis, names, onWeight) {
  const flips = new Map((analysis.robustness?.weight_flips ?? []).map((f) => [f.criterion_id, f]));
  const head = h('tr', {},
    h('th', { scope: 'col' }, t('compare.criterion'), ' / ', t('compare.weight')),
    analysis.candidates.map((c) => h('th', { scope: 'col', dataset: { column: c.id } }, c.name)));
  const rows = analysis.criteria.map((criterion) => h('tr', {},
    h('th', { scope: 'row' },
      h('div', { class: 'weight-cell' }, h('span', {}, criterion.label), weightInput(criterion, onWeight)),
      flipHint(flips.get(criterion.id), names)),
    analysis.candidates.map((c) => {
      const score = c.scores[String(criterion.id)];
      const best = score !== undefined && score === criterion.best;
      const evidence = c.evidence?.[String(criterion.id)] ?? 'gut';
      return h('td', { class: best ? 'best' : '', title: best ? t('compare.best') : null },
        h('span', { class: 'score' }, score ?? t('candidates.notScored')),
        score !== undefined && evidence !== 'gut'
          ? h('span', { class: `evidence-tag evidence-${evidence}` }, t(`evidence.${evidence}`)) : null);
    })));
  const row = (label, cells, cls) => h('tr', { class: cls }, h('th', { scope: 'row' }, label), cells);
  const fermi = (key) => analysis.candidates.map((c) => h('td', {}, fermiCell(analysis.fermi[String(c.id)])(key)));
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'compare', id: 'compare-table' }, h('thead', {}, head), h('tbody', {},
      rows,
      row(t('compare.total'), analysis.candidates.map((c) => h('td', { dataset: { total: c.id } }, c.total.toFixed(1),
        c.unscored.length > 0
          ? h('span', { class: 'incomplete-tag', 'data-incomplete': c.id }, t('compare.incomplete', { n: c.unscored.length }))
          : null)), 'total'),
      row(t('compare.rank'), analysis.candidates.map((c) => h('td', { class: c.rank === 1 ? 'first' : '' }, t('compare.rankN', { n: c.rank }))), 'rank'),
      row(t('compare.clients'), fermi('clients_needed'), 'fermi'),
      row(t('compare.leads'), fermi('leads_needed'), 'fermi'))));
}

// The ranking, kept in view at the top while the table scrolls: rank, name
// and total of each compared candidate, best first.
function ranking(analysis) {
  const rows = [...analysis.candidates].sort((a, b) => a.rank - b.rank).map((c) => ({
    id: c.id, label: t('compare.rankedName', { rank: t('compare.rankN', { n: c.rank }), name: c.name }), value: c.total, first: c.rank === 1,
    shown: c.unscored.length > 0 ? `${c.total.toFixed(1)} (${t('compare.incomplete', { n: c.unscored.length })})` : c.total.toFixed(1),
  }));
  return h('section', { class: 'ranking', id: 'ranking', 'aria-labelledby': 'ranking-title' },
    h('h2', { id: 'ranking-title' }, t('compare.ranking')),
    bars(rows, { max: 100, className: 'ranking-bars', label: t('compare.ranking'), key: 'rank' }));
}

// Win shares of the resampled weights, as the same bars.
function sharesChart(shares, names) {
  const rows = [...shares].sort((a, b) => b.percent - a.percent).map((s, i) => ({
    id: s.candidate_id, label: names.get(s.candidate_id) ?? '', value: s.percent, first: i === 0, shown: formatPercent(s.percent),
  }));
  return bars(rows, { max: 100, className: 'shares-chart', label: t('compare.robustness'), key: 'share' });
}

function robustnessPanel(analysis, names, labels) {
  const r = analysis.robustness;
  const section = h('section', { class: 'robustness', id: 'robustness', 'aria-labelledby': 'robustness-title' },
    h('h2', { id: 'robustness-title' }, t('compare.robustness')));
  if (!r || r.runner_up === null) {
    section.append(h('p', {}, t('compare.single')));
    return section;
  }
  const sentence = t(r.clear_winner ? 'compare.clear' : 'compare.unclear', {
    winner: names.get(r.winner), runner: names.get(r.runner_up), margin: r.margin_points.toFixed(1) });
  section.append(h('p', { class: r.clear_winner ? 'verdict clear' : 'verdict unclear', id: 'verdict' }, sentence));
  const flipsPart = h('div', { class: 'robustness-part' }, h('h3', {}, t('compare.scoreFlips')));
  if (r.score_flips.length === 0) {
    flipsPart.append(h('p', {}, t('compare.noScoreFlips')));
  } else {
    const shown = r.score_flips.slice(0, SCORE_FLIPS_SHOWN);
    flipsPart.append(h('ul', { class: 'score-flips' }, shown.map((f) => h('li', {}, t('compare.scoreFlip', {
      candidate: names.get(f.candidate_id), criterion: labels.get(f.criterion_id),
      from: f.from === 0 ? t('compare.unscored') : f.from, to: f.to, winner: names.get(f.new_winner) })))));
    if (r.score_flips.length > shown.length) {
      flipsPart.append(h('p', { class: 'hint' }, t('compare.more', { n: r.score_flips.length - shown.length })));
    }
  }
  const sharesPart = h('div', { class: 'robustness-part' },
    h('h3', {}, t('compare.shares', { samples: r.samples.toLocaleString() })), sharesChart(r.win_shares, names));
  section.append(flipsPart, sharesPart);
  return section;
}

// The comparison ends in a decision: the candidate to build the offer on.
function decision(analysis, ctx, rerender) {
  const leader = analysis.candidates.find((c) => c.rank === 1) ?? analysis.candidates[0];
  const chosenNow = ctx.candidates.filter((c) => c.status === 'chosen');
  const section = h('section', { class: 'decision no-print', id: 'decision', 'aria-labelledby': 'decision-title' },
    h('h2', { id: 'decision-title' }, t('compare.decide')),
    h('p', { class: 'hint' }, t('compare.decideHint')));
  if (chosenNow.length > 0) {
    section.append(h('p', { id: 'chosen-now' }, t('compare.chosenNow', { names: chosenNow.map((c) => c.name).join(t('plan.listSeparator')) })));
  }
  const pick = field({ label: t('compare.chooseLabel'), path: 'choose', value: String(chosenNow[0]?.id ?? leader?.id ?? ''),
    kind: 'select', options: analysis.candidates.map((c) => [String(c.id), c.name]) });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const choose = async () => {
    const id = Number(pick.querySelector('select').value);
    const candidate = ctx.candidates.find((c) => c.id === id);
    if (!candidate) return;
    try {
      await api.updateCandidate(id, { ...candidate, status: 'chosen' }, candidate.revision);
      notify(t('compare.chosen', { name: candidate.name }));
      await ctx.reload();
      await rerender();
      ctx.refreshGuide();
    } catch (e) {
      error.textContent = e.message ?? String(e);
    }
  };
  section.append(h('div', { class: 'decision-row' }, pick,
    h('button', { type: 'button', class: 'primary', id: 'choose-candidate', onclick: choose }, t('compare.choose'))), error);
  return section;
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
    const inputs = ctx.root().querySelectorAll('.criteria-editor input');
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
  const analysis = await api.compareCandidates(ids, ctx.compareMode);
  const names = new Map(analysis.candidates.map((c) => [c.id, c.name]));
  const labels = new Map(analysis.criteria.map((c) => [c.id, c.label]));
  const status = h('p', { class: 'form-error', role: 'alert' });
  const onWeight = async (criterion, input) => {
    try {
      await api.updateCriterion(criterion.id, { name: ctx.criteria.find((c) => c.id === criterion.id)?.name ?? '',
        weight: wholeNumber(input.value, 0) });
      await ctx.reload();
      await rerender();
      ctx.root().querySelector(`[data-weight-for="${criterion.id}"]`)?.focus();
    } catch (error) {
      input.setAttribute('aria-invalid', 'true');
      status.textContent = error.message;
    }
  };
  replace(main,
    h('div', { class: 'compare-head' },
      h('h1', {}, t('compare.title')),
      h('button', { type: 'button', class: 'no-print', id: 'print-compare', onclick: () => window.print() }, t('compare.print'))),
    h('p', { class: 'no-print' }, t('compare.intro')),
    h('div', { class: 'compare-controls no-print' }, picks(ctx, rerender), modeSwitch(ctx, rerender)),
    status,
    ranking(analysis),
    table(analysis, names, onWeight),
    decision(analysis, ctx, rerender),
    h('div', { class: 'compare-lower' },
      robustnessPanel(analysis, names, labels),
      targetsForm(analysis, rerender)),
    criteriaEditor(ctx, rerender));
}
