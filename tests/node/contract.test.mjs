// Every answer of the case suite, from the native command, against the contract's schemas and
// the project's own promises about reasons and sources.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  caseFiles,
  nativeEvaluate,
  requestText,
  root,
  sharedContract,
  validators,
} from './helpers.mjs';

const {
  request: validRequest,
  response: validResponse,
  household: validHousehold,
  plan: validPlan,
} = validators();
const cases = caseFiles();

test('the suite has at least 60 case files, each naming the rule it rests on', () => {
  const own = cases.filter((c) => c.path.startsWith(join(root, 'tests/cases')));
  assert.ok(own.length >= 60, `only ${own.length} cases`);
  for (const c of own) assert.ok(c.basis && c.basis.length > 10, `${c.path} has no basis`);
});

// The copy of the response schema adds the project's own fields of a reason: its `role`, and a
// listing warning's `lead` and `list` (docs/vocabulary.md); and the guidance's `sources` (those of
// the rules its channels, documents and notes come from). With them taken out, the copy is the
// contract's schema.
function withoutRole(schemaText) {
  const schema = JSON.parse(schemaText);
  const guidance = schema.oneOf?.[0]?.properties?.guidance ?? schema.properties?.guidance;
  delete guidance.properties.sources;
  const reason = schema.$defs.reasons.items;
  delete reason.properties.role;
  delete reason.properties.lead;
  delete reason.properties.list;
  reason.required = reason.required.filter((field) => field !== 'role');
  return schema;
}

test('the schema copies match ../shared/contract', { skip: !existsSync(sharedContract) }, () => {
  for (const name of ['request.schema.json', 'household.schema.json']) {
    const copy = readFileSync(join(root, 'tests/contract', name), 'utf8');
    const original = readFileSync(join(sharedContract, name), 'utf8');
    assert.equal(copy, original, `${name} drifted from the contract`);
  }
  const name = 'response.schema.json';
  assert.deepEqual(
    withoutRole(readFileSync(join(root, 'tests/contract', name), 'utf8')),
    JSON.parse(readFileSync(join(sharedContract, name), 'utf8')),
    `${name} drifted from the contract (beyond the reasons' role, lead and list)`,
  );
});

test("the schemas' reason roles are the vocabulary's", () => {
  const vocabulary = JSON.parse(readFileSync(join(root, 'policies/vocabulary.json'), 'utf8'));
  const roles = vocabulary.reason_role.values.map((value) => value.id);
  for (const name of ['response.schema.json', 'household-response.schema.json']) {
    const schema = JSON.parse(readFileSync(join(root, 'tests/contract', name), 'utf8'));
    assert.deepEqual(schema.$defs.reasons.items.properties.role.enum, roles, name);
  }
});

const isHousehold = (testCase) =>
  typeof testCase.request === 'object' && testCase.request.household !== undefined;

// Reasons and changes cite only listed sources, and the sources list exactly what they cite (a
// household plan has no guidance).
function checkCitations(response, reasons, changes) {
  const ids = new Set(response.sources.map((s) => s.id));
  for (const item of [...reasons, ...changes]) {
    for (const id of item.sources) assert.ok(ids.has(id), `source ${id} missing from sources`);
    assert.ok(item.text.length > 0 && !item.text.includes('{'), `unfilled text: ${item.text}`);
  }
  const cited = new Set([...reasons, ...changes].flatMap((r) => r.sources));
  assert.deepEqual([...ids].sort(), [...cited].sort(), 'sources lists exactly what is cited');
}

