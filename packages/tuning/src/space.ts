import { SpaceError, show } from './errors.ts';
import type { ParamValue } from './types.ts';

/** Most parameters a space may define; beyond this samplers' cost and the dashboard's plots stop scaling. */
export const MAX_PARAMS = 100;
/** Most choices a categorical parameter may list. */
export const MAX_CHOICES = 1000;
/** Longest parameter name. */
export const MAX_NAME_LENGTH = 64;
/**
 * A parameter name: a letter or _ then letters, digits, _ . / - (the rule of metric keys and objective names),
 * so it is a plain key everywhere it travels: trial params, SQL filters, a runner's command line.
 */
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/** Names that are not plain keys of a JS object: a parameter so named would vanish from every trial's params. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Most steps a stepped float's range may hold (`(high - low) / step`): a step of 1e-300 would make a grid, or a
 * sampler listing the levels, build an array of 1e300 values.
 */
export const MAX_FLOAT_STEPS = 1e9;
/** Relative tolerance when checking that `step` divides `high - low` (float steps such as 0.05 are inexact). */
const STEP_TOLERANCE = 1e-9;

/** `when`: the parameter exists only if every named parent takes one of the listed values. */
export type Condition = Record<string, ParamValue[]>;

interface ParamBase {
  /** The parameter's name, the key of its value in a trial's params. */
  name: string;
  when?: Condition;
}

/** A real-valued parameter on [low, high]; `log` samples its logarithm uniformly; `step` makes it discrete. */
export interface FloatParamDef extends ParamBase {
  type: 'float';
  low: number;
  high: number;
  log: boolean;
  step?: number;
}

/** An integer parameter on [low, high] in steps of `step` (1 by default); `log` samples its logarithm. */
export interface IntParamDef extends ParamBase {
  type: 'int';
  low: number;
  high: number;
  log: boolean;
  step: number;
}

/** A parameter taking one of a list of strings, numbers or booleans. */
export interface CategoricalParamDef extends ParamBase {
  type: 'categorical';
  choices: ParamValue[];
}

export type NumericParamDef = FloatParamDef | IntParamDef;
export type ParamDef = NumericParamDef | CategoricalParamDef;

/**
 * A validated search space. `params` is in dependency order (every parent before its children, otherwise the
 * document's order), which is also the order of the unit-cube coordinates.
 */
export interface SearchSpace {
  readonly params: readonly ParamDef[];
  /** Parameter name → position in `params`. */
  readonly index: Readonly<Record<string, number>>;
}

/** The JSON document describing one parameter (as the API stores it and the dashboard edits it). */
export type ParamSpecJson =
  | { type: 'float'; low: number; high: number; log?: boolean; step?: number; when?: Condition }
  | { type: 'int'; low: number; high: number; log?: boolean; step?: number; when?: Condition }
  | { type: 'categorical'; choices: ParamValue[]; when?: Condition };

/** The JSON document describing a search space: parameter name → spec. */
export type SpaceJson = Record<string, ParamSpecJson>;

