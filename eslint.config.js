// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

/** `process.env` is read in one place per app or package: its `env.ts`. */
const noProcessEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read the environment only in this app’s src/env.ts (validated with zod), then import it from there.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      '**/.turbo/**',
      '**/.data/**',
      '**/next-env.d.ts',
      '**/*.generated.ts',
      'e2e/output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      // Packages are entered through their `exports`, never through `../` into another workspace.
      'import-x/no-relative-packages': 'error',
      'no-restricted-syntax': ['error', noProcessEnv],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The one file per app/package that may read the environment, and tooling configs run by CLIs.
    files: ['**/env.ts', '**/*.config.{js,ts,mjs}', 'vitest.shared.ts', '.ci/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The dashboard talks to the API over GraphQL only: it never reaches the database package.
    files: ['apps/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tuneboard/db', '@tuneboard/db/*'],
              message: 'apps/web talks to apps/api over GraphQL only; it must not import the database package.',
            },
          ],
        },
      ],
    },
  },
);
