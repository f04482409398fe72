import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useItemAttempt } from '../../../analytics/use-item-attempt';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { Button, ResourceView } from '../../../ui';
import { deliveredItem, type DeliveredItem } from '../exam/items';
import { QuestionPreview } from '../exam/questions/Preview';
import { isCheckable } from '../practice/check-answer';
import { CheckableQuestion } from '../practice/CheckableQuestion';
import { Hints } from '../practice/Hints';

interface Props {
  lessonId: string;
  itemId: string;
  version: number;
  number: number;
  courseId: string;
  /** The student learns in the course, so answers can be checked (and count towards their mastery). */
  checkable: boolean;
}

/**
 * A question embedded in a lesson, as the course version froze it. An enrolled student answers it and
 * "Check" grades it as practice (the adaptive service's learner model learns from it); anyone else, and
 * questions a machine cannot grade, see it read-only with its hints.
 */
export function QuestionBlock({ lessonId, itemId, version, number, courseId, checkable }: Props) {
  const { t } = useTranslation('student');
  const item = useResource(
    async () => deliveredItem(await unwrap(api.GET('/api/v1/lessons/{lessonId}/items/{itemId}', { params: { path: { lessonId, itemId }, query: { version } } }))),
    [lessonId, itemId, version],
  );
  return (
    <section className="card question-block" aria-label={t('question.numbered', { number })}>
      <ResourceView resource={item}>
        {(question) => (checkable && isCheckable(question)
          ? <Answerable question={question} number={number} courseId={courseId} lessonId={lessonId} />
          : <ReadOnly question={question} number={number} checkable={checkable} />)}
      </ResourceView>
    </section>
  );
}

function headingOf(question: DeliveredItem, number: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  return `${t('question.numbered', { number })}${question.title ? ` · ${question.title}` : ''}`;
}

function Answerable({ question, number, courseId, lessonId }: { question: DeliveredItem; number: number; courseId: string; lessonId: string }) {
  const { t } = useTranslation('student');
  // "Try again" starts the question afresh: a new key mounts it with no answer and no feedback.
  const [round, setRound] = useState(0);
  const attempted = useItemAttempt({ courseId, lessonId, itemId: question.id }, round);
  return (
    <CheckableQuestion key={round} item={question} courseId={courseId} idBase={`lesson-q${number}-${round}`} focusHeading={round > 0}
      heading={headingOf(question, number, t)} checkLabel={t('question.checkNumbered', { number })} onChecked={attempted}
      after={() => <div><Button variant="secondary" small onClick={() => setRound(round + 1)}>{t('question.tryAgain')}</Button></div>} />
  );
}

function ReadOnly({ question, number, checkable }: { question: DeliveredItem; number: number; checkable: boolean }) {
  const { t } = useTranslation('student');
  return (
    <>
      <h2 className="question-title">{headingOf(question, number, t)}</h2>
      <QuestionPreview item={question} />
      <Hints hints={question.hints} />
      <p className="muted small">{t(checkable ? 'question.notCheckedKind' : 'question.enrollToCheck')}</p>
    </>
  );
}
