// How a page is shown — its language and 长辈模式 (large type) — carried from one page to the other
// in the address's query (?lang=en&large=1) and kept there for a reload; never stored on the
// device (only 记住 on the calculator keeps anything, remembered.js). The calculator's link to the
// household page carries its region too (?region=110000), for the household form to start there.

// A region code as the link may carry it: six digits, nothing else (whether the rules know it is
// for the page that reads it to ask).
const REGION_CODE = /^\d{6}$/;

/** What the address asks for: { lang?: 'zh-CN' | 'en', elder?: true, region?: '110000' }. */
export function modeFromUrl(href) {
  const query = new URL(href).searchParams;
  const mode = {};
  if (query.get('lang') === 'en' || query.get('lang') === 'zh-CN') mode.lang = query.get('lang');
  if (query.get('large') === '1') mode.elder = true;
  if (REGION_CODE.test(query.get('region') ?? '')) mode.region = query.get('region');
  return mode;
}

/**
 * `href` (relative to `base`) with `lang` and `elder` in its query, each only where it is not the
 * default (Chinese, normal type), and `region` only where one is given (a link to the household
 * page); an address already read keeps no region of its own.
 */
export function withMode(href, base, { lang, elder, region }) {
  const url = new URL(href, base);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  if (elder) url.searchParams.set('large', '1');
  else url.searchParams.delete('large');
  if (REGION_CODE.test(region ?? '')) url.searchParams.set('region', region);
  else url.searchParams.delete('region');
  return url.href;
}
