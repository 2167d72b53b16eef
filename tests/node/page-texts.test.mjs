// The page's own English sentences agree in number with the counts they give: "1 of 1 member",
// "The one family member", never "1 members" (found in the new user's walk of the household page).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { HOUSEHOLD_TEXTS } from '../../web/household-texts.js';
import { series, sourceFacts, spaced, TEXTS } from '../../web/i18n.js';

const ONE_PLURAL = /\b1 (of 1 )?(family )?(members|people|relatives)\b|\bthe 1\b/i;

test('the family summary names one member in the singular and several in the plural', () => {
  const say = TEXTS.en.summaryCan;
  assert.equal(say(1, 1, '¥1.00'), 'Shareable: ¥1.00; 1 of 1 member may use it.');
  assert.equal(say(0, 2, '¥1.00'), 'Shareable: ¥1.00; 0 of 2 members may use it.');
});

test('with no family member entered yet, the summary counts nobody and says what to add', () => {
  for (const lang of ['zh-CN', 'en']) {
    const text = TEXTS[lang].summaryCan(0, 0, '3,000.00');
    assert.match(text, /3,000\.00/);
    assert.doesNotMatch(text, /\b0 of 0\b|0 位成员中/, text);
    assert.match(text, lang === 'en' ? /Add family members/ : /添加家人/, text);
  }
});

test('the household summary reads right for one, none and several to cover', () => {
  const say = HOUSEHOLD_TEXTS.en.summary;
  for (const [covered, total] of [
    [0, 1],
    [1, 1],
    [0, 2],
    [2, 3],
  ]) {
    const text = say(covered, total, 1);
    assert.doesNotMatch(text, ONE_PLURAL, text);
    assert.match(text, total === 1 ? /family member\b/ : /family members\b/, text);
  }
  assert.match(say(0, 1, 1), /cannot use the account/);
  assert.match(say(1, 1, 1), /can use the account/);
  // With no one able to share, it says so rather than "0 of 3" (walk 58 #16: before 2021 the
  // earners were counted among those to cover); one bound outside is still counted.
  for (const texts of Object.values(HOUSEHOLD_TEXTS)) {
    assert.match(texts.summary(0, 3, 0), /没有人能用自己的|No one in the household can share/);
    assert.doesNotMatch(texts.summary(0, 3, 0), /\b0\b|0 位/);
    assert.match(texts.summary(0, 3, 0, 1), /3/);
  }
  // The count is of who can use a holder's account on the plan's day, not of who may be bound:
  // 上海 in July 2022 opened binding before payments (walk 52), and the holder's card says so.
  for (const texts of Object.values(HOUSEHOLD_TEXTS)) {
    for (const text of [texts.summary(0, 2, 1), texts.barSummary(0, 2)])
      assert.doesNotMatch(text, /绑定|bound/, text);
  }
});

// From the new user's walk: an undated source read "— · 官方", and official texts linked to
// unknown sites with no word that the link is a copy.
test('a source says when it has no date, and that its link is a copy and of what', () => {
  for (const [lang, texts] of [...Object.entries(TEXTS), ...Object.entries(HOUSEHOLD_TEXTS)]) {
    const words = { ...texts, reliability: { official: lang === 'en' ? 'official' : '官方' } };
    const undated = sourceFacts({ date: '', reliability: 'official', copy_of: '' }, words);
    assert.equal(undated, `${texts.undated} · ${words.reliability.official}`);
    const copy = sourceFacts(
      { date: '2021-04-22', reliability: 'official', copy_of: '国办发〔2021〕14号' },
      words,
    );
    assert.match(copy, /^2021-04-22 · (官方|official) · .*国办发〔2021〕14号$/);
    assert.ok(copy.includes(texts.reprint('')), copy);
  }
});