const NUMERIC_FIELDS = new Set(['type', 'low', 'high', 'log', 'step', 'when']);
const CATEGORICAL_FIELDS = new Set(['type', 'choices', 'when']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `step` divides `high - low` up to floating-point error. */
export function stepDivides(low: number, high: number, step: number): boolean {
  const n = (high - low) / step;
  return Math.abs(n - Math.round(n)) <= STEP_TOLERANCE * Math.max(1, Math.abs(n));
}

/** Key used to compare categorical values of different JS types (`1` and `"1"` are different choices). */
export function choiceKey(value: ParamValue): string {
  return `${typeof value}:${String(value)}`;
}

function parseNumeric(name: string, spec: Record<string, unknown>): NumericParamDef {
  const type = spec.type as 'float' | 'int';
  for (const field of Object.keys(spec)) {
    if (!NUMERIC_FIELDS.has(field)) {
      throw new SpaceError(name, 'known fields', `unknown field \`${field}\` for type ${type} (allowed: low, high, log, step, when)`);
    }
  }
  const { low, high } = spec;
  for (const [field, v] of [['low', low], ['high', high]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new SpaceError(name, `${field} finite`, `\`${field}\` must be a finite number, got ${field}=${show(v)}`);
    }
  }
  const lo = low as number;
  const hi = high as number;
  if (!(lo <= hi)) {
    throw new SpaceError(name, 'low <= high', `\`low <= high\` must hold, got low=${lo}, high=${hi}`);
  }
  // A width past the largest double (low −1e308, high 1e308) made every sampler's low + (high − low)·u infinite,
  // so every trial got `high`.
  if (!Number.isFinite(hi - lo)) {
    throw new SpaceError(name, 'finite width', `\`high - low\` must be a finite number, got low=${lo}, high=${hi}`);
  }
  if (spec.log !== undefined && typeof spec.log !== 'boolean') {
    throw new SpaceError(name, 'log boolean', `\`log\` must be true or false, got log=${show(spec.log)}`);
  }
  const log = spec.log === true;
  if (log && !(lo > 0)) {
    throw new SpaceError(name, 'log needs low > 0', `\`low > 0\` must hold when log is true, got low=${lo}`);
  }
  let step: number | undefined;
  if (spec.step !== undefined) {
    if (typeof spec.step !== 'number' || !Number.isFinite(spec.step) || !(spec.step > 0)) {
      throw new SpaceError(name, 'step > 0', `\`step > 0\` must hold, got step=${show(spec.step)}`);
    }
    step = spec.step;
  }
  if (type === 'int') {
    for (const [field, v] of [['low', lo], ['high', hi], ['step', step ?? 1]] as const) {
      if (!Number.isInteger(v)) {
        throw new SpaceError(name, `${field} integer`, `\`${field}\` must be an integer for type int, got ${field}=${v}`);
      }
    }
    for (const [field, v] of [['low', lo], ['high', hi]] as const) {
      if (!Number.isSafeInteger(v)) {
        throw new SpaceError(name, `${field} safe integer`, `\`${field}\` must be between -(2^53 - 1) and 2^53 - 1 for type int, got ${field}=${v}`);
      }
    }
    const intStep = step ?? 1;
    if (log && intStep !== 1) {
      throw new SpaceError(name, 'log needs step 1', `\`step\` must be 1 when log is true for type int, got step=${intStep}`);
    }
    if (!stepDivides(lo, hi, intStep)) {
      throw new SpaceError(name, 'step divides range', `\`step\` must divide \`high - low\`, got low=${lo}, high=${hi}, step=${intStep}`);
    }
    return { name, type: 'int', low: lo, high: hi, log, step: intStep };
  }
  if (step !== undefined) {
    if (log) {
      throw new SpaceError(name, 'log excludes step', `\`step\` and \`log\` cannot both be set for type float, got step=${step}, log=true`);
    }
    if (!((hi - lo) / step <= MAX_FLOAT_STEPS)) {
      throw new SpaceError(name, 'step count', `\`step >= (high - low) / ${MAX_FLOAT_STEPS}\` must hold, got low=${lo}, high=${hi}, step=${step}`);
    }
    if (!stepDivides(lo, hi, step)) {
      throw new SpaceError(name, 'step divides range', `\`step\` must divide \`high - low\`, got low=${lo}, high=${hi}, step=${step}`);
    }
    return { name, type: 'float', low: lo, high: hi, log, step };
  }
  return { name, type: 'float', low: lo, high: hi, log };
}

function parseCategorical(name: string, spec: Record<string, unknown>): CategoricalParamDef {
  for (const field of Object.keys(spec)) {
    if (!CATEGORICAL_FIELDS.has(field)) {
      throw new SpaceError(name, 'known fields', `unknown field \`${field}\` for type categorical (allowed: choices, when)`);
    }
  }
  const { choices } = spec;
  if (!Array.isArray(choices) || choices.length === 0) {
    throw new SpaceError(name, 'choices non-empty', `\`choices\` must be a non-empty array, got choices=${show(choices)}`);
  }
  if (choices.length > MAX_CHOICES) {
    throw new SpaceError(name, 'choices cap', `\`choices\` may list at most ${MAX_CHOICES} values, got ${choices.length}`);
  }
  const seen = new Set<string>();
  for (const [i, c] of choices.entries()) {
    const ok = typeof c === 'string' || typeof c === 'boolean' || (typeof c === 'number' && Number.isFinite(c));
    if (!ok) {
      throw new SpaceError(name, 'choice type', `choices[${i}] must be a string, a finite number or a boolean, got ${show(c)}`);
    }
    const key = choiceKey(c as ParamValue);
    if (seen.has(key)) {
      throw new SpaceError(name, 'choices unique', `\`choices\` must not repeat a value, got ${show(c)} twice`);
    }
    seen.add(key);
  }
  return { name, type: 'categorical', choices: choices.slice() as ParamValue[] };
}

/** True when `value` is one of the values parameter `p` can take (ignoring conditions). */
export function paramAccepts(p: ParamDef, value: unknown): boolean {
  return paramAcceptor(p)(value);
}

/**
 * {@link paramAccepts} for one parameter with its bounds and choices worked out once, for checking many values
 * (a sampler filtering a long history).
 */
export function paramAcceptor(p: ParamDef): (value: unknown) => boolean {
  if (p.type === 'categorical') {
    const keys = new Set(p.choices.map((c) => choiceKey(c)));
    return (value) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && keys.has(choiceKey(value));
  }
  const eps = 1e-12 * Math.max(1, Math.abs(p.low), Math.abs(p.high));
  const lo = p.low - eps;
  const hi = p.high + eps;
  const { low, step } = p;
  const integer = p.type === 'int';
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    if (value < lo || value > hi) return false;
    if (integer && !Number.isInteger(value)) return false;
    return step === undefined || stepDivides(low, value, step);
  };
}

