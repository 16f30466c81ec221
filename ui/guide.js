// The guided path: Problems → Candidates → Compare → Offer → One-pager →
// Pilot. The step buttons show which steps are done and which comes next;
// above each screen, a short note says what this step is for in the method,
// what is still missing, and where to go next.

import { api } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

// Which step of the path each screen belongs to.
export const STEP_OF_VIEW = {
  problems: 'problems',
  candidates: 'candidates',
  compare: 'compare',
  offers: 'offer',
  onepager: 'onepager',
  pilot: 'pilot',
};
const VIEW_OF_STEP = Object.fromEntries(Object.entries(STEP_OF_VIEW).map(([view, step]) => [step, view]));

// Marks each step button done, next, or neither.
export function markSteps(progress) {
  for (const button of document.querySelectorAll('.steps .step')) {
    const step = STEP_OF_VIEW[button.dataset.view];
    const state = progress.steps.find((s) => s.step === step);
    const done = Boolean(state?.done);
    button.dataset.done = String(done);
    button.classList.toggle('next', progress.next === step);
    const mark = button.querySelector('.step-mark');
    if (mark) {
      // A done step gets a tick; the next one a small word, so the mark
      // reads as meant rather than as a stray line.
      const next = progress.next === step;
      mark.textContent = done ? '✓' : next ? t('guide.nextShort') : '';
      mark.classList.toggle('next-pill', next && !done);
    }
    button.setAttribute('aria-description', done ? t('guide.doneMark') : progress.next === step ? t('guide.nextMark') : '');
  }
}

// The note at the top of `view`'s screen.
export function guidePanel(view, progress, ctx) {
  const step = STEP_OF_VIEW[view];
  if (!step || !progress) return null;
  const here = progress.steps.find((s) => s.step === step);
  const index = progress.steps.findIndex((s) => s.step === step) + 1;
  const next = progress.next;
  const goNext = next && next !== step
    ? h('p', { class: 'guide-next' },
      h('span', {}, t('guide.nextIs', { step: t(`guide.steps.${next}.name`) })),
      h('span', {}, progress.steps.find((s) => s.step === next).missing[0] ?? ''),
      h('button', { type: 'button', class: 'link', id: 'guide-go-next', onclick: () => ctx.show(VIEW_OF_STEP[next]) },
        t('guide.go', { step: t(`guide.steps.${next}.name`) })))
    : null;
  return h('section', { class: 'guide no-print', id: 'guide', 'aria-label': t('guide.label'), dataset: { step } },
    h('div', { class: 'guide-head' },
      h('strong', {}, t('guide.stepOf', { n: index, total: progress.steps.length, step: t(`guide.steps.${step}.name`) })),
      here.done ? h('span', { class: 'badge status-chosen' }, `✓ ${t('guide.done')}`) : null,
      h('span', { class: 'guide-progress', id: 'guide-progress' },
        t('guide.progress', { done: progress.steps.filter((s) => s.done).length, total: progress.steps.length }))),
    h('p', { class: 'guide-why' }, t(`guide.steps.${step}.why`)),
    !here.done && here.missing.length > 0
      ? h('ul', { class: 'guide-missing', id: 'guide-missing' }, here.missing.map((m) => h('li', {}, m)))
      : null,
    goNext);
}

export async function loadProgress() {
  try {
    return await api.pathProgress();
  } catch {
    // The path is a guide; a screen still works without it.
    return null;
  }
}
