import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { PageHeader, ResourceView } from '../../ui';
import { DueReviews, RecommendationList } from './practice/RecommendationList';
import { ReviewSettings } from './practice/ReviewSettings';
import './student.css';

/** `/learn/practice`: the next step in each course, the reviews due, and how reviews are planned. */
export default function PracticeOverview() {
  const { t } = useTranslation('student');
  const recommendations = useResource(() => unwrap(api.GET('/api/v1/adaptive/recommendations')), []);
  return (
    <>
      <PageHeader title={t('practice.overviewTitle')} description={t('practice.overviewDescription')} />
      <div className="stack">
        <section className="card" aria-labelledby="courses-practice-heading">
          <h2 id="courses-practice-heading">{t('practice.yourCourses')}</h2>
          <ResourceView resource={recommendations}>
            {(data) => (
              <>
                <RecommendationList recommendations={data} />
                <DueReviews reviews={data.dueReviews} />
              </>
            )}
          </ResourceView>
        </section>
        <ReviewSettings />
      </div>
    </>
  );
}
