// Parts of one screen as tabs: one part shown at a time, the others a click
// (or an arrow key) away. A part whose field has an error is brought forward
// (forms.js sends it a 'reveal' event), and a tab shows how many findings of
// the focus check its part holds, so nothing waits unseen behind a tab.

import { h, replace } from './dom.js';
import { t } from './i18n.js';

// parts: [{ key, label, content }]; `selected` is the key shown first;
// `onSelect(key)` hears each change (to remember it across redraws).
export function tabs(parts, { selected, onSelect = () => {}, idPrefix, label }) {
  const buttons = new Map();
  const panels = new Map();
  const show = (key, { focus = false } = {}) => {
    for (const [k, button] of buttons) {
      const on = k === key;
      button.setAttribute('aria-selected', on ? 'true' : 'false');
      button.tabIndex = on ? 0 : -1;
      panels.get(k).hidden = !on;
    }
    if (focus) buttons.get(key).focus();
    onSelect(key);
  };
  const keys = parts.map((p) => p.key);
  const move = (from, step) => keys[(keys.indexOf(from) + step + keys.length) % keys.length];
  for (const part of parts) {
    const count = h('span', { class: 'tab-count', hidden: true });
    const button = h('button', {
      type: 'button', role: 'tab', id: `${idPrefix}-tab-${part.key}`, class: 'tab',
      'aria-controls': `${idPrefix}-panel-${part.key}`, dataset: { tab: part.key },
      onclick: () => show(part.key),
      onkeydown: (event) => {
        const to = { ArrowRight: move(part.key, 1), ArrowLeft: move(part.key, -1), Home: keys[0], End: keys[keys.length - 1] }[event.key];
        if (!to) return;
        event.preventDefault();
        show(to, { focus: true });
      },
    }, part.label, count);
    const panel = h('div', { role: 'tabpanel', id: `${idPrefix}-panel-${part.key}`, class: 'tab-panel',
      'aria-labelledby': button.id, dataset: { part: part.key } }, part.content);
    panel.addEventListener('reveal', () => show(part.key));
    // Findings are drawn into the panel as the check runs; count the open ones.
    new MutationObserver(() => {
      const n = panel.querySelectorAll('.finding.error:not(.dismissed), .finding.warning:not(.dismissed)').length;
      count.hidden = n === 0;
      replace(count, String(n), h('span', { class: 'visually-hidden' }, t('focus.inPart', { n })));
    }).observe(panel, { childList: true, subtree: true });
    buttons.set(part.key, button);
    panels.set(part.key, panel);
  }
  const bar = h('div', { role: 'tablist', class: 'tabs', 'aria-label': label }, [...buttons.values()]);
  show(keys.includes(selected) ? selected : keys[0]);
  return { bar, panels: [...panels.values()], show };
}
