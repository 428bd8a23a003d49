// The GraphQL Code Generator settings every client of the API shares (the dashboard's and the runner's).
export const clientTypesConfig = {
  useTypeImports: true,
  enumsAsTypes: true,
  // What arrives over the wire: JSON stays unknown until validated, DateTime is an ISO string, and a MetricValue
  // is a number or one of "NaN", "Infinity", "-Infinity", "-0".
  scalars: { JSON: 'unknown', MetricValue: 'number | string', DateTime: 'string', ID: 'string' },
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  maybeValue: 'T | null',
  inputMaybeValue: 'T | null | undefined',
};