// From the new user's walk: "Ask 女儿, 老婆 to confirm…" had no "and". The page names people in a
// sentence as the answers do (core Texts::series).
test('people named in a sentence read as a series, in both languages', () => {
  const cases = {
    'zh-CN': [[], '', ['爷爷'], '爷爷', ['爷爷', '小明'], '爷爷和小明'],
    en: [[], '', ['Grandpa'], 'Grandpa', ['Grandpa', 'Ming'], 'Grandpa and Ming'],
  };
  for (const [lang, pairs] of Object.entries(cases)) {
    for (let i = 0; i < pairs.length; i += 2)
      assert.equal(series(pairs[i], TEXTS[lang]), pairs[i + 1]);
  }
  assert.equal(series(['爷爷', '奶奶', '小明'], TEXTS['zh-CN']), '爷爷、奶奶和小明');
  assert.equal(series(['Grandpa', 'Grandma', 'Ming'], TEXTS.en), 'Grandpa, Grandma and Ming');
  assert.match(
    TEXTS.en.counterFirst(series(['Grandpa', 'Grandma'], TEXTS.en)),
    /^Grandpa and Grandma:/,
  );
  assert.match(
    TEXTS['zh-CN'].contributionSteps(series(['爷爷', '小明'], TEXTS['zh-CN']), null)[0],
    /为爷爷和小明办理代缴/,
  );
  // A relative in another province pays from their own wallet: no step says the account pays.
  const wallet = TEXTS['zh-CN'].contributionSteps(null, '妈妈');
  assert.equal(wallet.length, 2);
  assert.doesNotMatch(wallet.join(''), /从您的个人账户扣款|转给亲属/);
  assert.match(wallet.join(''), /妈妈用自己的医保钱包/);
});

// From walk 36: the household page's title and the calculator's link to it said "two earners"
// (我们家有两位职工医保参保人), where the page plans for two holders or more. One text says it, and
// the pages' static HTML (the tab's title, the link's first paint) says the same.
test('the household page is named for more than one earner, the same in its title, its heading and the link to it', () => {
  const page = (name) => readFileSync(new URL(`../../web/${name}`, import.meta.url), 'utf8');
  const visible = (text) => text.replaceAll('\u200b', '');
  for (const lang of ['zh-CN', 'en']) {
    const named = TEXTS[lang].householdPath;
    assert.equal(HOUSEHOLD_TEXTS[lang].title, named, `${lang}: the heading is the link's text`);
    assert.doesNotMatch(named, /两位|二位|\btwo\b|\b2\b/i, named);
    assert.match(named, lang === 'en' ? /more than one/i : /不止一位/);
  }
  const zh = TEXTS['zh-CN'].householdPath;
  // Breaks only at its zero-width spaces: between words, never 职/工.
  assert.deepEqual(zh.split('\u200b'), ['家里不止一位', '职工医保参保人？', '全家一起规划']);
  const title = /<title>([^<]*)<\/title>/.exec(page('household.html'))[1];
  assert.equal(title, visible(zh));
  const link = /<a [^>]*id="household-link"[^>]*>([^<]*)<\/a>/.exec(page('index.html'))[1];
  // In the shell's language, as the skip link (walk 52): the page writes its own once it runs.
  assert.equal(link.replaceAll('&#8203;', '\u200b'), zh, "the link's first paint");
});

// From walk 36: the household page had a lead of its own for a request's problems (请检查：,
// 请先修正标出的内容：) where the calculator said 请先修正标出的内容。. One text says it for both
// (i18n.js fixFields, shown by dom.js problemNotice), and the words for an amount are the same.
test("a request's problems are introduced by one text for both pages", () => {
  for (const lang of ['zh-CN', 'en']) {
    const own = HOUSEHOLD_TEXTS[lang];
    assert.equal(own.fixFields, undefined, `${lang}: no lead of the household page's own`);
    assert.equal(own.problem, undefined, `${lang}: no second lead`);
    assert.equal(own.yuanFormat, TEXTS[lang].yuanFormat);
    assert.equal(own.yuanTooLarge, TEXTS[lang].yuanTooLarge);
    assert.ok(TEXTS[lang].fixFields && TEXTS[lang].fieldSep, lang);
  }
});

