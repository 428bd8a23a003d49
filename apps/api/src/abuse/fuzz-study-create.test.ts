import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSpace, parseSpace } from '@tuneboard/contract';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { rawId } from '../ids.ts';
import { setupTeam, startTestApi, type GraphQLResult, type TestApi } from '../testing/harness.ts';

/**
 * Issue #15: 2,000 generated `studyCreate` inputs over real HTTP (malformed spaces, unicode with U+0000, lone
 * surrogates, emoji and RTL marks, "NaN"/"Infinity" strings, huge numbers, deep JSON, wrong types, duplicate
 * and empty names, `__proto__`). No answer may be an internal error: each is a user error (`userErrors`, or
 * BAD_USER_INPUT before the resolver) or a study whose stored input reads back as it was sent (its space in the
 * contract's normal form); refusals store nothing. Seeded, so a failure replays; the failing input is printed.
 */

const INPUTS = 2_000;
const CONCURRENCY = 8;
const SEED = 0x15_f022;

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    chance: (p: number) => next() < p,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
  };
}
type Rng = ReturnType<typeof prng>;

/** JSON text written as is into the request body: what `JSON.stringify` cannot produce (1e400, 100,000-deep arrays). */
class Raw {
  constructor(readonly text: string) {}
}

/** The request body's JSON; objects keep own `__proto__` keys (built with Object.fromEntries). */
function encode(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${fields.map(([key, item]) => `${JSON.stringify(key)}:${encode(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const deep = (depth: number) => new Raw(`${'['.repeat(depth)}0${']'.repeat(depth)}`);

const TEXTS = [
  'x', 'lr', 'val_loss', '', ' ', '  padded  ', 'é', '名前', '🙂', '🙂'.repeat(40), '\u202Eevil', 'עברית', 'a\u0000b', '\u0000',
  '\uD800', 'x\uDFFF', '\uDBFF\uDC00', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(300), '\n\t', '__proto__', 'constructor',
  'prototype', 'NaN', 'Infinity', '-Infinity', "'; drop table study; --", '${x}', '\u200B', 'opt.lr', 'a/b-c', '1x',
];
const NUMBERS: unknown[] = [
  0, 1, -1, 0.5, 3, 10, 1e-4, 0.1 + 0.2, 1e308, -1e308, 1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2, 1e21, 5e-324, -0,
  'NaN', 'Infinity', '-Infinity', '1', null, true, new Raw('1e400'), new Raw('-1e400'), new Raw('1e-400'), 1e-300, 7,
];
const WRONG: unknown[] = [1, true, null, [], {}, 'text', [1, 2], { a: 1 }, deep(40), deep(10_000), deep(100_000)];

function text(rng: Rng): unknown {
  return rng.chance(0.05) ? rng.pick(WRONG) : rng.pick(TEXTS);
}

function num(rng: Rng): unknown {
  return rng.chance(0.6) ? rng.int(20) - 5 : rng.pick(NUMBERS);
}

/** A parameter spec: mostly well-formed, with one or two fields out of line. */
function paramSpec(rng: Rng, names: string[]): unknown {
  if (rng.chance(0.05)) return rng.pick(WRONG);
  const type = rng.chance(0.05) ? rng.pick(['bogus', 5, null, 'FLOAT']) : rng.pick(['float', 'int', 'categorical']);
  const spec: [string, unknown][] = [['type', type]];
  if (type === 'categorical' || rng.chance(0.05)) {
    const choices = rng.chance(0.1)
      ? rng.pick(WRONG)
      : Array.from({ length: 1 + rng.int(4) }, () => (rng.chance(0.5) ? text(rng) : rng.chance(0.5) ? num(rng) : rng.chance(0.5)));
    spec.push(['choices', choices]);
  } else {
    const low = num(rng);
    spec.push(['low', low]);
    spec.push(['high', typeof low === 'number' && rng.chance(0.7) ? low + rng.pick([0, 1, 3, 10, 1e12, 2 ** 53, 1e300]) : num(rng)]);
    if (rng.chance(0.3)) spec.push(['log', rng.chance(0.8) ? rng.chance(0.5) : rng.pick(WRONG)]);
    if (rng.chance(0.3)) spec.push(['step', rng.pick([1, 2, 0.5, 0.1, 1e-300, 1e-9, 0, -1, 'NaN', new Raw('1e400')])]);
  }
  if (rng.chance(0.1) && names.length > 0) spec.push(['when', Object.fromEntries([[rng.pick(names), [rng.chance(0.5) ? 'a' : num(rng)]]])]);
  if (rng.chance(0.03)) spec.push([rng.pick(['extra', '__proto__', 'choices']), rng.pick(WRONG)]);
  return Object.fromEntries(spec);
}

function space(rng: Rng): unknown {
  if (rng.chance(0.05)) return rng.pick(WRONG);
  const names: string[] = [];
  const params: [string, unknown][] = [];
  for (let i = 0, n = rng.chance(0.02) ? 0 : 1 + rng.int(4); i < n; i++) {
    const name = rng.chance(0.75) ? `p${i}` : (text(rng) as string);
    params.push([typeof name === 'string' ? name : `p${i}`, paramSpec(rng, names)]);
    names.push(typeof name === 'string' ? name : `p${i}`);
  }
  return Object.fromEntries(params);
}

function sampler(rng: Rng): unknown {
  if (rng.chance(0.2)) return undefined;
  if (rng.chance(0.05)) return rng.pick(WRONG);
  const kind = rng.chance(0.9) ? rng.pick(['random', 'tpe', 'grid', 'gp', 'cmaes', 'qmc', 'nsga2', 'auto']) : text(rng);
  const fields: [string, unknown][] = [['kind', kind]];
  if (rng.chance(0.7)) fields.push(['seed', rng.chance(0.8) ? rng.int(1000) : num(rng)]);
  if (kind === 'grid' && rng.chance(0.5)) fields.push(['gridPoints', rng.pick([1, 3, 1000, 1001, 0, 'NaN'])]);
  if (rng.chance(0.05)) fields.push([text(rng) as string, num(rng)]);
  return Object.fromEntries(fields);
}

function objectives(rng: Rng): unknown {
  if (rng.chance(0.03)) return rng.pick(WRONG);
  const count = rng.chance(0.05) ? rng.pick([0, 9]) : rng.chance(0.8) ? 1 : 2;
  return Array.from({ length: count }, (_, i) => ({
    name: rng.chance(0.85) ? (i === 0 ? 'val_loss' : 'val_accuracy') : text(rng),
    direction: rng.chance(0.95) ? (i === 0 ? 'MINIMIZE' : 'MAXIMIZE') : rng.pick(['UP', 1, null]),
  }));
}

function objective(rng: Rng): unknown {
  if (rng.chance(0.05)) return rng.pick(WRONG);
  const fields: [string, unknown][] = [
    ['kind', rng.chance(0.9) ? 'template' : text(rng)],
    ['template', rng.chance(0.9) ? 'mlp' : text(rng)],
    ['dataset', rng.chance(0.9) ? rng.pick(['iris', 'digits']) : text(rng)],
  ];
  if (rng.chance(0.05)) fields.push(['epochs', num(rng)]);
  return Object.fromEntries(fields);
}

function budget(rng: Rng): unknown {
  if (rng.chance(0.3)) return undefined;
  const small = () => (rng.chance(0.85) ? 1 + rng.int(4) : rng.pick([0, -1, 1025, 2 ** 31, 1e6 + 1, 'x', 1.5, null]));
  return { maxTrials: rng.chance(0.2) ? null : small(), maxParallel: small(), maxFailures: rng.chance(0.5) ? undefined : small() };
}

const VALID_TEXTS = ['lr', '🙂', 'עברית', '\u202Eevil', '名前', '\uDBFF\uDC00', 'NaN', 'Infinity', '  padded  ', "'; drop table study; --", '__proto__'];

/** A valid parameter with values at the edges: huge and tiny bounds, unicode and special-looking choices. */
function validParam(rng: Rng): unknown {
  switch (rng.int(3)) {
    case 0: {
      const low = rng.pick([-1e308, -1, 0, 1e-300, 0.1 + 0.2, 5e-324]);
      const log = low > 0 && rng.chance(0.5);
      return { type: 'float', low, high: low + rng.pick([1, 1e-3, 1e300]), ...(log ? { log } : {}) };
    }
    case 1: {
      const low = rng.pick([-5, 0, 2 ** 52]);
      return { type: 'int', low, high: low + rng.pick([0, 1, 10, 2 ** 20]), ...(rng.chance(0.3) ? { step: 1 } : {}) };
    }
    default: {
      const pool: unknown[] = [...VALID_TEXTS, 1e308, 5e-324, -0.5, 3, true, false];
      const choices = [...new Set(Array.from({ length: 1 + rng.int(5) }, () => rng.pick(pool)))];
      return { type: 'categorical', choices };
    }
  }
}

/** An input every rule accepts, so that stored studies are compared with what was sent. */
function validInput(rng: Rng, projectId: string, i: number): Record<string, unknown> {
  const names = ['lr', 'opt.momentum', 'a/b-c', '_n', 'x'.repeat(64)];
  return {
    projectId,
    name: `${rng.pick(['', '  ', ' 🙂 '])}ok-${i}${rng.pick(['', ' עברית', ' \u202E', ' 名前 '])}`,
    description: rng.chance(0.5) ? undefined : rng.pick(VALID_TEXTS),
    objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
    space: Object.fromEntries(names.slice(0, 1 + rng.int(names.length)).map((name) => [name, validParam(rng)])),
    sampler: { kind: rng.pick(['random', 'tpe', 'qmc', 'gp', 'cmaes', 'auto']), seed: rng.int(1000) },
    objective: { kind: 'template', template: 'mlp', dataset: 'iris' },
    budget: { maxTrials: 1 + rng.int(4), maxParallel: 1 + rng.int(2) },
  };
}

function studyInput(rng: Rng, projectId: string, i: number): Record<string, unknown> {
  if (rng.chance(0.25)) return validInput(rng, projectId, i);
  const name = rng.chance(0.6) ? `fuzz-${i}` : rng.chance(0.3) ? `dup-${rng.int(5)}` : text(rng);
  return {
    projectId: rng.chance(0.01) ? text(rng) : projectId,
    name,
    description: rng.chance(0.5) ? undefined : text(rng),
    objectives: objectives(rng),
    space: space(rng),
    sampler: sampler(rng),
    pruner: rng.chance(0.9) ? undefined : rng.pick([{ kind: 'median' }, { kind: 'none' }, { kind: 'median', warmupSteps: 'NaN' }, deep(50)]),
    objective: objective(rng),
    budget: budget(rng),
  };
}

const CREATE = `mutation($i: StudyCreateInput!) { studyCreate(input: $i) {
  study { id name description objectives { name direction } space }
  userErrors { field message code } } }`;

interface Answer {
  studyCreate?: {
    study: { id: string; name: string; description: string; objectives: unknown; space: unknown } | null;
    userErrors: { field: string[]; message: string; code: string }[];
  };
}

describe.each(testDatabases)('abuse: fuzzing studyCreate [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;

  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'fuzz');
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it(`answers ${INPUTS} generated inputs with user errors or studies that read back as sent`, async () => {
    const rng = prng(SEED);
    const inputs = Array.from({ length: INPUTS }, (_, i) => studyInput(rng, team.projectId, i));
    const tally = { created: 0, userErrors: 0, badUserInput: 0 };
    const failures: string[] = [];
    const check = async (input: Record<string, unknown>) => {
      const body = `{"query": ${JSON.stringify(CREATE)}, "variables": {"i": ${encode(input)}}}`;
      const response = await fetch(api.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: team.user.cookie },
        body,
      });
      const result = (await response.json()) as GraphQLResult<Answer>;
      const sent = JSON.parse(body).variables.i as Record<string, unknown>;
      const fail = (why: string) => failures.push(`${why}\n  input: ${body.slice(0, 600)}\n  answer: ${JSON.stringify(result).slice(0, 600)}`);
      if (result.errors?.length) {
        const codes = result.errors.map((error) => error.extensions?.code);
        // A project id that is not the team's answers NOT_FOUND, as any object the caller cannot see does.
        const refused = (code: string | undefined) => code === 'BAD_USER_INPUT' || (code === 'NOT_FOUND' && sent.projectId !== team.projectId);
        if (codes.every(refused) && result.data?.studyCreate == null) tally.badUserInput++;
        else fail(`errors with codes ${codes.join(', ')} (HTTP ${response.status})`);
        return;
      }
      const payload = result.data?.studyCreate;
      if (!payload) return fail('no payload');
      if (payload.userErrors.length > 0) {
        const wellFormed = payload.userErrors.every((error) => error.field[0] === 'input' && error.message.length > 0 && error.code.length > 0);
        if (payload.study === null && wellFormed) tally.userErrors++;
        else fail('user errors with a study, or without a field');
        return;
      }
      const study = payload.study;
      if (!study) return fail('neither a study nor user errors');
      const stored = await api.gql('query($id: ID!) { study(id: $id) { name description objectives { name direction } space } }', { id: study.id }, team.user);
      const expected = {
        name: (sent.name as string).trim(),
        description: (sent.description as string | undefined) ?? '',
        objectives: sent.objectives,
        // The space is stored in the contract's one normal form (defaults left out), not as sent.
        space: normalizeSpace(parseSpace(sent.space)),
      };
      try {
        expect(stored.study).toEqual(expected);
        expect(study).toEqual({ id: study.id, ...expected });
        tally.created++;
      } catch (error) {
        fail(`stored study differs: ${(error as Error).message.slice(0, 300)}`);
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < inputs.length) await check(inputs[next++]!);
      }),
    );
    const kinds = new Map(failures.map((failure) => [failure.split('\n')[0], failure]));
    expect([...kinds.values()].slice(0, 8)).toEqual([]);
    expect(tally.created + tally.userErrors + tally.badUserInput).toBe(INPUTS);
    // The generator reaches all three answers, each often enough to mean something.
    expect(tally.created).toBeGreaterThan(100);
    expect(tally.userErrors).toBeGreaterThan(300);
    expect(tally.badUserInput).toBeGreaterThan(100);
    // Refusals stored nothing: the project holds exactly the created studies.
    const [row] = await handle.query<{ n: number }>('select count(*)::int as n from study where project_id = $1', [rawId(team.projectId, 'Project')]);
    expect(row!.n).toBe(tally.created);
    const { viewer } = await api.gql('{ viewer { user { email } } }', undefined, team.user);
    expect(viewer.user.email).toBe(team.email);
  }, 600_000);
});