/**
 * Validates a search-space JSON document and returns the normalised space. Throws a {@link SpaceError} naming
 * the parameter, the rule and the values on the first rule broken: bounds (finite, low ≤ high, log needs
 * low > 0), steps (positive, dividing the range, integers for int), choices (non-empty, scalar, unique), `when`
 * conditions (known parent, valid values, no cycles) and size caps.
 */
export function parseSpace(json: unknown): SearchSpace {
  if (!isRecord(json)) {
    throw new SpaceError(undefined, 'object', `a search space must be a JSON object of parameters, got ${show(json)}`);
  }
  const names = Object.keys(json);
  if (names.length === 0) {
    throw new SpaceError(undefined, 'non-empty', 'a search space must define at least one parameter, got none');
  }
  if (names.length > MAX_PARAMS) {
    throw new SpaceError(undefined, 'params cap', `a search space may define at most ${MAX_PARAMS} parameters, got ${names.length}`);
  }
  const defs = new Map<string, ParamDef>();
  const rawWhen = new Map<string, unknown>();
  for (const name of names) {
    if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
      throw new SpaceError(name, 'name length', `a parameter name must have 1 to ${MAX_NAME_LENGTH} characters, got ${name.length}`);
    }
    if (!PARAM_NAME.test(name) || RESERVED_NAMES.has(name)) {
      throw new SpaceError(
        name,
        'name',
        `a parameter name starts with a letter or _ and holds letters, digits, _ . / - (not __proto__, constructor or prototype), got ${show(name)}`,
      );
    }
    const spec = json[name];
    if (!isRecord(spec)) {
      throw new SpaceError(name, 'spec object', `the spec must be an object, got ${show(spec)}`);
    }
    let def: ParamDef;
    if (spec.type === 'float' || spec.type === 'int') def = parseNumeric(name, spec);
    else if (spec.type === 'categorical') def = parseCategorical(name, spec);
    else {
      throw new SpaceError(name, 'type', `\`type\` must be one of float, int, categorical, got type=${show(spec.type)}`);
    }
    defs.set(name, def);
    if (spec.when !== undefined) rawWhen.set(name, spec.when);
  }
  for (const [name, when] of rawWhen) {
    const def = defs.get(name) as ParamDef;
    def.when = parseCondition(name, when, defs);
  }
  const order = dependencyOrder(names, defs);
  const params = order.map((n) => defs.get(n) as ParamDef);
  const index: Record<string, number> = {};
  params.forEach((p, i) => (index[p.name] = i));
  return { params, index };
}

