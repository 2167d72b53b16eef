// The module's ABI as emcc's glue (gongji-core.mjs) wires it: the names, minified by emcc, of its
// imports (the C runtime's abort, clock and heap growth), its memory, its constructors and each
// exported function. The pages do not load the glue: web/gongji.mjs instantiates the module
// itself from this ABI (gongji-abi.mjs, written here at build time), with the three imports
// written out there. The glue is 10 KB (3 KB gzip) of loader code, nearly all of it for ways of
// loading the page does not use. Read from the glue emcc wrote, so that a new emcc that wires the
// module otherwise fails the build here rather than the page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The C runtime's functions the module imports, by the names the glue gives them.
export const RUNTIME = ['_abort', '_clock_gettime', '_emscripten_resize_heap'];
// Every function web/gongji.mjs calls (wasm/CMakeLists.txt's EXPORTED_FUNCTIONS) and the one its
// clock writes errno through.
const EXPORTED = [
  '_gongji_evaluate',
  '_gongji_load_policies',
  '_gongji_add_policies',
  '_gongji_answer_size',
  '_gongji_regions',
  '_gongji_vocabulary',
  '_gongji_message',
  '_gongji_version',
  '_malloc',
  '_free',
  '___errno_location',
];

function found(text, pattern, what) {
  const match = text.match(pattern);
  if (!match) throw new Error(`gongji-core.mjs: cannot find ${what}; has emcc changed its glue?`);
  return match;
}

/** The ABI of the glue `text`: { module, imports: { letter: name }, memory, ctors, exports }. */
export function coreAbi(text) {
  const library = found(text, /var asmLibraryArg=\{([^}]*)\}/, 'the imports')[1];
  const imports = Object.fromEntries(
    [...library.matchAll(/"(\w+)":(\w+)/g)].map(([, letter, name]) => [letter, name]),
  );
  const names = Object.values(imports).sort();
  if (names.join() !== [...RUNTIME].sort().join()) {
    throw new Error(`gongji-core.mjs imports ${names}, not the runtime's ${RUNTIME}`);
  }
  const exports = Object.fromEntries(
    [...text.matchAll(/Module\["(_\w+)"\]=Module\["asm"\]\["(\w+)"\]/g)].map(([, name, letter]) => [
      name,
      letter,
    ]),
  );
  for (const name of EXPORTED) {
    if (!exports[name]) throw new Error(`gongji-core.mjs exports no ${name}`);
  }
  // Start-up work beyond the constructors (a stack check, say) is not done by gongji.mjs.
  if (/stackCheckInit|_emscripten_stack_init|__ATPRERUN__\.push|addOnPreRun\(/.test(text)) {
    throw new Error('gongji-core.mjs does more at start than run the constructors');
  }
  return {
    module: found(text, /var info=\{"(\w+)":asmLibraryArg\}/, 'the imports module')[1],
    imports,
    memory: found(text, /wasmMemory=Module\["asm"\]\["(\w+)"\]/, 'the memory')[1],
    ctors: found(text, /addOnInit\(Module\["asm"\]\["(\w+)"\]\)/, 'the constructors')[1],
    exports: Object.fromEntries(
      Object.entries(exports).filter(([name]) => name !== '___wasm_call_ctors'),
    ),
  };
}

// Each module's own imports and exports are those the ABI names, of the kinds it takes them for.
function checkModule(abi, path) {
  const module = new WebAssembly.Module(readFileSync(path));
  const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}:${i.kind}`);
  const expected = Object.keys(abi.imports).map((letter) => `${abi.module}.${letter}:function`);
  if (imports.sort().join() !== expected.sort().join()) {
    throw new Error(`${path} imports ${imports}, not ${expected}`);
  }
  const kinds = Object.fromEntries(WebAssembly.Module.exports(module).map((e) => [e.name, e.kind]));
  const wanted = [
    [abi.memory, 'memory'],
    [abi.ctors, 'function'],
    ...Object.values(abi.exports).map((letter) => [letter, 'function']),
  ];
  for (const [name, kind] of wanted) {
    if (kinds[name] !== kind) throw new Error(`${path} exports no ${kind} ${name}`);
  }
}

/**
 * Writes `dir`/gongji-abi.mjs from `dir`/gongji-core.mjs, after checking it against both modules
 * (gongji-core.wasm, gongji-calculator.wasm). The glue is read as emcc 3.1.6 writes it at -Oz
 * (wasm/CMakeLists.txt GONGJI_WASM_OPT): another optimisation level names the imports otherwise,
 * and the build stops here.
 */
export function writeCoreAbi(dir) {
  const abi = coreAbi(readFileSync(join(dir, 'gongji-core.mjs'), 'utf8'));
  for (const module of ['gongji-core.wasm', 'gongji-calculator.wasm']) {
    checkModule(abi, join(dir, module));
  }
  writeFileSync(
    join(dir, 'gongji-abi.mjs'),
    `// Written by scripts/core-abi.mjs from emcc's glue: the module's minified names.\nexport default ${JSON.stringify(abi)};\n`,
  );
  return abi;
}
