// Every text of the page, Chinese first and English too. Answers come translated from the core.
export const TEXTS = {
  'zh-CN': {
    lang: 'zh-CN', // which language these are, also in a copy merged with the vocabulary's words
    title: '家庭共济计算器',
    tagline:
      '职工医保个人账户家庭共济：谁能用谁的钱、能用多少、用在哪、怎么绑定。全部在您的设备上计算，不发送任何数据。',
    switchLang: 'English',
    switchLangLabel: 'Switch to English',
    regionAndDate: '地区和日期',
    holderRegion: '共济人参保地',
    regionPlaceholder: '城市名或拼音，如 郑州 / zz',
    regionExample: '这是示例地区，请改成您参保的城市。',
    noMatch: '没有匹配的地区',
    asOf: '按哪一天的规则计算（年-月-日）',
    asOfPlaceholder: '例如 2026-06-01',
    holder: '共济人（出钱的人）',
    scheme: '参保类型',
    status: '状态',
    tier: '档次（深圳等分档地区）',
    tierNone: '请选择档次',
    tierHint:
      '有的地区职工医保分档次，有的档次没有个人账户（结果里会写明）。不清楚自己参加哪一档的，可以问当地医保经办机构；有工作单位的，也可以问单位负责社保的人员。',
    // The household page's link and its title (household-texts.js), true for two earners or
    // more. It breaks only at the zero-width spaces (.whole-words), never inside a word (职/工).
    householdPath: '家里不止一位\u200b职工医保参保人？\u200b全家一起规划',
    balance: '个人账户余额（元）',
    priorYears: '其中历年账户余额（元；有的地区只能共济历年部分）',
    authorized: '授权额度（元，可选；跨省共济时即在医保钱包里为每位外省亲属设定的共济额度）',
    family: '家庭成员',
    addMember: '添加成员',
    removeMember: '删除成员',
    expenseRemoved: (n) => `已删除支出 ${n}。`,
    undo: '撤销',
    restored: '已恢复。',
    member: '成员',
    memberName: '称呼（可选，只在本机显示）',
    relation: '与共济人的关系',
    age: '年龄',
    memberScheme: '本人参保类型',
    memberRegion: '本人参保地（空着表示与共济人相同）',
    ownBalance: '本人个人账户余额（元）',
    bound: '已被其他人绑定为共济对象',
    expenses: '模拟支出（可选）',
    addExpense: '添加支出',
    removeExpense: '删除支出',
    expense: '支出',
    payer: '谁的支出',
    holderSelf: '共济人本人',
    chooseMember: '请选择成员',
    kind: '类型',
    amount: '个人负担金额（元）',
    designated: '在定点医药机构',
    results: '计算结果',
    waiting: '正在加载计算器…',
    loadFailed: '计算器加载失败，请刷新页面。',
    answerFailed: '计算所需的文件没有下载成功，请检查网络。',
    tryAgain: '再试一次',
    fixFields: '请先修正标出的内容。',
    fieldSep: '：',
    yuanFormat: '请输入金额，如 3000 或 3000.50',
    exampleSummary: '（按示例余额计算，请填写您自己的余额）',
    balanceExample: (amount) => `${amount} 元是示例金额，请改成您自己的余额（可在医保APP里查到）。`,
    yuanTooLarge: '金额太大：最多 1,000,000,000 元',
    yuanNegative: '金额不能是负数',
    yuanEmpty: '请填写金额',
    skipToResults: '跳到结果',
    yuanZero: '支出金额须大于 0 元',
    chooseFromList: '请从列表中选择',
    yuanDecimals: '金额最多两位小数（到分）',
    ageFormat: '请输入0到150的整数',
    ageEmpty: '请填写年龄',
    // Walk 54: the household's sentence (本人、配偶以及双方父母各只能有一位) named roles this form has not.
    oneSpouse: '只能有一位配偶。',
    dateFormat: '请输入有效日期，如 2026-06-01、2026/6/1 或 2026年6月1日',
    // Said (a status) when a member is removed, with the expenses entered for them.
    memberRemoved: (who, expenses) =>
      spaced('已删除', who, expenses ? `及其 ${expenses} 笔支出` : '', '。'),
    memberLimit: (most) => `最多可以添加 ${most} 位成员。`,
    expenseLimit: (most) => `最多可以添加 ${most} 笔支出。`,
    // A place typed that is not in the list: what the field does instead.
    regionSameAsHolder: '与共济人相同的参保地',
    regionSeveral: (typed, kept) =>
      `“${typed}”对应多个地区，请从列表中选一个。${kept ? `现在仍按${kept}计算。` : ''}`,
    regionSeveralEmpty: (typed, means) =>
      `“${typed}”对应多个地区，请从列表中选一个。现在按${means}计算。`,
    regionNotFoundEmpty: (typed, means) =>
      `没有找到“${typed}”，请输入城市名或拼音后从列表中选择。现在按${means}计算。`,
    districtOf: (district, region) => `${district}属于${region}，按${region}的规定计算。`,
    regionNotFound: (typed, kept) =>
      `没有找到“${typed}”，请输入城市名或拼音后从列表中选择。${kept ? `现在仍按“${kept}”计算。` : ''}`,
    summaryCan: (n, total, amount, unsure = 0, payable = 0) =>
      total
        ? `可共济金额 ${amount}；${total} 位成员中 ${n} 位可以使用${unsure ? `，${unsure} 位未确认` : ''}${payable ? `，${payable} 位可代缴居民医保` : ''}。`
        : `可共济金额 ${amount}；添加家人后可以看到谁能使用。`,
    summaryCannot: '共济人没有可以共济的个人账户。',
    poolNotKnown: '可共济的金额算不出，下面的账单都没有计入共济人账户的钱（原因见上文）。',
    glossaryTitle: '几个词的意思',
    glossary: [
      ['共济人', '拿出自己职工医保个人账户里的钱给家人用的人。'],
      ['共济对象', '用共济人账户里的钱看病、买药或缴费的家人，须是近亲属。'],
      ['统筹区', '医保基金统一管理的地区范围，常见为一个地级市。'],
      [{ route: 'in_province' }, '共济人和家人在同一个省、但不在同一个统筹区参保。'],
      ['医保钱包', '国家医保服务平台APP里与本人医保码相关联的资金账户，用于跨省给近亲属共济。'],
      ['定点医药机构', '与医保签约的医院和药店；只有在这些地方的费用才能用个人账户支付。'],
      [
        '历年账户',
        '上海、浙江等地把个人账户分为历年（以前年度结余）和当年两部分；上海和杭州只有历年账户可以共济。',
      ],
      [
        '授权额度',
        '共济人允许亲属使用的金额；2026年起跨省共济时，就是在医保钱包里为亲属设定的共济额度。',
      ],
    ],
    // The summary bar's gist, in parts that each keep to one line on a phone.
    summaryShort: (n, total, amount) =>
      total ? [`可共济 ${amount}`, `${total} 人中 ${n} 人可用`] : [`可共济 ${amount}`],
    summaryShortCannot: ['共济人没有可共济的个人账户'],
    // The bar's gist of the holder's first reason why not, by its code (short: the bar is two
    // lines on a phone); another reason gets summaryShortCannot.
    summaryShortWhyNot: {
      'holder.sharing_not_started': '按当时当地尚未实行家庭共济计算',
      'holder.payments_not_started': '当时还不能用共济账户支付',
      'holder.resident_no_account': '居民医保没有个人账户',
      'holder.uninsured': '共济人未参加基本医保',
      'holder.tier_no_account': '这一档次没有个人账户',
      'holder.status_no_account': '这类人员没有个人账户',
      'holder.status_no_account_unconfirmed': '这类人员很可能没有个人账户',
    },
    toAnswer: '看结果',
    elderMode: '长辈模式',
    // A fold of 长辈模式 names what it holds: 更多：历年余额、授权额度.
    more: (names) => `更多：${names.join('、')}`,
    moreNames: {
      priorYears: '历年余额',
      authorized: '授权额度',
      ownBalance: '本人账户余额',
      bound: '是否已被他人绑定',
    },
    brokenLink: '这个链接无法读取（可能不完整或已损坏），下面是默认的表单。',
    picture: '家庭关系图',
    pictureLabel: (names) => `共济人居中；可以使用的成员：${names || '无'}`,
    you: '共济人',
    unsure: '未确认',
    route: '共济方式',
    face: '绑定需本人刷脸',
    contribution: '可代缴居民医保',
    reasons: '依据',
    pool: '可共济资金',
    poolStart: '开始',
    poolUsed: '已用',
    poolLeft: '剩余',
    result: '结果',
    listSeparator: '、',
    lastSeparator: '和',
    counterFirst: (names) =>
      `${names}：不方便用手机刷脸的，建议到窗口办理。请带好下方“需要准备”的证件；可以请家人陪同前往。`,
    contributionTitle: '用账户代缴居民医保',
    // Relatives bound here (`local`) are paid for from the account; relatives in another province
    // (`wallet`) pay themselves from their own wallet, as their card says.
    contributionSteps: (local, wallet) => [
      ...(local
        ? [
            spaced('在当地城乡居民医保的缴费期内，为', local, '办理代缴'),
            '在参保地医保APP或小程序的家庭共济服务中选择“共济缴费”或“个账代缴”（名称各地不同），也可到窗口办理',
            '选择要缴费的亲属和年度，确认金额后从您的个人账户扣款',
          ]
        : []),
      ...(wallet
        ? [
            spaced(wallet, '在外省参保：在医保钱包里为其设定共济额度（或按页面提示转账）'),
            spaced('由', wallet, '用自己的医保钱包在其参保地缴纳城乡居民医保'),
          ]
        : []),
    ],
    guidance: '怎么办理',
    guidanceInstead: '您可以怎么做',
    documents: '需要准备',
    notes: '注意事项',
    warnings: '提醒',
    // A link from the answer to the field it says is missing (the field takes the focus).
    fillField: {
      '/holder/prior_years_balance_fen': '填写历年账户余额',
      '/holder/tier': '选择档次',
      '/holder/authorized_limit_fen': '填写共济额度',
    },
    sources: '来源',
    undated: '未注明日期',
    reprint: (original) => `链接为其他网站的转载，原文：${original}`,
    rulesVersion: (v, d) => `规则版本 ${v}，最后核对 ${d}`,
    privacy:
      '隐私：所有计算都在本机浏览器中完成，不上传任何信息；只有勾选“在本设备上记住我的家庭”时才保存在本机。',
    // The widget keeps nothing and has no "remember" box (walk 60: its note named one).
    billsLeftOut: '下面的支出还没有填好，结果里暂不计算：',
    privacyWidget:
      '隐私：所有计算都在本机浏览器中完成，不上传也不保存任何信息；刷新页面后需要重新填写。',
    formLabel: '家庭情况',
    share: '分享与保存',
    copyLink: '复制链接',
    linkCopied: '链接已复制。链接里包含您填写的情况，打开即可看到同样的结果。',
    // The clipboard refused (an in-app browser may): the link is shown to copy by hand (walk 46).
    linkNotCopied: '没能自动复制，请长按或全选下面框里的链接复制。',
    namesLeftOut: '链接中没有包含称呼；需要时请勾选“链接中包含称呼”。',
    namesInLink: '链接中已包含称呼，打开链接的人都能看到；请再点“复制链接”复制新的链接。',
    rememberedNow: '已在本设备上记住您的家庭；点“忘记”即可清除。',
    // Another family's link, opened where a family is remembered (walk 46).
    linkNotRemembered:
      '这是链接里的家庭，修改它不会替换本设备记住的家庭；要记住这一家，请勾选“记住”。',
    linkLabel: '可分享的链接',
    includeNames: '链接中包含称呼',
    print: '打印或保存为PDF',
    remember: '在本设备上记住我的家庭',
    forget: '忘记',
    forgotten: '已清除本设备上保存的信息。',
    updateAvailable: '有新版本（例如新规则）可用。',
    updateNow: '更新',
    printedOn: (region, date) => `${region} · 按 ${date} 的规则`,
    futureDate: '以后的日期，按现有规定计算。',
  },
  // English: i18n-en.js, added here when it is loaded (loadTexts), so that a Chinese page does
  // not download it.
};

