import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { duplicateJsonKey, spaceFromEntries } from '@tuneboard/contract';

/** One parameter row of the search-space form; numbers are kept as typed so half-typed input survives. */
export interface ParamRow {
  name: string;
  type: 'float' | 'int' | 'categorical';
  low: string;
  high: string;
  step: string;
  log: boolean;
  /** Comma-separated choices; numbers and true/false are converted. */
  choices: string;
  /** Condition as `parent=a|b` (the parameter exists only when parent takes one of the values); '' for none. */
  when: string;
}

export type SpaceDocument = Record<string, Record<string, unknown>>;

export function emptyRow(): ParamRow {
  return { name: '', type: 'float', low: '', high: '', step: '', log: false, choices: '', when: '' };
}

function scalar(text: string): string | number | boolean {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  return t;
}

function numberOrText(text: string): number | string {
  const t = text.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

function parseWhen(text: string): Record<string, (string | number | boolean)[]> | undefined {
  const conditions: Record<string, (string | number | boolean)[]> = {};
  for (const part of text.split(';')) {
    const [parent, values] = part.split('=');
    if (!parent?.trim() || values === undefined) continue;
    conditions[parent.trim()] = values
      .split('|')
      .map(scalar)
      .filter((v) => v !== '');
  }
  return Object.keys(conditions).length > 0 ? conditions : undefined;
}

function formatWhen(when: unknown): string {
  if (typeof when !== 'object' || when === null) return '';
  return Object.entries(when as Record<string, unknown>)
    .map(
      ([parent, values]) => `${parent}=${(Array.isArray(values) ? values : [values]).map(String).join('|')}`,
    )
    .join('; ');
}

/** A row's spec as the API's space document holds it (numbers that are not numbers kept as typed). */
function rowSpec(row: ParamRow): Record<string, unknown> {
  const spec: Record<string, unknown> = { type: row.type };
  if (row.type === 'categorical') {
    spec.choices = row.choices
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .map(scalar);
  } else {
    spec.low = numberOrText(row.low);
    spec.high = numberOrText(row.high);
    if (row.log) spec.log = true;
    if (row.step.trim() !== '') spec.step = numberOrText(row.step);
  }
  const when = parseWhen(row.when);
  if (when) spec.when = when;
  return spec;
}

/**
 * The form's rows as the API's space document (rows without a name are skipped), built by the contract's
 * `spaceFromEntries`; a name used twice is refused by `checkRows` before anything is sent.
 */
export function rowsToSpace(rows: readonly ParamRow[]): SpaceDocument {
  return spaceFromEntries(rows.map((row) => ({ name: row.name.trim(), spec: rowSpec(row) }))).document;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A space document back as form rows; throws naming the parameter when one cannot be shown as a row. */
export function spaceToRows(space: unknown): ParamRow[] {
  if (typeof space !== 'object' || space === null || Array.isArray(space)) {
    throw new Error(`space must be an object of parameters, got ${JSON.stringify(space)}`);
  }
  return Object.entries(space as Record<string, unknown>).map(([name, raw]) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new Error(`parameter "${name}" must be an object with a type, got ${JSON.stringify(raw)}`);
    }
    const spec = raw as Record<string, unknown>;
    const type = spec.type;
    if (type !== 'float' && type !== 'int' && type !== 'categorical') {
      throw new Error(
        `parameter "${name}": type must be float, int or categorical, got ${JSON.stringify(type)}`,
      );
    }
    return {
      name,
      type,
      low: str(spec.low),
      high: str(spec.high),
      step: str(spec.step),
      log: spec.log === true,
      choices: Array.isArray(spec.choices) ? spec.choices.map(String).join(', ') : '',
      when: formatWhen(spec.when),
    };
  });
}

export type SpaceFormat = 'json' | 'yaml';

/** The space document as text in the chosen format. */
export function spaceToText(space: SpaceDocument, format: SpaceFormat): string {
  return format === 'json' ? JSON.stringify(space, null, 2) : stringifyYaml(space);
}

/**
 * Parses the textarea; the error says which format and where it broke. A key given twice is refused (YAML does
 * so itself; JSON.parse would keep the last one and drop a parameter's definition without a word).
 */
export function textToSpace(text: string, format: SpaceFormat): { space?: unknown; error?: string } {
  if (text.trim() === '') return { space: {} };
  try {
    const space: unknown = format === 'json' ? JSON.parse(text) : parseYaml(text);
    const twice = format === 'json' ? duplicateJsonKey(text) : undefined;
    if (twice) {
      const where = twice.path ? ` in ${twice.path}` : '';
      return { error: `space is not valid JSON: the key ${JSON.stringify(twice.key)} appears twice${where}` };
    }
    return { space };
  } catch (error) {
    return {
      error: `space is not valid ${format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
