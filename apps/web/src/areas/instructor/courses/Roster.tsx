import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { EmptyState, PageHeader, ResourceView, SelectField, useCursorPaging } from '../../../ui';
import { PageButtons } from '../components/PageButtons';
import type { ResponseOf } from '../lib/api-types';
import { formatDateTime, shortId } from '../lib/dates';
import '../instructor.css';

type Row = ResponseOf<'/api/v1/courses/{courseId}/roster', 'get'>['items'][number];
type Status = Row['status'];
const STATUSES: Status[] = ['requested', 'pending_payment', 'active', 'waitlisted', 'completed', 'cancelled', 'expired'];

/** `/teach/courses/:courseId/roster`: the course's students with status and progress, a page at a time. */
export default function Roster() {
  const { courseId = '' } = useParams();
  const { t, i18n } = useTranslation('instructor');
  const [status, setStatus] = useState<Status | ''>('');
  const paging = useCursorPaging();
  const { cursor } = paging;
  const roster = useResource(() => unwrap(api.GET('/api/v1/courses/{courseId}/roster', { params: { path: { courseId }, query: { limit: 25, ...(cursor ? { cursor } : {}), ...(status ? { status } : {}) } } })), [courseId, status, cursor]);
  return (
    <>
      <PageHeader title={t('roster.title')} description={t('roster.description')} actions={<Link to={`/teach/courses/${courseId}`}>{t('shared.backToCourse')}</Link>} />
      <div className="form-grid">
        <SelectField label={t('roster.statusFilter')} value={status} onChange={(event) => { setStatus(event.target.value as Status | ''); paging.reset(); }}
          options={[{ value: '', label: t('roster.anyStatus') }, ...STATUSES.map((value) => ({ value, label: t(`enrollmentStatus.${value}`) }))]} />
      </div>
      <ResourceView resource={roster}>
        {(page) => page.items.length === 0 && paging.page === 1 ? <EmptyState>{t('roster.empty')}</EmptyState> : (
          <div className="stack">
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('roster.title')}</caption>
                <thead><tr><th scope="col">{t('roster.student')}</th><th scope="col">{t('roster.status')}</th><th scope="col">{t('roster.progress')}</th><th scope="col">{t('roster.lastActivity')}</th></tr></thead>
                <tbody>
                  {page.items.map((row) => (
                    <tr key={row.enrollmentId}>
                      <td>{row.name ? <><span>{row.name}</span> <span className="muted">{row.email}</span></> : <span title={row.userId}>{t('shared.student', { id: shortId(row.userId) })}</span>}</td>
                      <td>{t(`enrollmentStatus.${row.status}`)}{row.waitlistPosition ? ` (${t('roster.waitlistPosition', { position: row.waitlistPosition })})` : ''}</td>
                      <td>{t('roster.progressValue', { percent: row.percent, done: row.completedLessons, total: row.totalLessons })}</td>
                      <td>{row.lastActivityAt ? formatDateTime(row.lastActivityAt, i18n.language) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <PageButtons paging={paging} nextCursor={page.nextCursor} />
          </div>
        )}
      </ResourceView>
    </>
  );
}
