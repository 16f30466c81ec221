// Labelled fields with a hint and a place for the error that belongs to them.
// Every input carries data-field with the path Rust uses in `field`, so an
// error from Rust lands next to the input it is about.

import { h, nextId } from './dom.js';
import { t, language, dateBoxValue } from './i18n.js';

// A whole-number input: a text box that asks for the numeric keyboard. A
// type="number" box silently empties what a Japanese keyboard types (「８」),
// so the text reaches wholeNumber instead, which reads it. The allowed range
// is Rust's to check and explain.
export function wholeNumberAttrs({ min, max, step, ...rest } = {}) {
  return { type: 'text', inputmode: 'numeric', autocomplete: 'off', ...rest };
}

// An amount as the box shows it: digits grouped by thousands (300,000),
// full-width digits made plain; anything that is not a plain amount is left
// as typed, so the core's message can say what to fix.
export function groupedAmount(raw) {
  const text = plainDigits(raw);
  const match = /^(\d+)(\.\d+)?$/.exec(text);
  if (!match) return String(raw ?? '');
  return match[1].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (match[2] ?? '');
}

// The unit beside an amount box: 円 in Japanese, ¥ in English, $ for dollars.
function moneyUnit(currency) {
  if (currency === 'USD') return '$';
  return language() === 'ja' ? '円' : '¥';
}

export function field({ label, path, value = '', kind = 'input', type = 'text', hint, options, attrs = {}, currency }) {
  if (type === 'number') return field({ label, path, value, kind, type: 'text', hint, options, attrs: wholeNumberAttrs(attrs) });
  // Amounts: typed freely (33000, ３３０００, 33,000), shown grouped once the
  // box is left, with the currency beside the box.
  if (type === 'money') {
    const box = field({ label, path, value: groupedAmount(value), kind, type: 'text', hint, options,
      attrs: { inputmode: 'decimal', autocomplete: 'off', ...attrs } });
    const control = box.querySelector('input');
    control.addEventListener('blur', () => { control.value = groupedAmount(control.value); });
    const unit = moneyUnit(currency);
    const before = unit === '円' ? null : h('span', { class: 'money-unit', 'aria-hidden': 'true' }, unit);
    const after = unit === '円' ? h('span', { class: 'money-unit', 'aria-hidden': 'true' }, unit) : null;
    const wrap = h('span', { class: 'money' });
    control.before(wrap);
    wrap.append(...[before, control, after].filter(Boolean));
    return box;
  }
  // WebKit's date box shows 11/21/2026 whatever the page's language: in
  // Japanese a text box takes 2026/12/01 (full-width digits too; the core
  // reads slashes and dashes).
  if (type === 'date' && language() === 'ja') {
    const box = field({ label, path, value: dateBoxValue(value), kind, type: 'text', hint, options,
      attrs: { inputmode: 'numeric', placeholder: '2026/12/01', autocomplete: 'off', ...attrs } });
    // Typed in full width or with dashes, shown back as the box shows dates.
    const control = box.querySelector('input');
    control.addEventListener('blur', () => { control.value = control.value.normalize('NFKC').replace(/-/g, '/').trim(); });
    return box;
  }
  const id = nextId('f');
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(' ');
  const common = { id, dataset: { field: path }, 'aria-describedby': described, ...attrs };
  let control;
  if (kind === 'textarea') {
    control = h('textarea', common);
    control.value = value ?? '';
  } else if (kind === 'select') {
    control = h('select', common, options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value) }, text)));
  } else {
    control = h('input', { type, value: value ?? '', ...common });
  }
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId }));
}

