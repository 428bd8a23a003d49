import { customType } from 'drizzle-orm/pg-core';

/**
 * Postgres `float8` that keeps every IEEE-754 double: NaN, ±Infinity, −0 and 1e308.
 *
 * node-postgres sends numbers with `String(x)`, which turns −0 into "0"; sending the text ourselves keeps the
 * sign. Both drivers parse `float8` results with `parseFloat`, which reads "NaN", "Infinity" and "-0".
 */
export function float8Text(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

function parseFloat8(value: unknown): number {
  if (typeof value === 'number') return value;
  return Number.parseFloat(String(value));
}

export const float8 = customType<{ data: number; driverData: string | number }>({
  dataType: () => 'double precision',
  toDriver: (value) => float8Text(value),
  fromDriver: (value) => parseFloat8(value),
});

/** `float8[]` with the same guarantees, sent as an array literal such as `{NaN,-0,1e+308}`. */
export const float8Array = customType<{ data: number[]; driverData: string | (string | number)[] }>({
  dataType: () => 'double precision[]',
  toDriver: (value) => `{${value.map(float8Text).join(',')}}`,
  fromDriver: (value) => {
    if (Array.isArray(value)) return value.map(parseFloat8);
    const text = String(value).replace(/^\{|\}$/g, '');
    return text === '' ? [] : text.split(',').map((part) => parseFloat8(part.replace(/"/g, '')));
  },
});
