import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { learningPathPath, practicePath } from '../components/status';

/** For an enrolled student: practice chosen for them, and their path through the course's skills. */
export function PracticeLinks({ courseId }: { courseId: string }) {
  const { t } = useTranslation('student');
  return (
    <section className="card" aria-labelledby="practice-links-heading">
      <h2 id="practice-links-heading">{t('course.practiceHeading')}</h2>
      <p className="muted">{t('course.practiceText')}</p>
      <div className="row">
        <Link className="btn" to={practicePath(courseId)}>{t('course.practise')}</Link>
        <Link className="btn secondary" to={learningPathPath(courseId)}>{t('course.path')}</Link>
      </div>
    </section>
  );
}
