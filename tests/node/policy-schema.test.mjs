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

test('policy schema rejects an entry without sources', () => {
  const bad = {
    region: '110000',
    name: { 'zh-CN': '北京市', en: 'Beijing' },
    last_reviewed: '2026-01-01',
    rules: { pooling: [{ from: '2020-01-01', value: 'city' }] },
  };
  assert.equal(validate(bad), false);
});
