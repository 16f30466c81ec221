// The offer: a monthly package drafted from a candidate, edited in place and
// saved as the user types.

import { api } from '../api.js';
import { schedule, forget } from '../autosave.js';
import { h, replace } from '../dom.js';
import { currencyOptions, field, groupedAmount, read, readNumber, wholeNumber, wholeNumberAttrs, showSaveError, clearErrors } from '../forms.js';
import { t, formatDateTime } from '../i18n.js';
import { badge, liveCheck } from '../focus.js';
import { offerUndo } from '../toasts.js';
import { planSection } from './plan.js';
import { tabs } from '../tabs.js';
import { versionsSection } from './versions.js';

function listItem(offer, ctx) {
  return h('li', {},
    h('button', {
      type: 'button', class: 'list-item', dataset: { offer: offer.id },
      'aria-current': offer.id === ctx.selectedOffer ? 'true' : 'false',
      onclick: () => ctx.show('offers', { offer: offer.id }),
    },
    h('span', { class: 'name' }, offer.title),
    h('span', { class: 'meta' }, offer.price_minor > 0 ? t('offers.perMonth', { price: offer.price_display }) : '', ' ',
      badge(ctx.overview.offers[offer.id]))));
}

function deliverableRow(d, onRemove) {
  const cell = (path, value, attrs = {}, label) => h('td', attrs.class === 'num' ? { class: 'num' } : {},
    h('input', { type: 'text', value, 'aria-label': label, dataset: { part: path }, ...attrs.input }),
    h('p', { class: 'field-error' }));
  const row = h('tr', { class: 'deliverable' },
    cell('name', d.name, {}, t('offers.deliverable')),
    cell('quantity_per_month', d.quantity_per_month || '', { class: 'num', input: wholeNumberAttrs() }, t('offers.quantity')),
    cell('turnaround_days', d.turnaround_days || '', { class: 'num', input: wholeNumberAttrs() }, t('offers.turnaround')),
    cell('hours_each', d.hours_each, { class: 'num', input: { inputmode: 'decimal' } }, t('offers.hours')),
    h('td', {}, h('button', { type: 'button', class: 'icon danger', onclick: () => onRemove(row) }, '×')));
  return row;
}

// Gives each filled deliverable row the field paths of its place in the
// payload (blank rows are not sent), so errors find their input.
function numberRows(table) {
  let index = 0;
  const rows = [];
  for (const row of table.querySelectorAll('tr.deliverable')) {
    const inputs = [...row.querySelectorAll('input')];
    const blank = inputs.every((i) => i.value.trim() === '');
    inputs.forEach((input) => {
      input.dataset.field = blank ? '' : `deliverables[${index}].${input.dataset.part}`;
      input.id = input.id || `d-${Math.random().toString(36).slice(2)}`;
      input.nextElementSibling.id = `${input.id}-error`;
      input.setAttribute('aria-describedby', `${input.id}-error`);
    });
    const removeButton = row.querySelector('button');
    removeButton.setAttribute('aria-label', t('offers.removeDeliverable', { n: rows.length + 1 }));
    if (!blank) {
      rows.push(row);
      index += 1;
    }
  }
  return rows;
}

function scopeItem(text, onRemove) {
  const f = field({ label: '', path: '', value: text });
  f.querySelector('label').className = 'visually-hidden';
  const item = h('li', {}, f, h('button', { type: 'button', class: 'icon danger', onclick: () => onRemove(item) }, '×'));
  return item;
}

function numberScope(list) {
  [...list.querySelectorAll('li')].forEach((li, i) => {
    li.querySelector('input').dataset.field = `out_of_scope[${i}]`;
    li.querySelector('label').textContent = `${t('offers.outOfScope')} ${i + 1}`;
    li.querySelector('button').setAttribute('aria-label', t('offers.removeItem', { n: i + 1 }));
  });
}

function collect(form, table, scope) {
  const deliverables = numberRows(table).map((row) => {
    const part = (name) => row.querySelector(`[data-part="${name}"]`).value;
    const whole = (name) => wholeNumber(part(name), 0);
    return { name: part('name'), quantity_per_month: whole('quantity_per_month'),
      turnaround_days: whole('turnaround_days'), hours_each: part('hours_each') };
  });
  numberScope(scope);
  const candidate = read(form, 'candidate_id');
  return {
    candidate_id: candidate === '' ? null : Number(candidate),
    title: read(form, 'title'),
    promise: read(form, 'promise'),
    deliverables,
    out_of_scope: [...scope.querySelectorAll('input')].map((i) => i.value),
    price: read(form, 'price'),
    currency: read(form, 'currency'),
    minimum_term_months: readNumber(form, 'minimum_term_months') ?? 0,
    success_metric: read(form, 'success_metric'),
    contact: read(form, 'contact'),
  };
}

