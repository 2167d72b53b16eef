// ESLint (flat config): the recommended rules over every JavaScript file of the project, with the
// globals of where each file runs. `npm run lint`; scripts/test.sh runs it early and fails on any
// finding.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['build/', 'node_modules/', 'bench/lighthouse/node_modules/'] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Always an error, never a warning: a warning does not fail the run, so it would be ignored.
      // `const { name, ...rest } = x` is how a field is left out.
      'no-unused-vars': ['error', { caughtErrors: 'none', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      // Prettier wraps code at 100 columns but never comments; texts and test names may run longer.
      'max-len': [
        'error',
        {
          code: 100,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
        },
      ],
    },
  },
  // The page's modules run in the browser; gongji.mjs also runs in Node.js.
  { files: ['web/**/*.js', 'web/**/*.mjs'], languageOptions: { globals: globals.browser } },
  {
    files: ['web/gongji.mjs'],
    languageOptions: { globals: { ...globals.browser, process: 'readonly' } },
  },
  { files: ['web/gongji-worker.js'], languageOptions: { globals: globals.worker } },
  // The build fills in __FILES__ (scripts/assemble-site.mjs).
  {
    files: ['web/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker, __FILES__: 'readonly' } },
  },
  // Build scripts, benchmarks and tests run in Node.js; the browser tests and benchmarks also pass
  // functions to the page (page.evaluate), which see the browser's globals.
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'tests/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: [
      'tests/e2e/**/*.mjs',
      'bench/browser-bench.mjs',
      'bench/lighthouse/*.mjs',
      'scripts/screenshots.mjs',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Tests wait for a condition (the answer's data-state, a request, an event), never for a number
  // of milliseconds: a fixed sleep is too short on a loaded machine and too long everywhere else.
  {
    files: ['tests/**/*.mjs'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'waitForTimeout', message: 'Wait for a condition, e.g. settled(page).' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Wait for a condition, not for milliseconds.' },
      ],
    },
  },
];
