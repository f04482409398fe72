import type { NotifySettings, NotifySettingsChange } from './admin-api';

/** The settings form's fields as typed: empty means "not set" (Tessera's brand, the platform's limit). */
export interface SettingsDraft {
  brandName: string;
  brandColor: string;
  brandLogoUrl: string;
  emailFooter: string;
  sendsPerMinute: string;
}

export type SettingsField = keyof SettingsDraft;
export const SETTINGS_FIELDS: readonly SettingsField[] = ['brandName', 'brandColor', 'brandLogoUrl', 'emailFooter', 'sendsPerMinute'];

export function draftOf(settings: NotifySettings): SettingsDraft {
  return {
    brandName: settings.brandName ?? '',
    brandColor: settings.brandColor ?? '',
    brandLogoUrl: settings.brandLogoUrl ?? '',
    emailFooter: settings.emailFooter ?? '',
    sendsPerMinute: settings.sendsPerMinute === null ? '' : String(settings.sendsPerMinute),
  };
}

/**
 * The body of `PUT /admin/notifications/settings`: only the fields the draft changed (the API keeps the
 * others), an emptied field as null. The API checks the values and has the last word on them.
 */
export function changeOf(saved: NotifySettings, draft: SettingsDraft): NotifySettingsChange {
  const before = draftOf(saved);
  const change: NotifySettingsChange = {};
  for (const field of SETTINGS_FIELDS) {
    const value = draft[field].trim();
    if (value === before[field]) continue;
    if (field === 'sendsPerMinute') change.sendsPerMinute = value === '' ? null : Number(value);
    else change[field] = value === '' ? null : value;
  }
  return change;
}
