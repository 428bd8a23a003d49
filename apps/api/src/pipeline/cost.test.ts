import { readFileSync } from 'node:fs';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readApiEnv } from '../env.ts';
import { LIMITS, LIST_MAX } from '../limits.ts';
import { schema } from '../schema.ts';
import { STUDY_ANALYSIS_COST, STUDY_SCAN_COST, operationCost } from './cost.ts';

const limit = readApiEnv({}).TUNEBOARD_MAX_QUERY_COST;

/** Sample variables: a page as large as the dashboard asks for (at most the agreed maximum), ids, indexes. */
function sampleVariables(document: DocumentNode, operationName: string | undefined): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || (operationName && definition.name?.value !== operationName)) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      variables[name] = name === 'first' ? LIST_MAX.trials : /"Int"/.test(JSON.stringify(variable.type)) ? 0 : 'x';
    }
  }
  return variables;
}

describe('operation cost', () => {
  it('lets every query of the dashboard and of docs/graphql.md through, with pages at their maximum', () => {
    const generated = readFileSync(new URL('../../../web/src/gql/gql.ts', import.meta.url), 'utf8');
    const dashboard = [...generated.matchAll(/^\s+"(\\n {2}(?:query|subscription|fragment)[^]*?)": typeof/gm)].map(
      (match) => JSON.parse(`"${match[1]}"`) as string,
    );
    const all = parse(dashboard.join('\n'));
    const operations = all.definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
    );
    expect(operations).toContain('StudyTrialRange');
    // As the browser sends them: urql adds `__typename` to every selection, which costs nothing.
    const withTypename = visit(all, {
      SelectionSet: {
        leave: (node) => ({ ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] }),
      },
    });
    for (const name of operations) {
      const cost = operationCost(schema, all, name, sampleVariables(all, name));
      expect({ name, cost: cost <= limit }).toEqual({ name, cost: true });
      expect(operationCost(schema, withTypename, name, sampleVariables(all, name))).toBe(cost);
    }
    // A subscription's selection runs on every event: the dashboard's stay under the lower limit for them.
    const subscriptions = all.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'subscription' && d.name ? [d.name.value] : []));
    expect(subscriptions).toContain('StudyLiveEvents');
    for (const name of subscriptions) {
      const cost = operationCost(schema, all, name, sampleVariables(all, name));
      expect({ name, cost: cost <= LIMITS.maxSubscriptionCost }).toEqual({ name, cost: true });
    }
    const docs = readFileSync(new URL('../../../../docs/graphql.md', import.meta.url), 'utf8');
    // Reads (mutations' inputs are not sampled here; they cost little and are checked over HTTP elsewhere).
    const examples = [...docs.matchAll(/```graphql\n([^]*?)```/g)]
      .map((match) => parse(match[1]!))
      .filter((example) => example.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation !== 'mutation'));
    expect(examples.length).toBeGreaterThan(3);
    for (const example of examples) {
      const cost = operationCost(schema, example, undefined, sampleVariables(example, undefined));
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThanOrEqual(limit);
    }
  });

  it('multiplies by the coerced variables: the same query costs what its literals would', () => {
    const withVariables = parse(
      'query($n: Int!, $m: Int!) { study(id: "x") { trials(first: $n) { nodes { metrics(maxPoints: $m) { points { value } } } } } }',
    );
    const withLiterals = parse(
      'query { study(id: "x") { trials(first: 1000) { nodes { metrics(maxPoints: 10000) { points { value } } } } } }',
    );
    const cost = operationCost(schema, withVariables, undefined, { n: 1000, m: 10_000 });
    expect(cost).toBe(operationCost(schema, withLiterals, undefined, {}));
    expect(cost).toBeGreaterThan(limit * 100);
    expect(operationCost(schema, withVariables, undefined, { n: 10, m: 100 })).toBeLessThan(limit / 10);
  });

  it('counts metric keys when given, and a fragment bomb at its true size without expanding it', () => {
    const series = (keys: string) =>
      operationCost(schema, parse(`{ trial(id: "x") { metrics(${keys}maxPoints: 2000) { key points { step value } } } }`), undefined, {});
    expect(series('keys: ["a"], ')).toBeLessThan(series(''));
    expect(series('keys: ["a", "b"], ')).toBeGreaterThan(series('keys: ["a"], '));
    // docs/graphql.md: a full page with one metric passes at 500 points, not at 2,000.
    const page = (points: number) =>
      operationCost(
        schema,
        parse(`{ study(id: "x") { trials(first: 500) { nodes { metrics(keys: ["val_loss"], maxPoints: ${points}) { points { step value } } } } } }`),
        undefined,
        {},
      );
    expect(page(500)).toBeLessThan(limit);
    expect(page(2000)).toBeGreaterThan(limit);
    const fragments = Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const bomb = parse(`query { ...F0 }\n${fragments}\nfragment F60 on Query { viewer { teams { id } } }`);
    expect(operationCost(schema, bomb, undefined, {})).toBeGreaterThan(1e18);
  });

  it("sizes the home page's lists by their first and maxPoints arguments", () => {
    const home = parse('query($n: Int, $p: Int) { viewer { recentStudies(first: $n) { id name bestSoFar(maxPoints: $p) { trialNumber value } } } }');
    const cost = (n: number, p: number) => operationCost(schema, home, undefined, { n, p });
    // Each study: itself, its id and name, and its best-so-far, a scan of the study's trials.
    expect(cost(50, 0)).toBeCloseTo(1 + 1 + 50 * (3 + STUDY_SCAN_COST), 5);
    expect(cost(5, 0)).toBeCloseTo(1 + 1 + 5 * (3 + STUDY_SCAN_COST), 5);
    expect(cost(10, 500)).toBeGreaterThan(cost(10, 50));
  });

  it('prices a project’s studies, a team’s projects and runners, a study’s children and best trials by their first, defaults included', () => {
    const importance = (list: string) =>
      operationCost(schema, parse(`query($id: ID!) { node(id: $id) { ... on Project { ${list} { parameterImportance { name } } } } }`), undefined, { id: 'x' });
    // The default page of 100 studies, each with its analysis, is far over the limit; ten of them fit.
    expect(importance('studies')).toBeGreaterThan(100 * STUDY_ANALYSIS_COST);
    expect(importance('studies')).toBeGreaterThan(limit);
    expect(importance('studies(first: 10)')).toBeLessThan(limit);
    expect(importance('studies(first: 10)')).toBeGreaterThan(10 * STUDY_ANALYSIS_COST);
    const team = (selection: string) =>
      operationCost(schema, parse(`query($id: ID!) { node(id: $id) { ... on Team { ${selection} } } }`), undefined, { id: 'x' });
    expect(team('projects(first: 7) { id }')).toBe(1 + 1 + 7 * 1);
    expect(team('runners { id }')).toBe(1 + 1 + 100 * 1);
    // `first: null` outright is the most a resolver hands out (LIST_MAX.default), not ten.
    expect(team('runners(first: null) { id }')).toBe(1 + 1 + 500 * 1);
    const study = (selection: string) => operationCost(schema, parse(`query { study(id: "x") { ${selection} } }`), undefined, {});
    expect(study('children(first: 3) { id }')).toBe(1 + 1 + 3);
    // The Pareto front is a scan of the study's complete trials, then one unit per trial listed.
    expect(study('bestTrials(first: 4) { id }')).toBe(1 + 1 + STUDY_SCAN_COST + 4);
    // A connection's `first: null` is its schema default (what the resolver then reads), not ten rows.
    expect(study('trials(first: null) { nodes { id } }')).toBe(study('trials(first: 50) { nodes { id } }'));
    expect(study('trials(first: null) { nodes { id } }')).toBeGreaterThan(study('trials(first: 10) { nodes { id } }'));
  });
});
