import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types are generated from the SDL (npm run codegen -w @tuneboard/api); the output is committed
// and CI checks it is up to date.
const config: CodegenConfig = {
  schema: 'src/schema/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context.ts#Context',
        mappers: {
          User: '../mappers.ts#UserRow',
          Team: '../mappers.ts#TeamRow',
          Membership: '../mappers.ts#MembershipRow',
          Project: '../mappers.ts#ProjectRow',
          ApiToken: '../mappers.ts#ApiTokenRow',
          Invitation: '../mappers.ts#InvitationRow',
          Study: '../mappers.ts#StudyRow',
          Trial: '../mappers.ts#TrialRow',
          Runner: '../mappers.ts#RunnerRow',
          Viewer: '../mappers.ts#ViewerModel',
          Note: '../mappers.ts#NoteModel',
          StudyEvent: '../mappers.ts#StudyEventModel',
          TrialsAvailable: '../mappers.ts#TrialsAvailableModel',
          TrialLease: '../mappers.ts#TrialLeaseModel',
          TrialLog: '../mappers.ts#TrialLogModel',
          TrialAttempt: '../mappers.ts#TrialAttemptRow',
          Artifact: '../mappers.ts#ArtifactRow',
          ModelEvaluation: '../mappers.ts#EvaluationRow',
          ModelEvaluationLease: '../mappers.ts#EvaluationLeaseModel',
        },
        scalars: { JSON: 'unknown', MetricValue: 'number', DateTime: 'Date' },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
        defaultMapper: 'Partial<{T}>',
      },
    },
  },
};
export default config;
