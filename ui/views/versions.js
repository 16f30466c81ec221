// Versions of an offer: kept on export and print, and on demand with a
// label; any two compared side by side with the changed fields marked; any
// one restored as the current draft (the draft it replaces is kept too).

import { api } from '../api.js';
import { flushAll } from '../autosave.js';
import { h, replace } from '../dom.js';
import { showError } from '../forms.js';
import { t, formatDateTime } from '../i18n.js';
import { notify } from '../toasts.js';

// The label each compared field has on the offer screen.
const FIELD_LABELS = {
  candidate_id: 'offers.candidate',
  title: 'offers.titleField',
  promise: 'offers.promise',
  deliverables: 'offers.deliverables',
  out_of_scope: 'offers.outOfScope',
  price: 'offers.price',
  minimum_term_months: 'offers.term',
  success_metric: 'offers.successMetric',
  contact: 'offers.contact',
  'package.founder_hours': 'plan.founderHours',
  'package.utilization_percent': 'plan.utilization',
  'package.buffer_percent': 'plan.buffer',
  'package.meeting_hours': 'plan.meetings',
  'package.revision_hours': 'plan.revisions',
  'package.slots': 'plan.slots',
  'package.target_income': 'plan.targetIncome',
  'package.expenses': 'plan.expenses',
  'package.margin_percent': 'plan.margin',
  'package.hourly_floor': 'plan.floor',
  'package.consumer': 'versions.consumer',
  'pilot.clients': 'plan.pilotClients',
  'pilot.price': 'plan.pilotPrice',
  'pilot.start': 'plan.start',
  'pilot.months': 'plan.months',
  'pilot.we_believe': 'plan.believe',
  'pilot.we_will_test': 'plan.willTest',
  'pilot.we_measure': 'plan.measure',
  'pilot.right_if': 'plan.rightIf',
  'pilot.observed': 'plan.observed',
  'pilot.learned': 'plan.learned',
  'pilot.decision': 'plan.decision',
};

function versionName(v) {
  const reason = t(`versions.reasons.${v.reason}`);
  return v.label ? t('versions.named', { label: v.label, reason }) : reason;
}

function optionText(v) {
  return `${formatDateTime(v.created_at)} — ${versionName(v)}`;
}

function comparisonTable(rows, beforeName, afterName, onlyChanged) {
  const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;
  if (shown.length === 0) return h('p', { class: 'hint', id: 'versions-same' }, t('versions.noChanges'));
  return h('table', { class: 'version-diff', id: 'version-diff' },
    h('thead', {}, h('tr', {}, h('th', {}, t('versions.field')), h('th', {}, beforeName), h('th', {}, afterName))),
    h('tbody', {}, shown.map((r) => h('tr', { class: r.changed ? 'changed' : '', dataset: { row: r.field } },
      h('th', { scope: 'row' }, t(FIELD_LABELS[r.field] ?? r.field),
        r.changed ? h('span', { class: 'changed-mark' }, ` ${t('versions.changedMark')}`) : ''),
      h('td', {}, r.before || '—'),
      h('td', {}, r.after || '—')))));
}

