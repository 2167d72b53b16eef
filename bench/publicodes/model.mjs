// A publicodes model of the same national eligibility and expense-waterfall rules as the core
// (relation circle from 2024-08-02, insured members, an open route, permitted uses at designated
// institutions, own account first, then the holder's pool), written for the benchmark only.
const NEAR = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'grandparent',
  'maternal_grandparent',
  'grandchild',
  'maternal_grandchild',
];
const ALLOWED = [
  'outpatient',
  'inpatient',
  'pharmacy',
  'resident_contribution',
  'ltc_contribution',
];
const NEEDS_DESIGNATED = ['outpatient', 'inpatient', 'pharmacy'];

export const rules = {
  holder: null,
  'holder . scheme': { valeur: "'employee'" },
  'holder . status': { valeur: "'employed'" },
  'holder . can share': { valeur: "holder . scheme = 'employee'" },
  'holder . pool': { valeur: 0 },
  member: null,
  'member . relation': { valeur: "'spouse'" },
  'member . scheme': { valeur: "'resident'" },
  'member . age': { valeur: 0 },
  'member . route open': { valeur: 'oui' },
  'member . own balance': { valeur: 0 },
  'member . near relative': {
    'une de ces conditions': NEAR.map((r) => `member . relation = '${r}'`),
  },
  'member . insured': { valeur: "member . scheme != 'none'" },
  'member . binding ok': {
    'toutes ces conditions': [
      'holder . can share',
      'member . near relative',
      'member . route open',
    ],
  },
  'member . eligible': { 'toutes ces conditions': ['member . binding ok', 'member . insured'] },
  'member . contribution payable': {
    'toutes ces conditions': ['member . binding ok', "member . scheme != 'employee'"],
  },
  'member . needs face verification': { valeur: 'member . age >= 16' },
  expense: null,
  'expense . kind': { valeur: "'outpatient'" },
  'expense . amount': { valeur: 0 },
  'expense . designated': { valeur: 'oui' },
  // A kind the account may pay; a residents' contribution only for a relative who has one to pay
  // (not one in the employee scheme).
  'expense . permitted': {
    'toutes ces conditions': [
      { 'une de ces conditions': ALLOWED.map((k) => `expense . kind = '${k}'`) },
      {
        'une de ces conditions': [
          "expense . kind != 'resident_contribution'",
          "member . scheme != 'employee'",
        ],
      },
    ],
  },
  'expense . place ok': {
    'une de ces conditions': [
      'expense . designated',
      { 'toutes ces conditions': NEEDS_DESIGNATED.map((k) => `expense . kind != '${k}'`) },
    ],
  },
  'expense . allowed': { 'toutes ces conditions': ['expense . permitted', 'expense . place ok'] },
  'expense . may draw': {
    variations: [
      { si: "expense . kind = 'resident_contribution'", alors: 'member . contribution payable' },
      { sinon: 'member . eligible' },
    ],
  },
  'expense . payable amount': {
    variations: [{ si: 'expense . allowed', alors: 'expense . amount' }, { sinon: 0 }],
  },
  'expense . from own': { valeur: 'expense . payable amount', plafond: 'member . own balance' },
  'expense . rest': { valeur: 'expense . payable amount - expense . from own' },
  'expense . from holder': {
    valeur: { variations: [{ si: 'expense . may draw', alors: 'expense . rest' }, { sinon: 0 }] },
    plafond: 'holder . pool',
  },
  'expense . out of pocket': {
    valeur: 'expense . amount - expense . from own - expense . from holder',
  },
};

const literal = (text) => `'${text}'`;
const yesNo = (flag) => (flag ? 'oui' : 'non');

/** The same answers as the core's members[] and expenses[] (money only), for one family. */
export function evaluateFamily(engine, request, routeOpen) {
  const holder = request.holder;
  let pool = holder.balance_fen;
  const ownLeft = new Map(request.members.map((m) => [m.id, m.own_balance_fen ?? 0]));
  const base = {
    'holder . scheme': literal(holder.scheme),
    'holder . status': literal(holder.status ?? 'employed'),
  };
  const members = request.members.map((m) => {
    engine.setSituation({
      ...base,
      'member . relation': literal(m.relation),
      'member . scheme': literal(m.scheme),
      'member . age': m.age,
      'member . route open': yesNo(routeOpen(m)),
    });
    return {
      id: m.id,
      eligible: engine.evaluate('member . eligible').nodeValue === true,
      contribution_payable: engine.evaluate('member . contribution payable').nodeValue === true,
      needs_face_verification:
        engine.evaluate('member . needs face verification').nodeValue === true,
    };
  });
  const expenses = request.expenses.map((e) => {
    const m = request.members.find((x) => x.id === e.member);
    engine.setSituation({
      ...base,
      'member . relation': literal(m.relation),
      'member . scheme': literal(m.scheme),
      'member . age': m.age,
      'member . route open': yesNo(routeOpen(m)),
      'member . own balance': ownLeft.get(m.id),
      'holder . pool': pool,
      'expense . kind': literal(e.kind),
      'expense . amount': e.amount_fen,
      'expense . designated': yesNo(e.designated !== false),
    });
    const own = engine.evaluate('expense . from own').nodeValue;
    const fromHolder = engine.evaluate('expense . from holder').nodeValue;
    ownLeft.set(m.id, ownLeft.get(m.id) - own);
    pool -= fromHolder;
    return {
      allowed: engine.evaluate('expense . allowed').nodeValue === true,
      from_own_fen: own,
      from_holder_fen: fromHolder,
      out_of_pocket_fen: engine.evaluate('expense . out of pocket').nodeValue,
    };
  });
  return { members, expenses, pool: { remaining_fen: pool } };
}
