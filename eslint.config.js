/** ESLint: TypeScript rules, React hooks, and the import boundaries between processes (DESIGN §2). */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins belong in src/main.' };
const noElectron = { name: 'electron', message: 'Only the Electron shell (src/main/main.ts, src/main/shell) and the preload import electron.' };
const noMain = { group: ['**/main/*', '**/main'], message: 'Nothing outside src/main imports main-process code.' };
const noRenderer = { group: ['**/renderer/*', '**/renderer'], message: 'Only the renderer imports renderer code.' };
const noPreload = { group: ['**/preload/*', '**/preload'], message: 'Nothing imports the preload.' };

export default tseslint.config(
  { ignores: ['.vite/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['*.config.ts', '*.config.js', 'forge.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [nodeBuiltins, noMain, noRenderer, noPreload] }] },
  },
  {
    files: ['src/shared/bridge-map.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['*'], allowTypeImports: true, message: 'The bridge map is bundled into the sandboxed preload: it imports types only.' }] },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [nodeBuiltins, noMain, noPreload] }],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            noMain,
            noRenderer,
            {
              group: ['**/shared/*', '!**/shared/bridge-map'],
              allowTypeImports: true,
              message: 'The preload imports only types from shared, and the zod-free bridge map.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/main.ts', 'src/main/shell/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noRenderer, noPreload] }] },
  },
  {
    files: ['src/main/inventory/**', 'src/main/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            noRenderer,
            noPreload,
            {
              group: ['**/auth/*', '**/pal/*', '**/sync/*', '**/tenants/*', '**/settings/*', '**/http/*', '**/evidence/*', '**/handlers/*', '**/cli/*', '**/host/*', '**/shell/*'],
              message: 'Storage and domain types sit below the services: they import only shared and domain modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/main.ts', 'src/main/shell/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer, noPreload] }] },
  },
);
