// Undo for edits, as for deletes: the last change of a field in an editor
// can be taken back from the message bar (or Ctrl+Z outside a text field).
// A change is what the field held when the user came to it against what it
// holds when the browser commits it (`change`: on leaving a text box, at once
// for a select, a check box or a row of choice buttons). Listening in the
// capture phase hears the fields of nested forms (the plan's) too.

import { offerUndo } from './toasts.js';
import { t } from './i18n.js';

const EDITABLE = 'form.editor [data-field], .plan [data-field]';
const before = new WeakMap();
let undoing = false;
let offered = null;

// Leaving a screen leaves its fields: their undo goes with them.
export function forgetEdits() {
  offered?.dismiss();
  offered = null;
}

const valueOf = (el) => (el.type === 'checkbox' ? el.checked : el.value);
// 300,000 and 300000 are one amount: grouping alone is not a change.
const same = (a, b) => (typeof a === 'boolean' ? a === b : String(a).replace(/[,，\s]/g, '') === String(b).replace(/[,，\s]/g, ''));

function labelOf(el) {
  const named = el.getAttribute('aria-label');
  if (named) return named;
  const field = el.closest('.field');
  const label = field?.querySelector('label, [id$="-label"]');
  return label?.textContent.trim() || t('edits.aField');
}

// What each field held when the user came to it (a choice button's field
// is its hidden input, remembered when one of its buttons takes the focus).
document.addEventListener('focusin', (event) => {
  const place = event.target.closest?.('.field, td, li') ?? event.target;
  for (const el of [event.target, ...place.querySelectorAll('[data-field]')]) {
    if (el.matches?.(EDITABLE) && !before.has(el)) before.set(el, valueOf(el));
  }
}, true);

document.addEventListener('change', (event) => {
  const el = event.target;
  if (undoing || !el.matches?.(EDITABLE) || !before.has(el)) return;
  const old = before.get(el);
  const now = valueOf(el);
  if (same(old, now)) return;
  before.set(el, now);
  offered = offerUndo(t('edits.changed', { field: labelOf(el) }), () => {
    // The editor may have been redrawn since (another record opened): then
    // there is nothing left to put the value back into.
    if (!el.isConnected) return;
    undoing = true;
    try {
      if (el.type === 'checkbox') el.checked = old;
      else el.value = old;
      before.set(el, old);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } finally {
      undoing = false;
    }
    if (el.type !== 'hidden') el.focus();
  });
}, true);
