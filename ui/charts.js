// Small charts drawn by our own code: horizontal bars whose labels and
// values are HTML text (so they wrap in either language and are never cut)
// and whose bars are SVG, scaled to the largest value shown.

import { h, svg } from './dom.js';

const BAR_HEIGHT = 14;

// rows: [{ id, label, value, shown, first?, tone? }]; `max` is the value a
// full bar stands for; `marker` ({ value, label }) draws a line across every
// bar at that value (a target, say) and names it under the bars.
export function bars(rows, { max, className = '', label, key = 'row', marker = null }) {
  const scale = Math.max(max, marker?.value ?? 0, ...rows.map((r) => r.value), 1);
  const at = (value) => `${Math.min(100, Math.max(0, (100 * value) / scale))}%`;
  const list = h('ol', { class: `bars ${className}`.trim(), 'aria-label': label },
    rows.map((row) => h('li', { class: [row.first ? 'first' : '', row.tone ?? ''].join(' ').trim(), dataset: { [key]: row.id } },
      h('span', { class: 'bar-label' }, row.label),
      svg('svg', { class: 'bar', width: '100%', height: BAR_HEIGHT, 'aria-hidden': 'true' },
        svg('rect', { class: 'bar-track', x: 0, y: 0, width: '100%', height: BAR_HEIGHT, rx: 3 }),
        row.value > 0 ? svg('rect', { class: 'bar-fill', x: 0, y: 0, width: at(row.value), height: BAR_HEIGHT, rx: 3 }) : null,
        marker ? svg('line', { class: 'bar-marker', x1: at(marker.value), x2: at(marker.value), y1: 0, y2: BAR_HEIGHT }) : null),
      h('span', { class: 'bar-value' }, row.shown))));
  if (!marker) return list;
  return h('div', { class: 'bars-with-marker' }, list, h('p', { class: 'bar-marker-label' }, marker.label));
}
