// The one-pager: a preview of the very PDF that prints (an SVG drawn by the
// same Typst layout), with paper and language, "Export PDF…" through the
// native save dialog, and "Print", which opens the PDF in the system viewer.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { field } from '../forms.js';
import { t } from '../i18n.js';
import { notify, notifySaved } from '../toasts.js';

// The SVG is shown as an image, so nothing in it can run or be read as page
// markup. The image it replaces in `area` gives its blob back.
function previewImage(area, svg, title) {
  const previous = area.querySelector('img.preview-page');
  if (previous) URL.revokeObjectURL(previous.src);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  return h('img', { class: 'preview-page', id: 'onepager-preview', src: url, alt: t('onepager.previewAlt', { title }) });
}

function sectionMessage(error) {
  return h('div', { class: 'onepager-problem', role: 'alert', id: 'onepager-problem' },
    h('p', {}, error.message ?? String(error)),
    error.code === 'onepager_too_long' ? h('p', { class: 'hint' }, t('onepager.tooLongHint')) : null);
}

function select(label, path, value, options, onChange) {
  const wrapper = field({ label, path, value, kind: 'select', options });
  wrapper.querySelector('select').addEventListener('change', (event) => onChange(event.target.value));
  return wrapper;
}

async function refreshPreview(area, status, offer, ctx) {
  status.textContent = t('onepager.rendering');
  try {
    const preview = await api.onepagerPreview(offer.id, ctx.onepager.paper, ctx.onepager.lang);
    replace(area, previewImage(area, preview.svg, offer.title));
    status.textContent = t('onepager.fits');
    area.dataset.state = 'ready';
    return true;
  } catch (error) {
    replace(area, sectionMessage(error));
    status.textContent = '';
    area.dataset.state = 'error';
    return false;
  }
}

async function exportPdf(offer, ctx, area) {
  try {
    const path = await api.exportOnepager(offer.id, ctx.onepager.paper, ctx.onepager.lang);
    if (path) notifySaved('onepager.saved', path);
    ctx.refreshGuide();
  } catch (error) {
    replace(area, sectionMessage(error));
  }
}

async function printPdf(offer, ctx, area) {
  try {
    await api.printOnepager(offer.id, ctx.onepager.paper, ctx.onepager.lang);
    notify(t('onepager.opened'));
    ctx.refreshGuide();
  } catch (error) {
    replace(area, sectionMessage(error));
  }
}

export async function renderOnepager(main, ctx) {
  const offer = ctx.offers.find((o) => o.id === ctx.selectedOffer) ?? ctx.offers[0] ?? null;
  if (!offer) {
    replace(main, h('section', { class: 'empty' }, h('h2', {}, t('onepager.emptyTitle')), h('p', {}, t('onepager.empty'))));
    return;
  }
  ctx.select('offer', offer.id);
  ctx.setOnepagerChoice({
    paper: ctx.onepager?.paper ?? ctx.paper ?? 'a4',
    lang: ctx.onepager?.lang ?? (document.documentElement.lang === 'ja' ? 'ja' : 'en'),
  });

  const area = h('div', { class: 'preview', id: 'onepager-area', 'aria-live': 'polite' });
  const status = h('p', { class: 'hint', id: 'onepager-status' });
  const update = () => refreshPreview(area, status, offer, ctx);
  const tools = h('div', { class: 'onepager-tools' },
    h('h1', {}, t('onepager.title')),
    select(t('onepager.offer'), 'offer', offer.id, ctx.offers.map((o) => [String(o.id), o.title]),
      (id) => ctx.show('onepager', { offer: Number(id) })),
    select(t('onepager.paper'), 'paper', ctx.onepager.paper, [['a4', 'A4'], ['letter', 'US Letter']],
      (paper) => { ctx.setOnepagerChoice({ paper }); update(); }),
    select(t('onepager.language'), 'lang', ctx.onepager.lang, [['ja', '日本語'], ['en', 'English']],
      (lang) => { ctx.setOnepagerChoice({ lang }); update(); }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'export-pdf', onclick: () => exportPdf(offer, ctx, area) }, t('onepager.export')),
      h('button', { type: 'button', class: 'primary', id: 'print', title: 'Ctrl+P', dataset: { shortcut: 'print' },
        onclick: () => printPdf(offer, ctx, area) },
        t('onepager.print'))));
  replace(main, tools, status, area);
  await update();
}
