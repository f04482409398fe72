import { CATEGORIES, CHANNELS, type Digest, type Preferences, type PreferencesChange } from '../api';

/** The preferences form's state: quiet hours keep their times while switched off. */
export interface PreferencesDraft {
  categories: Preferences['categories'];
  quietOn: boolean;
  quietStart: string;
  quietEnd: string;
  timeZone: string;
  digest: Digest;
}

/** Quiet hours offered when someone first switches them on: the night. */
const NIGHT = { start: '22:00', end: '07:00' };

/** The browser's own time zone (an IANA name), or UTC where the browser does not say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * The form's start from saved preferences. Someone who never saved any (version 1: the service's defaults,
 * in UTC) starts in the browser's time zone, which is far likelier to be theirs.
 */
export function draftOf(preferences: Preferences, localZone = browserTimeZone()): PreferencesDraft {
  const neverSaved = preferences.version === 1 && preferences.timeZone === 'UTC';
  return {
    categories: structuredClone(preferences.categories),
    quietOn: preferences.quietHours !== null,
    quietStart: preferences.quietHours?.start ?? NIGHT.start,
    quietEnd: preferences.quietHours?.end ?? NIGHT.end,
    timeZone: neverSaved ? localZone : preferences.timeZone,
    digest: preferences.digest,
  };
}

/** The body of `PUT /notifications/preferences`: only what the draft changed, so a save never undoes another tab's change it did not touch. */
export function changeOf(saved: Preferences, draft: PreferencesDraft): PreferencesChange {
  const change: PreferencesChange = {};
  const categories: NonNullable<PreferencesChange['categories']> = {};
  for (const category of CATEGORIES) {
    const moved = CHANNELS.filter((channel) => draft.categories[category][channel] !== saved.categories[category][channel]);
    if (moved.length > 0) categories[category] = Object.fromEntries(moved.map((channel) => [channel, draft.categories[category][channel]]));
  }
  if (Object.keys(categories).length > 0) change.categories = categories;
  const quietHours = draft.quietOn ? { start: draft.quietStart, end: draft.quietEnd } : null;
  if (quietHours?.start !== saved.quietHours?.start || quietHours?.end !== saved.quietHours?.end) change.quietHours = quietHours;
  if (draft.timeZone !== saved.timeZone) change.timeZone = draft.timeZone;
  if (draft.digest !== saved.digest) change.digest = draft.digest;
  return change;
}

/** Every IANA time zone the browser knows, with the chosen one even when the browser lacks it. */
export function timeZoneOptions(chosen: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([chosen, 'UTC', ...known])].sort((a, b) => a.localeCompare(b));
}