// A one-click choice among a few values (scores 1–5 and "not scored"): a
// row of radio buttons over a hidden input that carries data-field, so the
// form reads, saves and shows errors for it like any other field. Arrow keys
// move the choice; one Tab stop for the whole row.
export function choiceButtons({ label, path, value = '', choices, describedBy }) {
  const id = nextId('f');
  const labelId = `${id}-label`;
  const input = h('input', { type: 'hidden', id, value: String(value ?? ''), dataset: { field: path } });
  const buttons = choices.map(([v, text, name]) => h('button', {
    type: 'button', role: 'radio', class: 'choice', dataset: { value: v },
    'aria-label': name ?? undefined,
  }, text));
  const show = () => {
    for (const b of buttons) {
      const on = b.dataset.value === input.value;
      b.setAttribute('aria-checked', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    if (!buttons.some((b) => b.tabIndex === 0)) buttons[0].tabIndex = 0;
  };
  const choose = (button) => {
    if (input.value !== button.dataset.value) {
      input.value = button.dataset.value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
    show();
    button.focus();
  };
  // The form may set the value itself (a reload, a test): follow it.
  input.addEventListener('change', show);
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => choose(b));
    b.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      choose(buttons[(i + step + buttons.length) % buttons.length]);
    });
  });
  show();
  const group = h('div', { role: 'radiogroup', class: 'choices', 'aria-labelledby': labelId,
    'aria-describedby': [describedBy, `${id}-error`].filter(Boolean).join(' ') }, buttons);
  return { input, group, labelId, errorId: `${id}-error` };
}

// Shows `error` ({code, message, field}) next to its field inside `root`, or
// in the form's own error line when no field matches. Clears earlier errors.
export function showError(root, error) {
  clearErrors(root);
  const target = error.field ? root.querySelector(`[data-field="${CSS.escape(error.field)}"]`) : null;
  const message = error.message ?? t('errors.unexpected', { message: String(error) });
  if (target) {
    target.setAttribute('aria-invalid', 'true');
    // A field folded away is unfolded, so its error is seen.
    const fold = target.closest('details');
    if (fold) fold.open = true;
    // ...and a part behind a tab is brought forward (tabs.js).
    target.closest('[role="tabpanel"][hidden]')?.dispatchEvent(new Event('reveal'));
    const slot = document.getElementById(`${target.id}-error`);
    if (slot) slot.textContent = message;
    return;
  }
  const formError = root.querySelector('.form-error');
  if (formError) formError.textContent = message;
}

export function clearErrors(root) {
  for (const el of root.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll('.field-error, .form-error')) el.textContent = '';
}

// The value of the input for `path` inside `root`.
export function read(root, path) {
  const el = root.querySelector(`[data-field="${CSS.escape(path)}"]`);
  return el ? el.value : '';
}

// Digits as people type them: full-width ０–９ become 0–9, and thousands
// separators (, ，) and spaces around the number are dropped. Every numeric
// input is read through here, so 「８」 means 8 in every field.
export function plainDigits(raw) {
  return String(raw)
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，]/g, '');
}

// A whole number as typed, `blank` when the input is empty. Anything else
// becomes -1, which Rust rejects with the field's allowed range, so the user
// still gets a message next to the field.
export function wholeNumber(raw, blank = null) {
  const digits = plainDigits(raw);
  if (digits === '') return blank;
  const n = Number(digits);
  return Number.isInteger(n) ? n : -1;
}

// The whole number in the form's field at `path` (see wholeNumber).
export function readNumber(root, path, blank = null) {
  return wholeNumber(read(root, path), blank);
}

// Shows why a save failed; after a conflict (the record changed in another
// window or the CLI) it also offers to load the latest version. Returns what
// a form's save returns when it fails: 'conflict', or false (a field to fix),
// so the status line can say which.
export function showSaveError(root, error, reload) {
  showError(root, error);
  if (error.code !== 'conflict') return false;
  offerReload(root, reload);
  return 'conflict';
}

function offerReload(root, reload) {
  const slot = root.querySelector('.form-error');
  if (!slot) return;
  const button = h('button', { type: 'button', class: 'link', onclick: reload }, t('errors.reload'));
  slot.append(' ', button);
  // The message sits at the top of the form; bring it into view.
  slot.scrollIntoView({ block: 'center' });
  button.focus();
}

// The currencies an amount can be in, named for people (円（¥）, US dollars ($)).
export function currencyOptions() {
  return ['JPY', 'USD'].map((code) => [code, t(`currency.${code}`)]);
}
