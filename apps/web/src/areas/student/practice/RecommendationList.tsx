import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../ui';
import type { DueReview, Recommendations } from '../api-types';
import { useFormat } from '../components/format';
import { learningPathPath, practicePath } from '../components/status';
import { useReasonText } from './reasons';

/** The next step in each of the student's courses: why, how likely they are to get it right, and "Practise". */
export function RecommendationList({ recommendations }: { recommendations: Recommendations }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const reasonText = useReasonText();
  if (recommendations.items.length === 0) {
    return <EmptyState>{t('recommend.none')}</EmptyState>;
  }
  return (
    <ul className="plain-list recommendations">
      {recommendations.items.map((item) => {
        const reason = reasonText({ code: item.reasonCode, text: item.reason, skill: item.skill?.name ?? null, forSkill: item.forSkill?.name ?? null });
        return (
          <li key={item.courseId} data-testid="recommendation">
            <div className="row spread">
              <strong>{item.courseTitle}</strong>
              <Link className="btn small" to={practicePath(item.courseId)} aria-label={t('recommend.practiseIn', { title: item.courseTitle })}>{t('recommend.practise')}</Link>
            </div>
            <p className="recommend-reason">{reason ?? t('recommend.allMastered')}</p>
            <p className="row muted small">
              {item.predictedSuccess === null ? null : <span>{t('practice.predicted', { chance: format.chance(item.predictedSuccess) })}</span>}
              <Link to={learningPathPath(item.courseId)} aria-label={t('recommend.pathOf', { title: item.courseTitle })}>{t('recommend.path')}</Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** Skills whose spaced review is due, most overdue first. */
export function DueReviews({ reviews }: { reviews: DueReview[] }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  return (
    <div className="due-reviews">
      <h3>{t('reviews.dueHeading')}</h3>
      {reviews.length === 0 ? <p className="muted">{t('reviews.noneDue')}</p> : (
        <ul className="due-list">
          {reviews.map((review) => (
            <li key={review.skill.id}>{t('reviews.due', { skill: review.skill.name, when: format.dateTime(review.dueAt) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
