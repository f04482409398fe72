import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isSectionError } from '../api/section-error';
import { Alert } from './feedback';

/**
 * A titled part of a screen fed by one service of an aggregated answer: when that service failed, the
 * section says so in plain words and the rest of the screen still works.
 */
export function Section<T>({ title, section, children, id }: { title: string; section: T; children: (content: Exclude<T, { error: unknown }>) => ReactNode; id?: string }) {
  // Its words are the student catalog's `section.*` (the student home is the one aggregated screen so far).
  const { t } = useTranslation();
  const generated = useId();
  const headingId = id ?? generated;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} style={{ marginTop: 0 }}>{title}</h2>
      {isSectionError(section) ? (
        <Alert tone="warning">{t(section.error.status === 504 ? 'section.slow' : 'section.unavailable')}</Alert>
      ) : (
        children(section as Exclude<T, { error: unknown }>)
      )}
    </section>
  );
}
