// The first screen of an empty workspace: the path's six steps, named as the
// header names them, and a way in — an example set in either language, or
// one's own first problem.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { notify } from '../toasts.js';
import { createProblem } from './problems.js';

const STEPS = ['problems', 'candidates', 'compare', 'offers', 'onepager', 'pilot'];

export function renderWelcome(main, ctx) {
  // The same names as the header's steps, from the same strings.
  const steps = STEPS.map((view, i) => h('li', {},
    h('strong', { class: 'welcome-step' }, t(`nav.${view}`)), t('welcome.nameSeparator'), t(`welcome.step${i + 1}`)));
  const loadExample = (lang) => async () => {
    const summary = await api.loadExample(lang);
    notify(t('welcome.loaded', summary));
    await ctx.reload();
    await ctx.show('candidates', { candidate: ctx.candidates[0]?.id ?? null });
  };
  replace(main,
    h('section', { class: 'welcome', 'aria-labelledby': 'welcome-title' },
      h('h1', { id: 'welcome-title' }, t('welcome.title')),
      h('p', {}, t('welcome.intro')),
      h('ol', {}, steps),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'start-own', onclick: () => createProblem(ctx) }, t('welcome.start')),
        h('span', {}, t('welcome.examples')),
        h('button', { type: 'button', id: 'load-example-ja', onclick: loadExample('ja') }, t('welcome.loadJa')),
        h('button', { type: 'button', id: 'load-example-en', onclick: loadExample('en') }, t('welcome.loadEn')))));
}
