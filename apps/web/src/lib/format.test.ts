import { describe, expect, it } from 'vitest';
import {
  formatMetric,
  formatParam,
  formatProgress,
  formatRanges,
  formatUtc,
  progressLabel,
  relativeTime,
  slugify,
} from './format.ts';

const now = new Date('2026-01-10T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('relative time', () => {
  it('says just now, minutes, hours and days', () => {
    expect(relativeTime(ago(10), now)).toBe('just now');
    expect(relativeTime(ago(5 * 60), now)).toBe('5 min ago');
    expect(relativeTime(ago(3 * 3600), now)).toBe('3 h ago');
    expect(relativeTime(ago(86_400), now)).toBe('1 day ago');
    expect(relativeTime(ago(4 * 86_400), now)).toBe('4 days ago');
  });

  it('speaks of the future for expiry dates', () => {
    expect(relativeTime(ago(-2 * 86_400), now)).toBe('in 2 days');
  });

  it('shows a dash for missing or malformed dates', () => {
    expect(relativeTime(null, now)).toBe('—');
    expect(relativeTime('not a date', now)).toBe('—');
  });
});

describe('progress and metric values', () => {
  it('rounds progress to a clamped percentage, and a dash without a limit', () => {
    expect(formatProgress(0.426)).toBe('43%');
    expect(formatProgress(1.2)).toBe('100%');
    expect(formatProgress(null)).toBe('—');
  });

  it('shows numbers compactly and the API strings for non-finite values', () => {
    expect(formatMetric(0.912345678)).toBe('0.91235');
    expect(formatMetric(123456789)).toBe('1.235e+8');
    expect(formatMetric(0.00001234)).toBe('1.234e-5');
    expect(formatMetric('NaN')).toBe('NaN');
    expect(formatMetric('-0')).toBe('0');
    expect(formatMetric(null)).toBe('—');
  });

  it('shows parameter values: numbers compactly, a choice without quotes, anything else as JSON', () => {
    expect(formatParam(0.000123456)).toBe('1.235e-4');
    expect(formatParam(64)).toBe('64');
    expect(formatParam('adam')).toBe('adam');
    expect(formatParam(true)).toBe('true');
    expect(formatParam(null)).toBe('null');
    expect(formatParam([86, 245])).toBe('[86,245]');
  });

  it('shows a moment as UTC to the second', () => {
    expect(formatUtc('2026-12-08T00:07:17.495Z')).toBe('2026-12-08 00:07:17Z');
    expect(formatUtc(null)).toBe('—');
  });
});

describe('slugs', () => {
  it('makes a URL-safe name with single hyphens', () => {
    expect(slugify('  Vision Lab — Zürich!! ')).toBe('vision-lab-zurich');
    expect(slugify('a__b')).toBe('a-b');
  });
});

describe('refinement ranges', () => {
  it('shows each parameter with its range or choices, without float noise', () => {
    expect(formatRanges({ units: [122.35994112173678, 214.48186713658006], dropout: [0.050000000000000044, 0.16], optimizer: ['adam', 'sgd'], epochs: [100] })).toBe(
      'units [122.36, 214.48]; dropout [0.05, 0.16]; optimizer ["adam", "sgd"]; epochs [100]',
    );
  });

  it('falls back to JSON for anything that is not an object of ranges', () => {
    expect(formatRanges([1, 2])).toBe('[1,2]');
    expect(formatRanges(null)).toBe('null');
  });
});

describe('progressLabel', () => {
  it('says the share and the count of finished trials the same way everywhere', () => {
    expect(progressLabel(13, 30)).toBe('43% · 13 of 30 trials finished');
    expect(progressLabel(1, null)).toBe('1 trial finished');
    expect(progressLabel(0, 10)).toBe('0% · 0 of 10 trials finished');
  });
});
