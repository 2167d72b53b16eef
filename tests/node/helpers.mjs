// Shared helpers for the Node tests: case files, the native command, schema validators.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const gongjiBinary = join(root, 'build/native/gongji');
export const sharedContract = join(root, '../shared/contract');

export function jsonFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...jsonFiles(path));
    else if (name.endsWith('.json')) found.push(path);
  }
  return found;
}

export function caseFiles() {
  const files = jsonFiles(join(root, 'tests/cases'));
  const shared = join(sharedContract, 'examples');
  if (existsSync(shared)) files.push(...jsonFiles(shared));
  // A file holds one case, or several as {"cases": [...]} (tests/cases/README.md).
  return files.flatMap((path) => {
    const json = JSON.parse(readFileSync(path, 'utf8'));
    return (json.cases ?? [json]).map((testCase) => ({ path, ...testCase }));
  });
}

export function requestText(testCase) {
  return typeof testCase.request === 'string' ? testCase.request : JSON.stringify(testCase.request);
}

export function nativeEvaluate(text) {
  return execFileSync(gongjiBinary, ['eval', '-'], { input: text, encoding: 'utf8' }).trimEnd();
}

export function validators() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const load = (name) => JSON.parse(readFileSync(join(root, 'tests/contract', name), 'utf8'));
  return {
    request: ajv.compile(load('request.schema.json')),
    response: ajv.compile(load('response.schema.json')),
    household: ajv.compile(load('household.schema.json')),
    plan: ajv.compile(load('household-response.schema.json')),
  };
}