export function versionsSection(offer, ctx) {
  const root = h('fieldset', { class: 'versions', id: 'versions' },
    h('legend', {}, t('versions.title')), h('p', { class: 'hint' }, '…'));
  const render = async () => {
    let versions;
    try {
      versions = await api.listVersions(offer.id);
    } catch (error) {
      replace(root, h('legend', {}, t('versions.title')), h('p', { class: 'form-error' }, error.message ?? String(error)));
      return;
    }
    const error = h('p', { class: 'form-error', role: 'alert' });
    const label = h('input', { type: 'text', id: 'version-label', dataset: { field: 'label' }, maxlength: 80,
      'aria-describedby': 'version-label-error', placeholder: t('versions.labelPlaceholder') });
    const keep = async () => {
      try {
        // An edit typed a moment ago belongs in the version.
        await flushAll();
        await api.takeVersion(offer.id, label.value);
        notify(t('versions.kept'));
        await render();
      } catch (e) {
        showError(root, e);
      }
    };
    label.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); keep(); }
    });
    const keepRow = h('div', { class: 'version-keep' },
      h('label', { for: 'version-label' }, t('versions.label')),
      label,
      h('button', { type: 'button', id: 'keep-version', onclick: keep }, t('versions.keep')),
      h('p', { class: 'field-error', id: 'version-label-error' }));
    if (versions.length === 0) {
      replace(root, h('legend', {}, t('versions.title')), h('p', { class: 'hint' }, t('versions.empty')), keepRow, error);
      return;
    }

    const list = h('ul', { class: 'version-list', id: 'version-list' }, versions.map((v) => {
      const cancel = () => { confirmBox.hidden = true; restoreButton.focus(); };
      const confirmBox = h('span', { class: 'confirm', hidden: true,
        onkeydown: (event) => { if (event.key === 'Escape') { event.preventDefault(); cancel(); } } },
        h('span', {}, t('versions.confirmRestore')),
        h('button', { type: 'button', class: 'danger confirm-restore', onclick: async () => {
          try {
            await flushAll();
            await api.restoreVersion(v.id);
            notify(t('versions.restored', { name: versionName(v) }));
            await ctx.reload();
            await ctx.show('offers', { offer: offer.id });
          } catch (e) {
            error.textContent = e.message ?? String(e);
          }
        } }, t('versions.restore')),
        h('button', { type: 'button', class: 'cancel-restore', onclick: cancel }, t('versions.cancel')));
      const restoreButton = h('button', { type: 'button', class: 'link restore', onclick: () => {
        confirmBox.hidden = false;
        confirmBox.querySelector('.confirm-restore').focus();
      } }, t('versions.restoreAsDraft'));
      const name = h('span', { class: 'name' }, versionName(v));
      const renameButton = h('button', { type: 'button', class: 'link rename-version' }, t('versions.rename'));
      // Renaming in place: Enter or leaving the field keeps it, Escape does not.
      const rename = () => {
        const input = h('input', { type: 'text', class: 'rename', value: v.label, maxlength: 80,
          'aria-label': t('versions.label'), placeholder: t('versions.labelPlaceholder') });
        let done = false;
        const finish = async (keep) => {
          if (done) return;
          done = true;
          if (keep && input.value !== v.label) {
            try {
              Object.assign(v, await api.labelVersion(v.id, input.value));
            } catch (e) {
              error.textContent = e.message ?? String(e);
            }
          }
          name.textContent = versionName(v);
          input.replaceWith(name);
          renameButton.focus();
        };
        input.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') { event.preventDefault(); finish(true); }
          if (event.key === 'Escape') { event.preventDefault(); finish(false); }
        });
        input.addEventListener('blur', () => finish(true));
        name.replaceWith(input);
        input.focus();
      };
      renameButton.addEventListener('click', rename);
      return h('li', { dataset: { version: v.id, reason: v.reason } },
        h('span', { class: 'when' }, formatDateTime(v.created_at)), ' ',
        name, ' ',
        renameButton, ' ',
        restoreButton,
        confirmBox);
    }));

    // "Current draft" is the empty value: the offer as it stands.
    const sides = [['', t('versions.current')], ...versions.map((v) => [String(v.id), optionText(v)])];
    const pick = (id, value, text) => h('label', {}, text, ' ',
      h('select', { id, dataset: { field: id } }, sides.map(([v, s]) => h('option', { value: v, selected: v === value }, s))));
    const before = pick('compare-before', String(versions[0].id), t('versions.compare'));
    const after = pick('compare-after', '', t('versions.with'));
    const onlyChanged = h('input', { type: 'checkbox', id: 'only-changed', checked: true });
    const table = h('div', { class: 'version-compare', 'aria-live': 'polite' });
    const compare = async () => {
      const b = before.querySelector('select');
      const a = after.querySelector('select');
      const id = (select) => (select.value === '' ? null : Number(select.value));
      try {
        const rows = await api.compareVersions(offer.id, id(b), id(a));
        replace(table, comparisonTable(rows, b.selectedOptions[0].textContent, a.selectedOptions[0].textContent, onlyChanged.checked));
      } catch (e) {
        replace(table, h('p', { class: 'form-error' }, e.message ?? String(e)));
      }
    };
    for (const control of [before, after, onlyChanged]) control.addEventListener('change', compare);
    replace(root, h('legend', {}, t('versions.title')), h('p', { class: 'hint' }, t('versions.hint')),
      keepRow, list, error,
      h('div', { class: 'version-pickers' }, before, after,
        h('label', { class: 'check' }, onlyChanged, ' ', t('versions.onlyChanged'))),
      table);
    await compare();
  };
  // This section sits inside the offer form; its controls are not offer edits.
  for (const type of ['input', 'change', 'focusout']) root.addEventListener(type, (event) => event.stopPropagation());
  render();
  return root;
}
