import { CATEGORIES, type Category, type ChannelChoice, type Preferences, type PreferencesInput, type QuietHours } from '../contract/schemas.js';

/** What a user who never chose gets: everything in the app, email for what concerns their studies, no marketing. */
const DEFAULT_CHANNELS: Record<Category, ChannelChoice> = {
  results: { inApp: true, email: true, push: false, sms: false },
  reminders: { inApp: true, email: true, push: false, sms: false },
  billing: { inApp: true, email: true, push: false, sms: false },
  course_updates: { inApp: true, email: false, push: false, sms: false },
  marketing: { inApp: false, email: false, push: false, sms: false },
  grading: { inApp: true, email: true, push: false, sms: false },
};

export function defaultPreferences(): Preferences {
  return { categories: structuredClone(DEFAULT_CHANNELS), quietHours: null, timeZone: 'UTC', digest: 'immediate', version: 1 };
}

/** The preferences after a change: only what the input names moves. */
export function applyChange(current: Preferences, input: PreferencesInput): Preferences {
  const categories = structuredClone(current.categories);
  for (const category of CATEGORIES) {
    const change = input.categories?.[category];
    if (change) categories[category] = { ...categories[category], ...change };
  }
  return {
    categories,
    quietHours: input.quietHours === undefined ? current.quietHours : input.quietHours,
    timeZone: input.timeZone ?? current.timeZone,
    digest: input.digest ?? current.digest,
    version: current.version + 1,
  };
}

/** Whether `zone` is a time zone this runtime knows (an IANA name such as Europe/Paris). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight at `at` in `zone`. */
function minutesInZone(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Whether `at` falls in the quiet hours, read in the user's time zone; a window may span midnight (22:00–07:00). */
export function inQuietHours(quiet: QuietHours | null, zone: string, at: Date): boolean {
  if (!quiet) return false;
  const now = minutesInZone(at, zone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}
