// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Packages the pure domain layer may use: no DOM, no node, no React, no Electron. */
const SHARED_ALLOWED = [
  'rxdb',
  'z-schema',
  'rxjs',
  'zod',
  'date-fns',
  'd3-random',
  'd3-array',
  'graphology',
  // linear algebra for the learned strength and the truth figures' reference (shared/network/ridge.ts)
  'ml-matrix',
  // file formats for import and export (shared/transfer)
  'ical.js',
  'papaparse',
  'fast-xml-parser',
  'vitest',
  'fake-indexeddb',
];

const nodeBuiltins = { group: ['node:*'], message: 'This layer does not run in node.' };

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['**/renderer/**', '**/electron/**', '**/test/**'],
              message: 'shared/ imports only shared/.',
            },
            {
              regex: `^(?!\\.|${SHARED_ALLOWED.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})`,
              message: `shared/ may import only ${SHARED_ALLOWED.join(', ')}.`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.web.config.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['**/electron/**', 'electron'],
              message: 'renderer/ reaches the desktop only through renderer/platform.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'test/**/*.ts', '*.config.{ts,js}', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
