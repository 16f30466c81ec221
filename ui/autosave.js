// Saves edits as the user types: each form schedules its save a moment after
// the last keystroke; leaving a field, switching screens or closing the window
// saves at once. The status line says whether everything is saved.

import { t } from './i18n.js';

const DELAY_MS = 400;
const pending = new Map();
// The save under way per key: a new save waits for it, so saves of one
// record reach Rust in order, each from the revision the last one returned.
const underway = new Map();
let statusEl = null;
// Keys whose last save failed, with why: 'failed' or 'conflict'.
const failed = new Map();

export function attachStatus(el) {
  statusEl = el;
  show('saved');
}

function show(state) {
  if (!statusEl) return;
  statusEl.dataset.state = state === 'conflict' ? 'failed' : state;
  statusEl.textContent = t(`status.${state}`);
  statusEl.title = statusEl.textContent;
}

// Schedules `save` under `key`; a newer save for the same key replaces it.
export function schedule(key, save) {
  const entry = pending.get(key);
  if (entry) clearTimeout(entry.timer);
  const timer = setTimeout(() => run(key), DELAY_MS);
  pending.set(key, { save, timer });
  show('pending');
}

async function run(key) {
  const entry = pending.get(key);
  if (!entry) return;
  pending.delete(key);
  clearTimeout(entry.timer);
  show('saving');
  const previous = underway.get(key) ?? Promise.resolve(true);
  const current = previous.then(() => entry.save());
  underway.set(key, current);
  const result = await current;
  if (underway.get(key) === current) underway.delete(key);
  // A save returns true, false (a field to fix) or 'conflict' (changed elsewhere).
  if (result === true) failed.delete(key);
  else failed.set(key, result === 'conflict' ? 'conflict' : 'failed');
  if (pending.size === 0) showOutcome();
}

function showOutcome() {
  if (failed.size === 0) show('saved');
  else show([...failed.values()].includes('failed') ? 'failed' : 'conflict');
}

// Runs every scheduled save now.
export async function flushAll() {
  await Promise.all([...pending.keys()].map(run));
}

// Forgets a failed save whose form is gone (its record was deleted or the
// user moved on after being told); the stored data was never changed.
export function forget(key) {
  failed.delete(key);
  if (pending.size === 0) showOutcome();
}