function editor(offer, ctx) {
  // The focus check of this offer; the plan section re-runs it after saving,
  // since slots and pilot size are checked against the stored plan.
  let recheck = () => {};
  const form = h('form', { class: 'editor', onsubmit: (e) => e.preventDefault() });
  const key = `offer:${offer.id}`;
  const heading = h('h1', {}, offer.title);
  const stamp = h('span', {}, t('candidates.updated', { when: formatDateTime(offer.updated_at) }));
  const priceShown = h('p', { class: 'hint', id: 'price-display' }, offer.price_minor > 0 ? offer.price_display : '');
  const priceField = field({ label: t('offers.price'), path: 'price', value: offer.price, type: 'money', currency: offer.currency });
  // "Use the suggested price": into the price box, grouped as if typed, and saved like any edit.
  // The toast's Undo puts the price the user had back.
  const usePrice = (plain, shown) => {
    const box = priceField.querySelector('input');
    const put = (value) => {
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const before = box.value;
    put(groupedAmount(plain));
    box.focus();
    offerUndo(t('plan.usedSuggested', { price: shown }), () => put(before));
  };
  const currencyField = field({ label: t('offers.currency'), path: 'currency', value: offer.currency, kind: 'select',
    options: currencyOptions() });
  const priceLead = h('div', { class: 'price-lead' }, h('div', { class: 'row' }, priceField, currencyField), priceShown);
  const plan = planSection(offer, () => { recheck(); ctx.refreshGuide(); }, ['package'], usePrice, priceLead);
  const table = h('table', { class: 'deliverables' },
    h('thead', {}, h('tr', {},
      h('th', {}, t('offers.deliverable')), h('th', {}, t('offers.quantity')), h('th', {}, t('offers.turnaround')),
      h('th', {}, t('offers.hours')), h('th', {}))),
    h('tbody', {}));
  const scope = h('ul', { class: 'scope-list' });

  let revision = offer.revision;
  const save = async () => {
    try {
      const saved = await api.updateOffer(offer.id, collect(form, table, scope), revision);
      revision = saved.revision;
      clearErrors(form);
      ctx.keepSaved('offers', saved);
      ctx.setOverview(await api.focusOverview());
      const item = ctx.root().querySelector(`[data-offer="${saved.id}"]`);
      if (item) item.parentElement.replaceWith(listItem(saved, ctx));
      heading.textContent = saved.title;
      priceShown.textContent = saved.price_minor > 0 ? saved.price_display : '';
      stamp.textContent = t('candidates.updated', { when: formatDateTime(saved.updated_at) });
      ctx.refreshGuide();
      plan.refresh?.();
      return true;
    } catch (error) {
      return showSaveError(form, error, async () => {
        forget(key);
        await ctx.reload();
        await ctx.show('offers', { offer: offer.id });
      });
    }
  };
  const changed = () => schedule(key, save);
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('focusout', changed);

  const removeRow = (row) => { row.remove(); changed(); };
  for (const d of offer.deliverables) table.tBodies[0].append(deliverableRow(d, removeRow));
  const addDeliverable = () => {
    const row = deliverableRow({ name: '', quantity_per_month: '', turnaround_days: '', hours_each: '' }, removeRow);
    table.tBodies[0].append(row);
    numberRows(table);
    row.querySelector('input').focus();
  };
  const removeScope = (item) => { item.remove(); numberScope(scope); changed(); };
  for (const text of offer.out_of_scope) scope.append(scopeItem(text, removeScope));
  const addScope = () => {
    const item = scopeItem('', removeScope);
    scope.append(item);
    numberScope(scope);
    item.querySelector('input').focus();
  };
  numberRows(table);
  numberScope(scope);

  const remove = () => ctx.deleteWithUndo({
    view: 'offers', option: 'offer', id: offer.id,
    remove: async (id) => { await api.deleteOffer(id); forget(key); },
    restore: api.restoreOffer,
    message: t('offers.deleted', { title: offer.title }),
  });

  const candidateOptions = [['', t('offers.none')], ...ctx.candidates.map((c) => [String(c.id), c.name])];
  const contents = [
    field({ label: t('offers.candidate'), path: 'candidate_id', value: offer.candidate_id ?? '', kind: 'select', options: candidateOptions }),
    field({ label: t('offers.titleField'), path: 'title', value: offer.title, attrs: { required: true } }),
    field({ label: t('offers.promise'), path: 'promise', value: offer.promise, hint: t('offers.promiseHint') }),
    h('fieldset', { dataset: { findingsFor: 'deliverables' } },
      h('legend', {}, t('offers.deliverables')),
      table,
      h('button', { type: 'button', id: 'add-deliverable', onclick: addDeliverable }, `＋ ${t('offers.addDeliverable')}`),
      h('p', {})),
    h('fieldset', { dataset: { findingsFor: 'out_of_scope' } },
      h('legend', {}, t('offers.outOfScope')),
      h('p', { class: 'hint' }, t('offers.outOfScopeHint')),
      scope,
      h('button', { type: 'button', onclick: addScope }, `＋ ${t('offers.addOutOfScope')}`),
      h('p', {})),
    h('div', { class: 'row' },
      field({ label: t('offers.successMetric'), path: 'success_metric', value: offer.success_metric }),
      field({ label: t('offers.term'), path: 'minimum_term_months', value: offer.minimum_term_months, type: 'number',
        attrs: { min: 1, max: 36, step: 1 } })),
    field({ label: t('offers.contact'), path: 'contact', value: offer.contact, hint: t('offers.contactHint') }),
  ];
  // The offer in three parts, one at a time; the pilot has its own step.
  const parts = tabs([
    { key: 'contents', label: t('offers.partContents'), content: contents },
    { key: 'economics', label: t('offers.partEconomics'), content: plan },
    { key: 'versions', label: t('offers.partVersions'), content: versionsSection(offer, ctx) },
  ], { selected: ctx.offerTab, onSelect: (key) => ctx.setOfferTab(key), idPrefix: 'offer', label: t('offers.parts') });
  form.append(
    heading,
    h('div', { class: 'focus-summary', role: 'status' }),
    h('p', { class: 'timestamps' }, t('candidates.created', { when: formatDateTime(offer.created_at) }), ' · ', stamp),
    h('p', { class: 'form-error', role: 'alert' }),
    parts.bar,
    ...parts.panels,
    h('div', { class: 'editor-actions' },
      h('button', { type: 'button', class: 'primary', id: 'open-onepager',
        onclick: () => ctx.show('onepager', { offer: offer.id }) }, t('offers.openOnepager')),
      h('button', { type: 'button', id: 'open-pilot',
        onclick: () => ctx.show('pilot', { offer: offer.id }) }, t('offers.openPilot')),
      h('button', { type: 'button', class: 'danger', id: 'delete-offer', onclick: remove }, t('offers.delete'))));
  recheck = liveCheck(form, () => api.checkOffer(offer.id, collect(form, table, scope)), { subject: 'offer', id: offer.id });
  return form;
}

// "New offer": which candidate to draft it from, chosen in a short list that
// opens under the button (chosen candidates first, then by total).
function draftPanel(ctx) {
  if (ctx.candidates.length === 0) {
    return h('p', {}, t('offers.noCandidates'));
  }
  const notChosen = (c) => (c.status === 'chosen' ? 0 : 1);
  const total = (c) => ctx.totals.get(c.id) ?? 0;
  const ordered = [...ctx.candidates].sort((a, b) => notChosen(a) - notChosen(b) || total(b) - total(a));
  const draft = async (id) => {
    const offer = await api.draftOffer(id);
    await ctx.reload();
    await ctx.show('offers', { offer: offer.id, tab: 'contents' });
  };
  const chooser = h('div', { class: 'draft-chooser', id: 'draft-chooser', hidden: true, role: 'group', 'aria-labelledby': 'draft-chooser-title' },
    h('p', { id: 'draft-chooser-title', class: 'hint' }, t('offers.draftFrom')),
    h('ul', {}, ordered.map((c) => h('li', {},
      h('button', { type: 'button', class: 'list-item', dataset: { draftFrom: c.id }, onclick: () => draft(c.id) },
        h('span', { class: 'name' }, c.name),
        h('span', { class: 'meta' }, t(`statuses.${c.status}`)))))));
  const toggle = h('button', { type: 'button', class: 'primary', id: 'new-offer', 'aria-expanded': 'false',
    'aria-controls': 'draft-chooser', 'aria-keyshortcuts': 'Control+N', dataset: { shortcut: 'new' },
    onclick: () => {
      chooser.hidden = !chooser.hidden;
      toggle.setAttribute('aria-expanded', String(!chooser.hidden));
      if (!chooser.hidden) chooser.querySelector('button')?.focus();
    } }, `＋ ${t('offers.draft')}`);
  chooser.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    chooser.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  });
  return h('div', { class: 'draft-panel' }, toggle, chooser);
}

export async function renderOffers(main, ctx) {
  const selected = ctx.offers.find((o) => o.id === ctx.selectedOffer) ?? ctx.offers[0] ?? null;
  ctx.select('offer', selected?.id);
  const list = h('aside', { class: 'list-pane', 'aria-label': t('offers.listLabel') },
    draftPanel(ctx),
    h('ul', {}, ctx.offers.map((o) => listItem(o, ctx))));
  const body = selected
    ? editor(selected, ctx)
    : h('section', { class: 'empty' }, h('h2', {}, t('offers.emptyTitle')), h('p', {}, t('offers.empty')));
  replace(main, h('div', { class: 'split' }, list, body));
}
