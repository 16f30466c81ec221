// Your data: export and import JSON files (through the system's dialogs; the
// files are read and written by Rust), and the automatic backups with
// "Back up now" and "Restore". The backup list also serves the screen shown
// when the data file cannot be opened.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { field } from '../forms.js';
import { t, formatDateTime } from '../i18n.js';
import { notify, notifySaved } from '../toasts.js';


function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function problem(area, error) {
  replace(area, h('p', { class: 'form-error', role: 'alert' }, error.message ?? String(error)));
}

// One row per backup; Restore asks once more in place before replacing the data.
export function backupList(backups, onRestored) {
  if (backups.length === 0) return h('p', { class: 'hint', id: 'no-backups' }, t('data.noBackups'));
  return h('ul', { class: 'backup-list', id: 'backup-list' }, backups.map((b) => {
    const status = h('span', { class: 'backup-status' });
    const row = h('li', { dataset: { backup: b.file_name } },
      h('span', { class: 'backup-when' }, formatDateTime(b.taken_at)),
      h('span', { class: 'backup-reason' }, t(`data.reason.${b.reason}`)),
      h('span', { class: 'hint' }, size(b.bytes)),
      status);
    const ask = h('button', { type: 'button', class: 'restore', onclick: () => {
      replace(status, h('span', {}, t('data.restoreConfirm')),
        h('button', { type: 'button', class: 'danger confirm-restore', onclick: async () => {
          try {
            await api.restoreBackup(b.file_name);
            await onRestored(b);
          } catch (error) {
            problem(status, error);
          }
        } }, t('data.restoreYes')),
        h('button', { type: 'button', onclick: () => replace(status) }, t('data.cancel')));
    } }, t('data.restore'));
    row.append(ask);
    return row;
  }));
}

export async function renderData(main, ctx) {
  const messages = h('div', { id: 'data-messages' });
  const offerPick = field({ label: t('data.oneOffer'), path: 'export-offer', kind: 'select',
    value: ctx.selectedOffer ?? ctx.offers[0]?.id ?? '', options: ctx.offers.map((o) => [String(o.id), o.title]) });
  const candidatePick = field({ label: t('data.oneCandidate'), path: 'export-candidate', kind: 'select',
    value: ctx.selectedCandidate ?? ctx.candidates[0]?.id ?? '', options: ctx.candidates.map((c) => [String(c.id), c.name]) });
  const exporting = async (scope) => {
    try {
      const path = await api.exportData(scope);
      if (path) notifySaved('data.exported', path);
    } catch (error) {
      problem(messages, error);
    }
  };
  const backups = h('div', { id: 'backups' });
  const refreshBackups = async () => {
    replace(backups, backupList(await api.listBackups(), async (b) => {
      notify(t('data.restored', { when: formatDateTime(b.taken_at) }));
      await ctx.reload();
      await ctx.show('data');
    }));
  };
  replace(main,
    h('h1', {}, t('data.title')),
    h('p', { class: 'lead' }, t('data.lead')),
    messages,
    h('section', { class: 'panel' },
      h('h2', {}, t('data.files')),
      h('p', { class: 'hint' }, t('data.filesHint')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'export-workspace', onclick: () => exporting({ kind: 'workspace' }) }, t('data.exportAll')),
        h('button', { type: 'button', id: 'import-file', onclick: async () => {
          try {
            const summary = await api.importData();
            if (!summary) return;
            notify(t('data.imported', summary));
            await ctx.reload();
          } catch (error) {
            problem(messages, error);
          }
        } }, t('data.import'))),
      ctx.offers.length ? h('div', { class: 'inline-export' }, offerPick,
        h('button', { type: 'button', id: 'export-offer', onclick: () =>
          exporting({ kind: 'offer', id: Number(offerPick.querySelector('select').value) }) }, t('data.exportOne'))) : null,
      ctx.candidates.length ? h('div', { class: 'inline-export' }, candidatePick,
        h('button', { type: 'button', id: 'export-candidate', onclick: () =>
          exporting({ kind: 'candidate', id: Number(candidatePick.querySelector('select').value) }) }, t('data.exportOne'))) : null),
    h('section', { class: 'panel' },
      h('h2', {}, t('data.backups')),
      h('p', { class: 'hint' }, t('data.backupsHint')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'backup-now', onclick: async () => {
          try {
            await api.backupNow();
            await refreshBackups();
          } catch (error) {
            problem(messages, error);
          }
        } }, t('data.backupNow'))),
      backups));
  await refreshBackups();
}
