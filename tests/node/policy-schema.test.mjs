// The policy JSON Schema that editors use agrees with every region file the core accepts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { jsonFiles, root } from './helpers.mjs';

const schema = JSON.parse(readFileSync(join(root, 'policies/policy.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

for (const file of jsonFiles(join(root, 'policies/regions'))) {
  test(`policy schema accepts ${file.slice(root.length)}`, () => {
    assert.ok(validate(JSON.parse(readFileSync(file, 'utf8'))), JSON.stringify(validate.errors));
  });
}

// A region file names the schema, so an editor checks it while it is typed.
const region = (rules) => ({
  $schema: '../policy.schema.json',
  region: '110000',
  name: { 'zh-CN': '北京市', en: 'Beijing' },
  last_reviewed: '2026-01-01',
  rules,
});
const entry = (value) => [{ from: '2020-01-01', value, sources: ['S1'] }];

test('every region file names the schema', () => {
  for (const file of jsonFiles(join(root, 'policies/regions'))) {
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).$schema, '../policy.schema.json', file);
  }
});

test('policy schema checks each rule value by its kind', () => {
  assert.ok(validate(region({ pooling: entry({ unit: 'province' }) })));
  assert.equal(validate(region({ pooling: entry({ unit: 'county' }) })), false);
  assert.equal(validate(region({ relations: entry(['cousin']) })), false);
  assert.equal(validate(region({ 'use.outpatient': entry({ allowed: true }) })), false);
  assert.ok(validate(region({ 'member_cap.child': entry(3) })));
  assert.equal(validate(region({ 'member_cap.cousin': entry(3) })), false);
  assert.equal(validate(region({ share_above: entry({ fen: 100, wage_percent: 5 }) })), false);
  assert.ok(validate(region({ share_above: entry({ wage_percent: 5, wage_fen: null }) })));
  assert.equal(validate(region({ magic: entry(true) })), false);
  // What the national layer alone states is not in a province's file.
  assert.equal(validate(region({ wallet_quota: entry(true) })), false);
});

test('policy schema rejects an entry without sources', () => {
  const bad = {
    region: '110000',
    name: { 'zh-CN': '北京市', en: 'Beijing' },
    last_reviewed: '2026-01-01',
    rules: { pooling: [{ from: '2020-01-01', value: 'city' }] },
  };
  assert.equal(validate(bad), false);
});
