// A printable page for the offer: what a first client is handed. This first
// version is HTML with print CSS; the PDF renderer replaces it later.

import { h, replace } from '../dom.js';
import { field } from '../forms.js';
import { t } from '../i18n.js';

function section(title, ...content) {
  return h('section', {}, h('h2', {}, title), ...content);
}

function deliverableLine(d) {
  const parts = [];
  if (d.quantity_per_month > 0) parts.push(t('onepager.quantity', { n: d.quantity_per_month }));
  if (d.turnaround_days > 0) parts.push(t('onepager.turnaround', { n: d.turnaround_days }));
  return h('li', {}, h('strong', {}, d.name), parts.length ? ` — ${parts.join(' · ')}` : '');
}

function sheet(offer, candidate) {
  const outcome = offer.success_metric || candidate?.outcome?.metric || '';
  return h('article', { class: 'sheet', id: 'onepager-sheet', lang: document.documentElement.lang },
    h('header', {},
      h('h1', {}, offer.title),
      offer.promise ? h('p', { class: 'promise' }, offer.promise) : null),
    h('div', { class: 'band' },
      section(t('onepager.for'), h('p', {}, candidate?.audience || '—'),
        candidate?.platform ? h('p', { class: 'hint' }, candidate.platform) : null),
      section(t('onepager.problem'), h('p', {}, candidate?.problem || '—')),
      section(t('onepager.outcome'), h('p', {}, outcome || '—'))),
    h('div', { class: 'two' },
      section(t('onepager.monthly'), h('ul', {}, offer.deliverables.map(deliverableLine))),
      h('div', {},
        section(t('onepager.price'),
          h('p', { class: 'price' }, offer.price_minor > 0 ? offer.price_display : '—', ' ',
            h('small', {}, t('onepager.perMonth'))),
          h('p', {}, t('onepager.term', { n: offer.minimum_term_months }))),
        offer.out_of_scope.length
          ? section(t('onepager.notIncluded'), h('ul', {}, offer.out_of_scope.map((s) => h('li', {}, s))))
          : null)),
    section(t('onepager.howToStart'),
      h('ol', {}, h('li', {}, t('onepager.start1')), h('li', {}, t('onepager.start2')), h('li', {}, t('onepager.start3')))),
    h('footer', {}, `${t('onepager.contact')}: ${offer.contact || '—'}`));
}

export async function renderOnepager(main, ctx) {
  const offer = ctx.offers.find((o) => o.id === ctx.selectedOffer) ?? ctx.offers[0] ?? null;
  if (!offer) {
    replace(main, h('section', { class: 'empty' }, h('h2', {}, t('onepager.emptyTitle')), h('p', {}, t('onepager.empty'))));
    return;
  }
  ctx.selectedOffer = offer.id;
  const candidate = ctx.candidates.find((c) => c.id === offer.candidate_id) ?? null;
  const picker = field({ label: t('onepager.offer'), path: 'offer', value: offer.id, kind: 'select',
    options: ctx.offers.map((o) => [String(o.id), o.title]) });
  picker.querySelector('select').addEventListener('change', (event) =>
    ctx.show('onepager', { offer: Number(event.target.value) }));
  replace(main,
    h('div', { class: 'onepager-tools' },
      h('h1', {}, t('onepager.title')),
      picker,
      h('button', { type: 'button', class: 'primary', id: 'print', onclick: () => window.print() }, t('onepager.print'))),
    sheet(offer, candidate));
}
