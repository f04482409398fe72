import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Locales shipped; each has one JSON catalog per area in `locales/<locale>/<area>.json`. */
export const LOCALES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
] as const;
export type LocaleCode = (typeof LOCALES)[number]['code'];

const LOCALE_KEY = 'tessera.locale';
const catalogs = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

// Catalogs load with their area's code: the student home does not download the admin's strings.
const lazyCatalogs: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = catalogs[`./locales/${language}/${namespace}.json`] ?? catalogs[`./locales/en/${namespace}.json`];
    if (!load) return callback(new Error(`no catalog ${language}/${namespace}`), null);
    load().then((module) => callback(null, module.default), (error: Error) => callback(error, null));
  },
};

export function initialLocale(): LocaleCode {
  const stored = globalThis.localStorage?.getItem(LOCALE_KEY);
  const wanted = stored ?? globalThis.navigator?.language ?? 'en';
  return LOCALES.find((locale) => wanted.toLowerCase().startsWith(locale.code))?.code ?? 'en';
}

export function rememberLocale(code: string): void {
  globalThis.localStorage?.setItem(LOCALE_KEY, code);
  void i18next.changeLanguage(code);
  document.documentElement.lang = code;
}

export async function initI18n(): Promise<void> {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  await i18next
    .use(lazyCatalogs)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: 'en',
      ns: ['common'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
}
