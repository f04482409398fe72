import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptSlot, ItemResponse } from '../api-types';
import { deliveredItem } from './items';
import { QuestionInput } from './questions/QuestionInput';
import { ServerSanitizedHtml } from '../../../ui';

/**
 * One question of the attempt: its number (of `total`, when the number of questions is known) and points, the
 * stem, and the answer control. `focusOnMount` moves the focus to its heading, for a question that replaces
 * the one just answered.
 */
export function QuestionCard({ slot, number, total, response, onChange, focusOnMount = false }: { slot: AttemptSlot; number: number; total?: number; response: ItemResponse | null; onChange: (response: ItemResponse | null) => void; focusOnMount?: boolean }) {
  const { t } = useTranslation('student');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const item = useMemo(() => deliveredItem(slot.item), [slot.item]);
  const base = `q-${slot.slot.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const headingId = `${base}-heading`;
  const stemId = `${base}-stem`;
  return (
    <section className="card question" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} className="question-title" tabIndex={focusOnMount ? -1 : undefined}>
        {total === undefined ? t('question.numbered', { number }) : t('question.ofTotal', { number, total })} <span className="muted small">{t('question.points', { count: slot.points })}</span>
      </h2>
      {item.type === 'cloze' ? null : <ServerSanitizedHtml id={stemId} className="question-stem" html={item.stem} />}
      <QuestionInput item={item} response={response} onChange={onChange} labelledBy={`${headingId} ${stemId}`} idBase={base} stemId={stemId} />
    </section>
  );
}
