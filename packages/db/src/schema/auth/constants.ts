/** What an API token may do: a runner claims and reports trials; read and write act on a team's objects. */
export const apiTokenScopes = ['RUNNER', 'READ', 'WRITE'] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];
