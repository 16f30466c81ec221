// Japanese and English strings, from locales/ja.json and locales/en.json.

const catalogs = {};
let current = 'en';

const loading = {};

function loadCatalog(lang) {
  loading[lang] ??= fetch(`locales/${lang}.json`)
    .then((response) => response.json())
    .then((catalog) => { catalogs[lang] = catalog; return catalog; });
  return loading[lang];
}

// Starts reading both catalogs; start-up does this while it asks Rust for
// the app's state, rather than after.
export function preloadCatalogs() {
  return Promise.all([loadCatalog('ja'), loadCatalog('en')]);
}

export async function useLanguage(lang) {
  await preloadCatalogs();
  current = lang === 'ja' ? 'ja' : 'en';
  document.documentElement.lang = current;
  applyStatic(document);
}

export function language() {
  return current;
}

function lookup(catalog, key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), catalog);
}

// The text for `key` in the current language, with {name} placeholders filled.
export function t(key, params = {}) {
  const text = lookup(catalogs[current], key) ?? lookup(catalogs.en, key) ?? key;
  return String(text).replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

// Fills elements marked data-i18n (text) and data-i18n-* (attributes).
export function applyStatic(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  }
}

const pad = (n) => String(n).padStart(2, '0');

// A moment as lists and stamps show it: 2026/12/02 14:53 in Japanese, the
// locale's medium form in English (Dec 2, 2026, 2:53 PM).
export function formatDateTime(iso) {
  const d = new Date(iso);
  if (current === 'ja') {
    return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  return d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

// A calendar date (YYYY-MM-DD) as a sentence says it: 2027年1月31日, January
// 31, 2027 — the same as Rust's locales::date.
export function formatDate(isoDate) {
  const [y, m, d] = String(isoDate).split('-').map(Number);
  if (!y || !m || !d) return String(isoDate ?? '');
  if (current === 'ja') return `${y}年${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' });
}

// A date inside a year already named (a timeline's marks): 2月28日, Feb 28.
export function formatMonthDay(isoDate) {
  const [y, m, d] = String(isoDate).split('-').map(Number);
  if (!y || !m || !d) return String(isoDate ?? '');
  if (current === 'ja') return `${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

// A percentage, one way everywhere: at most one decimal, no ".0", no space
// (100%, 11.2%) — the same as Rust's locales::percent.
export function formatPercent(value) {
  const tenths = Math.round(Number(value) * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}%`;
}

// A calendar date as a Japanese date box shows it: 2026/12/01.
export function dateBoxValue(isoDate) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDate ?? ''));
  return match ? `${match[1]}/${match[2]}/${match[3]}` : String(isoDate ?? '');
}
