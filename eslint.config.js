// Lint: typescript-eslint recommended plus the layer rules of DESIGN.md as errors (which folder may import what).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'http', 'https', 'net', 'worker_threads'];

/** Layer rules: each entry restricts what files in `files` may import. */
const layers = [
  {
    name: 'layers/shared-is-pure',
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no electron.' },
            { group: NODE_BUILTINS, message: 'shared/ is pure: no Node built-ins (put I/O in main/services).' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ is pure: no React.' },
            { group: ['**/main/**', '../main/*', '../../main/*', '**/renderer/**'], message: 'shared/ may not import main/ or renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    name: 'layers/renderer-imports-shared-only',
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'the renderer talks to main only through window.briefing.' },
            { group: NODE_BUILTINS, message: 'the renderer has no Node: ask main through a channel.' },
            { group: ['**/main/**', '../main/*', '../../main/*'], message: 'renderer/ imports shared/ only, never main/.' },
          ],
        },
      ],
    },
  },
  {
    name: 'layers/only-the-shell-imports-electron',
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'only main/electron/* and main/preload.ts import electron; services stay testable in Node.' },
            { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-output/**', 'coverage/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['bin/**/*.cjs', 'scripts/**/*.mjs', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
  },
  ...layers,
);

export { layers };
