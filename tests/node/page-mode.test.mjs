// The links between the calculator and the household page carry how the page is shown
// (?lang=en&large=1) and, to the household page, the region chosen on the calculator
// (?region=110000): only a six-digit code is read from an address, anything else is ignored.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modeFromUrl, withMode } from '../../web/page-mode.js';

const base = 'https://example.test/gongji/';

test('the region chosen on the calculator goes into the link to the household page, with the language and large type', () => {
  const link = withMode('household.html', base, { lang: 'en', elder: true, region: '310000' });
  assert.equal(link, `${base}household.html?lang=en&large=1&region=310000`);
  assert.deepEqual(modeFromUrl(link), { lang: 'en', elder: true, region: '310000' });
  // Chinese and normal type are the defaults: only the region is said.
  assert.equal(
    withMode('household.html', base, { lang: 'zh-CN', elder: false, region: '110000' }),
    `${base}household.html?region=110000`,
  );
});

test("an address already read keeps no region: the household page's own link and the way back", () => {
  const here = `${base}household.html?region=110000&lang=en`;
  assert.equal(withMode(here, here, { lang: 'en', elder: false }), `${base}household.html?lang=en`);
  assert.equal(withMode('./', here, { lang: 'zh-CN' }), base);
});

test('a region that is not six digits is never read from an address nor written into a link', () => {
  for (const region of [
    '',
    '11000',
    '1100001',
    '11000a',
    '１１００００', // full-width digits
    '110000 ',
    '<img src=x onerror=alert(1)>',
    '110000<script>',
    '-10000',
    '1e5000',
  ]) {
    const address = `${base}household.html?region=${encodeURIComponent(region)}`;
    assert.equal(modeFromUrl(address).region, undefined, region);
    assert.equal(
      withMode('household.html', base, { region }),
      `${base}household.html`,
      `not written: ${region}`,
    );
  }
  // Given twice, the first is read (URLSearchParams.get), and it must be a code too.
  assert.equal(modeFromUrl(`${base}?region=abc&region=110000`).region, undefined);
});