// From walk 38: "为成员 1办理代缴": a label that ends in a digit (成员 1, an unnamed member) or a
// Latin letter (a name such as Tom) was glued to the Chinese after it. Every sentence that takes
// labels sets them apart with a space, and leaves the rest of its text as it is.
test('a label ending or starting with a digit or a Latin letter is set apart from the Chinese beside it', () => {
  const zh = TEXTS['zh-CN'];
  const GLUED = /成员 \d[\u4e00-\u9fff]|[\u4e00-\u9fff]Tom|Tom[\u4e00-\u9fff]/;
  const said = [
    series(['成员 1', '成员 2'], zh),
    series(['Tom', '成员 3', '小明'], zh),
    ...zh.contributionSteps(series(['成员 1', 'Tom'], zh), '成员 2'),
    ...zh.contributionSteps('小明', 'Tom'),
    zh.counterFirst(series(['成员 1', '成员 2'], zh)),
    zh.memberRemoved('成员 2', 1),
    zh.memberRemoved('成员 2', 0),
    HOUSEHOLD_TEXTS['zh-CN'].removed('成员 3'),
  ];
  for (const text of said) assert.doesNotMatch(text, GLUED, text);
  assert.equal(series(['成员 1', '成员 2'], zh), '成员 1 和成员 2');
  assert.equal(
    zh.contributionSteps('成员 1', null)[0],
    '在当地城乡居民医保的缴费期内，为成员 1 办理代缴',
  );
  assert.equal(
    zh.contributionSteps(null, 'Tom')[1],
    '由 Tom 用自己的医保钱包在其参保地缴纳城乡居民医保',
  );
  assert.equal(zh.memberRemoved('成员 2', 1), '已删除成员 2 及其 1 笔支出。');
  // Chinese beside Chinese, or beside a full-width mark, is joined as it was.
  assert.equal(series(['爷爷', '小明'], zh), '爷爷和小明');
  assert.equal(spaced('为', '成员 1（小明）', '办理'), '为成员 1（小明）办理');
  assert.equal(spaced('医保APP', '或小程序'), '医保APP 或小程序');
});

test('what the pages say when the form changes or stops is in both languages', () => {
  for (const lang of ['zh-CN', 'en']) {
    const t = TEXTS[lang];
    const h = HOUSEHOLD_TEXTS[lang];
    for (const text of [
      t.dateFormat,
      t.memberRemoved('M', 2),
      t.memberLimit(20),
      t.expenseLimit(200),
      t.regionNotFound('xyzzy', 'P'),
      t.regionNotFound('xyzzy', ''),
      t.namesLeftOut,
      h.removed('M'),
      h.peopleLimit(20),
      h.printedFor('2026-06-01'),
      h.ageFormat,
      h.dateFormat,
      h.namesLeftOut,
    ]) {
      assert.ok(typeof text === 'string' && text.length > 3, `${lang}: ${text}`);
      if (lang === 'en') assert.doesNotMatch(text, /[\u4e00-\u9fff]/, text);
      else assert.match(text, /[\u4e00-\u9fff]/, text);
    }
  }
  assert.match(TEXTS['zh-CN'].regionNotFound('xyzzy', '北京市'), /没有找到“xyzzy”.*北京市/);
  assert.doesNotMatch(TEXTS['zh-CN'].regionNotFound('xyzzy', ''), /仍按/);
});

// From the new user's walk: the Chinese date field's hint read "YYYY-MM-DD", letters an older
// reader must decode; it is an example date in both languages.
test('the date hint is an example date, with no format letters, in both languages', () => {
  for (const lang of ['zh-CN', 'en']) {
    const hint = TEXTS[lang].asOfPlaceholder;
    assert.match(hint, /\d{4}-\d{2}-\d{2}/, lang);
    assert.doesNotMatch(hint, /Y{2,}|M{2}|D{2}/, lang);
  }
  assert.doesNotMatch(TEXTS['zh-CN'].asOfPlaceholder, /[A-Za-z]/);
});
