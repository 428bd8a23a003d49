import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the dashboard: write `graphql(`…`)` from '@/gql' anywhere under src, then
// `npm run codegen -w @tuneboard/web`. The output is committed so a fresh checkout type-checks without it.
const config: CodegenConfig = {
  schema: '../api/src/schema/*.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      // Fragments are plain types: components receive data as props without unmasking helpers.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // What arrives over the wire: JSON stays unknown until validated, DateTime is an ISO string, and a
        // MetricValue is a number or one of "NaN", "Infinity", "-Infinity", "-0".
        scalars: { JSON: 'unknown', MetricValue: 'number | string', DateTime: 'string', ID: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
      },
    },
  },
};
export default config;
