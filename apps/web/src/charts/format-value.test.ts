import { describe, expect, it } from 'vitest';
import { formatValue } from './use-width.ts';

describe('formatValue', () => {
  it('writes very small and very large numbers in exponent form without trailing zeros', () => {
    expect(formatValue(1e-4)).toBe('1e-4');
    expect(formatValue(2.5e-5)).toBe('2.5e-5');
    expect(formatValue(1.05e-4)).toBe('1.05e-4');
    expect(formatValue(-3e7)).toBe('-3e+7');
    expect(formatValue(123456)).toBe('1.23e+5');
  });

  it('writes other numbers with four significant digits, and a dash for no value', () => {
    expect(formatValue(0.0041888255)).toBe('0.004189');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(1.5)).toBe('1.5');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(Number.NaN)).toBe('—');
  });
});
