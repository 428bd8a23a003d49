import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, timeZoneIssue, wallClockToUtc } from './time-zone.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const wall = (text: string) => Date.parse(`${text}Z`);

describe('time zones of naive timestamps', () => {
  it('accepts IANA names in any case and fixed offsets, in canonical form', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('+0530')).toBe('+05:30');
    expect(canonicalTimeZone('-08:00')).toBe('-08:00');
    for (const bad of [
      '',
      'Mars/Olympus',
      '+25:00',
      '+02:75',
      'Europe/Paris; drop table',
      'x'.repeat(65),
      '2',
    ]) {
      expect(canonicalTimeZone(bad), bad).toBeUndefined();
    }
  });

  it('names the field and the value when refusing', () => {
    expect(timeZoneIssue('Europe/Paris')).toBeUndefined();
    expect(timeZoneIssue('Mars/Olympus')).toEqual({
      path: ['timeZone'],
      message:
        'timeZone must be an IANA time zone such as "Europe/Paris" or "UTC", or an offset such as "+02:00", got "Mars/Olympus"',
    });
    expect(timeZoneIssue(12)?.message).toMatch(/got 12$/);
  });

  it('reads a wall-clock time in winter and summer, and with a fixed offset', () => {
    expect(iso(wallClockToUtc(wall('2026-01-15T12:00:00.250'), 'Europe/Paris'))).toBe(
      '2026-01-15T11:00:00.250Z',
    );
    expect(iso(wallClockToUtc(wall('2026-07-15T12:00:00'), 'Europe/Paris'))).toBe('2026-07-15T10:00:00.000Z');
    expect(iso(wallClockToUtc(wall('2026-07-15T12:00:00'), 'America/New_York'))).toBe(
      '2026-07-15T16:00:00.000Z',
    );
    expect(iso(wallClockToUtc(wall('2026-07-15T12:00:00'), 'Asia/Kolkata'))).toBe('2026-07-15T06:30:00.000Z');
    expect(iso(wallClockToUtc(wall('2026-07-15T12:00:00'), '-05:30'))).toBe('2026-07-15T17:30:00.000Z');
    expect(iso(wallClockToUtc(wall('2026-07-15T12:00:00'), 'UTC'))).toBe('2026-07-15T12:00:00.000Z');
  });

  it('reads the repeated hour as its first instant and the skipped hour with the offset before the change', () => {
    // Paris: summer time ends 2026-10-25 at 03:00 (02:00–03:00 happens twice), begins 2026-03-29 at 02:00.
    expect(iso(wallClockToUtc(wall('2026-10-25T02:30:00'), 'Europe/Paris'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(wallClockToUtc(wall('2026-03-29T02:30:00'), 'Europe/Paris'))).toBe('2026-03-29T01:30:00.000Z');
    // Just around the changes.
    expect(iso(wallClockToUtc(wall('2026-03-29T01:59:59'), 'Europe/Paris'))).toBe('2026-03-29T00:59:59.000Z');
    expect(iso(wallClockToUtc(wall('2026-03-29T03:00:00'), 'Europe/Paris'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(wallClockToUtc(wall('2026-10-25T03:00:00'), 'Europe/Paris'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => wallClockToUtc(0, 'Nowhere/Else')).toThrow(/timeZone must be an IANA time zone/);
  });
});
