import {
  conditionHolds,
  paramAccepts,
  type ParamDef,
  type ParamValue,
  type SearchSpace,
} from '@tuneboard/tuning';
import { userError, type UserError } from './common.ts';

/** Longest rendering of a value in these messages. */
const MAX_SHOWN = 200;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** The values a parameter takes, in words: the rule a value broke. */
function takes(p: ParamDef): string {
  if (p.type === 'categorical') return `one of ${shown(p.choices)}`;
  const steps =
    p.step !== undefined && !(p.type === 'int' && p.step === 1) ? ` in steps of ${p.step} from ${p.low}` : '';
  return `${p.type === 'int' ? 'an integer' : 'a number'} from ${p.low} to ${p.high}${steps}`;
}

function condition(p: ParamDef): string {
  return Object.entries(p.when ?? {})
    .map(([parent, values]) => `${parent} is one of ${shown(values)}`)
    .join(' and ');
}

/**
 * Why `params` is not a point of the space, one error per parameter at fault (the same rules as
 * `spaceContains`): a value missing, of the wrong kind or out of range, a value for a parameter whose `when`
 * does not hold, or a name the space does not define. Each error names the parameter, the value and the rule.
 * Empty when `params` is a point of the space.
 */
export function pointErrors(space: SearchSpace, params: unknown): UserError[] {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return [
      userError(
        ['input', 'params'],
        `params must be a JSON object of parameter values, got ${shown(params)}`,
      ),
    ];
  }
  const point = params as Record<string, ParamValue>;
  const errors: UserError[] = [];
  const field = (name: string) => ['input', 'params', name];
  for (const p of space.params) {
    const value = Object.hasOwn(point, p.name) ? point[p.name] : undefined;
    if (conditionHolds(p, point)) {
      if (value === undefined) {
        errors.push(userError(field(p.name), `parameter "${p.name}" is missing: give ${takes(p)}`));
      } else if (!paramAccepts(p, value)) {
        errors.push(
          userError(field(p.name), `parameter "${p.name}" must be ${takes(p)}, got ${shown(value)}`),
        );
      }
    } else if (value !== undefined) {
      errors.push(
        userError(
          field(p.name),
          `parameter "${p.name}" must be left out unless ${condition(p)}, got ${shown(value)}`,
        ),
      );
    }
  }
  for (const name of Object.keys(point)) {
    if (!Object.hasOwn(space.index, name)) {
      const known = space.params.map((p) => p.name).join(', ');
      errors.push(userError(field(name), `"${name}" is not a parameter of the study's space (${known})`));
    }
  }
  return errors;
}
