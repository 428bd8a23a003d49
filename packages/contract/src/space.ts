import { SpaceError, parseSpace, spaceToJson, type SearchSpace, type SpaceJson } from '@tuneboard/tuning';
import type { Issue } from './issues.ts';

/** The field of a parameter's spec a rule is about, where its first word does not say it. */
const RULE_FIELDS: Record<string, string> = {
  'low <= high': 'high',
  'finite width': 'high',
  'log needs low > 0': 'low',
  'log needs step 1': 'step',
  'log excludes step': 'step',
  'choice type': 'choices',
  'grid size': 'step',
};
/** The fields of a parameter's spec (the cells of a parameter row in a form). */
export const SPEC_FIELDS = ['type', 'low', 'high', 'step', 'log', 'choices', 'when'] as const;
export type SpecField = (typeof SPEC_FIELDS)[number];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where a space error belongs: `space.<param>.<field>` when the rule is about one field of the parameter's spec
 * (`low`, `high`, `step`, …), so a form shows it beside that input; `space.<param>` for the parameter as a whole
 * (its name, an unknown field); `space` for the document.
 */
export function spaceErrorPath(error: SpaceError): string[] {
  if (error.param === undefined) return ['space'];
  const field = RULE_FIELDS[error.rule] ?? error.rule.split(' ')[0] ?? '';
  return ['space', error.param, ...((SPEC_FIELDS as readonly string[]).includes(field) ? [field] : [])];
}

/**
 * Checks a search-space document. When it breaks a rule, every parameter is also checked on its own (conditions
 * left out), so the answer lists one issue per faulty parameter at once instead of the first only; a rule
 * between parameters (`when`) is reported when no parameter is faulty on its own.
 */
export function checkSpace(document: unknown): { issues: Issue[]; space?: SearchSpace } {
  try {
    return { issues: [], space: parseSpace(document) };
  } catch (error) {
    if (!(error instanceof SpaceError)) throw error;
    const first = { path: spaceErrorPath(error), message: error.message };
    // A document-level error (not an object, too many parameters) comes before any parameter is read.
    if (error.param === undefined || !isObject(document)) return { issues: [first] };
    const issues: Issue[] = [];
    for (const [name, spec] of Object.entries(document)) {
      const alone = isObject(spec) ? Object.fromEntries(Object.entries(spec).filter(([key]) => key !== 'when')) : spec;
      try {
        parseSpace(Object.fromEntries([[name, alone]]));
      } catch (own) {
        if (!(own instanceof SpaceError)) throw own;
        issues.push({ path: spaceErrorPath(own), message: own.message });
      }
    }
    return { issues: issues.length > 0 ? issues : [first] };
  }
}

/**
 * The one stored form of a valid space: defaults left out (`log: false`, an int's `step: 1`), parameters in
 * dependency order (parents first, otherwise as given; a jsonb column then keeps its own key order, so readers
 * take the order from `parseSpace`, never from the keys). Studies store this, so every reader sees one shape.
 */
export function normalizeSpace(space: SearchSpace): SpaceJson {
  return spaceToJson(space);
}

/** A parameter as a list entry (a form's row): its name beside its spec. */
export interface NamedParam {
  name: string;
  spec: Record<string, unknown>;
}

/**
 * The space document of a list of named parameters. A name used twice is an issue on each row that uses it
 * (`space.#<row>.name`): an object keeps one value a key, so building the document would silently drop a
 * parameter's definition. Entries without a name are skipped (an empty form row).
 */
export function spaceFromEntries(entries: readonly NamedParam[]): { document: Record<string, Record<string, unknown>>; issues: Issue[] } {
  const rowsByName = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const name = entry.name.trim();
    if (name) rowsByName.set(name, [...(rowsByName.get(name) ?? []), i]);
  });
  const issues: Issue[] = [];
  const document: Record<string, Record<string, unknown>> = {};
  for (const [name, rows] of rowsByName) {
    document[name] = entries[rows[0]!]!.spec;
    if (rows.length < 2) continue;
    const listed = rows.map((i) => i + 1).join(' and ');
    for (const i of rows) {
      issues.push({
        path: ['space', `#${i}`, 'name'],
        message: `parameter name ${JSON.stringify(name)} is used by rows ${listed}; each parameter needs its own name`,
      });
    }
  }
  return { document, issues };
}
