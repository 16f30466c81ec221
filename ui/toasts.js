// Short notices with an Undo button. The newest undo also runs on Ctrl+Z
// when the focus is not in a text field.

import { h } from './dom.js';
import { t } from './i18n.js';

const SHOW_MS = 10000;
let lastUndo = null;

export function notify(message) {
  const toast = h('div', { class: 'toast', role: 'status' }, h('span', {}, message));
  document.getElementById('toasts').append(toast);
  setTimeout(() => toast.remove(), 5000);
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
  document.getElementById('toasts').append(toast);
  lastUndo = run;
  setTimeout(() => {
    toast.remove();
    if (lastUndo === run) lastUndo = null;
  }, SHOW_MS);
}

document.addEventListener('keydown', (event) => {
  const typing = event.target.closest('input, textarea, select, [contenteditable]');
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !typing && lastUndo) {
    event.preventDefault();
    lastUndo();
  }
});
