// Reading what people type: a yuan amount with full-width digits (３０００), thousands separators
// (3,000 or 3，000), a trailing 元 or a leading ¥ (string arithmetic only; money is integer fen); a
// date as 2026-3-1, 2026/3/1, 2026.3.1 or 2026年3月1日; an age as ６５ or 65. And back: fen as the
// form's yuan text.

/**
 * Today in China (UTC+8, no daylight saving), as the form's date (2026-12-07): the day an answer is
 * for by default. The rules' days are China's calendar days, as the core's today
 * (core/src/date.cpp), wherever the device is (a relative abroad helping the family).
 */
export const today = (now = Date.now()) => new Date(now + 8 * 36e5).toISOString().slice(0, 10);

/** The contract's largest single amount, in fen (core/include/gongji/money.hpp, kMaxFen). */
export const MAX_FEN = 100_000_000_000;

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\u3000]/g;
const toHalfWidth = (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)); // ０-９ ． ， and the ideographic space

/**
 * "3,000.5元" -> { fen: 300050 }; { problem } otherwise: 'empty' for nothing typed, 'format'
 * when it is not an amount, 'negative' for one below zero, 'decimals' for more than two decimals
 * (a fen is the smallest unit), 'too_large' above MAX_FEN. Separators must group by three ("30,00"
 * is not read as 3000).
 */
export function readYuan(text) {
  const plain = String(text)
    .replace(FULL_WIDTH, toHalfWidth)
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*(元|圆|块|RMB|CNY)$/i, '');
  if (!plain) return { problem: 'empty' };
  const match = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{0,2}))?$/.exec(plain);
  if (!match) {
    // Said as what it is, so that the person knows what to change (walk 43).
    if (/^[-－−]\s*[\d.,]+$/.test(plain)) return { problem: 'negative' };
    if (/^(\d+|\d{1,3}(?:,\d{3})+)\.\d{3,}$/.test(plain)) return { problem: 'decimals' };
    return { problem: 'format' };
  }
  const digits = match[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > 12) return { problem: 'too_large' };
  const fen = Number(digits) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen > MAX_FEN ? { problem: 'too_large' } : { fen };
}

// Full-width digits and date marks (０-９ － ／ ．) and the ideographic space, as half-width.
const FULL_WIDTH_DATE = /[\uFF10-\uFF19\uFF0D\uFF0F\uFF0E\u3000]/g;
const halfWidth = (text) =>
  String(text ?? '').replace(FULL_WIDTH_DATE, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );

/**
 * A date as people write it — 2026-03-01, 2026-3-1, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301,
 * with spaces around or full-width digits — as the contract's "2026-03-01": { date }; { problem:
 * 'format' } for anything else, a day that does not exist (2026-02-30) included.
 */
export function readDate(text) {
  const plain = halfWidth(text).trim();
  const match =
    /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(plain) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(plain);
  if (!match) return { problem: 'format' };
  const [year, month, day] = match.slice(1).map(Number);
  // A day that the calendar has: Date.UTC rolls 2026-02-30 over into March.
  const at = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day)
    return { problem: 'format' };
  const two = (n) => String(n).padStart(2, '0');
  return { date: `${match[1]}-${two(month)}-${two(day)}` };
}

/** The page text that says what is wrong with an amount, by readYuan's problem. */
export const YUAN_PROBLEM_TEXT = {
  empty: 'yuanEmpty',
  format: 'yuanFormat',
  negative: 'yuanNegative',
  decimals: 'yuanDecimals',
  too_large: 'yuanTooLarge',
};

/**
 * An age from 0 to 150 as typed ("65", "６５", " 8 ", "82岁", "82 周岁"): { age }, else { problem:
 * 'format' }.
 */
export function readAge(text) {
  const plain = halfWidth(text)
    .trim()
    .replace(/\s*周?岁$/, '');
  if (!/^\d{1,3}$/.test(plain) || Number(plain) > 150) return { problem: 'format' };
  return { age: Number(plain) };
}

/** 300050 -> "3000.50", 300000 -> "3000": the form's yuan text for a fen amount. */
export function fenToYuanText(fen) {
  if (!Number.isSafeInteger(fen) || fen < 0) return '';
  const cents = fen % 100;
  return cents === 0
    ? String(Math.trunc(fen / 100))
    : `${Math.trunc(fen / 100)}.${String(cents).padStart(2, '0')}`;
}