function parseCondition(name: string, when: unknown, defs: Map<string, ParamDef>): Condition {
  if (!isRecord(when) || Object.keys(when).length === 0) {
    throw new SpaceError(name, 'when object', `\`when\` must be an object mapping a parameter to allowed values, got when=${show(when)}`);
  }
  const out: Condition = {};
  for (const [parent, values] of Object.entries(when)) {
    if (parent === name) {
      throw new SpaceError(name, 'when acyclic', `\`when\` must not refer to the parameter itself, got when.${parent}`);
    }
    const p = defs.get(parent);
    if (!p) {
      throw new SpaceError(name, 'when known parent', `\`when\` refers to unknown parameter "${parent}" (known: ${[...defs.keys()].join(', ')})`);
    }
    if (!Array.isArray(values) || values.length === 0) {
      throw new SpaceError(name, 'when values', `\`when.${parent}\` must be a non-empty array of values, got ${show(values)}`);
    }
    if (p.type === 'float' && p.step === undefined) {
      throw new SpaceError(name, 'when discrete parent', `\`when.${parent}\` needs a categorical, int or stepped float parent, got a continuous float`);
    }
    for (const v of values) {
      if (!paramAccepts(p, v)) {
        throw new SpaceError(name, 'when valid value', `\`when.${parent}\` lists ${show(v)}, which "${parent}" cannot take`);
      }
    }
    out[parent] = values.slice() as ParamValue[];
  }
  return out;
}

/** Topological order (parents first), stable with respect to the document order; rejects cycles. */
function dependencyOrder(names: string[], defs: Map<string, ParamDef>): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const out: string[] = [];
  const visit = (name: string, path: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name].join(' → ');
      throw new SpaceError(name, 'when acyclic', `\`when\` conditions must not form a cycle, got ${cycle}`);
    }
    state.set(name, 'visiting');
    for (const parent of Object.keys(defs.get(name)?.when ?? {})) visit(parent, [...path, name]);
    state.set(name, 'done');
    out.push(name);
  };
  for (const n of names) visit(n, []);
  return out;
}

/** Looks a parameter up by name. */
export function getParam(space: SearchSpace, name: string): ParamDef | undefined {
  const i = space.index[name];
  return i === undefined ? undefined : space.params[i];
}

/** True when every `when` of `p` holds under the (partial) assignment `params`. */
export function conditionHolds(p: ParamDef, params: Readonly<Record<string, ParamValue>>): boolean {
  if (!p.when) return true;
  for (const [parent, allowed] of Object.entries(p.when)) {
    const v = params[parent];
    if (v === undefined) return false;
    const key = choiceKey(v);
    if (!allowed.some((a) => choiceKey(a) === key)) return false;
  }
  return true;
}

/** Names of the parameters active under `params` (in dependency order). */
export function activeParams(space: SearchSpace, params: Readonly<Record<string, ParamValue>>): ParamDef[] {
  const active: ParamDef[] = [];
  const seen: Record<string, ParamValue> = {};
  for (const p of space.params) {
    if (!conditionHolds(p, seen)) continue;
    const v = params[p.name];
    if (v !== undefined) seen[p.name] = v;
    active.push(p);
  }
  return active;
}

/**
 * True when `params` is a point of the space: every active parameter present with a valid value, and no
 * parameter present whose condition does not hold (or that the space does not define).
 */
export function spaceContains(space: SearchSpace, params: Readonly<Record<string, ParamValue>>): boolean {
  let present = 0;
  for (const p of space.params) {
    const v = params[p.name];
    if (conditionHolds(p, params)) {
      if (v === undefined || !paramAccepts(p, v)) return false;
      present++;
    } else if (v !== undefined) return false;
  }
  return present === Object.keys(params).length;
}

/** The JSON document of a space (round-trips through {@link parseSpace}). */
export function spaceToJson(space: SearchSpace): SpaceJson {
  const out: SpaceJson = {};
  for (const p of space.params) {
    const when = p.when ? { when: structuredClone(p.when) } : {};
    if (p.type === 'categorical') out[p.name] = { type: 'categorical', choices: p.choices.slice(), ...when };
    else if (p.type === 'int') {
      out[p.name] = { type: 'int', low: p.low, high: p.high, ...(p.log ? { log: true } : {}), ...(p.step !== 1 ? { step: p.step } : {}), ...when };
    } else {
      out[p.name] = { type: 'float', low: p.low, high: p.high, ...(p.log ? { log: true } : {}), ...(p.step !== undefined ? { step: p.step } : {}), ...when };
    }
  }
  return out;
}
