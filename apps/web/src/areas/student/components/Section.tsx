import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui';
import { isSectionError } from '../api-types';

/**
 * A titled part of a screen fed by one service: when that service failed, the section says so in plain
 * words and the rest of the screen still works.
 */
export function Section<T>({ title, section, children, id }: { title: string; section: T; children: (content: Exclude<T, { error: unknown }>) => ReactNode; id?: string }) {
  const { t } = useTranslation('student');
  const generated = useId();
  const headingId = id ?? generated;
  return (
    <section className="card student-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {isSectionError(section) ? (
        <Alert tone="warning">{t(section.error.status === 504 ? 'section.slow' : 'section.unavailable')}</Alert>
      ) : (
        children(section as Exclude<T, { error: unknown }>)
      )}
    </section>
  );
}
