import type { Digest, QuietHours } from '../contract/schemas.js';
import { inQuietHours } from './preferences.js';

const STEP_MS = 5 * 60_000;
const DIGEST_HOUR = 8;

/** The local weekday (0 = Sunday) and hour at `at` in `zone`. */
function localClock(at: Date, zone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.find((p) => p.type === 'weekday')?.value ?? 'Sun');
  return { weekday, hour: Number(parts.find((p) => p.type === 'hour')?.value ?? 0) };
}

/**
 * When an email (or push, SMS) may go out: now, unless the user wants a digest (the next 08:00 in their time
 * zone; weekly: on a Monday) or it is their quiet hours (their end). Walked in five-minute steps so daylight
 * saving changes need no special case; bounded to eight days.
 */
export function nextSendTime(now: Date, preferences: { quietHours: QuietHours | null; timeZone: string; digest: Digest }): Date {
  const steps = (8 * 24 * 60 * 60_000) / STEP_MS;
  const start = preferences.digest === 'immediate' ? now : digestTime(now, preferences.timeZone, preferences.digest, steps);
  let at = start;
  for (let step = 0; step < steps && inQuietHours(preferences.quietHours, preferences.timeZone, at); step++) at = new Date(at.getTime() + STEP_MS);
  return at;
}

function digestTime(now: Date, zone: string, digest: Exclude<Digest, 'immediate'>, steps: number): Date {
  let at = new Date(Math.ceil(now.getTime() / STEP_MS) * STEP_MS + STEP_MS);
  for (let step = 0; step < steps; step++, at = new Date(at.getTime() + STEP_MS)) {
    const clock = localClock(at, zone);
    if (clock.hour === DIGEST_HOUR && (digest === 'daily' || clock.weekday === 1)) return at;
  }
  return at;
}
