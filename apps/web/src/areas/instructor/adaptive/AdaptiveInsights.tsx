import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useResource, type ResourceHandle } from '../../../api/use-resource';
import { withEtag } from '../../../api/versioned';
import { Alert, Card, PageHeader, ResourceView } from '../../../ui';
import { shortId } from '../lib/dates';
import { AtRiskList } from './AtRiskList';
import { ItemFitTable } from './ItemFitTable';
import { MasteryHeatMap } from './MasteryHeatMap';
import { SelectionSettings } from './SelectionSettings';
import { studentNames } from './student-names';
import '../instructor.css';

/**
 * `/teach/courses/:courseId/adaptive`: what the adaptive service knows of the class: mastery per student and
 * skill, who is predicted to struggle, which items look wrong, and the course's selection settings.
 */
export default function AdaptiveInsights() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation('instructor');
  const path = { params: { path: { courseId } } };
  const mastery = useResource(() => unwrap(api.GET('/api/v1/adaptive/courses/{courseId}/mastery', path)), [courseId]);
  const atRisk = useResource(() => unwrap(api.GET('/api/v1/adaptive/courses/{courseId}/at-risk', path)), [courseId]);
  const itemFit = useResource(() => unwrap(api.GET('/api/v1/adaptive/courses/{courseId}/item-fit', path)), [courseId]);
  const settings = useResource(() => withEtag(api.GET('/api/v1/adaptive/courses/{courseId}/settings', path)), [courseId]);
  const names = useResource(() => studentNames(courseId), [courseId]);
  const nameOf = (userId: string) => names.state.data?.get(userId) ?? t('shared.student', { id: shortId(userId) });
  return (
    <>
      <PageHeader title={t('adaptive.title')} description={t('adaptive.description')}
        actions={<nav aria-label={t('course.related')} className="row"><Link to={`/teach/courses/${courseId}`}>{t('shared.backToCourse')}</Link><Link to={`/teach/courses/${courseId}/roster`}>{t('course.roster')}</Link><Link to={`/teach/courses/${courseId}/gradebook`}>{t('course.gradebook')}</Link></nav>} />
      {notPublished(mastery) ? <Alert tone="info">{t('adaptive.notPublished')}</Alert> : (
        <div className="stack">
          <Card title={t('adaptive.heatHeading')}>
            <ResourceView resource={mastery}>{(data) => <MasteryHeatMap data={data} nameOf={nameOf} />}</ResourceView>
          </Card>
          <Card title={t('adaptive.atRiskHeading')}>
            <ResourceView resource={atRisk}>{(data) => <AtRiskList data={data} nameOf={nameOf} />}</ResourceView>
          </Card>
          <Card title={t('adaptive.itemFitHeading')}>
            <ResourceView resource={itemFit}>{(data) => <ItemFitTable data={data} />}</ResourceView>
          </Card>
          <Card title={t('adaptive.settingsHeading')}>
            <p className="muted">{t('adaptive.settingsDescription')}</p>
            <ResourceView resource={settings}>
              {(data) => <SelectionSettings key={data.etag} courseId={courseId} settings={data} onSaved={(saved) => settings.update(() => saved)} onReload={settings.reload} />}
            </ResourceView>
          </Card>
        </div>
      )}
    </>
  );
}

/** The adaptive service learns of a course when it is published; before that it knows nothing of it. */
function notPublished(resource: ResourceHandle<unknown>): boolean {
  return resource.state.status === 'error' && resource.state.error.code === 'ADAPTIVE.COURSE_NOT_FOUND';
}
