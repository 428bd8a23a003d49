import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it('writes sizes in powers of 1,000, as the API writes its limits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 KB');
    expect(formatBytes(200_000_000)).toBe('200 MB');
    expect(formatBytes(1_000_000_000)).toBe('1.0 GB');
  });
});
