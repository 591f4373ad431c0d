import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx'];
const boundary = (patterns, message) => ({ 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message })) }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'bench/results/', 'src/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TS })),
  {
    files: TS,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
  { files: ['src/web/assets/*.js'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      'no-console': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through src/config.ts' }],
    },
  },
  { files: ['src/cli.ts', 'src/serve.ts', 'scripts/**', 'bin/**', 'bench/**', 'e2e/**', 'test/**'], rules: { 'no-console': 'off' } },
  { files: ['src/config.ts', '**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**', 'scripts/**', 'bench/**', '*.config.ts'], rules: { 'no-restricted-properties': 'off' } },
  { files: ['src/stats/**'], rules: boundary([['#src/*', '!#src/stats/*'], ['node:*'], ['drizzle-orm*', 'hono*']], 'Statistics code is pure: it imports only other statistics code') },
  { files: ['src/**/store.ts'], rules: boundary([['hono', 'hono/*']], 'A store holds queries only: no HTTP') },
);
