import type { CodegenConfig } from '@graphql-codegen/cli';
import { clientTypesConfig } from '../../codegen.shared.ts';

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
      config: clientTypesConfig,
    },
  },
};
export default config;
