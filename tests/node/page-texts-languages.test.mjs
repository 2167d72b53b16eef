// The calculator page's texts: Chinese in i18n.js, English in a module of its own that comes only
// when the page is shown in English (loadTexts), complete: every text the Chinese have, of the same
// kind (a sentence or a function that writes one, with the same number of arguments).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadTexts, TEXTS } from '../../web/i18n.js';

test('the English texts are not there until loaded, then complete beside the Chinese', async () => {
  assert.deepEqual(Object.keys(TEXTS), ['zh-CN'], 'a Chinese page carries no English texts');
  await loadTexts('zh-CN');
  assert.equal(TEXTS.en, undefined, 'loading Chinese texts loads nothing');
  await loadTexts('en');
  const { 'zh-CN': zh, en } = TEXTS;
  assert.equal(en.lang, 'en');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const [key, text] of Object.entries(zh)) {
    assert.equal(typeof en[key], typeof text, key);
    if (typeof text === 'function') assert.equal(en[key].length, text.length, key);
    if (typeof text === 'string') assert.notEqual(en[key], '', key);
  }
  const loaded = TEXTS.en;
  await loadTexts('en');
  assert.equal(TEXTS.en, loaded, 'loaded once');
});

// The family's texts (web/family-texts.js) come with the code that draws a family, in both
// languages, complete and apart from the page's: none of them is in the first answer's download.
test("the family's texts are complete in both languages and not among the page's", async () => {
  const { FAMILY_TEXTS } = await import('../../web/family-texts.js');
  await loadTexts('en');
  const { 'zh-CN': zh, en } = FAMILY_TEXTS;
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const [key, text] of Object.entries(zh)) {
    assert.equal(typeof en[key], typeof text, key);
    if (typeof text === 'function') assert.equal(en[key].length, text.length, key);
    if (typeof text === 'string') assert.notEqual(en[key], '', key);
    for (const lang of ['zh-CN', 'en']) assert.equal(TEXTS[lang][key], undefined, `${lang} ${key}`);
  }
});
