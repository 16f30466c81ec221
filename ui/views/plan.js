// The offer's numbers and first test: package economics that update as the
// inputs change, and a pilot of 1–3 clients with its dates and cards.

import { api } from '../api.js';
import { schedule } from '../autosave.js';
import { h, replace, svg } from '../dom.js';
import { bars } from '../charts.js';
import { field, read, readNumber, showError, clearErrors } from '../forms.js';
import { t, formatDate, formatMonthDay } from '../i18n.js';

function whole(form, path) {
  return readNumber(form, path, 0);
}

function hours(minutes) {
  return (minutes / 60).toFixed(1);
}

// Capacity against the clients needed, and what 1 client, the pilot and a
// full month bring in against what the month must bring in.
function capacityChart(view) {
  const e = view.economics;
  if (e.capacity_clients == null) return null;
  const people = (n) => t('plan.people', { n });
  const clients = [
    { id: 'capacity', label: t('plan.capacity'), value: e.capacity_clients, shown: people(e.capacity_clients) },
    e.clients_needed != null ? { id: 'needed', label: t('plan.clientsNeeded'), value: e.clients_needed,
      shown: people(e.clients_needed), tone: e.short_of_capacity ? 'short' : '' } : null,
    e.break_even_clients > 0 ? { id: 'break-even', label: t('plan.breakEven'), value: e.break_even_clients,
      shown: people(e.break_even_clients) } : null,
  ].filter(Boolean);
  const revenue = [
    { id: 'one', label: t('plan.mrrOne'), value: e.mrr_one, shown: e.price_display },
    view.mrr_pilot != null ? { id: 'pilot', label: t('plan.mrrPilotOf', { n: view.pilot_clients }), value: view.mrr_pilot,
      shown: view.mrr_pilot_display } : null,
    e.mrr_capacity != null ? { id: 'capacity', label: t('plan.mrrCapacityOf', { n: e.capacity_clients }), value: e.mrr_capacity,
      shown: e.mrr_capacity_display, tone: e.short_of_capacity ? 'short' : '' } : null,
  ].filter(Boolean);
  const marker = e.needed_revenue > 0 ? { value: e.needed_revenue, label: t('plan.neededLine', { amount: e.needed_revenue_display }) } : null;
  return h('figure', { class: 'capacity-chart', id: 'capacity-chart' },
    h('figcaption', {}, t('plan.chartTitle')),
    h('p', { class: 'chart-group' }, t('plan.chartClients')),
    bars(clients, { max: 0, label: t('plan.chartClients'), key: 'clients' }),
    h('p', { class: 'chart-group' }, t('plan.chartRevenue')),
    bars(revenue, { max: 0, label: t('plan.chartRevenue'), key: 'revenue', marker }));
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
    capacityChart(view),
    h('dl', { class: 'plan-figures' },
      line(t('plan.hoursPerClient'), t('plan.hoursValue', { hours: hours(e.minutes_per_client) })),
      line(t('plan.rate'), e.effective_hourly_rate_display),
      Object.assign(line(t('plan.suggested'), e.suggested_price_display
        ? [e.suggested_price_display, h('span', { class: 'hint figure-note' }, e.suggested_price_note ?? '')]
        : null), { id: 'plan-figures-suggested' }),
      // With no hours to deliver there is no chart; the counts are said here instead.
      e.capacity_clients == null ? line(t('plan.clientsNeeded'), e.clients_needed) : null));
}

// The pilot's dates in order: its start, then each monthly review, the last
// of which ends it. Marks are evenly spaced (the reviews are a month apart);
// each one's name and date are HTML text under it, so they wrap, never cut.
function pilotTimeline(s) {
  const marks = [
    { kind: 'start', name: t('plan.timelineStart'), date: s.start },
    ...s.reviews.map((date, i) => ({
      kind: i === s.reviews.length - 1 ? 'end' : 'review',
      name: i === s.reviews.length - 1 ? t('plan.timelineEnd') : t('plan.timelineReview', { n: i + 1 }),
      date,
    })),
  ];
  const x = (i) => `${((i + 0.5) * 100) / marks.length}%`;
  return h('figure', { class: 'pilot-timeline', id: 'pilot-timeline' },
    h('figcaption', { class: 'visually-hidden' }, t('plan.timelineTitle')),
    svg('svg', { class: 'timeline-line', width: '100%', height: 16, 'aria-hidden': 'true' },
      svg('line', { x1: x(0), x2: x(marks.length - 1), y1: 8, y2: 8 }),
      marks.map((m, i) => svg('circle', { cx: x(i), cy: 8, r: m.kind === 'review' ? 4 : 6, class: m.kind }))),
    h('ol', { class: 'timeline-marks' }, marks.map((m) => h('li', { class: m.kind, dataset: { date: m.date } },
      h('span', { class: 'timeline-name' }, m.name), h('span', { class: 'timeline-date' }, formatMonthDay(m.date))))));
}

