// How a page is shown — its language and 长辈模式 (large type) — carried from one page to the other
// in the address's query (?lang=en&large=1) and kept there for a reload; never stored on the
// device (only 记住 on the calculator keeps anything, remembered.js).

/** What the address asks for: { lang?: 'zh-CN' | 'en', elder?: true }. */
export function modeFromUrl(href) {
  const query = new URL(href).searchParams;
  const mode = {};
  if (query.get('lang') === 'en' || query.get('lang') === 'zh-CN') mode.lang = query.get('lang');
  if (query.get('large') === '1') mode.elder = true;
  return mode;
}

/**
 * `href` (relative to `base`) with `lang` and `elder` in its query, each only where it is not the
 * default (Chinese, normal type).
 */
export function withMode(href, base, { lang, elder }) {
  const url = new URL(href, base);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  if (elder) url.searchParams.set('large', '1');
  else url.searchParams.delete('large');
  return url.href;
}