for (const testCase of cases.filter(isHousehold)) {
  test(`household answer validates: ${testCase.name}`, () => {
    const text = requestText(testCase);
    const response = JSON.parse(nativeEvaluate(text));
    if (testCase.expect.ok !== true) {
      // the v1 error shape
      assert.ok(validResponse(response), JSON.stringify(validResponse.errors));
      assert.equal(response.ok, false);
      return;
    }
    assert.ok(validHousehold(JSON.parse(text)), JSON.stringify(validHousehold.errors));
    assert.ok(validPlan(response), JSON.stringify(validPlan.errors));
    const { holders, people } = response.plan;
    const reasons = [
      ...holders.flatMap((h) => h.reasons),
      ...people.flatMap((p) => p.reasons),
      ...response.warnings,
    ];
    checkCitations(
      response,
      reasons,
      people.flatMap((p) => p.changes),
    );
    const ids = testCase.request.household.people.map((p) => p.id);
    assert.deepEqual(
      [...holders.map((h) => h.person), ...people.map((p) => p.person)].sort(),
      [...ids].sort(),
      'every person is a holder or in plan.people',
    );
    for (const person of people) {
      assert.ok(person.reasons.length > 0 && person.reasons[0].sources.length > 0);
      assert.equal(
        person.holder === null,
        person.changes.length > 0,
        'changes only when uncovered',
      );
    }
  });
}

for (const testCase of cases.filter((c) => !isHousehold(c))) {
  test(`answer validates: ${testCase.name}`, () => {
    const text = requestText(testCase);
    const response = JSON.parse(nativeEvaluate(text));
    assert.ok(validResponse(response), JSON.stringify(validResponse.errors));
    if (testCase.expect.ok === true) {
      assert.ok(
        validRequest(JSON.parse(text)),
        `request rejected by schema: ${JSON.stringify(validRequest.errors)}`,
      );
      assert.equal(response.ok, true);
      const ids = new Set(response.sources.map((s) => s.id));
      const allReasons = [
        ...response.holder.reasons,
        ...response.members.flatMap((m) => m.reasons),
        ...response.expenses.flatMap((e) => e.reasons),
        ...response.warnings,
        ...response.members.flatMap((m) => m.changes),
      ];
      for (const member of response.members) {
        if (member.eligible) assert.deepEqual(member.changes, [], `changes of ${member.id}`);
      }
      for (const reason of allReasons) {
        for (const id of reason.sources)
          assert.ok(ids.has(id), `source ${id} missing from sources`);
        assert.ok(
          reason.text.length > 0 && !reason.text.includes('{'),
          `unfilled text: ${reason.text}`,
        );
      }
      assert.ok(response.holder.reasons.length > 0, 'holder decision without a reason');
      for (const member of response.members) {
        assert.ok(
          member.reasons.some((r) => r.sources.length > 0),
          `member ${member.id} cites no source`,
        );
      }
      for (const expense of response.expenses)
        assert.ok(expense.reasons.length > 0, 'expense without a reason');
      // A source is dated as precisely as the page is (a day, a month or a year), or not at all.
      for (const source of response.sources) {
        assert.ok(source.reliability && source.url);
        assert.match(source.date, /^(\d{4}(-\d{2}(-\d{2})?)?)?$/);
      }
      // The guidance cites the sources of the rules it comes from, each one listed.
      for (const id of response.guidance.sources)
        assert.ok(ids.has(id), `guidance source ${id} missing from sources`);
      const cited = new Set([
        ...allReasons.flatMap((r) => r.sources),
        ...response.guidance.sources,
      ]);
      assert.deepEqual([...ids].sort(), [...cited].sort(), 'sources lists exactly what is cited');
    } else {
      assert.equal(response.ok, false);
    }
  });
}

test('every policy file is exercised by at least one case', async () => {
  const { readdirSync } = await import('node:fs');
  const files = readdirSync(join(root, 'policies/regions')).map((name) => name.slice(0, 6));
  const codes = new Set();
  for (const c of cases) {
    if (typeof c.request !== 'object') continue;
    if (c.request.holder?.region) codes.add(c.request.holder.region);
    for (const m of c.request.members ?? []) if (m.region) codes.add(m.region);
  }
  const covers = (file, code) =>
    file === '000000' ||
    (file.endsWith('0000')
      ? code.slice(0, 2) === file.slice(0, 2)
      : code.slice(0, 4) === file.slice(0, 4));
  const missing = files.filter((file) => ![...codes].some((code) => covers(file, code)));
  assert.deepEqual(missing, []);
});
