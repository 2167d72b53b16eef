// The module's ABI read from emcc's glue (scripts/core-abi.mjs): the names the built glue gives,
// and a glue of another shape refused, never misread.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { coreAbi } from '../../scripts/core-abi.mjs';
import { root } from './helpers.mjs';

const glue = readFileSync(join(root, 'build/web/gongji-core.mjs'), 'utf8');

test("the built glue's names: three imports of the C runtime, the memory, the constructors and every function the page calls", () => {
  const abi = coreAbi(glue);
  assert.deepEqual(Object.values(abi.imports).sort(), [
    '_abort',
    '_clock_gettime',
    '_emscripten_resize_heap',
  ]);
  assert.ok(abi.memory && abi.ctors && abi.module);
  assert.ok(abi.exports._gongji_evaluate && abi.exports._malloc && abi.exports.___errno_location);
  assert.equal(new Set(Object.values(abi.exports)).size, Object.keys(abi.exports).length);
});

test('a glue of another shape is refused: another import, a function missing, a stack check at start', () => {
  assert.throws(
    () => coreAbi(glue.replace('"b":_clock_gettime', '"b":_fd_write')),
    /not the runtime's/,
  );
  assert.throws(
    () =>
      coreAbi(
        glue.replace('Module["_gongji_regions"]=Module["asm"]', 'Module["_x"]=Module["asm"]'),
      ),
    /exports no _gongji_regions/,
  );
  assert.throws(
    () =>
      coreAbi(glue.replace('function initRuntime(){', 'function initRuntime(){stackCheckInit();')),
    /does more at start/,
  );
  assert.throws(() => coreAbi('export default 1;'), /cannot find the imports/);
});
