import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useResource } from '../../api/use-resource';
import { Badge, PageHeader, ResourceView } from '../../ui';
import { CoursePurchase } from '../billing/course/CoursePurchase';
import { CourseExams } from './course/CourseExams';
import { EnrollPanel } from './course/EnrollPanel';
import { loadCoursePage, type CoursePage } from './course/load';
import { LEARNING } from './course/enrollment';
import { Outline } from './course/Outline';
import { PracticeLinks } from './course/PracticeLinks';
import { useFacetLabels } from './catalog/labels';
import './student.css';

/** A course: what it is about, its outline, enrolling, and once enrolled progress, "continue" and its exams. */
export default function Course() {
  const { t } = useTranslation('student');
  const { courseId = '' } = useParams();
  const page = useResource(() => loadCoursePage(courseId), [courseId]);
  const title = page.state.data?.course.title ?? t('course.title');
  return (
    <>
      <PageHeader title={title} description={page.state.data?.course.summary || undefined} />
      <ResourceView resource={page}>{(data) => <CourseBody data={data} onChanged={page.reload} />}</ResourceView>
    </>
  );
}

function CourseBody({ data, onChanged }: { data: CoursePage; onChanged: () => void }) {
  const { t } = useTranslation('student');
  const labels = useFacetLabels();
  const { course } = data;
  return (
    <div className="stack">
      <ul className="facts" aria-label={t('catalog.details')}>
        {course.category ? <li>{course.category}</li> : null}
        <li>{labels.level(course.level)}</li>
        <li>{labels.language(course.language)}</li>
        {course.tags.map((tag) => <li key={tag}>#{tag}</li>)}
        {course.priceRef ? <li><Badge tone="warning">{t('course.paid')}</Badge></li> : null}
      </ul>
      {course.priceRef ? (
        <CoursePurchase place={{ courseId: course.id, enrollment: data.enrollment }} onChanged={onChanged}>
          <EnrollPanel data={data} onChanged={onChanged} />
        </CoursePurchase>
      ) : <EnrollPanel data={data} onChanged={onChanged} />}
      {data.mine && LEARNING.includes(data.mine.status) ? <PracticeLinks courseId={course.id} /> : null}
      <Outline structure={data.structure} progress={data.progress} />
      {data.exams ? <CourseExams courseId={course.id} exams={data.exams} /> : null}
    </div>
  );
}