function pilotDates(view) {
  const s = view.schedule;
  if (!s) return h('p', { class: 'hint' }, t('plan.noDates'));
  return [
    h('p', { id: 'pilot-dates' }, t('plan.dates', {
      start: formatDate(s.start), end: formatDate(s.end), reviews: s.reviews.map(formatDate).join(t('plan.listSeparator')),
    })),
    pilotTimeline(s),
  ];
}

// `parts` picks what is shown: the offer screen shows the package, the pilot
// step the pilot. `usePrice` (the offer screen's) takes a suggested price in
// one click; `lead` are the offer's own fields shown first among the
// package's (its price). The section's `refresh()` redraws the figures after the offer
// itself changed (its price, its deliverables).
export function planSection(offer, onSaved, parts = ['package', 'pilot'], usePrice = null, lead = null) {
  // The offer's own fields are in the page from the start, so the offer never
  // saves without them while the plan is still loading.
  const root = h('div', { class: 'plan' }, lead, h('p', { class: 'hint' }, '…'));
  api.offerPlan(offer.id).then((view) => render(root, offer, view, onSaved, parts, usePrice, lead)).catch((error) => showError(root, error));
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

function render(root, offer, view, onSaved, parts, usePrice, lead) {
  const p = view.package;
  const pilot = view.pilot ?? { clients: 1, price: '', start: '', months: 3, we_believe: '', we_will_test: '',
    we_measure: '', right_if: '', observed: '', learned: '', decision: '' };
  const summary = h('div', { class: 'plan-summary', 'aria-live': 'polite' }, economicsSummary(view, usePrice));
  const dates = h('div', {}, pilotDates(view));

  // The three things that decide the month come first (the offer's price,
  // passed in as `lead`, then hours and target); the rest is folded.
  const packageForm = h('fieldset', { class: 'plan-package' },
    h('legend', {}, t('plan.package')),
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'row first-things' },
      lead,
      field({ label: t('plan.founderHours'), path: 'founder_hours', value: p.founder_hours, type: 'number', attrs: { min: 1, max: 400 } }),
      field({ label: t('plan.targetIncome'), path: 'target_income', value: p.target_income, type: 'money', currency: offer.currency,
        hint: t('plan.targetShared') })),
    summary,
    h('details', { class: 'plan-more', id: 'plan-more' },
      h('summary', {}, t('plan.more')),
      h('div', { class: 'row' },
        field({ label: t('plan.utilization'), path: 'utilization_percent', value: p.utilization_percent, type: 'number', attrs: { min: 1, max: 100 } }),
        field({ label: t('plan.buffer'), path: 'buffer_percent', value: p.buffer_percent, type: 'number', attrs: { min: 0, max: 100 } }),
        field({ label: t('plan.slots'), path: 'slots', value: p.slots, type: 'number', attrs: { min: 0, max: 999 } })),
      h('div', { class: 'row' },
        field({ label: t('plan.meetings'), path: 'meeting_hours', value: p.meeting_hours, attrs: { inputmode: 'decimal' } }),
        field({ label: t('plan.revisions'), path: 'revision_hours', value: p.revision_hours, attrs: { inputmode: 'decimal' } })),
      h('div', { class: 'row' },
        field({ label: t('plan.expenses'), path: 'expenses', value: p.expenses, type: 'money', currency: offer.currency }),
        field({ label: t('plan.margin'), path: 'margin_percent', value: p.margin_percent, type: 'number', attrs: { min: 0, max: 90 } }),
        field({ label: t('plan.floor'), path: 'hourly_floor', value: p.hourly_floor, type: 'money', currency: offer.currency })),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', dataset: { field: 'consumer' }, checked: p.consumer }), ' ', t('plan.consumer'))));

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
  // These forms sit inside the offer form; their edits must not reach it,
  // except the offer's own fields shown among them (`lead`).
  const leadNodes = [lead].flat().filter(Boolean);
  for (const [form, key, save] of [[packageForm, `package:${offer.id}`, savePackage], [pilotForm, `pilot:${offer.id}`, savePilot]]) {
    for (const type of ['input', 'change', 'focusout']) {
      form.addEventListener(type, (event) => {
        if (leadNodes.some((node) => node.contains(event.target))) return;
        event.stopPropagation();
        schedule(key, save);
      });
    }
  }
  replace(root, parts.includes('package') ? packageForm : null, parts.includes('pilot') ? pilotForm : null);
}
