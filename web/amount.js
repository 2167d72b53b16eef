// Reading a yuan amount as people type it: full-width digits (３０００), thousands separators
// (3,000 or 3，000), a trailing 元 or a leading ¥. String arithmetic only; money is integer fen.

/** The contract's largest single amount, in fen (core/include/gongji/money.hpp, kMaxFen). */
export const MAX_FEN = 100_000_000_000;

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\u3000]/g;
const toHalfWidth = (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)); // ０-９ ． ， and the ideographic space

/**
 * "3,000.5元" -> { fen: 300050 }; { problem: 'format' } when it is not an amount, { problem:
 * 'too_large' } above MAX_FEN. Separators must group by three ("30,00" is not read as 3000).
 */
export function readYuan(text) {
  const plain = String(text)
    .replace(FULL_WIDTH, toHalfWidth)
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*(元|圆|块|RMB|CNY)$/i, '');
  const match = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{0,2}))?$/.exec(plain);
  if (!match) return { problem: 'format' };
  const digits = match[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > 12) return { problem: 'too_large' };
  const fen = Number(digits) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen > MAX_FEN ? { problem: 'too_large' } : { fen };
}
