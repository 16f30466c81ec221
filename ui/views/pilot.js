// The last step of the path: test the offer small, with 1–3 first clients,
// then write down what was learned and decide.

import { h, replace } from '../dom.js';
import { field } from '../forms.js';
import { t } from '../i18n.js';
import { planSection } from './plan.js';

export async function renderPilot(main, ctx) {
  const offer = ctx.offers.find((o) => o.id === ctx.selectedOffer) ?? ctx.offers[0] ?? null;
  if (!offer) {
    replace(main, h('section', { class: 'empty' }, h('h2', {}, t('pilotStep.emptyTitle')), h('p', {}, t('pilotStep.empty'))));
    return;
  }
  ctx.select('offer', offer.id);
  const choose = field({ label: t('onepager.offer'), path: 'offer', value: offer.id, kind: 'select',
    options: ctx.offers.map((o) => [String(o.id), o.title]) });
  choose.querySelector('select').addEventListener('change', (event) => ctx.show('pilot', { offer: Number(event.target.value) }));
  replace(main, h('div', { class: 'pilot-view' },
    h('h1', {}, t('pilotStep.title')),
    choose,
    planSection(offer, () => ctx.refreshGuide(), ['pilot'])));
}
