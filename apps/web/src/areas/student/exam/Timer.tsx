import { useTranslation } from 'react-i18next';
import { formatRemaining } from './countdown';

const WARN_MS = 5 * 60_000;

/**
 * The time left. The visible clock is not a live region (it would talk every second); the thresholds of
 * ANNOUNCE_AT_MINUTES are announced politely instead.
 */
export function Timer({ remainingMs, announcedMinutes }: { remainingMs: number | null; announcedMinutes: number | null }) {
  const { t } = useTranslation('student');
  if (remainingMs === null) return <p className="exam-timer untimed">{t('timer.untimed')}</p>;
  return (
    <>
      <p className={`exam-timer ${remainingMs <= WARN_MS ? 'warn' : ''}`}>
        <span className="muted">{t('timer.label')}</span>{' '}
        <span role="timer" aria-label={t('timer.label')} data-testid="time-left">{formatRemaining(remainingMs)}</span>
      </p>
      <p className="sr-only" aria-live="polite" data-testid="time-announcement">{announcedMinutes ? t('timer.announce', { count: announcedMinutes }) : ''}</p>
    </>
  );
}
