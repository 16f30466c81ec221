// Short notices in the message bar under the screen, one at a time: a new
// one takes the place of the last, so they never pile up. A notice may carry
// one action (Undo, Show in folder). The newest undo also runs on Ctrl+Z
// when the focus is not in a text field.

import { api } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

const SHOW_MS = 5000;
const UNDO_MS = 10000;
let lastUndo = null;
let hideTimer = null;

function show(toast, ms) {
  const bar = document.getElementById('toasts');
  clearTimeout(hideTimer);
  bar.replaceChildren(toast);
  hideTimer = setTimeout(() => toast.remove(), ms);
}

// `action` is optional: `{ label, run }`.
export function notify(message, action = null) {
  const toast = h('div', { class: 'toast', role: 'status' }, h('span', {}, message));
  if (action) {
    toast.append(h('button', { type: 'button', onclick: () => { toast.remove(); action.run(); } }, action.label));
  }
  lastUndo = null;
  show(toast, action ? UNDO_MS : SHOW_MS);
}

// After an export: the file's name (the folder is one click away, so the
// notice stays short) and "Show in folder".
export function notifySaved(key, path) {
  const name = path.split(/[\\/]/).pop();
  notify(t(key, { name }), { label: t('toasts.showInFolder'), run: () => api.showSavedFile().catch((error) => notify(error?.message ?? String(error))) });
}

export function offerUndo(message, undo) {
  const toast = h('div', { class: 'toast', role: 'status' });
  const run = async () => {
    toast.remove();
    if (lastUndo === run) lastUndo = null;
    await undo();
  };
  toast.append(
    h('span', {}, message),
    h('button', { type: 'button', onclick: run }, t('undo.action')),
    h('span', { class: 'hint' }, t('undo.hint')));
  show(toast, UNDO_MS);
  lastUndo = run;
  setTimeout(() => {
    if (lastUndo === run) lastUndo = null;
  }, UNDO_MS);
  // For an offer that stops making sense (its screen was left).
  return {
    dismiss() {
      toast.remove();
      if (lastUndo === run) lastUndo = null;
    },
  };
}

document.addEventListener('keydown', (event) => {
  const typing = event.target.closest('input, textarea, select, [contenteditable]');
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !typing && lastUndo) {
    event.preventDefault();
    lastUndo();
  }
});
