import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog } from '../../../ui';

/** "Submit" with a confirmation that says how many questions are still unanswered. */
export function SubmitPanel({ answered, total, busy, onSubmit }: { answered: number; total: number; busy: boolean; onSubmit: () => void }) {
  const { t } = useTranslation('student');
  const common = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card" aria-labelledby="submit-heading">
      <h2 id="submit-heading">{t('submit.heading')}</h2>
      <p>{t('submit.answered', { answered, total })}</p>
      <Button busy={busy} onClick={() => setConfirming(true)}>{t('submit.action')}</Button>
      <Dialog open={confirming} title={t('submit.confirmTitle')} onClose={() => setConfirming(false)}>
        <p>{answered < total ? t('submit.unanswered', { count: total - answered }) : t('submit.allAnswered')}</p>
        <p>{t('submit.final')}</p>
        <div className="row">
          <Button onClick={() => { setConfirming(false); onSubmit(); }}>{t('submit.confirm')}</Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>{common.t('action.cancel')}</Button>
        </div>
      </Dialog>
    </section>
  );
}
