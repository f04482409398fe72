import { useTranslation } from 'react-i18next';
import { useFormat } from '../components/format';

/**
 * P(known) of a skill as a bar, with a line where mastery begins. Screen readers get the value and the
 * threshold in words (`aria-valuetext`); the line itself is decoration.
 */
export function MasteryBar({ value, threshold, label, mastered }: { value: number; threshold?: number; label: string; mastered?: boolean }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const known = Math.max(0, Math.min(1, value));
  const percent = Math.round(known * 100);
  const text = threshold === undefined ? format.chance(known) : t('mastery.valueText', { value: format.chance(known), threshold: format.chance(threshold) });
  return (
    <div className="mastery-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text}>
      <span className={`mastery-fill${mastered ?? (threshold !== undefined && known >= threshold) ? ' mastered' : ''}`} style={{ width: `${percent}%` }} />
      {threshold === undefined ? null : <span className="mastery-threshold" style={{ left: `${Math.round(threshold * 1000) / 10}%` }} aria-hidden="true" />}
    </div>
  );
}
