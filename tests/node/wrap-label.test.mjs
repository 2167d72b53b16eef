// A picture's label wider than its box wraps onto more lines (web/label-wrap.js wrapLabel);
// nothing is cut (walk 36: "Spouse's fat…", "Maternal …" in the household picture). Measured here
// with a stand-in for the page's canvas: a Latin character 1 unit wide, a Chinese one 2.
import assert from 'node:assert/strict';
import { test } from 'node:test';

globalThis.document ??= {
  createElement: () => ({
    getContext: () => ({
      font: '',
      measureText: (text) => ({
        width: [...text].reduce((sum, c) => sum + (c.codePointAt(0) >= 0x2e80 ? 2 : 1), 0),
      }),
    }),
  }),
};
const { wrapLabel } = await import('../../web/label-wrap.js');
const wrap = (text, width) => wrapLabel(text, width, 10);
const compact = (text) => text.replace(/\s+/g, '');

test('a label that fits stays on one line', () => {
  assert.deepEqual(wrap('You', 10), ['You']);
  assert.deepEqual(wrap("Spouse's mother", 15), ["Spouse's mother"]);
  assert.deepEqual(wrap('配偶的母亲', 10), ['配偶的母亲']);
});

test('a longer one breaks between words, never cut and never inside a word that fits a line', () => {
  assert.deepEqual(wrap("Spouse's mother", 10), ["Spouse's", 'mother']);
  assert.deepEqual(wrap('Maternal grandparent 2', 12), ['Maternal', 'grandparent', '2']);
  assert.deepEqual(wrap('Maternal grandparent 2', 13), ['Maternal', 'grandparent 2']);
});

test('a hyphenated name breaks after its hyphen before it breaks inside a word', () => {
  assert.deepEqual(wrap('Montgomery-Smith', 12), ['Montgomery-', 'Smith']);
  assert.deepEqual(wrap('Catherine Montgomery-Smith', 20), ['Catherine', 'Montgomery-Smith']);
  assert.deepEqual(wrap('Anne-Marie Li', 20), ['Anne-Marie Li']);
});

test('Chinese breaks between characters, a closing mark with the character before it and an opening one with the character after', () => {
  assert.deepEqual(wrap('配偶的母亲（小明）', 8), ['配偶的母', '亲（小', '明）']);
  assert.deepEqual(wrap('爷爷，奶奶', 4), ['爷', '爷，', '奶奶']);
});

test('only a word longer than the line is broken inside, where it must be', () => {
  assert.deepEqual(wrap('Supercalifragilistic', 8), ['Supercal', 'ifragili', 'stic']);
  assert.deepEqual(wrap('Hi Supercalifragilistic', 8), ['Hi', 'Supercal', 'ifragili', 'stic']);
});

test('every character is drawn, on lines no wider than the box', () => {
  const samples = [
    'Wang Xiuying, our daughter-in-law',
    '王秀英（我们的儿媳妇），住在成都',
    'Mixed 中文 and English words',
    '  spaces   around  ',
    'a',
  ];
  for (const text of samples)
    for (let width = 2; width <= 30; width += 1) {
      const lines = wrap(text, width);
      assert.equal(compact(lines.join('')), compact(text), `${text} at ${width}`);
      for (const line of lines) {
        assert.equal(line, line.trim(), `no space at a line's ends: "${line}"`);
        const drawn = [...line].reduce((s, c) => s + (c.codePointAt(0) >= 0x2e80 ? 2 : 1), 0);
        assert.ok(drawn <= width || [...line].length === 1, `"${line}" wider than ${width}`);
      }
    }
});
