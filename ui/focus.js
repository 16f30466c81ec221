// Shows the focus check beside the fields it is about: each finding with its
// fix, a count badge, "Ready" when there are no errors, and a way to dismiss a
// warning or tip with a short reason (errors cannot be dismissed).

import { api } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

export function badge(report) {
  if (!report) return h('span', { class: 'focus-badge' });
  if (report.ready) {
    return h('span', { class: 'focus-badge ready' },
      report.warnings > 0 ? t('focus.readyWithWarnings', { warnings: report.warnings }) : `✓ ${t('focus.ready')}`);
  }
  // Only counts that are not zero: 「要修正1件」, not 「要修正1件・確認0件」.
  return h('span', { class: 'focus-badge not-ready' },
    report.warnings > 0 ? t('focus.counts', { errors: report.errors, warnings: report.warnings }) : t('focus.toFix', { errors: report.errors }));
}

function placeFor(form, field) {
  const input = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
  return input?.closest('.field, td')
    ?? form.querySelector(`[data-findings-for="${CSS.escape(field)}"]`)
    ?? form.querySelector('.focus-summary');
}

function dismissForm(finding, subject, id, recheck, li) {
  const reason = h('input', { type: 'text', maxlength: 80, 'aria-label': t('focus.dismissReason'),
    placeholder: t('focus.dismissReason') });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const submit = async () => {
    try {
      await api.dismissFinding(subject, id, finding.code, finding.field, reason.value);
      await recheck();
    } catch (e) {
      error.textContent = e.message ?? String(e);
    }
  };
  reason.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); submit(); }
    if (event.key === 'Escape') { event.preventDefault(); recheck(); }
  });
  const box = h('div', { class: 'dismiss-form' }, reason,
    h('button', { type: 'button', class: 'dismiss-confirm', onclick: submit }, t('focus.dismissConfirm')),
    h('button', { type: 'button', onclick: () => recheck() }, t('focus.cancel')), error);
  li.querySelector('.finding-actions')?.replaceWith(box);
  reason.focus();
}

function findingItem(finding, subject, id, recheck) {
  const li = h('li', { class: `finding ${finding.severity}${finding.dismissed ? ' dismissed' : ''}`,
    dataset: { code: finding.code, field: finding.field } });
  const label = h('span', { class: 'finding-label' }, t(`focus.${finding.severity}`));
  if (finding.dismissed) {
    li.append(label, ' ', h('span', {}, finding.message), ' ',
      h('span', { class: 'dismissed-reason' }, t('focus.dismissed', { reason: finding.dismissed })), ' ',
      h('button', { type: 'button', class: 'link', onclick: async () => {
        await api.undismissFinding(subject, id, finding.code, finding.field);
        await recheck();
      } }, t('focus.restore')));
    return li;
  }
  li.append(label, ' ', h('span', { class: 'finding-message' }, finding.message));
  // The words the user typed that the rule is about, as they typed them.
  if (finding.matched) {
    li.append(' ', h('span', { class: 'finding-matched' }, t('focus.matched', { words: finding.matched })));
  }
  li.append(h('span', { class: 'finding-suggestion' }, finding.suggestion));
  if (finding.severity !== 'error' && id != null) {
    li.append(h('span', { class: 'finding-actions' },
      h('button', { type: 'button', class: 'link dismiss', onclick: () => dismissForm(finding, subject, id, recheck, li) },
        t('focus.dismiss'))));
  }
  return li;
}

// Puts `report`'s findings next to their fields in `form`.
export function showFindings(form, report, { subject, id, recheck }) {
  for (const list of form.querySelectorAll('.findings')) list.remove();
  const summary = form.querySelector('.focus-summary');
  if (summary) replace(summary, badge(report));
  const lists = new Map();
  for (const finding of report.findings) {
    const place = placeFor(form, finding.field);
    if (!place) continue;
    if (!lists.has(place)) {
      const list = h('ul', { class: 'findings', 'aria-live': 'polite' });
      lists.set(place, list);
      place.append(list);
    }
    lists.get(place).append(findingItem(finding, subject, id, recheck));
  }
}

// Runs `check` a moment after the last keystroke, then shows its report.
export function liveCheck(form, check, options) {
  let timer = null;
  const run = async () => {
    clearTimeout(timer);
    try {
      showFindings(form, await check(), { ...options, recheck: run });
    } catch {
      // A check that cannot run (e.g. the database went away) leaves the
      // last findings in place; saving reports the problem itself.
    }
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener('change', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  run();
  return run;
}
