import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui';
import type { LearnerMastery, MasteryChange } from '../api-types';
import { useFormat } from '../components/format';
import { MasteryBar } from './MasteryBar';

/** Mastery of each skill of the course, with what the last answer changed. */
export function MasteryPanel({ mastery, changes }: { mastery: LearnerMastery; changes: MasteryChange[] }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const threshold = mastery.masteryThreshold;
  const changed = (skillId: string) => changes.find((change) => change.skill.id === skillId);
  return (
    <section className="card mastery-panel" aria-labelledby="mastery-heading">
      <h2 id="mastery-heading">{t('mastery.heading')}</h2>
      <p className="muted small">{t('mastery.explain', { threshold: format.chance(threshold) })}</p>
      {mastery.skills.length === 0 ? <p className="muted">{t('mastery.noSkills')}</p> : null}
      <ul className="plain-list mastery-list">
        {mastery.skills.map((entry) => {
          const change = changed(entry.skill.id);
          return (
            <li key={entry.skill.id}>
              <div className="row spread">
                <span className="mastery-skill">{entry.skill.name}</span>
                <span className="row mastery-value">
                  {format.chance(entry.pKnown)}
                  {entry.mastered ? <Badge tone="success">{t('mastery.mastered')}</Badge> : null}
                </span>
              </div>
              <MasteryBar value={entry.pKnown} threshold={threshold} mastered={entry.mastered} label={t('mastery.of', { skill: entry.skill.name })} />
              <span className="muted small">
                {change ? `${t(change.after >= change.before ? 'mastery.rose' : 'mastery.fell', { before: format.chance(change.before), after: format.chance(change.after) })} · ` : ''}
                {t('mastery.answers', { count: entry.attempts, right: entry.successes })}
              </span>
            </li>
          );
        })}
      </ul>
      {/* The bars move silently; this says once what the last answer did. */}
      <p className="sr-only" aria-live="polite">
        {changes.map((change) => t('mastery.changed', { skill: change.skill.name, before: format.chance(change.before), after: format.chance(change.after) })).join(' ')}
      </p>
    </section>
  );
}
