import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { Button, ResourceView, ServerSanitizedHtml } from '../../../ui';
import { deliveredItem } from '../exam/items';
import { QuestionPreview } from '../exam/questions/Preview';

/**
 * A question embedded in a lesson, as the course version froze it. The API has no endpoint that grades
 * practice answers yet, so the question is shown read-only (with its hints) and the student is told so.
 */
export function QuestionBlock({ lessonId, itemId, version, number }: { lessonId: string; itemId: string; version: number; number: number }) {
  const { t } = useTranslation('student');
  const item = useResource(
    async () => deliveredItem(await unwrap(api.GET('/api/v1/lessons/{lessonId}/items/{itemId}', { params: { path: { lessonId, itemId }, query: { version } } }))),
    [lessonId, itemId, version],
  );
  return (
    <section className="card question-block" aria-label={t('question.numbered', { number })}>
      <ResourceView resource={item}>
        {(question) => (
          <>
            <h2 className="question-title">{t('question.numbered', { number })}{question.title ? ` · ${question.title}` : ''}</h2>
            <QuestionPreview item={question} />
            <Hints hints={question.hints} />
            <p className="muted small">{t('question.practiceNotChecked')}</p>
          </>
        )}
      </ResourceView>
    </section>
  );
}

/** Hints one after another, each on request. */
function Hints({ hints }: { hints: string[] }) {
  const { t } = useTranslation('student');
  const [shown, setShown] = useState(0);
  if (hints.length === 0) return null;
  return (
    <div className="hints" aria-live="polite">
      {hints.slice(0, shown).map((hint, index) => <ServerSanitizedHtml key={index} className="alert info" html={hint} />)}
      {shown < hints.length ? <Button variant="secondary" small onClick={() => setShown(shown + 1)}>{shown === 0 ? t('question.showHint') : t('question.nextHint')}</Button> : null}
    </div>
  );
}
