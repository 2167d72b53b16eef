import { TEXTS, spaced } from './i18n.js';
import { EN_TEXTS } from './i18n-en.js';
import { vocabularyWords } from './vocabulary.js';

// The household page shows both languages' texts without waiting (i18n.js's loadTexts is for the
// calculator page, whose first answer goes without the English ones).
TEXTS.en ??= EN_TEXTS;

// The household page's own words, Chinese first, English complete. The plan's sentences come
// from the core, and the words for roles, schemes, statuses and routes from its vocabulary
// (householdTexts); these are the form's labels and the view's headings.
export const HOUSEHOLD_TEXTS = {
  'zh-CN': {
    // The calculator's link to this page is its title (one text): a break only at its zero-width
    // spaces (the heading keeps words whole), never 职/工.
    title: TEXTS['zh-CN'].householdPath,
    tagline: '全家人分别绑定到谁的职工医保个人账户？逐人给出建议、理由和办理步骤，全部在本机计算。',
    back: '← 返回单人计算',
    backKeeps: '（单人计算仍是您离开时的样子，这里的修改不会带回去）',
    switchLang: 'English',
    asOf: TEXTS['zh-CN'].asOf, // one label for the date on both pages
    people: '家庭成员',
    // Two unnamed people of one role, told apart as the plan's sentences do (person.aged).
    aged: (role, age) => `${role}（${age}岁）`,
    exampleNote: '下面是一个示例家庭，请改成您家的成员、年龄和余额。',
    clearExample: '清空示例，填我家',
    exampleCleared: '已清空示例，请从您本人填起。',
    brokenLink: '这个链接无法读取（可能不完整或已损坏），下面不是链接里的家庭。',
    carriedNote: '已带入您在计算器里填写的家人。请填上您自己的年龄，再核对每个人。',
    carriedExampleBalance: '计算器里的余额是示例金额，没有带过来：请填上您自己的个人账户余额。',
    carriedBalance: '职工医保家人的个人账户余额计算器里没有填的，这里也要填上。',
    carriedParents:
      '计算器不问父母是父亲还是母亲，这里先按父亲、母亲的顺序填入，请改成实际的关系。',
    carriedNoNames: '为保护隐私，称呼不会随链接带过来，可以在这里填上。',
    carriedTooMany: '本页最多20人（含您自己），第20位及以后的家人没有带过来。',
    carriedOverflow:
      '第三位及以后的父母（如继父母）本页只能填为“其他家人”，方案可能与单人计算不同。',
    carriedStatus: '职工医保家人的状态（在职或退休）计算器没有问，这里先填“在职”，请改成实际的。',
    extras: (items) =>
      `另有单人计算中填写的：${items.join('；')}。本页不能修改，要改请回到单人计算。`,
    extraHasAccount: '有个人账户',
    extraNoAccount: '没有个人账户',
    boundElsewhere: '已被本页没有列出的人绑定为共济对象',
    person: '成员',
    name: '称呼（可不填，只在本机显示）',
    role: '与您的关系',
    sex: '您的性别（可不填）',
    sexNone: '不填',
    age: '年龄',
    scheme: '参保类型',
    status: '状态',
    region: '参保地',
    sameRegionPlaceholder: '不填即与您相同，或输入城市',
    regionSameAsYou: '与您相同的参保地',
    balance: '个人账户余额（元）',
    add: '+ 添加成员',
    remove: '删除',
    removed: (who) => spaced('已删除', who, '。'),
    peopleLimit: (most) => `最多可以填写 ${most} 位家庭成员。`,
    sep: '：',
    listSep: '、',
    plan: '共济方案',
    toPlan: '看方案',
    // The bar's gist, short enough for two lines on a phone in large type.
    // `outside`: of those not covered here, how many a holder not listed already covers.
    barSummary: (covered, total, outside = 0) =>
      total
        ? `${total} 位家人中 ${covered} 位可以用共济账户${outside ? `，${outside} 位已由他人绑定` : ''}`
        : '没有需要共济的家人',
    waiting: '正在计算……',
    // `covered`: those a holder's account can pay for on the plan's day, which is not the same as
    // who may be bound (上海, July 2022: binding was open, payments began on 1 August; walk 52).
    // `holders`: how many can share; with no one to cover and two or more of them, everyone has
    // an account of their own (review: a couple was told to add family); with none and family
    // to cover, no one can share (before sharing began, or no employee: walk 58 #16).
    summary: (covered, total, holders = 0, outside = 0) =>
      total && !holders && !outside
        ? '家中没有人能用自己的职工医保个人账户为家人共济；每位家人的原因和怎样才能被共济见下。'
        : total
          ? `需要共济的 ${total} 位家人中，${covered} 位可以用家中共济人的账户${outside ? `；另有 ${outside} 位已由本页以外的人绑定，现在的绑定可以继续用` : ''}。`
          : holders > 1
            ? '家里每个人都有自己可以共济的职工医保个人账户，不需要绑定到别人的账户。'
            : '还没有需要共济的家人：添加家人并填好后，这里会给出方案。',
    picture: '谁绑定到谁',
    pictureLabel: '共济关系图：左边是共济人，右边是绑定到他们的家人',
    nobodyColumn: '暂无共济人',
    boundOutsideColumn: '已由他人绑定',
    holders: '共济人和办理步骤',
    shareable: '可共济',
    binds: '绑定',
    nobody: '无',
    steps: '办理步骤',
    documents: '所需材料',
    notes: '注意事项',
    // On paper, in place of notes printed under a holder above.
    notesAsAbove: '已在上文列出，不再重复。',
    futureDate: TEXTS['zh-CN'].futureDate,
    tierMissingFor: '还没有选择档次的：',
    otherNotesAsAbove: '其余已在上文列出。',
    peopleList: '每位家人',
    holderOf: '共济人',
    alternatives: '也可以绑定到',
    payer: '可为其出居民医保费',
    changes: '怎样才能被共济',
    warnings: '提醒',
    why: '理由',
    sources: '依据',
    undated: '未注明日期',
    reprint: (original) => `链接为其他网站的转载，原文：${original}`,
    copyLink: '复制链接',
    includeNames: '链接中包含称呼',
    linkCopied: '链接已复制',
    linkNotCopied: TEXTS['zh-CN'].linkNotCopied,
    linkLabel: TEXTS['zh-CN'].linkLabel,
    sentenceSep: '。',
    namesLeftOut: TEXTS['zh-CN'].namesLeftOut,
    namesInLink: TEXTS['zh-CN'].namesInLink,
    // The printout's heading, and for which day the plan was made.
    printedFor: (date) => `按 ${date} 的规则`,
    print: '打印或保存为PDF',
    version: '规则版本',
    // A request's problems are said as the calculator says them (i18n.js, dom.js problemNotice).
    yuanFormat: TEXTS['zh-CN'].yuanFormat,
    yuanTooLarge: TEXTS['zh-CN'].yuanTooLarge,
    yuanNegative: TEXTS['zh-CN'].yuanNegative,
    undo: TEXTS['zh-CN'].undo, // a removal taken back, in the calculator's words
    restored: TEXTS['zh-CN'].restored,
    yuanEmpty: TEXTS['zh-CN'].yuanEmpty,
    chooseFromList: TEXTS['zh-CN'].chooseFromList,
    yuanDecimals: TEXTS['zh-CN'].yuanDecimals,
    ageFormat: TEXTS['zh-CN'].ageFormat,
    ageEmpty: TEXTS['zh-CN'].ageEmpty,
    dateFormat: TEXTS['zh-CN'].dateFormat,
    privacy:
      '所有计算都在您的浏览器里完成，不会发送任何数据；只有勾选“在本设备上记住这个家庭”时才保存在本机。',
    remember: '在本设备上记住这个家庭（下次打开本页时还在）',
    rememberedNow: '已记住，只保存在这台设备上；取消勾选即删除。',
    forgotten: '已删除这台设备上保存的家庭。',
  },
  en: {
    title: TEXTS.en.householdPath,
    tagline:
      'Whose employee personal account should each of your family be bound to? Per person a proposal, the reason and the steps, computed on this device.',
    back: '← Back to the single calculator',
    backKeeps: ' (as you left it: changes made here do not go back to it)',
    switchLang: '中文',
    asOf: TEXTS.en.asOf,
    aged: (role, age) => `${role} (aged ${age})`,
    people: 'Family members',
    exampleNote: 'Below is an example household: change it to your own family, ages and balances.',
    clearExample: 'Clear the example',
    exampleCleared: 'The example is cleared: start with yourself.',
    brokenLink:
      'This link cannot be read (it may be incomplete or damaged); the household below is not the one in the link.',
    carriedNote:
      'The family you entered in the calculator is filled in. Add your own age, then check each person.',
    carriedExampleBalance:
      " The calculator's balance was its example, so it was not brought over: fill in your own personal account balance.",
    carriedBalance:
      ' An employee-scheme relative whose own balance was not entered in the calculator needs it here.',
    carriedParents:
      ' The calculator does not ask whether a parent is a father or a mother: they are filled in as father, then mother. Change them to the real relation.',
    carriedNoNames: ' For privacy, names never come with a link; you can fill them in here.',
    carriedTooMany:
      ' This page takes at most 20 people, you included: the 20th relative and any after were not brought over.',
    carriedOverflow:
      ' A third parent or more (a step-parent) can only be entered here as another relative, so the plan may differ from the single calculator.',
    carriedStatus:
      " The calculator does not ask an employee-scheme relative's status (in work or retired): it is filled in as in work; change it to the real one.",
    extras: (items) =>
      `Also from the single calculator: ${items.join('; ')}. This is changed on the single calculator, not here.`,
    extraHasAccount: 'has a personal account',
    extraNoAccount: 'no personal account',
    boundElsewhere: 'Already bound by a holder not listed on this page',
    person: 'Member',
    name: 'Name (optional, shown on this device only)',
    role: 'Relation to you',
    sex: 'Your sex (optional)',
    sexNone: 'Not given',
    age: 'Age',
    scheme: 'Insurance',
    status: 'Status',
    region: 'Insured in',
    sameRegionPlaceholder: 'Same as yours if left blank',
    regionSameAsYou: 'the same place as yours',
    balance: 'Personal account balance (yuan)',
    add: '+ Add a member',
    remove: 'Remove',
    removed: (who) => `Removed ${who}.`,
    peopleLimit: (most) => `At most ${most} family members can be entered.`,
    sep: ': ',
    listSep: ', ',
    plan: 'The plan',
    toPlan: 'See the plan',
    barSummary: (covered, total, outside = 0) =>
      total
        ? `${covered} of ${total} can use an account${outside ? `; ${outside} bound elsewhere` : ''}`
        : 'No one to cover',
    waiting: 'Working it out…',
    summary: (covered, total, holders = 0, outside = 0) =>
      total && !holders && !outside
        ? 'No one in the household can share an employee personal account with the family; why for each person, and what would change it, is below.'
        : total === 0
          ? holders > 1
            ? "Everyone here has an employee personal account of their own to share: no one needs to be bound to another's."
            : 'No family member to be covered yet: add one and fill it in, and the plan appears here.'
          : `${
              total === 1
                ? `The one family member to be covered ${covered ? 'can' : 'cannot'} use the account of a holder in the household.`
                : `Of the ${total} family members to be covered, ${covered} can use the account of a holder in the household.`
            }${outside ? ` ${outside === 1 ? 'One is' : `${outside} are`} already bound by someone not listed here, and that binding can go on.` : ''}`,
    picture: 'Who is bound to whom',
    pictureLabel: 'Diagram: holders on the left, the family members bound to them on the right',
    nobodyColumn: 'No holder yet',
    boundOutsideColumn: 'Bound by someone else',
    holders: 'Holders and their steps',
    shareable: 'Shareable',
    binds: 'Binds',
    nobody: 'nobody',
    steps: 'Steps',
    documents: 'Documents',
    notes: 'Notes',
    notesAsAbove: 'Printed above; not repeated.',
    futureDate: TEXTS.en.futureDate,
    tierMissingFor: 'Tier not chosen yet for:',
    otherNotesAsAbove: 'The rest are printed above.',
    peopleList: 'Each family member',
    holderOf: 'Holder',
    alternatives: 'Could also be bound to',
    payer: "Residents' contribution can be funded by",
    changes: 'What would make it possible',
    warnings: 'Warnings',
    why: 'Why',
    sources: 'Sources',
    undated: 'undated',
    reprint: (original) => `the link is a copy on another site; the original: ${original}`,
    copyLink: 'Copy link',
    includeNames: 'Include names in the link',
    linkCopied: 'Link copied',
    linkNotCopied: TEXTS.en.linkNotCopied,
    linkLabel: TEXTS.en.linkLabel,
    sentenceSep: '. ',
    namesLeftOut: TEXTS.en.namesLeftOut,
    namesInLink: TEXTS.en.namesInLink,
    printedFor: (date) => `Rules as of ${date}`,
    print: 'Print or save as PDF',
    version: 'Rules version',
    yuanFormat: TEXTS.en.yuanFormat,
    yuanTooLarge: TEXTS.en.yuanTooLarge,
    yuanNegative: TEXTS.en.yuanNegative,
    undo: TEXTS.en.undo,
    restored: TEXTS.en.restored,
    yuanEmpty: TEXTS.en.yuanEmpty,
    chooseFromList: TEXTS.en.chooseFromList,
    yuanDecimals: TEXTS.en.yuanDecimals,
    ageFormat: TEXTS.en.ageFormat,
    ageEmpty: TEXTS.en.ageEmpty,
    dateFormat: TEXTS.en.dateFormat,
    privacy:
      'Everything is computed in your browser; nothing is sent anywhere, and the household is kept on this device only if you tick “Remember this household on this device”.',
    remember: 'Remember this household on this device (it is here when you next open this page)',
    rememberedNow: 'Remembered, on this device only; untick to delete it.',
    forgotten: 'The household kept on this device is deleted.',
  },
};

/** The page's words in `lang` with the vocabulary's option lists and labels (vocabulary.js). */
export function householdTexts(lang, vocabulary) {
  return { ...HOUSEHOLD_TEXTS[lang], ...vocabularyWords(vocabulary, lang) };
}