/**
 * People named in a sentence, as the answers name them (core Texts::series): "A and B",
 * "A, B and C"; "A和B", "A、B和C". A list after a label ("Binds: A, B") stays a plain list.
 */
export function series(items, words) {
  if (items.length < 2) return items.join('');
  return spaced(items.slice(0, -1).join(words.listSeparator), words.lastSeparator, items.at(-1));
}

// A Chinese character (not a full-width mark) at the start or the end of a text.
const HAN_FIRST = /^[\u3400-\u9fff\uf900-\ufaff]/;
const HAN_LAST = /[\u3400-\u9fff\uf900-\ufaff]$/;

/**
 * Texts joined into one, with a space wherever a Latin letter or a digit meets a Chinese
 * character at a join: a label such as 成员 1 or Tom inside a Chinese sentence reads "为成员 1 办理
 * 代缴", "为 Tom 办理代缴", never "成员 1办理". Within each text nothing changes.
 */
export function spaced(...parts) {
  return parts.reduce((text, part) => {
    const next = String(part ?? '');
    const gap =
      (/[A-Za-z0-9]$/.test(text) && HAN_FIRST.test(next)) ||
      (HAN_LAST.test(text) && /^[A-Za-z0-9]/.test(next));
    return gap ? `${text} ${next}` : text + next;
  }, '');
}

