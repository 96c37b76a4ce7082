// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// Imports point one way (../shared/STYLE.md §1): surfaces -> configure -> machines -> core; surfaces and server ->
// contract, core. The surfaces (customer, sales, catalog-editor) share the configuring module, never each other;
// src/app, the composition root, mounts the surfaces by path and nothing imports it.
const zones = [
  {
    target: './src/core',
    from: [
      './src/contract',
      './src/machines',
      './src/configure',
      './src/customer',
      './src/sales',
      './src/catalog-editor',
      './src/app',
      './src/server',
      './src/ui',
    ],
  },
  {
    target: './src/contract',
    from: [
      './src/machines',
      './src/configure',
      './src/customer',
      './src/sales',
      './src/catalog-editor',
      './src/app',
      './src/server',
      './src/ui',
    ],
  },
  {
    target: './src/machines',
    from: [
      './src/configure',
      './src/customer',
      './src/sales',
      './src/catalog-editor',
      './src/app',
      './src/server',
      './src/ui',
    ],
  },
  {
    target: './src/server',
    from: [
      './src/configure',
      './src/customer',
      './src/sales',
      './src/catalog-editor',
      './src/app',
      './src/machines',
      './src/ui',
    ],
  },
  {
    target: './src/configure',
    from: ['./src/customer', './src/sales', './src/catalog-editor', './src/app', './src/server'],
  },
  { target: './src/customer', from: ['./src/sales', './src/catalog-editor', './src/app', './src/server'] },
  { target: './src/sales', from: ['./src/customer', './src/catalog-editor', './src/app', './src/server'] },
  { target: './src/catalog-editor', from: ['./src/customer', './src/sales', './src/app', './src/server'] },
  {
    target: './src/ui',
    from: [
      './src/configure',
      './src/customer',
      './src/sales',
      './src/catalog-editor',
      './src/app',
      './src/server',
      './src/machines',
    ],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The core is pure: it runs in a Web Worker and on the server alike.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'react/*', '@react-three/*', 'three', 'three/*'],
              message: 'core/ is pure: no UI.',
            },
            {
              group: ['kysely', 'pg', 'better-sqlite3', 'fastify', '@fastify/*'],
              message: 'core/ is pure: no server or DB.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'core/ runs in the browser too: no Node built-ins.',
            },
            { group: ['xstate', 'zustand'], message: 'core/ is below machines and stores.' },
          ],
        },
      ],
    },
  },
  {
    // A surface hosts the configuring module through its public face, so the module can change inside.
    files: ['src/customer/**/*.{ts,tsx}', 'src/sales/**/*.{ts,tsx}', 'src/catalog-editor/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/configure/*', '!**/configure/index.ts'],
              message: 'Use the configuring module through src/configure/index.ts.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
