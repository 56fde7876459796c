import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import noOuterDbInTransaction from './eslint/no-outer-db-in-transaction.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'drizzle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': ['error', {
        paths: [{ name: 'exceljs', message: 'Import ExcelJS from src/server/excel/exceljs.ts (it fixes the streaming reader\'s UTF-8 decoding).', allowTypeImports: true }],
        patterns: [{ group: ['xlsx'], message: 'Use ExcelJS (xlsx is frozen with known CVEs).' }],
      }],
    },
  },
  { files: ['src/server/excel/exceljs.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/server/**/*.ts'],
    plugins: { local: { rules: { 'no-outer-db-in-transaction': noOuterDbInTransaction } } },
    rules: { 'local/no-outer-db-in-transaction': 'error' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '../server/*', '../../server/*', '../client/*'], message: 'src/shared is pure: no I/O, no server or client imports.' }] }],
    },
  },
);
