import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { withEtag } from '../../../api/versioned';
import { PageHeader, ResourceView, Tabs } from '../../../ui';
import { StatusBadge } from '../components/StatusBadge';
import type { CourseDraft } from './course-types';
import { CourseSettingsForm } from './CourseSettingsForm';
import { EnrollmentSettings } from './EnrollmentSettings';
import { Outline } from './Outline';
import { Publishing } from './Publishing';
import '../instructor.css';

const TABS = ['outline', 'settings', 'publishing', 'enrollment'] as const;
type TabId = (typeof TABS)[number];

/** `/teach/courses/:courseId`: a course draft's outline, settings, review and publishing, enrollment. */
export default function CourseAuthoring() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation('instructor');
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabId) : 'outline';
  const course = useResource(() => withEtag(api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId }, query: { view: 'draft' } } })), [courseId]);
  const select = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', id);
    setParams(next, { replace: true });
  };
  return (
    <ResourceView resource={course}>
      {({ data, etag }) => {
        const draft = data as CourseDraft;
        const replace = (next: CourseDraft, nextEtag: string) => course.update(() => ({ data: { ...draft, ...next }, etag: nextEtag }));
        return (
          <>
            <PageHeader title={draft.title} description={<span className="row"><StatusBadge status={draft.status} /><span>{t('course.versionLine', { version: draft.version, published: draft.publishedVersion ?? '—' })}</span></span>}
              actions={<nav aria-label={t('course.related')} className="row"><Link to={`/teach/courses/${courseId}/exams`}>{t('course.exams')}</Link><Link to={`/teach/courses/${courseId}/gradebook`}>{t('course.gradebook')}</Link><Link to={`/teach/courses/${courseId}/roster`}>{t('course.roster')}</Link><Link to={`/teach/courses/${courseId}/adaptive`}>{t('course.adaptive')}</Link><Link to={`/teach/courses/${courseId}/analytics`}>{t('course.analytics')}</Link><Link to={`/teach/courses/${courseId}/announcements`}>{t('course.announcements')}</Link><Link to={`/teach/courses/${courseId}/price`}>{t('course.price')}</Link></nav>} />
            {draft.status === 'in_review' ? <p className="alert info">{t('course.inReviewNote')}</p> : null}
            <Tabs label={t('course.sections')} selected={tab} onSelect={select} tabs={[
              { id: 'outline', label: t('course.tab.outline'), content: () => <Outline courseId={courseId} locked={draft.status === 'in_review'} onChanged={course.reload} /> },
              { id: 'settings', label: t('course.tab.settings'), content: () => <CourseSettingsForm key={etag} course={draft} etag={etag} onSaved={replace} onReload={course.reload} /> },
              { id: 'publishing', label: t('course.tab.publishing'), content: () => <Publishing course={draft} etag={etag} onChanged={replace} onReload={course.reload} /> },
              { id: 'enrollment', label: t('course.tab.enrollment'), content: () => <EnrollmentSettings courseId={courseId} published={draft.publishedVersion !== null} /> },
            ]} />
          </>
        );
      }}
    </ResourceView>
  );
}