/** A remark after a text, in the language's own brackets: "（2021-04-22 · 官方）", " (official)". */
export function aside(text, lang) {
  return lang === 'en' ? ` (${text})` : `（${text}）`;
}

/** 300050 fen -> "3,000.50" without floating point. */
// What may be shared, or "not known" where the answer could not compute it (shareable_known:
// false: the 历年 part not entered, a threshold without a source) — never a made-up 0.00.
// An amount, or that it is not known, pointing to the reason where it stands from here: below
// (the summary, above the holder's card), above (a member's card), or nowhere (the summary bar).
export function shareableText(fen, known, lang, where = 'below') {
  if (known !== false) return formatFen(fen, lang);
  const pointer = {
    below: { en: ' (see below)', zh: '（见下文）' },
    above: { en: ' (see above)', zh: '（见上文）' },
    none: { en: '', zh: '' },
  }[where];
  return lang === 'en' ? `not known${pointer.en}` : `算不出${pointer.zh}`;
}

export function formatFen(fen, lang) {
  const negative = fen < 0;
  const magnitude = Math.abs(fen);
  // Grouped by hand: the first toLocaleString() call loads locale data (~70 ms on a cold page).
  const yuan = String(Math.trunc(magnitude / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = String(magnitude % 100).padStart(2, '0');
  const text = `${negative ? '-' : ''}${yuan}.${cents}`;
  return lang === 'en' ? `¥${text}` : `${text} 元`;
}

// What the page says after a source's title, on every page that lists sources: its date (or that
// it has none), who issued it, and, where the link is a copy on another site, that it is a copy
// and of what: "2021-04-22 · 官方 · 链接为其他网站的转载，原文：国办发〔2021〕14号（国务院办公厅）".
export function sourceFacts(source, words) {
  return [
    source.date || words.undated,
    words.reliability?.[source.reliability],
    source.copy_of ? words.reprint(source.copy_of) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Makes TEXTS[lang] available: the English texts are a module of their own (i18n-en.js, about a
 * sixth of the page's scripts gzipped), loaded only when the page is first shown in English.
 */
export async function loadTexts(lang) {
  if (lang === 'en') TEXTS.en ??= (await import('./i18n-en.js')).EN_TEXTS;
}
