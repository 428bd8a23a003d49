import type { CodegenConfig } from '@graphql-codegen/cli';
import { clientTypesConfig } from '../../codegen.shared.ts';

// The runner protocol's operation types, generated from the API's schema (npm run codegen -w @tuneboard/runner),
// as the dashboard's are; the output is committed and CI checks it is up to date.
const config: CodegenConfig = {
  schema: '../api/src/schema/*.graphql',
  documents: ['src/agent/documents.ts'],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: clientTypesConfig,
    },
  },
};
export default config;
