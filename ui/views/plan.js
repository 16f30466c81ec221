// The offer's numbers and first test: package economics that update as the
// inputs change, and a pilot of 1–3 clients with its dates and cards.

import { api } from '../api.js';
import { schedule } from '../autosave.js';
import { h, replace } from '../dom.js';
import { field, read, readNumber, showError, clearErrors } from '../forms.js';
import { t, formatDate } from '../i18n.js';

function whole(form, path) {
  return readNumber(form, path, 0);
}

function hours(minutes) {
  return (minutes / 60).toFixed(1);
}

// `usePrice(plain, shown)` puts a price into the offer's price box, if the screen has one.
function economicsSummary(view, usePrice) {
  const e = view.economics;
  if (!e) return h('p', {}, t('plan.unreadable'));
  const line = (label, value, cls) => h('div', { class: cls ?? '' }, h('dt', {}, label), h('dd', {}, value ?? '—'));
  const short = e.short_of_capacity;
  const fix = short && usePrice && e.suggested_price_input && e.suggested_price !== e.mrr_one
    ? h('button', { type: 'button', id: 'use-suggested-price', onclick: () => usePrice(e.suggested_price_input, e.suggested_price_display) },
      t('plan.useSuggested', { price: e.suggested_price_display }))
    : null;
  return h('div', {},
    h('p', { class: `plan-sentence${short ? ' short' : ''}`, id: 'plan-sentence' }, e.sentence),
    short ? h('div', { class: 'finding warning', id: 'capacity-warning' }, h('p', {}, t('plan.shortOfCapacity')), fix) : null,
    e.slots_over_capacity ? h('p', { class: 'finding error' }, t('plan.overCapacity')) : null,
    e.below_floor ? h('p', { class: 'finding warning' }, t('plan.belowFloor')) : null,
    h('dl', { class: 'plan-figures' },
      line(t('plan.hoursPerClient'), t('plan.hoursValue', { hours: hours(e.minutes_per_client) })),
      line(t('plan.capacity'), e.capacity_clients),
      line(t('plan.rate'), e.effective_hourly_rate_display),
      Object.assign(line(t('plan.suggested'), e.suggested_price_display
        ? [e.suggested_price_display, h('span', { class: 'hint figure-note' }, e.suggested_price_note ?? '')]
        : null), { id: 'plan-figures-suggested' }),
      line(t('plan.clientsNeeded'), e.clients_needed),
      line(t('plan.breakEven'), e.break_even_clients),
      line(t('plan.mrrOne'), e.price_display),
      line(t('plan.mrrPilot'), view.mrr_pilot_display),
      line(t('plan.mrrCapacity'), e.mrr_capacity_display)));
}

function pilotDates(view) {
  const s = view.schedule;
  if (!s) return h('p', { class: 'hint' }, t('plan.noDates'));
  return h('p', { id: 'pilot-dates' }, t('plan.dates', {
    start: formatDate(s.start), end: formatDate(s.end), reviews: s.reviews.map(formatDate).join(t('plan.listSeparator')),
  }));
}

// `parts` picks what is shown: the offer screen shows both, the pilot step
// only the pilot. `usePrice` (the offer screen's) takes a suggested price in
// one click. The section's `refresh()` redraws the figures after the offer
// itself changed (its price, its deliverables).
export function planSection(offer, onSaved, parts = ['package', 'pilot'], usePrice = null) {
  const root = h('div', { class: 'plan' }, h('p', { class: 'hint' }, '…'));
  api.offerPlan(offer.id).then((view) => render(root, offer, view, onSaved, parts, usePrice)).catch((error) => showError(root, error));
  root.refresh = async () => {
    const summary = root.querySelector('.plan-summary');
    if (!summary) return;
    try {
      replace(summary, economicsSummary(await api.offerPlan(offer.id), usePrice));
    } catch {
      // The figures stay as they were; the next edit redraws them.
    }
  };
  return root;
}

