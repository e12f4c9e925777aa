// ESLint (flat config): typescript-eslint's type-aware strict set, which includes no-floating-promises,
// no-misused-promises and the no-unsafe-* family, plus the project's module boundaries
// (docs/ARCHITECTURE.md, "Boundaries"). Formatting is Prettier's job (npm run lint runs both).
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'stream',
  'timers',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'coverage/', 'examples/', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // noUncheckedIndexedAccess is on: a `!` after an index the code has just bounded is the intended
      // way to say so (no-unnecessary-type-assertion still flags the ones the compiler does not need).
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // React event props take `async () => …` handlers whose errors useTask() catches and shows.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // zod 4 deprecates the `message` parameter in favour of `error` (31 places, mostly the scenario
      // schemas being rewritten for COSTING.md 1.2): reported, not yet failing.
      '@typescript-eslint/no-deprecated': 'warn',
    },
  },
  {
    // Tests read JSON bodies and drive doubles whose shapes are the assertions themselves; the
    // no-unsafe-* family and any-checks guard production code, not these.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Doubles imitate Office and DOM classes with plain objects and closures.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-this-alias': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // autocannon ships no types (bench/server.ts)
      '@typescript-eslint/restrict-plus-operands': 'off',
    },
  },
  {
    // Values arriving from Excel (custom-function arguments, range values), the database driver
    // (PostgreSQL counts as strings) or ExcelJS are typed narrower than they arrive: the String(),
    // Number() and ?? there are the checks that make them safe.
    files: ['addin/functions/**/*.ts', 'addin/excel/**/*.ts', 'addin/runtime/**/*.ts', 'server/store/**/*.ts', 'server/xlsx/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
    },
  },
  {
    // A transaction hands its callback the same KyselyStore, typed as the Store interface.
    files: ['server/store/kyselyStore.ts'],
    rules: { '@typescript-eslint/no-unsafe-class-instance-assignment': 'off' },
  },
  {
    // The pure costing module runs in the server, the CLI, the pane's web worker and the browser:
    // no Node, Office, server or add-in module.
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'shared/ is pure: no Node modules (it also runs in the browser).' })),
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure: no Node modules (it also runs in the browser).' },
            { group: ['**/server/**', '**/addin/**', '**/bench/**', '**/tests/**'], message: 'shared/ depends on nothing else in the repository.' },
            {
              group: ['@microsoft/office-js', 'office-*', 'express', 'pg', 'better-sqlite3', 'kysely', 'exceljs', 'pino*'],
              message: 'shared/ imports no Office, server or store library.',
            },
          ],
        },
      ],
    },
  },
  {
    // Office.js request contexts belong to addin/excel/ (the taskpane and functions talk to it through
    // the WorkbookPort); the entry points may only ask Office whether it is ready.
    files: ['addin/**/*.{ts,tsx}'],
    ignores: ['addin/excel/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Office.js calls live in addin/excel/: add a function there and call it.' },
        { name: 'OfficeRuntime', message: 'Office.js calls live in addin/excel/: add a function there and call it.' },
      ],
    },
  },
  {
    // Routes → services → store: a route parses the request, calls a service and shapes the response.
    files: ['server/routes/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/store/*', '!**/store/store.js'], message: 'Routes call services, not the store.' },
            { group: ['**/store/store.js'], allowTypeImports: true, message: 'Routes may name store record types, not call the store.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        // `ctx.store.anything`: a route may hand the store to a service, never use it itself.
        {
          selector: "MemberExpression[object.type='MemberExpression'][object.property.name='store']",
          message: 'Routes call services, not the store: move this into a service in server/services/.',
        },
      ],
    },
  },
);
