import type { Issue } from './issues.ts';

/**
 * The time zone of timestamps stored without one (Optuna's `datetime_start`, written with `datetime.now()`: the
 * writing machine's clock): an IANA name (`Europe/Paris`, `America/New_York`, `UTC`), any case, or a fixed offset
 * from UTC (`+02:00`, `-05:30`, `+0530`). Given to the Optuna import (`timeZone`, the admin CLI's `--time-zone`,
 * the dashboard's upload dialog).
 */
export const TIME_ZONE_MAX = 64;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's canonical name (`Europe/Paris`, `+02:00`), or undefined when it is not one. */
export function canonicalTimeZone(text: string): string | undefined {
  if (text.length < 1 || text.length > TIME_ZONE_MAX) return undefined;
  const offset = OFFSET.exec(text);
  if (offset) {
    const [, sign, hours, minutes] = offset;
    if (Number(hours) > 14 || Number(minutes) > 59) return undefined;
    return `${sign}${hours}:${minutes}`;
  }
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text)) return undefined;
  try {
    return formatterOf(text).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Why `timeZone` is refused (path `['timeZone']`, naming the value), or undefined. */
export function timeZoneIssue(value: unknown): Issue | undefined {
  if (typeof value === 'string' && canonicalTimeZone(value) !== undefined) return undefined;
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value.length > TIME_ZONE_MAX ? `${value.slice(0, TIME_ZONE_MAX)}…` : value)
      : String(value);
  return {
    path: ['timeZone'],
    message: `timeZone must be an IANA time zone such as "Europe/Paris" or "UTC", or an offset such as "+02:00", got ${shown}`,
  };
}

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // Throws a RangeError for a name the runtime's time-zone data does not know.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size < 64) formatters.set(zone, formatter);
  }
  return formatter;
}

/** Milliseconds the zone's clocks are ahead of UTC at the instant `utc` (ms since the epoch). */
function offsetAt(zone: string, utc: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterOf(zone).formatToParts(utc))
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  const whole = Math.floor(utc / 1000) * 1000;
  return (
    Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!) -
    whole
  );
}

/**
 * The instant a wall-clock reading in `zone` names. `wall` is the reading as if it were UTC (ms since the epoch:
 * `Date.UTC` of its fields). A reading the zone's clocks passed twice (the hour repeated when summer time ends) is
 * the earlier instant; one they skipped (the hour lost when it begins) is read with the offset before the change,
 * as JavaScript's `Date` and Temporal's "compatible" do.
 */
export function wallClockToUtc(wall: number, zone: string): number {
  const canonical = canonicalTimeZone(zone);
  if (canonical === undefined) throw new RangeError(timeZoneIssue(zone)!.message);
  const offset = OFFSET.exec(canonical);
  if (offset)
    return wall - (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
  if (canonical === 'UTC') return wall;
  const day = 86_400_000;
  const before = offsetAt(canonical, wall - day);
  const after = offsetAt(canonical, wall + day);
  const candidates = [...new Set([before, offsetAt(canonical, wall), after])]
    .map((o) => wall - o)
    .filter((utc) => wall - utc === offsetAt(canonical, utc))
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - before;
}
