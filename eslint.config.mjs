// Lint rules that keep the house in order, run by `npm test` (`npm run lint`). Formatting is Prettier's.
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'client/src/gql/**', 'e2e/artifacts/**', 'verifier/bin/**'] },
  // The code's own disable comments name rules of the TypeScript plugin and core rules not enforced here.
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { 'import-x': importX, '@typescript-eslint': tseslint.plugin },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js'] })],
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // No module imports another that (through others) imports it back; type-only imports do not count.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Randomness in a draw comes only from the seeded stream of docs/draw-spec.md §6.
    files: ['shared/src/draw/**/*.ts', 'server/src/modules/draws/**/*.ts', 'verifier/src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: '摇号只用规范中的种子随机流（docs/draw-spec.md §6），不得用 Math.random' },
      ],
    },
  },
);
