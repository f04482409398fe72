import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The adaptive test needs no more answers. When that follows an answer given here, the focus moves to this
 * heading (the question and its buttons are gone), so screen readers say what comes next.
 */
export function AdaptiveFinished({ focus }: { focus: boolean }) {
  const { t } = useTranslation('student');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section className="card" aria-labelledby="adaptive-done-heading" data-testid="adaptive-finished">
      <h2 id="adaptive-done-heading" ref={heading} tabIndex={-1}>{t('adaptiveExam.doneHeading')}</h2>
      <p>{t('adaptiveExam.done')}</p>
    </section>
  );
}
