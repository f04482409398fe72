import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ServerSanitizedHtml } from '../../../ui';

/** Hints one after another, each on request. */
export function Hints({ hints }: { hints: string[] }) {
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
