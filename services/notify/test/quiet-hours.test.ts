import { describe, expect, it } from 'vitest';
import { applyChange, defaultPreferences, inQuietHours, isKnownTimeZone } from '../src/domain/preferences.js';

describe('quiet hours and preference changes', () => {
  const night = { start: '22:00', end: '07:00' };

  it('reads the window in the user\'s time zone, across midnight', () => {
    // 21:30 UTC is 22:30 in Paris in winter (UTC+1): quiet there, not in UTC.
    const at = new Date('2026-12-01T21:30:00Z');
    expect(inQuietHours(night, 'Europe/Paris', at)).toBe(true);
    expect(inQuietHours(night, 'UTC', at)).toBe(false);
    expect(inQuietHours(night, 'UTC', new Date('2026-12-01T06:59:00Z'))).toBe(true);
    expect(inQuietHours(night, 'UTC', new Date('2026-12-01T07:00:00Z'))).toBe(false);
    expect(inQuietHours({ start: '12:00', end: '14:00' }, 'UTC', new Date('2026-12-01T13:00:00Z'))).toBe(true);
    expect(inQuietHours({ start: '12:00', end: '12:00' }, 'UTC', new Date('2026-12-01T12:00:00Z'))).toBe(false);
    expect(inQuietHours(null, 'UTC', new Date())).toBe(false);
  });

  it('changes only what a change names, and knows real time zones from made-up ones', () => {
    const changed = applyChange(defaultPreferences(), { categories: { marketing: { email: true } } });
    expect(changed.categories.marketing).toEqual({ inApp: false, email: true, push: false, sms: false });
    expect(changed.categories.results).toEqual(defaultPreferences().categories.results);
    expect(changed.version).toBe(2);
    expect(applyChange(changed, { quietHours: null }).quietHours).toBeNull();
    expect(isKnownTimeZone('America/New_York')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
