/** RFC 3339 date-time with a zone (the compact form). */
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

/** The same with the zone optional: xAPI only says a timestamp SHOULD carry one; without it, it is UTC. */
export const XAPI_TIMESTAMP_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?$';

/** ISO 8601 durations of days and smaller (years and months have no fixed length), e.g. `PT1.5S`, `P1DT2H`. */
export const DURATION_PATTERN = '^P(?!$)(\\d+(\\.\\d+)?D)?(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?$';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))?$/;
const DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds since the epoch of a date-time the patterns above accept (no zone: UTC; fractions truncated to
 * milliseconds), or null when it names no real instant: February 30th, 24:00, a leap second, or an offset of
 * -00:00, which RFC 3339 reserves for "offset unknown". By hand rather than `Date.parse`, which rolls February
 * 30th over into March, reads a zoneless time as local time, and is slow.
 */
export function instantOf(text: string): number | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = [match[1], match[2], match[3], match[4], match[5], match[6]].map(Number) as
    [number, number, number, number, number, number];
  const sign = match[8];
  const zoneHours = Number(match[9] ?? 0);
  const zoneMinutes = Number(match[10] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || zoneHours > 23 || zoneMinutes > 59) return null;
  if (sign === '-' && zoneHours === 0 && zoneMinutes === 0) return null;
  const ms = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  const offsetMs = (sign === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes) * 60_000;
  return utcOf(year, month, day, hour, minute, second, ms) - offsetMs;
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1] ?? 0;
}

function utcOf(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const instant = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC reads years 0 to 99 as 1900 to 1999.
  return year >= 100 ? instant : new Date(instant).setUTCFullYear(year);
}

/** Milliseconds of a duration DURATION_PATTERN accepts (rounded), or null for anything else. */
export function durationMsOf(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [days, hours, minutes, seconds] = match.slice(1, 5).map((part) => Number(part ?? 0)) as [number, number, number, number];
  return Math.round((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
}

/** How far from `now` an event may be, in milliseconds. */
export interface TimeBounds {
  now: Date;
  maxAgeMs: number;
  maxFutureMs: number;
}

/** Why an event at `instant` falls outside the accepted window, or null when it does not. */
export function timeBoundsProblem(instant: number, bounds: TimeBounds): string | null {
  const now = bounds.now.getTime();
  if (instant < now - bounds.maxAgeMs) return `is ancient: more than ${spanOf(bounds.maxAgeMs)} before the server's time`;
  if (instant > now + bounds.maxFutureMs) return `is in the future: more than ${spanOf(bounds.maxFutureMs)} after the server's time`;
  return null;
}

function spanOf(ms: number): string {
  if (ms >= 86_400_000 && ms % 86_400_000 === 0) return `${ms / 86_400_000} day(s)`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} minute(s)`;
  return `${ms / 1000} second(s)`;
}
