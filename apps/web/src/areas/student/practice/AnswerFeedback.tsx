import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerSanitizedHtml } from '../../../ui';
import type { PracticeResult } from '../api-types';
import { feedbackMessages } from './check-answer';

/**
 * Right or wrong at once, with the item's feedback (HTML the catalog sanitised when the item was written).
 * It takes the focus when it appears: the "Check" button that had it is gone.
 */
export function AnswerFeedback({ result }: { result: PracticeResult }) {
  const { t } = useTranslation('student');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} className={`alert ${result.correct ? 'success' : 'warning'} answer-feedback`} role="status" data-testid="answer-feedback">
      <p className="answer-verdict">{result.correct ? t('practice.right') : t('practice.wrong')}</p>
      {feedbackMessages(result.feedback).map((html, index) => <ServerSanitizedHtml key={index} className="rich-text" html={html} />)}
    </div>
  );
}
