import { render, type RenderResult } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';

const english = import.meta.glob<{ default: Record<string, unknown> }>('../../src/i18n/locales/en/*.json', { eager: true });
const resources = Object.fromEntries(Object.entries(english).map(([path, module]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), module.default]));

const i18n = i18next.createInstance();
await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: resources }, defaultNS: 'common', interpolation: { escapeValue: false }, react: { useSuspense: false } });

/** Renders a component as the app does: English catalogs loaded, inside a router at `path`. */
export function renderScreen(element: ReactElement, path = '/'): RenderResult {
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>
    </I18nextProvider>,
  );
}
