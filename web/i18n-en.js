// The page's texts in English: i18n.js has the Chinese ones, and adds these to TEXTS when they are
// first needed (loadTexts).
// Names begin these steps: "your parent" as a sentence's first word (review 59).
const upper = (text) => text.charAt(0).toUpperCase() + text.slice(1);

export const EN_TEXTS = {
  lang: 'en',
  title: 'Family Mutual Aid Calculator',
  tagline:
    'Employee medical-insurance family mutual aid: who may use whose account, how much, for what, and how to bind. Computed on your device; nothing is sent.',
  switchLang: '中文',
  switchLangLabel: '切换到中文',
  regionAndDate: 'Region and date',
  holderRegion: 'Where the holder is insured',
  regionPlaceholder: 'City or pinyin, e.g. 郑州 / zz',
  regionExample: 'An example region: change it to where you are insured.',
  noMatch: 'No matching region',
  asOf: 'Rules as of (year-month-day)',
  asOfPlaceholder: 'e.g. 2026-06-01',
  holder: 'Holder (whose account is shared)',
  scheme: 'Insurance',
  status: 'Status',
  tier: 'Tier (Shenzhen and other tiered regions)',
  tierNone: 'Choose a tier',
  tierHint:
    'Some places divide the employee scheme into tiers, and some tiers have no personal account (the answer says which). If you are not sure of yours, ask the local medical insurance office, or whoever handles social insurance at your employer if you have one.',
  householdPath: 'More than one earner in the family? Plan the whole household',
  balance: 'Personal account balance (yuan)',
  priorYears: 'Of which prior-years balance (yuan; some places share only this part)',
  authorized:
    'Authorised amount (yuan, optional; across provinces, the quota set in the wallet for each relative there)',
  family: 'Family members',
  addMember: 'Add a member',
  removeMember: 'Remove member',
  expenseRemoved: (n) => `Bill ${n} removed.`,
  undo: 'Undo',
  restored: 'Restored.',
  member: 'Member',
  memberName: 'Name (optional, shown on this device only)',
  relation: 'Relation to the holder',
  age: 'Age',
  memberScheme: 'Own insurance',
  memberRegion: 'Where insured (blank: same as the holder)',
  ownBalance: 'Own personal account balance (yuan)',
  bound: 'Already bound to another holder',
  expenses: 'Expenses to simulate (optional)',
  addExpense: 'Add an expense',
  removeExpense: 'Remove expense',
  expense: 'Expense',
  payer: 'Whose expense',
  holderSelf: 'The holder',
  chooseMember: 'Choose a member',
  kind: 'Kind',
  amount: 'Personal share (yuan)',
  designated: 'At a designated institution',
  results: 'Results',
  waiting: 'Loading the calculator…',
  loadFailed: 'The calculator failed to load; please reload the page.',
  answerFailed: 'A file this answer needs could not be downloaded; check the connection.',
  tryAgain: 'Try again',
  fixFields: 'Please correct the marked fields first.',
  fieldSep: ': ',
  yuanFormat: 'Enter an amount such as 3000 or 3000.50',
  exampleSummary: ' (from the example balance: enter your own)',
  balanceExample: (amount) =>
    `${amount} yuan is an example: change it to your own balance (your medical-insurance app shows it).`,
  yuanTooLarge: 'That amount is too large: at most 1,000,000,000 yuan',
  yuanNegative: 'An amount cannot be negative',
  yuanEmpty: 'Enter an amount',
  skipToResults: 'Skip to results',
  yuanZero: 'An expense must be more than 0 yuan',
  chooseFromList: 'Choose from the list',
  yuanDecimals: 'At most two decimal places (fen)',
  ageFormat: 'Enter a whole number from 0 to 150',
  ageEmpty: 'Enter the age in years',
  oneSpouse: 'There can be only one spouse.',
  dateFormat: 'Enter a real date, such as 2026-06-01 or 2026/6/1',
  memberRemoved: (who, expenses) =>
    `Removed ${who}${expenses ? ` and ${expenses === 1 ? 'the expense' : `the ${expenses} expenses`} entered for them` : ''}.`,
  memberLimit: (most) => `At most ${most} members can be added.`,
  expenseLimit: (most) => `At most ${most} expenses can be added.`,
  regionSameAsHolder: "the holder's place of insurance",
  regionSeveral: (typed, kept) =>
    `“${typed}” matches several places: choose one from the list.${kept ? ` Meanwhile it is computed with ${kept}.` : ''}`,
  regionSeveralEmpty: (typed, means) =>
    `“${typed}” matches several places: choose one from the list. Meanwhile it is computed with ${means}.`,
  regionNotFoundEmpty: (typed, means) =>
    `“${typed}” was not found: type a city or its pinyin and choose from the list. Meanwhile it is computed with ${means}.`,
  districtOf: (district, region) => `${district} is part of ${region}, whose rules are used.`,
  regionNotFound: (typed, kept) =>
    `“${typed}” was not found: type a city or its pinyin and choose from the list.${kept ? ` Still using ${kept}.` : ''}`,
  summaryCan: (n, total, amount, unsure = 0, payable = 0) =>
    total
      ? `Shareable: ${amount}; ${n} of ${total} ${total === 1 ? 'member' : 'members'} may use it${unsure ? `, ${unsure} not confirmed` : ''}${payable ? `, ${payable} may have their residents' contribution paid` : ''}.`
      : `Shareable: ${amount}. Add family members to see who may use it.`,
  summaryCannot: 'The holder has no personal account that can be shared.',
  glossaryTitle: 'What some words mean',
  glossary: [
    ['Holder (共济人)', 'The person whose employee personal account pays for relatives.'],
    [
      'Relative (共济对象)',
      "A near relative who uses the holder's account for care, medicine or contributions.",
    ],
    [
      'Pooling area (统筹区)',
      'The area whose medical-insurance fund is managed as one, often one prefecture-level city.',
    ],
    [
      { route: 'in_province' },
      'The holder and the relative are insured in the same province but different pooling areas.',
    ],
    [
      'Wallet (医保钱包)',
      "A fund account in the National Medical Insurance Service Platform app, linked to the person's insurance code, used to share with near relatives in other provinces.",
    ],
    [
      'Designated provider (定点医药机构)',
      'A hospital or pharmacy contracted with medical insurance; only costs there can be paid from the account.',
    ],
    [
      'Prior-years part (历年账户)',
      "Some places such as Shanghai and Zhejiang split the account into a prior-years part (earlier years' savings) and this year's part; in Shanghai and Hangzhou only the prior-years part can be shared.",
    ],
    [
      'Limit (授权额度)',
      'What the holder lets a relative use; from 2026, for a relative in another province, it is the quota set for them in the wallet.',
    ],
  ],
  poolNotKnown:
    "What can be shared is not known, so no bill below counts on the holder's account (why: see above).",
  summaryShort: (n, total, amount) =>
    total ? [`Shareable ${amount}`, `${n} of ${total} may use it`] : [`Shareable ${amount}`],
  summaryShortCannot: ['The holder has no shareable account'],
  summaryShortWhyNot: {
    'holder.sharing_not_started': 'Counted as before sharing began there',
    'holder.payments_not_started': 'Shared payments had not begun yet',
    'holder.resident_no_account': "Residents' insurance has no account",
    'holder.uninsured': 'The holder is not insured',
    'holder.tier_no_account': 'This tier has no account',
    'holder.status_no_account': 'No account for this status',
    'holder.status_no_account_unconfirmed': 'Likely no account for this status',
  },
  toAnswer: 'See the answer',
  elderMode: 'Large type',
  // After "More:" each name is as in a sentence ("More: family diagram").
  more: (names) => `More: ${names.map((n) => n[0].toLowerCase() + n.slice(1)).join(', ')}`,
  moreNames: {
    priorYears: 'prior-years balance',
    authorized: 'authorised amount',
    ownBalance: 'own balance',
    bound: 'bound by someone else?',
  },
  brokenLink:
    'This link could not be read (it may be incomplete or damaged); the form below is the default one.',
  picture: 'Family diagram',
  pictureLabel: (names) =>
    `The holder in the middle; members who may use the account: ${names || 'none'}`,
  you: 'Holder',
  unsure: 'Not confirmed',
  route: 'Route',
  face: 'Own face verification to bind',
  contribution: "May pay residents' contribution",
  reasons: 'Why',
  pool: 'Shareable money',
  poolStart: 'Start',
  poolUsed: 'Used',
  poolLeft: 'Left',
  result: 'Result',
  listSeparator: ', ',
  lastSeparator: ' and ',
  counterFirst: (names) =>
    `${names}: if a face check on a phone is hard, go to the counter. Bring the documents listed below; a family member may come along.`,
  contributionTitle: "Paying residents' insurance from the account",
  contributionSteps: (local, wallet) => [
    ...(local
      ? [
          `Within the local residents' insurance payment period, pay for ${local}`,
          'In the mutual-aid service of the local insurance app or mini program, choose the family payment (共济缴费 / 个账代缴; names differ by region), or ask at the counter',
          'Choose the relative and the year, confirm the amount, and it is taken from your personal account',
        ]
      : []),
    ...(wallet
      ? [
          `${upper(wallet)} insured in another province: set a quota for them in the medical-insurance wallet (or transfer, if the app asks)`,
          `${upper(wallet)} then pays the residents' contribution from their own wallet where they are insured`,
        ]
      : []),
  ],
  guidance: 'How to bind',
  guidanceInstead: 'What you can do',
  documents: 'Documents',
  notes: 'Notes',
  warnings: 'Warnings',
  fillField: {
    '/holder/prior_years_balance_fen': 'Enter the prior-years balance',
    '/holder/tier': 'Choose the tier',
    '/holder/authorized_limit_fen': 'Enter the quota',
  },
  sources: 'Sources',
  undated: 'undated',
  reprint: (original) => `the link is a copy on another site; the original: ${original}`,
  rulesVersion: (v, d) => `Rules version ${v}, last reviewed ${d}`,
  privacy:
    'Privacy: everything is computed in this browser and nothing is uploaded; your family is kept on this device only if you tick “Remember my family on this device”.',
  billsLeftOut: 'Not filled in yet, so left out of the answer below:',
  privacyWidget:
    'Privacy: everything is computed in this browser; nothing is uploaded or kept, so a reload starts afresh.',
  formLabel: 'Family details',
  share: 'Share and keep',
  copyLink: 'Copy link',
  linkCopied: 'Link copied. It holds what you entered; opening it shows the same answer.',
  linkNotCopied:
    'The link could not be copied automatically; press and hold, or select all, in the box below to copy it.',
  namesLeftOut: 'The names are not in the link; tick “Include names in the link” to add them.',
  namesInLink:
    'The names are in the link now, for whoever opens it to see; press “Copy link” again to copy the new link.',
  rememberedNow: 'Your family is kept on this device; press “Forget” to clear it.',
  linkNotRemembered:
    'This family came from a link: changes here do not replace the family remembered on this device; to remember this family instead, tick “Remember” above.',
  linkLabel: 'Link to share',
  includeNames: 'Include names in the link',
  print: 'Print or save as PDF',
  remember: 'Remember my family on this device',
  forget: 'Forget',
  forgotten: 'What this device kept has been cleared.',
  updateAvailable: 'A new version (for example new rules) is available.',
  updateNow: 'Update',
  printedOn: (region, date) => `${region} · rules as of ${date}`,
  futureDate:
    'This is a day still to come: the answer uses the rules known now, not any published later.',
};