function render(root, offer, view, onSaved, parts, usePrice) {
  const p = view.package;
  const pilot = view.pilot ?? { clients: 1, price: '', start: '', months: 3, we_believe: '', we_will_test: '',
    we_measure: '', right_if: '', observed: '', learned: '', decision: '' };
  const summary = h('div', { class: 'plan-summary', 'aria-live': 'polite' }, economicsSummary(view, usePrice));
  const dates = h('div', {}, pilotDates(view));

  const packageForm = h('fieldset', { class: 'plan-package' },
    h('legend', {}, t('plan.package')),
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'row' },
      field({ label: t('plan.founderHours'), path: 'founder_hours', value: p.founder_hours, type: 'number', attrs: { min: 1, max: 400 } }),
      field({ label: t('plan.utilization'), path: 'utilization_percent', value: p.utilization_percent, type: 'number', attrs: { min: 1, max: 100 } }),
      field({ label: t('plan.buffer'), path: 'buffer_percent', value: p.buffer_percent, type: 'number', attrs: { min: 0, max: 100 } })),
    h('div', { class: 'row' },
      field({ label: t('plan.meetings'), path: 'meeting_hours', value: p.meeting_hours, attrs: { inputmode: 'decimal' } }),
      field({ label: t('plan.revisions'), path: 'revision_hours', value: p.revision_hours, attrs: { inputmode: 'decimal' } }),
      field({ label: t('plan.slots'), path: 'slots', value: p.slots, type: 'number', attrs: { min: 0, max: 999 } })),
    h('div', { class: 'row' },
      field({ label: t('plan.targetIncome'), path: 'target_income', value: p.target_income, type: 'money', currency: offer.currency }),
      field({ label: t('plan.expenses'), path: 'expenses', value: p.expenses, type: 'money', currency: offer.currency }),
      field({ label: t('plan.margin'), path: 'margin_percent', value: p.margin_percent, type: 'number', attrs: { min: 0, max: 90 } }),
      field({ label: t('plan.floor'), path: 'hourly_floor', value: p.hourly_floor, type: 'money', currency: offer.currency })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', dataset: { field: 'consumer' }, checked: p.consumer }), ' ', t('plan.consumer')),
    summary);

  const pilotForm = h('fieldset', { class: 'plan-pilot' },
    h('legend', {}, t('plan.pilot')),
    h('p', { class: 'hint' }, t('plan.pilotHint')),
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'row' },
      field({ label: t('plan.pilotClients'), path: 'clients', value: pilot.clients, type: 'number', attrs: { min: 1, max: 3 } }),
      field({ label: t('plan.pilotPrice'), path: 'price', value: pilot.price, type: 'money', currency: offer.currency }),
      field({ label: t('plan.start'), path: 'start', value: pilot.start, type: 'date' }),
      field({ label: t('plan.months'), path: 'months', value: pilot.months, type: 'number', attrs: { min: 1, max: 12 } })),
    dates,
    h('h3', {}, t('plan.testCard')),
    field({ label: t('plan.believe'), path: 'we_believe', value: pilot.we_believe }),
    field({ label: t('plan.willTest'), path: 'we_will_test', value: pilot.we_will_test }),
    field({ label: t('plan.measure'), path: 'we_measure', value: pilot.we_measure }),
    field({ label: t('plan.rightIf'), path: 'right_if', value: pilot.right_if }),
    h('h3', {}, t('plan.learningCard')),
    field({ label: t('plan.observed'), path: 'observed', value: pilot.observed }),
    field({ label: t('plan.learned'), path: 'learned', value: pilot.learned }),
    field({ label: t('plan.decision'), path: 'decision', value: pilot.decision, kind: 'select',
      hint: t('plan.decisionHint'),
      options: [['', t('plan.undecided')], ['go', t('plan.go')], ['adjust', t('plan.adjust')], ['stop', t('plan.stop')]] }));

  const savePackage = async () => {
    try {
      const saved = await api.savePackage(offer.id, {
        founder_hours: whole(packageForm, 'founder_hours'),
        utilization_percent: whole(packageForm, 'utilization_percent'),
        buffer_percent: whole(packageForm, 'buffer_percent'),
        meeting_hours: read(packageForm, 'meeting_hours'),
        revision_hours: read(packageForm, 'revision_hours'),
        slots: whole(packageForm, 'slots'),
        target_income: read(packageForm, 'target_income'),
        expenses: read(packageForm, 'expenses'),
        margin_percent: whole(packageForm, 'margin_percent'),
        hourly_floor: read(packageForm, 'hourly_floor'),
        consumer: packageForm.querySelector('[data-field="consumer"]').checked,
      });
      clearErrors(packageForm);
      replace(summary, economicsSummary(saved, usePrice));
      onSaved();
      return true;
    } catch (error) {
      showError(packageForm, error);
      return false;
    }
  };
  const savePilot = async () => {
    const input = {};
    for (const key of ['price', 'start', 'we_believe', 'we_will_test', 'we_measure', 'right_if', 'observed', 'learned', 'decision']) {
      input[key] = read(pilotForm, key);
    }
    input.clients = whole(pilotForm, 'clients');
    input.months = whole(pilotForm, 'months');
    try {
      const saved = await api.savePilot(offer.id, input);
      clearErrors(pilotForm);
      replace(dates, pilotDates(saved));
      replace(summary, economicsSummary(saved, usePrice));
      onSaved();
      return true;
    } catch (error) {
      showError(pilotForm, error);
      return false;
    }
  };
  // These forms sit inside the offer form; their edits must not reach it.
  for (const [form, key, save] of [[packageForm, `package:${offer.id}`, savePackage], [pilotForm, `pilot:${offer.id}`, savePilot]]) {
    for (const type of ['input', 'change', 'focusout']) {
      form.addEventListener(type, (event) => {
        event.stopPropagation();
        schedule(key, save);
      });
    }
  }
  replace(root, parts.includes('package') ? packageForm : null, parts.includes('pilot') ? pilotForm : null);
}
