import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../api/use-action';
import { Button, ProblemAlert, ServerSanitizedHtml } from '../../../ui';
import type { ItemResponse, PracticeResult } from '../api-types';
import type { DeliveredItem } from '../exam/items';
import { QuestionInput } from '../exam/questions/QuestionInput';
import { AnswerFeedback } from './AnswerFeedback';
import { checkAnswer, type SentAnswer } from './check-answer';
import { Hints } from './Hints';

interface Props {
  item: DeliveredItem;
  /** The course the answer counts for (the learner model is kept per course's skills). */
  courseId: string;
  heading: ReactNode;
  /** A prefix for the ids of the question's elements, unique on the page. */
  idBase: string;
  /** The accessible name of the "Check" button when a page has several. */
  checkLabel?: string;
  /** Moves the focus to the heading when it appears (a new question replacing the previous one). */
  focusHeading?: boolean;
  onChecked?(result: PracticeResult): void;
  /** What follows the feedback once checked ("Next question", "Try again"). */
  after?(result: PracticeResult): ReactNode;
}

/**
 * A question answered with the exam's own answer controls, its hints one at a time and "Check": graded at
 * once by the adaptive service, which updates the learner model before it replies.
 */
export function CheckableQuestion({ item, courseId, heading, idBase, checkLabel, focusHeading = false, onChecked, after }: Props) {
  const { t } = useTranslation('student');
  const [response, setResponse] = useState<ItemResponse | null>(null);
  const [result, setResult] = useState<PracticeResult | null>(null);
  const action = useAction();
  const sent = useRef<SentAnswer['current']>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const ids = useMemo(() => ({ heading: `${idBase}-heading`, stem: `${idBase}-stem` }), [idBase]);
  useEffect(() => {
    if (focusHeading) title.current?.focus();
  }, [focusHeading]);

  const check = () => action.run(async () => {
    const graded = await checkAnswer({ itemId: item.id, courseId, response }, sent);
    setResult(graded);
    onChecked?.(graded);
  });

  return (
    <div className="stack checkable-question">
      <h2 id={ids.heading} ref={title} tabIndex={-1} className="question-title">{heading}</h2>
      {item.type === 'cloze' ? null : <ServerSanitizedHtml id={ids.stem} className="question-stem" html={item.stem} />}
      {/* Once checked the answer stays as given, next to its feedback. */}
      <fieldset className="plain" disabled={result !== null}>
        <QuestionInput item={item} response={response} onChange={setResponse} labelledBy={`${ids.heading} ${ids.stem}`} idBase={idBase} stemId={ids.stem} />
      </fieldset>
      <Hints hints={item.hints} />
      <ProblemAlert error={action.error} />
      {result ? (
        <>
          <AnswerFeedback result={result} />
          {after?.(result)}
        </>
      ) : (
        <div className="row">
          <Button busy={action.busy} disabled={response === null} onClick={check} aria-label={checkLabel}>{t('practice.check')}</Button>
          {response === null ? <span className="muted small">{t('practice.answerFirst')}</span> : null}
        </div>
      )}
    </div>
  );
}
