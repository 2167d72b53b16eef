// A picture's labels, measured and wrapped before they are drawn (SVG text does not wrap by
// itself): the calculator's family picture and the household plan's. Apart from dom.js, so that a
// page's first answer does not carry it.

// The pages' type (font-family in styles.css), to measure a picture's labels before they are drawn.
const FONT_FAMILY =
  "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
let measuring;

/** How wide `text` is drawn at `size` px (and `weight`), in px. */
export function textWidth(text, size, weight = 400) {
  measuring ??= document.createElement('canvas').getContext('2d');
  measuring.font = `${weight} ${size}px ${FONT_FAMILY}`;
  return measuring.measureText(text).width;
}

// Where a line may end: after a space or a hyphen ("Montgomery-|Smith"), or beside a Chinese (CJK)
// character or full-width mark, as CSS breaks text; an opening mark stays with what follows it and
// a closing one with what precedes.
const CJK = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef';
const OPENING = '（「『《〈【“‘';
const CLOSING = '，。、；：？！）」』》〉】”’';
const BREAK_UNITS = new RegExp(
  `[${OPENING}]*(?:[${CJK}]|[^\\s${CJK}-]*-+|[^\\s${CJK}-]+)[${CLOSING}]*\\s*|\\s+`,
  'gu',
);

/**
 * `text` wrapped into lines no wider than `width` px as drawn at `size` (and `weight`): broken
 * between words, after a hyphen and beside Chinese characters, and inside a word only where the
 * word alone is wider than the line (CSS overflow-wrap: anywhere). Nothing is cut: every
 * character is on a line. SVG text does not wrap by itself; a picture draws these as lines of its
 * own.
 */
export function wrapLabel(text, width, size, weight = 400) {
  const fits = (line) => textWidth(line.trimEnd(), size, weight) <= width;
  const lines = [];
  let line = '';
  for (const unit of text.trim().replace(/\s+/g, ' ').match(BREAK_UNITS) ?? []) {
    if (fits(line + unit)) {
      line += unit;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = '';
    // On a line of its own; a word wider than the line is broken where it must, character by
    // character.
    for (const character of unit) {
      if (line && !fits(line + character)) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += character;
    }
  }
  if (line) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}
