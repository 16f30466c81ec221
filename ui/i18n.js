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

export function formatDateTime(iso) {
  const locale = current === 'ja' ? 'ja-JP' : 'en-US';
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
