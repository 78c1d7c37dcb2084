// Lint: typescript-eslint recommended plus the layer rules of docs/ARCHITECTURE.md as errors (which folder may import what).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'http', 'https', 'net', 'worker_threads'];

// Relative imports are matched by regex on the specifier, so a folder name never catches an npm package or vice versa.
const LOCAL = (folder) => `^\\.{1,2}/(.*/)?${folder}(/|\\.js$)`;
const NO_ELECTRON = { regex: '^electron(/|$)', message: 'only main/electron/* and main/preload.ts import electron; services stay testable in Node.' };
const NO_RENDERER = { regex: LOCAL('renderer'), message: 'main/ never imports the renderer.' };
const NO_CLI = (who) => ({ regex: LOCAL('cli'), message: `${who} may not import the CLI (main/cli): put shared code in main/services or shared/.` });
const NO_SHELL = (who) => ({ regex: `${LOCAL('electron')}|${LOCAL('preload')}`, message: `${who} may not import the Electron shell (main/electron, main/preload.ts).` });

function mainLayer(name, files, patterns) {
  return { name, files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

/** Layer rules (docs/ARCHITECTURE.md, "Layers"): each entry restricts what files in `files` may import. */
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
  // main/: only the shell imports electron; services never reach up into the CLI or the shell; the PDF engine
  // knows nothing of services. ESLint keeps the last rule setting for a file, so each folder lists all of its own.
  mainLayer('layers/main-services', ['main/services/**/*.ts'], [NO_ELECTRON, NO_RENDERER, NO_CLI('services'), NO_SHELL('services')]),
  mainLayer('layers/main-pdf', ['main/pdf/**/*.ts'], [
    NO_ELECTRON,
    NO_RENDERER,
    NO_CLI('the PDF engine'),
    NO_SHELL('the PDF engine'),
    { regex: LOCAL('services'), message: 'main/pdf never imports services: it takes a ComposedDoc and returns bytes (see docs/ARCHITECTURE.md).' },
  ]),
  mainLayer('layers/main-docx', ['main/docx/**/*.ts'], [
    NO_ELECTRON,
    NO_RENDERER,
    NO_CLI('the Word writer'),
    NO_SHELL('the Word writer'),
    { regex: LOCAL('services'), message: 'main/docx never imports services: it takes a ComposedDoc and returns .docx bytes (see docs/ARCHITECTURE.md).' },
  ]),
  mainLayer('layers/main-cli', ['main/cli/**/*.ts'], [NO_ELECTRON, NO_RENDERER, NO_SHELL('the CLI')]),
  mainLayer('layers/main-shell', ['main/electron/**/*.ts', 'main/preload.ts'], [NO_RENDERER, NO_CLI('the Electron shell')]),
  {
    ...mainLayer('layers/main-other', ['main/**/*.ts'], [NO_ELECTRON, NO_RENDERER]),
    ignores: ['main/electron/**', 'main/preload.ts', 'main/services/**', 'main/pdf/**', 'main/docx/**', 'main/cli/**'],
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
